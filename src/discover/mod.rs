//! Candidate generation: the search queries and the handle permutations to probe for each
//! genuine account. It decides nothing; what it finds goes to the matcher.

pub mod permutations;

pub use permutations::{MAX_PERMUTATIONS, Permutation, PermutationKind, permutations};

use crate::matching::Genuine;
use crate::normalize::name_variants;

/// Most search queries derived from one genuine account (searches cost quota).
pub const MAX_QUERIES_PER_ACCOUNT: usize = 5;

/// Search queries for a genuine account: its name without decorations, its shorter name
/// variants and aliases, and its handle; distinct, most specific first.
pub fn queries(g: &Genuine) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |q: String| {
        let q = q.split_whitespace().collect::<Vec<_>>().join(" ");
        if q.chars().count() >= 2 && !out.iter().any(|o| o == &q) {
            out.push(q);
        }
    };
    let names = std::iter::once(g.display_name.as_str()).chain(g.aliases.iter().map(String::as_str));
    for name in names {
        for v in name_variants(name)
            .into_iter()
            .skip(1)
            .chain(std::iter::once(name.to_string()))
        {
            push(strip_decorations(&v));
        }
    }
    if let Some(h) = &g.handle {
        push(h.trim_start_matches('@').to_string());
    }
    // Shorter queries find more; keep the bound.
    out.sort_by_key(|q| q.chars().count());
    out.truncate(MAX_QUERIES_PER_ACCOUNT);
    out
}

/// A name without 【公式】-style decorations, for searching as people type.
fn strip_decorations(name: &str) -> String {
    let mut s = name.to_string();
    for d in [
        "【公式】",
        "［公式］",
        "[公式]",
        "（公式）",
        "(公式)",
        "公式アカウント",
        "【高校生支援用】",
    ] {
        s = s.replace(d, " ");
    }
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Platform;

    #[test]
    fn queries_are_names_and_handle() {
        let g = Genuine {
            platform: Some(Platform::X),
            handle: Some("hw_obihiro".into()),
            display_name: "ハローワーク帯広(帯広公共職業安定所)【公式】".into(),
            ..Default::default()
        };
        let q = queries(&g);
        assert!(q.contains(&"ハローワーク帯広".to_string()), "{q:?}");
        assert!(q.contains(&"hw_obihiro".to_string()), "{q:?}");
        assert!(q.len() <= MAX_QUERIES_PER_ACCOUNT);
        assert!(q.iter().all(|x| !x.contains("【公式】")));
    }
}
