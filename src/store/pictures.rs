//! The matches of candidate pictures shared by the processes of one run (`scan --worker`),
//! kept while the run lasts: one process aligns a picture with the genuine pictures, the
//! others read what it found (see `matching::pictures`). Nothing here is evidence: a row lost
//! costs an alignment, never a finding.

use super::{Store, StoreError};

impl Store {
    /// The matches another process of run `run_id` wrote for candidate picture `picture`
    /// against `gallery`.
    pub async fn picture_matches(
        &self,
        run_id: i64,
        gallery: &str,
        picture: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT matches FROM picture_matches WHERE run_id = $1 AND gallery = $2 AND picture = $3",
        )
        .bind(run_id)
        .bind(gallery)
        .bind(picture)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Writes the matches of candidate picture `picture` for the other processes of the run
    /// (the first process to write a picture's matches keeps them: they are the same). One
    /// statement that reads nothing, so it does not queue behind the run's writer lock.
    pub async fn save_picture_matches(
        &self,
        run_id: i64,
        gallery: &str,
        picture: &str,
        matches: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO picture_matches (run_id, gallery, picture, matches) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (run_id, gallery, picture) DO NOTHING",
        )
        .bind(run_id)
        .bind(gallery)
        .bind(picture)
        .bind(matches)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Forgets the shared picture matches of every run but `keep` (none: of every run).
    pub async fn forget_picture_matches(&self, keep: Option<i64>) -> Result<u64, StoreError> {
        Ok(sqlx::query("DELETE FROM picture_matches WHERE run_id <> $1")
            .bind(keep.unwrap_or(-1))
            .execute(self.pool())
            .await?
            .rows_affected())
    }
}
