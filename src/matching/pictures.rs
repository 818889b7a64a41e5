//! The genuine accounts' pictures, as the matcher sees them: each distinct picture once, with
//! the accounts that use it, and whether it is a template (the registry uses it, or a picture
//! near it, for accounts of different offices: a national logo or a network's design).
//!
//! A candidate's picture is shortlisted against every distinct picture by the keys (a linear
//! scan of 58 key comparisons per picture over a table of the pictures' keys laid out side by
//! side: 10,000 pictures cost about 2 ms, see README, Benchmarks), and the nearest few are
//! compared pixel by pixel. A copy must stand out: when pictures of different
//! designs fit the candidate about as well (Lowe's ratio test, in differences), the fit is a
//! coincidence of layout, not a copy, and none counts.
//!
//! The matches of a picture are remembered for the matcher's life: a scan judges one channel
//! once for every office whose search found it, and a night at 10,000 genuine accounts meets
//! each of its 100,000 pictures about seven times. The memory keeps the most recently used
//! pictures (two generations: a full generation becomes the old one, and a picture found in
//! the old one moves to the new), so a long night does not start again from nothing.
//!
//! The processes of one run (`scan --worker`) share what they worked out through the
//! database (`scan::units`): each picture's matches are written as text ([`Pictures::export`])
//! under the run's gallery ([`Pictures::gallery`], a digest of the distinct pictures in order
//! and of this matcher), and a process whose gallery is the same takes them in
//! ([`Pictures::take_in`]) instead of aligning the picture again.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, OnceLock};

use sha2::{Digest, Sha256};

use super::avatar::{Alignment, AvatarHash, IndexKeys};
use super::thresholds as t;

/// One distinct genuine picture.
#[derive(Debug)]
pub struct Picture {
    /// Its fingerprint.
    pub hash: AvatarHash,
    /// The genuine accounts (indexes) that use it.
    pub owners: Vec<usize>,
    /// Used (or a picture near it is used) by accounts of different offices.
    pub template: bool,
}

/// A candidate's picture matched to a genuine picture.
#[derive(Debug, Clone, Copy)]
pub struct PictureMatch {
    /// The genuine picture (index into [`Pictures::all`]).
    pub picture: usize,
    /// Where and how well.
    pub alignment: Alignment,
}

/// The distinct pictures of a registry.
#[derive(Debug, Default)]
pub struct Pictures {
    all: Vec<Picture>,
    /// The pictures' index keys, side by side (the scan for every new candidate picture).
    keys: Vec<IndexKeys>,
    /// For each picture, the pictures of another office near enough to be its design's twins.
    twins: Vec<Vec<usize>>,
    /// Matches already worked out, by the candidate picture's fingerprint.
    memo: Mutex<Memo>,
    /// Digest of the distinct pictures, in order, and of the matcher's version (worked out
    /// when first asked: only processes that share matches need it).
    gallery: OnceLock<String>,
}

/// Most pictures whose matches are remembered (about 40 bytes each, more for the few with
/// matches): a night's pictures at 10,000 genuine accounts and 100,000 candidates.
const MEMO_LIMIT: usize = 250_000;
/// How much better than any picture of another design a copy's own picture must fit.
const STANDS_OUT_BY: f64 = 0.05;

/// Pictures whose keys are at most this far apart are candidates for being one picture.
const SAME_GATE: u32 = 12;
/// Registries with at most this many distinct pictures compare every pair for templates.
const ALL_PAIRS_UP_TO: usize = 2_000;
/// Pictures of one design for different offices (a letter changed) are at most this far apart
/// by keys.
const TEMPLATE_GATE: u32 = 16;
/// Bits within which pictures count as tied with the nearest by keys.
const TIE: u32 = 2;
/// Most tied pictures compared pixel by pixel.
const MAX_TIED: usize = 16;
/// Agreement of an exact copy (the file itself, or re-encoded).
const EXACT: f64 = 0.97;
/// Agreement at or above which two genuine pictures are one picture (re-encoded or resized):
/// above `AVATAR_SAME_PICTURE`, so that pictures of one design with another letter stay apart
/// and a copy goes to the one it copies.
const ONE_PICTURE: f64 = 0.985;

impl Pictures {
    /// Groups the pictures of the genuine accounts; `office` says which office each account
    /// belongs to, for telling templates.
    pub fn new(pictures: impl Iterator<Item = (usize, AvatarHash)>, office: impl Fn(usize) -> usize) -> Pictures {
        let mut all: Vec<Picture> = Vec::new();
        // Pictures sharing a 16-bit chunk of the whole view's luma key are compared; identical
        // files and re-encodings always share one.
        let mut buckets: HashMap<(usize, u16), Vec<usize>> = HashMap::new();
        for (owner, hash) in pictures {
            if hash.is_plain() {
                continue;
            }
            let chunks = chunks(&hash);
            let mut found = None;
            let mut seen: Vec<usize> = Vec::new();
            for (k, c) in chunks.iter().enumerate() {
                for &p in buckets.get(&(k, *c)).into_iter().flatten() {
                    if seen.contains(&p) {
                        continue;
                    }
                    seen.push(p);
                    if all[p].hash == hash
                        || (hash.index_distance(&all[p].hash) <= SAME_GATE
                            && hash.align(&all[p].hash).similarity >= ONE_PICTURE)
                    {
                        found = Some(p);
                        break;
                    }
                }
                if found.is_some() {
                    break;
                }
            }
            match found {
                Some(p) => all[p].owners.push(owner),
                None => {
                    let p = all.len();
                    for (k, c) in chunks.iter().enumerate() {
                        buckets.entry((k, *c)).or_default().push(p);
                    }
                    all.push(Picture {
                        hash,
                        owners: vec![owner],
                        template: false,
                    });
                }
            }
        }
        // Templates: one picture for several offices, or near pictures of different offices.
        let mut template = vec![false; all.len()];
        let mut twins: Vec<Vec<usize>> = vec![Vec::new(); all.len()];
        for (i, p) in all.iter().enumerate() {
            let first = office(p.owners[0]);
            if p.owners.iter().any(|&o| office(o) != first) {
                template[i] = true;
            }
        }
        // Which pairs to compare: every pair in a registry of a few thousand pictures (a linear
        // scan of keys each), else pairs that share a key chunk.
        let pairs: Vec<(usize, usize)> = if all.len() <= ALL_PAIRS_UP_TO {
            (0..all.len())
                .flat_map(|i| (i + 1..all.len()).map(move |j| (i, j)))
                .collect()
        } else {
            let mut v: Vec<(usize, usize)> = buckets
                .values()
                .flat_map(|list| {
                    list.iter()
                        .enumerate()
                        .flat_map(move |(x, &i)| list[x + 1..].iter().map(move |&j| (i.min(j), i.max(j))))
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        for (i, j) in pairs {
            let (a, b) = (&all[i], &all[j]);
            if a.hash.index_distance(&b.hash) > TEMPLATE_GATE
                || a.hash.align(&b.hash).similarity < t::AVATAR_COPY_SIMILARITY
            {
                continue;
            }
            // Near pictures are one design's twins; of different offices, a template.
            twins[i].push(j);
            twins[j].push(i);
            if a.owners
                .iter()
                .any(|&o| b.owners.iter().any(|&q| office(o) != office(q)))
            {
                template[i] = true;
                template[j] = true;
            }
        }
        for (p, t) in all.iter_mut().zip(template) {
            p.template = t;
        }
        Pictures {
            keys: all.iter().map(|p| p.hash.index_keys()).collect(),
            gallery: OnceLock::new(),
            all,
            twins,
            memo: Mutex::default(),
        }
    }

    /// Every distinct picture.
    pub fn all(&self) -> &[Picture] {
        &self.all
    }

    /// The genuine pictures a candidate's picture copies or resembles: the nearest by keys,
    /// compared pixel by pixel, those at least `AVATAR_SIMILAR_FLOOR` alike, best first.
    pub fn matches(&self, candidate: &AvatarHash) -> Vec<PictureMatch> {
        if candidate.is_plain() {
            return Vec::new();
        }
        let key = memo_key(candidate);
        if let Some(m) = self.memo.lock().unwrap_or_else(|e| e.into_inner()).get(key) {
            return m;
        }
        let found = self.work_out(candidate);
        self.memo
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, found.clone());
        found
    }

    /// What the matches of a picture depend on: the distinct pictures in order and this
    /// matcher (its version): processes whose galleries are equal work out the same matches,
    /// with the same picture indexes.
    pub fn gallery(&self) -> &str {
        self.gallery.get_or_init(|| {
            let mut digest = Sha256::new();
            digest.update(GALLERY_VERSION.as_bytes());
            for p in &self.all {
                digest.update(b"\n");
                digest.update(p.hash.encode().as_bytes());
            }
            crate::digest::hex(&digest.finalize())
        })
    }

    /// Whether the matches of `candidate` are remembered (worked out or taken in).
    pub fn knows(&self, candidate: &AvatarHash) -> bool {
        self.memo
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(memo_key(candidate))
            .is_some()
    }

    /// The remembered matches of `candidate` as text, for another process of this gallery
    /// (`[[picture, similarity, mirrored, x0, y0, x1, y1, circle], …]`, each float as its
    /// bits: a decimal text does not always read back as the same float).
    pub fn export(&self, candidate: &AvatarHash) -> Option<String> {
        let found = self
            .memo
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(memo_key(candidate))?;
        let rows: Vec<SharedMatch> = found
            .iter()
            .map(|m| {
                let (a, r) = (m.alignment, m.alignment.region);
                let f = f32::to_bits;
                (
                    m.picture,
                    a.similarity.to_bits(),
                    a.mirrored,
                    f(r.x0),
                    f(r.y0),
                    f(r.x1),
                    f(r.y1),
                    a.circle,
                )
            })
            .collect();
        serde_json::to_string(&rows).ok()
    }

    /// Remembers the matches another process of this gallery worked out for `candidate`
    /// ([`Pictures::export`]); false, and nothing remembered, when the text does not read as
    /// matches of these pictures.
    pub fn take_in(&self, candidate: &AvatarHash, text: &str) -> bool {
        let Ok(rows) = serde_json::from_str::<Vec<SharedMatch>>(text) else {
            return false;
        };
        let mut found = Vec::with_capacity(rows.len());
        for (picture, similarity, mirrored, x0, y0, x1, y1, circle) in rows {
            let similarity = f64::from_bits(similarity);
            if picture >= self.all.len() || !(0.0..=1.0).contains(&similarity) {
                return false;
            }
            let f = f32::from_bits;
            let region = super::avatar::Box4 {
                x0: f(x0),
                y0: f(y0),
                x1: f(x1),
                y1: f(y1),
            };
            found.push(PictureMatch {
                picture,
                alignment: Alignment {
                    similarity,
                    mirrored,
                    region,
                    circle,
                },
            });
        }
        self.memo
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(memo_key(candidate), found);
        true
    }

    fn work_out(&self, candidate: &AvatarHash) -> Vec<PictureMatch> {
        let probe = candidate.index_probe();
        let mut near: Vec<(u32, usize)> = self
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| (probe.distance_to(k), i))
            .filter(|(d, _)| *d <= t::AVATAR_INDEX_GATE)
            .collect();
        near.sort_unstable();
        let nearest = near.first().map_or(0, |n| n.0);
        let prepared = candidate.prepare();
        let mut out: Vec<PictureMatch> = Vec::new();
        let mut exact_at: Option<u32> = None;
        // Every picture about as near as the nearest (pictures of one style can tie by keys),
        // then the next ones up to `AVATAR_VERIFIED`.
        let tied = near
            .iter()
            .take_while(|(d, _)| *d <= nearest + TIE)
            .count()
            .min(MAX_TIED);
        for (d, i) in near
            .into_iter()
            .take_while(|(d, _)| *d <= nearest + t::AVATAR_INDEX_SPREAD)
            .take(t::AVATAR_VERIFIED.max(tied))
        {
            // After an exact copy, only pictures as near by keys (a template's twins) can matter.
            if exact_at.is_some_and(|e| d > e + 2) {
                break;
            }
            let alignment = prepared.align(&self.all[i].hash);
            if alignment.similarity >= EXACT {
                exact_at = Some(d);
            }
            if alignment.similarity >= t::AVATAR_SIMILAR_FLOOR {
                out.push(PictureMatch { picture: i, alignment });
            }
        }
        out.sort_by(|a, b| b.alignment.similarity.total_cmp(&a.alignment.similarity));
        // The best must stand out from every picture of another design that was compared.
        let Some(best) = out.first().copied() else {
            return out;
        };
        let rival = out
            .iter()
            .skip(1)
            .filter(|m| m.picture != best.picture && !self.twins[best.picture].contains(&m.picture))
            .map(|m| m.alignment.similarity)
            .fold(0.0f64, f64::max);
        // (A copy of the file itself stands out however alike other pictures are.)
        if best.alignment.similarity < EXACT && best.alignment.similarity - rival < STANDS_OUT_BY {
            return Vec::new();
        }
        out
    }
}

/// Bumped when the matches of a picture against the same pictures can change (thresholds, the
/// alignment), so that processes of different builds never share them.
const GALLERY_VERSION: &str = concat!("narisumashi ", env!("CARGO_PKG_VERSION"), " pictures 1");

/// A match as shared between processes: picture, similarity, mirrored, region, circle (the
/// floats as their bits).
type SharedMatch = (usize, u64, bool, u32, u32, u32, u32, bool);

fn memo_key(candidate: &AvatarHash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    candidate.hash(&mut h);
    h.finish()
}

/// The remembered matches: the pictures used since the last generation began, and those of
/// the generation before; each generation holds at most `generation` pictures.
#[derive(Debug)]
struct Memo {
    fresh: HashMap<u64, Vec<PictureMatch>>,
    aged: HashMap<u64, Vec<PictureMatch>>,
    generation: usize,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo::new(MEMO_LIMIT)
    }
}

impl Memo {
    /// At most `limit` pictures in all.
    fn new(limit: usize) -> Memo {
        Memo {
            fresh: HashMap::new(),
            aged: HashMap::new(),
            generation: (limit / 2).max(1),
        }
    }

    fn get(&mut self, key: u64) -> Option<Vec<PictureMatch>> {
        if let Some(m) = self.fresh.get(&key) {
            return Some(m.clone());
        }
        let m = self.aged.remove(&key)?;
        self.insert(key, m.clone());
        Some(m)
    }

    /// Remembers `found`, forgetting the old generation when the fresh one is full.
    fn insert(&mut self, key: u64, found: Vec<PictureMatch>) {
        if self.fresh.len() >= self.generation {
            self.aged = std::mem::take(&mut self.fresh);
        }
        self.fresh.insert(key, found);
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.fresh.len() + self.aged.len()
    }
}

fn chunks(h: &AvatarHash) -> [u16; 4] {
    let k = h.full_luma_key();
    [0, 16, 32, 48].map(|s| (k >> s) as u16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::avatars::{Copy, emblem, render};
    use crate::matching::avatar::fingerprint;

    fn pictures(seeds: &[u64]) -> Pictures {
        let hashes = seeds
            .iter()
            .map(|&s| fingerprint(&image::DynamicImage::ImageRgb8(emblem(s))));
        Pictures::new(hashes.enumerate(), |owner| owner)
    }

    fn picture(seed: u64, copy: Copy) -> AvatarHash {
        let (bytes, _) = render(seed, copy);
        crate::matching::hash_avatar(&bytes, &crate::matching::AvatarLimits::default()).unwrap()
    }

    #[test]
    fn matches_shared_with_another_process_are_the_same_matches() {
        let seeds = [11, 12, 13, 14];
        let (here, there) = (pictures(&seeds), pictures(&seeds));
        assert_eq!(here.gallery(), there.gallery(), "the same pictures, the same gallery");
        assert_ne!(here.gallery(), pictures(&[11, 12, 13]).gallery());
        for copy in [Copy::Exact, Copy::Reencoded, Copy::Mirrored, Copy::Cropped] {
            let candidate = picture(13, copy);
            assert!(!there.knows(&candidate));
            let worked_out = here.matches(&candidate);
            assert!(!worked_out.is_empty(), "{copy:?} of picture 2 matches it");
            let text = here.export(&candidate).unwrap();
            assert!(there.take_in(&candidate, &text));
            assert!(there.knows(&candidate));
            let taken = there.matches(&candidate);
            assert_eq!(taken.len(), worked_out.len());
            for (a, b) in taken.iter().zip(&worked_out) {
                assert_eq!((a.picture, a.alignment), (b.picture, b.alignment), "{copy:?}: exactly");
            }
        }
        // Text that is not matches of these pictures is refused and remembers nothing.
        let candidate = picture(12, Copy::Exact);
        let seven = 7.0f64.to_bits();
        for bad in [
            String::new(),
            "{}".into(),
            "[[9,0,false,0,0,0,0,false]]".into(),
            format!("[[0,{seven},false,0,0,0,0,false]]"),
            "[[0,0.5,false,0,0,1,1,false]]".into(),
        ] {
            assert!(!there.take_in(&candidate, &bad), "{bad:?}");
            assert!(!there.knows(&candidate), "{bad:?}");
        }
        assert_eq!(
            there.export(&candidate),
            None,
            "nothing to share before it is worked out"
        );
    }

    #[test]
    fn the_memo_forgets_the_least_recently_used_pictures_first() {
        let mut memo = Memo::new(8);
        for key in 0..5 {
            memo.insert(key, Vec::new());
        }
        // 0 to 3 are the old generation now; 0 is used again and moves to the new one.
        assert!(memo.get(0).is_some());
        for key in 5..8 {
            memo.insert(key, Vec::new());
        }
        assert!(memo.get(0).is_some(), "a picture used again stays");
        assert!(memo.get(1).is_none(), "the least recently used is forgotten");
        assert!(memo.get(7).is_some());
        // However the pictures are used, the memory stays bounded.
        for key in 0..1000u64 {
            memo.insert(key, Vec::new());
            let _ = memo.get(key / 2);
            assert!(memo.len() <= 8, "{} pictures remembered", memo.len());
        }
    }
}
