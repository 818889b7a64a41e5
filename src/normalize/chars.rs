//! One character at a time: what is invisible, what counts as a dash, which kana, katakana and
//! kanji look alike, small and large kana, and the UTS #39 skeleton and NFKC steps the folding
//! pipeline uses.

use unicode_normalization::UnicodeNormalization;

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

pub(super) fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{FF66}'..='\u{FF9F}' | '\u{31F0}'..='\u{31FF}')
}

pub(super) fn is_cjk(c: char) -> bool {
    is_kana(c)
        || matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Whether a character reads as the long-vowel mark beside kana (ー, its halfwidth form, the
/// dashes and the kanji 一): one character's lookalike class, for showing a comparison.
pub fn is_long_vowel_lookalike(c: char) -> bool {
    is_dash(c) || c == '一'
}

/// Dashes and long-vowel marks that readers cannot tell apart from ー in Japanese text.
pub(super) fn is_dash(c: char) -> bool {
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
pub(super) fn strip_and_unify_dashes(s: &str) -> (String, Vec<char>) {
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
pub(super) const KANA_LIKE_KANJI: &str = "八口一工力夕卜二亻才千又厶彡彐";

/// Whether a long-vowel mark after `c` lengthens something: after kana, after the mark itself,
/// after kanji that stand for katakana.
pub(super) fn lengthens(c: char) -> bool {
    is_kana(c) || c == 'ー' || KANA_LIKE_KANJI.contains(c)
}

/// Drops long-vowel marks that lengthen nothing (after a kanji or a Latin letter, or first):
/// the skeleton turns 一 into ー, so 「札一」 and 「札ー」 meet here too.
pub(super) fn drop_stray_marks(word: &str) -> String {
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
pub(super) fn katakana_lookalike(c: char) -> char {
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

/// The katakana a kana-like kanji stands for (力 for カ in 「ハローワーク力ノヤ」), for the reading
/// key, where it is read as that katakana beside other kana.
pub(super) fn katakana_of_kanji(c: char) -> Option<char> {
    Some(match c {
        '八' => 'ハ',
        '口' => 'ロ',
        '工' => 'エ',
        '力' => 'カ',
        '夕' => 'タ',
        '卜' => 'ト',
        '二' => 'ニ',
        '才' => 'オ',
        '千' => 'チ',
        '又' => 'ヌ',
        '厶' => 'ム',
        '彡' => 'ミ',
        '彐' => 'ヨ',
        '亻' => 'イ',
        _ => return None,
    })
}

/// Kanji of public-body names that a near-shape kanji imitates (労動局, 労慟局 for 労働局;
/// 識, 織 for 職), which UTS #39 does not map: folded together in the visual key only.
pub(super) fn kanji_lookalike(c: char) -> char {
    match c {
        '動' | '慟' => '働',
        '識' | '織' => '職',
        _ => c,
    }
}

pub(super) fn small_to_large_kana(c: char) -> char {
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

/// Katakana as the hiragana of the same sound (ヽ and ヾ too); anything else as it is.
pub fn katakana_to_hiragana(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Letters folded together after the skeleton: UTS #39 maps `I` and `1` to `l` but leaves `i`,
/// so after case folding `I` would part from `i`.
pub(super) fn ascii_fold(c: char) -> char {
    match c {
        'i' | '|' | 'ı' => 'l',
        _ => c,
    }
}

/// Whether a character is kept in comparison keys (letters, marks, numbers, the long-vowel mark).
pub(super) fn is_key_char(c: char) -> bool {
    c == 'ー' || c.is_alphanumeric() || unicode_mark(c)
}

pub(super) fn unicode_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{3099}'..='\u{309A}')
}

pub(super) fn skeleton_lower(s: &str) -> String {
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
pub(super) static ASCII_PROTOTYPES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    (0u8..128)
        .map(|b| unicode_security::skeleton(&char::from(b).to_string()).collect())
        .collect()
});

/// NFKC of a text, borrowed when the text is already in NFKC (as most names and handles are).
pub(super) fn nfkc(s: &str) -> std::borrow::Cow<'_, str> {
    if unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfkc().collect())
    }
}
