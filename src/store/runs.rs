//! Scan runs: their records, their units of work, per-source counts and errors; and the
//! stored snapshots of genuine accounts the matcher starts from.

use serde::Serialize;

use super::{Store, StoreError, now};
use crate::platform::Platform;

/// How a run ended, or that it has not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RunStatus {
    /// Working, or killed while working (the next scan resumes it).
    Running,
    /// Completed (sources may still have failed; see the errors).
    Finished,
    /// Stopped by an error that ended the run.
    Failed,
    /// Abandoned: a later scan with another scope superseded it.
    Interrupted,
}

impl RunStatus {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Finished => "finished",
            RunStatus::Failed => "failed",
            RunStatus::Interrupted => "interrupted",
        }
    }

    fn parse(s: &str) -> RunStatus {
        match s {
            "finished" => RunStatus::Finished,
            "failed" => RunStatus::Failed,
            "interrupted" => RunStatus::Interrupted,
            _ => RunStatus::Running,
        }
    }
}

/// One scan run.
#[derive(Debug, Clone, Serialize)]
pub struct RunRow {
    /// Run number.
    pub id: i64,
    /// Started (Unix seconds).
    pub started_at: i64,
    /// Ended.
    pub finished_at: Option<i64>,
    /// Status.
    pub status: RunStatus,
    /// What it covered (`org=…;platform=…`).
    pub scope: String,
    /// `cli`, `schedule` or `demo`.
    pub trigger_kind: String,
    /// Units planned.
    pub units_total: i64,
    /// Units committed.
    pub units_done: i64,
    /// Candidate profiles judged.
    pub candidates: i64,
    /// Suspects first seen.
    pub new_suspects: i64,
    /// Dismissed or removed suspects that came back.
    pub reopened: i64,
    /// Suspects seen gone.
    pub removed: i64,
    /// Name, avatar or presence changes of genuine accounts.
    pub genuine_changes: i64,
    /// Errors recorded.
    pub errors: i64,
    /// Sources skipped, with why (JSON `[[platform, why], …]`).
    pub skipped: String,
    /// Why the run failed.
    pub message: Option<String>,
    /// The plan's reach on the quota-bound platforms (JSON list of [`Coverage`]).
    pub coverage: String,
}

/// How far one night's plan reaches on a quota-bound platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Coverage {
    /// Platform.
    pub platform: Platform,
    /// Accounts covered tonight.
    pub per_night: usize,
    /// Accounts in the registry.
    pub accounts: usize,
    /// Nights until every account is covered (0: the quota does not cover discovery at all).
    pub nights: usize,
}

impl RunRow {
    /// The plan's reach, read back.
    pub fn coverage(&self) -> Vec<Coverage> {
        serde_json::from_str(&self.coverage).unwrap_or_default()
    }

    /// The sources the run skipped, with why: (platform id, reason), read back.
    pub fn skipped_sources(&self) -> Vec<(String, String)> {
        serde_json::from_str(&self.skipped).unwrap_or_default()
    }
}

#[derive(sqlx::FromRow)]
struct RunDb {
    id: i64,
    started_at: i64,
    finished_at: Option<i64>,
    status: String,
    scope: String,
    trigger_kind: String,
    units_total: i64,
    units_done: i64,
    candidates: i64,
    new_suspects: i64,
    reopened: i64,
    removed: i64,
    genuine_changes: i64,
    errors: i64,
    skipped: String,
    message: Option<String>,
    coverage: String,
}

impl From<RunDb> for RunRow {
    fn from(r: RunDb) -> RunRow {
        RunRow {
            id: r.id,
            started_at: r.started_at,
            finished_at: r.finished_at,
            status: RunStatus::parse(&r.status),
            scope: r.scope,
            trigger_kind: r.trigger_kind,
            units_total: r.units_total,
            units_done: r.units_done,
            candidates: r.candidates,
            new_suspects: r.new_suspects,
            reopened: r.reopened,
            removed: r.removed,
            genuine_changes: r.genuine_changes,
            errors: r.errors,
            skipped: r.skipped,
            message: r.message,
            coverage: r.coverage,
        }
    }
}

const RUN_COLUMNS: &str = "id, started_at, finished_at, status, scope, trigger_kind, units_total, units_done, \
     candidates, new_suspects, reopened, removed, genuine_changes, errors, skipped, message, coverage";

/// One source's counts in a run.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SourceCountRow {
    /// Platform.
    #[sqlx(try_from = "String")]
    pub platform: Platform,
    /// Lookups and searches.
    pub looked_up: i64,
    /// Found.
    pub found: i64,
    /// Positive "no such account".
    pub not_found: i64,
    /// Blocked.
    pub blocked: i64,
    /// Failed.
    pub failed: i64,
    /// Removed, as the platform says (suspended, taken down, deactivated).
    pub gone: i64,
    /// Not visible from here (private, personal, unknown remote account).
    pub not_visible: i64,
}

/// The stored snapshot of a genuine account.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SnapshotRow {
    /// `org/platform/label`.
    pub account_key: String,
    /// Organisation.
    pub org_id: String,
    /// Platform.
    #[sqlx(try_from = "String")]
    pub platform: Platform,
    /// How the account is named.
    pub label: String,
    /// `present` or `vanished`.
    pub state: String,
    /// Display name as last seen.
    pub display_name: Option<String>,
    /// Handle as last seen.
    pub handle: Option<String>,
    /// Platform id.
    pub platform_id: Option<String>,
    /// Bio.
    pub bio: Option<String>,
    /// Avatar evidence.
    pub avatar_sha256: Option<String>,
    /// Avatar fingerprint (`AvatarHash::encode`).
    pub avatar_hash: Option<String>,
    /// Last checked.
    pub checked_at: i64,
    /// Last changed.
    pub changed_at: i64,
}

const SNAPSHOT_COLUMNS: &str = "account_key, org_id, platform, label, state, display_name, handle, platform_id, bio, \
     avatar_sha256, avatar_hash, checked_at, changed_at";

impl Store {
    /// The run a killed scan left `running`, if any.
    pub async fn unfinished_run(&self) -> Result<Option<RunRow>, StoreError> {
        let row: Option<RunDb> = sqlx::query_as(&format!(
            "SELECT {RUN_COLUMNS} FROM scan_runs WHERE status = 'running' ORDER BY id DESC LIMIT 1"
        ))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(RunRow::from))
    }

    /// Records a new run.
    pub async fn create_run(&self, scope: &str, trigger: &str) -> Result<i64, StoreError> {
        let (_g, mut tx) = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO scan_runs (started_at, status, scope, trigger_kind) VALUES ($1, 'running', $2, $3) RETURNING id",
        )
        .bind(now())
        .bind(scope)
        .bind(trigger)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Ends a run.
    pub async fn finish_run(&self, id: i64, status: RunStatus, message: Option<&str>) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        sqlx::query("UPDATE scan_runs SET status = $1, finished_at = $2, message = $3 WHERE id = $4")
            .bind(status.as_str())
            .bind(now())
            .bind(message)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds planned units to a run and records the sources it skipped.
    pub async fn plan_units(&self, id: i64, units: i64, skipped: &str) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        sqlx::query("UPDATE scan_runs SET units_total = units_total + $1, skipped = $2 WHERE id = $3")
            .bind(units)
            .bind(skipped)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records how far the run's plan reaches on the quota-bound platforms.
    pub async fn record_coverage(&self, id: i64, coverage: &[Coverage]) -> Result<(), StoreError> {
        let json = serde_json::to_string(coverage).unwrap_or_else(|_| "[]".into());
        let (_g, mut tx) = self.write().await?;
        sqlx::query("UPDATE scan_runs SET coverage = $1 WHERE id = $2")
            .bind(json)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Units of a run already committed.
    pub async fn done_units(&self, run_id: i64) -> Result<std::collections::HashSet<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as("SELECT unit FROM scan_units WHERE run_id = $1")
            .bind(run_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(u,)| u).collect())
    }

    /// One run.
    pub async fn run(&self, id: i64) -> Result<Option<RunRow>, StoreError> {
        let row: Option<RunDb> = sqlx::query_as(&format!("SELECT {RUN_COLUMNS} FROM scan_runs WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(RunRow::from))
    }

    /// The latest runs, newest first.
    pub async fn runs(&self, limit: i64) -> Result<Vec<RunRow>, StoreError> {
        let rows: Vec<RunDb> = sqlx::query_as(&format!(
            "SELECT {RUN_COLUMNS} FROM scan_runs ORDER BY id DESC LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(RunRow::from).collect())
    }

    /// A run's per-source counts.
    pub async fn run_counts(&self, run_id: i64) -> Result<Vec<SourceCountRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT platform, looked_up, found, not_found, blocked, failed, gone, not_visible FROM scan_source_counts \
             WHERE run_id = $1 ORDER BY platform",
        )
        .bind(run_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A run's errors: (unit, platform, message).
    pub async fn run_errors(&self, run_id: i64) -> Result<Vec<(String, Option<String>, String)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT unit, platform, message FROM scan_errors WHERE run_id = $1 ORDER BY id")
                .bind(run_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Every stored snapshot of a genuine account.
    pub async fn snapshots(&self) -> Result<Vec<SnapshotRow>, StoreError> {
        Ok(sqlx::query_as(&format!(
            "SELECT {SNAPSHOT_COLUMNS} FROM genuine_snapshots ORDER BY account_key"
        ))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every genuine account's latest snapshot, by account key.
    pub async fn snapshots_by_key(&self) -> Result<std::collections::HashMap<String, SnapshotRow>, StoreError> {
        Ok(self
            .snapshots()
            .await?
            .into_iter()
            .map(|s| (s.account_key.clone(), s))
            .collect())
    }

    /// The latest snapshot of one genuine account.
    pub async fn snapshot(&self, account_key: &str) -> Result<Option<SnapshotRow>, StoreError> {
        Ok(sqlx::query_as(&format!(
            "SELECT {SNAPSHOT_COLUMNS} FROM genuine_snapshots WHERE account_key = $1"
        ))
        .bind(account_key)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Changes to genuine accounts since a time, newest first: (account, kind, before, after, at).
    pub async fn recent_genuine_changes(
        &self,
        since: i64,
    ) -> Result<Vec<(String, String, Option<String>, Option<String>, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT account_key, kind, before_value, after_value, at FROM genuine_changes WHERE at >= $1 \
             ORDER BY at DESC, account_key, kind",
        )
        .bind(since)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Changes of genuine accounts recorded in a run: (account key, kind, before, after).
    pub async fn genuine_changes(
        &self,
        run_id: i64,
    ) -> Result<Vec<(String, String, Option<String>, Option<String>)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT account_key, kind, before_value, after_value FROM genuine_changes WHERE run_id = $1 \
             ORDER BY account_key, kind",
        )
        .bind(run_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// An avatar's bytes (evidence).
    pub async fn avatar(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let row: Option<(Vec<u8>,)> = sqlx::query_as("SELECT bytes FROM avatars WHERE sha256 = $1")
            .bind(sha256)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(b,)| b))
    }
}
