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
use crate::normalize::{FoldedHandle, FoldedName, fold_name};

/// Vocabulary of the kind of body or service (ハローワーク, 労働局, 市, 新卒): shared by many
/// bodies, so sharing it is little sign of imitation, but changing it changes who is named.
const GENERIC_WORDS: &[&str] = &[
    "ハローワーク",
    "公共職業安定所",
    "職業安定所",
    "安定所",
    "労働局",
    "労働基準監督署",
    "監督署",
    "市役所",
    "区役所",
    "町役場",
    "村役場",
    "役所",
    "役場",
    "県庁",
    "都庁",
    "道庁",
    "府庁",
    "広報",
    "センター",
    "事務所",
    "支援",
    "応援",
    "新卒",
    "就活",
    "就職",
    "求人",
    "採用",
    "相談",
    "サポート",
    "マザーズ",
    "わかもの",
    "コーナー",
    "事業",
    "課",
    "部",
    "局",
    "係",
    "室",
    "所",
    "市",
    "区",
    "町",
    "村",
    "県",
    "都",
    "道",
    "府",
    "city",
    "town",
    "pref",
    "japan",
    "office",
    "center",
];

/// Filler that names no one (公式, アカウント, YouTubeチャンネル, お知らせ): adding or
/// removing it changes neither the body nor the service.
pub const FILLER_WORDS: &[&str] = &[
    "公式アカウント",
    "アカウント",
    "チャンネル",
    "ページ",
    "公式",
    "youtube",
    "line",
    "instagram",
    "facebook",
    "twitter",
    "情報",
    "お知らせ",
    "動画",
    "配信",
    "窓口",
    "案内",
    "official",
    "account",
    "channel",
    "info",
    "news",
];

/// Per-character weights for one registry: generic vocabulary and frequent characters weigh
/// less. Built once per matcher.
#[derive(Debug, Clone, Default)]
pub struct CharWeights {
    weight: HashMap<char, f32>,
    generic: Vec<(Vec<char>, f32)>,
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
        let mut generic: Vec<(Vec<char>, f32)> = Vec::new();
        for (words, weight) in [
            (FILLER_WORDS, t::FILLER_CHAR_WEIGHT),
            (GENERIC_WORDS, t::GENERIC_CHAR_WEIGHT),
        ] {
            for w in words {
                let f = fold_name(w);
                for k in [f.visual, f.reading] {
                    let chars: Vec<char> = k.chars().collect();
                    if !chars.is_empty() && !generic.iter().any(|(g, _)| *g == chars) {
                        generic.push((chars, weight as f32));
                    }
                }
            }
        }
        // Longest first, so ハローワーク is marked before its parts.
        generic.sort_by_key(|g| std::cmp::Reverse(g.0.len()));
        CharWeights { weight, generic }
    }

    /// The weighted form of a folded key.
    pub fn weigh(&self, key: &str) -> WeightedKey {
        let chars: Vec<char> = key.chars().take(t::MAX_KEY_CHARS).collect();
        let mut weights: Vec<f32> = chars
            .iter()
            .map(|c| self.weight.get(c).copied().unwrap_or(1.0))
            .collect();
        let mut generic = vec![false; chars.len()];
        for (g, w) in &self.generic {
            if g.len() > chars.len() {
                continue;
            }
            for start in 0..=chars.len() - g.len() {
                if chars[start..start + g.len()] == g[..] && !generic[start..start + g.len()].iter().all(|&x| x) {
                    for i in start..start + g.len() {
                        generic[i] = true;
                        weights[i] = weights[i].min(*w);
                    }
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
}

impl PreparedName {
    /// Folds and weighs a name.
    pub fn new(text: &str, weights: &CharWeights) -> PreparedName {
        let folded = fold_name(text);
        PreparedName {
            visual: weights.weigh(&folded.visual),
            reading: weights.weigh(&folded.reading),
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
                if s < t::NAME_SHORTENED
                    && from_genuine >= t::NAME_SHORTENED_FROM_GENUINE
                    && kept >= t::NAME_SHORTENED_KEPT
                    && !c.all_generic()
                {
                    (NameMatch::Shortened(kept), t::NAME_SHORTENED)
                } else {
                    (NameMatch::Similar(sim), s)
                }
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

/// How a candidate's handle relates to a genuine handle.
#[derive(Debug, Clone, PartialEq)]
pub enum HandleMatch {
    /// The very same handle, on another platform.
    SameOnOtherPlatform,
    /// Equal after confusable folding; `detail` says which characters differ (`0→o`).
    Homoglyph {
        /// The differing characters.
        detail: String,
    },
    /// Equal apart from separators.
    Separator,
    /// Equal apart from affixes.
    Affix {
        /// Affixes in the candidate and not in the genuine handle.
        added: Vec<String>,
        /// Affixes in the genuine handle and not in the candidate.
        removed: Vec<String>,
    },
    /// One edit away; `detail` names it.
    Typo {
        /// The edit.
        detail: String,
    },
    /// Affixes plus one edit.
    AffixTypo,
    /// Two edits away on a long handle.
    TwoEdits,
    /// Contains the genuine handle's core.
    Contains,
}

/// Compares two folded handles. `raw_*` are the handles as the platforms compare them (lower
/// case, no `@`); `same_platform` says whether both accounts are on one platform.
pub fn compare_handles(
    c: &FoldedHandle,
    raw_c: &str,
    g: &FoldedHandle,
    raw_g: &str,
    same_platform: bool,
) -> Option<(HandleMatch, f64)> {
    if c.squashed.is_empty() || g.squashed.is_empty() {
        return None;
    }
    if raw_c == raw_g {
        return (!same_platform).then_some((HandleMatch::SameOnOtherPlatform, t::HANDLE_SAME_OTHER_PLATFORM));
    }
    if c.skeleton == g.skeleton {
        return Some((
            HandleMatch::Homoglyph {
                detail: diff_detail(raw_c, raw_g),
            },
            t::HANDLE_HOMOGLYPH,
        ));
    }
    if c.squashed == g.squashed {
        return Some((HandleMatch::Separator, t::HANDLE_SEPARATOR));
    }
    if c.core == g.core && g.core.len() >= 4 {
        let added = c.affixes.iter().filter(|a| !g.affixes.contains(a)).cloned().collect();
        let removed = g.affixes.iter().filter(|a| !c.affixes.contains(a)).cloned().collect();
        return Some((HandleMatch::Affix { added, removed }, t::HANDLE_AFFIX));
    }
    // One edit that swaps an initial (s_ → f_) names another body: no typo relation.
    if replaces_short_token(&c.skeleton, &g.skeleton) {
        return None;
    }
    let d = strsim::osa_distance(&c.squashed, &g.squashed);
    let shorter = c.squashed.chars().count().min(g.squashed.chars().count());
    if d == 1 && shorter >= t::HANDLE_TYPO_MIN_LEN {
        return Some((
            HandleMatch::Typo {
                detail: typo_detail(&c.squashed, &g.squashed),
            },
            t::HANDLE_TYPO,
        ));
    }
    if g.core.chars().count() >= t::HANDLE_TYPO_MIN_LEN && strsim::osa_distance(&c.core, &g.core) == 1 {
        return Some((HandleMatch::AffixTypo, t::HANDLE_AFFIX_TYPO));
    }
    if d == 2 && shorter >= t::HANDLE_TWO_EDITS_MIN_LEN {
        return Some((HandleMatch::TwoEdits, t::HANDLE_TWO_EDITS));
    }
    if g.core.chars().count() >= t::HANDLE_CONTAINS_MIN_LEN && c.squashed.contains(g.core.as_str()) {
        return Some((HandleMatch::Contains, t::HANDLE_CONTAINS));
    }
    None
}

/// Whether two handles differ only by one token of at most `HANDLE_SHORT_TOKEN` characters
/// being replaced (`s_wakaharo` / `f_wakaharo`: Sapporo's initial for Fukuoka's). That names
/// another body rather than imitating this one; confusable swaps are caught by the skeleton.
fn replaces_short_token(c: &str, g: &str) -> bool {
    let split = |s: &str| {
        s.split(['_', '.', '-'])
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let (ct, gt) = (split(c), split(g));
    if ct.len() != gt.len() {
        return false;
    }
    let differing: Vec<(&String, &String)> = ct.iter().zip(&gt).filter(|(a, b)| a != b).collect();
    matches!(differing.as_slice(), [(a, b)] if a.chars().count() == b.chars().count() && b.chars().count() <= t::HANDLE_SHORT_TOKEN)
}

/// `0→o` style description of where two strings differ (common prefix and suffix trimmed).
pub fn diff_detail(candidate: &str, genuine: &str) -> String {
    let a: Vec<char> = candidate.chars().collect();
    let b: Vec<char> = genuine.chars().collect();
    if a.len() == b.len() {
        let pairs: Vec<String> = a
            .iter()
            .zip(&b)
            .filter(|(x, y)| x != y)
            .map(|(x, y)| format!("{}→{}", visible(*x), visible(*y)))
            .collect();
        if !pairs.is_empty() && pairs.len() <= 4 {
            let mut pairs = pairs;
            pairs.dedup();
            return pairs.join(", ");
        }
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let s = a[p..]
        .iter()
        .rev()
        .zip(b[p..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mid_a: String = a[p..a.len() - s].iter().map(|&c| visible(c)).collect();
    let mid_b: String = b[p..b.len() - s].iter().map(|&c| visible(c)).collect();
    format!("{mid_a}→{mid_b}")
}

/// A character as a reviewer can see it: invisible and non-ASCII lookalikes as `U+XXXX`.
pub fn visible(c: char) -> String {
    if crate::normalize::is_invisible(c) || c.is_whitespace() && c != ' ' {
        format!("U+{:04X}", c as u32)
    } else if !c.is_ascii() && c.is_alphabetic() && !is_cjk_or_kana(c) {
        format!("{c} (U+{:04X})", c as u32)
    } else {
        c.to_string()
    }
}

fn is_cjk_or_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}')
}

fn typo_detail(c: &str, g: &str) -> String {
    let a: Vec<char> = c.chars().collect();
    let b: Vec<char> = g.chars().collect();
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Greater => {
            let ch = a[p];
            if (p > 0 && a[p - 1] == ch) || a.get(p + 1) == Some(&ch) {
                format!("doubles '{ch}'")
            } else {
                format!("inserts '{ch}'")
            }
        }
        std::cmp::Ordering::Less => format!("omits '{}'", b[p]),
        std::cmp::Ordering::Equal => {
            if p + 1 < a.len() && a[p] == b[p + 1] && a[p + 1] == b[p] {
                format!("swaps '{}{}'", b[p], b[p + 1])
            } else {
                format!("'{}' for '{}'", a[p], b[p])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold_handle;

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

    #[test]
    fn handle_relations() {
        let rel = |c: &str, g: &str| {
            compare_handles(
                &fold_handle(c),
                &c.to_lowercase(),
                &fold_handle(g),
                &g.to_lowercase(),
                true,
            )
            .map(|r| r.0)
        };
        assert_eq!(
            rel("HW_Sapp0ro", "HW_Sapporo"),
            Some(HandleMatch::Homoglyph { detail: "0→o".into() })
        );
        assert_eq!(rel("HWSapporo", "HW_Sapporo"), Some(HandleMatch::Separator));
        assert!(matches!(
            rel("HW_Sapporo_official", "HW_Sapporo"),
            Some(HandleMatch::Affix { .. })
        ));
        assert_eq!(
            rel("HW_Sappporo", "HW_Sapporo"),
            Some(HandleMatch::Typo {
                detail: "doubles 'p'".into()
            })
        );
        assert_eq!(
            rel("HW_Sapproo", "HW_Sapporo"),
            Some(HandleMatch::Typo {
                detail: "swaps 'or'".into()
            })
        );
        assert_eq!(rel("HW_Hakodate", "HW_Sapporo"), None);
        assert_eq!(rel("f_wakaharo", "s_wakaharo"), None);
        assert!(matches!(
            rel("s_wakaharro", "s_wakaharo"),
            Some(HandleMatch::Typo { .. })
        ));
    }
}
