//! The demo platform: a local HTTP server on 127.0.0.1 that speaks the formats the crawler's
//! real sources read (X API v2 user lookup, YouTube Data API channels and search, Instagram
//! Graph business discovery, Facebook and LINE profile pages with Open Graph tags, robots.txt,
//! avatar files), populated with the registry's genuine accounts, impostors and innocent
//! lookalikes (see [`population`]). `narisumashi demo` scans it; the end-to-end tests and the
//! scan benchmark use it too, changing it between scans (an impostor removed, a new one).

pub mod avatars;
pub mod population;
mod server;
pub mod synthetic;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

pub use population::{DemoAccount, Role, crowd, population};

use crate::config::Config;
use crate::platform::Platform;

/// The demo Instagram business account whose token the demo scan uses.
pub const DEMO_IG_USER: &str = "17841400000000001";
/// The demo's API credentials (accepted by the demo server only).
pub const DEMO_TOKEN: &str = "demo-token";

/// What the server serves; shared with its owner, who may change it between scans.
#[derive(Default)]
pub struct World {
    /// Every account, removed ones included.
    pub accounts: Vec<DemoAccount>,
    /// Indexes of accounts the platform removed.
    pub removed: std::collections::HashSet<usize>,
    /// Delay before each answer (to make a scan slow enough to interrupt in tests).
    pub latency: Duration,
    /// Requests served.
    pub requests: u64,
    /// The most requests that arrived within any one second (a sliding window): what a
    /// platform's rate limit sees, for the benchmarks that check the scan keeps its rate.
    pub busiest_second: usize,
    /// Arrival times of the requests of the last second.
    recent: std::collections::VecDeque<std::time::Instant>,
    /// After this many requests the platform stops answering: every request waits, without
    /// a byte, until this is cleared (a platform going down mid-scan, in tests).
    pub silent_after: Option<u64>,
    /// Platforms that "changed their format": every lookup and search comes back empty, in
    /// the platform's own not-found shape (as when profiles move to an address or a markup the
    /// crawler does not read). The crawler's self-test must notice.
    pub new_format: std::collections::HashSet<Platform>,
    /// Lookup tables, rebuilt when accounts are added (so that a platform of 10,000 accounts
    /// answers as fast as a small one). Handles and ids are indexed; names may be changed in
    /// place (searches still rank by the name indexed, until accounts are added), handles and
    /// ids may not (remove the account and add a new one instead).
    index: Mutex<Arc<Index>>,
}

impl World {
    /// Counts a request's arrival in the busiest-second figure.
    pub(crate) fn count_arrival(&mut self, at: std::time::Instant) {
        self.recent.push_back(at);
        while self
            .recent
            .front()
            .is_some_and(|t| at.duration_since(*t) >= Duration::from_secs(1))
        {
            self.recent.pop_front();
        }
        self.busiest_second = self.busiest_second.max(self.recent.len());
    }
}

#[derive(Default)]
struct Index {
    built_for: usize,
    handles: HashMap<(Platform, String), Vec<usize>>,
    ids: HashMap<(Platform, String), Vec<usize>>,
    /// Search bigrams of each account's title, by account.
    titles: Vec<Box<[(char, char)]>>,
    /// The accounts whose titles have a bigram, by platform and bigram, in account order: a
    /// search reads the accounts that share a bigram with the query, not all of them (at
    /// 110,000 accounts, scanning every title made the demo platform, not the scan, the
    /// bottleneck of the workers benchmark).
    postings: HashMap<(Platform, (char, char)), Vec<usize>>,
}

impl Index {
    fn build(accounts: &[DemoAccount]) -> Index {
        let mut ix = Index {
            built_for: accounts.len(),
            ..Index::default()
        };
        for (i, a) in accounts.iter().enumerate() {
            let title: Box<[(char, char)]> = server::bigrams(&a.name).into();
            let mut distinct = title.to_vec();
            distinct.sort_unstable();
            distinct.dedup();
            for b in distinct {
                ix.postings.entry((a.platform, b)).or_default().push(i);
            }
            ix.titles.push(title);
            if let Some(h) = &a.handle {
                ix.handles
                    .entry((a.platform, a.platform.handle_key(h)))
                    .or_default()
                    .push(i);
            }
            ix.ids.entry((a.platform, a.id.clone())).or_default().push(i);
        }
        ix
    }
}

impl World {
    pub(super) fn live(&self) -> impl Iterator<Item = (usize, &DemoAccount)> {
        self.accounts
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.removed.contains(i))
    }

    /// The index, rebuilt if accounts were added since it was built. The lock is held only
    /// to look at (or replace) it: searches read their own reference, side by side.
    fn index(&self) -> Arc<Index> {
        let mut ix = self.index.lock().unwrap_or_else(|e| e.into_inner());
        if ix.built_for != self.accounts.len() {
            *ix = Arc::new(Index::build(&self.accounts));
        }
        Arc::clone(&ix)
    }

    fn first_live(&self, found: Option<&Vec<usize>>, ok: impl Fn(&DemoAccount) -> bool) -> Option<&DemoAccount> {
        found?
            .iter()
            .filter(|i| !self.removed.contains(i))
            .map(|&i| &self.accounts[i])
            .find(|a| ok(a))
    }

    fn by_handle(&self, platform: Platform, handle: &str) -> Option<&DemoAccount> {
        if self.new_format.contains(&platform) {
            return None;
        }
        let key = platform.handle_key(handle);
        let found = self.index().handles.get(&(platform, key.clone())).cloned();
        self.first_live(found.as_ref(), |a| {
            a.handle.as_deref().is_some_and(|h| platform.handle_key(h) == key)
        })
    }

    fn by_id(&self, platform: Platform, id: &str) -> Option<&DemoAccount> {
        if self.new_format.contains(&platform) {
            return None;
        }
        let found = self.index().ids.get(&(platform, id.to_string())).cloned();
        self.first_live(found.as_ref(), |a| a.id == id)
    }

    /// Whether the platform removed an account with this handle or id (and no live account
    /// has it): X then answers "User has been suspended", as it does for impostors it removed.
    fn suspended(&self, platform: Platform, handle_or_id: &str) -> bool {
        let key = platform.handle_key(handle_or_id);
        let ix = self.index();
        let mut hits = ix
            .handles
            .get(&(platform, key))
            .into_iter()
            .chain(ix.ids.get(&(platform, handle_or_id.to_string())))
            .flatten();
        hits.any(|i| self.removed.contains(i))
    }

    /// The live accounts of `platform` whose title is relevant to `query` (the query's
    /// bigrams; see [`server::relevance`]), best first (ties in account order), as a real
    /// search ranks them.
    fn search(&self, platform: Platform, query: &[(char, char)]) -> Vec<&DemoAccount> {
        if self.new_format.contains(&platform) {
            return Vec::new();
        }
        let ix = self.index();
        // How many of the query's bigrams each title has (each title is in a bigram's postings
        // once): only the titles with at least half of them are relevant, so only those are
        // scored, in account order.
        let mut shared = vec![0u32; self.accounts.len()];
        for b in query {
            for &i in ix.postings.get(&(platform, *b)).into_iter().flatten() {
                shared[i] += 1;
            }
        }
        let mut hits: Vec<(i64, &DemoAccount)> = shared
            .iter()
            .enumerate()
            .filter(|&(i, &n)| n > 0 && n as usize * 2 >= query.len() && !self.removed.contains(&i))
            .filter_map(|(i, _)| Some((server::relevance(query, &ix.titles[i])?, &self.accounts[i])))
            .collect();
        hits.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
        hits.into_iter().map(|(_, a)| a).collect()
    }
}

/// Accounts (platform, id) that appeared in an answer.
type Shown = Arc<std::sync::Mutex<std::collections::HashSet<(Platform, String)>>>;

/// A running demo platform.
pub struct DemoPlatform {
    addr: SocketAddr,
    world: Arc<RwLock<World>>,
    shown: Shown,
    task: tokio::task::JoinHandle<()>,
}

impl DemoPlatform {
    /// Starts a server on 127.0.0.1 (a free port) serving `accounts`.
    pub async fn start(accounts: Vec<DemoAccount>) -> std::io::Result<DemoPlatform> {
        let world = Arc::new(RwLock::new(World {
            accounts,
            ..World::default()
        }));
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let shown = Shown::default();
        let app = server::router(world.clone(), shown.clone(), addr);
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::error!("demo platform stopped: {e}");
            }
        });
        Ok(DemoPlatform {
            addr,
            world,
            shown,
            task,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The shared state, to read or change between scans.
    pub fn world(&self) -> Arc<RwLock<World>> {
        self.world.clone()
    }

    /// Whether an account (by platform and id) appeared in any answer so far: a search result,
    /// a lookup, a page. An impostor never shown was out of the scan's reach (discovery), not
    /// judged and cleared (matching).
    pub fn was_shown(&self, platform: Platform, id: &str) -> bool {
        self.shown
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&(platform, id.to_string()))
    }

    /// The accounts now live, with their roles.
    pub fn accounts(&self) -> Vec<DemoAccount> {
        let w = self.world.read().unwrap_or_else(|e| e.into_inner());
        w.live().map(|(_, a)| a.clone()).collect()
    }

    /// Removes an account (as the platform does after a report); false if none matches.
    pub fn remove(&self, platform: Platform, handle_or_id: &str) -> bool {
        let mut w = self.world.write().unwrap_or_else(|e| e.into_inner());
        let key = platform.handle_key(handle_or_id);
        let found = w.accounts.iter().position(|a| {
            a.platform == platform
                && (a.id == handle_or_id || a.handle.as_deref().is_some_and(|h| platform.handle_key(h) == key))
        });
        match found {
            Some(i) => w.removed.insert(i),
            None => false,
        }
    }

    /// Adds an account.
    pub fn add(&self, account: DemoAccount) {
        self.world
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .accounts
            .push(account);
    }

    /// Makes a platform answer as if it had changed its format (see [`World::new_format`]),
    /// or back.
    pub fn set_new_format(&self, platform: Platform, on: bool) {
        let mut w = self.world.write().unwrap_or_else(|e| e.into_inner());
        if on {
            w.new_format.insert(platform);
        } else {
            w.new_format.remove(&platform);
        }
    }

    /// Stops answering once `requests` more have been served (`None`: answers again).
    pub fn stop_answering_after(&self, requests: Option<u64>) {
        let mut w = self.world.write().unwrap_or_else(|e| e.into_inner());
        w.silent_after = requests.map(|n| w.requests + n);
    }

    /// Slows every answer down.
    pub fn set_latency(&self, latency: Duration) {
        self.world.write().unwrap_or_else(|e| e.into_inner()).latency = latency;
    }

    /// The configuration file that points every source at this server, with its
    /// credentials, storing into `database`. Page fetching of Facebook is switched on here
    /// because the demo platform is ours; on the real platforms it stays opt-in.
    pub fn config_toml(&self, database: &str) -> String {
        let url = self.base();
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        format!(
            r#"[database]
url = {db}

[crawl]
allowed_hosts = ["127.0.0.1"]
max_retries = 1
timeout_secs = 10

[crawl.hosts."127.0.0.1"]
requests_per_second = 2000.0
max_concurrent = 16

[x]
base = {x}
bearer_token = {token}

[youtube]
api_base = {yt}
page_base = {ytp}
api_key = {token}
quota_budget = 2000000000   # the demo platform is ours: no quota to keep to

[instagram]
ig_user_id = {ig}
access_token = {token}
graph_base = {graph}
calls_per_night = 2000000000   # the demo platform is ours: no quota to keep to

[pages]
facebook = true
facebook_base = {fb}
line_base = {line}
line_short_base = {short}

[scan]
platforms = ["x", "instagram", "facebook", "youtube", "line"]
concurrency = 4
"#,
            db = q(database),
            x = q(&format!("{url}/x")),
            token = q(DEMO_TOKEN),
            yt = q(&format!("{url}/youtube/v3")),
            ytp = q(&format!("{url}/youtube-pages")),
            ig = q(DEMO_IG_USER),
            graph = q(&format!("{url}/graph/v21.0")),
            fb = q(&format!("{url}/facebook")),
            line = q(&format!("{url}/line")),
            short = q(&format!("{url}/lin.ee")),
        )
    }

    /// [`DemoPlatform::config_toml`] as a configuration, keeping `base`'s database and
    /// contact.
    pub fn config(&self, base: &Config) -> Config {
        let mut c: Config = match toml::from_str(&self.config_toml(&base.database.url)) {
            Ok(c) => c,
            // The text above is ours and parses (tested); fall back to the base regardless.
            Err(_) => base.clone(),
        };
        c.contact = base.contact.clone();
        c
    }
}

impl Drop for DemoPlatform {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Registry;

    /// The indexed search answers what scoring every live title would, in the same order:
    /// whole names, their beginnings and a common word as queries, removed accounts left out.
    #[test]
    fn search_ranks_as_scoring_every_title_would() {
        let r = Registry::embedded().expect("embedded registry");
        let mut world = World {
            accounts: crowd(&r, 3, 800),
            ..World::default()
        };
        world.removed.extend((0..world.accounts.len()).step_by(11));
        let platforms: std::collections::BTreeSet<Platform> = world.accounts.iter().map(|a| a.platform).collect();
        let mut queries: Vec<String> = vec!["ハローワーク".into(), "公式".into(), String::new()];
        let titles: Vec<Vec<(char, char)>> = world.accounts.iter().map(|a| server::bigrams(&a.name)).collect();
        for a in world.accounts.iter().step_by(37) {
            queries.push(a.name.clone());
            queries.push(a.name.chars().take(4).collect());
        }
        let mut answered = 0;
        for p in platforms {
            for q in &queries {
                let q = server::bigrams(q);
                let fast: Vec<&str> = world.search(p, &q).iter().map(|a| a.id.as_str()).collect();
                let mut slow: Vec<(i64, &DemoAccount)> = world
                    .live()
                    .filter(|(_, a)| a.platform == p)
                    .filter_map(|(i, a)| Some((server::relevance(&q, &titles[i])?, a)))
                    .collect();
                slow.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
                let slow: Vec<&str> = slow.iter().map(|(_, a)| a.id.as_str()).collect();
                assert_eq!(fast, slow, "{p:?} {q:?}");
                answered += usize::from(!fast.is_empty());
            }
        }
        // Each whole name finds at least its own account, on its own platform.
        assert!(answered >= queries.len() / 2, "{answered} of {}", queries.len());
    }
}
