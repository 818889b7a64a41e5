//! Avatar fingerprints, from bytes with explicit decoding limits, and their comparison.
//!
//! Owns decoding (with `image`'s limits, so a decompression bomb is refused before any pixel
//! is allocated), fingerprinting and comparison. It reads no files and fetches nothing:
//! callers pass bytes.
//!
//! # Architecture
//! - `work`: the working picture (one area-averaging pass to 64×64 over white), its luma and
//!   colour-edge planes, and the box of its content inside a flat border or padding;
//! - `keys`: 64-bit DCT hashes of five views (whole, content, two centre crops, circle) of
//!   luma and edges, as drawn and mirrored: they shortlist;
//! - `align`: the pixel-level comparison of a shortlisted pair, which decides: where the
//!   candidate lies in the genuine picture;
//! - `agree`: how well a view and a box agree, which `align` asks at every step.
//!
//! A fingerprint keeps the keys, 48×48 planes of luma and edges and a map of colour regions
//! (about 5 kB), so that a stored snapshot can be
//! compared pixel by pixel without the picture.

mod agree;
mod align;
mod keys;
mod work;

use std::io::Cursor;
use std::sync::Arc;

use base64::Engine;
use image::{DynamicImage, ImageReader, Limits};

pub use align::{Alignment, DROPPED_BLOCKS};
use align::{LABELS, PALETTE, Planes};
use keys::{VIEWS, ViewKey, ViewKind, view_keys};
pub use work::Box4;
use work::{Plane, WorkImage};

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

/// Side of the planes a fingerprint keeps.
const THUMB: usize = 48;
/// Edge strengths are stored as bytes after this scaling (the strongest edge, 765·√2, is 255).
const EDGE_SCALE: f32 = 1.0 / 4.25;
/// Bytes of an encoded fingerprint (the shape byte last).
const ENCODED_LEN: usize = 1 + 4 + VIEWS * 32 + 2 * THUMB * THUMB + LABELS * LABELS / 2 + 1;
/// Prefix of the stored text form, so that older forms are recognised and recomputed.
const ENCODED_PREFIX: &str = "fp3:";
/// Prefix of the form before the shape byte, still read (as a square picture): its planes and
/// keys are the same to the bit.
const ENCODED_PREFIX_SQUARE: &str = "fp2:";
/// Steps of the shape byte per doubling of width over height (128 is square).
const SHAPE_STEPS: f32 = 32.0;

/// Perceptual fingerprint of one avatar. Cheap to clone (shared).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct AvatarHash(Arc<Fingerprint>);

#[derive(PartialEq, Eq, Hash)]
struct Fingerprint {
    plain: bool,
    content: [u8; 4],
    keys: [ViewKey; VIEWS],
    luma: Vec<u8>,
    edges: Vec<u8>,
    /// Colour region of each pixel (0..`PALETTE`).
    labels: Vec<u8>,
    /// The picture's shape before it was squeezed into the square planes: width over height,
    /// as `128 + SHAPE_STEPS·log2(w/h)`. A picture that is not square is most likely a crop,
    /// and the part of the genuine picture it shows has that shape.
    shape: u8,
}

/// A candidate's picture prepared for comparison with many genuine pictures.
pub struct PreparedAvatar(align::Candidate, AvatarHash);

impl PreparedAvatar {
    /// Compares the prepared candidate with a genuine picture pixel by pixel: where it matches
    /// best and how well.
    pub fn align(&self, genuine: &AvatarHash) -> Alignment {
        // The keys tell a mirrored copy from one as drawn when they differ clearly; then only
        // that orientation is searched.
        let (drawn, mirrored) = self.1.oriented_distances(genuine);
        let only = if drawn + ORIENTATION_MARGIN <= mirrored {
            Some(false)
        } else if mirrored + ORIENTATION_MARGIN <= drawn {
            Some(true)
        } else {
            None
        };
        align::align(&self.0, &genuine.planes(), only)
    }
}

/// A candidate's keys laid out for the scan over a registry's pictures: every pair of views
/// [`AvatarHash::index_distance`] compares, as drawn and as mirrored, in one flat list (the
/// genuine view's index, the luma and the edge hash). The scan is then a straight loop of
/// popcounts with no decisions about views; at 10,000 genuine pictures per candidate picture,
/// it was the largest cost of a night.
#[derive(Debug, Clone)]
pub struct IndexProbe(Vec<(usize, u64, u64)>);

impl IndexProbe {
    /// [`AvatarHash::index_distance`] from the probed candidate to the genuine picture whose
    /// keys these are.
    pub fn distance_to(&self, genuine: &IndexKeys) -> u32 {
        self.0
            .iter()
            .map(|&(g, luma, edge)| {
                let (l, e) = genuine.0[g];
                ViewKey::combine((luma ^ l).count_ones(), (edge ^ e).count_ones())
            })
            .min()
            .unwrap_or(u32::MAX)
    }
}

/// A genuine picture's keys as drawn (luma and edge hash of each view), 208 bytes, for a table
/// of a registry's pictures laid out side by side: scanned for every new candidate picture,
/// the table must stream through the cache. (Read through each picture's own allocation, the
/// scan of 10,000 pictures took three times as long.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexKeys([(u64, u64); VIEWS]);

/// Bits by which one orientation's keys must be nearer than the other's to skip the other.
const ORIENTATION_MARGIN: u32 = 6;

impl std::fmt::Debug for AvatarHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AvatarHash")
            .field("plain", &self.0.plain)
            .field(
                "full",
                &format_args!("{:016x}/{:016x}", self.0.keys[0].luma, self.0.keys[0].edge),
            )
            .finish()
    }
}

impl AvatarHash {
    /// Whether the picture is plain (one colour, a default silhouette) and proves nothing.
    pub fn is_plain(&self) -> bool {
        self.0.plain
    }

    /// The luma key of the whole picture (for bucketing identical pictures).
    pub fn full_luma_key(&self) -> u64 {
        self.0.keys[0].luma
    }

    /// Distance of the nearest views of two pictures by their keys (Hamming distance of luma
    /// and edge hashes, 0–64, see `ViewKey::distance`), as drawn or mirrored: a shortlist, not
    /// a verdict. `self` is
    /// the candidate: its whole, content and circle views meet every view of `genuine`, and its
    /// centre crops meet the genuine whole (a copy shrunk onto a larger picture).
    pub fn index_distance(&self, genuine: &AvatarHash) -> u32 {
        let (drawn, mirrored) = self.oriented_distances(genuine);
        drawn.min(mirrored)
    }

    /// [`AvatarHash::index_distance`] as drawn and as mirrored.
    fn oriented_distances(&self, genuine: &AvatarHash) -> (u32, u32) {
        let (mut drawn, mut mirrored) = (u32::MAX, u32::MAX);
        for (ck, g) in self.view_pairs() {
            let gk = &genuine.0.keys[g];
            drawn = drawn.min(ck.distance(gk, false));
            mirrored = mirrored.min(ck.distance(gk, true));
        }
        (drawn, mirrored)
    }

    /// The pairs of views [`AvatarHash::index_distance`] compares: each of this candidate's
    /// keys with the index of a genuine view.
    fn view_pairs(&self) -> impl Iterator<Item = (&ViewKey, usize)> {
        ViewKind::ALL
            .iter()
            .zip(&self.0.keys)
            .filter(|(ci, _)| ci.read_on_candidates())
            .flat_map(|(ci, ck)| {
                let crop = matches!(ci, ViewKind::Centre80 | ViewKind::Centre60);
                ViewKind::ALL
                    .iter()
                    .enumerate()
                    .filter(move |(_, gi)| {
                        ci.pairs_with(**gi) && (!crop || matches!(gi, ViewKind::Full | ViewKind::Content))
                    })
                    .map(move |(g, _)| (ck, g))
            })
    }

    /// This picture's keys as a genuine picture's, for [`IndexProbe::distance_to`].
    pub fn index_keys(&self) -> IndexKeys {
        IndexKeys(self.0.keys.map(|k| (k.luma, k.edge)))
    }

    /// This candidate's keys laid out for [`IndexProbe::distance_to`] many genuine pictures.
    pub fn index_probe(&self) -> IndexProbe {
        IndexProbe(
            self.view_pairs()
                .flat_map(|(ck, g)| [(g, ck.luma, ck.edge), (g, ck.luma_mirror, ck.edge_mirror)])
                .collect(),
        )
    }

    /// Compares the candidate (`self`) with a genuine picture pixel by pixel: where it matches
    /// best and how well.
    pub fn align(&self, genuine: &AvatarHash) -> Alignment {
        self.prepare().align(genuine)
    }

    /// Prepares this picture as a candidate for comparison with many genuine pictures.
    pub fn prepare(&self) -> PreparedAvatar {
        PreparedAvatar(align::Candidate::new(&self.planes()), self.clone())
    }

    /// Whether two pictures are the same picture, re-encoded or resized at most (a genuine
    /// account that kept its avatar).
    pub fn same_picture(&self, other: &AvatarHash) -> bool {
        self == other || self.align(other).similarity >= t::AVATAR_SAME_PICTURE
    }

    fn planes(&self) -> Planes {
        Planes {
            luma: Plane::from_bytes(THUMB, &self.0.luma, 1.0),
            edges: Plane::from_bytes(THUMB, &self.0.edges, EDGE_SCALE),
            labels: self.0.labels.clone(),
            content: Box4::from_bytes(self.0.content),
            shape: ((f32::from(self.0.shape) - 128.0) / SHAPE_STEPS).exp2(),
        }
    }

    /// The text form for storage (`fp3:` and base64).
    pub fn encode(&self) -> String {
        let f = &self.0;
        let mut b = Vec::with_capacity(ENCODED_LEN);
        b.push(u8::from(f.plain));
        b.extend_from_slice(&f.content);
        for k in &f.keys {
            for v in [k.luma, k.edge, k.luma_mirror, k.edge_mirror] {
                b.extend_from_slice(&v.to_be_bytes());
            }
        }
        b.extend_from_slice(&f.luma);
        b.extend_from_slice(&f.edges);
        b.extend(f.labels.chunks(2).map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0)));
        b.push(f.shape);
        format!(
            "{ENCODED_PREFIX}{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(b)
        )
    }

    /// Reads the text form written by [`AvatarHash::encode`] today only (`None` for an older
    /// form): for reusing a stored fingerprint instead of decoding the picture again, where an
    /// older form would lack what today's fingerprint keeps (the picture's shape).
    pub fn decode_current(text: &str) -> Option<AvatarHash> {
        text.starts_with(ENCODED_PREFIX)
            .then(|| AvatarHash::decode(text))
            .flatten()
    }

    /// Reads the text form written by [`AvatarHash::encode`]; `None` if it is not one (an older
    /// form, which the next fetch of the picture replaces).
    pub fn decode(text: &str) -> Option<AvatarHash> {
        let (body, len) = match text.strip_prefix(ENCODED_PREFIX) {
            Some(body) => (body, ENCODED_LEN),
            None => (text.strip_prefix(ENCODED_PREFIX_SQUARE)?, ENCODED_LEN - 1),
        };
        let b = base64::engine::general_purpose::STANDARD_NO_PAD.decode(body).ok()?;
        if b.len() != len || b[0] > 1 {
            return None;
        }
        let word = |at: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[at..at + 8]);
            u64::from_be_bytes(w)
        };
        let mut keys = [ViewKey::default(); VIEWS];
        for (i, k) in keys.iter_mut().enumerate() {
            let at = 5 + i * 32;
            *k = ViewKey {
                luma: word(at),
                edge: word(at + 8),
                luma_mirror: word(at + 16),
                edge_mirror: word(at + 24),
            };
        }
        let planes = 5 + VIEWS * 32;
        Some(AvatarHash(Arc::new(Fingerprint {
            plain: b[0] == 1,
            content: [b[1], b[2], b[3], b[4]],
            keys,
            luma: b[planes..planes + THUMB * THUMB].to_vec(),
            edges: b[planes + THUMB * THUMB..planes + 2 * THUMB * THUMB].to_vec(),
            labels: b[planes + 2 * THUMB * THUMB..planes + 2 * THUMB * THUMB + LABELS * LABELS / 2]
                .iter()
                .flat_map(|p| [p >> 4, p & 0x0f])
                .map(|l| l.min(PALETTE as u8 - 1))
                .collect(),
            shape: if len == ENCODED_LEN { b[len - 1] } else { 128 },
        })))
    }
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

/// Fingerprints a decoded picture: one reduction to the working picture, then its planes,
/// content box and view keys.
pub fn fingerprint(img: &DynamicImage) -> AvatarHash {
    let work = WorkImage::new(img);
    let luma = work.luma();
    let edges = work.edges();
    let content = work.content_box();
    let plain =
        work.colour_spread() < t::AVATAR_PLAIN_STDDEV || work.is_default_like(&luma) || work.is_featureless(&edges);
    AvatarHash(Arc::new(Fingerprint {
        plain,
        content: content.to_bytes(),
        keys: view_keys(&luma, &edges, content),
        luma: luma.to_bytes(THUMB, 1.0),
        edges: edges.to_bytes(THUMB, EDGE_SCALE),
        labels: work.labels(LABELS, PALETTE),
        shape: shape_byte(img.width(), img.height()),
    }))
}

/// The shape byte of a `w`×`h` picture.
fn shape_byte(w: u32, h: u32) -> u8 {
    let ratio = f64::from(w.max(1)) / f64::from(h.max(1));
    (128.0 + f64::from(SHAPE_STEPS) * ratio.log2())
        .round()
        .clamp(0.0, 255.0) as u8
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
    fn a_logo_in_colours_of_one_lightness_is_not_plain() {
        // Pink on mauve (luma within a few levels): plain to luma alone, drawn to the eye.
        let img = RgbImage::from_fn(128, 128, |x, y| {
            if (32..96).contains(&x) && (40..88).contains(&y) || (x / 16 + y / 16) % 5 == 0 {
                Rgb([230, 110, 150])
            } else {
                Rgb([150, 140, 190])
            }
        });
        let l = AvatarLimits::default();
        let h = hash_avatar(&encode(&img, ImageFormat::Png), &l).expect("hash");
        assert!(!h.is_plain());
        let copy = hash_avatar(&encode(&img, ImageFormat::Jpeg), &l).expect("hash");
        assert!(copy.align(&h).similarity > 0.9, "{:?}", copy.align(&h));
    }

    #[test]
    fn the_index_probe_measures_what_index_distance_does() {
        let l = AvatarLimits::default();
        let mut pictures: Vec<AvatarHash> = (0..6)
            .map(|n| hash_avatar(&encode(&logo(n), ImageFormat::Png), &l).expect("hash"))
            .collect();
        // A mirrored copy and a crop, whose nearest views are not the whole pictures'.
        let mirrored = image::imageops::flip_horizontal(&logo(1));
        let crop = image::imageops::crop_imm(&logo(2), 20, 10, 100, 110).to_image();
        for img in [mirrored, crop] {
            pictures.push(hash_avatar(&encode(&img, ImageFormat::Jpeg), &l).expect("hash"));
        }
        for a in &pictures {
            let probe = a.index_probe();
            for b in &pictures {
                assert_eq!(probe.distance_to(&b.index_keys()), a.index_distance(b));
            }
        }
    }

    #[test]
    fn encode_decode_round_trip() {
        let h = hash_avatar(&encode(&logo(2), ImageFormat::Png), &AvatarLimits::default()).expect("hash");
        assert_eq!(AvatarHash::decode(&h.encode()), Some(h.clone()));
        assert_eq!(AvatarHash::decode("g:0000000000000000,d:0000000000000000"), None);
        assert_eq!(AvatarHash::decode("fp2:AAAA"), None);
        assert_eq!(AvatarHash::decode_current(&h.encode()), Some(h.clone()));
        // The form before the shape byte reads as the same picture, square (but is not
        // reused as today's).
        let mut old = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(h.encode().strip_prefix(ENCODED_PREFIX).expect("prefix"))
            .expect("base64");
        old.pop();
        let old = format!(
            "{ENCODED_PREFIX_SQUARE}{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(old)
        );
        assert_eq!(AvatarHash::decode(&old), Some(h));
        assert_eq!(AvatarHash::decode_current(&old), None);
        assert_eq!(AvatarHash::decode(""), None);
    }

    #[test]
    fn same_picture_resized_cropped_and_mirrored_aligns() {
        let l = AvatarLimits::default();
        let a = hash_avatar(&encode(&logo(1), ImageFormat::Png), &l).expect("hash");
        let small = image::imageops::resize(&logo(1), 48, 48, image::imageops::FilterType::Lanczos3);
        let b = hash_avatar(&encode(&small, ImageFormat::Jpeg), &l).expect("hash");
        let m = hash_avatar(
            &encode(&image::imageops::flip_horizontal(&logo(1)), ImageFormat::Png),
            &l,
        )
        .expect("hash");
        let crop = image::imageops::crop_imm(&logo(1), 24, 0, 104, 128).to_image();
        let crop = image::imageops::resize(&crop, 128, 128, image::imageops::FilterType::Triangle);
        let c = hash_avatar(&encode(&crop, ImageFormat::Png), &l).expect("hash");
        let other = hash_avatar(&encode(&logo(4), ImageFormat::Png), &l).expect("hash");
        for (name, x) in [("downsized", &b), ("mirrored", &m), ("cropped", &c)] {
            let al = x.align(&a);
            assert!(al.similarity > 0.9, "{name}: {al:?}");
        }
        assert!(m.align(&a).mirrored);
        assert!(a.same_picture(&b));
        assert!(!a.same_picture(&other), "{:?}", other.align(&a));
        assert!(b.index_distance(&a) < a.index_distance(&other));
    }

    #[test]
    fn a_crop_kept_at_its_cut_size_is_found() {
        // A tall cut from the middle, not squeezed back to a square by the impostor: its shape
        // tells the search which part of the picture to look for.
        let l = AvatarLimits::default();
        let a = hash_avatar(&encode(&logo(1), ImageFormat::Png), &l).expect("hash");
        let cut = image::imageops::crop_imm(&logo(1), 20, 0, 80, 128).to_image();
        let c = hash_avatar(&encode(&cut, ImageFormat::Jpeg), &l).expect("hash");
        let al = c.align(&a);
        assert!(al.similarity > 0.9, "{al:?}");
        let (w, h) = al.region.size();
        assert!(w < h, "the region found has the cut's shape: {al:?}");
        let other = hash_avatar(&encode(&logo(4), ImageFormat::Png), &l).expect("hash");
        assert!(
            c.align(&other).similarity < t::AVATAR_SIMILAR_FLOOR,
            "{:?}",
            c.align(&other)
        );
    }

    #[test]
    fn a_bright_band_over_a_dark_picture_does_not_hide_it() {
        // A night scene with a white caption band over its bottom fifth: the band alone holds
        // most of the contrast, and the copy under it must still be found.
        let night = RgbImage::from_fn(128, 128, |x, y| {
            let ridge = 70 + ((x as i32 * 3 / 5) % 24 - 12).unsigned_abs();
            if (x as i32 - 90).pow(2) + (y as i32 - 30).pow(2) < 81 {
                Rgb([230, 220, 160])
            } else if y > ridge {
                Rgb([30, 25, 60])
            } else {
                Rgb([60 + (y / 3) as u8, 40, 90 + (y / 4) as u8])
            }
        });
        let mut banded = night.clone();
        for y in 103..128 {
            for x in 0..128 {
                banded.put_pixel(x, y, Rgb([250, 250, 250]));
            }
        }
        let l = AvatarLimits::default();
        let a = hash_avatar(&encode(&night, ImageFormat::Png), &l).expect("hash");
        let b = hash_avatar(&encode(&banded, ImageFormat::Jpeg), &l).expect("hash");
        assert!(b.align(&a).similarity > t::AVATAR_COPY_SIMILARITY, "{:?}", b.align(&a));
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
        assert!(h.is_plain());
    }
}
