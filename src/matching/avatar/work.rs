//! The working picture every fingerprint is computed from: the decoded avatar composited over
//! white and reduced to `WORK`×`WORK` pixels in one area-averaging pass, so that the cost of a
//! fingerprint is one pass over the decoded pixels plus work on a few thousand pixels, whatever
//! the picture's size. Also the planes derived from it (luma, colour edges), the bounding box
//! of its content inside a flat border, and bilinear sampling of any box of a plane.

use image::{DynamicImage, GenericImageView};

/// Side of the working picture, in pixels.
pub const WORK: usize = 64;
/// Samples per working pixel, each way, that a large picture is read at (3×3 for 9): fewer let
/// a recoloured copy alias.
const SAMPLES_PER_CELL: usize = 3;
/// Strongest (blurred) colour edge of a featureless picture; a logo's are over 150.
const FEATURELESS_EDGE: f32 = 40.0;

/// A square plane of `side`×`side` values.
#[derive(Debug, Clone, PartialEq)]
pub struct Plane {
    /// Side in pixels.
    pub side: usize,
    /// Row-major values.
    pub px: Vec<f32>,
}

impl Plane {
    fn new(side: usize) -> Plane {
        Plane {
            side,
            px: vec![0.0; side * side],
        }
    }

    #[cfg(test)]
    fn at(&self, x: usize, y: usize) -> f32 {
        self.px[y * self.side + x]
    }

    /// Samples the box `[x0, x1) × [y0, y1)` (fractions of the side) onto `out`×`out` pixels,
    /// bilinearly; `mirror` reads it left–right reversed.
    pub fn sample(&self, b: Box4, out: usize, mirror: bool, dst: &mut Vec<f32>) {
        dst.clear();
        let g = grid(self.side, b, out, mirror);
        let xs = g.xs();
        for &(y0, y1, fy) in g.ys() {
            let top = &self.px[y0 * self.side..(y0 + 1) * self.side];
            let bottom = &self.px[y1 * self.side..(y1 + 1) * self.side];
            dst.extend(
                xs.iter()
                    .map(|&(x0, x1, fx)| lerp2(top[x0], top[x1], bottom[x0], bottom[x1], fx, fy)),
            );
        }
    }

    /// Resamples the whole plane to `side` pixels and quantises it to bytes (values clamped to
    /// 0–255 after multiplying by `scale`).
    pub fn to_bytes(&self, side: usize, scale: f32) -> Vec<u8> {
        let mut v = Vec::new();
        self.sample(Box4::FULL, side, false, &mut v);
        v.iter().map(|&x| to_byte(x * scale)).collect()
    }

    /// A plane from bytes written by [`Plane::to_bytes`].
    pub fn from_bytes(side: usize, bytes: &[u8], scale: f32) -> Plane {
        Plane {
            side,
            px: bytes.iter().map(|&b| f32::from(b) / scale).collect(),
        }
    }
}

/// `x.round().clamp(0.0, 255.0) as u8`, without the library call `round` is on the baseline
/// x86-64 target: halves round away from zero, NaN and negatives give 0.
#[inline]
fn to_byte(x: f32) -> u8 {
    // Clamping first gives the same byte (rounding is monotonic and 0 and 255 are whole), and
    // for 0 ≤ c ≤ 255 the whole part and the fraction are exact; NaN stays NaN and gives 0.
    let c = x.clamp(0.0, 255.0);
    let whole = c as u8;
    whole + u8::from(c - f32::from(whole) >= 0.5)
}

/// Most samples a side that [`Plane::sample`] makes (the planes are 64 pixels a side).
pub const MAX_SAMPLES: usize = 64;

/// Where each of `out`×`out` samples of a box falls, for columns and rows: the two
/// neighbouring pixels and the weight of the second. Kept on the stack: sampling runs for
/// every view of every picture and every alignment tried.
struct Grid {
    xs: [(usize, usize, f32); MAX_SAMPLES],
    ys: [(usize, usize, f32); MAX_SAMPLES],
    len: usize,
}

impl Grid {
    fn xs(&self) -> &[(usize, usize, f32)] {
        &self.xs[..self.len]
    }

    fn ys(&self) -> &[(usize, usize, f32)] {
        &self.ys[..self.len]
    }
}

/// The sampling grid of the box `b` of a `side`×`side` picture at `out` samples a side
/// (`mirror`: columns read right to left). Panics when `out` is over [`MAX_SAMPLES`].
fn grid(side: usize, b: Box4, out: usize, mirror: bool) -> Grid {
    assert!(out <= MAX_SAMPLES, "{out} samples a side; at most {MAX_SAMPLES}");
    let s = side as f32;
    let max = (side - 1) as f32;
    let coord =
        |lo: f32, hi: f32, i: usize| ((lo + (i as f32 + 0.5) / out as f32 * (hi - lo)) * s - 0.5).clamp(0.0, max);
    // `v` is clamped to [0, side - 1], so truncation is its floor (without the library call
    // `floor` is on the baseline x86-64 target).
    let pair = |v: f32| {
        let v0 = v as usize;
        (v0, (v0 + 1).min(side - 1), v - v0 as f32)
    };
    let mut g = Grid {
        xs: [(0, 0, 0.0); MAX_SAMPLES],
        ys: [(0, 0, 0.0); MAX_SAMPLES],
        len: out,
    };
    for i in 0..out {
        g.xs[i] = pair(coord(b.x0, b.x1, if mirror { out - 1 - i } else { i }));
        g.ys[i] = pair(coord(b.y0, b.y1, i));
    }
    g
}

/// Bilinear interpolation between four neighbours (top left, top right, bottom left, bottom
/// right).
#[inline]
fn lerp2(tl: f32, tr: f32, bl: f32, br: f32, fx: f32, fy: f32) -> f32 {
    let t = tl + (tr - tl) * fx;
    let b = bl + (br - bl) * fx;
    t + (b - t) * fy
}

/// A box inside a picture, in fractions of its sides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Box4 {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

impl Box4 {
    /// The whole picture.
    pub const FULL: Box4 = Box4 {
        x0: 0.0,
        y0: 0.0,
        x1: 1.0,
        y1: 1.0,
    };

    /// A box from its four edges.
    pub const fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Box4 {
        Box4 { x0, y0, x1, y1 }
    }

    /// A square of side `s` placed at fractions `fx`, `fy` of the free room.
    pub fn square(s: f32, fx: f32, fy: f32) -> Box4 {
        let (x0, y0) = ((1.0 - s) * fx, (1.0 - s) * fy);
        Box4::new(x0, y0, x0 + s, y0 + s)
    }

    /// Width and height.
    pub fn size(&self) -> (f32, f32) {
        (self.x1 - self.x0, self.y1 - self.y0)
    }

    /// The box as four bytes (for storage).
    pub fn to_bytes(self) -> [u8; 4] {
        [self.x0, self.y0, self.x1, self.y1].map(|v| (v * 255.0).round().clamp(0.0, 255.0) as u8)
    }

    /// The box from [`Box4::to_bytes`].
    pub fn from_bytes(b: [u8; 4]) -> Box4 {
        let f = |v: u8| f32::from(v) / 255.0;
        Box4::new(f(b[0]), f(b[1]), f(b[2]), f(b[3]))
    }
}

/// A run of source columns that fall in one working column: (working column, first source
/// column, one past the last sampled one).
type Span = (usize, usize, usize);

/// Adds each working cell's samples from a decoded picture of `BPP` bytes a pixel (grey, RGB
/// or RGBA), read in place. `spans` are the runs of source columns by working column (every
/// `step`-th pixel from the first), `groups` the sampled rows by row of cells.
///
/// Where a group's pixels are opaque, its rows are first added byte by byte over their whole
/// width (a loop the compiler turns into vector instructions) and each cell's samples are then
/// read once from those sums; otherwise every sample is composited over white on its own.
/// Integer sums either way, so both give the same cells.
fn read<const BPP: usize>(
    raw: &[u8],
    (w, h, step): (usize, usize, usize),
    (spans, groups): (&[Span], &[&[usize]]),
    (sum, count): (&mut [[u32; 3]], &mut [u32]),
) {
    // Channel `k` of a pixel (of bytes, or of byte sums); grey has one for all three.
    fn channel<T: Copy + Into<u32>>(pixel: &[T], k: usize, bpp: usize) -> u32 {
        pixel[k.min(bpp - 1)].into()
    }
    let mut rows = vec![0u16; w * BPP];
    for group in groups {
        let row = group[0] * WORK / h * WORK;
        let line = |y: usize| &raw[y * w * BPP..(y + 1) * w * BPP];
        // Byte sums fit in 16 bits up to 257 rows (a 4096-pixel picture has 64 at most).
        let summed = group.len() <= 257 && {
            rows.fill(0);
            for &y in *group {
                for (t, &v) in rows.iter_mut().zip(line(y)) {
                    *t += u16::from(v);
                }
            }
            BPP != 4
                || rows
                    .iter()
                    .skip(3)
                    .step_by(4)
                    .all(|&a| usize::from(a) == 255 * group.len())
        };
        for &(cx, from, to) in spans {
            let (mut acc, mut n) = ([0u32; 3], 0u32);
            if summed {
                for pixel in rows[from * BPP..to * BPP].chunks(BPP * step) {
                    for (k, a) in acc.iter_mut().enumerate() {
                        *a += channel(pixel, k, BPP);
                    }
                    n += group.len() as u32;
                }
            } else {
                for &y in *group {
                    for pixel in line(y)[from * BPP..to * BPP].chunks(BPP * step) {
                        let a = if BPP == 4 { u32::from(pixel[3]) } else { 255 };
                        for (k, acc) in acc.iter_mut().enumerate() {
                            let c = channel(pixel, k, BPP);
                            *acc += if a == 255 { c } else { (c * a + 255 * (255 - a)) / 255 };
                        }
                        n += 1;
                    }
                }
            }
            let s = &mut sum[row + cx];
            for k in 0..3 {
                s[k] += acc[k];
            }
            count[row + cx] += n;
        }
    }
}

/// Most colour regions a picture is cut into.
const MAX_REGIONS: usize = 8;

/// Colour centres side by side, channel by channel, so that a pixel's distances to all of them
/// are computed together; unused places are infinitely far.
struct Centres {
    ch: [[f32; MAX_REGIONS]; 3],
}

impl Centres {
    fn new(centres: &[[f32; 3]]) -> Centres {
        let mut ch = [[f32::INFINITY; MAX_REGIONS]; 3];
        for (k, c) in centres.iter().enumerate().take(MAX_REGIONS) {
            for (plane, v) in ch.iter_mut().zip(c) {
                plane[k] = *v;
            }
        }
        Centres { ch }
    }

    /// The nearest centre (the first of equals), by squared distance.
    fn nearest(&self, p: &[f32; 3]) -> usize {
        let mut d = [0.0f32; MAX_REGIONS];
        for (k, d) in d.iter_mut().enumerate() {
            let (d0, d1, d2) = (p[0] - self.ch[0][k], p[1] - self.ch[1][k], p[2] - self.ch[2][k]);
            *d = d0 * d0 + d1 * d1 + d2 * d2;
        }
        // Unused places are infinitely far. A tournament in which the later of a pair wins only
        // when strictly nearer finds the first nearest, as a scan would, without branches.
        let pick = |a: (usize, f32), b: (usize, f32)| if b.1 < a.1 { b } else { a };
        let pairs: [(usize, f32); MAX_REGIONS / 2] =
            std::array::from_fn(|k| pick((2 * k, d[2 * k]), (2 * k + 1, d[2 * k + 1])));
        pick(pick(pairs[0], pairs[1]), pick(pairs[2], pairs[3])).0
    }
}

/// The last colour looked up and its centre: flat areas repeat one colour pixel after pixel.
#[derive(Default)]
struct Last(Option<([f32; 3], usize)>);

impl Last {
    fn nearest(&mut self, centres: &Centres, p: &[f32; 3]) -> usize {
        match self.0 {
            Some((c, k)) if c == *p => k,
            _ => {
                let k = centres.nearest(p);
                self.0 = Some((*p, k));
                k
            }
        }
    }
}

/// The working picture: RGB in 0–255, `WORK`×`WORK`.
pub struct WorkImage {
    rgb: Vec<[f32; 3]>,
}

impl WorkImage {
    /// Reduces a decoded picture in one pass: source pixels, composited over white (avatars
    /// are shown on white), are added to the working pixel they fall in. A large picture is read
    /// every `step` pixels each way, so that each working pixel still averages a few samples
    /// while a 4096-pixel picture costs no more than a small one. A picture that is not square is
    /// stretched to a square, so that nothing of it is lost.
    pub fn new(img: &DynamicImage) -> WorkImage {
        let (w, h) = img.dimensions();
        let (w, h) = (w.max(1) as usize, h.max(1) as usize);
        let step = (w.min(h) / WORK / SAMPLES_PER_CELL).max(1);
        let mut sum = vec![[0u32; 3]; WORK * WORK];
        let mut count = vec![0u32; WORK * WORK];
        // Source rows and columns map to working cells by integer arithmetic; a picture smaller
        // than the working size spreads each pixel over several cells (nearest neighbour).
        // Runs of source pixels by working column: (column, first pixel, end), each read every
        // `step` pixels from its first (the samples are every `step`-th pixel of a row).
        let mut spans: Vec<Span> = Vec::with_capacity(WORK);
        for x in (0..w).step_by(step) {
            let cx = x * WORK / w;
            match spans.last_mut() {
                Some(last) if last.0 == cx => last.2 = x + 1,
                _ => spans.push((cx, x, x + 1)),
            }
        }
        // The sampled rows, grouped by the row of cells they fall in.
        let ys: Vec<usize> = (0..h).step_by(step).collect();
        let groups: Vec<&[usize]> = ys.chunk_by(|a, b| a * WORK / h == b * WORK / h).collect();
        let size = (w, h, step);
        // The common layouts are read in place from their rows: nothing is copied.
        let cells = (&mut sum[..], &mut count[..]);
        match img {
            DynamicImage::ImageRgb8(b) => read::<3>(b.as_raw(), size, (&spans, &groups), cells),
            DynamicImage::ImageRgba8(b) => read::<4>(b.as_raw(), size, (&spans, &groups), cells),
            DynamicImage::ImageLuma8(b) => read::<1>(b.as_raw(), size, (&spans, &groups), cells),
            other => read::<4>(other.to_rgba8().as_raw(), size, (&spans, &groups), cells),
        }
        if w < WORK || h < WORK {
            // Cells no source pixel fell in take their nearest source pixel's cell.
            for cy in 0..WORK {
                for cx in 0..WORK {
                    let i = cy * WORK + cx;
                    if count[i] == 0 {
                        let sx = (cx * w / WORK).min(w - 1);
                        let sy = (cy * h / WORK).min(h - 1);
                        let j = (sy * WORK / h) * WORK + sx * WORK / w;
                        sum[i] = sum[j];
                        count[i] = count[j];
                    }
                }
            }
        }
        let rgb = sum
            .iter()
            .zip(&count)
            .map(|(s, &n)| {
                let n = n.max(1) as f32;
                [s[0] as f32 / n, s[1] as f32 / n, s[2] as f32 / n]
            })
            .collect();
        WorkImage { rgb }
    }

    /// Luma (Rec. 601), 0–255.
    pub fn luma(&self) -> Plane {
        let mut p = Plane::new(WORK);
        for (o, c) in p.px.iter_mut().zip(&self.rgb) {
            *o = 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
        }
        p
    }

    /// Colour edge strength: the length of the colour gradient (central differences summed
    /// over the channels), blurred. Where two colours meet there is an edge whatever the colours are,
    /// so a recoloured or inverted copy keeps its edges.
    pub fn edges(&self) -> Plane {
        let mut p = Plane::new(WORK);
        let diff = |a: &[f32; 3], b: &[f32; 3]| (a[0] - b[0]).abs() + (a[1] - b[1]).abs() + (a[2] - b[2]).abs();
        for y in 0..WORK {
            let (yu, yd) = (y.saturating_sub(1), (y + 1).min(WORK - 1));
            let (row, up, down) = (
                &self.rgb[y * WORK..(y + 1) * WORK],
                &self.rgb[yu * WORK..(yu + 1) * WORK],
                &self.rgb[yd * WORK..(yd + 1) * WORK],
            );
            let out = &mut p.px[y * WORK..(y + 1) * WORK];
            let g = |xl: usize, x: usize, xr: usize| {
                let (gx, gy) = (diff(&row[xr], &row[xl]), diff(&down[x], &up[x]));
                (gx * gx + gy * gy).sqrt()
            };
            out[0] = g(0, 0, 1);
            for (x, o) in out.iter_mut().enumerate().take(WORK - 1).skip(1) {
                *o = g(x - 1, x, x + 1);
            }
            out[WORK - 1] = g(WORK - 2, WORK - 1, WORK - 1);
        }
        // A 3×3 box blur (rows, then columns): edges of a copy drawn a little larger, smaller
        // or shifted still meet. Two or three neighbours, summed in order and divided.
        fn blur3(a: f32, b: f32, c: Option<f32>) -> f32 {
            match c {
                Some(c) => (a + b + c) / 3.0,
                None => (a + b) / 2.0,
            }
        }
        let mut rows = Plane::new(WORK);
        for (src, dst) in p.px.chunks_exact(WORK).zip(rows.px.chunks_exact_mut(WORK)) {
            dst[0] = blur3(src[0], src[1], None);
            for x in 1..WORK - 1 {
                dst[x] = blur3(src[x - 1], src[x], Some(src[x + 1]));
            }
            dst[WORK - 1] = blur3(src[WORK - 2], src[WORK - 1], None);
        }
        let mut blurred = Plane::new(WORK);
        let r = |y: usize| &rows.px[y * WORK..(y + 1) * WORK];
        for (y, dst) in blurred.px.chunks_exact_mut(WORK).enumerate() {
            let (mid, up, down) = (r(y), r(y.saturating_sub(1)), r((y + 1).min(WORK - 1)));
            for x in 0..WORK {
                dst[x] = match (y, y + 1 == WORK) {
                    (0, _) => blur3(mid[x], down[x], None),
                    (_, true) => blur3(up[x], mid[x], None),
                    _ => blur3(up[x], mid[x], Some(down[x])),
                };
            }
        }
        blurred
    }

    /// The colour region of each pixel of a `side`×`side` reduction: the picture's colours
    /// quantised to `regions` representatives (k-means from the farthest colours, a few rounds),
    /// so that a recoloured copy can be told by its regions keeping one colour each.
    pub fn labels(&self, side: usize, regions: usize) -> Vec<u8> {
        // The three channels sampled together, as `Plane::sample` samples one.
        let g = grid(WORK, Box4::FULL, side, false);
        let xs = g.xs();
        let mut px: Vec<[f32; 3]> = Vec::with_capacity(side * side);
        for &(y0, y1, fy) in g.ys() {
            let (top, bottom) = (
                &self.rgb[y0 * WORK..(y0 + 1) * WORK],
                &self.rgb[y1 * WORK..(y1 + 1) * WORK],
            );
            px.extend(xs.iter().map(|&(x0, x1, fx)| {
                let (tl, tr, bl, br) = (top[x0], top[x1], bottom[x0], bottom[x1]);
                [
                    lerp2(tl[0], tr[0], bl[0], br[0], fx, fy),
                    lerp2(tl[1], tr[1], bl[1], br[1], fx, fy),
                    lerp2(tl[2], tr[2], bl[2], br[2], fx, fy),
                ]
            }));
        }
        // Written out (the same sums, in the same order, as a fold over the channels).
        let dist = |a: &[f32; 3], b: &[f32; 3]| {
            let (d0, d1, d2) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
            d0 * d0 + d1 * d1 + d2 * d2
        };
        // The centres are found on every other pixel each way (a quarter of the work), then every
        // pixel takes its nearest centre.
        let sample: Vec<[f32; 3]> = px
            .chunks_exact(side)
            .step_by(2)
            .flat_map(|row| row.iter().step_by(2).copied())
            .collect();
        // Farthest-point seeding: each new centre is the first sample farthest from those
        // chosen (found in the same pass that brings the distances up to date).
        let mut centres: Vec<[f32; 3]> = vec![sample[0]];
        let mut far = (0, 0.0f32);
        let mut nearest: Vec<f32> = sample
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let d = dist(p, &sample[0]);
                if d > far.1 {
                    far = (i, d);
                }
                d
            })
            .collect();
        while centres.len() < regions.min(MAX_REGIONS) && far.1 >= 1.0 {
            let c = sample[far.0];
            far = (0, 0.0);
            for (i, (n, p)) in nearest.iter_mut().zip(&sample).enumerate() {
                *n = n.min(dist(p, &c));
                if *n > far.1 {
                    far = (i, *n);
                }
            }
            centres.push(c);
        }
        for _ in 0..3 {
            let soa = Centres::new(&centres);
            let mut sum = vec![[0.0f32; 4]; centres.len()];
            let mut last = Last::default();
            for p in &sample {
                let s = &mut sum[last.nearest(&soa, p)];
                s[0] += p[0];
                s[1] += p[1];
                s[2] += p[2];
                s[3] += 1.0;
            }
            for (c, s) in centres.iter_mut().zip(&sum) {
                if s[3] > 0.0 {
                    *c = [s[0] / s[3], s[1] / s[3], s[2] / s[3]];
                }
            }
        }
        let soa = Centres::new(&centres);
        let mut last = Last::default();
        let labels: Vec<u8> = px.iter().map(|p| last.nearest(&soa, p) as u8).collect();
        labels
    }

    /// Spread of the colours of a 16×16 reduction: the largest standard deviation of the red,
    /// green and blue channels, near 0 for a plain picture. Not luma alone: a logo drawn in
    /// colours of one lightness (pink on mauve) is plain to luma and plainly drawn to the eye.
    pub fn colour_spread(&self) -> f64 {
        const CELLS: usize = 16;
        let k = WORK / CELLS;
        // Every cell's three channel sums in one pass (each sum in row order, as before).
        let mut cells = [[0.0f64; CELLS * CELLS]; 3];
        for i in 0..CELLS * CELLS {
            let (cx, cy) = (i % CELLS, i / CELLS);
            let mut s = [0.0f64; 3];
            for y in cy * k..(cy + 1) * k {
                for c in &self.rgb[y * WORK + cx * k..y * WORK + (cx + 1) * k] {
                    for ch in 0..3 {
                        s[ch] += f64::from(c[ch]);
                    }
                }
            }
            for (plane, s) in cells.iter_mut().zip(s) {
                plane[i] = s / (k * k) as f64;
            }
        }
        cells
            .iter()
            .map(|cells| {
                let mean = cells.iter().sum::<f64>() / cells.len() as f64;
                (cells.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / cells.len() as f64).sqrt()
            })
            .fold(0.0, f64::max)
    }

    /// Whether the picture has no sharp edge anywhere (a gradient, a blur): nothing in it can
    /// show that it was copied.
    pub fn is_featureless(&self, edges: &Plane) -> bool {
        edges.px.iter().fold(0.0f32, |m, &v| m.max(v)) < FEATURELESS_EDGE
    }

    /// Whether the picture is a platform's default: grey only, in at most two tones of low
    /// contrast (a silhouette on a flat ground), which says nothing about who uses it. A logo
    /// copied in greyscale keeps its contrast.
    pub fn is_default_like(&self, luma: &Plane) -> bool {
        let grey = self
            .rgb
            .iter()
            .all(|c| c[0].max(c[1]).max(c[2]) - c[0].min(c[1]).min(c[2]) <= 12.0);
        if !grey {
            return false;
        }
        // Two tones: every pixel within 12 of one of the two most common luma levels (edges of
        // the silhouette are anti-aliased; they are few).
        let mut hist = [0usize; 32];
        for &v in &luma.px {
            hist[(v as usize / 8).min(31)] += 1;
        }
        let mut order: Vec<usize> = (0..32).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(hist[i]));
        let near = |v: f32, bin: usize| (v - (bin * 8 + 4) as f32).abs() <= 12.0;
        let covered = luma
            .px
            .iter()
            .filter(|&&v| near(v, order[0]) || near(v, order[1]))
            .count();
        let contrast = order[0].abs_diff(order[1]) * 8;
        covered as f64 >= 0.9 * luma.px.len() as f64 && contrast <= 96
    }

    /// The box of the content inside a flat border (padding, a frame, a flat background): the
    /// rows and columns that differ enough from the border colour. The whole picture when the content
    /// fills it, or when what differs is too small to be the picture.
    pub fn content_box(&self) -> Box4 {
        let ring: Vec<&[f32; 3]> = (0..WORK)
            .flat_map(|i| [(i, 0), (i, WORK - 1), (0, i), (WORK - 1, i)])
            .map(|(x, y)| &self.rgb[y * WORK + x])
            .collect();
        let median = |k: usize| {
            let mut v: Vec<f32> = ring.iter().map(|c| c[k]).collect();
            let mid = v.len() / 2;
            *v.select_nth_unstable_by(mid, f32::total_cmp).1
        };
        let border = [median(0), median(1), median(2)];
        // How many pixels of each row and each column differ from the border colour.
        let (mut in_row, mut in_col) = ([0usize; WORK], [0usize; WORK]);
        for (row, n) in self.rgb.chunks_exact(WORK).zip(in_row.iter_mut()) {
            for (c, m) in row.iter().zip(in_col.iter_mut()) {
                let d = (c[0] - border[0])
                    .abs()
                    .max((c[1] - border[1]).abs())
                    .max((c[2] - border[2]).abs());
                let differs = usize::from(d > 24.0);
                *n += differs;
                *m += differs;
            }
        }
        // A row or column belongs to the content when a quarter of it differs from the border:
        // a band or badge reaching into the border does not widen the box.
        let dense = |n: usize| n * 4 >= WORK;
        let rows: Vec<usize> = (0..WORK).filter(|&y| dense(in_row[y])).collect();
        let cols: Vec<usize> = (0..WORK).filter(|&x| dense(in_col[x])).collect();
        let (Some(&y0), Some(&y1), Some(&x0), Some(&x1)) = (rows.first(), rows.last(), cols.first(), cols.last())
        else {
            return Box4::FULL;
        };
        let (w, h) = (x1 + 1 - x0, y1 + 1 - y0);
        if w * 10 < WORK * 3 || h * 10 < WORK * 3 {
            return Box4::FULL;
        }
        let f = |v: usize| v as f32 / WORK as f32;
        Box4::new(f(x0), f(y0), f(x1 + 1), f(y1 + 1))
    }
}

#[cfg(test)]
mod tests;
