//! The scan lease: one row saying which process scans, for which run, and when it last said
//! so. A lease whose heartbeat is older than the time-to-live is free; so is one held by a
//! process on this host that no longer exists (a scan killed with SIGKILL frees its lease
//! at once for the next scan on the same machine).

use super::{Store, StoreError, now};

/// Who holds a lease: host, process id and the process's start time (so a reused pid is not
/// mistaken for the holder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder(pub String);

impl Holder {
    /// This process.
    pub fn this_process() -> Holder {
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .map(|h| h.trim().to_string())
            .unwrap_or_else(|_| "localhost".into());
        let pid = std::process::id();
        Holder(format!("{host}:{pid}:{}", start_time(pid).unwrap_or_default()))
    }

    /// Whether the holder is a process on this host that has ended.
    pub fn is_dead_here(&self) -> bool {
        // A scan's unit claims add `#n` to the process's name.
        let name = self.0.split_once('#').map_or(self.0.as_str(), |(p, _)| p);
        let mut parts = name.rsplitn(3, ':');
        let (Some(start), Some(pid), Some(host)) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        let here = Holder::this_process();
        if !here.0.starts_with(&format!("{host}:")) {
            return false;
        }
        let Ok(pid) = pid.parse::<u32>() else { return false };
        if !std::path::Path::new("/proc/self/stat").exists() {
            return false;
        }
        match start_time(pid) {
            None => true,
            Some(t) => t != start,
        }
    }
}

/// Field 22 of `/proc/PID/stat`: the process's start time in clock ticks since boot.
fn start_time(pid: u32) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may contain spaces.
    let after = stat.rsplit_once(')')?.1;
    after.split_whitespace().nth(19).map(str::to_string)
}

/// Who holds the lease now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockState {
    /// The holder, if any.
    pub holder: Option<String>,
    /// The run it is working on.
    pub run_id: Option<i64>,
    /// Its last heartbeat.
    pub heartbeat_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct LockRow {
    holder: Option<String>,
    run_id: Option<i64>,
    heartbeat_at: Option<i64>,
}

impl Store {
    /// Takes the scan lease, or says who holds it. A lease older than `ttl_secs`, or held by
    /// a dead process on this host, is taken over.
    pub async fn acquire_lock(&self, me: &Holder, ttl_secs: i64) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        let t = now();
        let row: LockRow = sqlx::query_as("SELECT holder, run_id, heartbeat_at FROM scan_lock WHERE id = 1")
            .fetch_one(&mut *tx)
            .await?;
        if let Some(holder) = row.holder.clone().filter(|h| h != &me.0) {
            let age = t - row.heartbeat_at.unwrap_or(0);
            let dead = Holder(holder.clone()).is_dead_here();
            if age < ttl_secs && !dead {
                return Err(StoreError::Busy { holder, age_secs: age });
            }
            tracing::warn!(
                "taking over the scan lease from {holder} ({}; run {:?})",
                if dead { "process gone" } else { "heartbeat expired" },
                row.run_id
            );
        }
        // Taken only from the holder and heartbeat just read: on PostgreSQL two scans can read
        // the same free lease at once, and only one of the two updates may succeed.
        let taken = sqlx::query(
            "UPDATE scan_lock SET holder = $1, heartbeat_at = $2, run_id = NULL WHERE id = 1 \
             AND (holder = $3 OR (holder IS NULL AND $3 IS NULL)) \
             AND (heartbeat_at = $4 OR (heartbeat_at IS NULL AND $4 IS NULL))",
        )
        .bind(&me.0)
        .bind(t)
        .bind(row.holder.as_deref())
        .bind(row.heartbeat_at)
        .execute(&mut *tx)
        .await?;
        if taken.rows_affected() != 1 {
            drop(tx);
            let s = self.lock_state().await?;
            return Err(StoreError::Busy {
                holder: s.holder.unwrap_or_else(|| "another scan".into()),
                age_secs: now() - s.heartbeat_at.unwrap_or(t),
            });
        }
        tx.commit().await?;
        Ok(())
    }

    /// Renews the lease (and says which run it covers); fails if someone took it over.
    pub async fn heartbeat(&self, me: &Holder, run_id: Option<i64>) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE scan_lock SET heartbeat_at = $1, run_id = $2 WHERE id = 1 AND holder = $3")
            .bind(now())
            .bind(run_id)
            .bind(&me.0)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            let s = self.lock_state().await?;
            return Err(StoreError::Busy {
                holder: s.holder.unwrap_or_else(|| "nobody".into()),
                age_secs: now() - s.heartbeat_at.unwrap_or(0),
            });
        }
        Ok(())
    }

    /// Gives the lease back.
    pub async fn release_lock(&self, me: &Holder) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE scan_lock SET holder = NULL, run_id = NULL, heartbeat_at = NULL WHERE id = 1 AND holder = $1",
        )
        .bind(&me.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The lease as stored.
    pub async fn lock_state(&self) -> Result<LockState, StoreError> {
        let row: LockRow = sqlx::query_as("SELECT holder, run_id, heartbeat_at FROM scan_lock WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(LockState {
            holder: row.holder,
            run_id: row.run_id,
            heartbeat_at: row.heartbeat_at,
        })
    }
}
