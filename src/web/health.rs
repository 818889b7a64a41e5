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

fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

async fn metrics(State(store): State<Store>) -> Response {
    let mut out = String::new();
    family(
        &mut out,
        "narisumashi_up",
        "gauge",
        "The process is serving (always 1).",
    );
    let _ = writeln!(out, "narisumashi_up 1");
    let figures = match database_ok(&store).await {
        Ok(()) => store.figures().await.map_err(|e| e.to_string()),
        Err(e) => Err(e),
    };
    family(&mut out, "narisumashi_database_up", "gauge", "The database answered.");
    let _ = writeln!(out, "narisumashi_database_up {}", u8::from(figures.is_ok()));
    if let Ok(f) = &figures {
        family(
            &mut out,
            "narisumashi_scans_total",
            "counter",
            "Scan runs recorded, by how they ended.",
        );
        for status in ["running", "finished", "failed", "interrupted"] {
            let n = f.runs.iter().find(|(s, _)| s == status).map(|(_, n)| *n).unwrap_or(0);
            let _ = writeln!(out, "narisumashi_scans_total{{status=\"{status}\"}} {n}");
        }
        if let Some((id, status, started, finished)) = &f.last_run {
            family(
                &mut out,
                "narisumashi_last_scan_duration_seconds",
                "gauge",
                "Duration of the latest ended scan.",
            );
            let _ = writeln!(
                out,
                "narisumashi_last_scan_duration_seconds {}",
                (finished - started).max(0)
            );
            family(
                &mut out,
                "narisumashi_last_scan_end_timestamp_seconds",
                "gauge",
                "When the latest ended scan ended.",
            );
            let _ = writeln!(out, "narisumashi_last_scan_end_timestamp_seconds {finished}");
            family(
                &mut out,
                "narisumashi_last_scan_success",
                "gauge",
                "The latest ended scan finished (1) or failed (0).",
            );
            let _ = writeln!(out, "narisumashi_last_scan_success {}", u8::from(status == "finished"));
            family(
                &mut out,
                "narisumashi_last_scan_id",
                "gauge",
                "Number of the latest ended scan.",
            );
            let _ = writeln!(out, "narisumashi_last_scan_id {id}");
        }
        if let Some(t) = f.last_success {
            family(
                &mut out,
                "narisumashi_last_success_timestamp_seconds",
                "gauge",
                "When a scan last finished.",
            );
            let _ = writeln!(out, "narisumashi_last_success_timestamp_seconds {t}");
        }
        family(&mut out, "narisumashi_suspects", "gauge", "Suspects by review status.");
        for s in SuspectStatus::ALL {
            let n = f
                .suspects
                .iter()
                .find(|(x, _)| x == s.as_str())
                .map(|(_, n)| *n)
                .unwrap_or(0);
            let _ = writeln!(out, "narisumashi_suspects{{status=\"{}\"}} {n}", s.as_str());
        }
        family(
            &mut out,
            "narisumashi_source_requests_total",
            "counter",
            "Lookups and searches of every scan, by source and outcome.",
        );
        for (p, found, not_found, blocked, failed) in &f.requests {
            for (outcome, n) in [
                ("found", found),
                ("not_found", not_found),
                ("blocked", blocked),
                ("failed", failed),
            ] {
                let _ = writeln!(
                    out,
                    "narisumashi_source_requests_total{{source=\"{}\",outcome=\"{outcome}\"}} {n}",
                    label(p)
                );
            }
        }
        family(
            &mut out,
            "narisumashi_source_degraded",
            "gauge",
            "The source failed its self-test in the latest scan (1), passed (0), or could not be tested (2).",
        );
        for (p, status) in &f.probes {
            let v = match status.as_str() {
                "ok" => 0,
                "unverified" => 2,
                _ => 1,
            };
            let _ = writeln!(out, "narisumashi_source_degraded{{source=\"{}\"}} {v}", label(p));
        }
        family(
            &mut out,
            "narisumashi_notifications_total",
            "counter",
            "Digests by channel and outcome.",
        );
        for (channel, status, n) in &f.notifications {
            let _ = writeln!(
                out,
                "narisumashi_notifications_total{{channel=\"{}\",status=\"{}\"}} {n}",
                label(channel),
                label(status)
            );
        }
    }
    let pauses = crate::metrics::rate_limit_pauses();
    family(
        &mut out,
        "narisumashi_rate_limit_pauses_total",
        "counter",
        "Pauses because a server said its rate limit was used up, by host (this process).",
    );
    for (host, n, _) in &pauses {
        let _ = writeln!(
            out,
            "narisumashi_rate_limit_pauses_total{{host=\"{}\"}} {n}",
            label(host)
        );
    }
    family(
        &mut out,
        "narisumashi_rate_limit_pause_seconds_total",
        "counter",
        "Seconds of such pauses, by host (this process).",
    );
    for (host, _, secs) in &pauses {
        let _ = writeln!(
            out,
            "narisumashi_rate_limit_pause_seconds_total{{host=\"{}\"}} {secs:.3}",
            label(host)
        );
    }
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
        out,
    )
        .into_response()
}
