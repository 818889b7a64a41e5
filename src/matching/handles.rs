//! Handle relations: how a candidate's handle relates to a genuine one, with the edits named in
//! the characters that were typed.
//!
//! Edits are counted on what was typed (lower case, separators removed), not on the folded
//! skeleton: there `m` becomes `rn` and `w` becomes `vv`, so an edit touching them would count
//! twice. A lookalike substitution (0 for o, rn for m, vv for w, cl for d) is one edit, and a
//! cheap one: half a plain edit, since a reader does not see it.

use serde::{Deserialize, Serialize};

use super::thresholds as t;
use crate::normalize::FoldedHandle;

/// One edit from the genuine handle to the candidate's, in typed characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// A character added.
    Insert {
        /// The character.
        ch: char,
    },
    /// A character doubled.
    Double {
        /// The character.
        ch: char,
    },
    /// A character left out.
    Omit {
        /// The character.
        ch: char,
    },
    /// Two neighbours swapped (as the genuine handle has them).
    Swap {
        /// The two characters.
        pair: String,
    },
    /// A character replaced by another.
    Replace {
        /// What the candidate has.
        typed: String,
        /// What the genuine handle has.
        genuine: String,
    },
    /// A character replaced by a lookalike (0 for o, rn for m).
    Lookalike {
        /// What the candidate has.
        typed: String,
        /// What the genuine handle has.
        genuine: String,
    },
}

/// How a candidate's handle relates to a genuine handle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HandleRelation {
    /// The very same handle (or its local part), on another platform.
    SameOnOtherPlatform,
    /// Equal after confusable folding; the lookalike pairs, typed → genuine.
    Homoglyph {
        /// The substitutions.
        edits: Vec<Edit>,
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
    /// One edit, or one lookalike substitution plus one edit.
    Edits {
        /// The edits.
        edits: Vec<Edit>,
    },
    /// Affixes plus one edit.
    AffixAndEdit,
    /// Two edits on a long handle.
    TwoEdits {
        /// The edits.
        edits: Vec<Edit>,
    },
    /// Contains the genuine handle's core.
    Contains,
}

/// Whether a typed character is a lookalike of a genuine one (either way round): one cheap
/// edit.
fn lookalike1(a: char, b: char) -> bool {
    let pair = |x: char, y: char| {
        matches!(
            (x, y),
            ('0', 'o')
                | ('1', 'l')
                | ('1', 'i')
                | ('l', 'i')
                | ('5', 's')
                | ('8', 'b')
                | ('9', 'g')
                | ('2', 'z')
                | ('6', 'b')
                | ('q', 'g')
        )
    };
    pair(a, b) || pair(b, a)
}

/// Whether two characters are a lookalike of one (rn for m, vv for w, cl for d).
fn lookalike2(two: &[char], one: char) -> bool {
    matches!(
        (two, one),
        (['r', 'n'], 'm')
            | (['n', 'n'], 'm')
            | (['v', 'v'], 'w')
            | (['u', 'u'], 'w')
            | (['c', 'l'], 'd')
            | (['i', 'i'], 'u')
    )
}

/// Cost of a plain edit, in half edits.
const EDIT: u32 = 2;
/// Cost of a lookalike substitution, in half edits.
const LOOK: u32 = 1;

fn lookalike_cost(typed: &[char], genuine: &[char]) -> bool {
    match (typed, genuine) {
        ([a], [b]) => lookalike1(*a, *b),
        ([_, _], [b]) => lookalike2(typed, *b),
        ([a], [_, _]) => lookalike2(genuine, *a),
        _ => false,
    }
}

/// A cell of the edit table no path reaches.
const UNREACHED: u32 = u32::MAX / 4;

/// The cheapest edits from `genuine` to `typed` (both lower case, separators removed), in half
/// edits, with the edits; `None` beyond `max` half edits.
pub fn typed_edits(typed: &str, genuine: &str, max: u32) -> Option<(u32, Vec<Edit>)> {
    let a: Vec<char> = typed.chars().collect();
    let b: Vec<char> = genuine.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) as u32 * LOOK > max * 2 || n > 64 || m > 64 {
        return None;
    }
    let mut d = vec![vec![UNREACHED; m + 1]; n + 1];
    d[0][0] = 0;
    for i in 0..=n {
        for j in 0..=m {
            let here = d[i][j];
            if here >= UNREACHED {
                continue;
            }
            let mut relax = |ii: usize, jj: usize, cost: u32| {
                if ii <= n && jj <= m && here + cost < d[ii][jj] {
                    d[ii][jj] = here + cost;
                }
            };
            if i < n && j < m {
                relax(
                    i + 1,
                    j + 1,
                    if a[i] == b[j] {
                        0
                    } else if lookalike_cost(&a[i..=i], &b[j..=j]) {
                        LOOK
                    } else {
                        EDIT
                    },
                );
            }
            relax(i + 1, j, EDIT);
            relax(i, j + 1, EDIT);
            if i + 1 < n && j + 1 < m && a[i] == b[j + 1] && a[i + 1] == b[j] && a[i] != a[i + 1] {
                relax(i + 2, j + 2, EDIT);
            }
            // Two typed characters for one (rn for m), or one for two (m for rn).
            if i + 1 < n && j < m && lookalike_cost(&a[i..i + 2], &b[j..=j]) {
                relax(i + 2, j + 1, LOOK);
            }
            if i < n && j + 1 < m && lookalike_cost(&a[i..=i], &b[j..j + 2]) {
                relax(i + 1, j + 2, LOOK);
            }
        }
    }
    let total = d[n][m];
    if total > max {
        return None;
    }
    Some((total, walk_back(&d, &a, &b)))
}

/// The edits along a cheapest path of the table `d` of [`typed_edits`], from the start.
fn walk_back(d: &[Vec<u32>], a: &[char], b: &[char]) -> Vec<Edit> {
    let mut edits = Vec::new();
    let (mut i, mut j) = (a.len(), b.len());
    while i > 0 || j > 0 {
        let here = d[i][j];
        let from = |ii: usize, jj: usize, cost: u32| d[ii][jj] < UNREACHED && d[ii][jj] + cost == here;
        if i > 0 && j > 0 && a[i - 1] == b[j - 1] && from(i - 1, j - 1, 0) {
            (i, j) = (i - 1, j - 1);
        } else if i > 0 && j > 0 && lookalike_cost(&a[i - 1..i], &b[j - 1..j]) && from(i - 1, j - 1, LOOK) {
            edits.push(Edit::Lookalike {
                typed: a[i - 1].to_string(),
                genuine: b[j - 1].to_string(),
            });
            (i, j) = (i - 1, j - 1);
        } else if i > 1 && j > 0 && lookalike_cost(&a[i - 2..i], &b[j - 1..j]) && from(i - 2, j - 1, LOOK) {
            edits.push(Edit::Lookalike {
                typed: a[i - 2..i].iter().collect(),
                genuine: b[j - 1].to_string(),
            });
            (i, j) = (i - 2, j - 1);
        } else if i > 0 && j > 1 && lookalike_cost(&a[i - 1..i], &b[j - 2..j]) && from(i - 1, j - 2, LOOK) {
            edits.push(Edit::Lookalike {
                typed: a[i - 1].to_string(),
                genuine: b[j - 2..j].iter().collect(),
            });
            (i, j) = (i - 1, j - 2);
        } else if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && from(i - 2, j - 2, EDIT) {
            edits.push(Edit::Swap {
                pair: format!("{}{}", b[j - 2], b[j - 1]),
            });
            (i, j) = (i - 2, j - 2);
        } else if i > 0 && j > 0 && from(i - 1, j - 1, EDIT) {
            edits.push(Edit::Replace {
                typed: a[i - 1].to_string(),
                genuine: b[j - 1].to_string(),
            });
            (i, j) = (i - 1, j - 1);
        } else if i > 0 && from(i - 1, j, EDIT) {
            let ch = a[i - 1];
            let doubled = (i > 1 && a[i - 2] == ch) || a.get(i) == Some(&ch);
            edits.push(if doubled {
                Edit::Double { ch }
            } else {
                Edit::Insert { ch }
            });
            i -= 1;
        } else if j > 0 {
            edits.push(Edit::Omit { ch: b[j - 1] });
            j -= 1;
        } else {
            break;
        }
    }
    edits.reverse();
    edits
}

/// A handle as typed, for counting edits: lower case, separators removed.
fn typed_key(raw: &str) -> String {
    raw.chars().filter(|c| !matches!(c, '_' | '.' | '-' | ' ')).collect()
}

/// Compares two folded handles. `raw_*` are the handles as the platforms compare them (lower
/// case, no `@`; for federated platforms the local part); `same_platform` says whether both
/// accounts are on one platform.
pub fn compare_handles(
    c: &FoldedHandle,
    raw_c: &str,
    g: &FoldedHandle,
    raw_g: &str,
    same_platform: bool,
) -> Option<(HandleRelation, f64)> {
    if c.squashed.is_empty() || g.squashed.is_empty() {
        return None;
    }
    if raw_c == raw_g || (!same_platform && c.squashed == g.squashed) {
        // A federated platform may force another separator (hw-sapporo.bsky.social).
        return (!same_platform).then_some((HandleRelation::SameOnOtherPlatform, t::HANDLE_SAME_OTHER_PLATFORM));
    }
    let (tc, tg) = (typed_key(raw_c), typed_key(raw_g));
    if c.skeleton == g.skeleton {
        // Every difference is a lookalike here, whatever the table of `LOOKALIKES` knows.
        let edits = typed_edits(&tc, &tg, u32::MAX / 8)
            .map(|(_, e)| e)
            .unwrap_or_default()
            .into_iter()
            .map(|e| match e {
                Edit::Replace { typed, genuine } => Edit::Lookalike { typed, genuine },
                other => other,
            })
            .collect();
        return Some((HandleRelation::Homoglyph { edits }, t::HANDLE_HOMOGLYPH));
    }
    if c.squashed == g.squashed {
        return Some((HandleRelation::Separator, t::HANDLE_SEPARATOR));
    }
    if c.core == g.core && g.core.len() >= 4 {
        let added = c.affixes.iter().filter(|a| !g.affixes.contains(a)).cloned().collect();
        let removed = g.affixes.iter().filter(|a| !c.affixes.contains(a)).cloned().collect();
        return Some((HandleRelation::Affix { added, removed }, t::HANDLE_AFFIX));
    }
    // The whole genuine handle as words of the candidate's, with words of its own before or
    // after (`HW_Sapporo_bot`, `kagoshimakunren.navi`): glued on (`hw_sapporokita`), more
    // letters make another name, so they count only when a separator sets them apart.
    if let Some(added) = added_words(&c.skeleton, &g.skeleton)
        && g.squashed.chars().count() >= t::HANDLE_TYPO_MIN_LEN
    {
        return Some((
            HandleRelation::Affix {
                added,
                removed: Vec::new(),
            },
            t::HANDLE_WORDS_ADDED,
        ));
    }
    // One edit that swaps an initial (s_ → f_) names another body: no typo relation.
    if replaces_short_token(&c.skeleton, &g.skeleton) {
        return None;
    }
    let shorter = tc.chars().count().min(tg.chars().count());
    if let Some((cost, edits)) = typed_edits(&tc, &tg, 2 * EDIT) {
        if cost <= EDIT && shorter >= t::HANDLE_TYPO_MIN_LEN {
            return Some((HandleRelation::Edits { edits }, t::HANDLE_TYPO));
        }
        if cost <= EDIT + LOOK && shorter >= t::HANDLE_LOOKALIKE_EDIT_MIN_LEN {
            return Some((HandleRelation::Edits { edits }, t::HANDLE_LOOKALIKE_EDIT));
        }
        if g.core.chars().count() >= t::HANDLE_TYPO_MIN_LEN
            && typed_edits(&c.core, &g.core, EDIT).is_some()
            && c.core != c.squashed
        {
            return Some((HandleRelation::AffixAndEdit, t::HANDLE_AFFIX_TYPO));
        }
        if shorter >= t::HANDLE_TWO_EDITS_MIN_LEN {
            return Some((HandleRelation::TwoEdits { edits }, t::HANDLE_TWO_EDITS));
        }
    }
    if g.core.chars().count() >= t::HANDLE_TYPO_MIN_LEN && typed_edits(&c.core, &g.core, EDIT).is_some() {
        return Some((HandleRelation::AffixAndEdit, t::HANDLE_AFFIX_TYPO));
    }
    if g.core.chars().count() >= t::HANDLE_CONTAINS_MIN_LEN && c.squashed.contains(g.core.as_str()) {
        return Some((HandleRelation::Contains, t::HANDLE_CONTAINS));
    }
    None
}

/// The words a candidate handle adds around the whole genuine handle, split at separators
/// (`hw_sapporo_bot` adds `bot` to `hw_sapporo`); `None` unless the genuine words stand together
/// and whole in it.
fn added_words(c: &str, g: &str) -> Option<Vec<String>> {
    let split = |s: &str| -> Vec<String> {
        s.split(['_', '.', '-', ' '])
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (ct, gt) = (split(c), split(g));
    if gt.is_empty() || ct.len() <= gt.len() {
        return None;
    }
    (0..=ct.len() - gt.len())
        .find(|&at| ct[at..at + gt.len()] == gt[..])
        .map(|at| ct[..at].iter().chain(&ct[at + gt.len()..]).cloned().collect())
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
    // The same letters in another order (wh for hw) are a slip, not another initial.
    let anagram = |a: &str, b: &str| {
        let (mut x, mut y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        x.sort_unstable();
        y.sort_unstable();
        x == y
    };
    matches!(differing.as_slice(), [(a, b)] if a.chars().count() == b.chars().count()
        && b.chars().count() <= t::HANDLE_SHORT_TOKEN
        && !anagram(a, b))
}

/// The part of a handle that a person picks on a federated platform: `name` of
/// `name.bsky.social` or of `name@instance`. Other handles are returned as they are.
pub fn local_part(handle: &str) -> &str {
    let h = handle.trim_start_matches(['@', '＠']);
    if let Some((user, _)) = h.split_once('@') {
        return user;
    }
    const HOSTED: &str = ".bsky.social";
    if h.len() > HOSTED.len() && h.to_ascii_lowercase().ends_with(HOSTED) {
        return &h[..h.len() - HOSTED.len()];
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold_handle;

    fn rel(c: &str, g: &str) -> Option<HandleRelation> {
        compare_handles(
            &fold_handle(c),
            &c.to_lowercase(),
            &fold_handle(g),
            &g.to_lowercase(),
            true,
        )
        .map(|r| r.0)
    }

    fn edits(c: &str, g: &str) -> Vec<Edit> {
        match rel(c, g) {
            Some(HandleRelation::Edits { edits }) => edits,
            other => panic!("{c} vs {g}: {other:?}"),
        }
    }

    #[test]
    fn relations_name_what_was_typed() {
        assert_eq!(
            rel("HW_Sapp0ro", "HW_Sapporo"),
            Some(HandleRelation::Homoglyph {
                edits: vec![Edit::Lookalike {
                    typed: "0".into(),
                    genuine: "o".into()
                }]
            })
        );
        assert_eq!(rel("HWSapporo", "HW_Sapporo"), Some(HandleRelation::Separator));
        assert!(matches!(
            rel("HW_Sapporo_official", "HW_Sapporo"),
            Some(HandleRelation::Affix { .. })
        ));
        assert_eq!(edits("HW_Sappporo", "HW_Sapporo"), vec![Edit::Double { ch: 'p' }]);
        assert_eq!(
            edits("HW_Sapproo", "HW_Sapporo"),
            vec![Edit::Swap { pair: "or".into() }]
        );
        assert_eq!(rel("HW_Hakodate", "HW_Sapporo"), None);
        assert_eq!(rel("f_wakaharo", "s_wakaharo"), None);
        assert_eq!(edits("wh_kanoya", "hw_kanoya"), vec![Edit::Swap { pair: "hw".into() }]);
        assert_eq!(
            rel("HW_Sapporo_bot", "HW_Sapporo"),
            Some(HandleRelation::Affix {
                added: vec!["bot".into()],
                removed: vec![]
            })
        );
        assert_ne!(
            rel("hw_sapporokita", "HW_Sapporo").map(|r| matches!(r, HandleRelation::Affix { .. })),
            Some(true)
        );
    }

    #[test]
    fn an_edit_touching_m_or_w_is_one_edit() {
        assert_eq!(edits("hkdmhlwitterm", "HKDMHLWitter"), vec![Edit::Insert { ch: 'm' }]);
        assert_eq!(
            edits("s_omthershw", "s_mothersHW"),
            vec![Edit::Swap { pair: "mo".into() }]
        );
        assert_eq!(
            edits("kagoshiamkunren", "kagoshimakunren"),
            vec![Edit::Swap { pair: "ma".into() }]
        );
        assert_eq!(edits("s_mmothersHW", "s_mothersHW"), vec![Edit::Double { ch: 'm' }]);
        assert_eq!(edits("s_wakaharro", "s_wakaharo"), vec![Edit::Double { ch: 'r' }]);
        let e = edits("s_rnotherssHW", "s_mothersHW");
        assert!(e.contains(&Edit::Lookalike {
            typed: "rn".into(),
            genuine: "m".into()
        }));
        assert!(e.contains(&Edit::Double { ch: 's' }), "{e:?}");
        assert_eq!(edits("kagoshimakunrn", "kagoshimakunren"), vec![Edit::Omit { ch: 'e' }]);
    }

    #[test]
    fn federated_local_parts() {
        assert_eq!(local_part("kagoshimakunren.bsky.social"), "kagoshimakunren");
        assert_eq!(local_part("mhw.sapporo.bsky.social"), "mhw.sapporo");
        assert_eq!(local_part("@s_mothersHW@pawoo.net"), "s_mothersHW");
        assert_eq!(local_part("city.bunkyo.lg.jp"), "city.bunkyo.lg.jp");
        assert_eq!(
            compare_handles(
                &fold_handle("hw-sapporo"),
                "hw-sapporo",
                &fold_handle("HW_Sapporo"),
                "hw_sapporo",
                false
            )
            .map(|r| r.0),
            Some(HandleRelation::SameOnOtherPlatform)
        );
    }
}
