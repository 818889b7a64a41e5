//! What `serve` does at each scheduled time: the scan, then the digests to each body's
//! recipients, then the retention purge. Each step after the scan runs whatever the scan's
//! outcome allows, and none of them can fail the night: their failures are logged and
//! recorded where staff see them.

use std::sync::Arc;

use crate::config::Config;
use crate::notify::{Delivery, Notifier};
use crate::registry::Registry;
use crate::scan::{self, Observer, ScanError, ScanOptions, ScanReport};
use crate::store::{PurgeReport, RunStatus, Store, StoreError};

/// What one night did.
#[derive(Debug)]
pub struct Night {
    /// The scan's report, or why it failed.
    pub scan: Result<ScanReport, ScanError>,
    /// The digests sent or failed.
    pub deliveries: Vec<Delivery>,
    /// What the retention rule purged, or why it could not.
    pub purge: Result<PurgeReport, StoreError>,
}

/// Runs the scheduled work once.
pub async fn run_once(
    store: &Store,
    registry: &Registry,
    config: &Config,
    notifier: &Notifier,
    observer: Arc<dyn Observer>,
) -> Night {
    let opts = ScanOptions {
        org: None,
        platform: None,
        dry_run: false,
        trigger: "schedule".into(),
    };
    let scan = scan::run(store, registry, config, &opts, observer).await;
    let mut deliveries = Vec::new();
    if let Ok(report) = &scan
        && let Some(run) = report.run.as_ref().filter(|r| r.status == RunStatus::Finished)
    {
        match notifier.after_run(store, registry, run.id).await {
            Ok(d) => deliveries = d,
            Err(e) => tracing::error!("could not send or record the digests of scan #{}: {e}", run.id),
        }
    }
    let days = config.retention.dismissed_evidence_days.max(0);
    let purge = store.purge(days * 86_400, false, "schedule").await;
    match &purge {
        Ok(p) if !p.suspects.is_empty() => tracing::info!(
            "purged the evidence of {} suspects dismissed more than {days} days ago",
            p.suspects.len()
        ),
        Ok(_) => {}
        Err(e) => tracing::error!("retention purge failed: {e}"),
    }
    Night {
        scan,
        deliveries,
        purge,
    }
}
