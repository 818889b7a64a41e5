//! "Official" decorations impostors add to names (【公式】, 公式, official, ✅), and the
//! disclaimers honest fan or parody accounts add (非公式, parody). Both are stripped from the
//! comparison keys and kept as claims, because they are evidence either way.

/// Something a display name says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// Claims to be official (the decoration as written after NFKC).
    Official(String),
    /// A check-mark emoji imitating a platform's verification badge.
    CheckMark(char),
    /// Says it is not official (非公式, parody, fan account).
    Disclaimer(String),
}

const BRACKETS: &[(char, char)] = &[
    ('【', '】'),
    ('[', ']'),
    ('(', ')'),
    ('〈', '〉'),
    ('《', '》'),
    ('「', '」'),
    ('『', '』'),
    ('〔', '〕'),
    ('<', '>'),
    ('{', '}'),
    ('〖', '〗'),
    ('〘', '〙'),
];

/// Words that claim official status, longest first so 公式アカウント wins over 公式.
const OFFICIAL: &[&str] = &[
    "公式アカウント",
    "公式ページ",
    "公式チャンネル",
    "公式",
    "オフィシャル",
    "official account",
    "official",
    "公認",
    "認証済み",
    "認証済",
    "verified",
];

/// Words that say the account is not the official one. Only explicit ones: aggregator words
/// (まとめ, 速報, 情報, ナビ) say nothing about who runs an account.
const DISCLAIMERS: &[&str] = &[
    "非公式",
    "unofficial",
    "parody",
    "パロディ",
    "ファンアカウント",
    "fan account",
    "ファンアカ",
    "なりきり",
    "非公認",
    "ファンページ",
    "bot",
    "fan",
];

const CHECK_MARKS: &[char] = &['✅', '☑', '✔', '✓', '🔵', '🔷', '💠', '✳'];

/// Removes decorations and disclaimers from NFKC text, returning the rest and what was found.
pub(super) fn strip(text: &str) -> (String, Vec<Claim>) {
    let mut claims = Vec::new();
    let mut s: String = text
        .chars()
        .filter(|c| {
            let is_mark = CHECK_MARKS.contains(c);
            if is_mark {
                claims.push(Claim::CheckMark(*c));
            }
            !is_mark
        })
        .collect();
    // Bracketed groups that hold only a claim or a disclaimer: 【公式】, (非公式).
    for &(open, close) in BRACKETS {
        if !s.contains(open) {
            continue;
        }
        let mut from = 0;
        while let Some(start) = s[from..].find(open).map(|i| i + from) {
            let inner_start = start + open.len_utf8();
            let Some(end) = s[inner_start..].find(close).map(|i| i + inner_start) else {
                break;
            };
            let inner = s[inner_start..end].trim().to_lowercase();
            let claim = if DISCLAIMERS.iter().any(|d| inner == *d) {
                Some(Claim::Disclaimer(s[start..end + close.len_utf8()].to_string()))
            } else if OFFICIAL.iter().any(|o| inner == *o) {
                Some(Claim::Official(s[start..end + close.len_utf8()].to_string()))
            } else {
                None
            };
            match claim {
                Some(c) => {
                    claims.push(c);
                    s.replace_range(start..end + close.len_utf8(), " ");
                    from = start;
                }
                None => from = end,
            }
        }
    }
    // Bare words; disclaimers first, since 非公式 contains 公式.
    let mut lower = same_length_lowercase(&s);
    for (words, official) in [(DISCLAIMERS, false), (OFFICIAL, true)] {
        for w in words {
            // Most names hold none of the words: a first-character test spares building a
            // searcher for each.
            if !w.chars().next().is_some_and(|c| lower.contains(c)) {
                continue;
            }
            while let Some(pos) = lower.find(w) {
                // Latin words only as whole words: "official" yes, "bottle" no.
                if w.is_ascii() {
                    let before = lower[..pos].chars().next_back();
                    let after = lower[pos + w.len()..].chars().next();
                    if before.is_some_and(|c| c.is_ascii_alphanumeric())
                        || after.is_some_and(|c| c.is_ascii_alphanumeric())
                    {
                        // Not a whole word: blank it out of the search copy only.
                        lower.replace_range(pos..pos + w.len(), &"\u{1}".repeat(w.len()));
                        continue;
                    }
                }
                let found = s[pos..pos + w.len()].to_string();
                claims.push(if official {
                    Claim::Official(found)
                } else {
                    Claim::Disclaimer(found)
                });
                s.replace_range(pos..pos + w.len(), &" ".repeat(w.len()));
                lower.replace_range(pos..pos + w.len(), &" ".repeat(w.len()));
            }
        }
    }
    (s, claims)
}

/// Lower case that keeps every character's byte length, so that offsets found in it are offsets
/// in the original too (Ⱥ lowers to a longer ⱥ, İ to two characters: those are left as they are).
fn same_length_lowercase(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}
