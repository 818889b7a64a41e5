//! The shared work list of a run: the units the planner wrote for each phase, claimed by
//! whichever process (the planner or a `scan --worker`) asks first, under a lease it renews
//! while it works; the planner's plan inputs, so that a worker builds the same plan; and the
//! request spacing per host that every process of a run keeps together.
//!
//! A claim is one statement. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets many workers claim
//! at once without waiting on each other's rows; on SQLite the write lock already makes the
//! claim exclusive. A unit is finished when its done marker is in `scan_units` (written in
//! the unit's own transaction, see `apply`), not when its claim says so: a worker killed after
//! its commit leaves a claim that expires and is simply skipped.

use super::{Backend, Store, StoreError, now};

/// What a run was planned with (see the migration `0008_workers`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanInputs {
    /// Open suspects per platform when the run began (stored as `[[platform, n], …]`).
    pub open_counts: Vec<(crate::platform::Platform, usize)>,
    /// A digest of the registry's account keys.
    pub registry_digest: String,
}

/// How a phase of a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PhaseState {
    /// Units written for the phase.
    pub total: i64,
    /// Units with their done marker.
    pub done: i64,
}

impl PhaseState {
    /// Every unit of the phase is done (a phase with no units is done too).
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

impl Store {
    /// The database's clock in µs since the epoch, as SQL.
    pub(super) fn clock_us(&self) -> &'static str {
        match self.backend {
            Backend::Postgres => "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)",
            Backend::Sqlite => "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)",
        }
    }

    /// Writes a phase's units to the run's work list (units already there are kept, so a
    /// resumed planner can write them again).
    pub async fn add_work(&self, run_id: i64, phase: i32, units: &[String]) -> Result<(), StoreError> {
        for chunk in units.chunks(500) {
            let (_g, mut tx) = self.write().await?;
            for unit in chunk {
                sqlx::query(
                    "INSERT INTO scan_work (run_id, unit, phase) VALUES ($1, $2, $3) ON CONFLICT (run_id, unit) DO NOTHING",
                )
                .bind(run_id)
                .bind(unit)
                .bind(phase)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        }
        Ok(())
    }

    /// Claims up to `n` units of a phase that nobody holds (never claimed, or their lease
    /// ran out) and that are not done, for `lease_secs`.
    pub async fn claim_work(
        &self,
        run_id: i64,
        phase: i32,
        holder: &str,
        n: usize,
        lease_secs: i64,
    ) -> Result<Vec<String>, StoreError> {
        let t = now();
        let lock = match self.backend {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE scan_work SET claimed_by = $1, lease_until = $2, claims = claims + 1 \
             WHERE run_id = $3 AND unit IN (\
               SELECT w.unit FROM scan_work w WHERE w.run_id = $3 AND w.phase = $4 \
               AND (w.lease_until IS NULL OR w.lease_until < $5) \
               AND NOT EXISTS (SELECT 1 FROM scan_units u WHERE u.run_id = w.run_id AND u.unit = w.unit) \
               ORDER BY w.unit LIMIT $6 {lock}) \
             RETURNING unit"
        );
        let query = sqlx::query_scalar(&sql)
            .bind(holder)
            .bind(t + lease_secs)
            .bind(run_id)
            .bind(phase)
            .bind(t)
            .bind(n as i64);
        // On PostgreSQL the claim does not queue behind the unit writes (row locks and SKIP
        // LOCKED keep claims apart). On SQLite it is a write like any other, queued in this
        // process rather than left to SQLite's busy handler, whose sleeps grow to 100 ms.
        let claimed: Vec<String> = match self.backend {
            Backend::Postgres => query.fetch_all(&self.pool).await?,
            Backend::Sqlite => {
                let (_g, mut tx) = self.write().await?;
                let claimed = query.fetch_all(&mut *tx).await?;
                tx.commit().await?;
                claimed
            }
        };
        Ok(claimed)
    }

    /// Renews the leases of the units `holder` is working on.
    pub async fn renew_work(&self, run_id: i64, holder: &str, lease_secs: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE scan_work SET lease_until = $1 WHERE run_id = $2 AND claimed_by = $3")
            .bind(now() + lease_secs)
            .bind(run_id)
            .bind(holder)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Lets go of every unit `holder` claimed in a run (it stopped, or it died).
    pub async fn release_claims_of(&self, run_id: i64, holder: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE scan_work SET claimed_by = NULL, lease_until = NULL WHERE run_id = $1 AND claimed_by = $2")
            .bind(run_id)
            .bind(holder)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The processes holding unfinished units of a run under a lease still running.
    pub async fn claim_holders(&self, run_id: i64) -> Result<Vec<String>, StoreError> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT w.claimed_by FROM scan_work w WHERE w.run_id = $1 AND w.claimed_by IS NOT NULL \
             AND w.lease_until >= $2 \
             AND NOT EXISTS (SELECT 1 FROM scan_units u WHERE u.run_id = w.run_id AND u.unit = w.unit)",
        )
        .bind(run_id)
        .bind(now())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    /// How a phase of a run stands.
    pub async fn phase_state(&self, run_id: i64, phase: i32) -> Result<PhaseState, StoreError> {
        let (total, done): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COUNT(u.unit) FROM scan_work w \
             LEFT JOIN scan_units u ON u.run_id = w.run_id AND u.unit = w.unit \
             WHERE w.run_id = $1 AND w.phase = $2",
        )
        .bind(run_id)
        .bind(phase)
        .fetch_one(&self.pool)
        .await?;
        Ok(PhaseState { total, done })
    }

    /// The highest phase the planner has written units for (0 when none yet).
    pub async fn planned_phase(&self, run_id: i64) -> Result<i32, StoreError> {
        let phase: Option<i64> =
            sqlx::query_scalar("SELECT MAX(CAST(phase AS BIGINT)) FROM scan_work WHERE run_id = $1")
                .bind(run_id)
                .fetch_one(&self.pool)
                .await?;
        Ok(phase.unwrap_or(0) as i32)
    }

    /// How many times each unit of a run was claimed (more than once: its first worker died
    /// or was too slow, and another redid it).
    pub async fn work_claims(&self, run_id: i64) -> Result<Vec<(String, i64)>, StoreError> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT unit, CAST(claims AS BIGINT) FROM scan_work WHERE run_id = $1 ORDER BY unit")
                .bind(run_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows)
    }

    /// Records what a run was planned with.
    pub async fn record_plan_inputs(&self, run_id: i64, inputs: &PlanInputs) -> Result<(), StoreError> {
        let json = serde_json::to_string(&inputs.open_counts).unwrap_or_else(|_| "[]".into());
        let (_g, mut tx) = self.write().await?;
        sqlx::query("UPDATE scan_runs SET open_counts = $1, registry_digest = $2 WHERE id = $3")
            .bind(json)
            .bind(&inputs.registry_digest)
            .bind(run_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// What a run was planned with.
    pub async fn plan_inputs(&self, run_id: i64) -> Result<PlanInputs, StoreError> {
        let (json, registry_digest): (String, String) =
            sqlx::query_as("SELECT open_counts, registry_digest FROM scan_runs WHERE id = $1")
                .bind(run_id)
                .fetch_one(&self.pool)
                .await?;
        Ok(PlanInputs {
            open_counts: serde_json::from_str(&json).unwrap_or_default(),
            registry_digest,
        })
    }

    /// Reserves `span_us` of `host`'s time for one process's requests, after every stretch
    /// reserved before; returns how long to wait for its start (µs). The database's clock
    /// decides, so the workers' clocks need not agree.
    pub async fn reserve_pace(&self, host: &str, span_us: i64) -> Result<i64, StoreError> {
        let clock = self.clock_us();
        let sql = format!(
            "INSERT INTO host_pace (host, next_at) VALUES ($1, {clock} + $2) \
             ON CONFLICT (host) DO UPDATE SET next_at = \
               (CASE WHEN host_pace.next_at > {clock} THEN host_pace.next_at ELSE {clock} END) + $2 \
             RETURNING next_at - $2 - {clock}"
        );
        let wait: i64 = sqlx::query_scalar(&sql)
            .bind(host)
            .bind(span_us)
            .fetch_one(&self.pool)
            .await?;
        Ok(wait.max(0))
    }

    /// Pushes a host's next start to at least `pause_us` from now (a server asked every
    /// process to wait: `Retry-After`, a rate-limit reset).
    pub async fn pause_pace(&self, host: &str, pause_us: i64) -> Result<(), StoreError> {
        let clock = self.clock_us();
        let sql = format!(
            "INSERT INTO host_pace (host, next_at) VALUES ($1, {clock} + $2) \
             ON CONFLICT (host) DO UPDATE SET next_at = \
               CASE WHEN host_pace.next_at > {clock} + $2 THEN host_pace.next_at ELSE {clock} + $2 END"
        );
        sqlx::query(&sql).bind(host).bind(pause_us).execute(&self.pool).await?;
        Ok(())
    }
}
