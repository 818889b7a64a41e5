//! Text folding for lookalike comparison: what makes two names or handles look the same to a
//! reader of Japanese social media.
//!
//! Owns the folding pipeline and nothing else (no scoring, no I/O). Every step keeps what it
//! removed, because the matcher's reasons must say what an impostor did:
//!
//! 1. invisible characters removed (zero-width, bidi controls, variation selectors, tags, fillers);
//! 2. the dash family unified (ー ｰ ― ‐ - − － ─ ━ – — and 一 between kana) *before* NFKC,
//!    because NFKC turns － into `-`, which UTS #39 does not map to ー;
//! 3. NFKC (fullwidth Latin, halfwidth katakana), then "official" decorations detected and
//!    stripped (【公式】, 公式, (公式), official, ✅, ☑️, ✔) and disclaimers noted (非公式, parody);
//! 4. case folding and variant kanji (國→国);
//! 5. two comparison keys, because kana folding and confusable folding pull apart:
//!    - `visual`: UTS #39 skeleton (Latin/Cyrillic/Greek homoglyphs, 0/O, 1/l/I, rn/m, katakana
//!      that look like kanji such as ハ/八, ロ/口) plus the katakana pairs UTS #39 misses (ソ/ン,
//!      シ/ツ, ワ/ウ, チ/千 …) and small/large kana;
//!    - `reading`: katakana folded to hiragana, Latin and symbols skeletonised;
//! 6. whitespace and punctuation removed from both keys.

mod chars;
mod decorations;
pub mod itaiji;

use unicode_normalization::UnicodeNormalization;

use chars::*;
pub use chars::{is_invisible, is_long_vowel_lookalike, katakana_to_hiragana};
pub use decorations::Claim;

/// A display name folded for comparison, with what folding removed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoldedName {
    /// Key that equates visually confusable spellings.
    pub visual: String,
    /// Key that equates katakana/hiragana spellings of the same reading.
    pub reading: String,
    /// Decorations and disclaimers found (and stripped from the keys).
    pub claims: Vec<Claim>,
    /// Invisible characters removed.
    pub invisible: Vec<char>,
    /// A word mixes scripts that do not mix in honest text (Latin with Cyrillic or Greek).
    pub mixed_script: bool,
    /// Where words begin in `visual` (character positions after the first word): the name was
    /// written with a space, a separator (｜ ・ ／) or a mark there.
    pub visual_breaks: Vec<usize>,
    /// Where words begin in `reading`.
    pub reading_breaks: Vec<usize>,
    /// The name as written, folded for width, case, variant kanji, synonyms, small kana and
    /// separators but not for lookalikes: its words keep their scripts, for reading its
    /// structure (which words name a place, a body, a programme).
    pub plain: String,
    /// Where words begin in `plain`.
    pub plain_breaks: Vec<usize>,
}

impl FoldedName {
    /// Whether nothing comparable is left (an empty or all-decoration name).
    pub fn is_empty(&self) -> bool {
        self.visual.is_empty()
    }

    /// Whether the name claims to be official (公式, official, a check-mark emoji).
    pub fn claims_official(&self) -> bool {
        self.claims
            .iter()
            .any(|c| matches!(c, Claim::Official(_) | Claim::CheckMark(_)))
    }

    /// Whether the name says it is not official (非公式, parody, fan).
    pub fn disclaims(&self) -> bool {
        self.claims.iter().any(|c| matches!(c, Claim::Disclaimer(_)))
    }
}

/// A handle folded for comparison.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoldedHandle {
    /// Confusable-folded, separators kept (`hw_sapporo`).
    pub skeleton: String,
    /// Confusable-folded, separators removed (`hwsapporo`).
    pub squashed: String,
    /// `squashed` without common affixes such as `official`, `jp` and trailing digits.
    pub core: String,
    /// Affixes removed to get `core`, as written in the skeleton.
    pub affixes: Vec<String>,
}

/// Names of one office type that readers take as the same (lookalikes-ja §4.3, name structure):
/// the formal 公共職業安定所 and the brand ハローワーク.
const SYNONYMS: &[(&str, &str)] = &[("公共職業安定所", "ハローワーク"), ("職業安定所", "ハローワーク")];

/// Latin forms of ハローワーク; `hw` only as a word of its own.
const LATIN_SYNONYMS: &[&str] = &["hello work", "hellowork", "hw"];

/// Replaces synonyms (input is NFKC and lower case).
fn fold_synonyms(s: &str) -> String {
    let mut out = s.to_string();
    for (from, to) in SYNONYMS {
        out = out.replace(from, to);
    }
    latin_synonyms(&out, "ハローワーク")
}

/// Replaces the Latin forms of ハローワーク, as whole words, with `replacement`. Run again after
/// the skeleton, so that homoglyph spellings (HeIIo W0rk) are caught too.
fn latin_synonyms(s: &str, replacement: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut result = String::with_capacity(s.len());
    let mut i = 0;
    'outer: while i < chars.len() {
        let word_start = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        if word_start {
            for syn in LATIN_SYNONYMS {
                let n = syn.chars().count();
                if i + n <= chars.len()
                    && chars[i..i + n].iter().copied().eq(syn.chars())
                    && chars.get(i + n).is_none_or(|c| !c.is_ascii_alphanumeric())
                {
                    result.push_str(replacement);
                    i += n;
                    continue 'outer;
                }
            }
        }
        result.push(chars[i]);
        i += 1;
    }
    result
}

/// The last step of the visual key, on the joined key whose word breaks are `breaks` (char
/// offsets), where separators no longer count: vv reads as w, then the Latin forms of ハローワーク
/// become `replacement` as whole words. A match may span a break (h|w); a word starts at a break
/// or next to a non-Latin character.
fn latin_synonyms_in_key(key: &str, breaks: &[usize], replacement: &str) -> (String, Vec<usize>) {
    let (key, breaks) = replace_in_key(key, breaks, |chars, i, _| {
        chars[i..].starts_with(&['v', 'v']).then_some((2, "w"))
    });
    replace_in_key(&key, &breaks, |chars, i, boundary| {
        if !boundary(i) {
            return None;
        }
        LATIN_SYNONYMS.iter().filter(|s| !s.contains(' ')).find_map(|syn| {
            let n = syn.chars().count();
            (i + n <= chars.len() && chars[i..i + n].iter().copied().eq(syn.chars()) && boundary(i + n))
                .then_some((n, replacement))
        })
    })
}

/// Rewrites a joined key left to right: where `rule` matches at a char offset it gives the length
/// it replaces and the text to put there. The word breaks are moved to match (a break inside a
/// replaced span goes); `rule` is told where words begin and end.
fn replace_in_key<'a>(
    key: &str,
    breaks: &[usize],
    rule: impl Fn(&[char], usize, &dyn Fn(usize) -> bool) -> Option<(usize, &'a str)>,
) -> (String, Vec<usize>) {
    let chars: Vec<char> = key.chars().collect();
    let boundary = |i: usize| {
        i == 0
            || i >= chars.len()
            || breaks.contains(&i)
            || !chars[i - 1].is_ascii_alphanumeric()
            || !chars[i].is_ascii_alphanumeric()
    };
    let mut out = String::with_capacity(key.len());
    let mut out_breaks = Vec::with_capacity(breaks.len());
    let mut out_len = 0;
    let mut i = 0;
    while i < chars.len() {
        if i > 0 && breaks.contains(&i) {
            out_breaks.push(out_len);
        }
        if let Some((n, with)) = rule(&chars, i, &boundary) {
            out.push_str(with);
            out_len += with.chars().count();
            i += n;
        } else {
            out.push(chars[i]);
            out_len += 1;
            i += 1;
        }
    }
    (out, out_breaks)
}

fn visual_hellowork() -> &'static str {
    static V: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        visual_word(
            &skeleton_lower("ハローワーク")
                .chars()
                .map(ascii_fold)
                .collect::<String>(),
        )
    });
    &V
}

/// One word of the visual key: lookalike katakana and kanji folded, small kana made large, stray
/// long-vowel marks and whatever is not a letter or digit dropped.
fn visual_word(w: &str) -> String {
    drop_stray_marks(
        &w.chars()
            .map(katakana_lookalike)
            .map(kanji_lookalike)
            .map(small_to_large_kana)
            .nfc()
            .collect::<String>(),
    )
    .chars()
    .filter(|&c| is_key_char(c))
    .collect()
}

/// The name variants a display name implies: itself, the name without bracketed parts, and each
/// bracketed part long enough to be a name (ハローワーク帯広(帯広公共職業安定所)【公式】 gives
/// ハローワーク帯広 and 帯広公共職業安定所).
pub fn name_variants(name: &str) -> Vec<String> {
    const OPEN: &[char] = &['(', '（', '[', '［', '【', '〈', '《', '「', '『', '〔', '<', '＜'];
    const CLOSE: &[char] = &[')', '）', ']', '］', '】', '〉', '》', '」', '』', '〕', '>', '＞'];
    let mut outside = String::new();
    let mut inside: Vec<String> = Vec::new();
    let mut depth = 0usize;
    for c in name.chars() {
        if OPEN.contains(&c) {
            depth += 1;
            if depth == 1 {
                inside.push(String::new());
            }
            outside.push(' ');
        } else if CLOSE.contains(&c) && depth > 0 {
            depth -= 1;
            outside.push(' ');
        } else if depth > 0 {
            if let Some(last) = inside.last_mut() {
                last.push(c);
            }
        } else {
            outside.push(c);
        }
    }
    let mut out = vec![name.to_string()];
    let without_filler = strip_filler(&outside);
    for v in std::iter::once(outside)
        .chain(std::iter::once(without_filler))
        .chain(inside)
    {
        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
        if compared_len(&v) >= 4 && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// About how many characters of a name are compared (letters and digits once decorations such
/// as 【公式】 are gone): a cheap stand-in for folding the whole name.
fn compared_len(name: &str) -> usize {
    decorations::strip(&nfkc(name))
        .0
        .chars()
        .filter(|&c| is_key_char(c))
        .count()
}

/// Removes words that name no one (YouTubeチャンネル, LINE 公式アカウント) from a name.
fn strip_filler(name: &str) -> String {
    const FILLER: &[&str] = &[
        "youtubeチャンネル",
        "youtube",
        "チャンネル",
        "line",
        "公式アカウント",
        "アカウント",
        "instagram",
        "facebook",
        "公式",
    ];
    let mut lower: String = nfkc(name).to_lowercase();
    for f in FILLER {
        lower = lower.replace(f, " ");
    }
    lower
}

/// Folds a display name for lookalike comparison (see the module docs for the steps).
pub fn fold_name(name: &str) -> FoldedName {
    let (unified, invisible) = strip_and_unify_dashes(name);
    let (undecorated, claims) = decorations::strip(&nfkc(&unified));
    // Everything that is not a letter, a digit or the long-vowel mark separates words, before the
    // skeleton (which would read ｜ as l).
    let lowered: String = undecorated
        .to_lowercase()
        .chars()
        .map(itaiji::fold)
        .map(|c| if is_key_char(c) { c } else { ' ' })
        .collect();
    let base = fold_synonyms(&lowered);
    let (plain, plain_breaks) = join_words(base.split_whitespace().map(|w| {
        w.chars()
            .map(small_to_large_kana)
            .nfc()
            .filter(|&c| is_key_char(c))
            .collect::<String>()
    }));

    // Each word is cleaned first (lookalike kana and kanji, stray long-vowel marks, what the
    // skeleton turns into a non-letter), and the Latin synonyms are read on the joined key, where
    // separators are gone: h・w, h-w and hw give one key, and folding a key again gives that key.
    let skeletal: String = skeleton_lower(&base).chars().map(ascii_fold).collect();
    let (cleaned, cleaned_breaks) = join_words(skeletal.split_whitespace().map(visual_word));
    let (visual, visual_breaks) = latin_synonyms_in_key(&cleaned, &cleaned_breaks, visual_hellowork());

    let mut words: Vec<String> = Vec::new();
    for word in base.split_whitespace() {
        let mut reading = String::with_capacity(word.len());
        let mut run = String::new();
        let flush = |run: &mut String, out: &mut String| {
            if !run.is_empty() {
                let skeletal: String = skeleton_lower(run).chars().map(ascii_fold).collect();
                out.push_str(&latin_synonyms(&skeletal, "はろーわーく"));
                run.clear();
            }
        };
        let chars: Vec<char> = word.chars().collect();
        // A kana-like kanji before kana, or after kana and not before a kanji, is read as the
        // katakana it looks like (力ノヤ is カノヤ, in either kana script, as the key is);
        // ハローワーク千歳 and 労働力 keep theirs.
        let kana_at = |i: usize| {
            chars
                .get(i)
                .is_some_and(|&k| ('\u{3041}'..='\u{3096}').contains(&k) || ('\u{30A1}'..='\u{30FA}').contains(&k))
        };
        let kanji_at = |i: usize| chars.get(i).is_some_and(|&k| ('\u{3400}'..='\u{9FFF}').contains(&k));
        for (i, &c) in chars.iter().enumerate() {
            let as_kana =
                katakana_of_kanji(c).filter(|_| kana_at(i + 1) || (i > 0 && kana_at(i - 1) && !kanji_at(i + 1)));
            if let Some(k) = as_kana {
                flush(&mut run, &mut reading);
                reading.push(katakana_to_hiragana(k));
            } else if is_kana(c) {
                flush(&mut run, &mut reading);
                reading.push(katakana_to_hiragana(small_to_large_kana(c)));
            } else {
                run.push(c);
            }
        }
        flush(&mut run, &mut reading);
        words.push(
            drop_stray_marks(&reading.nfc().collect::<String>())
                .chars()
                .filter(|&c| is_key_char(c))
                .collect(),
        );
    }
    let (reading, reading_breaks) = join_words(words.into_iter());

    // Latin with Cyrillic or Greek in one word (Sаpporo). Latin beside kana or kanji
    // (YouTubeチャンネル) is ordinary Japanese and does not count.
    let mixed_script = undecorated.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w.chars().any(|c| c.is_ascii_alphabetic())
            && w.chars()
                .any(|c| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{04FF}'))
    });

    FoldedName {
        visual,
        reading,
        claims,
        invisible,
        mixed_script,
        visual_breaks,
        reading_breaks,
        plain,
        plain_breaks,
    }
}

/// Concatenates words into one key, with the positions where each word after the first begins.
fn join_words(words: impl Iterator<Item = String>) -> (String, Vec<usize>) {
    let mut key = String::new();
    let mut breaks = Vec::new();
    let mut len = 0;
    for w in words.filter(|w| !w.is_empty()) {
        if len > 0 {
            breaks.push(len);
        }
        len += w.chars().count();
        key.push_str(&w);
    }
    (key, breaks)
}

/// Affixes impostors add to a genuine handle (and honest accounts rarely do), before folding.
const HANDLE_AFFIXES: &[&str] = &[
    "official", "offical", "officia1", "oficial", "jp", "japan", "pr", "koho", "kouhou", "kohou", "info", "staff",
    "team", "real", "the", "news", "ch", "channel", "tv", "sns", "account", "acc", "support", "help", "center",
    "centre", "desk", "line", "ig", "insta", "yt", "fb", "tw",
];

fn folded_affixes() -> &'static [String] {
    static AFFIXES: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| HANDLE_AFFIXES.iter().map(|a| fold_handle_skeleton(a)).collect());
    &AFFIXES
}

fn is_handle_separator(c: char) -> bool {
    matches!(c, '_' | '.' | '-' | ' ')
}

fn handle_pre(handle: &str) -> String {
    let (unified, _) = strip_and_unify_dashes(handle.trim().trim_start_matches(['@', '＠']));
    nfkc(&unified)
        .to_lowercase()
        .chars()
        .map(|c| if c == 'ー' { '-' } else { c })
        .collect()
}

fn handle_skeleton_of(pre: &str) -> String {
    skeleton_lower(pre).chars().map(ascii_fold).collect()
}

fn fold_handle_skeleton(handle: &str) -> String {
    handle_skeleton_of(&handle_pre(handle))
}

fn is_digits(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// Folds a handle: platform case rules, homoglyphs (0/o, 1/l/I, rn/m, Cyrillic), separators,
/// and common affixes.
pub fn fold_handle(handle: &str) -> FoldedHandle {
    let pre = handle_pre(handle);
    let skeleton = handle_skeleton_of(&pre);
    let squashed: String = skeleton.chars().filter(|&c| !is_handle_separator(c)).collect();
    let affixes_list = folded_affixes();
    let is_affix = |t: &str| {
        let folded = handle_skeleton_of(t);
        affixes_list.contains(&folded)
    };
    let mut affixes = Vec::new();
    // Digits are judged before the skeleton, which turns 0 into o. Whole tokens first
    // (hw_sapporo_official), then affixes glued on (hwsapporoofficial, hwsapporo2024).
    let mut tokens: Vec<&str> = pre.split(is_handle_separator).filter(|t| !t.is_empty()).collect();
    while tokens.len() > 1 {
        if let Some(last) = tokens.last().filter(|t| is_affix(t) || is_digits(t)) {
            affixes.push((*last).to_string());
            tokens.pop();
        } else if let Some(first) = tokens.first().filter(|t| is_affix(t)) {
            affixes.push((*first).to_string());
            tokens.remove(0);
        } else {
            break;
        }
    }
    let mut joined: String = tokens.concat();
    let digits = joined.len() - joined.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && joined.len() - digits >= 4 {
        affixes.push(joined[joined.len() - digits..].to_string());
        joined.truncate(joined.len() - digits);
    }
    let mut core = handle_skeleton_of(&joined);
    loop {
        let before = core.len();
        for a in affixes_list.iter().filter(|a| a.len() >= 4 || a.as_str() == "jp") {
            if core.len() >= a.len() + 4 {
                if let Some(rest) = core.strip_suffix(a.as_str()) {
                    affixes.push(a.clone());
                    core = rest.to_string();
                } else if let Some(rest) = core.strip_prefix(a.as_str()) {
                    affixes.push(a.clone());
                    core = rest.to_string();
                }
            }
        }
        if core.len() == before {
            break;
        }
    }
    FoldedHandle {
        skeleton,
        squashed,
        core,
        affixes,
    }
}

#[cfg(test)]
mod tests;
