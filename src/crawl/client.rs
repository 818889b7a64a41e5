//! The one HTTP client every source uses.
//!
//! A request passes the SSRF guard, robots.txt (page fetches only), and the host's politeness
//! slot before it is sent; its body is streamed with a size cap; 429, 5xx and timeouts are
//! retried with exponential backoff and jitter, honouring `Retry-After` and the rate-limit
//! headers, and a limit that outlasts `max_wait` ends the request as rate limited. Redirects
//! are followed here, not inside reqwest, so every hop passes the same checks.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use reqwest::Url;
use reqwest::header::{HeaderMap, LOCATION};
use tokio::time::Instant;

use super::guard::{Guard, GuardError, GuardedResolver};
use super::ratelimit::{HostLimits, Politeness, read_limits};
use super::robots::{RobotsCache, RobotsRules};

/// Settings of the shared client. Defaults are the configuration's (conservative); the
/// configuration file and the tests override them.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Who we are, with a way to reach the operator (sent in the User-Agent).
    pub contact_url: String,
    /// Time allowed to connect.
    pub connect_timeout: Duration,
    /// Time allowed for a whole request, body included (a trickling server is cut off).
    pub total_timeout: Duration,
    /// Largest response body read, in bytes.
    pub max_body_bytes: usize,
    /// Most redirects followed for one request.
    pub max_redirects: usize,
    /// Retries after the first attempt, for timeouts, 429 and 5xx.
    pub max_retries: u32,
    /// First backoff; doubled on every retry, plus up to half again of jitter.
    pub backoff_base: Duration,
    /// Longest wait honoured for `Retry-After` or a rate-limit reset before giving up.
    pub max_wait: Duration,
    /// Hosts exempt from the SSRF guard, by exact name (loopback test and demo servers).
    pub allowed_hosts: Vec<String>,
    /// Politeness for hosts without an override.
    pub host_limits: HostLimits,
    /// Politeness per host.
    pub host_overrides: HashMap<String, HostLimits>,
    /// Whether page fetches obey robots.txt (they do unless a test says otherwise).
    pub obey_robots: bool,
    /// Requests in a row to one host that get no answer (timeouts, network errors) after
    /// which the host is taken as down (0: never).
    pub host_down_after: u32,
    /// How long a host taken as down is not asked; then one request tries it again.
    pub host_down_for: Duration,
}

impl Default for FetchConfig {
    /// The settings of a default configuration (`[crawl]` is where the defaults are written).
    fn default() -> Self {
        FetchConfig::from_config(&crate::config::Config::default())
    }
}

impl FetchConfig {
    /// The settings a configuration gives (`[crawl]`, `[contact]`).
    pub fn from_config(config: &crate::config::Config) -> FetchConfig {
        let c = &config.crawl;
        FetchConfig {
            contact_url: config.contact.url.clone(),
            connect_timeout: Duration::from_secs_f64(c.connect_timeout_secs.max(0.1)),
            total_timeout: Duration::from_secs_f64(c.timeout_secs.max(0.1)),
            max_body_bytes: c.max_body_bytes,
            max_redirects: c.max_redirects,
            max_retries: c.max_retries,
            backoff_base: Duration::from_secs(2),
            max_wait: Duration::from_secs_f64(c.max_wait_secs.max(0.0)),
            host_down_after: c.host_down_after,
            host_down_for: Duration::from_secs_f64(c.host_down_secs.max(0.0)),
            allowed_hosts: c.allowed_hosts.clone(),
            host_limits: host_limits(c.requests_per_second, c.max_concurrent_per_host),
            host_overrides: c
                .hosts
                .iter()
                .map(|(h, l)| (h.clone(), host_limits(l.requests_per_second, l.max_concurrent)))
                .collect(),
            obey_robots: true,
        }
    }
}

/// Politeness from requests per second and requests in flight.
fn host_limits(rps: f64, concurrent: usize) -> HostLimits {
    let interval = if rps > 0.0 {
        Duration::from_secs_f64(1.0 / rps)
    } else {
        Duration::from_secs(1)
    };
    HostLimits {
        min_interval: interval,
        max_concurrent: concurrent.max(1),
    }
}

/// Whether a request is to a documented API (no robots.txt) or a web page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    /// A documented API endpoint.
    Api,
    /// A web page (robots.txt applies).
    Page,
    /// A web page of a platform whose permission the operator holds (its robots.txt, which
    /// forbids automated fetching without such permission, is not applied).
    PermittedPage,
}

/// A response read whole (within the cap).
#[derive(Debug, Clone)]
pub struct Fetched {
    /// HTTP status.
    pub status: u16,
    /// The final URL, after redirects.
    pub url: Url,
    /// The URLs redirected through, in order.
    pub redirects: Vec<Url>,
    /// Response headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Vec<u8>,
}

impl Fetched {
    /// The body as text (lossy UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Why a request produced no response to look at.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not a URL.
    #[error("not a URL: {0}")]
    BadUrl(String),
    /// Refused by the SSRF guard.
    #[error("refused: {0}")]
    Guard(#[from] GuardError),
    /// robots.txt disallows the page.
    #[error("robots.txt of {origin} disallows {url}")]
    Robots {
        /// The site.
        origin: String,
        /// The page.
        url: String,
    },
    /// The body is larger than the cap.
    #[error("response from {url} is larger than {limit} bytes")]
    TooLarge {
        /// The URL.
        url: String,
        /// The cap.
        limit: usize,
    },
    /// Too many redirects.
    #[error("more than {limit} redirects from {url}")]
    TooManyRedirects {
        /// The first URL.
        url: String,
        /// The cap.
        limit: usize,
    },
    /// No complete response in time.
    #[error("timed out fetching {0}")]
    Timeout(String),
    /// Connection failed.
    #[error("network error fetching {url}: {message}")]
    Network {
        /// The URL.
        url: String,
        /// What failed: the whole chain of causes, each after a colon (reports and the
        /// database keep this text).
        message: String,
        /// The client's error itself.
        #[source]
        source: reqwest::Error,
    },
    /// The server's rate limit outlasted the retries.
    #[error("rate limited by {host} for {wait_secs} s more")]
    RateLimited {
        /// The host.
        host: String,
        /// Seconds still to wait.
        wait_secs: u64,
    },
    /// The platform's quota for the period is spent (X's monthly usage cap): waiting minutes
    /// does not help, so it is not retried.
    #[error("quota spent at {host}: {detail}; nothing more can be asked until the quota resets")]
    QuotaSpent {
        /// The host.
        host: String,
        /// What the platform said.
        detail: String,
    },
    /// The host stopped answering: the last requests to it in a row got no answer, so it is
    /// not asked for a while (each would only have waited for its timeout).
    #[error(
        "{host} stopped answering ({failures} requests in a row got no answer); not asked again for {retry_in_secs} s"
    )]
    HostDown {
        /// The host.
        host: String,
        /// Requests in a row without an answer.
        failures: u32,
        /// Seconds before it is tried again.
        retry_in_secs: u64,
    },
    /// The server kept failing.
    #[error("server error {status} from {url} after retries")]
    ServerError {
        /// Last status.
        status: u16,
        /// The URL.
        url: String,
    },
}

/// The shared client.
#[derive(Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
    guard: Arc<Guard>,
    politeness: Politeness,
    robots: RobotsCache,
    user_agent: String,
    down: std::sync::Mutex<HashMap<String, Silence>>,
}

/// Requests in a row to a host that got no answer, and until when it is taken as down.
#[derive(Debug, Default, Clone, Copy)]
struct Silence {
    failures: u32,
    down_until: Option<Instant>,
}

/// Errors reqwest reports with our guard's error somewhere in their chain.
fn guard_error_in(e: &(dyn std::error::Error + 'static)) -> Option<GuardError> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(g) = err.downcast_ref::<GuardError>() {
            return Some(g.clone());
        }
        cur = err.source();
    }
    None
}

impl Fetcher {
    /// Builds the client. Proxies from the environment are ignored: they would bypass the guard.
    pub fn new(config: FetchConfig) -> Result<Fetcher, FetchError> {
        let guard = Arc::new(Guard::new(&config.allowed_hosts));
        let user_agent = format!("narisumashi/{} (+{})", env!("CARGO_PKG_VERSION"), config.contact_url);
        let client = reqwest::Client::builder()
            .user_agent(user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .timeout(config.total_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .dns_resolver(Arc::new(GuardedResolver::new(guard.clone())))
            .build()
            .map_err(|e| FetchError::Network {
                url: String::new(),
                message: e.to_string(),
                source: e,
            })?;
        let politeness = Politeness::new(config.host_limits, config.host_overrides.clone());
        Ok(Fetcher {
            client,
            config,
            guard,
            politeness,
            robots: RobotsCache::default(),
            user_agent,
            down: Default::default(),
        })
    }

    /// The User-Agent sent with every request.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// The politeness pool (for metrics and tests).
    pub fn politeness(&self) -> &Politeness {
        &self.politeness
    }

    /// Fetches a URL: guard, robots (pages), politeness, retries, redirects, size cap.
    pub async fn get(&self, url: &str, kind: RequestKind, headers: &[(&str, &str)]) -> Result<Fetched, FetchError> {
        self.get_limited(url, kind, headers, self.config.max_body_bytes).await
    }

    /// Like [`Fetcher::get`] with its own body cap (avatars have theirs).
    pub async fn get_limited(
        &self,
        url: &str,
        kind: RequestKind,
        headers: &[(&str, &str)],
        limit: usize,
    ) -> Result<Fetched, FetchError> {
        let first = Url::parse(url).map_err(|e| FetchError::BadUrl(format!("{url} ({e})")))?;
        let mut current = first.clone();
        let mut redirects = Vec::new();
        loop {
            self.guard.check(&current)?;
            if kind == RequestKind::Page && self.config.obey_robots {
                self.check_robots(&current).await?;
            }
            let mut fetched = self.send_with_retries(&current, headers, limit).await?;
            let location = fetched
                .headers
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            match (fetched.status, location) {
                (301 | 302 | 303 | 307 | 308, Some(loc)) => {
                    if redirects.len() >= self.config.max_redirects {
                        return Err(FetchError::TooManyRedirects {
                            url: first.to_string(),
                            limit: self.config.max_redirects,
                        });
                    }
                    let next = current
                        .join(&loc)
                        .map_err(|e| FetchError::BadUrl(format!("{loc} ({e})")))?;
                    redirects.push(current);
                    current = next;
                }
                _ => {
                    fetched.redirects = redirects;
                    return Ok(fetched);
                }
            }
        }
    }

    /// Where a URL redirects to, without following it: one request (guard, robots for pages,
    /// politeness and retries as for any other), the `Location` of a 3xx resolved against the
    /// URL, or `None` when the answer is not a redirect. Short links are read this way, so the
    /// page they lead to is never fetched.
    pub async fn redirect_target(&self, url: &str, kind: RequestKind) -> Result<Option<Url>, FetchError> {
        let current = Url::parse(url).map_err(|e| FetchError::BadUrl(format!("{url} ({e})")))?;
        self.guard.check(&current)?;
        if kind == RequestKind::Page && self.config.obey_robots {
            self.check_robots(&current).await?;
        }
        let fetched = self
            .send_with_retries(&current, &[], self.config.max_body_bytes)
            .await?;
        let location = fetched.headers.get(LOCATION).and_then(|v| v.to_str().ok());
        match (fetched.status, location) {
            (301 | 302 | 303 | 307 | 308, Some(loc)) => current
                .join(loc)
                .map(Some)
                .map_err(|e| FetchError::BadUrl(format!("{loc} ({e})"))),
            _ => Ok(None),
        }
    }

    fn host_key(url: &Url) -> String {
        format!(
            "{}:{}",
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        )
    }

    async fn send_with_retries(
        &self,
        url: &Url,
        headers: &[(&str, &str)],
        limit: usize,
    ) -> Result<Fetched, FetchError> {
        let host = Self::host_key(url);
        let mut attempt = 0u32;
        loop {
            self.check_down(&host, url)?;
            let slot = self.politeness.acquire(&host).await;
            let result = self.send_once(url, headers, limit).await;
            drop(slot);
            self.note_answer(&host, &result);
            let retry_wait = match &result {
                Ok(f) => {
                    let signal = read_limits(&f.headers, SystemTime::now());
                    if signal.remaining == Some(0)
                        && let Some(w) = signal.wait
                    {
                        let w = w.min(self.config.max_wait);
                        crate::metrics::rate_limit_pause(&host, w);
                        self.politeness.pause(&host, Instant::now() + w);
                    }
                    if f.status == 429
                        && let Some(detail) = quota_spent(&f.body)
                    {
                        // Nothing this host answers will help for the rest of the run.
                        self.politeness.pause(&host, Instant::now() + self.config.max_wait);
                        return Err(FetchError::QuotaSpent {
                            host: url.host_str().unwrap_or("").to_string(),
                            detail,
                        });
                    }
                    if f.status == 429 || f.status >= 500 {
                        let wait = signal.wait.unwrap_or_else(|| self.backoff(attempt));
                        if wait > self.config.max_wait || attempt >= self.config.max_retries {
                            return Err(if f.status == 429 {
                                FetchError::RateLimited {
                                    host: url.host_str().unwrap_or("").to_string(),
                                    wait_secs: wait.as_secs(),
                                }
                            } else {
                                FetchError::ServerError {
                                    status: f.status,
                                    url: url.to_string(),
                                }
                            });
                        }
                        if f.status == 429 {
                            crate::metrics::rate_limit_pause(&host, wait);
                            self.politeness.pause(&host, Instant::now() + wait);
                            Duration::ZERO
                        } else {
                            wait
                        }
                    } else {
                        return result;
                    }
                }
                Err(FetchError::Timeout(_) | FetchError::Network { .. })
                    if attempt < self.config.max_retries && self.check_down(&host, url).is_ok() =>
                {
                    self.backoff(attempt)
                }
                Err(_) => return result,
            };
            attempt += 1;
            if !retry_wait.is_zero() {
                tokio::time::sleep(retry_wait).await;
            }
        }
    }

    /// Refuses at once a request to a host taken as down.
    fn check_down(&self, host: &str, url: &Url) -> Result<(), FetchError> {
        let down = self.down.lock().unwrap_or_else(|e| e.into_inner());
        match down.get(host) {
            Some(Silence {
                failures,
                down_until: Some(until),
            }) if *until > Instant::now() => Err(FetchError::HostDown {
                host: url.host_str().unwrap_or("").to_string(),
                failures: *failures,
                retry_in_secs: until.saturating_duration_since(Instant::now()).as_secs().max(1),
            }),
            _ => Ok(()),
        }
    }

    /// Counts a request without an answer against its host (any answer, even an error
    /// status, resets the count); the `host_down_after`-th in a row takes the host as down.
    fn note_answer(&self, host: &str, result: &Result<Fetched, FetchError>) {
        if self.config.host_down_after == 0 {
            return;
        }
        let mut down = self.down.lock().unwrap_or_else(|e| e.into_inner());
        match result {
            Err(FetchError::Timeout(_) | FetchError::Network { .. }) => {
                let s = down.entry(host.to_string()).or_default();
                s.failures += 1;
                if s.failures >= self.config.host_down_after {
                    s.down_until = Some(Instant::now() + self.config.host_down_for);
                    tracing::warn!(
                        "{host}: {} requests in a row got no answer; not asked for {} s",
                        s.failures,
                        self.config.host_down_for.as_secs()
                    );
                }
            }
            Ok(_) => {
                down.remove(host);
            }
            Err(_) => {}
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let base = self.config.backoff_base.saturating_mul(1u32 << attempt.min(10));
        // Up to half again, so that clients that failed together do not retry together.
        base + base.mul_f64(fastrand::f64() / 2.0)
    }

    async fn send_once(&self, url: &Url, headers: &[(&str, &str)], limit: usize) -> Result<Fetched, FetchError> {
        let mut req = self.client.get(url.clone());
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let map_err = |e: reqwest::Error| {
            if let Some(g) = guard_error_in(&e) {
                FetchError::Guard(g)
            } else if e.is_timeout() {
                FetchError::Timeout(url.to_string())
            } else {
                let mut message = e.to_string();
                let mut src = std::error::Error::source(&e);
                while let Some(s) = src {
                    message = format!("{message}: {s}");
                    src = s.source();
                }
                FetchError::Network {
                    url: url.to_string(),
                    message,
                    source: e,
                }
            }
        };
        let mut resp = req.send().await.map_err(map_err)?;
        if resp.content_length().is_some_and(|n| n > limit as u64) {
            return Err(FetchError::TooLarge {
                url: url.to_string(),
                limit,
            });
        }
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(map_err)? {
            if body.len() + chunk.len() > limit {
                return Err(FetchError::TooLarge {
                    url: url.to_string(),
                    limit,
                });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Fetched {
            status,
            url: url.clone(),
            redirects: Vec::new(),
            headers,
            body,
        })
    }

    async fn check_robots(&self, url: &Url) -> Result<(), FetchError> {
        let origin = url.origin().ascii_serialization();
        let rules = match self.robots.get(&origin) {
            Some(r) => r,
            None => {
                let robots_url = format!("{origin}/robots.txt");
                let rules = match Box::pin(self.get(&robots_url, RequestKind::Api, &[])).await {
                    Ok(f) if (200..300).contains(&f.status) => RobotsRules::parse("narisumashi", &f.body),
                    Ok(f) if (400..500).contains(&f.status) => RobotsRules::AllowAll,
                    Ok(f) => RobotsRules::DisallowAll(format!("robots.txt answered {}", f.status)),
                    Err(e) => RobotsRules::DisallowAll(e.to_string()),
                };
                let rules = self.robots.put(&origin, rules);
                // A Crawl-delay widens the host's spacing (capped at a minute by the parser).
                if let Some(delay) = rules.delay() {
                    self.politeness.at_least(&Self::host_key(url), delay);
                }
                rules
            }
        };
        if rules.allows(url.as_str()) {
            Ok(())
        } else {
            Err(FetchError::Robots {
                origin,
                url: url.to_string(),
            })
        }
    }
}

/// A 429 that is a spent quota rather than a window: X's usage cap answers
/// `{"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap",
/// "type":"https://api.twitter.com/2/problems/usage-capped",…}` (platform-formats §4.2). The
/// platform's `detail` is returned.
pub fn quota_spent(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Problem {
        title: Option<String>,
        detail: Option<String>,
        #[serde(rename = "type")]
        kind: Option<String>,
    }
    let p: Problem = serde_json::from_slice(body).ok()?;
    let capped = p.title.as_deref() == Some("UsageCapExceeded")
        || p.kind.as_deref().is_some_and(|t| t.ends_with("/usage-capped"));
    capped.then(|| p.detail.or(p.title).unwrap_or_else(|| "usage cap exceeded".into()))
}

#[cfg(test)]
mod config_tests {
    use std::time::Duration;

    use super::FetchConfig;

    #[test]
    fn the_client_takes_its_limits_from_the_configuration() {
        let example =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/narisumashi.example.toml")).expect("example");
        let config: crate::config::Config = toml::from_str(&example).expect("example parses");
        let f = FetchConfig::from_config(&config);
        assert_eq!(f.host_limits.min_interval, Duration::from_secs(1));
        assert!(f.host_overrides.contains_key("api.x.com"));
    }
}
