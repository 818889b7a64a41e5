//! The staff review web UI that `serve` runs: log-in, the review queue, the suspect page
//! (genuine and suspect side by side) with decisions, drafts (generate, view, edit with
//! history, download), scan history, the registry as scanned, staff accounts and the audit log.
//!
//! Owns HTTP: routes, access checks, forms and pages. Every page and action checks the
//! session, the role and the organisation on the server ([`auth`]); every state change needs
//! the session's CSRF token and a same-origin request (tower-http's Sec-Fetch-Site / Origin
//! check); pages carry a Content-Security-Policy without scripts, so every action works with
//! plain forms. Text from platforms reaches pages only through askama's HTML escaping, after
//! [`view`] has made invisible and lookalike characters visible.

pub mod auth;
pub mod client;
pub mod health;
pub mod i18n;
pub mod listen;
mod pages;
pub mod public;
pub mod throttle;
pub mod view;

use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use crate::config::Config;
use crate::registry::Registry;
use crate::store::{Store, StoreError};

/// What every request handler shares.
pub struct App {
    /// The database.
    pub store: Store,
    /// The registry the scans use.
    pub registry: Arc<Registry>,
    /// The configuration (`[web]`, `[drafts]`).
    pub config: Arc<Config>,
    /// Recent per-status counts of the queue, by filter.
    counts: std::sync::Mutex<std::collections::HashMap<String, CachedCounts>>,
    /// What log-ins may cost (verifications, unknown names, their audit summary).
    pub(crate) logins: throttle::LoginThrottle,
    /// The public check's answerer, prepared at its first question.
    pub(crate) checker: std::sync::OnceLock<crate::official::Checker>,
    /// The public check's per-address limit.
    pub(crate) checks: public::Limiter,
    /// This server's name among the review servers on the database (host:pid:start#n).
    server_id: String,
    /// Review servers running on the database, this one included, as last heard.
    servers: std::sync::atomic::AtomicU32,
}

/// A name for a new review server of this process: the process (host, pid, start time) and a
/// number, as a process may serve more than one (tests do).
fn next_server_id() -> String {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{}#web{n}", crate::store::Holder::this_process().0)
}

/// Per-status counts, when they were read, and the database's queue marker then.
type CachedCounts = (std::time::Instant, (i64, i64, i64), Vec<(String, i64)>);

/// How long the queue's per-status counts are reused at most while the database's queue
/// marker stays the same (decisions and scans change the marker, on whichever process; the
/// nightly purge, which deletes old closed suspects, does not, and shows within this time).
const COUNTS_TTL: std::time::Duration = std::time::Duration::from_secs(60);

impl App {
    /// The UI over a store, a registry and a configuration.
    pub fn new(store: Store, registry: Arc<Registry>, config: Arc<Config>) -> App {
        App {
            store,
            registry,
            config,
            counts: Default::default(),
            logins: Default::default(),
            checker: Default::default(),
            checks: Default::default(),
            server_id: next_server_id(),
            servers: std::sync::atomic::AtomicU32::new(1),
        }
    }

    /// Review servers running on the database, this one included, as last heard (1 until the
    /// first heartbeat).
    pub fn servers(&self) -> u32 {
        self.servers.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Says to the database that this server runs, and learns how many do.
    async fn heartbeat(&self) {
        match self.store.review_server_seen(&self.server_id).await {
            Ok(n) => self.servers.store(n, std::sync::atomic::Ordering::Relaxed),
            Err(e) => tracing::warn!("review server heartbeat: {e}"),
        }
    }

    /// Per-status counts for a queue filter. Counting 100,000 rows on every page view costs
    /// more than the page itself, so counts are reused while the database's queue marker
    /// ([`Store::queue_marker`], three index lookups) is unchanged: a decision made on another
    /// review server, or a scan's new flags, show on the next page view here.
    pub async fn queue_counts(
        &self,
        orgs: Option<&[String]>,
        platform: Option<&str>,
        min_score: Option<f64>,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        let key = format!("{orgs:?}|{platform:?}|{min_score:?}");
        let marker = self.store.queue_marker().await?;
        if let Ok(map) = self.counts.lock()
            && let Some((at, seen, counts)) = map.get(&key)
            && *seen == marker
            && at.elapsed() < COUNTS_TTL
        {
            return Ok(counts.clone());
        }
        let counts = self.store.queue_counts(orgs, platform, min_score).await?;
        if let Ok(mut map) = self.counts.lock() {
            if map.len() > 1000 {
                map.retain(|_, (at, seen, _)| *seen == marker && at.elapsed() < COUNTS_TTL);
            }
            map.insert(key, (std::time::Instant::now(), marker, counts.clone()));
        }
        Ok(counts)
    }

    /// Whether cookies are marked Secure (the public URL is https).
    pub fn secure(&self) -> bool {
        self.config
            .web
            .public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }
}

/// Why a request failed; each becomes a page with its status.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// Not logged in: go to the login page (`303`).
    #[error("login required")]
    Login(String),
    /// No such thing, or another body's (`404`).
    #[error("not found")]
    NotFound,
    /// The role does not allow it (`403`).
    #[error("forbidden")]
    Forbidden,
    /// The form's CSRF token is missing or wrong (`403`).
    #[error("CSRF token missing or wrong")]
    Csrf,
    /// The form is incomplete (`400`).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The database.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Drafts.
    #[error(transparent)]
    Draft(#[from] crate::drafts::DraftError),
    /// A page template.
    #[error("rendering a page: {0}")]
    Render(#[from] askama::Error),
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, message) = match &self {
            WebError::Login(to) => return Redirect::to(to).into_response(),
            WebError::NotFound => (StatusCode::NOT_FOUND, "ページが見つかりません。 / Not found."),
            WebError::Forbidden => (
                StatusCode::FORBIDDEN,
                "この操作を行う権限がありません。 / You may not do this.",
            ),
            WebError::Csrf => (
                StatusCode::FORBIDDEN,
                "画面の有効期限が切れました。ページを読み込み直してください。 / This form has expired; reload the page.",
            ),
            WebError::BadRequest(_) => (
                StatusCode::BAD_REQUEST,
                "入力内容を確認してください。 / Please check what you entered.",
            ),
            WebError::Draft(crate::drafts::DraftError::NotConfirmed(_)) => (
                StatusCode::CONFLICT,
                "文書は、なりすましと確認した（なりすまし確定の）アカウントについてのみ作成できます。先に確認を記録してください。 / Documents are made only for suspects confirmed as impostors; record the decision first.",
            ),
            WebError::Store(StoreError::NoSuspect(_)) => {
                (StatusCode::NOT_FOUND, "ページが見つかりません。 / Not found.")
            }
            _ => {
                tracing::error!("web: {self}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "エラーが発生しました。時間をおいて再度お試しください。 / Something went wrong.",
                )
            }
        };
        let detail = match &self {
            WebError::BadRequest(d) => format!("<p>{}</p>", crate::text::safe::html_escape(d)),
            _ => String::new(),
        };
        let body = format!(
            "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <link rel=\"stylesheet\" href=\"/static/app.css\"><title>{code}</title></head><body><main class=\"narrow\">\
             <h1>{code}</h1><p class=\"error\" role=\"alert\">{message}</p>{detail}<p><a href=\"/\">確認待ち一覧へ / To the review queue</a></p></main></body></html>",
            code = status.as_u16()
        );
        (status, axum::response::Html(body)).into_response()
    }
}

/// Percent-encodes a query value.
pub fn url_encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// A local path to return to after login or a language switch: only `/…`, never `//host`
/// or a scheme, so the parameter cannot send staff to another site.
pub fn local_path(next: Option<&str>) -> String {
    match next {
        Some(p)
            if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') && !p.chars().any(char::is_control) =>
        {
            p.to_string()
        }
        _ => "/".to_string(),
    }
}

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
                   frame-ancestors 'none'; base-uri 'none'";

/// Security headers on every response.
async fn security_headers(secure: bool, mut res: Response) -> Response {
    let h = res.headers_mut();
    let mut set = |k: header::HeaderName, v: &'static str| {
        h.entry(k).or_insert(HeaderValue::from_static(v));
    };
    set(header::CONTENT_SECURITY_POLICY, CSP);
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "same-origin");
    set(header::CACHE_CONTROL, "no-store");
    set(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=()",
    );
    if secure {
        set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }
    res
}

/// The stylesheet (no scripts anywhere).
const CSS: &str = include_str!("../../ui/static/app.css");

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        CSS,
    )
        .into_response()
}

/// The UI's routes with their middleware.
pub fn router(app: App) -> Router {
    routes(Arc::new(app))
}

/// The listener's limits from `[web]`, within this process's open-file limit.
pub fn limits(config: &Config, open_files: Option<u64>) -> listen::ListenLimits {
    let web = &config.web;
    listen::ListenLimits {
        header_read: std::time::Duration::from_secs(web.header_timeout_secs.max(1)),
        max_connections: listen::connections_within(web.max_connections, open_files),
    }
}

fn routes(app: Arc<App>) -> Router {
    let secure = app.secure();
    let request_timeout = app.config.web.request_timeout_secs;
    let mut csrf = tower_http::csrf::CsrfLayer::new();
    if let Some(origin) = app.config.web.public_url.as_deref().and_then(origin_of) {
        csrf = match csrf.clone().add_trusted_origin(&origin) {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!("[web] public_url {origin:?} cannot be a trusted origin: {e}");
                csrf
            }
        };
    }
    Router::new()
        .route("/", get(pages::home))
        .route("/login", get(pages::login_page).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/lang/{code}", get(pages::switch_lang))
        .route("/static/app.css", get(stylesheet))
        .route("/check", get(public::page))
        .route("/api/check", get(public::api))
        .route("/suspects", get(pages::queue))
        .route("/suspects.csv", get(pages::queue_csv))
        .route("/suspects/{id}", get(pages::suspect))
        .route("/suspects/{id}/decision", post(pages::decide))
        .route("/suspects/{id}/avatars/{sha}", get(pages::avatar))
        .route("/suspects/{id}/drafts", post(pages::generate_drafts))
        .route("/drafts/{id}", get(pages::draft).post(pages::save_draft))
        .route("/drafts/{id}/edit", get(pages::edit_draft))
        .route("/drafts/{id}/download", get(pages::download_draft))
        .route("/scans", get(pages::scans))
        .route("/registry", get(pages::registry))
        .route("/audit", get(pages::audit))
        .route("/users", get(pages::users).post(pages::add_user))
        .route("/users/{id}/disabled", post(pages::set_disabled))
        .fallback(|| async { WebError::NotFound })
        .with_state(app)
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            std::time::Duration::from_secs(request_timeout.max(1)),
        ))
        .layer(csrf)
        .layer(tower_http::limit::RequestBodyLimitLayer::new(2 * 1024 * 1024))
        // Outermost, so that the CSRF layer's 403, the body limit's 413 and the timeout's
        // 408 carry them too.
        .layer(axum::middleware::map_response(move |res| security_headers(secure, res)))
}

/// `scheme://host[:port]` of a URL, as browsers send it in `Origin`.
fn origin_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    Some(u.origin().ascii_serialization()).filter(|o| o != "null")
}

/// Serves the UI on a listener, within the `[web]` limits and this process's open-file
/// limit, until `shutdown` completes, saying to the database every
/// [`crate::store::SERVER_HEARTBEAT_SECS`] that it runs; writes the login summary that is
/// still pending.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: App,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = limits(&app.config, listen::raise_open_files());
    let app = Arc::new(app);
    let summaries = {
        let app = app.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(throttle::SUMMARY_EVERY);
            every.tick().await;
            loop {
                every.tick().await;
                write_login_summary(&app).await;
            }
        })
    };
    let heartbeats = {
        let app = app.clone();
        tokio::spawn(async move {
            let every = std::time::Duration::from_secs(crate::store::SERVER_HEARTBEAT_SECS);
            let mut every = tokio::time::interval(every);
            loop {
                every.tick().await;
                app.heartbeat().await;
            }
        })
    };
    let served = listen::serve(listener, routes(app.clone()), limits, shutdown).await;
    summaries.abort();
    heartbeats.abort();
    write_login_summary(&app).await;
    if let Err(e) = app.store.review_server_gone(&app.server_id).await {
        tracing::warn!("review server leaving: {e}");
    }
    served
}

/// Writes the summary of failed log-ins with unknown names, if there is one.
async fn write_login_summary(app: &App) {
    if let Some(summary) = app.logins.pending_summary()
        && let Err(e) = pages::audit_unknown_names(&app.store, &summary).await
    {
        tracing::warn!("writing the login summary to the audit log: {e}");
    }
}
