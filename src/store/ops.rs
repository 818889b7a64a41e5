//! Operations records: each source's self-test per run, the digests sent to each recipient,
//! and the figures `/metrics` and `/healthz` read (all from the database, so they survive a
//! restart and count scans run by any process).

use serde::Serialize;

use super::{Store, StoreError, now};
use crate::platform::Platform;

/// How a source's self-test came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProbeStatus {
    /// Both checks passed: its answers, "not found" included, are trusted.
    Ok,
    /// A check failed: its "not found" answers are not used this run.
    Degraded,
    /// No genuine account on this platform to test it with: "not found" is not trusted either.
    Unverified,
}

impl ProbeStatus {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            ProbeStatus::Ok => "ok",
            ProbeStatus::Degraded => "degraded",
            ProbeStatus::Unverified => "unverified",
        }
    }

    /// Parses the stored word (anything unknown reads as degraded).
    pub fn parse(s: &str) -> ProbeStatus {
        match s {
            "ok" => ProbeStatus::Ok,
            "unverified" => ProbeStatus::Unverified,
            _ => ProbeStatus::Degraded,
        }
    }

    /// Whether the source's "not found" answers may mark accounts gone.
    pub fn trusts_not_found(self) -> bool {
        self == ProbeStatus::Ok
    }
}

/// One source's self-test in a run.
#[derive(Debug, Clone, Serialize)]
pub struct ProbeRow {
    /// Platform.
    pub platform: Platform,
    /// Outcome.
    pub status: ProbeStatus,
    /// What was checked and what came back.
    pub detail: String,
    /// When.
    pub checked_at: i64,
}

impl ProbeRow {
    /// A stored self-test; `None` for a platform this version does not know (a row written by
    /// a newer version is left out, not an error).
    fn of_stored(platform: &str, status: &str, detail: String, checked_at: i64) -> Option<ProbeRow> {
        Some(ProbeRow {
            platform: platform.parse().ok()?,
            status: ProbeStatus::parse(status),
            detail,
            checked_at,
        })
    }
}

/// One digest to one recipient.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct NotificationRow {
    /// Row id.
    pub id: i64,
    /// The run after which it was sent.
    pub run_id: i64,
    /// Organisation (`*`: all of them).
    pub org_id: String,
    /// `email` or `webhook`.
    pub channel: String,
    /// The address, or the webhook's URL without its path.
    pub recipient: String,
    /// `digest` or `all_clear`.
    pub kind: String,
    /// The first run whose changes it carried.
    pub covers_from_run: i64,
    /// `sent` or `failed`.
    pub status: String,
    /// Attempts made.
    pub attempts: i64,
    /// The last error.
    pub error: Option<String>,
    /// When.
    pub created_at: i64,
}

/// A digest's delivery, to record.
#[derive(Debug, Clone)]
pub struct NewNotification<'a> {
    /// Organisation (`*`: all).
    pub org_id: &'a str,
    /// `email` or `webhook`.
    pub channel: &'a str,
    /// Address or redacted URL.
    pub recipient: &'a str,
    /// `digest` or `all_clear`.
    pub kind: &'a str,
    /// First run covered.
    pub covers_from_run: i64,
    /// Delivered.
    pub sent: bool,
    /// Attempts made.
    pub attempts: i64,
    /// Last error.
    pub error: Option<&'a str>,
}

/// What `/metrics` reports from the database.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StoredFigures {
    /// Runs by status.
    pub runs: Vec<(String, i64)>,
    /// The latest ended run: (id, status, started, finished).
    pub last_run: Option<(i64, String, i64, i64)>,
    /// The latest finished run's end.
    pub last_success: Option<i64>,
    /// Suspects by status.
    pub suspects: Vec<(String, i64)>,
    /// Requests of every run, by platform: (platform, found, not found, blocked, failed).
    pub requests: Vec<(String, i64, i64, i64, i64)>,
    /// The latest run's self-tests: (platform, status).
    pub probes: Vec<(String, String)>,
    /// Notifications by channel and status.
    pub notifications: Vec<(String, String, i64)>,
}

impl Store {
    /// Records a run's self-tests (replacing those of an earlier attempt at the same run).
    pub async fn record_probes(&self, run_id: i64, probes: &[ProbeRow]) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        sqlx::query("DELETE FROM source_probes WHERE run_id = $1")
            .bind(run_id)
            .execute(&mut *tx)
            .await?;
        for p in probes {
            sqlx::query(
                "INSERT INTO source_probes (run_id, platform, status, detail, checked_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(run_id)
            .bind(p.platform.as_str())
            .bind(p.status.as_str())
            .bind(&p.detail)
            .bind(p.checked_at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A run's self-tests, by platform.
    pub async fn probes(&self, run_id: i64) -> Result<Vec<ProbeRow>, StoreError> {
        let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
            "SELECT platform, status, detail, checked_at FROM source_probes WHERE run_id = $1 ORDER BY platform",
        )
        .bind(run_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(platform, status, detail, checked_at)| {
                ProbeRow::of_stored(&platform, &status, detail, checked_at)
            })
            .collect())
    }

    /// The self-tests of runs from `first_run` on: (run, probe).
    pub async fn probes_since(&self, first_run: i64) -> Result<Vec<(i64, ProbeRow)>, StoreError> {
        let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
            "SELECT run_id, platform, status, detail, checked_at FROM source_probes WHERE run_id >= $1 \
             ORDER BY run_id, platform",
        )
        .bind(first_run)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(run, platform, status, detail, checked_at)| {
                Some((run, ProbeRow::of_stored(&platform, &status, detail, checked_at)?))
            })
            .collect())
    }

    /// The digests of runs from `first_run` on.
    pub async fn notifications_since(&self, first_run: i64) -> Result<Vec<NotificationRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, run_id, org_id, channel, recipient, kind, covers_from_run, status, attempts, error, created_at \
             FROM notifications WHERE run_id >= $1 ORDER BY run_id, org_id, channel, recipient",
        )
        .bind(first_run)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records a digest's delivery (once per run and recipient: a second record replaces the
    /// first).
    pub async fn record_notification(&self, run_id: i64, n: &NewNotification<'_>) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        sqlx::query("DELETE FROM notifications WHERE run_id = $1 AND org_id = $2 AND channel = $3 AND recipient = $4")
            .bind(run_id)
            .bind(n.org_id)
            .bind(n.channel)
            .bind(n.recipient)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO notifications (run_id, org_id, channel, recipient, kind, covers_from_run, status, attempts, \
             error, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(run_id)
        .bind(n.org_id)
        .bind(n.channel)
        .bind(n.recipient)
        .bind(n.kind)
        .bind(n.covers_from_run)
        .bind(if n.sent { "sent" } else { "failed" })
        .bind(n.attempts)
        .bind(n.error)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The digests of a run.
    pub async fn notifications(&self, run_id: i64) -> Result<Vec<NotificationRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, run_id, org_id, channel, recipient, kind, covers_from_run, status, attempts, error, created_at \
             FROM notifications WHERE run_id = $1 ORDER BY org_id, channel, recipient",
        )
        .bind(run_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The last run this recipient has heard about: the last run whose digest reached it, or,
    /// if none ever did, the run before the first one a digest failed to carry. `None` for a
    /// new recipient.
    pub async fn last_delivered(
        &self,
        org_id: &str,
        channel: &str,
        recipient: &str,
    ) -> Result<Option<i64>, StoreError> {
        let row: Option<(Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT MAX(CASE WHEN status = 'sent' THEN run_id END), MIN(covers_from_run) FROM notifications \
             WHERE org_id = $1 AND channel = $2 AND recipient = $3",
        )
        .bind(org_id)
        .bind(channel)
        .bind(recipient)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match row {
            Some((Some(sent), _)) => Some(sent),
            Some((None, Some(first))) => Some(first - 1),
            _ => None,
        })
    }

    /// Ids of the finished runs after `after` up to `upto`, oldest first.
    pub async fn finished_runs_between(&self, after: i64, upto: i64) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM scan_runs WHERE id > $1 AND id <= $2 AND status = 'finished' ORDER BY id")
                .bind(after)
                .bind(upto)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(r,)| r).collect())
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// The figures `/metrics` reports.
    pub async fn figures(&self) -> Result<StoredFigures, StoreError> {
        let runs: Vec<(String, i64)> =
            sqlx::query_as("SELECT status, COUNT(*) FROM scan_runs GROUP BY status ORDER BY status")
                .fetch_all(&self.pool)
                .await?;
        let last_run: Option<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT id, status, started_at, finished_at FROM scan_runs WHERE finished_at IS NOT NULL \
             ORDER BY id DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        let last_success: Option<(Option<i64>,)> =
            sqlx::query_as("SELECT MAX(finished_at) FROM scan_runs WHERE status = 'finished'")
                .fetch_optional(&self.pool)
                .await?;
        let suspects: Vec<(String, i64)> =
            sqlx::query_as("SELECT status, COUNT(*) FROM suspects GROUP BY status ORDER BY status")
                .fetch_all(&self.pool)
                .await?;
        let requests: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT platform, CAST(SUM(found) AS BIGINT), CAST(SUM(not_found) AS BIGINT), \
             CAST(SUM(blocked) AS BIGINT), CAST(SUM(failed) AS BIGINT) FROM scan_source_counts \
             GROUP BY platform ORDER BY platform",
        )
        .fetch_all(&self.pool)
        .await?;
        let probes: Vec<(String, String)> = sqlx::query_as(
            "SELECT platform, status FROM source_probes WHERE run_id = (SELECT MAX(run_id) FROM source_probes) \
             ORDER BY platform",
        )
        .fetch_all(&self.pool)
        .await?;
        let notifications: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT channel, status, COUNT(*) FROM notifications GROUP BY channel, status ORDER BY channel, status",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(StoredFigures {
            runs,
            last_run,
            last_success: last_success.and_then(|(t,)| t),
            suspects,
            requests,
            probes,
            notifications,
        })
    }
}
