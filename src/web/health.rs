//! `/healthz` and `/metrics` for monitoring, served on a listener of their own (`[health]
//! listen`, loopback by default) so that exposing the review UI through a proxy does not
//! expose them. `/healthz` answers 200 when the process runs and the database answers, 503
//! otherwise; `/metrics` is the Prometheus text format, read from the database at each scrape
//! plus the process's rate-limit counters.

use std::fmt::Write;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::store::{Store, SuspectStatus};

/// Longest a health check waits for the database.
pub const DB_TIMEOUT: Duration = Duration::from_secs(3);

/// The health router.
pub fn router(store: Store) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .with_state(store)
}

/// Serves the health endpoints until `shutdown`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    store: Store,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Scrapers and probes are few: a small cap, the UI's time limits.
    let limits = super::listen::ListenLimits {
        max_connections: 64,
        ..Default::default()
    };
    super::listen::serve(listener, router(store), limits, shutdown).await
}

async fn database_ok(store: &Store) -> Result<(), String> {
    match tokio::time::timeout(DB_TIMEOUT, store.ping()).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(format!("no answer within {} s", DB_TIMEOUT.as_secs())),
    }
}

async fn healthz(State(store): State<Store>) -> Response {
    let (code, body) = match database_ok(&store).await {
        Ok(()) => (StatusCode::OK, serde_json::json!({"status": "ok", "database": "ok"})),
        Err(e) => (
            StatusCode::SERVICE_UNAVAILABLE,
            serde_json::json!({"status": "error", "database": e}),
        ),
    };
    (code, [(header::CACHE_CONTROL, "no-store")], axum::Json(body)).into_response()
}

/// A label value, escaped as the text format requires.
fn label(v: &str) -> String {
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// The Prometheus text exposition, written family by family. (Not the `prometheus-client`
/// crate: every figure here but the rate-limit pauses is read from the database at each scrape,
/// so a registry of process-held metrics would be built and thrown away per request, and its
/// OpenMetrics output would rename the families dashboards already use.)
#[derive(Default)]
struct Exposition(String);

impl Exposition {
    /// One family: its help and type, then a sample per `(labels, value)`.
    fn family<'a>(
        &mut self,
        name: &str,
        kind: &str,
        help: &str,
        samples: impl IntoIterator<Item = (Vec<(&'a str, String)>, String)>,
    ) {
        let _ = writeln!(self.0, "# HELP {name} {help}\n# TYPE {name} {kind}");
        for (labels, value) in samples {
            if labels.is_empty() {
                let _ = writeln!(self.0, "{name} {value}");
            } else {
                let labels: Vec<String> = labels.iter().map(|(k, v)| format!("{k}=\"{}\"", label(v))).collect();
                let _ = writeln!(self.0, "{name}{{{}}} {value}", labels.join(","));
            }
        }
    }

    /// A family of one unlabelled sample.
    fn one(&mut self, name: &str, kind: &str, help: &str, value: impl std::fmt::Display) {
        self.family(name, kind, help, [(Vec::new(), value.to_string())]);
    }
}

/// The figures the store keeps, as families (scans, suspects, sources, digests).
fn stored_families(out: &mut Exposition, f: &crate::store::StoredFigures) {
    out.family(
        "narisumashi_scans_total",
        "counter",
        "Scan runs recorded, by how they ended.",
        ["running", "finished", "failed", "interrupted"].map(|status| {
            let n = f.runs.iter().find(|(s, _)| s == status).map_or(0, |(_, n)| *n);
            (vec![("status", status.to_string())], n.to_string())
        }),
    );
    if let Some((id, status, started, finished)) = &f.last_run {
        out.one(
            "narisumashi_last_scan_duration_seconds",
            "gauge",
            "Duration of the latest ended scan.",
            (finished - started).max(0),
        );
        out.one(
            "narisumashi_last_scan_end_timestamp_seconds",
            "gauge",
            "When the latest ended scan ended.",
            finished,
        );
        out.one(
            "narisumashi_last_scan_success",
            "gauge",
            "The latest ended scan finished (1) or failed (0).",
            u8::from(status == "finished"),
        );
        out.one(
            "narisumashi_last_scan_id",
            "gauge",
            "Number of the latest ended scan.",
            id,
        );
    }
    if let Some(t) = f.last_success {
        out.one(
            "narisumashi_last_success_timestamp_seconds",
            "gauge",
            "When a scan last finished.",
            t,
        );
    }
    out.family(
        "narisumashi_suspects",
        "gauge",
        "Suspects by review status.",
        SuspectStatus::ALL.map(|s| {
            let n = f.suspects.iter().find(|(x, _)| x == s.as_str()).map_or(0, |(_, n)| *n);
            (vec![("status", s.as_str().to_string())], n.to_string())
        }),
    );
    out.family(
        "narisumashi_source_requests_total",
        "counter",
        "Lookups and searches of every scan, by source and outcome.",
        f.requests.iter().flat_map(|(p, found, not_found, blocked, failed)| {
            [
                ("found", found),
                ("not_found", not_found),
                ("blocked", blocked),
                ("failed", failed),
            ]
            .map(|(outcome, n)| {
                (
                    vec![("source", p.clone()), ("outcome", outcome.to_string())],
                    n.to_string(),
                )
            })
        }),
    );
    out.family(
        "narisumashi_source_degraded",
        "gauge",
        "The source failed its self-test in the latest scan (1), passed (0), or could not be tested (2).",
        f.probes.iter().map(|(p, status)| {
            let v = match status.as_str() {
                "ok" => 0,
                "unverified" => 2,
                _ => 1,
            };
            (vec![("source", p.clone())], v.to_string())
        }),
    );
    out.family(
        "narisumashi_notifications_total",
        "counter",
        "Digests by channel and outcome.",
        f.notifications.iter().map(|(channel, status, n)| {
            (
                vec![("channel", channel.clone()), ("status", status.clone())],
                n.to_string(),
            )
        }),
    );
}

async fn metrics(State(store): State<Store>) -> Response {
    let mut out = Exposition::default();
    out.one("narisumashi_up", "gauge", "The process is serving (always 1).", 1);
    let figures = match database_ok(&store).await {
        Ok(()) => store.figures().await.map_err(|e| e.to_string()),
        Err(e) => Err(e),
    };
    out.one(
        "narisumashi_database_up",
        "gauge",
        "The database answered.",
        u8::from(figures.is_ok()),
    );
    if let Ok(f) = &figures {
        stored_families(&mut out, f);
    }
    if figures.is_ok()
        && let Ok(servers) = store.review_servers().await
    {
        out.one(
            "narisumashi_review_servers",
            "gauge",
            "Review servers (serve) running on the database, by their heartbeats.",
            servers.len(),
        );
    }
    let pauses = crate::metrics::rate_limit_pauses();
    out.family(
        "narisumashi_rate_limit_pauses_total",
        "counter",
        "Pauses because a server said its rate limit was used up, by host (this process).",
        pauses
            .iter()
            .map(|(host, n, _)| (vec![("host", host.clone())], n.to_string())),
    );
    out.family(
        "narisumashi_rate_limit_pause_seconds_total",
        "counter",
        "Seconds of such pauses, by host (this process).",
        pauses
            .iter()
            .map(|(host, _, secs)| (vec![("host", host.clone())], format!("{secs:.3}"))),
    );
    let code = if figures.is_ok() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        code,
        [
            (header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        out.0,
    )
        .into_response()
}
