//! Handle permutations, as dnstwist generates lookalike domains: homoglyph swaps, affixes,
//! separator changes, doubling, transposition, omission and insertion. Every permutation is
//! valid for the platform, differs from the original, and comes ranked (most likely first)
//! and bounded, so the probes spend rate limits where impostors actually are.

use std::collections::HashSet;

use crate::platform::Platform;

/// Most permutations of one handle.
pub const MAX_PERMUTATIONS: usize = 300;

/// How a permutation was made (in rank order: earlier kinds are likelier impostor choices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PermutationKind {
    /// A lookalike character or pair (o→0, l→1, m→rn, w→vv).
    Homoglyph,
    /// An affix impostors add (`_official`, `_jp`, `official_`, digits).
    Affix,
    /// A separator added, removed or changed (`_` `.`).
    Separator,
    /// A letter doubled.
    Doubling,
    /// Two adjacent letters swapped.
    Transposition,
    /// A letter left out.
    Omission,
}

/// One permutation of a handle.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Permutation {
    /// The handle to probe.
    pub handle: String,
    /// How it was made.
    pub kind: PermutationKind,
}

const HOMOGLYPHS: &[(&str, &[&str])] = &[
    ("o", &["0"]),
    ("0", &["o"]),
    ("l", &["1", "i", "I"]),
    ("i", &["1", "l"]),
    ("I", &["l", "1"]),
    ("1", &["l", "i"]),
    ("m", &["rn", "nn"]),
    ("rn", &["m"]),
    ("w", &["vv"]),
    ("vv", &["w"]),
    ("d", &["cl"]),
    ("s", &["5"]),
    ("e", &["3"]),
    ("a", &["4"]),
    ("g", &["9", "q"]),
    ("b", &["6"]),
];

const SUFFIXES: &[&str] = &[
    "_official",
    "official",
    "_jp",
    "jp",
    "_pr",
    "_koho",
    "_info",
    "_",
    "1",
    "2",
    "0",
    "_2",
    "2024",
    "2025",
    "2026",
];
const PREFIXES: &[&str] = &["official_", "real_", "the_", "jp_"];

/// Whether `h` is a handle the platform accepts (so probes are never wasted on impossible ones).
pub fn valid_handle(platform: Platform, h: &str) -> bool {
    let ok = |max: usize, extra: &[char]| {
        !h.is_empty() && h.chars().count() <= max && h.chars().all(|c| c.is_ascii_alphanumeric() || extra.contains(&c))
    };
    match platform {
        Platform::X => ok(15, &['_']),
        Platform::Instagram => ok(30, &['_', '.']) && !h.starts_with('.') && !h.ends_with('.') && !h.contains(".."),
        Platform::Youtube => ok(30, &['_', '.', '-']),
        Platform::Bluesky => h.contains('.') && ok(253, &['.', '-']) && !h.starts_with(['.', '-']),
        Platform::Mastodon => ok(30, &['_']),
        Platform::Facebook => ok(50, &['.']),
        Platform::Line => false,
    }
}

/// Permutations of `handle` valid on `platform`, ranked and bounded. On Bluesky, the first
/// label of the domain handle is permuted and the domain kept.
pub fn permutations(platform: Platform, handle: &str) -> Vec<Permutation> {
    let original = handle.trim().trim_start_matches('@');
    let (stem, domain) = match platform {
        Platform::Bluesky => match original.split_once('.') {
            Some((s, d)) => (s.to_string(), format!(".{d}")),
            None => (original.to_string(), String::new()),
        },
        _ => (original.to_string(), String::new()),
    };
    let key = |h: &str| platform.handle_key(h);
    let original_key = key(original);
    let mut seen: HashSet<String> = HashSet::from([original_key.clone()]);
    let mut out = Vec::new();
    let mut add = |candidate: String, kind: PermutationKind, out: &mut Vec<Permutation>| {
        let full = format!("{candidate}{domain}");
        if valid_handle(platform, &full) && seen.insert(key(&full)) {
            out.push(Permutation { handle: full, kind });
        }
    };
    let chars: Vec<char> = stem.chars().collect();
    // Homoglyphs: one substitution at a time.
    for (from, tos) in HOMOGLYPHS {
        for (i, _) in stem.match_indices(from) {
            for to in *tos {
                add(
                    format!("{}{}{}", &stem[..i], to, &stem[i + from.len()..]),
                    PermutationKind::Homoglyph,
                    &mut out,
                );
            }
        }
    }
    for s in SUFFIXES {
        add(format!("{stem}{s}"), PermutationKind::Affix, &mut out);
    }
    for p in PREFIXES {
        add(format!("{p}{stem}"), PermutationKind::Affix, &mut out);
    }
    // Separators: remove each, change each, add one between letters and digits or at a case change.
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '_' | '.' | '-') {
            let rest: String = chars[i + 1..].iter().collect();
            let head: String = chars[..i].iter().collect();
            add(format!("{head}{rest}"), PermutationKind::Separator, &mut out);
            for sep in ['_', '.'] {
                if sep != *c {
                    add(format!("{head}{sep}{rest}"), PermutationKind::Separator, &mut out);
                }
            }
        }
    }
    for i in 1..chars.len() {
        let (a, b) = (chars[i - 1], chars[i]);
        if a.is_ascii_alphanumeric()
            && b.is_ascii_alphanumeric()
            && (a.is_ascii_digit() != b.is_ascii_digit() || (a.is_ascii_lowercase() && b.is_ascii_uppercase()))
        {
            let head: String = chars[..i].iter().collect();
            let rest: String = chars[i..].iter().collect();
            add(format!("{head}_{rest}"), PermutationKind::Separator, &mut out);
        }
    }
    for i in 0..chars.len() {
        if chars[i].is_ascii_alphanumeric() {
            let mut v = chars.clone();
            v.insert(i, chars[i]);
            add(v.into_iter().collect(), PermutationKind::Doubling, &mut out);
        }
    }
    for i in 1..chars.len() {
        if chars[i - 1] != chars[i] {
            let mut v = chars.clone();
            v.swap(i - 1, i);
            add(v.into_iter().collect(), PermutationKind::Transposition, &mut out);
        }
    }
    if chars.len() > 3 {
        for i in 0..chars.len() {
            let mut v = chars.clone();
            v.remove(i);
            add(v.into_iter().collect(), PermutationKind::Omission, &mut out);
        }
    }
    out.sort_by_key(|p| p.kind);
    out.truncate(MAX_PERMUTATIONS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_impostor_handles_are_generated() {
        let p: Vec<String> = permutations(Platform::X, "HW_Sapporo")
            .into_iter()
            .map(|p| p.handle)
            .collect();
        for want in [
            "HW_Sapp0ro",
            "HW_Sapporo_jp",
            "HW_Sapporo_pr",
            "HWSapporo",
            "HW_Sappporo",
            "HW_Sapproo",
            "HW_Sappro",
        ] {
            assert!(p.iter().any(|h| h == want), "{want} missing");
        }
        // Longer than X's 15 characters: never probed.
        assert!(
            !p.iter()
                .any(|h| h == "HW_Sapporo_official" || h == "official_HW_Sapporo")
        );
        let ig: Vec<String> = permutations(Platform::Instagram, "mhw.sapporo")
            .into_iter()
            .map(|p| p.handle)
            .collect();
        assert!(ig.iter().any(|h| h == "mhw.sapporo_official") && ig.iter().any(|h| h == "mhw_sapporo"));
        assert!(p.iter().all(|h| valid_handle(Platform::X, h)));
        assert!(!p.iter().any(|h| h.eq_ignore_ascii_case("HW_Sapporo")));
    }

    #[test]
    fn bluesky_keeps_the_domain() {
        let p = permutations(Platform::Bluesky, "hw-sapporo.bsky.social");
        assert!(p.iter().all(|x| x.handle.ends_with(".bsky.social")));
        assert!(p.iter().any(|x| x.handle == "hw-sapp0ro.bsky.social"));
    }
}
