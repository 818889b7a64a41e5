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

mod decorations;
pub mod itaiji;

use unicode_normalization::UnicodeNormalization;

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

/// Whether `c` is invisible when rendered (and so removed before any comparison).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{2800}' | '\u{3164}' | '\u{FFA0}' | '\u{FEFF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{FF66}'..='\u{FF9F}' | '\u{31F0}'..='\u{31FF}')
}

fn is_cjk(c: char) -> bool {
    is_kana(c)
        || matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Whether a character reads as the long-vowel mark beside kana (ー, its halfwidth form, the
/// dashes and the kanji 一): one character's lookalike class, for showing a comparison.
pub fn is_long_vowel_lookalike(c: char) -> bool {
    is_dash(c) || c == '一'
}

/// Dashes and long-vowel marks that readers cannot tell apart from ー in Japanese text.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        'ー' | 'ｰ'
            | '―'
            | '‐'
            | '-'
            | '−'
            | '－'
            | '─'
            | '━'
            | '–'
            | '—'
            | '‒'
            | '⁃'
            | '㇐'
            | '‑'
            | '﹣'
            | '⎯'
            | '➖'
    )
}

/// Step 1 and 2: invisible characters out, dashes unified. Returns the text and what was removed.
fn strip_and_unify_dashes(s: &str) -> (String, Vec<char>) {
    let mut invisible = Vec::new();
    let chars: Vec<char> = s
        .chars()
        .filter(|&c| {
            let inv = is_invisible(c);
            if inv {
                invisible.push(c);
            }
            !inv
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    let mut last: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let near = |f: fn(char) -> bool| prev.is_some_and(f) || next.is_some_and(f);
        // A long-vowel mark lengthens the kana before it; after a kanji, a Latin letter or
        // nothing it lengthens nothing and reads as a decoration or a separator (北海道労働局ー).
        // Kanji that look like katakana (口 for ロ) count as kana: 八口ーワーク is a lookalike.
        let after_kana = last.is_some_and(lengthens);
        let o = if c == 'ー' || c == 'ｰ' {
            if after_kana { 'ー' } else { ' ' }
        } else if is_dash(c) {
            // In Japanese text a dash after kana reads as the long-vowel mark; elsewhere it is a
            // separator, dropped later with the punctuation.
            if after_kana && near(is_cjk) { 'ー' } else { ' ' }
        } else if c == '一' && (prev.is_some_and(is_kana) || next.is_some_and(is_kana)) {
            'ー'
        } else {
            c
        };
        out.push(o);
        last = Some(o);
    }
    (out, invisible)
}

/// Kanji that the visual key uses for katakana (口 for ロ, 才 for オ): beside them the
/// long-vowel mark still lengthens a kana.
const KANA_LIKE_KANJI: &str = "八口一工力夕卜二亻才千又厶彡彐";

/// Whether a long-vowel mark after `c` lengthens something: after kana, after the mark itself,
/// after kanji that stand for katakana.
fn lengthens(c: char) -> bool {
    is_kana(c) || c == 'ー' || KANA_LIKE_KANJI.contains(c)
}

/// Drops long-vowel marks that lengthen nothing (after a kanji or a Latin letter, or first):
/// the skeleton turns 一 into ー, so 「札一」 and 「札ー」 meet here too.
fn drop_stray_marks(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last: Option<char> = None;
    for c in word.chars() {
        if c == 'ー' && !last.is_some_and(lengthens) {
            continue;
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// Katakana that look like other characters but are missing from UTS #39's confusables
/// (lookalikes-ja §4.2), folded to one representative for the visual key.
fn katakana_lookalike(c: char) -> char {
    match c {
        'ソ' => 'ン',
        'シ' => 'ツ',
        'ワ' => 'ウ',
        'チ' => '千',
        'ヌ' => '又',
        'オ' => '才',
        'ム' => '厶',
        'ミ' => '彡',
        'ヨ' => '彐',
        'リ' => 'り',
        'ク' => 'ケ',
        'ペ' => 'ぺ',
        'ベ' => 'べ',
        'ヘ' => 'へ',
        _ => c,
    }
}

/// Kanji of public-body names that a near-shape kanji imitates (労動局, 労慟局 for 労働局;
/// 識, 織 for 職), which UTS #39 does not map: folded together in the visual key only.
fn kanji_lookalike(c: char) -> char {
    match c {
        '動' | '慟' => '働',
        '識' | '織' => '職',
        _ => c,
    }
}

fn small_to_large_kana(c: char) -> char {
    match c {
        'ぁ' => 'あ',
        'ぃ' => 'い',
        'ぅ' => 'う',
        'ぇ' => 'え',
        'ぉ' => 'お',
        'っ' => 'つ',
        'ゃ' => 'や',
        'ゅ' => 'ゆ',
        'ょ' => 'よ',
        'ゎ' => 'わ',
        'ゕ' => 'か',
        'ゖ' => 'け',
        'ァ' => 'ア',
        'ィ' => 'イ',
        'ゥ' => 'ウ',
        'ェ' => 'エ',
        'ォ' => 'オ',
        'ッ' => 'ツ',
        'ャ' => 'ヤ',
        'ュ' => 'ユ',
        'ョ' => 'ヨ',
        'ヮ' => 'ワ',
        'ヵ' => 'カ',
        'ヶ' => 'ケ',
        _ => c,
    }
}

fn katakana_to_hiragana(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Letters folded together after the skeleton: UTS #39 maps `I` and `1` to `l` but leaves `i`,
/// so after case folding `I` would part from `i`.
fn ascii_fold(c: char) -> char {
    match c {
        'i' | '|' | 'ı' => 'l',
        _ => c,
    }
}

/// Whether a character is kept in comparison keys (letters, marks, numbers, the long-vowel mark).
fn is_key_char(c: char) -> bool {
    c == 'ー' || c.is_alphanumeric() || unicode_mark(c)
}

fn unicode_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{3099}'..='\u{309A}')
}

fn skeleton_lower(s: &str) -> String {
    // UTS #39 folds m to rn and d to cl, but not w to vv; do it here so vv/w match.
    let skeleton: String = if s.is_ascii() {
        // Decomposition leaves ASCII as it is, so its skeleton is each character's prototype
        // in turn: a table lookup instead of two decompositions (most handles are ASCII).
        s.bytes().map(|b| ASCII_PROTOTYPES[usize::from(b)].as_str()).collect()
    } else {
        unicode_security::skeleton(s).collect()
    };
    skeleton.to_lowercase().replace("vv", "w")
}

/// The UTS #39 prototype of each ASCII character.
static ASCII_PROTOTYPES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    (0u8..128)
        .map(|b| unicode_security::skeleton(&char::from(b).to_string()).collect())
        .collect()
});

/// NFKC of a text, borrowed when the text is already in NFKC (as most names and handles are).
fn nfkc(s: &str) -> std::borrow::Cow<'_, str> {
    if unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfkc().collect())
    }
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
        for c in word.chars() {
            if is_kana(c) {
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
mod tests {
    use super::*;

    #[test]
    fn ascii_skeleton_table_agrees_with_uts39() {
        let slow = |s: &str| {
            unicode_security::skeleton(s)
                .collect::<String>()
                .to_lowercase()
                .replace("vv", "w")
        };
        let mut all: Vec<String> = (0u8..128).map(|b| char::from(b).to_string()).collect();
        all.extend(
            [
                "hw_sapporo",
                "Rn-m.1Il|0O",
                "s_m0thersHW",
                "vvww",
                "kagoshimakunren",
                "",
            ]
            .map(String::from),
        );
        for s in &all {
            assert_eq!(skeleton_lower(s), slow(s), "{s:?}");
        }
    }

    #[test]
    fn nfkc_borrows_only_normal_text() {
        assert!(matches!(nfkc("ハローワーク札幌"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(nfkc("ﾊﾛｰﾜｰｸ①"), "ハローワーク1");
    }

    fn same(a: &str, b: &str) -> bool {
        let (x, y) = (fold_name(a), fold_name(b));
        x.visual == y.visual || x.reading == y.reading
    }

    #[test]
    fn the_visual_key_is_stable_when_folded_again() {
        // Separators, stray marks and characters the skeleton drops are gone from the key, so
        // they must not decide whether h w reads as HW or v v as w (found by the property tests).
        for s in [
            "hくwハ",
            "hーw",
            "h・w札幌",
            "vーv",
            "hvv",
            "h vv",
            "ハローワーク札幌",
            "hwy",
            "ah w",
        ] {
            let once = fold_name(s).visual;
            assert_eq!(fold_name(&once).visual, once, "{s}");
        }
        assert_eq!(fold_name("h・w札幌").visual, fold_name("HW札幌").visual);
        assert_ne!(fold_name("hwy").visual, fold_name("hw").visual);
        // Breaks stay in range and in order.
        let f = fold_name("HW 札幌 北");
        assert!(f.visual_breaks.windows(2).all(|w| w[0] < w[1]));
        assert!(f.visual_breaks.iter().all(|&b| b < f.visual.chars().count()));
    }

    #[test]
    fn decorations_survive_letters_whose_lower_case_is_longer() {
        // Ⱥ lowers to a 3-byte ⱥ and İ to two characters: offsets must still fit the original.
        for s in ["ȺfAN㐀", "İstanbul official", "ȺȺ公式ȺȺ", "ⱯOFFICIAL"] {
            let _ = fold_name(s);
        }
        assert!(fold_name("Ⱥ 公式 札幌").visual.contains("札幌"));
    }

    #[test]
    fn japanese_lookalikes_fold_together() {
        let g = "ハローワーク札幌【公式】";
        for v in [
            "ハローワーク札幌",
            "ﾊﾛｰﾜｰｸ札幌",
            "はろーわーく札幌",
            "ハロ一ワ一ク札幌",
            "ハロ－ワ－ク札幌",
            "ハロ-ワ-ク札幌",
            "ハロ―ワ―ク札幌",
            "八口一ワ一ク札幌",
            "ハローワーク\u{200B}札幌",
            "ハローワーク　札幌 ✅",
            "ハローワーク札幌（公式）",
            "\u{202E}ハローワーク札幌",
        ] {
            assert!(
                same(g, v),
                "{v} should fold like {g}: {:?} vs {:?}",
                fold_name(v),
                fold_name(g)
            );
        }
        assert!(!same(g, "ハローワーク函館"));
        assert!(!same(g, "ハローワーク札幌東"));
    }

    #[test]
    fn latin_homoglyphs_fold_together() {
        assert!(same("Hello Work Sapporo", "HeIIo W0rk Sappоro")); // Cyrillic о
        assert!(fold_name("Sаpporo").mixed_script);
        assert!(!fold_name("Sapporo").mixed_script);
        assert!(!fold_name("ハローワーク国分YouTubeチャンネル").mixed_script);
        assert!(same("Chitose", "CHITOSE"));
    }

    #[test]
    fn office_synonyms_fold() {
        assert!(same("帯広公共職業安定所", "帯広ハローワーク"));
        assert!(same("札幌新卒応援HW", "札幌新卒応援ハローワーク"));
        assert!(same("Hello Work Sapporo", "ハローワーク sapporo"));
        assert!(!same("hwy", "ハローワークy"));
    }

    #[test]
    fn bracketed_parts_are_variants() {
        assert_eq!(
            name_variants("ハローワーク帯広(帯広公共職業安定所)【公式】"),
            vec![
                "ハローワーク帯広(帯広公共職業安定所)【公式】",
                "ハローワーク帯広",
                "帯広公共職業安定所"
            ]
        );
        assert_eq!(
            name_variants("ハローワーク国分YouTubeチャンネル【公式】"),
            vec![
                "ハローワーク国分YouTubeチャンネル【公式】",
                "ハローワーク国分YouTubeチャンネル",
                "ハローワーク国分"
            ]
        );
        assert_eq!(name_variants("北海道労働局"), vec!["北海道労働局"]);
    }

    #[test]
    fn variant_kanji_fold() {
        assert!(same("ハローワーク国分", "ハローワーク國分"));
        assert!(same("鹿児島労働局", "鹿兒嶋勞働局"));
    }

    #[test]
    fn decorations_are_claims() {
        let f = fold_name("【公式】ハローワーク札幌✅");
        assert!(f.claims_official());
        assert_eq!(f.visual, fold_name("ハローワーク札幌").visual);
        assert!(fold_name("ハローワーク札幌(非公式)").disclaims());
        assert!(!fold_name("ハローワーク札幌").claims_official());
    }

    #[test]
    fn invisible_characters_are_recorded() {
        let f = fold_name("ハロー\u{200D}ワーク\u{FE0F}");
        assert_eq!(f.invisible, vec!['\u{200D}', '\u{FE0F}']);
    }

    #[test]
    fn handles_fold_homoglyphs_and_affixes() {
        assert_eq!(fold_handle("HW_Sapp0ro").skeleton, fold_handle("hw_sapporo").skeleton);
        assert_eq!(fold_handle("HW_Chlt0se").squashed, fold_handle("hw_chitose").squashed);
        assert_eq!(
            fold_handle("@s_mothersHVV").skeleton,
            fold_handle("s_mothershw").skeleton
        );
        assert_eq!(fold_handle("hw_sapporo_official").core, fold_handle("HW_Sapporo").core);
        assert_eq!(fold_handle("hwsapporojp").core, fold_handle("HW_Sapporo").core);
        assert_eq!(fold_handle("HW.Sapporo2024").core, fold_handle("HW_Sapporo").core);
        assert_eq!(fold_handle("k.taisaku46").core, "ktalsaku");
        assert_eq!(
            fold_handle("rnhw.sapporo").squashed,
            fold_handle("mhw.sapporo").squashed
        );
    }
}
