//! Unit tests of the parent module.

use super::*;
use image::{Rgb, RgbImage};

#[test]
fn padding_is_trimmed_and_sampling_reads_boxes() {
    let img = RgbImage::from_fn(200, 200, |x, y| {
        if (40..160).contains(&x) && (50..170).contains(&y) {
            Rgb([200, 20, 20])
        } else {
            Rgb([255, 255, 255])
        }
    });
    let w = WorkImage::new(&DynamicImage::ImageRgb8(img));
    let b = w.content_box();
    assert!((b.x0 - 0.2).abs() < 0.02 && (b.y0 - 0.25).abs() < 0.02, "{b:?}");
    assert!((b.x1 - 0.8).abs() < 0.02 && (b.y1 - 0.85).abs() < 0.02, "{b:?}");
    let luma = w.luma();
    let mut v = Vec::new();
    luma.sample(b, 8, false, &mut v);
    assert!(
        v.iter()
            .all(|&l| (l - 0.299 * 200.0 - 0.587 * 20.0 - 0.114 * 20.0).abs() < 1.0)
    );
}

#[test]
fn every_layout_reduces_to_the_same_cells() {
    use image::{GrayImage, Luma, Rgba, RgbaImage};
    for (w, h) in [(10, 7), (64, 64), (300, 200), (400, 400), (1000, 700)] {
        let grey = GrayImage::from_fn(w, h, |x, y| Luma([((x * 7 + y * 13) % 251) as u8]));
        let as_rgb = RgbImage::from_fn(w, h, |x, y| {
            let v = grey.get_pixel(x, y)[0];
            Rgb([v, v, v])
        });
        let rgb_of = |img: DynamicImage| WorkImage::new(&img).rgb;
        assert_eq!(
            rgb_of(DynamicImage::ImageLuma8(grey.clone())),
            rgb_of(DynamicImage::ImageRgb8(as_rgb.clone()))
        );
        let colour = RgbImage::from_fn(w, h, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
        });
        let opaque = RgbaImage::from_fn(w, h, |x, y| {
            let p = colour.get_pixel(x, y);
            Rgba([p[0], p[1], p[2], 255])
        });
        assert_eq!(
            rgb_of(DynamicImage::ImageRgba8(opaque)),
            rgb_of(DynamicImage::ImageRgb8(colour.clone()))
        );
        // Transparent pixels in some rows only: those composited over white one by one.
        let alpha = |x: u32, y: u32| if y.is_multiple_of(5) { (x % 256) as u8 } else { 255 };
        let clear = RgbaImage::from_fn(w, h, |x, y| {
            let p = colour.get_pixel(x, y);
            Rgba([p[0], p[1], p[2], alpha(x, y)])
        });
        let over_white = RgbImage::from_fn(w, h, |x, y| {
            let (p, a) = (colour.get_pixel(x, y), u32::from(alpha(x, y)));
            Rgb(p.0.map(|c| ((u32::from(c) * a + 255 * (255 - a)) / 255) as u8))
        });
        assert_eq!(
            rgb_of(DynamicImage::ImageRgba8(clear)),
            rgb_of(DynamicImage::ImageRgb8(over_white)),
            "{w}×{h}"
        );
    }
}

#[test]
fn bytes_round_as_round_does() {
    let mut x = -3.0f32;
    while x < 260.0 {
        assert_eq!(to_byte(x), x.round().clamp(0.0, 255.0) as u8, "{x}");
        x += 0.03125 / 4.0;
    }
    for x in [
        f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        -0.0,
        0.49999997,
        0.5,
        254.49998,
        254.5,
        f32::MIN_POSITIVE,
    ] {
        assert_eq!(to_byte(x), x.round().clamp(0.0, 255.0) as u8, "{x}");
    }
}

#[test]
fn small_pictures_fill_the_working_image() {
    let img = RgbImage::from_fn(10, 10, |x, _| if x < 5 { Rgb([0, 0, 0]) } else { Rgb([255, 255, 255]) });
    let w = WorkImage::new(&DynamicImage::ImageRgb8(img));
    let l = w.luma();
    assert!(l.at(0, 0) < 1.0 && l.at(WORK - 1, WORK - 1) > 254.0);
    assert!(l.at(WORK / 2 - 2, 30) < 1.0 && l.at(WORK / 2 + 1, 30) > 254.0);
}
