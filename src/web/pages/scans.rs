//! Scan history: each run with its counts, errors and source self-tests.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;

use super::{Chrome, Page, chrome, html};
use crate::Platform;
use crate::store::RunStatus;
use crate::text::safe;
use crate::web::App;
use crate::web::auth::Staff;
use crate::web::view::jst;

/// A scan row.
pub struct RunView {
    id: i64,
    started: String,
    finished: String,
    status: &'static str,
    failed: bool,
    trigger: String,
    candidates: i64,
    new_suspects: i64,
    reopened: i64,
    removed: i64,
    genuine_changes: i64,
    errors: i64,
    skipped: Vec<String>,
    message: String,
    probes: Vec<String>,
    digests: Vec<String>,
    /// The night's reach within the quotas.
    coverage: Vec<String>,
}

#[derive(Template)]
#[template(path = "scans.html")]
struct ScansPage {
    c: Chrome,
    runs: Vec<RunView>,
}

/// `GET /scans`.
pub async fn scans(State(app): State<Arc<App>>, staff: Staff) -> Page {
    let lang = staff.lang;
    let runs = app.store.runs(60).await?;
    let first = runs.last().map(|r| r.id).unwrap_or(0);
    let probes = app.store.probes_since(first).await?;
    // Digests name recipients: only administrators see them.
    let digests = if staff.user.role == crate::store::Role::Admin {
        app.store.notifications_since(first).await?
    } else {
        Vec::new()
    };
    let runs = runs
        .into_iter()
        .map(|r| RunView {
            probes: probes
                .iter()
                .filter(|(run, p)| *run == r.id && !p.status.trusts_not_found())
                .map(|(_, p)| safe::inert(&format!("{} {}: {}", p.platform, p.status.as_str(), p.detail), 600))
                .collect(),
            digests: digests
                .iter()
                .filter(|d| d.run_id == r.id)
                .map(|d| {
                    safe::inert(
                        &format!(
                            "{} {} → {} ({}): {} ×{}{}",
                            d.org_id,
                            d.channel,
                            d.recipient,
                            d.kind,
                            d.status,
                            d.attempts,
                            d.error.as_deref().map(|e| format!(" — {e}")).unwrap_or_default()
                        ),
                        400,
                    )
                })
                .collect(),
            id: r.id,
            started: jst(r.started_at),
            finished: r.finished_at.map(jst).unwrap_or_default(),
            status: lang.run_status(r.status),
            failed: matches!(r.status, RunStatus::Failed | RunStatus::Interrupted)
                || r.errors > 0
                || probes
                    .iter()
                    .any(|(run, p)| *run == r.id && p.status == crate::store::ProbeStatus::Degraded)
                || digests.iter().any(|d| d.run_id == r.id && d.status == "failed"),
            trigger: r.trigger_kind.clone(),
            candidates: r.candidates,
            new_suspects: r.new_suspects,
            reopened: r.reopened,
            removed: r.removed,
            genuine_changes: r.genuine_changes,
            errors: r.errors,
            skipped: r
                .skipped_sources()
                .iter()
                .map(|(p, why)| safe::inert(&format!("{}: {why}", Platform::label_of(p)), 300))
                .collect(),
            message: r.message.as_deref().map(|m| safe::inert(m, 500)).unwrap_or_default(),
            coverage: r
                .coverage()
                .iter()
                .map(|c| lang.coverage(c.platform.label(), c))
                .collect(),
        })
        .collect();
    html(ScansPage {
        c: chrome(&app, &staff, "scans", "/scans").await?,
        runs,
    })
}
