//! Generated avatars for the demo platform: a distinct emblem per seed (rings, bars and a
//! disc in two colours), and the copies impostors make of them (re-encoded smaller as JPEG,
//! mirrored, cropped).

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage, imageops};

use crate::synthetic::Rng;

/// How an avatar is derived from an emblem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Copy {
    /// The same file.
    Exact,
    /// Downscaled and re-encoded as JPEG (what a platform's CDN or a screenshot does).
    Reencoded,
    /// Mirrored left to right.
    Mirrored,
    /// A few pixels cropped from the edges, then scaled back.
    Cropped,
}

/// An emblem: 160×160, deterministic from `seed`.
pub fn emblem(seed: u64) -> RgbImage {
    let mut r = Rng::new(seed ^ 0x5EED_A7A7);
    let mut colour = || {
        Rgb([
            (r.next_u64() % 200) as u8 + 30,
            (r.next_u64() % 200) as u8 + 30,
            (r.next_u64() % 200) as u8 + 30,
        ])
    };
    let (a, b, c) = (colour(), colour(), colour());
    let mut r = Rng::new(seed);
    let cx = 50.0 + r.below(60) as f64;
    let cy = 50.0 + r.below(60) as f64;
    let radius = 20.0 + r.below(30) as f64;
    let ring = 6.0 + r.below(14) as f64;
    let bar_w = 8 + r.below(24) as u32;
    let bar_at = r.below(120) as u32;
    let vertical = r.below(2) == 0;
    RgbImage::from_fn(160, 160, |x, y| {
        let d = ((x as f64 - cx).powi(2) + (y as f64 - cy).powi(2)).sqrt();
        let along = if vertical { x } else { y };
        if d < radius {
            a
        } else if (d - radius * 1.8).abs() < ring / 2.0 {
            b
        } else if along >= bar_at && along < bar_at + bar_w {
            c
        } else if (x / 40 + y / 40) % 2 == 0 {
            Rgb([245, 245, 240])
        } else {
            Rgb([225, 228, 232])
        }
    })
}

/// The avatar file: its bytes and media type.
pub fn render(seed: u64, copy: Copy) -> (Vec<u8>, &'static str) {
    let img = emblem(seed);
    let (img, format) = match copy {
        Copy::Exact => (img, ImageFormat::Png),
        Copy::Reencoded => (
            imageops::resize(&img, 120, 120, imageops::FilterType::Triangle),
            ImageFormat::Jpeg,
        ),
        Copy::Mirrored => (imageops::flip_horizontal(&img), ImageFormat::Png),
        Copy::Cropped => {
            let cropped = imageops::crop_imm(&img, 6, 6, 148, 148).to_image();
            (
                imageops::resize(&cropped, 160, 160, imageops::FilterType::Triangle),
                ImageFormat::Png,
            )
        }
    };
    let mut out = Cursor::new(Vec::new());
    // Encoding an in-memory RGB image to PNG or JPEG cannot fail.
    let _ = DynamicImage::ImageRgb8(img).write_to(&mut out, format);
    let media = if format == ImageFormat::Jpeg {
        "image/jpeg"
    } else {
        "image/png"
    };
    (out.into_inner(), media)
}
