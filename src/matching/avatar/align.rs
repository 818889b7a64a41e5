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

use super::agree::{COARSE, Centre, RIM, Sampled, agreement, outside_rim, quick, stats};
use super::keys::outside_circle;
use super::work::{Box4, Plane};

/// Blocks per side over which correlations are trimmed.
pub const BLOCKS: usize = 4;
/// Blocks left out of each correlation: one side or one quadrant (4 of the 16), a quarter of
/// the picture, room for an overlay over a fifth of it.
pub const DROPPED_BLOCKS: usize = BLOCKS;
/// Colour regions of a picture.
pub const PALETTE: usize = 8;
/// Side of the colour-region map a picture keeps.
pub const LABELS: usize = 48;
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
    fn planes(&self, side: usize) -> Sampled<'_> {
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
    // The rim is left out only where the mask cut the picture.
    let rim = if candidate.cut { RIM } else { 0.0 };
    let mut coarse = coarse_ranking(candidate, genuine, &boxes, mirrored, rim);
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
    let (mut gl, mut ge, mut lab) = (Vec::new(), Vec::new(), Vec::new());
    for seed in seeds {
        let v = &candidate.views[seed.vi];
        let circle = seed.circle;
        let mut score = |b: Box4, centre: Centre| {
            genuine.luma.sample(b, FINE, false, &mut gl);
            genuine.edges.sample(b, FINE, false, &mut ge);
            ground_beyond(genuine, b, FINE, &mut gl, &mut ge);
            genuine.labels_in(b, FINE, &mut lab);
            boxed(
                agreement(
                    &stats(v.planes(FINE), &gl, &ge, &lab, FINE, circle.then_some(rim)),
                    centre,
                ),
                b,
                circle,
            )
        };
        // A box that already fits (a copy as drawn, re-encoded) needs no search.
        let (b, s) = climb(boxes[seed.bi], seed.plain >= SETTLED, seed.min_area, |b| {
            score(b, Centre::Strict)
        });
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

/// Every box, view and mask of the candidate at 16×16, with its quick agreements.
fn coarse_ranking(
    candidate: &Candidate,
    genuine: &Planes,
    boxes: &[Box4],
    mirrored: Option<bool>,
    rim: f32,
) -> Vec<Coarse> {
    let masks: &[bool] = if candidate.round { &[false, true] } else { &[false] };
    let mut coarse: Vec<Coarse> = Vec::new();
    let (mut gl, mut ge) = (Vec::new(), Vec::new());
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
                let (plain, trim) = quick(v.planes(COARSE), &gl, &ge, circle.then_some(rim), overlaid);
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
    coarse
}

/// Climbs from `start`: each edge of the box moved in steps of 5 %, then 2.5 %, while the
/// agreement grows (none when `settled`); the box keeps `min_area` at least.
fn climb(start: Box4, settled: bool, min_area: f32, mut score: impl FnMut(Box4) -> f64) -> (Box4, f64) {
    let (mut b, mut s) = (start, score(start));
    let steps: &[f32] = if settled { &[] } else { &[0.05, 0.025] };
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
                    let ns = score(nb);
                    if ns > s + 1e-4 {
                        (s, b, improved) = (ns, nb, true);
                    }
                }
            }
        }
    }
    (b, s)
}
