//! Process-wide counters that `/metrics` reports and the database does not hold: how often and
//! how long the crawler paused for a server's rate limit, per host. Everything else `/metrics`
//! shows is read from the database at scrape time (`Store::figures`).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

/// Pauses per host: (count, seconds).
static RATE_LIMIT_PAUSES: Mutex<BTreeMap<String, (u64, f64)>> = Mutex::new(BTreeMap::new());

/// Counts a pause the crawler takes because `host` said its rate limit is used up.
pub fn rate_limit_pause(host: &str, wait: Duration) {
    let mut m = RATE_LIMIT_PAUSES.lock().unwrap_or_else(|e| e.into_inner());
    let e = m.entry(host.to_string()).or_default();
    e.0 += 1;
    e.1 += wait.as_secs_f64();
}

/// Pauses so far, by host: (host, count, seconds).
pub fn rate_limit_pauses() -> Vec<(String, u64, f64)> {
    RATE_LIMIT_PAUSES
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .map(|(h, (n, s))| (h.clone(), *n, *s))
        .collect()
}
