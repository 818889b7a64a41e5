//! Avatar fingerprints: two perceptual hashes (gradient "dHash" and DCT "pHash", 64 bits each)
//! of the picture and of its mirror image, computed from bytes with explicit decoding limits.
//!
//! Owns decoding (with `image`'s limits, so a decompression bomb is refused before any pixel
//! is allocated) and comparison by Hamming distance. It reads no files and fetches nothing:
//! callers pass bytes.

use std::io::Cursor;

use image::{DynamicImage, GenericImageView, ImageReader, Limits, Rgba, RgbaImage};
use image_hasher::{HashAlg, Hasher, HasherConfig};

use super::thresholds as t;

/// Decoding limits for avatars. Platform avatars are at most a few hundred pixels and a few
/// hundred kilobytes; these leave room and refuse everything beyond.
#[derive(Debug, Clone, Copy)]
pub struct AvatarLimits {
    /// Largest file accepted, in bytes.
    pub max_bytes: usize,
    /// Largest width or height accepted, in pixels (checked from the header, before decoding).
    pub max_dimension: u32,
    /// Most memory the decoder may allocate, in bytes.
    pub max_alloc: u64,
}

impl Default for AvatarLimits {
    fn default() -> Self {
        AvatarLimits {
            max_bytes: 5 * 1024 * 1024,
            max_dimension: 4096,
            max_alloc: 64 * 1024 * 1024,
        }
    }
}

/// Why an avatar could not be fingerprinted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AvatarError {
    /// The file is larger than `max_bytes`.
    #[error("avatar is {size} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The bytes are not a PNG, JPEG, WebP or GIF image.
    #[error("avatar is not a supported image (PNG, JPEG, WebP, GIF)")]
    NotAnImage,
    /// The header declares more pixels than allowed (a decompression bomb or a poster).
    #[error("avatar declares {width}×{height} pixels; the limit is {limit}×{limit}")]
    TooManyPixels {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
        /// The limit per side.
        limit: u32,
    },
    /// The image is truncated or corrupt.
    #[error("avatar cannot be decoded: {0}")]
    Undecodable(String),
    /// The image is empty (0 pixels).
    #[error("avatar has no pixels")]
    Empty,
}

/// Perceptual fingerprint of one avatar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AvatarHash {
    /// Gradient (difference) hash, 8×8.
    pub gradient: u64,
    /// DCT mean hash (pHash-like), 8×8.
    pub dct: u64,
    /// Gradient hash of the mirrored picture.
    pub gradient_mirror: u64,
    /// DCT hash of the mirrored picture.
    pub dct_mirror: u64,
    /// The picture is plain (one colour, a default silhouette) and proves nothing.
    pub plain: bool,
}

impl AvatarHash {
    /// Mean Hamming distance over the two hash kinds (0–64), the closer of as-is and mirrored.
    pub fn distance(&self, other: &AvatarHash) -> f64 {
        let d = |a: u64, b: u64| f64::from((a ^ b).count_ones());
        let straight = (d(self.gradient, other.gradient) + d(self.dct, other.dct)) / 2.0;
        let mirrored = (d(self.gradient_mirror, other.gradient) + d(self.dct_mirror, other.dct)) / 2.0;
        straight.min(mirrored)
    }

    /// Evidence strength of two avatars being the same picture (0 when either is plain).
    pub fn strength(&self, other: &AvatarHash) -> (f64, f64) {
        let dist = self.distance(other);
        if self.plain || other.plain {
            return (dist, 0.0);
        }
        let s = ((t::AVATAR_FAR - dist) / (t::AVATAR_FAR - t::AVATAR_NEAR)).clamp(0.0, 1.0) * t::AVATAR_SAME;
        (dist, s)
    }

    /// A compact text form (`g:…,d:…,gm:…,dm:…,p:0`) for storage.
    pub fn encode(&self) -> String {
        format!(
            "g:{:016x},d:{:016x},gm:{:016x},dm:{:016x},p:{}",
            self.gradient,
            self.dct,
            self.gradient_mirror,
            self.dct_mirror,
            u8::from(self.plain)
        )
    }

    /// Reads the text form written by [`AvatarHash::encode`]; `None` if it is not one.
    pub fn decode(text: &str) -> Option<AvatarHash> {
        let mut fields = std::collections::HashMap::new();
        for part in text.split(',') {
            let (k, v) = part.split_once(':')?;
            fields.insert(k, v);
        }
        let hex = |k: &str| fields.get(k).and_then(|v| u64::from_str_radix(v, 16).ok());
        Some(AvatarHash {
            gradient: hex("g")?,
            dct: hex("d")?,
            gradient_mirror: hex("gm")?,
            dct_mirror: hex("dm")?,
            plain: match *fields.get("p")? {
                "0" => false,
                "1" => true,
                _ => return None,
            },
        })
    }
}

struct Hashers {
    gradient: Hasher<[u8; 8]>,
    dct: Hasher<[u8; 8]>,
}

fn hashers() -> &'static Hashers {
    static H: std::sync::LazyLock<Hashers> = std::sync::LazyLock::new(|| Hashers {
        gradient: HasherConfig::with_bytes_type::<[u8; 8]>()
            .hash_alg(HashAlg::Gradient)
            .hash_size(8, 8)
            .to_hasher(),
        dct: HasherConfig::with_bytes_type::<[u8; 8]>()
            .hash_alg(HashAlg::Mean)
            .hash_size(8, 8)
            .preproc_dct()
            .to_hasher(),
    });
    &H
}

/// Decodes an avatar within `limits` and fingerprints it.
pub fn hash_avatar(bytes: &[u8], limits: &AvatarLimits) -> Result<AvatarHash, AvatarError> {
    Ok(fingerprint(&decode_avatar(bytes, limits)?))
}

/// Decodes a picture within `limits`: size and header dimensions checked before decoding,
/// the decoder's allocations bounded, and a panicking decoder turned into an error.
pub fn decode_avatar(bytes: &[u8], limits: &AvatarLimits) -> Result<DynamicImage, AvatarError> {
    if bytes.len() > limits.max_bytes {
        return Err(AvatarError::TooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    // Decoders are third-party code fed hostile bytes: a panic in one must not end the run.
    std::panic::catch_unwind(|| decode(bytes, limits))
        .unwrap_or_else(|_| Err(AvatarError::Undecodable("decoder panicked".into())))
}

fn decode(bytes: &[u8], limits: &AvatarLimits) -> Result<DynamicImage, AvatarError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| AvatarError::Undecodable(e.to_string()))?;
    if reader.format().is_none() {
        return Err(AvatarError::NotAnImage);
    }
    // Dimensions from the header first: refuse bombs before the decoder allocates.
    let (width, height) = reader.into_dimensions().map_err(|e| classify(e, limits))?;
    if width > limits.max_dimension || height > limits.max_dimension {
        return Err(AvatarError::TooManyPixels {
            width,
            height,
            limit: limits.max_dimension,
        });
    }
    if width == 0 || height == 0 {
        return Err(AvatarError::Empty);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| AvatarError::Undecodable(e.to_string()))?;
    let mut l = Limits::default();
    l.max_image_width = Some(limits.max_dimension);
    l.max_image_height = Some(limits.max_dimension);
    l.max_alloc = Some(limits.max_alloc);
    reader.limits(l);
    reader.decode().map_err(|e| classify(e, limits))
}

fn classify(e: image::ImageError, limits: &AvatarLimits) -> AvatarError {
    match e {
        image::ImageError::Unsupported(_) => AvatarError::NotAnImage,
        image::ImageError::Limits(_) => AvatarError::TooManyPixels {
            width: 0,
            height: 0,
            limit: limits.max_dimension,
        },
        other => AvatarError::Undecodable(other.to_string()),
    }
}

/// Fingerprints a decoded picture: transparent pixels over white (avatars are shown on white),
/// then both hashes of it and of its mirror.
pub fn fingerprint(img: &DynamicImage) -> AvatarHash {
    let (w, h) = img.dimensions();
    let mut flat = RgbaImage::new(w, h);
    for (x, y, Rgba([r, g, b, a])) in img.to_rgba8().enumerate_pixels().map(|(x, y, p)| (x, y, *p)) {
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        flat.put_pixel(x, y, Rgba([over(r), over(g), over(b), 255]));
    }
    let flat = DynamicImage::ImageRgba8(flat);
    let mirror = flat.fliph();
    let hs = hashers();
    let as_u64 = |hash: image_hasher::ImageHash<[u8; 8]>| u64::from_be_bytes(hash.into_inner());
    AvatarHash {
        gradient: as_u64(hs.gradient.hash_image(&flat)),
        dct: as_u64(hs.dct.hash_image(&flat)),
        gradient_mirror: as_u64(hs.gradient.hash_image(&mirror)),
        dct_mirror: as_u64(hs.dct.hash_image(&mirror)),
        plain: is_plain(&flat),
    }
}

fn is_plain(img: &DynamicImage) -> bool {
    let small = img
        .resize_exact(16, 16, image::imageops::FilterType::Triangle)
        .to_luma8();
    let n = f64::from(small.width() * small.height());
    let mean = small.pixels().map(|p| f64::from(p.0[0])).sum::<f64>() / n;
    let var = small.pixels().map(|p| (f64::from(p.0[0]) - mean).powi(2)).sum::<f64>() / n;
    var.sqrt() < t::AVATAR_PLAIN_STDDEV
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageFormat, Rgb, RgbImage};

    fn logo(seed: u32) -> RgbImage {
        RgbImage::from_fn(128, 128, |x, y| {
            let inside = ((x as i32 - 64).pow(2) + (y as i32 - 64).pow(2)) < (30 + seed as i32 * 7).pow(2);
            let stripe = ((x + seed * 13) / 16 + y / (8 + seed)).is_multiple_of(2);
            if inside {
                Rgb([200, 30, 40])
            } else if stripe {
                Rgb([20, 60, 160])
            } else {
                Rgb([240, 240, 240])
            }
        })
    }

    fn encode(img: &RgbImage, fmt: ImageFormat) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(img.clone())
            .write_to(&mut out, fmt)
            .expect("encode");
        out.into_inner()
    }

    #[test]
    fn encode_decode_round_trip() {
        let h = hash_avatar(&encode(&logo(2), ImageFormat::Png), &AvatarLimits::default()).expect("hash");
        assert_eq!(AvatarHash::decode(&h.encode()), Some(h));
        assert_eq!(AvatarHash::decode("g:zz"), None);
        assert_eq!(AvatarHash::decode(""), None);
    }

    #[test]
    fn same_picture_resized_and_mirrored_is_near() {
        let l = AvatarLimits::default();
        let a = hash_avatar(&encode(&logo(1), ImageFormat::Png), &l).expect("hash");
        let small = image::imageops::resize(&logo(1), 64, 64, image::imageops::FilterType::Lanczos3);
        let b = hash_avatar(&encode(&small, ImageFormat::Jpeg), &l).expect("hash");
        let m = hash_avatar(
            &encode(&image::imageops::flip_horizontal(&logo(1)), ImageFormat::Png),
            &l,
        )
        .expect("hash");
        let other = hash_avatar(&encode(&logo(4), ImageFormat::Png), &l).expect("hash");
        assert!(a.distance(&b) <= t::AVATAR_NEAR, "{}", a.distance(&b));
        assert!(m.distance(&a) <= 1.0, "{}", m.distance(&a));
        assert!(a.distance(&other) > t::AVATAR_FAR, "{}", a.distance(&other));
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        let l = AvatarLimits::default();
        assert_eq!(hash_avatar(b"hello", &l), Err(AvatarError::NotAnImage));
        let png = encode(&logo(1), ImageFormat::Png);
        assert!(matches!(
            hash_avatar(&png[..png.len() / 2], &l),
            Err(AvatarError::Undecodable(_))
        ));
        assert!(matches!(
            hash_avatar(&vec![0u8; 6 * 1024 * 1024], &l),
            Err(AvatarError::TooLarge { .. })
        ));
    }

    #[test]
    fn plain_pictures_prove_nothing() {
        let grey = RgbImage::from_pixel(64, 64, Rgb([128, 128, 128]));
        let l = AvatarLimits::default();
        let h = hash_avatar(&encode(&grey, ImageFormat::Png), &l).expect("hash");
        assert!(h.plain);
        assert_eq!(h.strength(&h).1, 0.0);
    }
}
