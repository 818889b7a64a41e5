//! Sharing a run between processes: the claim loop every process runs a phase with (the
//! planner and any `scan --worker`), the worker that joins a running run, and the adapter
//! that keeps the request spacing in the run's database.
//!
//! The planner (a plain `scan`) writes each phase's units to the run's work list; every
//! process claims a few at a time (`store::claim_work`), keeps their leases fresh while it
//! works, and commits each unit with its done marker. A process that dies leaves its claims:
//! they are taken at once when the dead process was on this host, and after the lease
//! (`[scan] unit_lease_secs`) from another host. A unit redone after a slow worker finally
//! commits it is a no-op (the done marker is checked in the unit's transaction, under the
//! database's one-writer lock).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::crawl::Fetcher;
use crate::crawl::ratelimit::SharedPace;
use crate::matching::Genuine;
use crate::registry::Registry;
use crate::store::{Backend, Holder, PlanInputs, RunStatus, Store, StoreError};

use super::run::{accounts_of, context, matcher_after_snapshots, scanned_platforms};
use super::units::{Account, Ctx, discover_unit, snapshot_unit, verify_unit};
use super::{Observer, ScanError, ScanOptions};
use crate::matching::Matcher;
use crate::store::SnapshotRow;

/// The phases of a run, in order: genuine accounts' snapshots, discovery, open suspects.
pub(super) const PHASES: [(i32, &str); 3] = [(1, "genuine accounts"), (2, "discovery"), (3, "open suspects")];

/// How often a process with nothing to claim looks again (the others still hold units).
const POLL: Duration = Duration::from_millis(200);

/// One process's part in a run's work list.
#[derive(Clone)]
pub(super) struct Claims {
    pub(super) store: Store,
    pub(super) run_id: i64,
    pub(super) holder: Holder,
    pub(super) lease_secs: i64,
}

impl Claims {
    pub(super) fn new(store: &Store, run_id: i64, config: &Config) -> Claims {
        // One process may run a scan, drop it and resume it (the tests do, `serve` can): each
        // gets its own name, so the second never takes the first's units for its own.
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Claims {
            store: store.clone(),
            run_id,
            holder: Holder(format!("{}#{n}", Holder::this_process().0)),
            lease_secs: config.scan.unit_lease_secs.max(2) as i64,
        }
    }

    /// Renews this process's leases until the returned guard is dropped (also when the scan
    /// is dropped unfinished, as when it loses the scan lease).
    pub(super) fn keep_fresh(&self) -> Renewal {
        let c = self.clone();
        Renewal(tokio::spawn(async move {
            let every = Duration::from_secs((c.lease_secs as u64 / 3).max(1));
            loop {
                tokio::time::sleep(every).await;
                if let Err(e) = c.store.renew_work(c.run_id, &c.holder.0, c.lease_secs).await {
                    tracing::warn!("could not renew the leases of scan #{}'s units: {e}", c.run_id);
                }
            }
        }))
    }

    /// Runs a phase's units: claims up to `concurrency` at a time until every unit of the
    /// phase is done (by this process or another), stopping at the first storage error.
    pub(super) async fn run_phase<F, Fut>(
        &self,
        phase: i32,
        name: &str,
        concurrency: usize,
        observer: &Arc<dyn Observer>,
        f: F,
    ) -> Result<usize, ScanError>
    where
        F: Fn(String) -> Fut,
        Fut: std::future::Future<Output = Result<(), ScanError>> + Send + 'static,
    {
        let state = self.store.phase_state(self.run_id, phase).await?;
        observer.phase(name, (state.total - state.done).max(0) as u64);
        // Dropped before the end (the scan was cancelled): give the units back at once.
        let mut guard = GiveBack(Some(self.clone()));
        let concurrency = concurrency.max(1);
        let mut set = tokio::task::JoinSet::new();
        let mut first_error: Option<ScanError> = None;
        let mut done = 0;
        loop {
            if first_error.is_none() && set.len() < concurrency {
                match self
                    .store
                    .claim_work(
                        self.run_id,
                        phase,
                        &self.holder.0,
                        concurrency - set.len(),
                        self.lease_secs,
                    )
                    .await
                {
                    Ok(units) => {
                        for unit in units {
                            set.spawn(f(unit));
                        }
                    }
                    Err(e) => first_error = Some(e.into()),
                }
            }
            if set.is_empty() {
                if first_error.is_some() {
                    break;
                }
                match self.store.phase_state(self.run_id, phase).await {
                    Ok(s) if s.finished() => break,
                    Ok(_) => {}
                    Err(e) => {
                        first_error = Some(e.into());
                        break;
                    }
                }
                // The rest is held by other processes: wait for them, or for a dead one's
                // claims to be freed.
                self.free_dead_claims().await;
                tokio::time::sleep(POLL).await;
                continue;
            }
            let Some(joined) = set.join_next().await else { continue };
            observer.advance();
            match joined.map_err(ScanError::Task).and_then(|r| r) {
                Ok(()) => done += 1,
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        observer.end_phase();
        guard.0 = None;
        match first_error {
            None => Ok(done),
            Some(e) => {
                // Give the units back at once rather than after the lease.
                self.give_back().await;
                Err(e)
            }
        }
    }

    /// Gives this process's unfinished units back, to be claimed at once by another.
    pub(super) async fn give_back(&self) {
        if let Err(e) = self.store.release_claims_of(self.run_id, &self.holder.0).await {
            tracing::warn!("could not give back scan #{}'s units: {e}", self.run_id);
        }
    }

    /// Frees the claims of processes on this host that have ended (a worker killed with
    /// SIGKILL): the units are redone at once instead of after their lease.
    pub(super) async fn free_dead_claims(&self) {
        match self.store.claim_holders(self.run_id).await {
            Ok(holders) => {
                for h in holders.into_iter().map(Holder) {
                    if h != self.holder && h.is_dead_here() {
                        tracing::warn!(
                            "scan #{}: {} ended with units unfinished; redoing them",
                            self.run_id,
                            h.0
                        );
                        if let Err(e) = self.store.release_claims_of(self.run_id, &h.0).await {
                            tracing::warn!("could not free the units of {}: {e}", h.0);
                        }
                    }
                }
            }
            Err(e) => tracing::warn!("could not read scan #{}'s claims: {e}", self.run_id),
        }
    }
}

/// The task renewing a process's unit leases; stops when dropped.
pub(super) struct Renewal(tokio::task::JoinHandle<()>);

impl Drop for Renewal {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Gives a phase's units back when the phase is dropped unfinished (the task it spawns may
/// not run when the process is ending: `scan::run` gives them back itself when it stops).
struct GiveBack(Option<Claims>);

impl Drop for GiveBack {
    fn drop(&mut self) {
        if let Some(c) = self.0.take()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn(async move { c.give_back().await });
        }
    }
}

/// A digest of the registry's account keys: a worker whose seeds differ from the planner's
/// would judge against another registry, and refuses to join.
pub(super) fn registry_digest(registry: &Registry) -> String {
    let keys: Vec<String> = accounts_of(registry).into_iter().map(|a| a.key).collect();
    crate::digest::sha256_hex(keys.join("\n").as_bytes())
}

/// What a worker did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct WorkReport {
    /// The run it joined.
    pub run_id: i64,
    /// Units it committed, per phase.
    pub units: Vec<(String, usize)>,
    /// How the run ended (`finished`, or what it is when the worker stopped).
    pub run_status: String,
    /// Candidate pictures it aligned with the genuine pictures (and shared with the run's
    /// other processes).
    pub pictures_aligned: usize,
    /// Candidate pictures whose matches it took from another process instead of aligning.
    pub pictures_taken_in: usize,
    /// Wall time.
    #[serde(skip)]
    pub duration: Duration,
}

/// Joins the running scan as a worker (`scan --worker`): waits up to `wait` for a run to
/// start, then claims and runs units of its phases until the planner ends the run. Only on
/// PostgreSQL: an SQLite file belongs to one machine, where `[scan] concurrency` already
/// uses it fully.
pub async fn work(
    store: &Store,
    registry: &Registry,
    config: &Config,
    wait: Duration,
    observer: Arc<dyn Observer>,
) -> Result<WorkReport, ScanError> {
    if store.backend() != Backend::Postgres {
        return Err(ScanError::WorkerNeedsPostgres);
    }
    let started = Instant::now();
    let run = loop {
        if let Some(r) = store.unfinished_run().await? {
            break r;
        }
        if started.elapsed() >= wait {
            return Err(ScanError::NoRunToJoin(wait.as_secs()));
        }
        tokio::time::sleep(Duration::from_secs(1).min(wait)).await;
    };
    let run_id = run.id;
    observer.note(&format!("joining scan #{run_id} ({})", run.scope));
    // The planner writes its plan inputs, self-tests and first units before anyone can claim.
    while store.planned_phase(run_id).await? == 0 {
        if !still_running(store, run_id).await? {
            return Ok(WorkReport {
                run_id,
                run_status: status_of(store, run_id).await?,
                duration: started.elapsed(),
                ..WorkReport::default()
            });
        }
        tokio::time::sleep(POLL).await;
    }
    let inputs = store.plan_inputs(run_id).await?;
    if inputs.registry_digest != registry_digest(registry) {
        return Err(ScanError::RegistryDiffers(run_id));
    }
    let opts = ScanOptions::from_scope(&run.scope, "worker");
    let claims = Claims::new(store, run_id, config);
    let renew = claims.keep_fresh();
    let r = work_run(&claims, registry, config, &opts, &inputs, &observer).await;
    drop(renew);
    let (units, (pictures_aligned, pictures_taken_in)) = r?;
    Ok(WorkReport {
        run_id,
        units,
        run_status: status_of(store, run_id).await?,
        duration: started.elapsed(),
        pictures_aligned,
        pictures_taken_in,
    })
}

async fn still_running(store: &Store, run_id: i64) -> Result<bool, StoreError> {
    Ok(store.run(run_id).await?.is_some_and(|r| r.status == RunStatus::Running))
}

async fn status_of(store: &Store, run_id: i64) -> Result<String, StoreError> {
    Ok(store
        .run(run_id)
        .await?
        .map_or_else(|| "gone".into(), |r| r.status.as_str().to_string()))
}

/// What the units of a run need, whichever process runs them: the context, the registry's
/// accounts (by key, as the unit names give them), tonight's plan, and the snapshots the
/// run began with.
pub(super) struct Work {
    pub(super) ctx: Arc<Ctx>,
    pub(super) accounts: Vec<Account>,
    by_key: HashMap<String, usize>,
    plan: Arc<crate::discover::Plan>,
    previous: HashMap<String, SnapshotRow>,
}

impl Work {
    pub(super) fn new(
        ctx: Arc<Ctx>,
        accounts: Vec<Account>,
        plan: Arc<crate::discover::Plan>,
        previous: HashMap<String, SnapshotRow>,
    ) -> Work {
        let by_key = accounts.iter().enumerate().map(|(i, a)| (a.key.clone(), i)).collect();
        Work {
            ctx,
            accounts,
            by_key,
            plan,
            previous,
        }
    }

    fn account(&self, unit: &str, prefix: &str) -> Result<&Account, ScanError> {
        unit.strip_prefix(prefix)
            .and_then(|key| self.by_key.get(key))
            .map(|&i| &self.accounts[i])
            .ok_or_else(|| ScanError::UnknownUnit(unit.to_string()))
    }

    /// `genuine:KEY`: a genuine account's snapshot.
    pub(super) async fn snapshot(self: Arc<Self>, unit: String) -> Result<(), ScanError> {
        let a = self.account(&unit, "genuine:")?;
        snapshot_unit(&self.ctx, a, self.previous.get(&a.key)).await
    }

    /// `discover:KEY`: discovery around a genuine account.
    pub(super) async fn discover(self: Arc<Self>, matcher: Arc<Matcher>, unit: String) -> Result<(), ScanError> {
        let a = self.account(&unit, "discover:")?;
        discover_unit(&self.ctx, &matcher, &self.plan, &self.accounts, a).await
    }

    /// `verify:ID`: is an open suspect still there?
    pub(super) async fn verify(self: Arc<Self>, matcher: Arc<Matcher>, unit: String) -> Result<(), ScanError> {
        let id = unit
            .strip_prefix("verify:")
            .and_then(|id| id.parse::<i64>().ok())
            .ok_or_else(|| ScanError::UnknownUnit(unit.clone()))?;
        match self.ctx.store.suspect(id).await? {
            Some(s) => verify_unit(&self.ctx, &matcher, &self.accounts, &s).await,
            None => Err(ScanError::UnknownUnit(unit)),
        }
    }
}

/// A worker's part of the three phases, each begun once the planner wrote it.
async fn work_run(
    claims: &Claims,
    registry: &Registry,
    config: &Config,
    opts: &ScanOptions,
    inputs: &PlanInputs,
    observer: &Arc<dyn Observer>,
) -> Result<(Vec<(String, usize)>, (usize, usize)), ScanError> {
    let store = &claims.store;
    let run_id = claims.run_id;
    let platforms = scanned_platforms(config, opts);
    let trusted = store
        .probes(run_id)
        .await?
        .into_iter()
        .filter(|p| p.status.trusts_not_found())
        .map(|p| p.platform)
        .collect();
    let mut ctx = context(store, config, opts, &platforms, observer, run_id)?;
    ctx.trusted = trusted;
    let ctx = Arc::new(ctx);
    let genuine = Genuine::from_registry(registry);
    let plan = Arc::new(crate::discover::Plan::new(
        &genuine,
        &platforms,
        config,
        &inputs.open_counts,
        run_id.max(0) as u64,
    ));
    // Units not yet done have not touched their snapshot: what is stored now is what the
    // run began with, for them.
    let previous = store.snapshots_by_key().await?;
    let work = Arc::new(Work::new(ctx.clone(), accounts_of(registry), plan, previous));
    let concurrency = config.scan.concurrency;
    let mut units = Vec::new();
    let mut genuine = Some(genuine);
    let mut matcher: Option<Arc<Matcher>> = None;
    for (phase, name) in PHASES {
        // Wait for the planner to write the phase (it writes the last one only when there are
        // open suspects to check), or to end the run.
        loop {
            if store.planned_phase(run_id).await? >= phase {
                break;
            }
            if !still_running(store, run_id).await? {
                return Ok((units, ctx.pictures_shared()));
            }
            tokio::time::sleep(POLL).await;
        }
        let done = if phase == 1 {
            let w = work.clone();
            claims
                .run_phase(phase, name, concurrency, observer, move |u| w.clone().snapshot(u))
                .await?
        } else {
            let m = match (&matcher, genuine.take()) {
                (Some(m), _) => m.clone(),
                (None, g) => {
                    let g = g.unwrap_or_else(|| Genuine::from_registry(registry));
                    let m = Arc::new(matcher_after_snapshots(store, &ctx, &work.accounts, g).await?);
                    matcher = Some(m.clone());
                    m
                }
            };
            let w = work.clone();
            if phase == 2 {
                claims
                    .run_phase(phase, name, concurrency, observer, move |u| {
                        w.clone().discover(m.clone(), u)
                    })
                    .await?
            } else {
                claims
                    .run_phase(phase, name, concurrency, observer, move |u| {
                        w.clone().verify(m.clone(), u)
                    })
                    .await?
            }
        };
        units.push((name.to_string(), done));
    }
    Ok((units, ctx.pictures_shared()))
}

/// The request spacing kept in the run's database (see `store::reserve_pace`).
#[derive(Clone)]
pub(super) struct DbPace(pub(super) Store);

impl std::fmt::Debug for DbPace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbPace")
    }
}

impl SharedPace for DbPace {
    fn reserve<'a>(
        &'a self,
        host: &'a str,
        span: Duration,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Duration, String>> + Send + 'a>> {
        Box::pin(async move {
            let us = self
                .0
                .reserve_pace(host, span.as_micros().min(i64::MAX as u128) as i64)
                .await
                .map_err(|e| e.to_string())?;
            Ok(Duration::from_micros(us.max(0) as u64))
        })
    }

    fn pause<'a>(
        &'a self,
        host: &'a str,
        wait: Duration,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            self.0
                .pause_pace(host, wait.as_micros().min(i64::MAX as u128) as i64)
                .await
                .map_err(|e| e.to_string())
        })
    }
}

/// Shares the request spacing of a run's client through the database, on PostgreSQL, where
/// several processes may scan one night (on SQLite one process scans, and its own spacing
/// serves).
pub(super) fn share(store: &Store, fetcher: &Fetcher) {
    if store.backend() == Backend::Postgres {
        fetcher.politeness().share(Arc::new(DbPace(store.clone())));
    }
}
