//! What staff see of attacker-controlled text: names and handles aligned with the genuine
//! account's, the differing characters marked, lookalike characters (Cyrillic а for Latin a,
//! fullwidth Ａ) named with their code points, and invisible ones (zero-width, bidi controls)
//! shown as `[U+200B]`. Pages escape every segment; this module decides what is marked.

use crate::normalize::{fold_handle, fold_name, is_invisible, is_long_vowel_lookalike};

/// How a piece of text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// As in the genuine account.
    Same,
    /// Not in the genuine account (or missing from the suspect).
    Diff,
    /// A different character that looks like the genuine one.
    Lookalike,
    /// An invisible character, shown as its code point.
    Invisible,
}

/// A run of text and how it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    /// The text (an invisible character as `[U+200B]`).
    pub text: String,
    /// The CSS class: `same`, `diff`, `lookalike`, `invisible`.
    pub class: &'static str,
    /// A tooltip naming the code points, empty if none.
    pub title: String,
}

impl Mark {
    fn class(self) -> &'static str {
        match self {
            Mark::Same => "same",
            Mark::Diff => "diff",
            Mark::Lookalike => "lookalike",
            Mark::Invisible => "invisible",
        }
    }
}

/// Longest text compared character by character; the rest is shown unaligned.
const MAX_ALIGN: usize = 300;

fn is_bidi_or_control(c: char) -> bool {
    is_invisible(c) || (c.is_control() && c != ' ') || matches!(c as u32, 0xE000..=0xF8FF)
}

fn code(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

fn push(out: &mut Vec<Seg>, c: char, mark: Mark, title: String) {
    let (text, mark) = if is_bidi_or_control(c) {
        (format!("[{}]", code(c)), Mark::Invisible)
    } else {
        (c.to_string(), mark)
    };
    match out.last_mut() {
        Some(last) if last.class == mark.class() && title.is_empty() && last.title.is_empty() => {
            last.text.push_str(&text)
        }
        _ => out.push(Seg {
            text,
            class: mark.class(),
            title,
        }),
    }
}

/// The text with invisible characters made visible, nothing else marked.
pub fn visible(s: &str, max: usize) -> Vec<Seg> {
    let mut out = Vec::new();
    for (n, c) in s.chars().enumerate() {
        if n >= max {
            push(&mut out, '…', Mark::Same, String::new());
            break;
        }
        push(&mut out, c, Mark::Same, String::new());
    }
    out
}

/// One character's comparison key: what it looks like, ignoring width and case.
fn key(c: char, handle: bool) -> String {
    if is_bidi_or_control(c) {
        return String::new();
    }
    // Alone, a long-vowel mark lengthens nothing and folds away; beside kana it reads as ー.
    if !handle && is_long_vowel_lookalike(c) {
        return "ー".into();
    }
    let fold = |s: &str| {
        if handle {
            fold_handle(s).skeleton
        } else {
            fold_name(s).visual
        }
    };
    // Folding one character can expose another fold (ヮ → ワ → ウ): fold to a fixed point.
    let mut k = c.to_string();
    for _ in 0..3 {
        let next = fold(&k);
        if next.is_empty() || next == k {
            break;
        }
        k = next;
    }
    if k.is_empty() { c.to_string().to_lowercase() } else { k }
}

/// The genuine and the suspect text aligned: the suspect's characters not in the genuine
/// account are `diff`, lookalikes `lookalike` (with both code points in the tooltip), and the
/// genuine characters the suspect lacks are `diff` on the genuine side.
pub fn compare(genuine: &str, suspect: &str, handle: bool) -> (Vec<Seg>, Vec<Seg>) {
    let g: Vec<char> = genuine.chars().take(MAX_ALIGN).collect();
    let s: Vec<char> = suspect.chars().take(MAX_ALIGN).collect();
    let gk: Vec<String> = g.iter().map(|&c| key(c, handle)).collect();
    let sk: Vec<String> = s.iter().map(|&c| key(c, handle)).collect();
    // Longest common subsequence on the keys (invisible characters never match).
    let (n, m) = (g.len(), s.len());
    let mut lcs = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if !gk[i].is_empty() && gk[i] == sk[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let (mut gs, mut ss) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && !gk[i].is_empty() && gk[i] == sk[j] {
            if g[i] == s[j] {
                push(&mut gs, g[i], Mark::Same, String::new());
                push(&mut ss, s[j], Mark::Same, String::new());
            } else {
                let title = format!("{} {} ≠ {} {}", s[j], code(s[j]), g[i], code(g[i]));
                push(&mut gs, g[i], Mark::Same, String::new());
                push(&mut ss, s[j], Mark::Lookalike, title);
            }
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
            push(&mut ss, s[j], Mark::Diff, String::new());
            j += 1;
        } else {
            push(&mut gs, g[i], Mark::Diff, String::new());
            i += 1;
        }
    }
    for (rest, out) in [(genuine, &mut gs), (suspect, &mut ss)] {
        if rest.chars().count() > MAX_ALIGN {
            push(out, '…', Mark::Same, String::new());
        }
    }
    (gs, ss)
}

pub use crate::text::wording::jst;

/// A score as a percentage.
pub fn percent(score: f64) -> String {
    format!("{:.0}%", (score * 100.0).clamp(0.0, 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(segs: &[Seg]) -> Vec<(&str, &str)> {
        segs.iter().map(|s| (s.class, s.text.as_str())).collect()
    }

    #[test]
    fn an_added_decoration_and_a_cyrillic_letter_are_marked() {
        let (g, s) = compare("ハローワーク札幌", "【公式】ハローワーク札幌", false);
        assert_eq!(shown(&g), vec![("same", "ハローワーク札幌")]);
        assert_eq!(shown(&s), vec![("diff", "【公式】"), ("same", "ハローワーク札幌")]);

        let (_, s) = compare("hw_sapporo", "hw_s\u{430}pporo", true);
        assert_eq!(
            shown(&s),
            vec![("same", "hw_s"), ("lookalike", "\u{430}"), ("same", "pporo")]
        );
        assert!(s[1].title.contains("U+0430") && s[1].title.contains("U+0061"));
    }

    #[test]
    fn invisible_and_bidi_characters_become_visible() {
        let (_, s) = compare("文京区", "文京\u{200B}区\u{202E}", false);
        assert_eq!(
            shown(&s),
            vec![
                ("same", "文京"),
                ("invisible", "[U+200B]"),
                ("same", "区"),
                ("invisible", "[U+202E]")
            ]
        );
        assert_eq!(
            shown(&visible("a\u{2066}b", 10)),
            vec![("same", "a"), ("invisible", "[U+2066]"), ("same", "b")]
        );
    }

    #[test]
    fn kanji_dashes_and_small_kana_are_lookalikes_of_the_genuine_kana() {
        // A real demo impostor: 一 (U+4E00) for ー, small ヮ for ワ, 【公式】 dropped.
        let (g, s) = compare("ハローワーク【公式】(23", "ハロ一ヮ一ク(23", false);
        assert_eq!(
            shown(&s),
            vec![
                ("same", "ハロ"),
                ("lookalike", "一"),
                ("lookalike", "ヮ"),
                ("lookalike", "一"),
                ("same", "ク(23")
            ]
        );
        assert_eq!(
            shown(&g),
            vec![("same", "ハローワーク"), ("diff", "【公式】"), ("same", "(23")]
        );
    }

    #[test]
    fn fullwidth_letters_are_lookalikes_and_missing_ones_differ() {
        let (g, s) = compare("bunkyo", "ｂunky", true);
        assert_eq!(shown(&s), vec![("lookalike", "ｂ"), ("same", "unky")]);
        assert_eq!(shown(&g), vec![("same", "bunky"), ("diff", "o")]);
    }
}
