//! Handle permutations, as dnstwist generates lookalike domains: homoglyph swaps (case-aware:
//! S→5 as well as s→5), affixes, separator changes (removed, changed, doubled, added between
//! any two characters), doubling, transposition, omission and insertion of a neighbouring key.
//! Every permutation is valid for the platform and differs from the original. They come in
//! probing order, round-robin over the kinds (each kind in its own rank order), so that a
//! per-night cap spends its probes on every kind; [`tonight`] picks the night's share, so that
//! every permutation is probed within [`nights_to_cover`] nights.

use std::collections::HashSet;

use crate::platform::Platform;

/// Most permutations of one handle.
pub const MAX_PERMUTATIONS: usize = 400;

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
    /// A neighbouring key typed beside a letter (`sapporo` → `sappoiro`).
    Insertion,
}

impl PermutationKind {
    /// Every kind, in rank order.
    pub const ALL: [PermutationKind; 7] = [
        PermutationKind::Homoglyph,
        PermutationKind::Affix,
        PermutationKind::Separator,
        PermutationKind::Doubling,
        PermutationKind::Transposition,
        PermutationKind::Omission,
        PermutationKind::Insertion,
    ];
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
    // Capitals have their own lookalike digits.
    ("O", &["0"]),
    ("S", &["5"]),
    ("B", &["8"]),
    ("Z", &["2"]),
    ("E", &["3"]),
    ("A", &["4"]),
    ("G", &["6"]),
    ("T", &["7"]),
];

/// The keys next to each key on a QWERTY keyboard (for insertions).
fn neighbours(c: char) -> &'static str {
    match c.to_ascii_lowercase() {
        'q' => "wa",
        'w' => "qes",
        'e' => "wrd",
        'r' => "etf",
        't' => "ryg",
        'y' => "tuh",
        'u' => "yij",
        'i' => "uok",
        'o' => "ipl",
        'p' => "o",
        'a' => "qsz",
        's' => "adw",
        'd' => "sfe",
        'f' => "dgr",
        'g' => "fht",
        'h' => "gjy",
        'j' => "hku",
        'k' => "jli",
        'l' => "ko",
        'z' => "xa",
        'x' => "zcs",
        'c' => "xvd",
        'v' => "cbf",
        'b' => "vng",
        'n' => "bmh",
        'm' => "nj",
        '0' => "9",
        '1' => "2",
        '2' => "13",
        '3' => "24",
        '4' => "35",
        '5' => "46",
        '6' => "57",
        '7' => "68",
        '8' => "79",
        '9' => "80",
        _ => "",
    }
}

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
    let raw = [homoglyphs(&stem), affixes(&stem), separators(&chars), typos(&chars)];
    for (candidate, kind) in raw.into_iter().flatten() {
        add(candidate, kind, &mut out);
    }
    round_robin(out)
}

/// One homoglyph substitution at a time.
fn homoglyphs(stem: &str) -> Vec<(String, PermutationKind)> {
    let mut out = Vec::new();
    // Homoglyphs: one substitution at a time.
    for (from, tos) in HOMOGLYPHS {
        for (i, _) in stem.match_indices(from) {
            for to in *tos {
                out.push((
                    format!("{}{}{}", &stem[..i], to, &stem[i + from.len()..]),
                    PermutationKind::Homoglyph,
                ));
            }
        }
    }
    out
}

/// Official-looking suffixes and prefixes.
fn affixes(stem: &str) -> Vec<(String, PermutationKind)> {
    let mut out = Vec::new();
    for s in SUFFIXES {
        out.push((format!("{stem}{s}"), PermutationKind::Affix));
    }
    for p in PREFIXES {
        out.push((format!("{p}{stem}"), PermutationKind::Affix));
    }
    out
}

/// Separators removed, changed or doubled; then one added between letters and digits or at a
/// case change (likeliest), then between any two characters.
fn separators(chars: &[char]) -> Vec<(String, PermutationKind)> {
    let mut out = Vec::new();
    // Separators: remove each, change each, double each; then add one between letters and
    // digits or at a case change (likeliest), then between any two characters.
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '_' | '.' | '-') {
            let rest: String = chars[i + 1..].iter().collect();
            let head: String = chars[..i].iter().collect();
            out.push((format!("{head}{rest}"), PermutationKind::Separator));
            for sep in ['_', '.'] {
                if sep != *c {
                    out.push((format!("{head}{sep}{rest}"), PermutationKind::Separator));
                }
            }
            out.push((format!("{head}{c}{c}{rest}"), PermutationKind::Separator));
        }
    }
    let between = |i: usize| {
        let head: String = chars[..i].iter().collect();
        let rest: String = chars[i..].iter().collect();
        (head, rest)
    };
    for i in 1..chars.len() {
        let (a, b) = (chars[i - 1], chars[i]);
        if a.is_ascii_alphanumeric()
            && b.is_ascii_alphanumeric()
            && (a.is_ascii_digit() != b.is_ascii_digit() || (a.is_ascii_lowercase() && b.is_ascii_uppercase()))
        {
            let (head, rest) = between(i);
            out.push((format!("{head}_{rest}"), PermutationKind::Separator));
        }
    }
    for i in 1..chars.len() {
        if chars[i - 1].is_ascii_alphanumeric() && chars[i].is_ascii_alphanumeric() {
            let (head, rest) = between(i);
            for sep in ['_', '.'] {
                out.push((format!("{head}{sep}{rest}"), PermutationKind::Separator));
            }
        }
    }
    out
}

/// One doubling, transposition, omission or insertion of a keyboard neighbour.
fn typos(chars: &[char]) -> Vec<(String, PermutationKind)> {
    let mut out = Vec::new();
    for i in 0..chars.len() {
        if chars[i].is_ascii_alphanumeric() {
            let mut v = chars.to_vec();
            v.insert(i, chars[i]);
            out.push((v.into_iter().collect(), PermutationKind::Doubling));
        }
    }
    for i in 1..chars.len() {
        if chars[i - 1] != chars[i] {
            let mut v = chars.to_vec();
            v.swap(i - 1, i);
            out.push((v.into_iter().collect(), PermutationKind::Transposition));
        }
    }
    if chars.len() > 3 {
        for i in 0..chars.len() {
            let mut v = chars.to_vec();
            v.remove(i);
            out.push((v.into_iter().collect(), PermutationKind::Omission));
        }
    }
    for (i, c) in chars.iter().enumerate() {
        for n in neighbours(*c).chars() {
            let n = if c.is_ascii_uppercase() {
                n.to_ascii_uppercase()
            } else {
                n
            };
            for at in [i, i + 1] {
                let mut v = chars.to_vec();
                v.insert(at, n);
                out.push((v.into_iter().collect(), PermutationKind::Insertion));
            }
        }
    }
    out
}

/// The permutations reordered round-robin over the kinds, each kind keeping its own order,
/// and bounded by [`MAX_PERMUTATIONS`]: a cap that cuts the list still tries every kind.
fn round_robin(all: Vec<Permutation>) -> Vec<Permutation> {
    let mut by_kind: Vec<std::collections::VecDeque<Permutation>> = PermutationKind::ALL
        .iter()
        .map(|_| std::collections::VecDeque::new())
        .collect();
    for p in all {
        let k = PermutationKind::ALL.iter().position(|k| *k == p.kind).unwrap_or(0);
        by_kind[k].push_back(p);
    }
    let mut out = Vec::new();
    while out.len() < MAX_PERMUTATIONS && by_kind.iter().any(|q| !q.is_empty()) {
        for q in &mut by_kind {
            if let Some(p) = q.pop_front()
                && out.len() < MAX_PERMUTATIONS
            {
                out.push(p);
            }
        }
    }
    out
}

/// The share of `perms` (in probing order) probed on night `night` under a cap of `cap`
/// probes: the first half of the cap every night (the likeliest of every kind), and the next
/// window of the rest, so that every permutation is probed within [`nights_to_cover`] nights.
pub fn tonight(perms: &[Permutation], cap: usize, night: u64) -> Vec<&Permutation> {
    if perms.len() <= cap {
        return perms.iter().collect();
    }
    let head = cap / 2;
    let (first, rest) = perms.split_at(head);
    let window = cap - head;
    let start = (night as usize % nights_to_cover(perms.len(), cap)) * window;
    first.iter().chain(rest.iter().skip(start).take(window)).collect()
}

/// Nights until every one of `total` permutations has been probed under a cap of `cap`.
pub fn nights_to_cover(total: usize, cap: usize) -> usize {
    if total <= cap || cap == 0 {
        return 1;
    }
    let head = cap / 2;
    (total - head).div_ceil(cap - head)
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
    fn every_one_step_kind_is_generated_and_covered_in_rotation() {
        let x: Vec<String> = permutations(Platform::X, "s_wakaharo")
            .into_iter()
            .map(|p| p.handle)
            .collect();
        // Doubled and mid-word separators, homoglyph, doubling, transposition, omission, insertion.
        for want in [
            "s__wakaharo",
            "s_waka_haro",
            "s_wakahar0",
            "s_wakaharoo",
            "s_wakahrao",
            "s_wakahro",
            "s_wakaharop",
        ] {
            assert!(x.iter().any(|h| h == want), "{want} missing");
        }
        let caps: Vec<String> = permutations(Platform::X, "HKD_MHLWitter")
            .into_iter()
            .map(|p| p.handle)
            .collect();
        assert!(caps.iter().any(|h| h == "HKD_MHLW_itter"), "mid-word separator");
        let s: Vec<String> = permutations(Platform::X, "S_mothersHW")
            .into_iter()
            .map(|p| p.handle)
            .collect();
        assert!(s.iter().any(|h| h == "5_mothersHW"), "capital S to 5");
        // Round-robin: the first few hold one of each kind.
        let ig = permutations(Platform::Instagram, "kagoshima_shinsotsu_hw");
        let first: HashSet<PermutationKind> = ig.iter().take(PermutationKind::ALL.len()).map(|p| p.kind).collect();
        assert_eq!(first.len(), PermutationKind::ALL.len(), "{:?}", &ig[..7]);
        // Rotation: the nights to cover visit every permutation.
        let cap = 25;
        let n = nights_to_cover(ig.len(), cap);
        let mut probed: HashSet<&str> = HashSet::new();
        for night in 0..n as u64 {
            let t = tonight(&ig, cap, night);
            assert!(t.len() <= cap);
            probed.extend(t.iter().map(|p| p.handle.as_str()));
        }
        assert_eq!(probed.len(), ig.len(), "{n} nights of {cap} cover all {}", ig.len());
    }

    #[test]
    fn bluesky_keeps_the_domain() {
        let p = permutations(Platform::Bluesky, "hw-sapporo.bsky.social");
        assert!(p.iter().all(|x| x.handle.ends_with(".bsky.social")));
        assert!(p.iter().any(|x| x.handle == "hw-sapp0ro.bsky.social"));
    }
}
