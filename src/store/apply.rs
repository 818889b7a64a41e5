//! One unit of scan work, written in one transaction: the candidates seen (as new suspects,
//! updates, reopenings or untouched allow-list entries), suspects seen gone, a genuine
//! account's snapshot and its changes, per-source counts, errors, and the unit's own
//! "done" marker. A unit is written entirely or not at all, and a unit already marked done
//! is not written twice, so a scan killed at any point resumes without losing or
//! duplicating anything.

use std::sync::Arc;

use super::suspects::SUSPECT_COLUMNS;
use super::{Store, StoreError, SuspectRow, now};
use crate::matching::reason::{Reason, encode_list};
use crate::platform::Platform;

/// An avatar picture kept as evidence.
#[derive(Debug, Clone)]
pub struct AvatarBlob {
    /// Lower-case hex sha256 of the bytes.
    pub sha256: String,
    /// The picture as downloaded.
    pub bytes: Arc<Vec<u8>>,
    /// Its fingerprint (`AvatarHash::encode`), when it could be decoded.
    pub hash: Option<String>,
}

/// A candidate profile as seen and judged in this run.
#[derive(Debug, Clone)]
pub struct Seen {
    /// Platform.
    pub platform: Platform,
    /// The platform's stable id.
    pub platform_id: Option<String>,
    /// Handle as shown.
    pub handle: Option<String>,
    /// The platform's comparison key of the handle.
    pub handle_key: Option<String>,
    /// Display name.
    pub display_name: String,
    /// Profile URL.
    pub url: Option<String>,
    /// Bio.
    pub bio: Option<String>,
    /// Avatar.
    pub avatar: Option<AvatarBlob>,
    /// The matcher said `suspect`.
    pub suspect: bool,
    /// Score.
    pub score: f64,
    /// The matcher's reasons.
    pub reasons: Vec<Reason>,
    /// The genuine account imitated; `None` when clear.
    pub target: Option<Target>,
}

/// The genuine account a suspect imitates, as stored with the suspect.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Target {
    /// Its organisation.
    pub org_id: String,
    /// Its key (`org/platform/label`, see `Organisation::account_key`).
    pub account_key: String,
    /// How staff know it (`@HW_Sapporo`).
    pub label: String,
}

impl Seen {
    /// How the account is told apart on its platform: its id where the platform gives one.
    pub fn account_key(&self) -> String {
        match (&self.platform_id, &self.handle_key) {
            (Some(id), _) => format!("id:{id}"),
            (None, Some(h)) => format!("handle:{h}"),
            (None, None) => format!("url:{}", self.url.as_deref().unwrap_or(&self.display_name)),
        }
    }
}

/// What to do with a sighting, given the stored suspect (decided by the scan).
#[derive(Debug, Clone, PartialEq)]
pub enum SeenAction {
    /// Not a suspect and not stored: keep nothing.
    Ignore,
    /// A new suspect.
    Insert,
    /// Record the sighting and the latest profile.
    Update,
    /// Record the sighting and put the suspect back to `new`, with why.
    Reopen(String),
    /// An allow-listed account, unchanged: only note that it was seen.
    Touch,
}

/// A genuine account as observed.
#[derive(Debug, Clone)]
pub enum Observed {
    /// The account is there.
    Present {
        /// Display name.
        display_name: String,
        /// Handle.
        handle: Option<String>,
        /// Platform id.
        platform_id: Option<String>,
        /// Bio.
        bio: Option<String>,
        /// Avatar.
        avatar: Option<AvatarBlob>,
        /// The profile shows a picture that could not be fetched or read: what is stored of
        /// the avatar stays as it was, and no avatar change is recorded.
        avatar_unknown: bool,
    },
    /// The platform says it does not exist.
    Vanished,
}

/// A change of a genuine account since the last snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// `name`, `avatar`, `handle`, `vanished` or `reappeared`.
    pub kind: String,
    /// Before.
    pub before: Option<String>,
    /// After.
    pub after: Option<String>,
}

/// A genuine account's new snapshot.
#[derive(Debug, Clone)]
pub struct SnapshotWrite {
    /// `org/platform/label`.
    pub account_key: String,
    /// Organisation.
    pub org_id: String,
    /// Platform.
    pub platform: String,
    /// Label.
    pub label: String,
    /// What was seen.
    pub observed: Observed,
    /// What changed (decided by the scan against the previous snapshot).
    pub changes: Vec<Change>,
}

/// One source's answers in a unit: looked up, found, not found, blocked, failed, gone, not
/// visible.
pub type SourceTally = [i64; 7];

/// Everything one unit of work writes.
#[derive(Debug, Clone, Default)]
pub struct UnitWrite {
    /// The unit's name (`genuine:…`, `discover:…`, `verify:…`).
    pub unit: String,
    /// Candidates seen.
    pub seen: Vec<Seen>,
    /// Suspects seen gone: (suspect id, what the platform said).
    pub gone: Vec<(i64, String)>,
    /// A genuine account's snapshot.
    pub snapshot: Option<SnapshotWrite>,
    /// Per platform: looked up, found, not found, blocked, failed, gone, not visible.
    pub counts: Vec<(String, SourceTally)>,
    /// Errors: (platform, message).
    pub errors: Vec<(Option<String>, String)>,
}

/// What a unit changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitTally {
    /// The unit had been written before; nothing was written now.
    pub already_done: bool,
    /// New suspects (ids).
    pub new_suspects: Vec<i64>,
    /// Reopened suspects (ids).
    pub reopened: Vec<i64>,
    /// Suspects marked removed (ids).
    pub removed: Vec<i64>,
    /// Changes of the genuine account.
    pub genuine_changes: usize,
}

use super::Tx;

async fn put_avatar(tx: &mut Tx, a: &AvatarBlob, t: i64) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO avatars (sha256, bytes, size, first_seen_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING",
    )
    .bind(&a.sha256)
    .bind(a.bytes.as_slice().to_vec())
    .bind(a.bytes.len() as i64)
    .bind(t)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn find_suspect(tx: &mut Tx, s: &Seen) -> Result<Option<SuspectRow>, StoreError> {
    let sql = format!(
        "SELECT {SUSPECT_COLUMNS} FROM suspects WHERE platform = $1 AND (account_key = $2 \
         OR (platform_id IS NOT NULL AND platform_id = $3) OR ((platform_id IS NULL OR $3 IS NULL) AND handle_key = $4)) \
         ORDER BY id LIMIT 1"
    );
    Ok(sqlx::query_as(&sql)
        .bind(s.platform.as_str())
        .bind(s.account_key())
        .bind(s.platform_id.clone())
        .bind(s.handle_key.clone())
        .fetch_optional(&mut **tx)
        .await?)
}

async fn event(
    tx: &mut Tx,
    suspect_id: i64,
    run_id: i64,
    t: i64,
    from: Option<&str>,
    to: &str,
    note: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO suspect_events (suspect_id, run_id, at, actor, from_status, to_status, note) \
         VALUES ($1, $2, $3, 'scan', $4, $5, $6)",
    )
    .bind(suspect_id)
    .bind(run_id)
    .bind(t)
    .bind(from)
    .bind(to)
    .bind(note)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn sighting(
    tx: &mut Tx,
    suspect_id: i64,
    run_id: i64,
    t: i64,
    s: &Seen,
    reasons: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sightings (suspect_id, run_id, seen_at, display_name, handle, url, bio, avatar_sha256, score, verdict, reasons) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (suspect_id, run_id) DO UPDATE SET seen_at = excluded.seen_at, display_name = excluded.display_name, \
         handle = excluded.handle, url = excluded.url, bio = excluded.bio, avatar_sha256 = excluded.avatar_sha256, \
         score = excluded.score, verdict = excluded.verdict, reasons = excluded.reasons",
    )
    .bind(suspect_id)
    .bind(run_id)
    .bind(t)
    .bind(&s.display_name)
    .bind(s.handle.clone())
    .bind(s.url.clone())
    .bind(s.bio.clone())
    .bind(s.avatar.as_ref().map(|a| a.sha256.clone()))
    .bind(s.score)
    .bind(if s.suspect { "suspect" } else { "clear" })
    .bind(reasons)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Writes one unit of a run, atomically. `decide` says what a sighting means given the
    /// stored suspect; it runs inside the transaction, on the row as it is now.
    pub async fn apply_unit(
        &self,
        run_id: i64,
        w: &UnitWrite,
        decide: &(dyn Fn(Option<&SuspectRow>, &Seen) -> SeenAction + Sync),
    ) -> Result<UnitTally, StoreError> {
        // Each sighting's reasons are encoded once, before the write lock is taken.
        let reasons: Vec<String> = w.seen.iter().map(|s| encode_list(&s.reasons)).collect();
        let (_g, mut tx) = self.write().await?;
        let mut tally = UnitTally::default();
        let done: Option<(String,)> = sqlx::query_as("SELECT unit FROM scan_units WHERE run_id = $1 AND unit = $2")
            .bind(run_id)
            .bind(&w.unit)
            .fetch_optional(&mut *tx)
            .await?;
        if done.is_some() {
            tally.already_done = true;
            return Ok(tally);
        }
        let t = now();
        for (s, reasons) in w.seen.iter().zip(&reasons) {
            apply_seen(&mut tx, run_id, t, s, reasons, decide, &mut tally).await?;
        }
        mark_gone(&mut tx, run_id, t, &w.gone, &mut tally).await?;
        if let Some(snap) = &w.snapshot {
            tally.genuine_changes = snap.changes.len();
            write_snapshot(&mut tx, run_id, t, snap).await?;
        }
        add_counts(&mut tx, run_id, &w.counts).await?;
        for (platform, message) in &w.errors {
            sqlx::query("INSERT INTO scan_errors (run_id, unit, platform, message) VALUES ($1, $2, $3, $4)")
                .bind(run_id)
                .bind(&w.unit)
                .bind(platform.clone())
                .bind(message)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "UPDATE scan_runs SET units_done = units_done + 1, candidates = candidates + $1, \
             new_suspects = new_suspects + $2, reopened = reopened + $3, removed = removed + $4, \
             genuine_changes = genuine_changes + $5, errors = errors + $6 WHERE id = $7",
        )
        .bind(w.seen.len() as i64)
        .bind(tally.new_suspects.len() as i64)
        .bind(tally.reopened.len() as i64)
        .bind(tally.removed.len() as i64)
        .bind(tally.genuine_changes as i64)
        .bind(w.errors.len() as i64)
        .bind(run_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO scan_units (run_id, unit, done_at) VALUES ($1, $2, $3)")
            .bind(run_id)
            .bind(&w.unit)
            .bind(t)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(tally)
    }
}

/// Writes one sighting as `decide` wants it: a new suspect, an update or a reopening (with the
/// sighting), only a touch for an allow-listed account, or nothing.
async fn apply_seen(
    tx: &mut Tx,
    run_id: i64,
    t: i64,
    s: &Seen,
    reasons: &str,
    decide: &(dyn Fn(Option<&SuspectRow>, &Seen) -> SeenAction + Sync),
    tally: &mut UnitTally,
) -> Result<(), StoreError> {
    let existing = find_suspect(&mut *tx, s).await?;
    let action = decide(existing.as_ref(), s);
    if matches!(action, SeenAction::Ignore) {
        return Ok(());
    }
    if let Some(a) = &s.avatar
        && !matches!(action, SeenAction::Touch)
    {
        put_avatar(&mut *tx, a, t).await?;
    }
    match (action, existing) {
        (SeenAction::Insert, None) => {
            let id = insert_suspect(tx, run_id, t, s, reasons).await?;
            event(&mut *tx, id, run_id, t, None, "new", None).await?;
            sighting(&mut *tx, id, run_id, t, s, reasons).await?;
            tally.new_suspects.push(id);
        }
        (SeenAction::Touch, Some(row)) => {
            sqlx::query("UPDATE suspects SET last_seen_at = $1 WHERE id = $2")
                .bind(t)
                .bind(row.id)
                .execute(&mut **tx)
                .await?;
        }
        (action @ (SeenAction::Update | SeenAction::Reopen(_)), Some(row)) => {
            update_suspect(tx, t, s, reasons, row.id).await?;
            if let SeenAction::Reopen(note) = action {
                sqlx::query(
                    "UPDATE suspects SET status = 'new', status_changed_at = $1, removed_at = NULL, \
                     flagged_run_id = $3, version = version + 1 WHERE id = $2",
                )
                .bind(t)
                .bind(row.id)
                .bind(run_id)
                .execute(&mut **tx)
                .await?;
                event(
                    &mut *tx,
                    row.id,
                    run_id,
                    t,
                    Some(row.status.as_str()),
                    "new",
                    Some(&note),
                )
                .await?;
                tally.reopened.push(row.id);
            }
            sighting(&mut *tx, row.id, run_id, t, s, reasons).await?;
        }
        // The decision does not fit the row (e.g. Insert for a stored account): the
        // stored row wins; record the sighting against it if there is one.
        (_, Some(row)) => sighting(&mut *tx, row.id, run_id, t, s, reasons).await?,
        (_, None) => {}
    }
    Ok(())
}

/// Stores a new suspect (status `new`) and returns its number.
async fn insert_suspect(tx: &mut Tx, run_id: i64, t: i64, s: &Seen, reasons: &str) -> Result<i64, StoreError> {
    let Target {
        org_id,
        account_key,
        label,
    } = s.target.clone().unwrap_or_default();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO suspects (platform, account_key, platform_id, handle_key, handle, display_name, url, bio, \
         avatar_sha256, avatar_hash, org_id, target_key, target_label, score, reasons, status, \
         status_changed_at, first_seen_at, last_seen_at, flagged_run_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'new', $16, $16, $16, $17) RETURNING id",
    )
    .bind(s.platform.as_str())
    .bind(s.account_key())
    .bind(s.platform_id.clone())
    .bind(s.handle_key.clone())
    .bind(s.handle.clone())
    .bind(&s.display_name)
    .bind(s.url.clone())
    .bind(s.bio.clone())
    .bind(s.avatar.as_ref().map(|a| a.sha256.clone()))
    .bind(s.avatar.as_ref().and_then(|a| a.hash.clone()))
    .bind(org_id)
    .bind(account_key)
    .bind(label)
    .bind(s.score)
    .bind(reasons)
    .bind(t)
    .bind(run_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// Brings a stored suspect up to date with what was seen (its target only when judged one).
async fn update_suspect(tx: &mut Tx, t: i64, s: &Seen, reasons: &str, id: i64) -> Result<(), StoreError> {
    let target = s.target.clone();
    sqlx::query(
        "UPDATE suspects SET platform_id = COALESCE($1, platform_id), handle_key = COALESCE($2, handle_key), \
         handle = COALESCE($3, handle), display_name = $4, url = COALESCE($5, url), bio = $6, \
         avatar_sha256 = $7, avatar_hash = $8, score = $9, reasons = $10, last_seen_at = $11, \
         org_id = COALESCE($12, org_id), target_key = COALESCE($13, target_key), \
         target_label = COALESCE($14, target_label) WHERE id = $15",
    )
    .bind(s.platform_id.clone())
    .bind(s.handle_key.clone())
    .bind(s.handle.clone())
    .bind(&s.display_name)
    .bind(s.url.clone())
    .bind(s.bio.clone())
    .bind(s.avatar.as_ref().map(|a| a.sha256.clone()))
    .bind(s.avatar.as_ref().and_then(|a| a.hash.clone()))
    .bind(s.score)
    .bind(reasons)
    .bind(t)
    .bind(target.as_ref().map(|x| x.org_id.clone()))
    .bind(target.as_ref().map(|x| x.account_key.clone()))
    .bind(target.as_ref().map(|x| x.label.clone()))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Marks suspects seen gone as removed, with why; a case already closed stays as it is.
async fn mark_gone(
    tx: &mut Tx,
    run_id: i64,
    t: i64,
    gone: &[(i64, String)],
    tally: &mut UnitTally,
) -> Result<(), StoreError> {
    for (id, note) in gone {
        let row: Option<(String,)> = sqlx::query_as("SELECT status FROM suspects WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
        let Some((status,)) = row else { continue };
        if !super::SuspectStatus::parse(&status).is_some_and(|s| s.is_open()) {
            continue;
        }
        sqlx::query(
            "UPDATE suspects SET status = 'removed', status_changed_at = $1, removed_at = $1, version = version + 1 WHERE id = $2",
        )
        .bind(t)
        .bind(id)
        .execute(&mut **tx)
        .await?;
        event(tx, *id, run_id, t, Some(&status), "removed", Some(note)).await?;
        tally.removed.push(*id);
    }
    Ok(())
}

/// Adds a unit's per-source counts to the run's.
async fn add_counts(tx: &mut Tx, run_id: i64, counts: &[(String, SourceTally)]) -> Result<(), StoreError> {
    for (platform, c) in counts {
        sqlx::query(
            "INSERT INTO scan_source_counts (run_id, platform, looked_up, found, not_found, blocked, failed, gone, not_visible) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (run_id, platform) DO UPDATE SET \
             looked_up = scan_source_counts.looked_up + excluded.looked_up, \
             found = scan_source_counts.found + excluded.found, \
             not_found = scan_source_counts.not_found + excluded.not_found, \
             blocked = scan_source_counts.blocked + excluded.blocked, \
             failed = scan_source_counts.failed + excluded.failed, \
             gone = scan_source_counts.gone + excluded.gone, \
             not_visible = scan_source_counts.not_visible + excluded.not_visible",
        )
        .bind(run_id)
        .bind(platform)
        .bind(c[0])
        .bind(c[1])
        .bind(c[2])
        .bind(c[3])
        .bind(c[4])
        .bind(c[5])
        .bind(c[6])
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn write_snapshot(tx: &mut Tx, run_id: i64, t: i64, s: &SnapshotWrite) -> Result<(), StoreError> {
    let changed = !s.changes.is_empty();
    match &s.observed {
        Observed::Present {
            display_name,
            handle,
            platform_id,
            bio,
            avatar,
            avatar_unknown,
        } => {
            if let Some(a) = avatar {
                put_avatar(tx, a, t).await?;
            }
            sqlx::query(
                "INSERT INTO genuine_snapshots (account_key, org_id, platform, label, state, display_name, handle, platform_id, \
                 bio, avatar_sha256, avatar_hash, checked_at, changed_at, run_id) \
                 VALUES ($1, $2, $3, $4, 'present', $5, $6, $7, $8, $9, $10, $11, $11, $12) \
                 ON CONFLICT (account_key) DO UPDATE SET state = 'present', display_name = excluded.display_name, \
                 handle = excluded.handle, platform_id = excluded.platform_id, bio = excluded.bio, \
                 avatar_sha256 = CASE WHEN $14 = 1 THEN genuine_snapshots.avatar_sha256 ELSE excluded.avatar_sha256 END, \
                 avatar_hash = CASE WHEN $14 = 1 THEN genuine_snapshots.avatar_hash ELSE excluded.avatar_hash END, \
                 checked_at = excluded.checked_at, \
                 changed_at = CASE WHEN $13 = 1 THEN excluded.checked_at ELSE genuine_snapshots.changed_at END, \
                 run_id = excluded.run_id",
            )
            .bind(&s.account_key)
            .bind(&s.org_id)
            .bind(s.platform.as_str())
            .bind(&s.label)
            .bind(display_name)
            .bind(handle.clone())
            .bind(platform_id.clone())
            .bind(bio.clone())
            .bind(avatar.as_ref().map(|a| a.sha256.clone()))
            .bind(avatar.as_ref().and_then(|a| a.hash.clone()))
            .bind(t)
            .bind(run_id)
            .bind(i64::from(changed))
            .bind(i64::from(*avatar_unknown && avatar.is_none()))
            .execute(&mut **tx)
            .await?;
        }
        Observed::Vanished => {
            sqlx::query(
                "INSERT INTO genuine_snapshots (account_key, org_id, platform, label, state, checked_at, changed_at, run_id) \
                 VALUES ($1, $2, $3, $4, 'vanished', $5, $5, $6) \
                 ON CONFLICT (account_key) DO UPDATE SET state = 'vanished', checked_at = excluded.checked_at, \
                 changed_at = CASE WHEN $7 = 1 THEN excluded.checked_at ELSE genuine_snapshots.changed_at END, \
                 run_id = excluded.run_id",
            )
            .bind(&s.account_key)
            .bind(&s.org_id)
            .bind(s.platform.as_str())
            .bind(&s.label)
            .bind(t)
            .bind(run_id)
            .bind(i64::from(changed))
            .execute(&mut **tx)
            .await?;
        }
    }
    for c in &s.changes {
        sqlx::query(
            "INSERT INTO genuine_changes (account_key, run_id, at, kind, before_value, after_value) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_key, run_id, kind) DO NOTHING",
        )
        .bind(&s.account_key)
        .bind(run_id)
        .bind(t)
        .bind(&c.kind)
        .bind(c.before.clone())
        .bind(c.after.clone())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
