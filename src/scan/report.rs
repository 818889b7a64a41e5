//! What a scan reports at its end: the run record, per-source counts, and what needs review
//! (new and reopened suspects), what went away, how the genuine accounts changed, and what
//! was skipped or failed.

use std::time::Duration;

use serde::Serialize;

use crate::platform::Platform;
use crate::store::{
    ProbeRow, RunRow, Seen, SourceCountRow, Store, StoreError, SuspectFilter, SuspectRow, SuspectStatus,
};

/// One suspect in a report.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Suspect number (none in a dry run).
    pub id: Option<i64>,
    /// Platform.
    pub platform: Platform,
    /// Handle.
    pub handle: Option<String>,
    /// Display name.
    pub display_name: String,
    /// The genuine account imitated.
    pub target: String,
    /// Organisation.
    pub org_id: String,
    /// Score.
    pub score: f64,
    /// Review status (for a dry run: the stored status, or `new`).
    pub status: SuspectStatus,
    /// Reasons.
    pub reasons: Vec<String>,
}

impl Finding {
    fn of_row(r: &SuspectRow) -> Finding {
        Finding {
            id: Some(r.id),
            platform: r.platform,
            handle: r.handle.clone(),
            display_name: r.display_name.clone(),
            target: r.target_label.clone(),
            org_id: r.org_id.clone(),
            score: r.score,
            status: r.status,
            reasons: r.reason_texts(),
        }
    }
}

/// The end-of-scan report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ScanReport {
    /// The run (none in a dry run).
    pub run_id: Option<i64>,
    /// It finished a run a killed scan had left.
    pub resumed: bool,
    /// Nothing was written.
    pub dry_run: bool,
    /// Wall time of this process's part.
    #[serde(skip)]
    pub duration: Duration,
    /// The run record.
    pub run: Option<RunRow>,
    /// Per-source counts.
    pub counts: Vec<SourceCountRow>,
    /// Errors: (unit, platform, message).
    pub errors: Vec<(String, Option<String>, String)>,
    /// Sources skipped: (platform, why).
    pub skipped: Vec<(String, String)>,
    /// Each source's self-test.
    pub probes: Vec<ProbeRow>,
    /// Suspects first seen in this run.
    pub new_suspects: Vec<Finding>,
    /// Suspects back in review.
    pub reopened: Vec<Finding>,
    /// Suspects seen gone.
    pub removed: Vec<Finding>,
    /// Genuine accounts that changed: (account, kind, before, after).
    pub genuine_changes: Vec<(String, String, Option<String>, Option<String>)>,
    /// A dry run's suspects.
    pub would_flag: Vec<Finding>,
    /// Suspects in the database after the run, by status (`new`, `confirmed`, …), so that a
    /// run that found nothing new still says how many wait.
    pub status_counts: Vec<(String, i64)>,
}

impl ScanReport {
    /// Fills the report from the stored run.
    pub async fn load(&mut self, store: &Store, run_id: i64) -> Result<(), StoreError> {
        self.run = store.run(run_id).await?;
        self.counts = store.run_counts(run_id).await?;
        self.errors = store.run_errors(run_id).await?;
        self.genuine_changes = store.genuine_changes(run_id).await?;
        self.probes = store.probes(run_id).await?;
        self.status_counts = store.status_counts(None).await?;
        for (id, from, to) in store.run_events(run_id).await? {
            let Some(row) = store.suspect(id).await? else { continue };
            let list = match (from.as_deref(), to.as_str()) {
                (None, "new") => &mut self.new_suspects,
                (Some(_), "new") => &mut self.reopened,
                (_, "removed") => &mut self.removed,
                _ => continue,
            };
            if !list.iter().any(|f| f.id == Some(id)) {
                list.push(Finding::of_row(&row));
            }
        }
        for list in [&mut self.new_suspects, &mut self.reopened] {
            list.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        }
        Ok(())
    }

    /// A dry run's findings, with the stored status of accounts already known.
    pub(crate) async fn set_dry_findings(&mut self, store: &Store, found: Vec<Seen>) -> Result<(), StoreError> {
        let stored = store.suspects(&SuspectFilter::default()).await?;
        let mut out: Vec<Finding> = Vec::new();
        // One finding per account (two channels may carry one name).
        let mut seen = std::collections::HashSet::new();
        for s in found {
            let key = s.account_key();
            if !seen.insert((s.platform, key.clone())) {
                continue;
            }
            let known = stored.iter().find(|r| r.platform == s.platform && r.account_key == key);
            let (org, label) = s.target.map(|t| (t.org_id, t.label)).unwrap_or_default();
            out.push(Finding {
                id: known.map(|r| r.id),
                platform: s.platform,
                handle: s.handle.clone(),
                display_name: s.display_name.clone(),
                target: label,
                org_id: org,
                score: s.score,
                status: known.map_or(SuspectStatus::New, |r| r.status),
                reasons: s.reasons.iter().map(ToString::to_string).collect(),
            });
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        self.would_flag = out;
        Ok(())
    }

    /// Sources that failed their self-test in this run.
    pub fn degraded(&self) -> impl Iterator<Item = &ProbeRow> {
        self.probes
            .iter()
            .filter(|p| p.status == crate::store::ProbeStatus::Degraded)
    }

    /// Suspects that need a person: new and reopened.
    pub fn needs_review(&self) -> usize {
        self.new_suspects.len() + self.reopened.len()
    }

    /// One line for logs: `scan #3 finished in 42 s: 5 new, 1 reopened, 2 removed, …`.
    pub fn summary_line(&self) -> String {
        let run = self.run.as_ref();
        format!(
            "scan #{} {} in {:.0} s: {} candidates, {} new, {} reopened, {} removed, {} genuine-account changes, {} errors, {} sources skipped, {} degraded",
            self.run_id.unwrap_or(0),
            run.map(|r| r.status.as_str()).unwrap_or("dry-run"),
            self.duration.as_secs_f64(),
            run.map(|r| r.candidates).unwrap_or(0),
            self.new_suspects.len(),
            self.reopened.len(),
            self.removed.len(),
            self.genuine_changes.len(),
            self.errors.len(),
            self.skipped.len(),
            self.degraded().count()
        )
    }
}
