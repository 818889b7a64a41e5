//! Retention of personal data: the evidence of suspects staff dismissed (people and bodies
//! that are not impostors) is purged after a configured period; the dismissal itself stays as
//! the allow-list entry, with its events and the audit log. Pictures no row refers to any more
//! are deleted with it. Everything of open cases is kept.

use serde::Serialize;

use super::{Store, StoreError, now};

/// What a purge removes (or, in a dry run, would remove).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PurgeReport {
    /// Dismissed suspects whose evidence goes.
    pub suspects: Vec<i64>,
    /// Sightings deleted.
    pub sightings: i64,
    /// Pictures deleted (sha256), no longer referred to by any row.
    pub avatars: Vec<String>,
    /// Their bytes.
    pub avatar_bytes: i64,
    /// Failed-login records older than a day, without a lock in force.
    pub login_failures: i64,
}

/// Pictures nothing refers to any more (after the purge's updates, or as they would be after
/// them in a dry run): counted into `report`, and deleted unless `dry_run`.
async fn purge_orphan_pictures(
    tx: &mut super::Tx,
    cutoff: i64,
    dry_run: bool,
    report: &mut PurgeReport,
) -> Result<Vec<(String, i64)>, StoreError> {
    // Pictures nothing refers to: after the updates above, or as they would be.
    let orphan_sql = if dry_run {
        "SELECT a.sha256, a.size FROM avatars a WHERE \
         NOT EXISTS (SELECT 1 FROM genuine_snapshots s WHERE s.avatar_sha256 = a.sha256) \
         AND NOT EXISTS (SELECT 1 FROM suspects u WHERE u.avatar_sha256 = a.sha256 AND NOT (u.status = 'dismissed' AND u.status_changed_at < $1)) \
         AND NOT EXISTS (SELECT 1 FROM sightings g JOIN suspects u ON u.id = g.suspect_id \
                         WHERE g.avatar_sha256 = a.sha256 AND NOT (u.status = 'dismissed' AND u.status_changed_at < $1)) \
         ORDER BY a.sha256"
    } else {
        "SELECT a.sha256, a.size FROM avatars a WHERE \
         NOT EXISTS (SELECT 1 FROM genuine_snapshots s WHERE s.avatar_sha256 = a.sha256) \
         AND NOT EXISTS (SELECT 1 FROM suspects u WHERE u.avatar_sha256 = a.sha256) \
         AND NOT EXISTS (SELECT 1 FROM sightings g WHERE g.avatar_sha256 = a.sha256) \
         ORDER BY a.sha256"
    };
    let mut orphans_q = sqlx::query_as::<_, (String, i64)>(orphan_sql);
    if dry_run {
        orphans_q = orphans_q.bind(cutoff);
    }
    let orphans = orphans_q.fetch_all(&mut **tx).await?;
    for (sha, size) in &orphans {
        report.avatar_bytes += size;
        report.avatars.push(sha.clone());
        if !dry_run {
            sqlx::query("DELETE FROM avatars WHERE sha256 = $1")
                .bind(sha)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(orphans)
}

impl Store {
    /// Purges the evidence of suspects dismissed more than `older_than_secs` ago: their
    /// sightings, bio, profile URL and pictures. With `dry_run`, only reports what would go.
    pub async fn purge(&self, older_than_secs: i64, dry_run: bool, actor: &str) -> Result<PurgeReport, StoreError> {
        let (_g, mut tx) = self.write().await?;
        let t = now();
        let cutoff = t - older_than_secs;
        let ids: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM suspects WHERE status = 'dismissed' AND status_changed_at < $1 \
             AND (evidence_purged_at IS NULL OR EXISTS (SELECT 1 FROM sightings g WHERE g.suspect_id = suspects.id) \
                  OR bio IS NOT NULL OR avatar_sha256 IS NOT NULL) ORDER BY id",
        )
        .bind(cutoff)
        .fetch_all(&mut *tx)
        .await?;
        let ids: Vec<i64> = ids.into_iter().map(|(i,)| i).collect();
        let mut report = PurgeReport {
            suspects: ids.clone(),
            ..Default::default()
        };
        for id in &ids {
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sightings WHERE suspect_id = $1")
                .bind(*id)
                .fetch_one(&mut *tx)
                .await?;
            report.sightings += n;
            if !dry_run {
                sqlx::query("DELETE FROM sightings WHERE suspect_id = $1")
                    .bind(*id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE suspects SET bio = NULL, url = NULL, avatar_sha256 = NULL, avatar_hash = NULL, \
                     evidence_purged_at = $1 WHERE id = $2",
                )
                .bind(t)
                .bind(*id)
                .execute(&mut *tx)
                .await?;
            }
        }
        let orphans = purge_orphan_pictures(&mut tx, cutoff, dry_run, &mut report).await?;
        let stale = "login_failures WHERE first_failed_at < $1 AND (locked_until IS NULL OR locked_until < $2)";
        let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {stale}"))
            .bind(t - 86_400)
            .bind(t)
            .fetch_one(&mut *tx)
            .await?;
        report.login_failures = n;
        if !dry_run {
            sqlx::query(&format!("DELETE FROM {stale}"))
                .bind(t - 86_400)
                .bind(t)
                .execute(&mut *tx)
                .await?;
            if !ids.is_empty() || !orphans.is_empty() {
                let detail = format!(
                    "{} suspects, {} sightings, {} pictures ({} bytes)",
                    ids.len(),
                    report.sightings,
                    orphans.len(),
                    report.avatar_bytes
                );
                super::users::audit_in(
                    &mut tx,
                    &super::NewAudit {
                        actor,
                        action: "purge",
                        detail: Some(&detail),
                        ..Default::default()
                    },
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(report)
    }

    /// Writes a consistent copy of an SQLite database to `path` while others use it
    /// (`VACUUM INTO`). PostgreSQL is backed up with its own tools (`pg_dump`).
    pub async fn backup(&self, path: &std::path::Path) -> Result<u64, StoreError> {
        if self.backend == super::Backend::Postgres {
            return Err(StoreError::Invalid(
                "this database is PostgreSQL: back it up with pg_dump (see README)".into(),
            ));
        }
        if path.exists() {
            return Err(StoreError::Invalid(format!(
                "{} exists; choose a new file",
                path.display()
            )));
        }
        let target = path
            .to_str()
            .ok_or_else(|| StoreError::Invalid("the backup path is not UTF-8".into()))?;
        // Created empty and private first (VACUUM INTO fills an empty file).
        super::create_private(path).map_err(|e| StoreError::Invalid(format!("cannot create {target}: {e}")))?;
        sqlx::query("VACUUM INTO $1").bind(target).execute(&self.pool).await?;
        Ok(std::fs::metadata(path).map(|m| m.len()).unwrap_or(0))
    }
}
