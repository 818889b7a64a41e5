//! Pixel-level comparison of two pictures, for the pairs the keys shortlisted: finds the part
//! of the genuine picture the candidate shows (the whole, a zoom, a crop from any side), as drawn
//! or mirrored, whole or behind a circular mask, and measures how well they agree.
//!
//! Agreement is the mean of two correlations that survive what impostors do to a copied picture:
//! - *tone*: the luma correlation, or, where higher, how well either picture's colour regions
//!   predict the other's luma (the root of the correlation ratio): a recoloured copy, a
//!   greyscale one or one whose flat background was swapped for another colour keeps every
//!   region in one tone;
//! - *edges*: the correlation of colour-edge strength (edges stay where colours meet, whatever
//!   the colours are).
//!
//! Each is computed over 4×4 blocks with one side or one quadrant left out (the part that
//! agrees least), so that a badge, sticker or text band over up to a fifth of the picture does not
//! hide the copy; and the centre blocks kept must agree on their own, since they hold the emblem
//! that tells one logo from another of the same layout (in luma and edges, or, for the box a
//! search ends on, in luma alone: a finely textured emblem keeps its tones under a zoom but not
//! its edges).
//!
//! The search is coarse to fine: every box of a fixed grid (squares, side crops, and boxes of the
//! candidate's own shape when it is not square: a crop kept at its cut size) ranked by quick
//! correlations at 16×16 pixels, plain and trimmed, then the best few of each ranking refined
//! edge by edge, with the full measure, at 24×24. Where a box reaches beyond the genuine picture
//! it is compared with flat ground there.

use super::keys::outside_circle;
use super::work::{Box4, Plane};

/// Blocks per side over which correlations are trimmed.
const BLOCKS: usize = 4;
/// Blocks left out of each correlation: one side or one quadrant (4 of the 16), a quarter of
/// the picture, room for an overlay over a fifth of it.
pub const DROPPED_BLOCKS: usize = BLOCKS;
/// Colour regions of a picture.
pub const PALETTE: usize = 8;
/// Side of the colour-region map a picture keeps.
pub const LABELS: usize = 48;
/// Side of the coarse search.
const COARSE: usize = 16;
/// Side of the fine search.
const FINE: usize = 24;
/// Coarse matches refined.
const REFINED: usize = 2;
/// A coarse match is refined beside the best only when it ranks this close to it.
const RUNNER_UP: f64 = 0.05;
/// A coarse agreement below this cannot be refined into a copy's (copies of the labelled sets
/// rank above 0.45 at the coarse stage even under the heaviest crops and overlays).
const HOPELESS: f64 = 0.4;
/// A coarse match this good is taken as it is, without refinement.
const SETTLED: f64 = 0.97;
/// Improvements tried per step size in the refinement.
const MAX_MOVES: usize = 8;
/// Smallest side of a genuine box: a copy shows at least half of the picture.
const MIN_BOX: f32 = 0.45;
/// How far a box may reach beyond the genuine picture (a copy set on a larger ground, or with
/// a band added below it).
const OVERREACH: f32 = 0.15;
/// Weight of tone agreement against edge agreement. Pictures of one layout (a rounded square
/// with an emblem and a word below) agree in tone; only a copy agrees in edges too.
const TONE_WEIGHT: f64 = 0.4;
/// Agreement taken off per unit of the genuine picture's area that a box leaves out.
const SMALL_BOX_PENALTY: f64 = 0.12;
/// Smallest area of a genuine box compared behind a circular mask: a circular crop of a picture
/// already cut down to a small part is not an attack seen, and small parts behind a mask agree
/// with too much.
const MIN_CIRCLE_AREA: f32 = 0.64;

/// A picture's planes for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Planes {
    /// Luma.
    pub luma: Plane,
    /// Colour edges.
    pub edges: Plane,
    /// Colour region of each pixel (0..`PALETTE`) of a `LABELS`×`LABELS` reduction.
    pub labels: Vec<u8>,
    /// The content inside a flat border.
    pub content: Box4,
    /// Width over height of the picture before it was squeezed into the square planes.
    pub shape: f32,
}

impl Planes {
    /// Mean luma of the outermost pixels.
    fn rim_luma(&self) -> f32 {
        let (side, px) = (self.luma.side, &self.luma.px);
        let mut t = 0.0;
        for k in 0..side {
            t += px[k] + px[(side - 1) * side + k] + px[k * side] + px[k * side + side - 1];
        }
        t / (4 * side) as f32
    }

    fn labels_in(&self, b: Box4, out: usize, dst: &mut Vec<u8>) {
        dst.clear();
        let side = LABELS;
        let max = side - 1;
        for j in 0..out {
            let y = (((b.y0 + (j as f32 + 0.5) / out as f32 * (b.y1 - b.y0)) * side as f32).max(0.0) as usize).min(max);
            for i in 0..out {
                let x =
                    (((b.x0 + (i as f32 + 0.5) / out as f32 * (b.x1 - b.x0)) * side as f32).max(0.0) as usize).min(max);
                dst.push(self.labels[y * side + x]);
            }
        }
    }
}

/// Where and how well a candidate matches a genuine picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alignment {
    /// Agreement in [0, 1].
    pub similarity: f64,
    /// The candidate is the mirror image.
    pub mirrored: bool,
    /// The part of the genuine picture the candidate shows.
    pub region: Box4,
    /// Compared inside the inscribed circle only (a circular crop).
    pub circle: bool,
}

fn grid() -> &'static [Box4] {
    static G: std::sync::LazyLock<Vec<Box4>> = std::sync::LazyLock::new(|| {
        // Large boxes at fewer places: refinement moves their edges anyway.
        let mut out = vec![Box4::FULL, Box4::square(0.9, 0.5, 0.5)];
        for s in [0.8f32, 0.7, 0.6, 0.5] {
            for fy in [0.0f32, 0.5, 1.0] {
                for fx in [0.0f32, 0.5, 1.0] {
                    if s > 0.75 && fx == 0.5 && fy != 0.5 || s > 0.75 && fy == 0.5 && fx != 0.5 {
                        continue;
                    }
                    out.push(Box4::square(s, fx, fy));
                }
            }
        }
        for a in [0.15f32, 0.25] {
            out.push(Box4::new(a, 0.0, 1.0, 1.0));
            out.push(Box4::new(0.0, a, 1.0, 1.0));
            out.push(Box4::new(0.0, 0.0, 1.0 - a, 1.0));
            out.push(Box4::new(0.0, 0.0, 1.0, 1.0 - a));
        }
        out
    });
    &G
}

/// A picture further from square than this (width over height, or its inverse) is searched
/// with boxes of its shape too.
const SHAPED_FROM: f32 = 1.08;

/// Boxes of the genuine picture with the shape `ratio` (width over height, in the genuine
/// picture's units), at several sizes and places: a candidate cut from a picture and kept at
/// its cut size shows a part of that shape, which the square grid meets only after many moves
/// of its edges.
fn shaped(ratio: f32) -> Vec<Box4> {
    if !ratio.is_finite() || (ratio < SHAPED_FROM && 1.0 / ratio < SHAPED_FROM) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for long in [1.0f32, 0.9, 0.8, 0.7, 0.6] {
        let (w, h) = if ratio < 1.0 {
            (long * ratio, long)
        } else {
            (long, long / ratio)
        };
        if w.min(h) < MIN_BOX {
            continue;
        }
        for fy in [0.0f32, 0.5, 1.0] {
            for fx in [0.0f32, 0.5, 1.0] {
                // Along a side the box fills, one place is enough.
                if (w >= 1.0 && fx != 0.5) || (h >= 1.0 && fy != 0.5) {
                    continue;
                }
                let (x0, y0) = ((1.0 - w) * fx, (1.0 - h) * fy);
                out.push(Box4::new(x0, y0, x0 + w, y0 + h));
            }
        }
    }
    out
}

/// Per-block sums of a candidate plane `a` against a genuine plane `b`.
#[derive(Clone, Copy, Default)]
struct Sums {
    w: f32,
    a: f32,
    b: f32,
    aa: f32,
    bb: f32,
    ab: f32,
}

impl Sums {
    fn add(&mut self, o: &Sums) {
        self.w += o.w;
        self.a += o.a;
        self.b += o.b;
        self.aa += o.aa;
        self.bb += o.bb;
        self.ab += o.ab;
    }

    fn push(&mut self, a: f32, b: f32) {
        self.w += 1.0;
        self.a += a;
        self.b += b;
        self.aa += a * a;
        self.bb += b * b;
        self.ab += a * b;
    }

    fn ncc(&self) -> f64 {
        let w = f64::from(self.w);
        if w <= 0.0 {
            return 0.0;
        }
        let (a, b) = (f64::from(self.a), f64::from(self.b));
        let va = f64::from(self.aa) - a * a / w;
        let vb = f64::from(self.bb) - b * b / w;
        let cov = f64::from(self.ab) - a * b / w;
        if va <= 1e-3 * w || vb <= 1e-3 * w {
            return 0.0;
        }
        cov / (va * vb).sqrt()
    }
}

/// Candidate luma sums per genuine colour region, per block.
#[derive(Clone, Copy, Default)]
struct Regions {
    n: [f32; PALETTE],
    s: [f32; PALETTE],
    ss: [f32; PALETTE],
}

impl Regions {
    fn add(&mut self, o: &Regions) {
        for k in 0..PALETTE {
            self.n[k] += o.n[k];
            self.s[k] += o.s[k];
            self.ss[k] += o.ss[k];
        }
    }

    fn within(&self) -> f64 {
        (0..PALETTE)
            .filter(|&k| self.n[k] > 0.0)
            .map(|k| f64::from(self.ss[k]) - f64::from(self.s[k]).powi(2) / f64::from(self.n[k]))
            .sum()
    }

    fn total(&self) -> (f64, f64, f64) {
        let n: f64 = self.n.iter().map(|&v| f64::from(v)).sum();
        let s: f64 = self.s.iter().map(|&v| f64::from(v)).sum();
        let ss: f64 = self.ss.iter().map(|&v| f64::from(v)).sum();
        (n, s, ss)
    }
}

type Blocks<T> = [T; BLOCKS * BLOCKS];

struct Stats {
    luma: Blocks<Sums>,
    edges: Blocks<Sums>,
    /// The candidate's luma in the genuine picture's colour regions.
    regions: Blocks<Regions>,
    /// The genuine luma in the candidate's colour regions.
    regions_back: Blocks<Regions>,
}

fn stats(c: &View, gl: &[f32], ge: &[f32], labels: &[u8], side: usize, circle: Option<f32>) -> Stats {
    let mut st = Stats {
        luma: [Sums::default(); BLOCKS * BLOCKS],
        edges: [Sums::default(); BLOCKS * BLOCKS],
        regions: [Regions::default(); BLOCKS * BLOCKS],
        regions_back: [Regions::default(); BLOCKS * BLOCKS],
    };
    let (cl, ce, clab) = c.planes(side);
    let k = side / BLOCKS;
    for y in 0..side {
        for x in 0..side {
            if circle.is_some_and(|rim| outside_rim(x, y, side, rim)) {
                continue;
            }
            let i = y * side + x;
            let blk = (y / k) * BLOCKS + x / k;
            let (a, b) = (cl[i], gl[i]);
            // Edges on the frame of a view are where a crop or a border cut the picture, not
            // the picture's own: they do not count.
            let frame = x == 0 || y == 0 || x == side - 1 || y == side - 1;
            st.luma[blk].push(a, b);
            let (a2, b2) = if frame { (0.0, 0.0) } else { (ce[i], ge[i]) };
            st.edges[blk].push(a2, b2);
            let r = &mut st.regions[blk];
            let l = usize::from(labels[i]).min(PALETTE - 1);
            r.n[l] += 1.0;
            r.s[l] += a;
            r.ss[l] += a * a;
            let r = &mut st.regions_back[blk];
            let l = usize::from(clab[i]).min(PALETTE - 1);
            r.n[l] += 1.0;
            r.s[l] += b;
            r.ss[l] += b * b;
        }
    }
    st
}

/// Whether a pixel lies outside the inscribed circle or on its rim. Behind a circular mask the
/// rim is where the mask cut the picture (a hard edge against a black or white ground, blurred by
/// resampling and JPEG), as the frame is for a crop: it is not the picture's own.
fn outside_rim(x: usize, y: usize, side: usize, rim: f32) -> bool {
    let r = side as f32 / 2.0 - rim * side as f32;
    let (dx, dy) = (x as f32 + 0.5 - side as f32 / 2.0, y as f32 + 0.5 - side as f32 / 2.0);
    dx * dx + dy * dy > r * r
}

/// Width of a circular mask's rim, as a share of the side (1.5 px at the fine search's 24).
const RIM: f32 = 0.0625;

/// A set of blocks, as a mask.
type Mask = [bool; BLOCKS * BLOCKS];

/// The parts of a picture an overlay may cover, as the blocks left out: one side (a band over
/// the top or the bottom, a strip down a side) or one quadrant (a badge or sticker at a corner,
/// up to a fifth of the picture, reaching one centre block).
fn cover_sets() -> &'static [Mask] {
    static SETS: std::sync::LazyLock<Vec<Mask>> = std::sync::LazyLock::new(|| {
        let half = BLOCKS / 2;
        let regions: [&dyn Fn(usize, usize) -> bool; 8] = [
            &|_, y| y == 0,
            &|_, y| y == BLOCKS - 1,
            &|x, _| x == 0,
            &|x, _| x == BLOCKS - 1,
            &|x, y| x < half && y < half,
            &|x, y| x >= half && y < half,
            &|x, y| x < half && y >= half,
            &|x, y| x >= half && y >= half,
        ];
        regions
            .iter()
            .map(|covered| {
                let mut keep = [true; BLOCKS * BLOCKS];
                for (b, k) in keep.iter_mut().enumerate() {
                    *k = !covered(b % BLOCKS, b / BLOCKS);
                }
                keep
            })
            .collect()
    });
    &SETS
}

/// The blocks kept: all but the part an overlay may cover that agrees least (the lowest sum of
/// `score` over the blocks it leaves out). Scattered blocks are never left out: that would let
/// unrelated pictures of one layout agree.
fn kept(score: impl Fn(usize) -> f64) -> Mask {
    let scores: Vec<f64> = (0..BLOCKS * BLOCKS).map(score).collect();
    let left_out = |keep: &Mask| -> f64 { keep.iter().zip(&scores).filter(|(k, _)| !**k).map(|(_, s)| s).sum() };
    cover_sets()
        .iter()
        .min_by(|a, b| left_out(a).total_cmp(&left_out(b)))
        .copied()
        .unwrap_or([true; BLOCKS * BLOCKS])
}

fn sum_over<T: Copy + Default>(blocks: &Blocks<T>, keep: &Mask, add: fn(&mut T, &T)) -> T {
    let mut t = T::default();
    for (b, _) in blocks.iter().zip(keep).filter(|(_, k)| **k) {
        add(&mut t, b);
    }
    t
}

/// The kept centre blocks (all four unless a corner quadrant was left out).
fn centre_of(keep: &Mask) -> Mask {
    let mut c = [false; BLOCKS * BLOCKS];
    for b in CENTRE {
        c[b] = keep[b];
    }
    c
}

/// Correlations, over the blocks kept after leaving out the part that agrees least, of the
/// whole and of its centre.
fn trimmed(blocks: &Blocks<Sums>) -> (f64, f64) {
    let total = sum_over(blocks, &[true; BLOCKS * BLOCKS], Sums::add);
    if total.w <= 0.0 {
        return (0.0, 0.0);
    }
    let (ma, mb) = (f64::from(total.a / total.w), f64::from(total.b / total.w));
    let keep = kept(|i| {
        let s = &blocks[i];
        f64::from(s.ab) - mb * f64::from(s.a) - ma * f64::from(s.b) + ma * mb * f64::from(s.w)
    });
    (
        sum_over(blocks, &keep, Sums::add).ncc(),
        sum_over(blocks, &centre_of(&keep), Sums::add).ncc(),
    )
}

/// How well the genuine colour regions predict the candidate's luma (root of the correlation
/// ratio), over the blocks kept after leaving out the part that fits worst; whole and centre.
fn regions_fit(blocks: &Blocks<Regions>) -> (f64, f64) {
    let all = sum_over(blocks, &[true; BLOCKS * BLOCKS], Regions::add);
    // Region means over the whole picture; a block fits badly when its pixels stray from them.
    let mean: Vec<f64> = (0..PALETTE)
        .map(|k| {
            if all.n[k] > 0.0 {
                f64::from(all.s[k] / all.n[k])
            } else {
                0.0
            }
        })
        .collect();
    let keep = kept(|i| {
        let r = &blocks[i];
        -(0..PALETTE)
            .map(|k| f64::from(r.ss[k]) - 2.0 * mean[k] * f64::from(r.s[k]) + mean[k] * mean[k] * f64::from(r.n[k]))
            .sum::<f64>()
    });
    (
        fit(&sum_over(blocks, &keep, Regions::add)),
        fit(&sum_over(blocks, &centre_of(&keep), Regions::add)),
    )
}

/// The root of the correlation ratio of luma given regions.
fn fit(k: &Regions) -> f64 {
    let (n, s, ss) = k.total();
    let total = ss - s * s / n.max(1.0);
    if n <= 0.0 || total <= 1e-3 * n {
        return 0.0;
    }
    (1.0 - k.within() / total).clamp(0.0, 1.0).sqrt()
}

/// How the centre is held to agree: by luma and edges (`Strict`, while searching), or also by
/// luma alone (`Textured`, for the box found).
#[derive(Clone, Copy, PartialEq)]
enum Centre {
    Strict,
    Textured,
}

fn agreement(st: &Stats, centre: Centre) -> f64 {
    let (luma, luma_c) = trimmed(&st.luma);
    let (edges, edges_c) = trimmed(&st.edges);
    // Colour regions in either direction: a recoloured copy maps each region of the genuine
    // picture to one tone (and back, unless two regions took one colour). Requiring both
    // directions (the lower, or their mean) was tried: it cleared a few unrelated pictures of
    // flat regions in the synthetic scan benchmark, and cost 2–3 of the avatar corpus's 32
    // recoloured copies and two of holdout2's copies without clearing any of its honest lines.
    let (fwd, fwd_c) = regions_fit(&st.regions);
    let (back, back_c) = regions_fit(&st.regions_back);
    let tone = luma.max(fwd).max(back).max(0.0);
    let whole = TONE_WEIGHT * tone + (1.0 - TONE_WEIGHT) * edges.max(0.0);
    // The centre must agree on its own: it holds the emblem, and pictures of one layout (a seal
    // with a ring of text, a mascot in a frame) differ there and agree everywhere else.
    let tone_c = luma_c.max(fwd_c).max(back_c).max(0.0);
    let mut middle = TONE_WEIGHT * tone_c + (1.0 - TONE_WEIGHT) * edges_c.max(0.0);
    if centre == Centre::Textured {
        middle = middle.max(luma_c - CENTRE_LUMA_ALONE);
    }
    whole.min(middle + CENTRE_SLACK)
}

/// What the centre's luma alone gives up against luma and edges together. The fine texture of
/// an emblem (a rose's petals, an engraving) keeps its place under a zoom but not its edges,
/// which are measured at the working picture's scale; its tones still agree.
const CENTRE_LUMA_ALONE: f64 = 0.1;

/// The four centre blocks.
const CENTRE: [usize; 4] = [BLOCKS + 1, BLOCKS + 2, 2 * BLOCKS + 1, 2 * BLOCKS + 2];
/// How far the centre's agreement may fall below the whole picture's before it caps it (a
/// small region agrees less well than a large one even in a copy).
const CENTRE_SLACK: f64 = 0.06;

/// Quick agreements for ranking boxes in the coarse search: luma and edge correlations, no
/// colour regions; plain, and trimmed as the full measure is (an overlay in strong colours
/// decides the plain ranking, and the copy under it would never be refined).
/// The trimmed one only when `trim` asks for it (boxes too small to seed by it skip it).
fn quick(c: &View, gl: &[f32], ge: &[f32], circle: Option<f32>, trim: bool) -> (f64, f64) {
    let (cl, ce, _) = c.planes(COARSE);
    let mut l: Blocks<Sums> = [Sums::default(); BLOCKS * BLOCKS];
    let mut e: Blocks<Sums> = [Sums::default(); BLOCKS * BLOCKS];
    let k = COARSE / BLOCKS;
    for y in 0..COARSE {
        for bx in 0..BLOCKS {
            // One row of one block, summed in registers.
            let (mut rl, mut re) = (Sums::default(), Sums::default());
            for x in bx * k..(bx + 1) * k {
                if circle.is_some_and(|rim| outside_rim(x, y, COARSE, rim)) {
                    continue;
                }
                let i = y * COARSE + x;
                let frame = x == 0 || y == 0 || x == COARSE - 1 || y == COARSE - 1;
                rl.push(cl[i], gl[i]);
                let (a, b) = if frame { (0.0, 0.0) } else { (ce[i], ge[i]) };
                re.push(a, b);
            }
            let blk = (y / k) * BLOCKS + bx;
            l[blk].add(&rl);
            e[blk].add(&re);
        }
    }
    let all = [true; BLOCKS * BLOCKS];
    let plain = TONE_WEIGHT * sum_over(&l, &all, Sums::add).ncc().abs()
        + (1.0 - TONE_WEIGHT) * sum_over(&e, &all, Sums::add).ncc().max(0.0);
    if !trim {
        return (plain, 0.0);
    }
    (
        plain,
        TONE_WEIGHT * trimmed_abs(&l) + (1.0 - TONE_WEIGHT) * trimmed(&e).0.max(0.0),
    )
}

/// The trimmed correlation of the whole, as drawn or as a negative (an inverted copy).
fn trimmed_abs(blocks: &Blocks<Sums>) -> f64 {
    let (whole, _) = trimmed(blocks);
    if whole >= 0.0 {
        return whole;
    }
    let mut neg = *blocks;
    for s in &mut neg {
        (s.ab, s.b) = (-s.ab, -s.b);
    }
    trimmed(&neg).0.max(0.0)
}

/// Agreement of a box of the genuine picture, less a little for every part of the picture the
/// box leaves out: the smaller the part compared, the likelier an unrelated picture fits it.
fn boxed(agreement: f64, b: Box4, circle: bool) -> f64 {
    let (w, h) = b.size();
    let area = w.min(1.0) * h.min(1.0);
    if circle && area < MIN_CIRCLE_AREA {
        return 0.0;
    }
    agreement - SMALL_BOX_PENALTY * f64::from((1.0 - area).max(0.0))
}

/// One way of reading the candidate: whole or its content, as drawn or mirrored.
struct View {
    mirrored: bool,
    coarse: (Vec<f32>, Vec<f32>, Vec<u8>),
    fine: (Vec<f32>, Vec<f32>, Vec<u8>),
}

impl View {
    fn planes(&self, side: usize) -> (&[f32], &[f32], &[u8]) {
        let p = if side == COARSE { &self.coarse } else { &self.fine };
        (&p.0, &p.1, &p.2)
    }
}

/// A candidate picture prepared for comparison with many genuine pictures.
pub struct Candidate {
    views: Vec<View>,
    /// Width over height before the picture was squeezed into the square planes.
    shape: f32,
    /// Whether its corners are blank (a circular crop): only then is the circle mask tried.
    round: bool,
    /// Whether the picture meets its blank corners in a hard edge along the circle (a mask cut
    /// it there), rather than running into them (a plain ground to the edges).
    cut: bool,
}

impl Candidate {
    /// Samples the candidate's views once.
    pub fn new(p: &Planes) -> Candidate {
        let mut boxes = vec![Box4::FULL];
        if p.content != Box4::FULL {
            boxes.push(p.content);
        }
        let sample = |b: Box4, side: usize, mirrored: bool| {
            let (mut l, mut e, mut lab) = (Vec::new(), Vec::new(), Vec::new());
            p.luma.sample(b, side, mirrored, &mut l);
            p.edges.sample(b, side, mirrored, &mut e);
            p.labels_in(b, side, &mut lab);
            if mirrored {
                for row in lab.chunks_mut(side) {
                    row.reverse();
                }
            }
            (l, e, lab)
        };
        let mut views = Vec::new();
        for b in boxes {
            for mirrored in [false, true] {
                views.push(View {
                    mirrored,
                    coarse: sample(b, COARSE, mirrored),
                    fine: sample(b, FINE, mirrored),
                });
            }
        }
        // Corners flat and free of edges: the picture was cut to a circle (or has a plain
        // ground there, where the mask costs nothing).
        let (l, e, _) = &views[0].fine;
        let corner: Vec<usize> = (0..FINE * FINE)
            .filter(|&i| {
                let (x, y) = (i % FINE, i / FINE);
                outside_circle(x, y, FINE) && (x.min(FINE - 1 - x) + y.min(FINE - 1 - y)) < 5
            })
            .collect();
        let mean = corner.iter().map(|&i| l[i]).sum::<f32>() / corner.len().max(1) as f32;
        let round = corner.iter().all(|&i| (l[i] - mean).abs() < 24.0 && e[i] < 40.0);
        // Just inside the circle: as dark or light as the corners, or not.
        let ring: Vec<f32> = (0..FINE * FINE)
            .filter(|&i| {
                let (x, y) = (i % FINE, i / FINE);
                !outside_circle(x, y, FINE) && outside_rim(x, y, FINE, RIM)
            })
            .map(|i| (l[i] - mean).abs())
            .collect();
        let cut = round && ring.iter().sum::<f32>() / ring.len().max(1) as f32 >= 24.0;
        Candidate {
            views,
            shape: p.shape,
            round,
            cut,
        }
    }
}

/// Beyond the genuine picture a box shows flat ground: the mean luma of the picture's rim and no
/// edges. Repeating the rim's pixels instead (as sampling clamps) continued the bands of a
/// landscape, and another landscape of one layout agreed there.
fn ground_beyond(genuine: &Planes, b: Box4, out: usize, luma: &mut [f32], edges: &mut [f32]) {
    if b.x0 >= 0.0 && b.y0 >= 0.0 && b.x1 <= 1.0 && b.y1 <= 1.0 {
        return;
    }
    let ground = genuine.rim_luma();
    for j in 0..out {
        let y = b.y0 + (j as f32 + 0.5) / out as f32 * (b.y1 - b.y0);
        for i in 0..out {
            let x = b.x0 + (i as f32 + 0.5) / out as f32 * (b.x1 - b.x0);
            if !(0.0..=1.0).contains(&x) || !(0.0..=1.0).contains(&y) {
                luma[j * out + i] = ground;
                edges[j * out + i] = 0.0;
            }
        }
    }
}

/// Smallest area of a box ranked by the trimmed measure. An overlay lies over a copy of the
/// whole picture, or of most of it: a smaller box trimmed of a quarter is too little of the
/// picture to seed a search or end one (landscapes of one layout agree there).
const OVERLAID_AREA: f32 = 0.8;

/// One box, view and mask of the coarse search, with its quick agreements.
#[derive(Clone, Copy)]
struct Coarse {
    plain: f64,
    trim: f64,
    bi: usize,
    vi: usize,
    circle: bool,
    /// Smallest area the refinement may shrink the box to.
    min_area: f32,
}

/// The coarse matches worth refining: the best by the plain ranking, a second reading (the
/// other orientation, the circle) when it ranks close, and the best by the trimmed ranking
/// when it is another box. None when nothing agrees enough to be refined into a copy's.
fn seeds(coarse: &mut [Coarse]) -> Vec<Coarse> {
    coarse.sort_by(|a, b| b.plain.total_cmp(&a.plain));
    let mut out: Vec<Coarse> = Vec::new();
    let lead = coarse.first().map_or(0.0, |c| c.plain);
    if lead >= HOPELESS {
        for c in coarse.iter() {
            if out.len() >= REFINED || c.plain < lead - RUNNER_UP {
                break;
            }
            if !out.iter().any(|o| (o.vi, o.circle) == (c.vi, c.circle)) {
                out.push(*c);
            }
        }
    }
    // The trimmed ranking adds a seed only where leaving a part out changes the picture: the
    // trimmed lead clearly above the plain one (an overlay's contrast hid the copy).
    if let Some(t) = coarse.iter().max_by(|a, b| a.trim.total_cmp(&b.trim))
        && t.trim >= HOPELESS.max(lead + RUNNER_UP)
        && !out.iter().any(|o| (o.bi, o.vi, o.circle) == (t.bi, t.vi, t.circle))
    {
        // Refined from its own ranking's score.
        out.push(Coarse {
            plain: t.trim,
            min_area: OVERLAID_AREA,
            ..*t
        });
    }
    out
}

/// Finds where the candidate best matches the genuine picture, and how well; `mirrored`, when
/// known, restricts the search to that orientation.
pub fn align(candidate: &Candidate, genuine: &Planes, mirrored: Option<bool>) -> Alignment {
    let mut boxes: Vec<Box4> = grid().to_vec();
    if genuine.content != Box4::FULL {
        boxes.push(genuine.content);
    }
    boxes.extend(shaped(candidate.shape / genuine.shape));
    let masks: &[bool] = if candidate.round { &[false, true] } else { &[false] };
    // The rim is left out only where the mask cut the picture.
    let rim = if candidate.cut { RIM } else { 0.0 };
    // Coarse: every box, view and mask at 16×16.
    let mut coarse: Vec<Coarse> = Vec::new();
    let (mut gl, mut ge, mut lab) = (Vec::new(), Vec::new(), Vec::new());
    for (bi, b) in boxes.iter().enumerate() {
        let (w, h) = b.size();
        let overlaid = w * h >= OVERLAID_AREA;
        genuine.luma.sample(*b, COARSE, false, &mut gl);
        genuine.edges.sample(*b, COARSE, false, &mut ge);
        for (vi, v) in candidate.views.iter().enumerate() {
            if mirrored.is_some_and(|m| m != v.mirrored) {
                continue;
            }
            for &circle in masks {
                let (plain, trim) = quick(v, &gl, &ge, circle.then_some(rim), overlaid);
                coarse.push(Coarse {
                    plain: boxed(plain, *b, circle),
                    trim: boxed(trim, *b, circle),
                    bi,
                    vi,
                    circle,
                    min_area: 0.0,
                });
            }
        }
    }
    let mut best = Alignment {
        similarity: 0.0,
        mirrored: false,
        region: Box4::FULL,
        circle: false,
    };
    let seeds = seeds(&mut coarse);
    // Pictures that agree this little anywhere are unrelated: the refinement is not worth it.
    if seeds.is_empty() {
        best.similarity = coarse.iter().map(|c| c.plain.max(c.trim)).fold(0.0, f64::max);
        return best;
    }
    // Fine: the seeds refined, each edge of the box moved while agreement grows.
    for Coarse {
        plain: cs,
        bi,
        vi,
        circle,
        min_area,
        ..
    } in seeds
    {
        let v = &candidate.views[vi];
        let mut score = |b: Box4, centre: Centre| {
            genuine.luma.sample(b, FINE, false, &mut gl);
            genuine.edges.sample(b, FINE, false, &mut ge);
            ground_beyond(genuine, b, FINE, &mut gl, &mut ge);
            genuine.labels_in(b, FINE, &mut lab);
            boxed(
                agreement(&stats(v, &gl, &ge, &lab, FINE, circle.then_some(rim)), centre),
                b,
                circle,
            )
        };
        let mut b = boxes[bi];
        let mut s = score(b, Centre::Strict);
        // A box that already fits (a copy as drawn, re-encoded) needs no search.
        let steps: &[f32] = if cs >= SETTLED { &[] } else { &[0.05, 0.025] };
        for &step in steps {
            let mut improved = true;
            let mut moves = 0;
            while improved && moves < MAX_MOVES {
                improved = false;
                moves += 1;
                for edge in 0..4 {
                    for dir in [-1.0f32, 1.0] {
                        let mut nb = b;
                        let e = match edge {
                            0 => &mut nb.x0,
                            1 => &mut nb.y0,
                            2 => &mut nb.x1,
                            _ => &mut nb.y1,
                        };
                        *e = (*e + dir * step).clamp(-OVERREACH, 1.0 + OVERREACH);
                        let (w, h) = nb.size();
                        if w < MIN_BOX || h < MIN_BOX || w * h < min_area {
                            continue;
                        }
                        let ns = score(nb, Centre::Strict);
                        if ns > s + 1e-4 {
                            (s, b, improved) = (ns, nb, true);
                        }
                    }
                }
            }
        }
        // The search follows the strict measure (the lenient one leads the climb astray from a
        // crop's box); the box found is then judged with the centre's texture allowed for.
        let s = s.max(score(b, Centre::Textured));
        if s > best.similarity {
            best = Alignment {
                similarity: s,
                mirrored: v.mirrored,
                region: b,
                circle,
            };
        }
    }
    best
}
