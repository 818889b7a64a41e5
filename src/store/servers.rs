//! The review servers (`serve`) running on one database, each with its last heartbeat on the
//! database's clock: so that a limit meant for all of them together can be shared out (the
//! public check's per-client limit) and `/metrics` can say how many answer. A server that
//! stops removes its row; one that died is forgotten once its heartbeat is
//! [`SERVER_GONE_SECS`] old, or at once when it ran on the host that looks.

use super::lock::Holder;
use super::{Store, StoreError};

/// How often a review server says it is running, in seconds.
pub const SERVER_HEARTBEAT_SECS: u64 = 10;
/// A review server not heard from for this long is taken as gone, in seconds.
const SERVER_GONE_SECS: i64 = 3 * SERVER_HEARTBEAT_SECS as i64;

impl Store {
    /// Records that review server `id` runs, forgets the servers that are gone, and returns
    /// how many run (this one included).
    pub async fn review_server_seen(&self, id: &str) -> Result<u32, StoreError> {
        let clock = format!("({}) / 1000000", self.clock_us());
        let (_g, mut tx) = self.write().await?;
        sqlx::query(&format!(
            "INSERT INTO review_servers (id, seen_at) VALUES ($1, {clock}) \
             ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at"
        ))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let rows: Vec<(String, i64, i64)> =
            sqlx::query_as(&format!("SELECT id, seen_at, {clock} FROM review_servers ORDER BY id"))
                .fetch_all(&mut *tx)
                .await?;
        let mut running = 0u32;
        for (other, seen_at, t) in rows {
            let gone = other != id && (seen_at < t - SERVER_GONE_SECS || Holder(other.clone()).is_dead_here());
            if gone {
                sqlx::query("DELETE FROM review_servers WHERE id = $1")
                    .bind(&other)
                    .execute(&mut *tx)
                    .await?;
            } else {
                running += 1;
            }
        }
        tx.commit().await?;
        Ok(running.max(1))
    }

    /// Forgets review server `id` (it is stopping).
    pub async fn review_server_gone(&self, id: &str) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        sqlx::query("DELETE FROM review_servers WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The review servers running on this database, by their ids (host:pid:start#n).
    pub async fn review_servers(&self) -> Result<Vec<String>, StoreError> {
        let clock = format!("({}) / 1000000", self.clock_us());
        let rows: Vec<(String,)> = sqlx::query_as(&format!(
            "SELECT id FROM review_servers WHERE seen_at >= {clock} - $1 ORDER BY id"
        ))
        .bind(SERVER_GONE_SECS)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }
}
