//! Per-host politeness: a minimum spacing between request starts and a cap on concurrent
//! requests per host, plus what the servers say about their own limits (rate-limit headers
//! and `Retry-After`). Separate from the retry policy in `client`, which asks this module how
//! long to wait.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Limits for one host.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HostLimits {
    /// Least time between the starts of two requests to the host.
    pub min_interval: Duration,
    /// Most requests in flight to the host at once.
    pub max_concurrent: usize,
}

impl Default for HostLimits {
    /// Conservative: one request a second, one at a time.
    fn default() -> Self {
        HostLimits {
            min_interval: Duration::from_secs(1),
            max_concurrent: 1,
        }
    }
}

#[derive(Debug)]
struct HostState {
    limits: Mutex<HostLimits>,
    in_flight: Arc<Semaphore>,
    next_start: Mutex<Instant>,
    paused_until: Mutex<Option<Instant>>,
    /// With a shared spacing: the stretch of time this process reserved for the host (its next
    /// start, and the end of the stretch), which its requests use one interval apart.
    block: tokio::sync::Mutex<Option<(Instant, Instant)>>,
}

/// How much of a host's time a process reserves at once from a shared spacing: one database
/// round trip per stretch rather than per request (at 2,000 requests a second, one per 200
/// requests). A stretch is never shorter than one interval.
const SHARED_STRETCH: Duration = Duration::from_millis(100);

/// The pool of per-host limiters shared by every source.
#[derive(Debug, Default)]
pub struct Politeness {
    default: HostLimits,
    overrides: HashMap<String, HostLimits>,
    hosts: Mutex<HashMap<String, Arc<HostState>>>,
    waits: std::sync::atomic::AtomicU64,
    shared: std::sync::OnceLock<Arc<dyn SharedPace>>,
}

/// A request spacing kept together by several processes (the scan workers of one run): each
/// start is reserved in one place, so the host sees the configured rate however many
/// processes ask. The store implements it on the run's database.
pub trait SharedPace: Send + Sync + std::fmt::Debug {
    /// Reserves a stretch of `span` for `host`'s requests, after every stretch reserved
    /// before by any process; resolves to how long to wait for its start.
    fn reserve<'a>(
        &'a self,
        host: &'a str,
        span: Duration,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Duration, String>> + Send + 'a>>;
    /// Makes every process wait `wait` before the next start to `host` (the server said so).
    fn pause<'a>(
        &'a self,
        host: &'a str,
        wait: Duration,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + 'a>>;
}

/// Held while a request runs; dropping it frees the host's slot.
#[derive(Debug)]
pub struct Slot {
    _permit: OwnedSemaphorePermit,
}

impl Politeness {
    /// A pool with default limits and per-host overrides.
    pub fn new(default: HostLimits, overrides: HashMap<String, HostLimits>) -> Politeness {
        Politeness {
            default,
            overrides,
            ..Default::default()
        }
    }

    fn state(&self, host: &str) -> Arc<HostState> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(host.to_string())
            .or_insert_with(|| {
                // Keys are `host:port`; configured overrides name the host alone or with its port.
                let bare = host.rsplit_once(':').map_or(host, |(h, _)| h);
                let limits = self
                    .overrides
                    .get(host)
                    .or_else(|| self.overrides.get(bare))
                    .copied()
                    .unwrap_or(self.default);
                Arc::new(HostState {
                    in_flight: Arc::new(Semaphore::new(limits.max_concurrent.max(1))),
                    limits: Mutex::new(limits),
                    next_start: Mutex::new(Instant::now()),
                    paused_until: Mutex::new(None),
                    block: tokio::sync::Mutex::new(None),
                })
            })
            .clone()
    }

    /// Waits until a request to `host` may start: a free slot, the spacing since the last
    /// start, and any pause the server asked for.
    pub async fn acquire(&self, host: &str) -> Slot {
        let state = self.state(host);
        let permit = state
            .in_flight
            .clone()
            .acquire_owned()
            .await
            .expect("semaphore is never closed");
        let paused = *state.paused_until.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(shared) = self.shared.get() {
            let interval = state.limits.lock().unwrap_or_else(|e| e.into_inner()).min_interval;
            match self.shared_start(shared.as_ref(), &state, host, interval).await {
                Ok(start) => {
                    let start = start.max(paused.unwrap_or(start));
                    if start > Instant::now() {
                        self.waits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        tokio::time::sleep_until(start).await;
                    }
                    return Slot { _permit: permit };
                }
                // The spacing of this process alone, then: never faster than configured here.
                Err(e) => tracing::warn!("shared request spacing unavailable for {host}: {e}"),
            }
        }
        let start = {
            let mut next = state.next_start.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            let slot = (*next).max(now).max(paused.unwrap_or(now));
            *next = slot + state.limits.lock().unwrap_or_else(|e| e.into_inner()).min_interval;
            slot
        };
        if start > Instant::now() {
            self.waits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            tokio::time::sleep_until(start).await;
        }
        Slot { _permit: permit }
    }

    /// Makes a host's spacing at least `interval` (robots.txt `Crawl-delay`); never shorter
    /// than configured.
    pub fn at_least(&self, host: &str, interval: Duration) {
        let state = self.state(host);
        let mut limits = state.limits.lock().unwrap_or_else(|e| e.into_inner());
        if limits.min_interval < interval {
            limits.min_interval = interval;
        }
    }

    /// The spacing a host currently gets.
    pub fn interval(&self, host: &str) -> Duration {
        self.state(host)
            .limits
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .min_interval
    }

    /// The start of the next request to `host` under a shared spacing: the next free time of
    /// this process's reserved stretch, or of a new stretch reserved after every other
    /// process's. Stretches do not overlap, and within one the starts are an interval apart,
    /// so the host never sees more than the configured rate from all processes together (an
    /// idle process's unused stretch is lost, never lent).
    async fn shared_start(
        &self,
        shared: &dyn SharedPace,
        state: &HostState,
        host: &str,
        interval: Duration,
    ) -> Result<Instant, String> {
        let mut block = state.block.lock().await;
        let now = Instant::now();
        if let Some((next, end)) = *block {
            let start = next.max(now);
            if start < end {
                *block = Some((start + interval, end));
                return Ok(start);
            }
        }
        let n = (SHARED_STRETCH.as_nanos() / interval.as_nanos().max(1)).clamp(1, 10_000) as u32;
        let stretch = interval * n;
        let wait = shared.reserve(host, stretch).await?;
        let start = Instant::now() + wait;
        *block = Some((start + interval, start + stretch));
        Ok(start)
    }

    /// Keeps the request spacing together with other processes from now on (set once).
    pub fn share(&self, pace: Arc<dyn SharedPace>) {
        let _ = self.shared.set(pace);
    }

    /// Pauses a host until `until` (the server said its limit is exhausted), for every
    /// process sharing the spacing too.
    pub fn pause(&self, host: &str, until: Instant) {
        if let Some(shared) = self.shared.get().cloned()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            let (host, wait) = (host.to_string(), until.saturating_duration_since(Instant::now()));
            runtime.spawn(async move {
                if let Err(e) = shared.pause(&host, wait).await {
                    tracing::warn!("could not share the pause of {host}: {e}");
                }
            });
        }
        let state = self.state(host);
        let mut p = state.paused_until.lock().unwrap_or_else(|e| e.into_inner());
        if p.is_none_or(|cur| cur < until) {
            *p = Some(until);
        }
    }

    /// How many requests had to wait for a host's spacing or pause (for metrics).
    pub fn waits(&self) -> u64 {
        self.waits.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// What a response says about the server's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LimitSignal {
    /// Requests left in the window, when the server says.
    pub remaining: Option<u64>,
    /// How long until the window resets (or the server asks to retry), from now.
    pub wait: Option<Duration>,
}

/// Reads `Retry-After` (seconds or HTTP date) and the rate-limit headers of the platforms:
/// X's `x-rate-limit-remaining`/`x-rate-limit-reset` (epoch seconds), Mastodon's
/// `X-RateLimit-Reset` (ISO 8601), and the IETF draft's `RateLimit-Reset` (delta seconds).
pub fn read_limits(headers: &HeaderMap, now: SystemTime) -> LimitSignal {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
    let remaining = ["x-rate-limit-remaining", "x-ratelimit-remaining", "ratelimit-remaining"]
        .iter()
        .find_map(|h| text(h).and_then(|v| v.parse::<u64>().ok()));
    let retry_after = text("retry-after").and_then(|v| match v.parse::<u64>() {
        Ok(secs) => Some(Duration::from_secs(secs)),
        Err(_) => httpdate::parse_http_date(v)
            .ok()
            .map(|t| t.duration_since(now).unwrap_or_default()),
    });
    let reset = ["x-rate-limit-reset", "x-ratelimit-reset", "ratelimit-reset"]
        .iter()
        .find_map(|h| {
            let v = text(h)?;
            if let Ok(n) = v.parse::<u64>() {
                // Epoch seconds are large; small numbers are delta seconds (IETF draft).
                return Some(if n > 1_000_000_000 {
                    (SystemTime::UNIX_EPOCH + Duration::from_secs(n))
                        .duration_since(now)
                        .unwrap_or_default()
                } else {
                    Duration::from_secs(n)
                });
            }
            let t = chrono::DateTime::parse_from_rfc3339(v).ok()?;
            let nanos = t.timestamp_nanos_opt().unwrap_or(0).max(0);
            let at = SystemTime::UNIX_EPOCH + Duration::from_secs_f64(nanos as f64 / 1e9);
            Some(at.duration_since(now).unwrap_or_default())
        });
    LimitSignal {
        remaining,
        wait: retry_after.or(reset),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(
                HeaderName::from_bytes(k.as_bytes()).expect("name"),
                HeaderValue::from_str(v).expect("value"),
            );
        }
        h
    }

    #[test]
    fn overrides_named_by_host_apply_to_host_and_port_keys() {
        let slow = HostLimits {
            min_interval: Duration::from_secs(3),
            max_concurrent: 1,
        };
        let fast = HostLimits {
            min_interval: Duration::from_millis(1),
            max_concurrent: 8,
        };
        let p = Politeness::new(slow, HashMap::from([("api.x.com".to_string(), fast)]));
        assert_eq!(p.interval("api.x.com:443"), fast.min_interval);
        assert_eq!(p.interval("example.org:443"), slow.min_interval);
    }

    #[test]
    fn reads_every_platforms_headers() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_705_420_000);
        let x = read_limits(
            &headers(&[("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", "1705420800")]),
            now,
        );
        assert_eq!(
            x,
            LimitSignal {
                remaining: Some(0),
                wait: Some(Duration::from_secs(800))
            }
        );
        let m = read_limits(
            &headers(&[
                ("X-RateLimit-Remaining", "0"),
                ("X-RateLimit-Reset", "2024-01-16T16:00:00.123456Z"),
            ]),
            now,
        );
        assert_eq!(m.wait.map(|d| d.as_secs()), Some(1_705_420_800 - 1_705_420_000));
        let ietf = read_limits(
            &headers(&[("RateLimit-Remaining", "3"), ("RateLimit-Reset", "30")]),
            now,
        );
        assert_eq!(
            ietf,
            LimitSignal {
                remaining: Some(3),
                wait: Some(Duration::from_secs(30))
            }
        );
        let ra = read_limits(&headers(&[("Retry-After", "7")]), now);
        assert_eq!(ra.wait, Some(Duration::from_secs(7)));
        let date = read_limits(&headers(&[("Retry-After", "Tue, 16 Jan 2024 16:00:00 GMT")]), now);
        assert_eq!(date.wait, Some(Duration::from_secs(800)));
        assert_eq!(
            read_limits(&headers(&[("Retry-After", "soon")]), now),
            LimitSignal::default()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn spacing_holds_between_request_starts() {
        let p = Arc::new(Politeness::new(
            HostLimits {
                min_interval: Duration::from_millis(500),
                max_concurrent: 4,
            },
            HashMap::new(),
        ));
        let t0 = Instant::now();
        let mut starts = Vec::new();
        for _ in 0..4 {
            let _slot = p.acquire("api.x.com").await;
            starts.push(t0.elapsed());
        }
        for w in starts.windows(2) {
            assert!(w[1] - w[0] >= Duration::from_millis(500), "{starts:?}");
        }
        // Another host is not held up.
        let t1 = Instant::now();
        let _slot = p.acquire("www.googleapis.com").await;
        assert!(t1.elapsed() < Duration::from_millis(10));
    }
}
