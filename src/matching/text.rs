//! Name and handle similarity on folded text, with the reasons a reviewer reads.
//!
//! Names are compared with a weighted edit distance in which each character costs what it
//! tells: characters of generic public-body vocabulary (ハローワーク, 労働局, 公式 …) and
//! characters frequent across the registry cost little, distinctive ones (the place name) cost
//! a lot. So ハローワーク札幌 and ハローワーク函館 are far apart although six of eight characters
//! agree, while ハローワーク札幌 and ハロ一ワ一ク札幌 are identical after folding.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::thresholds as t;
use super::words::{NameParts, WordClass, rearranged};
use crate::normalize::{FoldedName, fold_name};

/// Per-character weights for one registry: generic vocabulary and frequent characters weigh
/// less. Built once per matcher.
#[derive(Debug, Clone, Default)]
pub struct CharWeights {
    weight: HashMap<char, f32>,
}

impl CharWeights {
    /// Learns character frequencies from the folded keys of every genuine name variant.
    pub fn new<'a>(keys: impl Iterator<Item = &'a str>) -> CharWeights {
        let mut df: HashMap<char, usize> = HashMap::new();
        let mut n = 0usize;
        for key in keys {
            n += 1;
            let mut seen: Vec<char> = key.chars().collect();
            seen.sort_unstable();
            seen.dedup();
            for c in seen {
                *df.entry(c).or_default() += 1;
            }
        }
        let denom = ((n + 1) as f64).ln().max(f64::EPSILON);
        let weight = df
            .into_iter()
            .map(|(c, d)| {
                let idf = (((n + 1) as f64) / (d as f64 + 0.5)).ln() / denom;
                (c, idf.clamp(t::MIN_CHAR_WEIGHT, 1.0) as f32)
            })
            .collect();
        CharWeights { weight }
    }

    /// The weighted form of a folded key.
    pub fn weigh(&self, key: &str) -> WeightedKey {
        let chars: Vec<char> = key.chars().take(t::MAX_KEY_CHARS).collect();
        let mut weights: Vec<f32> = chars
            .iter()
            .map(|c| self.weight.get(c).copied().unwrap_or(1.0))
            .collect();
        // Generic vocabulary and filler, longest first (see `words`), so ハローワーク is marked
        // before its parts.
        let mut generic = vec![false; chars.len()];
        let vocabulary = super::words::folded_vocabulary();
        for (word, start) in super::words::vocabulary_matches(&chars) {
            let (g, class) = &vocabulary[word];
            let w = if *class == WordClass::Filler {
                t::FILLER_CHAR_WEIGHT
            } else {
                t::GENERIC_CHAR_WEIGHT
            } as f32;
            let span = start..start + g.len();
            if !generic[span.clone()].iter().all(|&x| x) {
                for i in span {
                    generic[i] = true;
                    weights[i] = weights[i].min(w);
                }
            }
        }
        let total = weights.iter().map(|&w| f64::from(w)).sum();
        let bases = chars.iter().map(|&c| base_kana(c)).collect();
        WeightedKey {
            chars,
            bases,
            weights,
            generic,
            total,
        }
    }
}

/// A folded key with the weight of each character.
#[derive(Debug, Clone, Default)]
pub struct WeightedKey {
    /// The characters (at most `MAX_KEY_CHARS`).
    pub chars: Vec<char>,
    /// Each character without voicing marks (ガ → カ), precomputed for the edit distance.
    bases: Vec<char>,
    weights: Vec<f32>,
    generic: Vec<bool>,
    total: f64,
}

impl WeightedKey {
    /// Number of characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether the key is empty.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Whether every character is generic vocabulary or filler (the key names no one).
    pub fn all_generic(&self) -> bool {
        self.generic.iter().all(|&g| g)
    }

    /// Total weight.
    pub fn weight(&self) -> f64 {
        self.total
    }

    fn find(&self, needle: &WeightedKey) -> Option<usize> {
        if needle.is_empty() || needle.len() > self.len() {
            return None;
        }
        (0..=self.len() - needle.len()).find(|&i| self.chars[i..i + needle.len()] == needle.chars[..])
    }
}

fn base_kana(c: char) -> char {
    // ガ → カ, パ → ハ: a voicing mark is a small visual difference.
    c.to_string().nfd().next().unwrap_or(c)
}

/// Weighted optimal-string-alignment distance: insertions and deletions cost the character's
/// weight, substitutions the larger weight (less for voicing-mark pairs), transpositions half.
/// Three rolling rows: this runs for every shortlisted pair.
fn weighted_distance(a: &WeightedKey, b: &WeightedKey) -> f64 {
    let (n, m) = (a.len(), b.len());
    let mut before = vec![0.0f64; m + 1];
    let mut prev = vec![0.0f64; m + 1];
    let mut cur = vec![0.0f64; m + 1];
    for j in 1..=m {
        prev[j] = prev[j - 1] + f64::from(b.weights[j - 1]);
    }
    for i in 1..=n {
        let wa = f64::from(a.weights[i - 1]);
        let ca = a.chars[i - 1];
        cur[0] = prev[0] + wa;
        for j in 1..=m {
            let cb = b.chars[j - 1];
            let wb = f64::from(b.weights[j - 1]);
            let sub = if ca == cb {
                0.0
            } else if a.bases[i - 1] == b.bases[j - 1] {
                0.3 * wa.max(wb)
            } else {
                wa.max(wb)
            };
            let mut best = (prev[j] + wa).min(cur[j - 1] + wb).min(prev[j - 1] + sub);
            if i > 1 && j > 1 && ca == b.chars[j - 2] && a.chars[i - 2] == cb && ca != cb {
                best = best.min(before[j - 2] + 0.5 * wa.max(wb));
            }
            cur[j] = best;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

/// Weighted similarity in [0, 1]: 1 − distance / heavier key; for names long enough, at least
/// the discounted bag-of-characters overlap, so that reordered names (労働局東京 / 東京労働局) meet.
pub fn weighted_similarity(a: &WeightedKey, b: &WeightedKey) -> f64 {
    let denom = a.total.max(b.total);
    if denom <= 0.0 {
        return if a.chars == b.chars { 1.0 } else { 0.0 };
    }
    // Any alignment costs at least the difference in total weight, so a pair that cannot
    // reach the floor is not aligned at all (the bag overlap is bounded the same way).
    let bound = 1.0 - (a.total - b.total).abs() / denom;
    if bound < t::NAME_SIM_FLOOR {
        return bound.max(0.0);
    }
    let ordered = (1.0 - weighted_distance(a, b) / denom).clamp(0.0, 1.0);
    if a.len().min(b.len()) < t::NAME_BAG_MIN_CHARS {
        return ordered;
    }
    ordered.max(t::NAME_BAG_FACTOR * (bag_overlap(a, b) / denom).min(1.0))
}

/// Weight of the characters two keys share as multisets (order ignored).
fn bag_overlap(a: &WeightedKey, b: &WeightedKey) -> f64 {
    let mut pool: HashMap<char, Vec<f32>> = HashMap::new();
    for (c, w) in b.chars.iter().zip(&b.weights) {
        pool.entry(*c).or_default().push(*w);
    }
    let mut shared = 0.0;
    for (c, w) in a.chars.iter().zip(&a.weights) {
        if let Some(ws) = pool.get_mut(c)
            && let Some(wb) = ws.pop()
        {
            shared += f64::from(w.max(wb));
        }
    }
    shared
}

/// Which folding made two names meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Confusable (visual) folding.
    Visual,
    /// Kana (reading) folding.
    Reading,
}

/// How a candidate's display name relates to one genuine name variant.
#[derive(Debug, Clone, PartialEq)]
pub enum NameMatch {
    /// Identical after folding.
    Identical,
    /// Contains the genuine name whole, plus other words.
    Contains,
    /// Similar, with the weighted similarity.
    Similar(f64),
    /// A shortened form: nearly all of the candidate's name comes, in order, from the genuine
    /// name; with the share of the genuine name (by weight) it keeps.
    Shortened(f64),
    /// The genuine name's distinctive words, kind of body and programme, in another order or
    /// with words dropped, separators or marks added.
    Rearranged,
}

/// The best relation of a candidate name to a genuine account's names.
#[derive(Debug, Clone, PartialEq)]
pub struct NameEvidence {
    /// The relation.
    pub relation: NameMatch,
    /// Which of the genuine names (display name or alias) it relates to.
    pub variant: usize,
    /// Which folding.
    pub view: View,
    /// Strength of the evidence in [0, 1].
    pub strength: f64,
}

/// A genuine name variant prepared for comparison.
#[derive(Debug, Clone)]
pub struct PreparedName {
    /// The name as written.
    pub text: String,
    /// Folded.
    pub folded: FoldedName,
    /// Weighted visual key.
    pub visual: WeightedKey,
    /// Weighted reading key.
    pub reading: WeightedKey,
    /// The name's structure (read on its plain key with the vocabulary).
    pub parts: NameParts,
}

impl PreparedName {
    /// Folds and weighs a name.
    pub fn new(text: &str, weights: &CharWeights) -> PreparedName {
        PreparedName::from_folded(text, fold_name(text), weights)
    }

    /// Weighs a name already folded.
    pub fn from_folded(text: &str, folded: FoldedName, weights: &CharWeights) -> PreparedName {
        PreparedName {
            visual: weights.weigh(&folded.visual),
            reading: weights.weigh(&folded.reading),
            parts: NameParts::of(&folded),
            folded,
            text: text.to_string(),
        }
    }

    fn key(&self, view: View) -> &WeightedKey {
        match view {
            View::Visual => &self.visual,
            View::Reading => &self.reading,
        }
    }
}

/// Compares a candidate name with every name variant of one genuine account.
pub fn compare_names(candidate: &PreparedName, genuine: &[PreparedName]) -> Option<NameEvidence> {
    let mut best: Option<NameEvidence> = None;
    for (variant, g) in genuine.iter().enumerate() {
        for view in [View::Visual, View::Reading] {
            let (c, gk) = (candidate.key(view), g.key(view));
            if c.is_empty() || gk.is_empty() {
                continue;
            }
            // The structure is read once, on the plain key (with the visual view).
            let rearranged = (view == View::Visual)
                .then(|| rearranged(&candidate.parts, &g.parts))
                .flatten()
                .map(|share| t::NAME_REARRANGED + t::NAME_REARRANGED_SHARE_BONUS * share);
            let (relation, strength) = if c.chars == gk.chars {
                (NameMatch::Identical, t::NAME_IDENTICAL)
            } else if contained(c, gk).is_some() {
                // The more of the candidate the genuine name covers, the closer to a copy.
                let coverage = (gk.weight() / c.weight().max(f64::EPSILON)).clamp(0.0, 1.0);
                (
                    NameMatch::Contains,
                    t::NAME_CONTAINS + t::NAME_CONTAINS_COVERAGE_BONUS * coverage,
                )
            } else if c.len().min(gk.len()) >= t::NAME_MIN_CHARS_FOR_SIMILAR {
                let sim = weighted_similarity(c, gk);
                let s = ((sim - t::NAME_SIM_FLOOR) / (1.0 - t::NAME_SIM_FLOOR)).clamp(0.0, 1.0) * t::NAME_SIM_MAX;
                let (from_genuine, kept) = shortened(c, gk);
                match rearranged {
                    Some(r) if r > s => (NameMatch::Rearranged, r),
                    _ if s < t::NAME_SHORTENED
                        && from_genuine >= t::NAME_SHORTENED_FROM_GENUINE
                        && kept >= t::NAME_SHORTENED_KEPT
                        && !c.all_generic() =>
                    {
                        (NameMatch::Shortened(kept), t::NAME_SHORTENED)
                    }
                    _ => (NameMatch::Similar(sim), s),
                }
            } else if let Some(r) = rearranged {
                (NameMatch::Rearranged, r)
            } else {
                continue;
            };
            if best.as_ref().is_none_or(|b| strength > b.strength) {
                best = Some(NameEvidence {
                    relation,
                    variant,
                    view,
                    strength,
                });
            }
        }
    }
    best.filter(|b| b.strength > 0.0)
}

/// Weighted longest common subsequence, as shares of the candidate's and the genuine name's
/// weight: (how much of the candidate comes from the genuine name, how much of it is kept).
fn shortened(candidate: &WeightedKey, genuine: &WeightedKey) -> (f64, f64) {
    let (n, m) = (candidate.len(), genuine.len());
    let mut dp = vec![vec![0.0f64; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            dp[i][j] = if candidate.chars[i - 1] == genuine.chars[j - 1] {
                dp[i - 1][j - 1] + f64::from(candidate.weights[i - 1].max(genuine.weights[j - 1]))
            } else {
                dp[i - 1][j].max(dp[i][j - 1])
            };
        }
    }
    let common = dp[n][m];
    (
        (common / candidate.total.max(f64::EPSILON)).min(1.0),
        (common / genuine.total.max(f64::EPSILON)).min(1.0),
    )
}

/// Where `genuine` stands whole inside `candidate` with enough extra text to be "the name plus
/// words" rather than another office's name (札幌 → 札幌東).
fn contained(candidate: &WeightedKey, genuine: &WeightedKey) -> Option<usize> {
    if genuine.len() < t::NAME_MIN_CHARS_FOR_SIMILAR {
        return None;
    }
    let at = candidate.find(genuine)?;
    let extra: Vec<usize> = (0..candidate.len())
        .filter(|&i| i < at || i >= at + genuine.len())
        .collect();
    let all_generic = extra.iter().all(|&i| candidate.generic[i]);
    (all_generic || extra.len() >= t::NAME_CONTAINS_MIN_EXTRA).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weights() -> CharWeights {
        let names = [
            "ハローワーク札幌【公式】",
            "ハローワーク千歳【公式】",
            "ハローワーク留萌【公式】",
            "札幌新卒応援ハローワーク",
            "北海道労働局",
        ];
        let keys: Vec<String> = names.iter().map(|n| fold_name(n).visual).collect();
        CharWeights::new(keys.iter().map(String::as_str))
    }

    fn strength(c: &str, g: &str) -> f64 {
        let w = weights();
        compare_names(&PreparedName::new(c, &w), &[PreparedName::new(g, &w)]).map_or(0.0, |e| e.strength)
    }

    #[test]
    fn other_offices_are_far_apart() {
        assert_eq!(strength("ハローワーク函館【公式】", "ハローワーク札幌【公式】"), 0.0);
        assert_eq!(strength("札幌市", "ハローワーク札幌【公式】"), 0.0);
        assert!(strength("ハローワーク札幌東", "ハローワーク札幌【公式】") < t::SUSPECT_THRESHOLD);
    }

    #[test]
    fn copies_are_close() {
        assert_eq!(
            strength("ハロ一ワ一ク札幌", "ハローワーク札幌【公式】"),
            t::NAME_IDENTICAL
        );
        let s = strength("ハローワーク札幌 求人情報", "ハローワーク札幌【公式】");
        assert!(s > t::NAME_CONTAINS && s < t::NAME_IDENTICAL, "{s}");
        assert!(strength("札幌・ハローワーク", "ハローワーク札幌【公式】") > 0.5);
    }
}
