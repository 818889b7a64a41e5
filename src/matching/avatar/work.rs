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
        let s = self.side as f32;
        let max = (self.side - 1) as f32;
        let coord =
            |lo: f32, hi: f32, i: usize| ((lo + (i as f32 + 0.5) / out as f32 * (hi - lo)) * s - 0.5).clamp(0.0, max);
        let xs: Vec<(usize, usize, f32)> = (0..out)
            .map(|i| {
                let i = if mirror { out - 1 - i } else { i };
                let x = coord(b.x0, b.x1, i);
                let x0 = x.floor() as usize;
                (x0, (x0 + 1).min(self.side - 1), x - x0 as f32)
            })
            .collect();
        for j in 0..out {
            let y = coord(b.y0, b.y1, j);
            let y0 = y.floor() as usize;
            let (y1, fy) = ((y0 + 1).min(self.side - 1), y - y0 as f32);
            let top = &self.px[y0 * self.side..(y0 + 1) * self.side];
            let bottom = &self.px[y1 * self.side..(y1 + 1) * self.side];
            dst.extend(xs.iter().map(|&(x0, x1, fx)| {
                let t = top[x0] + (top[x1] - top[x0]) * fx;
                let b = bottom[x0] + (bottom[x1] - bottom[x0]) * fx;
                t + (b - t) * fy
            }));
        }
    }

    /// Resamples the whole plane to `side` pixels and quantises it to bytes (values clamped to
    /// 0–255 after multiplying by `scale`).
    pub fn to_bytes(&self, side: usize, scale: f32) -> Vec<u8> {
        let mut v = Vec::new();
        self.sample(Box4::FULL, side, false, &mut v);
        v.iter().map(|&x| (x * scale).round().clamp(0.0, 255.0) as u8).collect()
    }

    /// A plane from bytes written by [`Plane::to_bytes`].
    pub fn from_bytes(side: usize, bytes: &[u8], scale: f32) -> Plane {
        Plane {
            side,
            px: bytes.iter().map(|&b| f32::from(b) / scale).collect(),
        }
    }
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
        // The sampled columns, grouped by the working column they fall in: each cell's samples
        // of a row are added in registers and written once.
        let xs: Vec<usize> = (0..w).step_by(step).collect();
        let mut spans: Vec<(usize, usize, usize)> = Vec::with_capacity(WORK);
        let mut start = 0;
        while start < xs.len() {
            let cx = xs[start] * WORK / w;
            let mut end = start + 1;
            while end < xs.len() && xs[end] * WORK / w == cx {
                end += 1;
            }
            spans.push((cx, start, end));
            start = end;
        }
        fn add_row(
            xs: &[usize],
            spans: &[(usize, usize, usize)],
            row: usize,
            sum: &mut [[u32; 3]],
            count: &mut [u32],
            px: impl Fn(usize) -> [u8; 4],
        ) {
            for &(cx, from, to) in spans {
                let mut acc = [0u32; 3];
                for &x in &xs[from..to] {
                    let [r, g, b, a] = px(x);
                    if a == 255 {
                        acc[0] += u32::from(r);
                        acc[1] += u32::from(g);
                        acc[2] += u32::from(b);
                    } else {
                        let a = u32::from(a);
                        let over = |c: u8| (u32::from(c) * a + 255 * (255 - a)) / 255;
                        acc[0] += over(r);
                        acc[1] += over(g);
                        acc[2] += over(b);
                    }
                }
                let s = &mut sum[row + cx];
                s[0] += acc[0];
                s[1] += acc[1];
                s[2] += acc[2];
                count[row + cx] += (to - from) as u32;
            }
        }
        let cell_row = |y: usize| (y * WORK / h) * WORK;
        // The common layouts are read in place from their rows: nothing is copied.
        let rows = (0..h).step_by(step);
        match img {
            DynamicImage::ImageRgb8(b) => {
                let raw = b.as_raw();
                for y in rows {
                    let line = &raw[y * w * 3..(y + 1) * w * 3];
                    add_row(&xs, &spans, cell_row(y), &mut sum, &mut count, |x| {
                        [line[3 * x], line[3 * x + 1], line[3 * x + 2], 255]
                    });
                }
            }
            DynamicImage::ImageRgba8(b) => {
                let raw = b.as_raw();
                for y in rows {
                    let line = &raw[y * w * 4..(y + 1) * w * 4];
                    add_row(&xs, &spans, cell_row(y), &mut sum, &mut count, |x| {
                        [line[4 * x], line[4 * x + 1], line[4 * x + 2], line[4 * x + 3]]
                    });
                }
            }
            DynamicImage::ImageLuma8(b) => {
                let raw = b.as_raw();
                for y in rows {
                    let line = &raw[y * w..(y + 1) * w];
                    add_row(&xs, &spans, cell_row(y), &mut sum, &mut count, |x| {
                        [line[x], line[x], line[x], 255]
                    });
                }
            }
            other => {
                let rgba = other.to_rgba8();
                let raw = rgba.as_raw();
                for y in rows {
                    let line = &raw[y * w * 4..(y + 1) * w * 4];
                    add_row(&xs, &spans, cell_row(y), &mut sum, &mut count, |x| {
                        [line[4 * x], line[4 * x + 1], line[4 * x + 2], line[4 * x + 3]]
                    });
                }
            }
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
            for x in 0..WORK {
                let (xl, xr) = (x.saturating_sub(1), (x + 1).min(WORK - 1));
                let gx = diff(&row[xr], &row[xl]);
                let gy = diff(&down[x], &up[x]);
                out[x] = (gx * gx + gy * gy).sqrt();
            }
        }
        // A 3×3 box blur (rows, then columns): edges of a copy drawn a little larger, smaller
        // or shifted still meet.
        let mut rows = Plane::new(WORK);
        for y in 0..WORK {
            let (src, dst) = (&p.px[y * WORK..(y + 1) * WORK], &mut rows.px[y * WORK..(y + 1) * WORK]);
            for (x, d) in dst.iter_mut().enumerate() {
                let (lo, hi) = (x.saturating_sub(1), (x + 1).min(WORK - 1));
                *d = src[lo..=hi].iter().sum::<f32>() / (hi - lo + 1) as f32;
            }
        }
        let mut blurred = Plane::new(WORK);
        for y in 0..WORK {
            let (lo, hi) = (y.saturating_sub(1), (y + 1).min(WORK - 1));
            let n = (hi - lo + 1) as f32;
            for x in 0..WORK {
                blurred.px[y * WORK + x] = (lo..=hi).map(|yy| rows.px[yy * WORK + x]).sum::<f32>() / n;
            }
        }
        blurred
    }

    /// The colour region of each pixel of a `side`×`side` reduction: the picture's colours
    /// quantised to `regions` representatives (k-means from the farthest colours, a few rounds),
    /// so that a recoloured copy can be told by its regions keeping one colour each.
    pub fn labels(&self, side: usize, regions: usize) -> Vec<u8> {
        let planes: Vec<Plane> = (0..3)
            .map(|k| Plane {
                side: WORK,
                px: self.rgb.iter().map(|c| c[k]).collect(),
            })
            .collect();
        let mut channels = [Vec::new(), Vec::new(), Vec::new()];
        for (p, out) in planes.iter().zip(channels.iter_mut()) {
            p.sample(Box4::FULL, side, false, out);
        }
        let px: Vec<[f32; 3]> = (0..side * side)
            .map(|i| [channels[0][i], channels[1][i], channels[2][i]])
            .collect();
        let dist = |a: &[f32; 3], b: &[f32; 3]| (0..3).map(|k| (a[k] - b[k]).powi(2)).sum::<f32>();
        // The centres are found on every other pixel each way (a quarter of the work), then every
        // pixel takes its nearest centre.
        let sample: Vec<[f32; 3]> = px
            .iter()
            .enumerate()
            .filter(|(i, _)| (i % side).is_multiple_of(2) && (i / side).is_multiple_of(2))
            .map(|(_, p)| *p)
            .collect();
        let mut centres: Vec<[f32; 3]> = vec![sample[0]];
        let mut nearest: Vec<f32> = sample.iter().map(|p| dist(p, &sample[0])).collect();
        while centres.len() < regions {
            let (far, d) = nearest
                .iter()
                .enumerate()
                .fold((0, 0.0f32), |acc, (i, &d)| if d > acc.1 { (i, d) } else { acc });
            if d < 1.0 {
                break;
            }
            let c = sample[far];
            for (n, p) in nearest.iter_mut().zip(&sample) {
                *n = n.min(dist(p, &c));
            }
            centres.push(c);
        }
        // One distance per centre (a `min_by` comparing pairs would compute each twice).
        let nearest_centre = |p: &[f32; 3], centres: &[[f32; 3]]| {
            let mut best = (0, f32::INFINITY);
            for (i, c) in centres.iter().enumerate() {
                let d = dist(p, c);
                if d < best.1 {
                    best = (i, d);
                }
            }
            best.0
        };
        for _ in 0..3 {
            let mut sum = vec![[0.0f32; 4]; centres.len()];
            for p in &sample {
                let s = &mut sum[nearest_centre(p, &centres)];
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
        let labels: Vec<u8> = px.iter().map(|p| nearest_centre(p, &centres) as u8).collect();
        labels
    }

    /// Spread of the colours of a 16×16 reduction: the largest standard deviation of the red,
    /// green and blue channels, near 0 for a plain picture. Not luma alone: a logo drawn in
    /// colours of one lightness (pink on mauve) is plain to luma and plainly drawn to the eye.
    pub fn colour_spread(&self) -> f64 {
        let k = WORK / 16;
        (0..3)
            .map(|ch| {
                let cells: Vec<f64> = (0..16 * 16)
                    .map(|i| {
                        let (cx, cy) = (i % 16, i / 16);
                        let mut s = 0.0;
                        for y in cy * k..(cy + 1) * k {
                            for x in cx * k..(cx + 1) * k {
                                s += f64::from(self.rgb[y * WORK + x][ch]);
                            }
                        }
                        s / (k * k) as f64
                    })
                    .collect();
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
            v.sort_by(f32::total_cmp);
            v[v.len() / 2]
        };
        let border = [median(0), median(1), median(2)];
        let differs = |x: usize, y: usize| {
            let c = &self.rgb[y * WORK + x];
            (0..3).map(|k| (c[k] - border[k]).abs()).fold(0.0, f32::max) > 24.0
        };
        // A row or column belongs to the content when a quarter of it differs from the border:
        // a band or badge reaching into the border does not widen the box.
        let dense = |n: usize| n * 4 >= WORK;
        let rows: Vec<usize> = (0..WORK)
            .filter(|&y| dense((0..WORK).filter(|&x| differs(x, y)).count()))
            .collect();
        let cols: Vec<usize> = (0..WORK)
            .filter(|&x| dense((0..WORK).filter(|&y| differs(x, y)).count()))
            .collect();
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
mod tests {
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
    fn small_pictures_fill_the_working_image() {
        let img = RgbImage::from_fn(10, 10, |x, _| if x < 5 { Rgb([0, 0, 0]) } else { Rgb([255, 255, 255]) });
        let w = WorkImage::new(&DynamicImage::ImageRgb8(img));
        let l = w.luma();
        assert!(l.at(0, 0) < 1.0 && l.at(WORK - 1, WORK - 1) > 254.0);
        assert!(l.at(WORK / 2 - 2, 30) < 1.0 && l.at(WORK / 2 + 1, 30) > 254.0);
    }
}
