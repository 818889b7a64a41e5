//! Suspects, their sightings and status events, and staff decisions on them.
//!
//! A suspect's life: `new` → `confirmed` or `dismissed` (with a reason; the dismissal is an
//! allow-list entry) → `reported` (with the platform's ticket or date) → `removed` (seen gone,
//! or marked by staff). Every change writes an event (who, when, from which status), and
//! bumps the suspect's version so that two reviewers cannot overwrite each other silently.

use serde::Serialize;

use super::status::SuspectStatus;
use super::{Store, StoreError, now};
use crate::matching::reason::StoredReason;
use crate::platform::Platform;

/// A suspect as stored: the platform account, as last seen, and its review state.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SuspectRow {
    /// Suspect number.
    pub id: i64,
    /// Platform.
    #[sqlx(try_from = "String")]
    pub platform: Platform,
    /// `id:…` or `handle:…`: how the account is told apart on its platform.
    pub account_key: String,
    /// The platform's id.
    pub platform_id: Option<String>,
    /// Handle comparison key.
    pub handle_key: Option<String>,
    /// Handle as shown.
    pub handle: Option<String>,
    /// Display name as last seen.
    pub display_name: String,
    /// Profile URL.
    pub url: Option<String>,
    /// Bio.
    pub bio: Option<String>,
    /// Avatar evidence.
    pub avatar_sha256: Option<String>,
    /// Avatar fingerprint.
    pub avatar_hash: Option<String>,
    /// The organisation imitated.
    pub org_id: String,
    /// The genuine account imitated (`org/platform/label`).
    pub target_key: String,
    /// How that account is named.
    pub target_label: String,
    /// Latest score.
    pub score: f64,
    /// Latest reasons, decoded from their stored JSON (an array of `{kind, …, text}`).
    #[sqlx(try_from = "String")]
    pub reasons: StoredReasons,
    /// Review status.
    #[sqlx(try_from = "String")]
    pub status: SuspectStatus,
    /// Dismissal reason or other note.
    pub status_note: Option<String>,
    /// When the status last changed.
    pub status_changed_at: i64,
    /// First sighting.
    pub first_seen_at: i64,
    /// Latest sighting.
    pub last_seen_at: i64,
    /// When it was seen gone.
    pub removed_at: Option<i64>,
    /// The platform's ticket.
    pub reported_ticket: Option<String>,
    /// When it was reported.
    pub reported_at: Option<i64>,
    /// Name when dismissed (allow-list entry).
    pub dismissed_name: Option<String>,
    /// Avatar when dismissed.
    pub dismissed_avatar_sha256: Option<String>,
    /// Score when dismissed.
    pub dismissed_score: Option<f64>,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// The run that flagged (or reopened) it: the queue shows the newest first.
    pub flagged_run_id: i64,
}

impl SuspectRow {
    /// The reasons' English sentences.
    pub fn reason_texts(&self) -> Vec<String> {
        self.reasons.iter().map(StoredReason::text).collect()
    }
}

/// A suspect's reasons as read back from the database: typed, or for rows written before
/// reasons were typed, their sentences. Decoded here, on first use (a queue page reads fifty
/// rows and shows no reason), so no reader parses JSON.
#[derive(Debug, Clone, Default)]
pub struct StoredReasons {
    json: String,
    decoded: std::sync::OnceLock<Vec<StoredReason>>,
}

impl StoredReasons {
    /// The reasons, decoded.
    pub fn list(&self) -> &[StoredReason] {
        self.decoded.get_or_init(|| StoredReason::decode_list(&self.json))
    }
}

impl From<String> for StoredReasons {
    fn from(json: String) -> StoredReasons {
        StoredReasons {
            json,
            decoded: std::sync::OnceLock::new(),
        }
    }
}

impl std::ops::Deref for StoredReasons {
    type Target = [StoredReason];
    fn deref(&self) -> &[StoredReason] {
        self.list()
    }
}

impl PartialEq for StoredReasons {
    fn eq(&self, other: &StoredReasons) -> bool {
        self.list() == other.list()
    }
}

impl Serialize for StoredReasons {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.list().serialize(serializer)
    }
}

pub(super) const SUSPECT_COLUMNS: &str = "id, platform, account_key, platform_id, handle_key, handle, display_name, \
     url, bio, avatar_sha256, avatar_hash, org_id, target_key, target_label, score, reasons, status, status_note, \
     status_changed_at, first_seen_at, last_seen_at, removed_at, reported_ticket, reported_at, dismissed_name, \
     dismissed_avatar_sha256, dismissed_score, version, flagged_run_id";

/// A staff decision that an account is an impostor, as the public check may tell it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmedImpostor {
    /// Reported to the platform (else confirmed only).
    pub reported: bool,
    /// When the decision was made (Unix seconds).
    pub since: i64,
    /// The organisation imitated.
    pub org_id: String,
    /// The genuine account imitated (`org/platform/label`).
    pub target_key: String,
}

/// One sighting of a suspect.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SightingRow {
    /// The run.
    pub run_id: i64,
    /// When.
    pub seen_at: i64,
    /// Name as seen.
    pub display_name: String,
    /// Handle as seen.
    pub handle: Option<String>,
    /// URL as seen.
    pub url: Option<String>,
    /// Bio as seen.
    pub bio: Option<String>,
    /// Avatar as seen.
    pub avatar_sha256: Option<String>,
    /// Score then.
    pub score: f64,
    /// `suspect` or `clear`.
    pub verdict: String,
    /// Reasons then.
    pub reasons: String,
}

/// One status change.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct EventRow {
    /// When.
    pub at: i64,
    /// `scan` or the staff member's name.
    pub actor: String,
    /// From.
    pub from_status: Option<String>,
    /// To.
    pub to_status: String,
    /// Reason, ticket or what the scan saw.
    pub note: Option<String>,
    /// The run, for the scan's changes.
    pub run_id: Option<i64>,
}

/// Which suspects to list.
#[derive(Debug, Clone, Default)]
pub struct SuspectFilter {
    /// Organisation.
    pub org: Option<String>,
    /// Platform.
    pub platform: Option<String>,
    /// Statuses (any of).
    pub statuses: Vec<SuspectStatus>,
    /// Lowest score.
    pub min_score: Option<f64>,
    /// Most rows.
    pub limit: Option<i64>,
    /// Only the suspects this scan flagged or reopened (its findings).
    pub flagged_run: Option<i64>,
}

impl SuspectFilter {
    /// Every open case (new, confirmed, reported).
    pub fn open() -> Self {
        SuspectFilter {
            statuses: SuspectStatus::ALL.into_iter().filter(|s| s.is_open()).collect(),
            ..SuspectFilter::default()
        }
    }
}

/// Where a queue page starts: just after this suspect in queue order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QueueCursor {
    /// The run that flagged it.
    pub flagged_run_id: i64,
    /// Its score.
    pub score: f64,
    /// Its number.
    pub id: i64,
}

impl QueueCursor {
    /// The cursor after a row.
    pub fn after(row: &SuspectRow) -> QueueCursor {
        QueueCursor {
            flagged_run_id: row.flagged_run_id,
            score: row.score,
            id: row.id,
        }
    }

    /// As a URL parameter: `run.score.id`, the score as the bits of the float so that it
    /// round-trips exactly.
    pub fn encode(&self) -> String {
        format!("{}.{:x}.{}", self.flagged_run_id, self.score.to_bits(), self.id)
    }

    /// Parses [`QueueCursor::encode`]'s form.
    pub fn decode(s: &str) -> Option<QueueCursor> {
        let mut parts = s.split('.');
        let flagged_run_id = parts.next()?.parse().ok()?;
        let score = f64::from_bits(u64::from_str_radix(parts.next()?, 16).ok()?);
        let id = parts.next()?.parse().ok()?;
        (parts.next().is_none() && score.is_finite()).then_some(QueueCursor {
            flagged_run_id,
            score,
            id,
        })
    }
}

/// One page of the review queue: newest flagged first, then highest score.
#[derive(Debug, Clone, Default)]
pub struct QueueQuery {
    /// Organisations to show; `None` for all (administrators).
    pub orgs: Option<Vec<String>>,
    /// Statuses (any of); empty for all.
    pub statuses: Vec<SuspectStatus>,
    /// Platform.
    pub platform: Option<String>,
    /// Lowest score.
    pub min_score: Option<f64>,
    /// Start after this suspect.
    pub after: Option<QueueCursor>,
    /// Rows per page.
    pub limit: i64,
}

/// Most rows one page of the queue holds.
pub const QUEUE_PAGE_MAX: i64 = 500;

/// A staff decision.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// It is an impostor.
    Confirm,
    /// It is honest; the reason is kept and the account is allow-listed.
    Dismiss {
        /// Why.
        reason: String,
    },
    /// Reported to the platform.
    Reported {
        /// The platform's ticket number or a note of the date.
        ticket: String,
    },
    /// Gone from the platform.
    Removed,
    /// Back to review.
    Reopen,
}

impl Decision {
    fn name(&self) -> &'static str {
        match self {
            Decision::Confirm => "confirm",
            Decision::Dismiss { .. } => "dismiss",
            Decision::Reported { .. } => "mark reported",
            Decision::Removed => "mark removed",
            Decision::Reopen => "reopen",
        }
    }

    fn target(&self, from: SuspectStatus) -> Option<SuspectStatus> {
        use SuspectStatus::*;
        match (self, from) {
            (Decision::Confirm, New | Dismissed) => Some(Confirmed),
            (Decision::Dismiss { .. }, New | Confirmed) => Some(Dismissed),
            (Decision::Reported { .. }, Confirmed | Reported) => Some(Reported),
            (Decision::Removed, Confirmed | Reported) => Some(Removed),
            (Decision::Reopen, Dismissed | Removed) => Some(New),
            _ => None,
        }
    }
}

impl Store {
    /// A page of the review queue. Keyset pagination over the queue indexes: each page
    /// costs the same at the millionth row as at the first.
    pub async fn queue(&self, q: &QueueQuery) -> Result<Vec<SuspectRow>, StoreError> {
        let mut sql = format!("SELECT {SUSPECT_COLUMNS} FROM suspects WHERE 1 = 1");
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("${n}")
        };
        if let Some(orgs) = &q.orgs {
            if orgs.is_empty() {
                return Ok(Vec::new());
            }
            let marks: Vec<String> = orgs.iter().map(|_| next()).collect();
            sql += &format!(" AND org_id IN ({})", marks.join(", "));
        }
        if !q.statuses.is_empty() {
            let marks: Vec<String> = q.statuses.iter().map(|_| next()).collect();
            sql += &format!(" AND status IN ({})", marks.join(", "));
        }
        if q.platform.is_some() {
            sql += &format!(" AND platform = {}", next());
        }
        if q.min_score.is_some() {
            sql += &format!(" AND score >= {}", next());
        }
        if q.after.is_some() {
            let (a, b, c) = (next(), next(), next());
            sql += &format!(" AND (flagged_run_id, score, id) < ({a}, {b}, {c})");
        }
        sql += &format!(" ORDER BY flagged_run_id DESC, score DESC, id DESC LIMIT {}", next());
        let mut query = sqlx::query_as::<_, SuspectRow>(&sql);
        for o in q.orgs.iter().flatten() {
            query = query.bind(o.clone());
        }
        for s in &q.statuses {
            query = query.bind(s.as_str());
        }
        if let Some(p) = &q.platform {
            query = query.bind(p.clone());
        }
        if let Some(m) = q.min_score {
            query = query.bind(m);
        }
        if let Some(c) = q.after {
            query = query.bind(c.flagged_run_id).bind(c.score).bind(c.id);
        }
        query = query.bind(q.limit.clamp(1, QUEUE_PAGE_MAX));
        Ok(query.fetch_all(&self.pool).await?)
    }

    /// Counts per status of the suspects the queue would show (all statuses).
    pub async fn queue_counts(
        &self,
        orgs: Option<&[String]>,
        platform: Option<&str>,
        min_score: Option<f64>,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        let mut sql = String::from("SELECT status, COUNT(*) FROM suspects WHERE 1 = 1");
        let mut n = 0;
        if let Some(orgs) = orgs {
            if orgs.is_empty() {
                return Ok(Vec::new());
            }
            let marks: Vec<String> = orgs
                .iter()
                .map(|_| {
                    n += 1;
                    format!("${n}")
                })
                .collect();
            sql += &format!(" AND org_id IN ({})", marks.join(", "));
        }
        if platform.is_some() {
            n += 1;
            sql += &format!(" AND platform = ${n}");
        }
        if min_score.is_some() {
            n += 1;
            sql += &format!(" AND score >= ${n}");
        }
        sql += " GROUP BY status";
        let mut query = sqlx::query_as::<_, (String, i64)>(&sql);
        for o in orgs.unwrap_or_default() {
            query = query.bind(o.clone());
        }
        if let Some(p) = platform {
            query = query.bind(p.to_string());
        }
        if let Some(m) = min_score {
            query = query.bind(m);
        }
        Ok(query.fetch_all(&self.pool).await?)
    }

    /// What changes whenever the queue's counts may change: the newest status event (every
    /// decision, reopening and removal writes one), the newest suspect and the newest sighting
    /// (a scan's new flags and changed scores). Three index lookups, so every review server
    /// can tell whether counts it read earlier still hold, whichever server or scan changed
    /// them.
    pub async fn queue_marker(&self) -> Result<(i64, i64, i64), StoreError> {
        Ok(sqlx::query_as(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM suspect_events), \
             (SELECT COALESCE(MAX(id), 0) FROM suspects), (SELECT COALESCE(MAX(id), 0) FROM sightings)",
        )
        .fetch_one(&self.pool)
        .await?)
    }

    /// Every row of the queue as filtered (`after` and `limit` are ignored), in queue order,
    /// read a page of [`QUEUE_PAGE_MAX`] rows at a time: for downloads, which must not stop at
    /// one page.
    pub async fn queue_all(&self, q: QueueQuery) -> Result<Vec<SuspectRow>, StoreError> {
        let mut q = QueueQuery {
            after: None,
            limit: QUEUE_PAGE_MAX,
            ..q
        };
        let mut out = Vec::new();
        loop {
            let page = self.queue(&q).await?;
            let full = page.len() as i64 == QUEUE_PAGE_MAX;
            q.after = page.last().map(QueueCursor::after);
            out.extend(page);
            if !full {
                return Ok(out);
            }
        }
    }

    /// Suspects, highest score and newest first.
    pub async fn suspects(&self, f: &SuspectFilter) -> Result<Vec<SuspectRow>, StoreError> {
        let mut sql = format!("SELECT {SUSPECT_COLUMNS} FROM suspects WHERE 1 = 1");
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("${n}")
        };
        if f.org.is_some() {
            sql += &format!(" AND org_id = {}", next());
        }
        if f.platform.is_some() {
            sql += &format!(" AND platform = {}", next());
        }
        if !f.statuses.is_empty() {
            let marks: Vec<String> = f.statuses.iter().map(|_| next()).collect();
            sql += &format!(" AND status IN ({})", marks.join(", "));
        }
        if f.min_score.is_some() {
            sql += &format!(" AND score >= {}", next());
        }
        if f.flagged_run.is_some() {
            sql += &format!(" AND flagged_run_id = {}", next());
        }
        sql += " ORDER BY score DESC, first_seen_at DESC, id DESC";
        if f.limit.is_some() {
            sql += &format!(" LIMIT {}", next());
        }
        let mut q = sqlx::query_as::<_, SuspectRow>(&sql);
        if let Some(o) = &f.org {
            q = q.bind(o.clone());
        }
        if let Some(p) = &f.platform {
            q = q.bind(p.clone());
        }
        for s in &f.statuses {
            q = q.bind(s.as_str());
        }
        if let Some(m) = f.min_score {
            q = q.bind(m);
        }
        if let Some(r) = f.flagged_run {
            q = q.bind(r);
        }
        if let Some(l) = f.limit {
            q = q.bind(l);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }

    /// One suspect.
    pub async fn suspect(&self, id: i64) -> Result<Option<SuspectRow>, StoreError> {
        Ok(
            sqlx::query_as(&format!("SELECT {SUSPECT_COLUMNS} FROM suspects WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The latest staff decision that an account is an impostor (confirmed or reported), for
    /// the public check: found by its handle's comparison key or its platform id. Only the
    /// decision's kind, its time and the imitated account come back; nothing else of the row.
    pub async fn confirmed_impostor(
        &self,
        platform: Platform,
        handle_key: Option<&str>,
        platform_id: Option<&str>,
    ) -> Result<Option<ConfirmedImpostor>, StoreError> {
        // One indexed lookup per key ((platform, handle_key) and (platform, platform_id)):
        // SQLite's planner scans the table for `handle_key = ? OR platform_id = ?`.
        let mut row: Option<(String, i64, String, String)> = None;
        for (column, key) in [("handle_key", handle_key), ("platform_id", platform_id)] {
            let Some(key) = key else { continue };
            let found: Option<(String, i64, String, String)> = sqlx::query_as(&format!(
                "SELECT status, status_changed_at, org_id, target_key FROM suspects \
                 WHERE platform = $1 AND {column} = $2 AND status IN ('confirmed', 'reported') \
                 ORDER BY status_changed_at DESC, id DESC LIMIT 1"
            ))
            .bind(platform.as_str())
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
            if let Some(f) = found
                && row.as_ref().is_none_or(|r| f.1 > r.1)
            {
                row = Some(f);
            }
        }
        Ok(row.map(|(status, since, org_id, target_key)| ConfirmedImpostor {
            reported: status == "reported",
            since,
            org_id,
            target_key,
        }))
    }

    /// A suspect's sightings, oldest first.
    pub async fn sightings(&self, suspect_id: i64) -> Result<Vec<SightingRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT run_id, seen_at, display_name, handle, url, bio, avatar_sha256, score, verdict, reasons \
             FROM sightings WHERE suspect_id = $1 ORDER BY run_id",
        )
        .bind(suspect_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A suspect's status events, oldest first.
    pub async fn events(&self, suspect_id: i64) -> Result<Vec<EventRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT at, actor, from_status, to_status, note, run_id FROM suspect_events WHERE suspect_id = $1 ORDER BY id",
        )
        .bind(suspect_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Suspects sighted in a run.
    pub async fn sighted_in(&self, run_id: i64) -> Result<std::collections::HashSet<i64>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as("SELECT suspect_id FROM sightings WHERE run_id = $1")
            .bind(run_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(i,)| i).collect())
    }

    /// Status changes the scan made in a run: (suspect, from, to), in order.
    pub async fn run_events(&self, run_id: i64) -> Result<Vec<(i64, Option<String>, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT suspect_id, from_status, to_status FROM suspect_events WHERE run_id = $1 AND actor = 'scan' ORDER BY id",
        )
        .bind(run_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Counts of suspects per status.
    pub async fn status_counts(&self, org: Option<&str>) -> Result<Vec<(String, i64)>, StoreError> {
        let q = match org {
            Some(o) => sqlx::query_as("SELECT status, COUNT(*) FROM suspects WHERE org_id = $1 GROUP BY status")
                .bind(o.to_string()),
            None => sqlx::query_as("SELECT status, COUNT(*) FROM suspects GROUP BY status"),
        };
        Ok(q.fetch_all(&self.pool).await?)
    }

    /// Applies a staff decision. With `expected_version`, fails with `Conflict` if someone
    /// changed the suspect since the caller read it.
    pub async fn decide(
        &self,
        id: i64,
        decision: &Decision,
        actor: &str,
        expected_version: Option<i64>,
    ) -> Result<SuspectRow, StoreError> {
        match decision {
            Decision::Dismiss { reason } if reason.trim().is_empty() => {
                return Err(StoreError::Invalid("a dismissal needs a reason".into()));
            }
            Decision::Reported { ticket } if ticket.trim().is_empty() => {
                return Err(StoreError::Invalid(
                    "mark reported with the platform's ticket number or the date reported".into(),
                ));
            }
            _ => {}
        }
        let (_g, mut tx) = self.write().await?;
        let row: SuspectRow = sqlx::query_as(&format!("SELECT {SUSPECT_COLUMNS} FROM suspects WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NoSuspect(id))?;
        if let Some(expected) = expected_version.filter(|v| *v != row.version) {
            return Err(StoreError::Conflict {
                id,
                expected,
                current: row.version,
            });
        }
        let from = row.status;
        let to = decision.target(from).ok_or(StoreError::Transition {
            id,
            from,
            action: decision.name(),
        })?;
        let t = now();
        let note = match decision {
            Decision::Dismiss { reason } => Some(reason.trim().to_string()),
            Decision::Reported { ticket } => Some(ticket.trim().to_string()),
            _ => None,
        };
        let updated = sqlx::query(
            "UPDATE suspects SET status = $1, status_note = COALESCE($2, status_note), status_changed_at = $3, \
             version = version + 1, \
             dismissed_name = CASE WHEN $1 = 'dismissed' THEN display_name ELSE dismissed_name END, \
             dismissed_avatar_sha256 = CASE WHEN $1 = 'dismissed' THEN avatar_sha256 ELSE dismissed_avatar_sha256 END, \
             dismissed_score = CASE WHEN $1 = 'dismissed' THEN score ELSE dismissed_score END, \
             reported_ticket = CASE WHEN $1 = 'reported' THEN $2 ELSE reported_ticket END, \
             reported_at = CASE WHEN $1 = 'reported' THEN $3 ELSE reported_at END, \
             removed_at = CASE WHEN $1 = 'removed' THEN $3 WHEN $1 = 'new' THEN NULL ELSE removed_at END \
             WHERE id = $4 AND version = $5",
        )
        .bind(to.as_str())
        .bind(note.clone())
        .bind(t)
        .bind(id)
        .bind(row.version)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            return Err(StoreError::Conflict {
                id,
                expected: row.version,
                current: row.version + 1,
            });
        }
        sqlx::query(
            "INSERT INTO suspect_events (suspect_id, run_id, at, actor, from_status, to_status, note) \
             VALUES ($1, NULL, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(t)
        .bind(actor)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(note.clone())
        .execute(&mut *tx)
        .await?;
        super::users::audit_in(
            &mut tx,
            &super::NewAudit {
                actor,
                org_id: Some(&row.org_id),
                action: decision.name(),
                subject: Some(format!("suspect:{id}")),
                from_state: Some(from.as_str()),
                to_state: Some(to.as_str()),
                detail: note.as_deref(),
            },
        )
        .await?;
        let row: SuspectRow = sqlx::query_as(&format!("SELECT {SUSPECT_COLUMNS} FROM suspects WHERE id = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(row)
    }
}
