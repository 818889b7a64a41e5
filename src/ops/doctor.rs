//! `doctor`: checks an installation the way the nightly job will use it (the configuration,
//! the platform keys, the database and its migrations, the draft templates, free disk, the
//! mail server) and runs each source's self-test, saying for each problem how to fix it.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::config::Config;
use crate::crawl::Fetcher;
use crate::crawl::sources::{SourceStatus, for_platform};
use crate::notify::Notifier;
use crate::platform::Platform;
use crate::registry::Registry;
use crate::scan::probe;
use crate::store::{MigrationStatus, ProbeStatus, Store, SuspectFilter, database_url, redact};

/// Free space below which the database's disk is a warning.
pub const DISK_WARN_BYTES: u64 = 1 << 30;
/// Free space below which it is an error.
pub const DISK_ERROR_BYTES: u64 = 200 << 20;
/// A last finished scan older than this is a warning.
pub const STALE_SCAN_SECS: i64 = 36 * 3600;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Fine.
    Ok,
    /// Works, but worth a look.
    Warn,
    /// The nightly job will not do its work.
    Error,
}

/// One finding.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// What was checked (`config`, `keys`, `database` …).
    pub area: &'static str,
    /// How it came out.
    pub level: Level,
    /// What was found.
    pub message: String,
    /// How to fix it.
    pub fix: Option<String>,
}

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Skip everything that goes over the network (self-tests, the mail server).
    pub offline: bool,
}

fn ok(area: &'static str, message: impl Into<String>) -> Check {
    Check {
        area,
        level: Level::Ok,
        message: message.into(),
        fix: None,
    }
}

fn warn(area: &'static str, message: impl Into<String>, fix: impl Into<String>) -> Check {
    Check {
        area,
        level: Level::Warn,
        message: message.into(),
        fix: Some(fix.into()),
    }
}

fn error(area: &'static str, message: impl Into<String>, fix: impl Into<String>) -> Check {
    Check {
        area,
        level: Level::Error,
        message: message.into(),
        fix: Some(fix.into()),
    }
}

fn key_fix(p: Platform) -> &'static str {
    match p {
        Platform::X => "set NARISUMASHI_X_BEARER_TOKEN (or [x] bearer_token), or remove \"x\" from [scan] platforms",
        Platform::Youtube => {
            "set NARISUMASHI_YOUTUBE_API_KEY (or [youtube] api_key), or remove \"youtube\" from [scan] platforms"
        }
        Platform::Instagram => {
            "set [instagram] ig_user_id and NARISUMASHI_INSTAGRAM_TOKEN (the body's own business account), or remove \"instagram\" from [scan] platforms"
        }
        Platform::Facebook => {
            "Facebook pages are fetched only with Meta's permission ([pages] facebook = true); otherwise remove \"facebook\" from [scan] platforms"
        }
        _ => "see narisumashi.example.toml",
    }
}

/// Runs every check.
pub async fn run(config: &Config, registry: &Registry, opts: &Options) -> Vec<Check> {
    let mut out = Vec::new();
    check_config(config, registry, &mut out);
    let fetcher = match Fetcher::new(crate::crawl::FetchConfig::from_config(config)) {
        Ok(f) => Some(Arc::new(f)),
        Err(e) => {
            out.push(error(
                "keys",
                format!("cannot set up the HTTP client: {e}"),
                "check [crawl]",
            ));
            None
        }
    };
    let sources: Vec<_> = match &fetcher {
        Some(f) => config
            .scan
            .platforms
            .iter()
            .map(|p| for_platform(*p, config, f.clone()))
            .collect(),
        None => Vec::new(),
    };
    for s in &sources {
        match s.status() {
            SourceStatus::Ready => out.push(ok("keys", format!("{}: configured", s.platform().label()))),
            SourceStatus::Skipped(why) => out.push(warn(
                "keys",
                format!("{}: will be skipped ({why})", s.platform().label()),
                key_fix(s.platform()),
            )),
        }
    }
    let store = check_database(config, &mut out).await;
    check_templates(config, registry, &mut out);
    check_disk(config, &mut out);
    check_notify(config, registry, opts, &mut out).await;
    if !opts.offline && !sources.is_empty() {
        self_tests(registry, &sources, store.as_ref(), &mut out).await;
    }
    if let Some(s) = store {
        s.close().await;
    }
    out
}

/// The digests: recipients configured, and the mail server reachable (unless offline).
async fn check_notify(config: &Config, registry: &Registry, opts: &Options, out: &mut Vec<Check>) {
    match Notifier::new(config, registry) {
        Err(e) => out.push(error(
            "notify",
            e.to_string(),
            "fix [notify] (see narisumashi.example.toml)",
        )),
        Ok(n) => {
            if !n.has_recipients() {
                out.push(warn(
                    "notify",
                    "no recipients: nobody hears about new suspects until they open the review UI",
                    "add [notify.org.\"<org-id>\"] email = [...] or webhook = [...]",
                ));
            }
            match (n.mailer(), opts.offline) {
                (Some(m), false) => match m.check().await {
                    Ok(()) => out.push(ok("notify", "mail server: connected, TLS and login accepted")),
                    Err(e) => out.push(error(
                        "notify",
                        format!("mail server: {e}"),
                        "check [notify.smtp] host, port, security, username and NARISUMASHI_SMTP_PASSWORD",
                    )),
                },
                (Some(_), true) => out.push(ok("notify", "mail server configured (not contacted: --offline)")),
                (None, _) => {}
            }
        }
    }
}

/// Each source's self-test, on the accounts known to exist (genuine ones, open suspects).
async fn self_tests(
    registry: &Registry,
    sources: &[Box<dyn crate::crawl::sources::Source>],
    store: Option<&Store>,
    out: &mut Vec<Check>,
) {
    let snapshots = match &store {
        Some(s) => s
            .snapshots()
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|r| (r.account_key.clone(), r))
            .collect(),
        None => HashMap::new(),
    };
    let mut known = probe::known_accounts(registry, &snapshots);
    if let Some(s) = &store {
        probe::add_suspects(
            &mut known,
            &s.suspects(&SuspectFilter::open()).await.unwrap_or_default(),
        );
    }
    for p in probe::probe_all(sources, &known).await {
        let label = p.platform.label();
        out.push(match p.status {
            ProbeStatus::Ok => ok("self-test", format!("{label}: {}", p.detail)),
            ProbeStatus::Unverified => warn(
                "self-test",
                format!("{label}: {}", p.detail),
                "nothing known to be on this platform could be looked up: its \"not found\" answers are not used \
                 (an official account on it in seeds/ makes the test certain)",
            ),
            ProbeStatus::Degraded => error(
                "self-test",
                format!("{label}: {}", p.detail),
                "the platform may have changed its format or blocked the crawler: check the key, \
                 try `narisumashi fetch` on the account, and report it if the format changed",
            ),
        });
    }
}

fn check_config(config: &Config, registry: &Registry, out: &mut Vec<Check>) {
    out.push(ok(
        "config",
        format!(
            "registry: {} bodies, {} accounts",
            registry.organisations.len(),
            registry.accounts().count()
        ),
    ));
    if config.contact.url == crate::config::DEFAULT_CONTACT_URL {
        out.push(warn(
            "config",
            "[contact] url is the default: platforms cannot tell who runs this crawler",
            "set [contact] url to a page of the body that says who runs narisumashi and how to reach them",
        ));
    }
    if let Err(e) = crate::schedule::Schedule::parse(&config.scan.schedule) {
        out.push(error(
            "config",
            e.to_string(),
            "fix [scan] schedule (minute hour day month weekday)",
        ));
    }
    for (what, addr) in [
        ("[web] listen", &config.web.listen),
        ("[health] listen", &config.health.listen),
    ] {
        if addr != "none" && addr.parse::<std::net::SocketAddr>().is_err() {
            out.push(error(
                "config",
                format!("{what} = {addr:?} is not an address"),
                "use IP:PORT, e.g. 127.0.0.1:8080",
            ));
        }
    }
    if let Some(u) = &config.web.public_url
        && reqwest::Url::parse(u).is_err()
    {
        out.push(error(
            "config",
            format!("[web] public_url = {u:?} is not a URL"),
            "use https://host",
        ));
    }
    if config.notify.org.is_empty() && config.notify.smtp.is_some() {
        out.push(warn(
            "config",
            "[notify.smtp] is set but no body has recipients",
            "add [notify.org.\"<org-id>\"]",
        ));
    }
}

async fn check_database(config: &Config, out: &mut Vec<Check>) -> Option<Store> {
    let url = database_url(&config.database.url);
    let shown = redact(&url);
    let status: MigrationStatus = match Store::inspect(&url).await {
        Ok(s) => s,
        Err(e) => {
            out.push(error(
                "database",
                format!("{shown}: {}", crate::error_chain(&e)),
                "check [database] url (or NARISUMASHI_DATABASE_URL), that the server runs and the user may connect",
            ));
            return None;
        }
    };
    if !status.exists {
        out.push(warn(
            "database",
            format!("{shown} does not exist yet"),
            "it is created by the first scan",
        ));
        return None;
    }
    if !status.modified.is_empty() || !status.unknown.is_empty() {
        out.push(error(
            "database",
            format!(
                "{shown}: migrations changed since applied {:?}, or unknown to this version {:?}",
                status.modified, status.unknown
            ),
            "run the narisumashi version that wrote this database, or restore a backup",
        ));
        return None;
    }
    if status.pending.is_empty() {
        out.push(ok(
            "database",
            format!("{shown}: reachable, {} migrations applied", status.applied),
        ));
    } else {
        out.push(warn(
            "database",
            format!("{shown}: migrations not yet applied: {}", status.pending.join(", ")),
            "they are applied when serve or scan next starts (back the database up first)",
        ));
        return None;
    }
    let store = match Store::open(&url).await {
        Ok(s) => s,
        Err(e) => {
            out.push(error(
                "database",
                format!("{shown}: {}", crate::error_chain(&e)),
                "check the database",
            ));
            return None;
        }
    };
    match store.figures().await {
        Ok(f) => match f.last_success {
            Some(t) if crate::store::now() - t > STALE_SCAN_SECS => out.push(warn(
                "database",
                format!(
                    "the last finished scan ended {} hours ago",
                    (crate::store::now() - t) / 3600
                ),
                "check that serve is running (or the cron job), and its log",
            )),
            Some(_) => out.push(ok("database", "a scan finished within the last 36 hours")),
            None => out.push(warn(
                "database",
                "no scan has finished yet",
                "run `narisumashi scan` once",
            )),
        },
        Err(e) => out.push(error("database", crate::error_chain(&e), "check the database")),
    }
    Some(store)
}

fn check_templates(config: &Config, registry: &Registry, out: &mut Vec<Check>) {
    match crate::drafts::Drafter::new(registry, &config.drafts) {
        Err(e) => out.push(error(
            "templates",
            crate::error_chain(&e),
            format!(
                "fix the template in {} (or delete it to use the built-in one)",
                config.drafts.templates
            ),
        )),
        Ok(d) => {
            let today = crate::drafts::dates::JpDate::from_unix(crate::store::now());
            let mut failed = false;
            for org in &registry.organisations {
                if let Err(e) = d.accounts_page(&org.id, &today) {
                    failed = true;
                    out.push(error(
                        "templates",
                        format!("{}: {e}", org.id),
                        "fix the template the message names",
                    ));
                }
            }
            if !failed {
                let custom = Path::new(&config.drafts.templates).is_dir();
                out.push(ok(
                    "templates",
                    if custom {
                        format!("templates in {} load and render", config.drafts.templates)
                    } else {
                        "built-in templates load and render".to_string()
                    },
                ));
            }
        }
    }
}

fn check_disk(config: &Config, out: &mut Vec<Check>) {
    let url = database_url(&config.database.url);
    let dir = match crate::store::sqlite_path(&url) {
        Some(path) => {
            let path = Path::new(path);
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf()
        }
        None => std::path::PathBuf::from("."),
    };
    match fs4::available_space(&dir) {
        Ok(free) if free < DISK_ERROR_BYTES => out.push(error(
            "disk",
            format!("{}: only {} MiB free", dir.display(), free >> 20),
            "free disk space: scans and backups need room (purge old evidence with `narisumashi purge`)",
        )),
        Ok(free) if free < DISK_WARN_BYTES => out.push(warn(
            "disk",
            format!("{}: {} MiB free", dir.display(), free >> 20),
            "free disk space before it runs out",
        )),
        Ok(free) => out.push(ok(
            "disk",
            format!("{}: {:.1} GiB free", dir.display(), free as f64 / (1u64 << 30) as f64),
        )),
        Err(e) => out.push(warn(
            "disk",
            format!("{}: cannot read free space ({e})", dir.display()),
            "check the directory exists",
        )),
    }
}
