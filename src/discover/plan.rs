//! The nightly plan within the platforms' quotas. YouTube's Data API gives a project 10,000
//! units a day (a search costs 100, a lookup 1) and the Graph API about 200 business-discovery
//! calls an hour for one token, so a large registry cannot be searched and probed on those
//! platforms every night. The plan spends each budget in rotation: the open suspects' checks
//! come first, and the rest goes to a window of accounts that moves on with every scan (their
//! snapshots, searches and probes there), so every account is snapshot and discovered on every
//! platform at least once every `nights` scans; a registry that fits does it all every night. Platforms without a quota
//! (X's batched lookups, Bluesky, Mastodon, pages) discover every account every night.

use std::fmt::Write as _;

use crate::config::{Config, INSTAGRAM_CALLS_PER_NIGHT};
use crate::discover::{self, PROBES_PER_ACCOUNT, permutations};
use crate::matching::Genuine;
use crate::platform::Platform;

/// Units of one YouTube search (`search.list`).
const YOUTUBE_SEARCH: u64 = 100;

/// Nights within which the plan tries to cover every account before it cuts searches.
const WEEK: usize = 7;

/// One platform's share of the night.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformPlan {
    /// The platform.
    pub platform: Platform,
    /// Its budget for the night, in its units (YouTube quota units, Graph API calls).
    pub budget: u64,
    /// Units the night spends first: the open suspects' checks.
    pub fixed: u64,
    /// Units one account costs at most: its snapshot (when it lives on the platform), its
    /// searches and its probes.
    pub per_account: u64,
    /// Accounts in the registry.
    pub accounts: usize,
    /// Accounts discovered on this platform each night.
    pub per_night: usize,
    /// Nights until every account has been discovered here once (0: never, the budget does not
    /// cover even the fixed lookups).
    pub nights: usize,
    /// Tonight's window: the first account's index and how many.
    pub window: (usize, usize),
    /// Search queries an account gets here: all of them when the registry is covered within a
    /// week at that cost, fewer (down to one, its name) when it is not.
    pub queries: usize,
}

impl PlatformPlan {
    /// Whether account `index` is discovered on this platform tonight.
    pub fn includes(&self, index: usize) -> bool {
        let (start, len) = self.window;
        if self.accounts == 0 || len == 0 {
            return false;
        }
        (index + self.accounts - start) % self.accounts < len
    }
}

/// The night's plan: the quota-bound platforms' windows.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The night (the scan's number).
    pub night: u64,
    /// One entry per platform with a quota.
    pub platforms: Vec<PlatformPlan>,
}

impl Plan {
    /// The plan of night `night` for the genuine accounts (in registry order), the platforms
    /// scanned, and the open suspects per platform.
    pub fn new(
        genuine: &[Genuine],
        platforms: &[Platform],
        config: &Config,
        open: &[(Platform, usize)],
        night: u64,
    ) -> Plan {
        let mut out = Vec::new();
        for &platform in platforms {
            let (budget, search) = match platform {
                Platform::Youtube if config.youtube.api_key.is_some() => {
                    (u64::from(config.youtube.quota_budget), YOUTUBE_SEARCH)
                }
                Platform::Instagram if config.instagram.ig_user_id.is_some() => (
                    u64::from(config.instagram.calls_per_night.unwrap_or(INSTAGRAM_CALLS_PER_NIGHT)),
                    0,
                ),
                _ => continue,
            };
            let suspects = open
                .iter()
                .filter(|(p, _)| *p == platform)
                .map(|(_, n)| *n as u64)
                .sum::<u64>();
            // Every account's searches cost the same, so the dearest account is the one with
            // the most snapshot and probes, whatever the number of queries.
            let base = genuine.iter().map(|g| account_cost(g, platform, 0)).max().unwrap_or(0);
            let plan_with = |queries: usize| {
                let per_account = base + search * queries as u64;
                PlatformPlan {
                    queries,
                    ..window(platform, budget, suspects, per_account, genuine.len(), night)
                }
            };
            let most = if search > 0 {
                discover::MAX_QUERIES_PER_ACCOUNT
            } else {
                0
            };
            let chosen = (1..=most)
                .rev()
                .map(plan_with)
                .find(|p| (1..=WEEK).contains(&p.nights))
                .unwrap_or_else(|| plan_with(most.min(1)));
            out.push(chosen);
        }
        Plan { night, platforms: out }
    }

    /// How far tonight reaches on each quota-bound platform, for the run's record.
    pub fn coverage(&self) -> Vec<crate::store::Coverage> {
        self.platforms
            .iter()
            .map(|p| crate::store::Coverage {
                platform: p.platform,
                per_night: p.per_night,
                accounts: p.accounts,
                nights: p.nights,
            })
            .collect()
    }

    /// Search queries an account gets on `platform` tonight.
    pub fn queries(&self, platform: Platform) -> usize {
        self.platforms
            .iter()
            .find(|p| p.platform == platform)
            .map_or(discover::MAX_QUERIES_PER_ACCOUNT, |p| p.queries)
    }

    /// Whether account `index` is discovered on `platform` tonight.
    pub fn discovers(&self, platform: Platform, index: usize) -> bool {
        self.platforms
            .iter()
            .find(|p| p.platform == platform)
            .is_none_or(|p| p.includes(index))
    }

    /// The plan as staff and operators read it (`scan --plan`).
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Plan for scan #{}:", self.night);
        if self.platforms.is_empty() {
            let _ = writeln!(
                out,
                "  no platform with a quota is scanned: every account is discovered every night"
            );
        }
        for p in &self.platforms {
            let _ = writeln!(
                out,
                "  {}: budget {} {unit}; {} for the open suspects; up to {} per account (snapshot, {}probes)",
                p.platform.label(),
                p.budget,
                p.fixed,
                p.per_account,
                if p.queries > 0 {
                    format!("{} search queries, ", p.queries)
                } else {
                    String::new()
                },
                unit = if p.platform == Platform::Youtube {
                    "quota units"
                } else {
                    "calls"
                }
            );
            if p.nights == 0 {
                let _ = writeln!(
                    out,
                    "    the budget does not cover discovery: raise it (the platform's quota) or scan fewer accounts"
                );
                continue;
            }
            let last = (p.window.0 + p.window.1.max(1) - 1) % p.accounts.max(1);
            let _ = writeln!(
                out,
                "    {} of {} accounts tonight (numbers {}–{}); every account at least once every {} night{}",
                p.window.1,
                p.accounts,
                p.window.0 + 1,
                last + 1,
                p.nights,
                if p.nights == 1 { "" } else { "s" }
            );
        }
        out
    }
}

/// The most one account costs on a quota-bound platform in a night: its snapshot when it lives
/// there, its searches (`searches`: their cost at the queries allowed, counted in full, as
/// snapshots can add names), and its probes (the night's share of its handle's permutations on
/// its own platform; the handle itself elsewhere, where an impostor would reuse it).
fn account_cost(g: &Genuine, platform: Platform, searches: u64) -> u64 {
    let snapshot = u64::from(g.platform == Some(platform));
    let probes = match g.handle.as_deref().map(|h| h.trim_start_matches('@')) {
        Some(h) if g.platform == Some(platform) => permutations(platform, h).len().min(PROBES_PER_ACCOUNT) as u64,
        Some(h) if discover::permutations::valid_handle(platform, h) => 1,
        _ => 0,
    };
    snapshot + searches + probes
}

fn window(platform: Platform, budget: u64, fixed: u64, per_account: u64, accounts: usize, night: u64) -> PlatformPlan {
    let spare = budget.saturating_sub(fixed);
    let per_night = spare
        .checked_div(per_account)
        .map_or(accounts, |n| n.min(accounts as u64) as usize);
    let nights = if per_night == 0 {
        0
    } else {
        accounts.div_ceil(per_night)
    };
    let start = if nights == 0 {
        0
    } else {
        (night as usize % nights) * per_night % accounts.max(1)
    };
    PlatformPlan {
        platform,
        budget,
        fixed,
        per_account,
        accounts,
        per_night,
        nights,
        window: (start, per_night),
        queries: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_every_account_within_the_nights() {
        for (accounts, budget, per_account, fixed) in
            [(100, 9_000, 525, 40), (10_000, 9_000, 525, 400), (7, 100, 30, 0)]
        {
            let p0 = window(Platform::Youtube, budget, fixed, per_account, accounts, 0);
            assert!(p0.nights >= 1);
            let mut seen = vec![false; accounts];
            for night in 0..p0.nights as u64 {
                let p = window(Platform::Youtube, budget, fixed, per_account, accounts, night);
                assert!(
                    p.fixed + p.per_night as u64 * p.per_account <= p.budget,
                    "within the budget"
                );
                for (i, s) in seen.iter_mut().enumerate() {
                    *s |= p.includes(i);
                }
            }
            assert!(seen.iter().all(|s| *s), "{accounts} accounts in {} nights", p0.nights);
        }
        // A budget that does not even cover the fixed lookups discovers nothing, and says so.
        let broke = window(Platform::Youtube, 100, 200, 525, 10, 3);
        assert_eq!((broke.nights, broke.per_night), (0, 0));
        assert!(!broke.includes(0));
    }
}
