//! Index keys of a picture: 64-bit DCT hashes (pHash) of several views of the working picture
//! (the whole, the content inside a flat border, two centre crops, and the whole behind a
//! circular mask), each of the luma and of the colour edges, with the hashes of the mirror image
//! derived from the same coefficients. They only shortlist: two pictures whose nearest views
//! are within a gate are compared pixel by pixel (`align`).

use std::sync::LazyLock;

use super::work::{Box4, Plane};

/// Side of a view for hashing: 8×8 frequencies need no more.
const VIEW: usize = 16;
/// Low frequencies kept per axis.
const FREQ: usize = 8;

/// Which part of the picture a key describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// The whole picture.
    Full,
    /// The content inside a flat border.
    Content,
    /// The centre 80 %.
    Centre80,
    /// The centre 60 %.
    Centre60,
    /// The whole picture, corners outside the inscribed circle blanked.
    Circle,
    /// A three-quarter square at a corner (0 top left, 1 top right, 2 bottom left, 3 bottom
    /// right): what a crop from two sides leaves.
    Corner(u8),
    /// Three quarters of the picture with one side cut (0 left, 1 top, 2 right, 3 bottom).
    Cut(u8),
}

/// How many views a picture has keys for.
pub const VIEWS: usize = 13;

impl ViewKind {
    /// Every view, in storage order.
    pub const ALL: [ViewKind; VIEWS] = [
        ViewKind::Full,
        ViewKind::Content,
        ViewKind::Centre80,
        ViewKind::Centre60,
        ViewKind::Circle,
        ViewKind::Corner(0),
        ViewKind::Corner(1),
        ViewKind::Corner(2),
        ViewKind::Corner(3),
        ViewKind::Cut(0),
        ViewKind::Cut(1),
        ViewKind::Cut(2),
        ViewKind::Cut(3),
    ];

    /// Whether a candidate's picture is read this way (the crops of a genuine picture are
    /// what a candidate shows whole).
    pub fn read_on_candidates(self) -> bool {
        !matches!(self, ViewKind::Corner(_) | ViewKind::Cut(_))
    }

    fn region(self, content: Box4) -> Box4 {
        match self {
            ViewKind::Full | ViewKind::Circle => Box4::FULL,
            ViewKind::Content => content,
            ViewKind::Centre80 => Box4::square(0.8, 0.5, 0.5),
            ViewKind::Centre60 => Box4::square(0.6, 0.5, 0.5),
            ViewKind::Corner(k) => Box4::square(0.75, f32::from(k % 2), f32::from(k / 2)),
            ViewKind::Cut(0) => Box4::new(0.25, 0.0, 1.0, 1.0),
            ViewKind::Cut(1) => Box4::new(0.0, 0.25, 1.0, 1.0),
            ViewKind::Cut(2) => Box4::new(0.0, 0.0, 0.75, 1.0),
            ViewKind::Cut(_) => Box4::new(0.0, 0.0, 1.0, 0.75),
        }
    }

    /// Whether keys of two views may be compared: the circle view only with itself, so that
    /// blanked corners never meet a picture's real corners.
    pub fn pairs_with(self, other: ViewKind) -> bool {
        (self == ViewKind::Circle) == (other == ViewKind::Circle)
    }
}

/// The hashes of one view: luma and edges, as drawn and mirrored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct ViewKey {
    /// Luma DCT hash.
    pub luma: u64,
    /// Edge DCT hash.
    pub edge: u64,
    /// Luma DCT hash of the mirror image.
    pub luma_mirror: u64,
    /// Edge DCT hash of the mirror image.
    pub edge_mirror: u64,
}

impl ViewKey {
    /// Hamming distance (0–64) of the closer of the luma and the edge hashes, each weighed
    /// against the mean of both: edges survive recolouring, luma survives blur. `mirror` compares
    /// this view's mirror image with `other`.
    pub fn distance(&self, other: &ViewKey, mirror: bool) -> u32 {
        let (l, e) = if mirror {
            (self.luma_mirror, self.edge_mirror)
        } else {
            (self.luma, self.edge)
        };
        ViewKey::combine((l ^ other.luma).count_ones(), (e ^ other.edge).count_ones())
    }

    /// The distance of two views from the Hamming distances of their luma and edge hashes.
    pub fn combine(dl: u32, de: u32) -> u32 {
        (dl.min(de) + (dl + de).div_ceil(2)).div_ceil(2)
    }
}

/// The DCT-II basis rows for the lowest `FREQ` frequencies over `VIEW` samples.
fn basis() -> &'static [[f32; VIEW]; FREQ] {
    static B: LazyLock<[[f32; VIEW]; FREQ]> = LazyLock::new(|| {
        let mut b = [[0.0f32; VIEW]; FREQ];
        for (u, row) in b.iter_mut().enumerate() {
            for (x, v) in row.iter_mut().enumerate() {
                *v = (std::f32::consts::PI * (2 * x + 1) as f32 * u as f32 / (2 * VIEW) as f32).cos();
            }
        }
        b
    });
    &B
}

/// The `FREQ`×`FREQ` lowest DCT coefficients of a `VIEW`×`VIEW` block (row-major: vertical
/// frequency, then horizontal).
fn low_dct(px: &[f32]) -> [f32; FREQ * FREQ] {
    let b = basis();
    // Rows first: each of the VIEW rows against FREQ horizontal frequencies.
    let mut rows = [[0.0f32; FREQ]; VIEW];
    for (y, r) in rows.iter_mut().enumerate() {
        let line = &px[y * VIEW..(y + 1) * VIEW];
        for (u, c) in r.iter_mut().enumerate() {
            *c = line.iter().zip(&b[u]).map(|(a, w)| a * w).sum();
        }
    }
    let mut out = [0.0f32; FREQ * FREQ];
    for v in 0..FREQ {
        for u in 0..FREQ {
            out[v * FREQ + u] = (0..VIEW).map(|y| b[v][y] * rows[y][u]).sum();
        }
    }
    out
}

/// One bit per coefficient: above the median of the coefficients other than the constant one.
fn bits(c: &[f32; FREQ * FREQ]) -> u64 {
    // The median of the AC coefficients in `f32::total_cmp` order, selected on integer keys
    // of that order (the same element, fewer instructions per comparison).
    let key = |v: f32| {
        let b = v.to_bits() as i32;
        b ^ (((b >> 31) as u32) >> 1) as i32
    };
    let mut ac = [0i32; FREQ * FREQ - 1];
    for (k, v) in ac.iter_mut().zip(&c[1..]) {
        *k = key(*v);
    }
    let mid = ac.len() / 2;
    let median_key = *ac.select_nth_unstable(mid).1;
    let median = f32::from_bits((median_key ^ (((median_key >> 31) as u32) >> 1) as i32) as u32);
    c.iter()
        .enumerate()
        .fold(0u64, |h, (i, &v)| if v > median { h | (1 << i) } else { h })
}

/// The mirror image's coefficients: a horizontal flip negates odd horizontal frequencies.
fn mirrored(c: &[f32; FREQ * FREQ]) -> [f32; FREQ * FREQ] {
    let mut m = *c;
    for (i, v) in m.iter_mut().enumerate() {
        if (i % FREQ) % 2 == 1 {
            *v = -*v;
        }
    }
    m
}

/// Whether a pixel of a `side`×`side` block lies outside the inscribed circle.
pub fn outside_circle(x: usize, y: usize, side: usize) -> bool {
    let c = side as f32 / 2.0;
    let (dx, dy) = (x as f32 + 0.5 - c, y as f32 + 0.5 - c);
    dx * dx + dy * dy > c * c
}

/// The keys of every view of a picture, in `ViewKind::ALL` order.
pub fn view_keys(luma: &Plane, edges: &Plane, content: Box4) -> [ViewKey; VIEWS] {
    let mut l = Vec::with_capacity(VIEW * VIEW);
    let mut e = Vec::with_capacity(VIEW * VIEW);
    ViewKind::ALL.map(|kind| {
        let region = kind.region(content);
        luma.sample(region, VIEW, false, &mut l);
        edges.sample(region, VIEW, false, &mut e);
        if kind == ViewKind::Circle {
            // Blank the corners the way a circular crop shows them: white, with no edges.
            for y in 0..VIEW {
                for x in 0..VIEW {
                    if outside_circle(x, y, VIEW) {
                        l[y * VIEW + x] = 255.0;
                        e[y * VIEW + x] = 0.0;
                    }
                }
            }
        }
        let (cl, ce) = (low_dct(&l), low_dct(&e));
        ViewKey {
            luma: bits(&cl),
            edge: bits(&ce),
            luma_mirror: bits(&mirrored(&cl)),
            edge_mirror: bits(&mirrored(&ce)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrored_coefficients_are_those_of_the_mirror_image() {
        let px: Vec<f32> = (0..VIEW * VIEW)
            .map(|i| ((i % VIEW) * 7 + (i / VIEW) * 3 % 11) as f32)
            .collect();
        let flipped: Vec<f32> = (0..VIEW * VIEW)
            .map(|i| px[(i / VIEW) * VIEW + VIEW - 1 - i % VIEW])
            .collect();
        let a = mirrored(&low_dct(&px));
        let b = low_dct(&flipped);
        let scale = a.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        for (x, y) in a.iter().zip(&b) {
            assert!((x - y).abs() < 1e-4 * scale, "{x} vs {y}");
        }
    }
}
