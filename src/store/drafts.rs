//! Stored drafts: each generated document with the suspects it covers, who generated it and
//! when, so the review UI can list, show and edit them.

use serde::Serialize;

use super::{Store, StoreError, now};

/// A draft to store.
#[derive(Debug, Clone)]
pub struct NewDraft<'a> {
    /// Organisation.
    pub org_id: &'a str,
    /// Kind (`takedown`, `notice`, …).
    pub kind: &'a str,
    /// `ja` or `en`.
    pub lang: &'a str,
    /// Platform, for takedown requests and posts.
    pub platform: Option<&'a str>,
    /// Title.
    pub title: &'a str,
    /// Format-neutral source.
    pub source: &'a str,
    /// Markdown rendering.
    pub markdown: &'a str,
    /// Who generated it.
    pub generated_by: &'a str,
    /// Suspects covered.
    pub suspect_ids: &'a [i64],
}

/// A stored draft.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct DraftRow {
    /// Number.
    pub id: i64,
    /// Organisation.
    pub org_id: String,
    /// Kind.
    pub kind: String,
    /// Language.
    pub lang: String,
    /// Platform.
    pub platform: Option<String>,
    /// Title.
    pub title: String,
    /// Format-neutral source.
    pub source: String,
    /// Markdown rendering.
    pub markdown: String,
    /// Who generated it.
    pub generated_by: String,
    /// When (Unix seconds).
    pub generated_at: i64,
    /// The latest revision (1 as generated; each staff edit adds one).
    pub revision: i64,
}

/// One version of a draft.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct DraftRevisionRow {
    /// The draft.
    pub draft_id: i64,
    /// Revision number (1 as generated).
    pub rev: i64,
    /// Format-neutral source.
    pub source: String,
    /// Markdown rendering.
    pub markdown: String,
    /// Who generated or edited it.
    pub edited_by: String,
    /// When.
    pub edited_at: i64,
}

const DRAFT_COLUMNS: &str = "d.id, d.org_id, d.kind, d.lang, d.platform, d.title, d.source, d.markdown, d.generated_by, d.generated_at, d.revision";

impl Store {
    /// Stores a draft with its suspects, in one transaction. A draft regenerated for the same
    /// suspects, kind, language and platform becomes the next revision of the draft already
    /// stored (the earlier revisions, staff edits included, stay readable).
    pub async fn save_draft(&self, d: &NewDraft<'_>) -> Result<i64, StoreError> {
        let (_guard, mut tx) = self.write().await?;
        let same: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT id, revision FROM drafts WHERE org_id = $1 AND kind = $2 AND lang = $3 \
             AND COALESCE(platform, '') = COALESCE($4, '') ORDER BY id DESC",
        )
        .bind(d.org_id)
        .bind(d.kind)
        .bind(d.lang)
        .bind(d.platform)
        .fetch_all(&mut *tx)
        .await?;
        let mut wanted: Vec<i64> = d.suspect_ids.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        for (id, revision) in same {
            let covered: Vec<(i64,)> =
                sqlx::query_as("SELECT suspect_id FROM draft_suspects WHERE draft_id = $1 ORDER BY suspect_id")
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await?;
            if covered.iter().map(|(s,)| *s).eq(wanted.iter().copied()) {
                let revised = Revision {
                    title: Some(d.title),
                    source: d.source,
                    markdown: d.markdown,
                    actor: d.generated_by,
                };
                let rev = next_revision(&mut tx, id, revision, &revised).await?;
                audit_generated(&mut tx, d, id, &format!("{} (revision {rev})", d.kind)).await?;
                tx.commit().await?;
                return Ok(id);
            }
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO drafts (org_id, kind, lang, platform, title, source, markdown, generated_by, generated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(d.org_id)
        .bind(d.kind)
        .bind(d.lang)
        .bind(d.platform)
        .bind(d.title)
        .bind(d.source)
        .bind(d.markdown)
        .bind(d.generated_by)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO draft_revisions (draft_id, rev, source, markdown, edited_by, edited_at) \
             SELECT id, 1, source, markdown, generated_by, generated_at FROM drafts WHERE id = $1",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit_generated(&mut tx, d, id, d.kind).await?;
        for s in d.suspect_ids {
            sqlx::query("INSERT INTO draft_suspects (draft_id, suspect_id) VALUES ($1, $2)")
                .bind(id)
                .bind(*s)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The drafts covering a suspect, newest first.
    pub async fn drafts_for(&self, suspect_id: i64) -> Result<Vec<DraftRow>, StoreError> {
        Ok(sqlx::query_as(&format!(
            "SELECT {DRAFT_COLUMNS} FROM drafts d JOIN draft_suspects ds ON ds.draft_id = d.id \
             WHERE ds.suspect_id = $1 ORDER BY d.id DESC"
        ))
        .bind(suspect_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One draft.
    pub async fn draft(&self, id: i64) -> Result<Option<DraftRow>, StoreError> {
        Ok(
            sqlx::query_as(&format!("SELECT {DRAFT_COLUMNS} FROM drafts d WHERE d.id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The suspects a draft covers.
    pub async fn draft_suspects(&self, draft_id: i64) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT suspect_id FROM draft_suspects WHERE draft_id = $1 ORDER BY suspect_id")
                .bind(draft_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(i,)| i).collect())
    }

    /// Every version of a draft, newest first.
    pub async fn draft_revisions(&self, draft_id: i64) -> Result<Vec<DraftRevisionRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT draft_id, rev, source, markdown, edited_by, edited_at FROM draft_revisions \
             WHERE draft_id = $1 ORDER BY rev DESC",
        )
        .bind(draft_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Saves a staff edit as the next revision. With the revision the editor started from,
    /// fails with `Conflict` if someone saved another edit in between.
    pub async fn edit_draft(
        &self,
        id: i64,
        expected_revision: i64,
        source: &str,
        markdown: &str,
        actor: &str,
    ) -> Result<i64, StoreError> {
        let (_g, mut tx) = self.write().await?;
        let current: Option<(i64, String)> = sqlx::query_as("SELECT revision, org_id FROM drafts WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let (current, org) = current.ok_or_else(|| StoreError::Invalid(format!("no draft #{id}")))?;
        if current != expected_revision {
            return Err(StoreError::DraftConflict {
                id,
                expected: expected_revision,
                current,
            });
        }
        let revised = Revision {
            title: None,
            source,
            markdown,
            actor,
        };
        let rev = next_revision(&mut tx, id, current, &revised).await?;
        let (from, to) = (current.to_string(), rev.to_string());
        super::users::audit_in(
            &mut tx,
            &super::NewAudit {
                actor,
                org_id: Some(&org),
                action: "draft_edit",
                subject: Some(format!("draft:{id}")),
                from_state: Some(&from),
                to_state: Some(&to),
                detail: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(rev)
    }
}

/// The text of a draft's next revision, and who made it (`title`: a regenerated draft's new
/// title; an edit keeps the title).
struct Revision<'a> {
    title: Option<&'a str>,
    source: &'a str,
    markdown: &'a str,
    actor: &'a str,
}

/// Records in the audit log that draft `id` was generated (first or again), with `detail`.
async fn audit_generated(tx: &mut super::Tx, d: &NewDraft<'_>, id: i64, detail: &str) -> Result<(), StoreError> {
    super::users::audit_in(
        tx,
        &super::NewAudit {
            actor: d.generated_by,
            org_id: Some(d.org_id),
            action: "draft_generate",
            subject: Some(format!("draft:{id}")),
            detail: Some(detail),
            ..Default::default()
        },
    )
    .await
}

/// Makes `r` revision `current + 1` of draft `id` (the draft row and its history, in `tx`),
/// and returns the new revision's number.
async fn next_revision(tx: &mut super::Tx, id: i64, current: i64, r: &Revision<'_>) -> Result<i64, StoreError> {
    let rev = current + 1;
    sqlx::query(
        "UPDATE drafts SET title = COALESCE($1, title), source = $2, markdown = $3, revision = $4 \
         WHERE id = $5 AND revision = $6",
    )
    .bind(r.title)
    .bind(r.source)
    .bind(r.markdown)
    .bind(rev)
    .bind(id)
    .bind(current)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO draft_revisions (draft_id, rev, source, markdown, edited_by, edited_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(rev)
    .bind(r.source)
    .bind(r.markdown)
    .bind(r.actor)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(rev)
}
