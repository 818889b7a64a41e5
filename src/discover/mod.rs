//! Candidate generation: the search queries and the handle permutations to probe for each
//! genuine account. It decides nothing; what it finds goes to the matcher.

pub mod permutations;
pub mod plan;

pub use permutations::{MAX_PERMUTATIONS, Permutation, PermutationKind, nights_to_cover, permutations, tonight};
pub use plan::{Plan, PlatformPlan};

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

use crate::crawl::FetchOutcome;
use crate::crawl::sources::{Profile, Source, SourceStatus};
use crate::platform::Platform;

/// Search results read per query.
pub const RESULTS_PER_QUERY: usize = 50;
/// Handle permutations probed per account on platforms without batch lookups (each probe is
/// one request; batch platforms such as X probe all `MAX_PERMUTATIONS` in a few requests).
pub const PROBES_PER_ACCOUNT: usize = 25;

/// Counts of one source's requests in a discovery run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct SourceCounts {
    /// Lookups and searches made.
    pub looked_up: usize,
    /// Profiles found.
    pub found: usize,
    /// Positive "no such account" answers.
    pub not_found: usize,
    /// Accounts the platform says it removed (suspended, taken down, deactivated).
    pub gone: usize,
    /// Accounts that may exist but cannot be seen (private, personal, unknown remote).
    pub not_visible: usize,
    /// Blocked (login walls, rate limits, quota).
    pub blocked: usize,
    /// Failed (network, malformed answers).
    pub failed: usize,
}

impl SourceCounts {
    fn count<T>(&mut self, o: &FetchOutcome<T>) {
        self.looked_up += 1;
        match o {
            FetchOutcome::Found(_) => self.found += 1,
            FetchOutcome::NotFound(_) => self.not_found += 1,
            FetchOutcome::Gone(_) => self.gone += 1,
            FetchOutcome::NotVisible(_) => self.not_visible += 1,
            FetchOutcome::Blocked(_) => self.blocked += 1,
            FetchOutcome::Failed(_) => self.failed += 1,
        }
    }
}

/// What discovery found for one genuine account, and what it could not do.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Candidate profiles (distinct by platform and handle/id), for the matcher.
    pub candidates: Vec<Profile>,
    /// Per platform: requests and their outcomes.
    pub counts: Vec<(Platform, SourceCounts)>,
    /// Sources skipped, with why (for the scan report).
    pub skipped: Vec<(Platform, String)>,
    /// Blocked and failed requests, with why.
    pub problems: Vec<(Platform, String)>,
}

/// Discovers candidates for genuine account `index` on every source the night's `plan` gives
/// it: searches where the platform offers them, then handle permutations (batched where the API
/// allows; the night's share where a cap holds fewer than all of them). On a platform with a
/// quota, a handle from another platform is probed as it is (an impostor reuses it), not
/// permuted.
pub async fn run(genuine: &Genuine, sources: &[Box<dyn Source>], plan: &Plan, index: usize) -> Discovery {
    let night = plan.night;
    let mut d = Discovery::default();
    let mut seen = std::collections::HashSet::new();
    let queries = queries(genuine);
    for source in sources {
        let platform = source.platform();
        if let SourceStatus::Skipped(why) = source.status() {
            d.skipped.push((platform, why));
            continue;
        }
        if !plan.discovers(platform, index) {
            continue;
        }
        let budgeted = plan.platforms.iter().any(|p| p.platform == platform);
        let mut counts = SourceCounts::default();
        let mut keep = |p: Profile, d: &mut Discovery| {
            let key = (
                p.platform,
                p.id.clone()
                    .or_else(|| p.handle.as_deref().map(|h| p.platform.handle_key(h))),
            );
            if seen.insert(key) {
                d.candidates.push(p);
            }
        };
        if source.can_search() {
            for q in queries.iter().take(plan.queries(platform)) {
                let o = source.search(q, RESULTS_PER_QUERY).await;
                counts.count(&o);
                match o {
                    FetchOutcome::Found(ps) => ps.into_iter().for_each(|p| keep(p, &mut d)),
                    FetchOutcome::Blocked(why) | FetchOutcome::Failed(why) => d.problems.push((platform, why)),
                    FetchOutcome::NotFound(_) | FetchOutcome::Gone(_) | FetchOutcome::NotVisible(_) => {}
                }
            }
        }
        // Permutations of the genuine handle, or of a handle-like name on platforms where
        // the body has no account (an impostor there reuses the handle from elsewhere).
        if let Some(handle) = genuine.handle.as_deref().filter(|h| !h.contains(['/', ' '])) {
            let bare = handle.trim_start_matches('@');
            let mut probes: Vec<String> = Vec::new();
            if genuine.platform != Some(platform) && crate::discover::permutations::valid_handle(platform, bare) {
                probes.push(bare.to_string());
            }
            let batched = !source.can_search() && platform == Platform::X;
            let cap = if batched { MAX_PERMUTATIONS } else { PROBES_PER_ACCOUNT };
            if !budgeted || genuine.platform == Some(platform) {
                let all = permutations(platform, bare);
                probes.extend(tonight(&all, cap, night).into_iter().map(|p| p.handle.clone()));
            }
            for (_, o) in source.lookup_many(&probes).await {
                counts.count(&o);
                match o {
                    FetchOutcome::Found(p) => keep(p, &mut d),
                    FetchOutcome::Blocked(why) | FetchOutcome::Failed(why) => d.problems.push((platform, why)),
                    FetchOutcome::NotFound(_) | FetchOutcome::Gone(_) | FetchOutcome::NotVisible(_) => {}
                }
            }
        }
        d.counts.push((platform, counts));
    }
    d
}
