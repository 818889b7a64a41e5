//! How well a candidate's sampled view agrees with a box of a genuine picture sampled at the
//! same size: correlations of luma and colour edges, and how well colour regions predict tone,
//! summed per block and trimmed of the side or quadrant that agrees least (an overlay), with
//! the centre held to agree on its own. `align` decides where to look; this module only
//! measures.

use super::align::{BLOCKS, PALETTE};

/// A candidate view's luma, edges and colour regions, sampled at the side being compared.
pub type Sampled<'a> = (&'a [f32], &'a [f32], &'a [u8]);

/// Weight of tone agreement against edge agreement. Pictures of one layout (a rounded square
/// with an emblem and a word below) agree in tone; only a copy agrees in edges too.
const TONE_WEIGHT: f64 = 0.4;
/// Side of the coarse search.
pub const COARSE: usize = 16;

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

pub struct Stats {
    luma: Blocks<Sums>,
    edges: Blocks<Sums>,
    /// The candidate's luma in the genuine picture's colour regions.
    regions: Blocks<Regions>,
    /// The genuine luma in the candidate's colour regions.
    regions_back: Blocks<Regions>,
}

pub fn stats(c: Sampled<'_>, gl: &[f32], ge: &[f32], labels: &[u8], side: usize, circle: Option<f32>) -> Stats {
    let mut st = Stats {
        luma: [Sums::default(); BLOCKS * BLOCKS],
        edges: [Sums::default(); BLOCKS * BLOCKS],
        regions: [Regions::default(); BLOCKS * BLOCKS],
        regions_back: [Regions::default(); BLOCKS * BLOCKS],
    };
    let (cl, ce, clab) = c;
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
pub fn outside_rim(x: usize, y: usize, side: usize, rim: f32) -> bool {
    let r = side as f32 / 2.0 - rim * side as f32;
    let (dx, dy) = (x as f32 + 0.5 - side as f32 / 2.0, y as f32 + 0.5 - side as f32 / 2.0);
    dx * dx + dy * dy > r * r
}

/// Width of a circular mask's rim, as a share of the side (1.5 px at the fine search's 24).
pub const RIM: f32 = 0.0625;

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
pub enum Centre {
    /// Luma and edges.
    Strict,
    /// Luma and edges, or luma alone.
    Textured,
}

pub fn agreement(st: &Stats, centre: Centre) -> f64 {
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
pub fn quick(c: Sampled<'_>, gl: &[f32], ge: &[f32], circle: Option<f32>, trim: bool) -> (f64, f64) {
    let (cl, ce, _) = c;
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
