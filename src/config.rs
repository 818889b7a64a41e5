//! The configuration: one TOML file (`narisumashi.toml`, documented in
//! `narisumashi.example.toml`) with defaults for everything, plus environment overrides for
//! secrets. This is the only module that reads environment variables.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Environment variables that override secrets in the file.
pub const ENV_X_BEARER: &str = "NARISUMASHI_X_BEARER_TOKEN";
/// YouTube Data API key.
pub const ENV_YOUTUBE_KEY: &str = "NARISUMASHI_YOUTUBE_API_KEY";
/// Instagram Graph API token.
pub const ENV_INSTAGRAM_TOKEN: &str = "NARISUMASHI_INSTAGRAM_TOKEN";
/// Database URL (it may carry a password).
pub const ENV_DATABASE_URL: &str = "NARISUMASHI_DATABASE_URL";
/// SMTP password for the digests.
pub const ENV_SMTP_PASSWORD: &str = "NARISUMASHI_SMTP_PASSWORD";

/// Why the configuration cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read configuration {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid.
    #[error("configuration {path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The parser's message, with line and column.
        message: String,
    },
}

/// The whole configuration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Who runs this instance (sent in the User-Agent).
    pub contact: Contact,
    /// Where findings are stored.
    pub database: DatabaseConfig,
    /// The nightly scan.
    pub scan: ScanConfig,
    /// The HTTP client.
    pub crawl: Crawl,
    /// X API v2.
    pub x: XConfig,
    /// YouTube Data API v3.
    pub youtube: YouTubeConfig,
    /// Bluesky AppView.
    pub bluesky: BlueskyConfig,
    /// Mastodon instances.
    pub mastodon: MastodonConfig,
    /// Instagram Graph API (business discovery).
    pub instagram: InstagramConfig,
    /// Public profile pages.
    pub pages: PagesConfig,
    /// Drafts: templates and who signs them.
    pub drafts: DraftsConfig,
    /// The staff review web UI that `serve` runs.
    pub web: WebConfig,
    /// How long personal data of non-impostors is kept.
    pub retention: RetentionConfig,
    /// Digests after scheduled scans: channels and each body's recipients.
    pub notify: NotifyConfig,
    /// `/healthz` and `/metrics`.
    pub health: HealthConfig,
}

/// `/healthz` and `/metrics`, on a listener of their own.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HealthConfig {
    /// Address and port (`none`: no health listener). Loopback by default: monitoring runs on
    /// the same machine or reaches it through a tunnel or proxy of the operator's choosing.
    pub listen: String,
}

impl Default for HealthConfig {
    fn default() -> Self {
        HealthConfig {
            listen: "127.0.0.1:9650".into(),
        }
    }
}

/// Digests after scheduled scans.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NotifyConfig {
    /// Send a short "nothing new" message when a scan found nothing (per body overridable).
    pub all_clear: bool,
    /// Attempts per message before it counts as failed (the next digest carries its news).
    pub attempts: u32,
    /// Seconds before the first retry; doubled before each further one.
    pub retry_delay_secs: f64,
    /// Most runs one digest catches up on after failed deliveries.
    pub catch_up_runs: usize,
    /// Seconds for one webhook request.
    pub webhook_timeout_secs: f64,
    /// The mail server (none: no e-mail).
    pub smtp: Option<SmtpConfig>,
    /// Recipients per organisation id (`[notify.org."bunkyo-ward"]`); `"*"` receives every
    /// body's news in one digest (for the operator).
    pub org: std::collections::BTreeMap<String, Recipients>,
}

impl Default for NotifyConfig {
    fn default() -> Self {
        NotifyConfig {
            all_clear: false,
            attempts: 3,
            retry_delay_secs: 60.0,
            catch_up_runs: 14,
            webhook_timeout_secs: 15.0,
            smtp: None,
            org: Default::default(),
        }
    }
}

/// Who hears about one body's findings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Recipients {
    /// E-mail addresses (one message each).
    pub email: Vec<String>,
    /// Webhook URLs (a JSON POST each, with a `text` field chat tools show).
    pub webhook: Vec<String>,
    /// Overrides `[notify] all_clear` for this body.
    pub all_clear: Option<bool>,
}

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS, refused if the server cannot (port 587).
    #[default]
    Starttls,
    /// TLS from the start (port 465).
    Tls,
    /// No encryption: only for a relay on this machine (port 25); no password is sent.
    None,
}

/// The mail server.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    /// Host name (checked against its certificate).
    pub host: String,
    /// Port (default by `security`: 587, 465 or 25).
    pub port: Option<u16>,
    /// `starttls` (default), `tls` or `none`.
    #[serde(default)]
    pub security: SmtpSecurity,
    /// User name for AUTH.
    pub username: Option<String>,
    /// Password (or `NARISUMASHI_SMTP_PASSWORD`).
    pub password: Option<String>,
    /// Sender, e.g. `"なりすまし監視 <narisumashi@city.example.lg.jp>"`.
    pub from: String,
    /// A PEM file with the CA that signed the server's certificate, trusted instead of the
    /// system's (an internal mail server).
    pub ca_file: Option<String>,
    /// Seconds for one delivery.
    #[serde(default = "smtp_timeout")]
    pub timeout_secs: f64,
}

fn smtp_timeout() -> f64 {
    30.0
}

impl SmtpConfig {
    /// The port to connect to.
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.security {
            SmtpSecurity::Starttls => 587,
            SmtpSecurity::Tls => 465,
            SmtpSecurity::None => 25,
        })
    }
}

/// How long personal data of non-impostors is kept.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetentionConfig {
    /// Days after a dismissal before the dismissed account's evidence (sightings, bio,
    /// pictures) is purged; the dismissal itself stays as the allow-list entry.
    pub dismissed_evidence_days: i64,
}

impl Default for RetentionConfig {
    fn default() -> Self {
        RetentionConfig {
            dismissed_evidence_days: 90,
        }
    }
}

/// The staff review web UI.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WebConfig {
    /// Address and port to listen on. Loopback by default: put a TLS reverse proxy in front
    /// to serve staff on other machines.
    pub listen: String,
    /// The URL staff open (`https://narisumashi.example.lg.jp`), when behind a reverse proxy:
    /// with `https`, cookies are marked Secure; its origin is trusted for form posts.
    pub public_url: Option<String>,
    /// A session ends after this many minutes without a request.
    pub session_idle_minutes: i64,
    /// A session ends this many hours after login, used or not.
    pub session_hours: i64,
    /// Failed logins of one name in a row that lock it.
    pub login_attempts: i64,
    /// How long such a lock lasts, in minutes.
    pub login_lock_minutes: i64,
    /// Seconds allowed for a request's line and headers to arrive, and for a kept-alive
    /// connection to send its next request; then the connection is closed.
    pub header_timeout_secs: u64,
    /// Seconds allowed for a whole request (`408` after).
    pub request_timeout_secs: u64,
    /// Connections open at once; at the cap, the one waiting longest for a request is closed
    /// to make room.
    pub max_connections: usize,
    /// Public checks (`/check`, `/api/check`) one client address may make per minute; 0 turns
    /// the public check off. With several review servers on one database, each allows its
    /// share (this divided by the servers running, at least 1), so the limit holds whichever
    /// server a client reaches.
    pub check_per_minute: u32,
    /// Reverse proxies in front of `serve` (addresses or networks: `["127.0.0.1",
    /// "10.0.0.0/8"]`) whose `X-Forwarded-For` names the client for per-client limits; empty
    /// (the default): the client is the connection's peer, whatever its headers say.
    #[serde(deserialize_with = "networks")]
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

/// `[web] trusted_proxies`: each an address (`10.0.0.5`, `::1`) or a network (`10.0.0.0/8`).
fn networks<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<ipnet::IpNet>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|text| {
            let t = text.trim();
            t.parse::<ipnet::IpNet>()
                .or_else(|_| t.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| {
                    serde::de::Error::custom(format!(
                        "trusted_proxies: {text:?} is not an address or a network (10.0.0.5, 10.0.0.0/8, ::1)"
                    ))
                })
        })
        .collect()
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            listen: "127.0.0.1:8080".into(),
            public_url: None,
            session_idle_minutes: 120,
            session_hours: 12,
            login_attempts: 5,
            login_lock_minutes: 15,
            header_timeout_secs: 10,
            request_timeout_secs: 60,
            max_connections: 1024,
            check_per_minute: 30,
            trusted_proxies: Vec::new(),
        }
    }
}

/// Drafts: where staff-edited templates are, and each body's reporter details.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DraftsConfig {
    /// Directory of templates overriding the built-in ones (`templates/`; per-organisation
    /// overrides in `templates/<org-id>/`). Missing directory: the built-in templates.
    pub templates: String,
    /// Reporter details per organisation id (`[drafts.reporter."bunkyo-ward"]`).
    pub reporter: std::collections::BTreeMap<String, ReporterConfig>,
    /// The public check page's address (`https://…/check`), which the official accounts page
    /// then points citizens to; none: the page does not mention it.
    pub check_url: Option<String>,
}

impl Default for DraftsConfig {
    fn default() -> Self {
        DraftsConfig {
            templates: "templates".into(),
            reporter: Default::default(),
            check_url: None,
        }
    }
}

/// Who reports on a body's behalf; blanks become placeholders staff fill in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReporterConfig {
    /// Name of the person in charge.
    pub name: Option<String>,
    /// Their department.
    pub department: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// URL of the homepage notice (where the account post points).
    pub notice_url: Option<String>,
}

/// The database.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseConfig {
    /// An SQLite file path (`narisumashi.db`), `sqlite:PATH`, or `postgres://USER:PASS@HOST/DB`
    /// (or `NARISUMASHI_DATABASE_URL`).
    pub url: String,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig {
            url: "narisumashi.db".into(),
        }
    }
}

/// The nightly scan.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScanConfig {
    /// Platforms scanned.
    pub platforms: Vec<crate::platform::Platform>,
    /// Units of work (accounts) in progress at once; each host keeps its own politeness.
    pub concurrency: usize,
    /// When `serve` scans: a cron pattern (minute hour day month weekday) in Japan time.
    pub schedule: String,
    /// Seconds after which a scan's lease counts as abandoned when its heartbeat stops.
    pub lease_ttl_secs: u64,
    /// Seconds a claimed unit stays with the process that claimed it without that process
    /// renewing it (every third of this while it works); after that another process redoes
    /// it. A dead process on the same host loses its units at once.
    pub unit_lease_secs: u64,
    /// How long `scan --worker` waits for a run to start before it gives up.
    pub worker_wait_secs: u64,
}

impl Default for ScanConfig {
    fn default() -> Self {
        ScanConfig {
            platforms: crate::platform::Platform::ALL.to_vec(),
            concurrency: 4,
            schedule: "0 2 * * *".into(),
            lease_ttl_secs: 300,
            unit_lease_secs: 60,
            worker_wait_secs: 900,
        }
    }
}

/// Instagram's official API: business discovery with the body's own Business/Creator account.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InstagramConfig {
    /// The body's own Instagram business account id.
    pub ig_user_id: Option<String>,
    /// A Graph API access token for it (or `NARISUMASHI_INSTAGRAM_TOKEN`).
    pub access_token: Option<String>,
    /// Graph API base with version.
    pub graph_base: Option<String>,
    /// Business-discovery calls one night may make (default 4,800: the Graph API's 200 calls
    /// an hour for one user's token, over a day). Probes beyond it wait for later nights.
    pub calls_per_night: Option<u32>,
}

/// The default of `instagram.calls_per_night`.
pub const INSTAGRAM_CALLS_PER_NIGHT: u32 = 4_800;

/// Contact details of the operator.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contact {
    /// A page that says who runs this crawler and how to reach them.
    pub url: String,
}

/// Who runs the crawler, when `[contact] url` is not set.
pub const DEFAULT_CONTACT_URL: &str = "https://github.com/narisumashi/narisumashi";

impl Default for Contact {
    fn default() -> Self {
        Contact {
            url: DEFAULT_CONTACT_URL.into(),
        }
    }
}

/// Client limits; per-host overrides in `[crawl.hosts."api.x.com"]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Crawl {
    /// Seconds to connect.
    pub connect_timeout_secs: f64,
    /// Seconds for a whole request.
    pub timeout_secs: f64,
    /// Largest body read.
    pub max_body_bytes: usize,
    /// Most redirects.
    pub max_redirects: usize,
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// Longest wait honoured for a server's rate limit, in seconds.
    pub max_wait_secs: f64,
    /// Requests per second per host.
    pub requests_per_second: f64,
    /// Requests in flight per host.
    pub max_concurrent_per_host: usize,
    /// Requests in a row to one host without an answer that take it as down (0: never).
    pub host_down_after: u32,
    /// Seconds a host taken as down is not asked (its requests fail at once).
    pub host_down_secs: f64,
    /// Hosts exempt from the SSRF guard (loopback test and demo servers only).
    pub allowed_hosts: Vec<String>,
    /// Per-host politeness.
    pub hosts: HashMap<String, HostConfig>,
}

impl Default for Crawl {
    fn default() -> Self {
        Crawl {
            connect_timeout_secs: 10.0,
            timeout_secs: 30.0,
            max_body_bytes: 2 * 1024 * 1024,
            max_redirects: 5,
            max_retries: 3,
            max_wait_secs: 120.0,
            requests_per_second: 1.0,
            max_concurrent_per_host: 1,
            host_down_after: 5,
            host_down_secs: 300.0,
            allowed_hosts: Vec::new(),
            hosts: HashMap::new(),
        }
    }
}

/// Politeness of one host.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostConfig {
    /// Requests per second.
    pub requests_per_second: f64,
    /// Requests in flight.
    #[serde(default = "one")]
    pub max_concurrent: usize,
}

fn one() -> usize {
    1
}

/// X API v2.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct XConfig {
    /// Bearer token (or `NARISUMASHI_X_BEARER_TOKEN`).
    pub bearer_token: Option<String>,
    /// API base (for tests and proxies of record).
    pub base: Option<String>,
}

/// YouTube Data API v3.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct YouTubeConfig {
    /// API key (or `NARISUMASHI_YOUTUBE_API_KEY`).
    pub api_key: Option<String>,
    /// Quota units one run may spend (a project gets 10,000 a day).
    pub quota_budget: u32,
    /// API base.
    pub api_base: Option<String>,
    /// Site base for channel pages.
    pub page_base: Option<String>,
}

impl Default for YouTubeConfig {
    fn default() -> Self {
        YouTubeConfig {
            api_key: None,
            quota_budget: 9_000,
            api_base: None,
            page_base: None,
        }
    }
}

/// Bluesky.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BlueskyConfig {
    /// AppView base.
    pub base: Option<String>,
}

/// Mastodon.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MastodonConfig {
    /// Instance base URLs to search and look up on.
    pub instances: Vec<String>,
}

impl Default for MastodonConfig {
    fn default() -> Self {
        MastodonConfig {
            instances: vec!["https://mastodon.social".into(), "https://mstdn.jp".into()],
        }
    }
}

/// Public profile pages.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PagesConfig {
    /// Fetch Instagram pages: only with Instagram's express permission.
    pub instagram: bool,
    /// Fetch Facebook pages: only with Meta's express permission.
    pub facebook: bool,
    /// Bases for tests.
    pub instagram_base: Option<String>,
    /// Bases for tests.
    pub facebook_base: Option<String>,
    /// LINE page base.
    pub line_base: Option<String>,
    /// Where LINE's short links are asked for their redirect (default `https://lin.ee`; the
    /// link's code is appended as its path).
    pub line_short_base: Option<String>,
}

/// Where the database is when nothing names it: `narisumashi.db` in the per-user data
/// directory (`$XDG_DATA_HOME/narisumashi/`, else `~/.local/share/narisumashi/`), or in the
/// working directory when there is no home.
pub fn default_database(get: impl Fn(&str) -> Option<std::ffi::OsString>) -> String {
    let data = get("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| get("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .filter(|p| p.is_absolute());
    match data {
        Some(d) => d.join("narisumashi").join("narisumashi.db").display().to_string(),
        None => "narisumashi.db".into(),
    }
}

/// A database setting read from a configuration file in `dir`: a relative SQLite path is
/// taken from that directory; URLs and absolute paths are left as they are.
fn beside(url: &str, dir: &Path) -> String {
    let path = match url.strip_prefix("sqlite:") {
        Some(rest) => rest.trim_start_matches("//"),
        None if url.contains("://") => return url.to_string(),
        None => url,
    };
    if path.is_empty() || path.starts_with(':') || Path::new(path).is_absolute() || dir.as_os_str().is_empty() {
        return url.to_string();
    }
    let prefix = &url[..url.len() - path.len()];
    format!("{prefix}{}", dir.join(path).display())
}

impl Config {
    /// Reads `path`, or `./narisumashi.toml` when present, or uses the defaults; then applies
    /// the environment overrides.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let default_path = Path::new("narisumashi.toml");
        let chosen = path.or(default_path.exists().then_some(default_path));
        let mut config = match chosen {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|source| ConfigError::Read {
                    path: p.to_path_buf(),
                    source,
                })?;
                toml::from_str(&text).map_err(|e| ConfigError::Invalid {
                    path: p.to_path_buf(),
                    message: e.to_string(),
                })?
            }
            None => Config::default(),
        };
        // One database wherever the command is run from: a relative SQLite path in a
        // configuration file is the file's neighbour; with no file, the per-user data directory.
        config.database.url = match chosen {
            Some(p) => beside(&config.database.url, p.parent().unwrap_or(Path::new(""))),
            None => default_database(|k| std::env::var_os(k)),
        };
        config.apply_env(|k| std::env::var(k).ok());
        Ok(config)
    }

    /// Overrides secrets from the environment (a function, so tests pass their own).
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) {
        if let Some(t) = get(ENV_X_BEARER).filter(|v| !v.is_empty()) {
            self.x.bearer_token = Some(t);
        }
        if let Some(k) = get(ENV_YOUTUBE_KEY).filter(|v| !v.is_empty()) {
            self.youtube.api_key = Some(k);
        }
        if let Some(t) = get(ENV_INSTAGRAM_TOKEN).filter(|v| !v.is_empty()) {
            self.instagram.access_token = Some(t);
        }
        if let Some(u) = get(ENV_DATABASE_URL).filter(|v| !v.is_empty()) {
            self.database.url = u;
        }
        if let (Some(p), Some(smtp)) = (
            get(ENV_SMTP_PASSWORD).filter(|v| !v.is_empty()),
            self.notify.smtp.as_mut(),
        ) {
            smtp.password = Some(p);
        }
    }
}

#[cfg(test)]
mod tests;
