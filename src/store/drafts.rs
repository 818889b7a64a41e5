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
}

impl Store {
    /// Stores a draft with its suspects, in one transaction.
    pub async fn save_draft(&self, d: &NewDraft<'_>) -> Result<i64, StoreError> {
        let (_guard, mut tx) = self.write().await?;
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
        Ok(sqlx::query_as(
            "SELECT d.id, d.org_id, d.kind, d.lang, d.platform, d.title, d.source, d.markdown, d.generated_by, d.generated_at \
             FROM drafts d JOIN draft_suspects ds ON ds.draft_id = d.id WHERE ds.suspect_id = $1 ORDER BY d.id DESC",
        )
        .bind(suspect_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
