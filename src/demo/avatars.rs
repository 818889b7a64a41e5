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

/// An emblem: 160×160, deterministic from `seed`: a ground (plain, split or striped, in
/// colours of its own), a mark of n×n cells (4 to 7) mirrored left to right (as identicons are
/// drawn, so that every seed has a pattern of its own), a disc and a bar, each sized, placed and
/// coloured by the seed, so that two seeds give two pictures no one would take for one.
pub fn emblem(seed: u64) -> RgbImage {
    let mut r = Rng::new(seed ^ 0x5EED_A7A7);
    let mut colour = || {
        Rgb([
            (r.next_u64() % 220) as u8 + 20,
            (r.next_u64() % 220) as u8 + 20,
            (r.next_u64() % 220) as u8 + 20,
        ])
    };
    let (ground_a, ground_b, mark, bar_colour) = (colour(), colour(), colour(), colour());
    let mut r = Rng::new(seed);
    let ground = r.below(3);
    let period = 16 + r.below(40) as i64;
    let slope = r.below(3) as i64 - 1;
    // Cells of the mark: n×n (4 to 7), the left half chosen and mirrored; at least a third
    // filled. Cells are sized to the mark, which is placed anywhere that fits.
    let n = 4 + r.below(4);
    let mut cells = [[false; 7]; 7];
    while cells.iter().flatten().filter(|c| **c).count() * 3 < n * n {
        for row in cells.iter_mut().take(n) {
            for col in 0..n.div_ceil(2) {
                let on = r.below(2) == 0;
                row[col] = on;
                row[n - 1 - col] = on;
            }
        }
    }
    let cell = (60 + r.below(50) as i64) / n as i64;
    let span = cell * n as i64;
    let (mx, my) = (
        r.below((160 - span).max(1) as usize) as i64,
        r.below((160 - span).max(1) as usize) as i64,
    );
    let disc = (
        r.below(120) as i64 + 20,
        r.below(120) as i64 + 20,
        10 + r.below(26) as i64,
    );
    let bar_at = r.below(140) as i64;
    let bar_w = 6 + r.below(14) as i64;
    let vertical = r.below(2) == 0;
    RgbImage::from_fn(160, 160, |x, y| {
        let (x, y) = (i64::from(x), i64::from(y));
        let (cx, cy) = ((x - mx).div_euclid(cell), (y - my).div_euclid(cell));
        let n = n as i64;
        if (0..n).contains(&cx) && (0..n).contains(&cy) && cells[cy as usize][cx as usize] {
            return mark;
        }
        if (x - disc.0).pow(2) + (y - disc.1).pow(2) < disc.2.pow(2) {
            return bar_colour;
        }
        let along = if vertical { x } else { y };
        if along >= bar_at && along < bar_at + bar_w {
            return bar_colour;
        }
        let light = match ground {
            0 => true,
            1 => x + slope * y < 160,
            _ => (x + slope * y).rem_euclid(period) < period / 2,
        };
        if light { ground_a } else { ground_b }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emblems_of_different_seeds_are_different_pictures() {
        use crate::matching::avatar::fingerprint;
        use crate::matching::thresholds::AVATAR_SIMILAR_FLOOR;
        let prints: Vec<_> = (0..10u64)
            .map(|s| fingerprint(&DynamicImage::ImageRgb8(emblem(s * 7919 + 1))))
            .collect();
        for (i, a) in prints.iter().enumerate() {
            for b in &prints[i + 1..] {
                let s = a.align(b).similarity;
                assert!(s < AVATAR_SIMILAR_FLOOR, "seeds too alike: {s:.2}");
            }
        }
    }
}
