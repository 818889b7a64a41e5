//! A run: the lease that keeps two scans apart (and stops a scan that loses it), resuming a
//! run left `running`, and the night's three phases (snapshots, discovery, open suspects)
//! with their self-tests and plan.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::crawl::Fetcher;
use crate::crawl::avatar::AvatarFetcher;
use crate::crawl::sources::{Source, SourceStatus, for_platform};
use crate::matching::{AvatarHash, AvatarLimits, Genuine, Matcher};
use crate::platform::Platform;
use crate::registry::{Registry, account_label};
use crate::store::{Holder, RunStatus, SnapshotRow, Store, StoreError, SuspectFilter};

use super::plan::{first_units, plan_tonight, settle_plan_inputs};
use super::units::{Account, Ctx, unaddressable};
use super::work::{Claims, PHASES, Work, share};
use super::{Observer, ScanError, ScanOptions, ScanReport, account_key, probe};

/// The platforms a scan covers: the configured ones, or the one asked for.
pub(super) fn scanned_platforms(config: &Config, opts: &ScanOptions) -> Vec<Platform> {
    Platform::ALL
        .into_iter()
        .filter(|p| config.scan.platforms.contains(p))
        .filter(|p| opts.platform.is_none_or(|o| o == *p))
        .collect()
}

/// Runs a phase's units with at most `concurrency` in progress, stopping at the first storage
/// error, and tells the observer the phase begins and ends.
async fn run_units<T, F, Fut>(
    phase: &str,
    items: Vec<T>,
    concurrency: usize,
    observer: &Arc<dyn Observer>,
    f: F,
) -> Result<(), ScanError>
where
    T: Send + 'static,
    F: Fn(T) -> Fut,
    Fut: std::future::Future<Output = Result<(), ScanError>> + Send + 'static,
{
    observer.phase(phase, items.len() as u64);
    let mut set = tokio::task::JoinSet::new();
    let mut items = items.into_iter();
    let mut first_error = None;
    loop {
        while set.len() < concurrency.max(1) && first_error.is_none() {
            let Some(item) = items.next() else { break };
            set.spawn(f(item));
        }
        let Some(done) = set.join_next().await else { break };
        observer.advance();
        let r = done.map_err(ScanError::Task).and_then(|r| r);
        if let Err(e) = r
            && first_error.is_none()
        {
            first_error = Some(e);
        }
    }
    observer.end_phase();
    first_error.map_or(Ok(()), Err)
}

/// Runs a scan (or resumes the one a killed scan left), and reports what it found.
pub async fn run(
    store: &Store,
    registry: &Registry,
    config: &Config,
    opts: &ScanOptions,
    observer: Arc<dyn Observer>,
) -> Result<ScanReport, ScanError> {
    if let Some(org) = &opts.org
        && registry.organisation(org).is_none()
    {
        return Err(ScanError::UnknownOrg(org.clone()));
    }
    let started = Instant::now();
    let holder = Holder::this_process();
    let ttl = config.scan.lease_ttl_secs.max(30) as i64;
    if !opts.dry_run {
        store.acquire_lock(&holder, ttl).await?;
    }
    let result = run_locked(store, registry, config, opts, observer, &holder, ttl).await;
    if !opts.dry_run
        && let Err(e) = store.release_lock(&holder).await
    {
        tracing::warn!("could not release the scan lease: {e}");
    }
    let mut report = result?;
    report.duration = started.elapsed();
    Ok(report)
}

async fn run_locked(
    store: &Store,
    registry: &Registry,
    config: &Config,
    opts: &ScanOptions,
    observer: Arc<dyn Observer>,
    holder: &Holder,
    ttl: i64,
) -> Result<ScanReport, ScanError> {
    let scope = opts.scope();
    // Resume the run a killed scan left, when it covered the same scope.
    let mut resumed = false;
    let run_id = if opts.dry_run {
        0
    } else {
        match store.unfinished_run().await? {
            Some(r) if r.scope == scope => {
                resumed = true;
                observer.note(&format!(
                    "resuming scan #{} (interrupted after {} of {} units)",
                    r.id, r.units_done, r.units_total
                ));
                r.id
            }
            Some(r) => {
                store
                    .finish_run(
                        r.id,
                        RunStatus::Interrupted,
                        Some(&format!("interrupted; a scan with scope {scope} started instead")),
                    )
                    .await?;
                store.create_run(&scope, &opts.trigger).await?
            }
            None => store.create_run(&scope, &opts.trigger).await?,
        }
    };
    let heartbeat = (!opts.dry_run).then(|| {
        let store = store.clone();
        let holder = holder.clone();
        let every = Duration::from_secs((ttl / 4).max(5) as u64);
        let (lost, lost_rx) = tokio::sync::oneshot::channel::<StoreError>();
        let task = tokio::spawn(async move {
            loop {
                match store.heartbeat(&holder, Some(run_id)).await {
                    Ok(()) => {}
                    // Another scan holds the lease now: this one must stop writing at once.
                    Err(e @ StoreError::Busy { .. }) => {
                        let _ = lost.send(e);
                        return;
                    }
                    Err(e) => tracing::warn!("scan lease heartbeat failed: {e}"),
                }
                tokio::time::sleep(every).await;
            }
        });
        (task, lost_rx)
    });
    // The units this scan claims (none in a dry run, which keeps its work in memory).
    let claims = (!opts.dry_run).then(|| Claims::new(store, run_id, config));
    let phases = scan_phases(store, registry, config, opts, observer, run_id, resumed, claims.clone());
    let result = match heartbeat {
        Some((task, lost)) => {
            // A scan that loses its lease stops between two writes (each unit's writes are one
            // transaction, so a unit is stored whole or not at all) and leaves the run to the
            // holder, which resumes it.
            let mut stopped = false;
            let r = tokio::select! {
                r = phases => r,
                Ok(e) = lost => {
                    tracing::error!("scan #{run_id} stopped: it lost its lease ({e})");
                    stopped = true;
                    Err(ScanError::Store(e))
                }
            };
            task.abort();
            // Its units (their tasks ended with the phases) go back to the run at once, for
            // the holder to redo, rather than when their leases run out.
            if let (true, Some(c)) = (stopped, &claims) {
                c.give_back().await;
            }
            r
        }
        None => phases.await,
    };
    match result {
        Ok(mut report) => {
            if !opts.dry_run {
                store.finish_run(run_id, RunStatus::Finished, None).await?;
                report.load(store, run_id).await?;
            }
            Ok(report)
        }
        Err(e) => {
            // A storage error leaves the run `running`, to be resumed; anything else ends it.
            if !opts.dry_run && !matches!(e, ScanError::Store(_)) {
                let why = crate::error_chain(&e);
                if let Err(not_recorded) = store.finish_run(run_id, RunStatus::Failed, Some(&why)).await {
                    tracing::error!("scan #{run_id} failed ({why}), and could not be recorded: {not_recorded}");
                }
            }
            Err(e)
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn scan_phases(
    store: &Store,
    registry: &Registry,
    config: &Config,
    opts: &ScanOptions,
    observer: Arc<dyn Observer>,
    run_id: i64,
    resumed: bool,
    claims: Option<Claims>,
) -> Result<ScanReport, ScanError> {
    let Night {
        ctx,
        platforms,
        skipped,
        probes,
        previous,
        mut open_counts,
    } = set_up(store, registry, config, opts, &observer, run_id).await?;

    // The accounts in scope, indexed like the matcher's genuine list.
    let accounts = accounts_of(registry);
    let in_scope = |a: &Account| opts.org.as_ref().is_none_or(|o| &a.org_id == o);
    let concurrency = config.scan.concurrency;
    let runner = match claims {
        Some(c) => Runner::Claims(c),
        None => Runner::Memory,
    };
    if !opts.dry_run {
        open_counts = settle_plan_inputs(store, registry, run_id, resumed, open_counts).await?;
    }

    // The registry as the matcher will see it (snapshots add to it after phase 1).
    let genuine = Genuine::from_registry(registry);
    let plan = Arc::new(
        plan_tonight(
            store,
            &genuine,
            &platforms,
            config,
            &open_counts,
            opts,
            run_id,
            &observer,
        )
        .await?,
    );

    // Phases 1 and 2 are known now: snapshots of the genuine accounts in tonight's plan, and
    // discovery per genuine account. Written to the run's work list for every process.
    let (snap_units, disc_units) = first_units(&accounts, &plan, &platforms, in_scope);
    if !resumed {
        add_units(store, opts, run_id, snap_units.len() + disc_units.len(), &skipped).await?;
    }
    let work = Arc::new(Work::new(ctx.clone(), accounts, plan.clone(), previous));
    let done = if opts.dry_run {
        HashSet::new()
    } else {
        store.done_units(run_id).await?
    };
    let (snap_units, disc_units) = runner.queue_first(store, run_id, &done, snap_units, disc_units).await?;
    let renew = match &runner {
        Runner::Claims(c) => Some(c.keep_fresh()),
        Runner::Memory => None,
    };
    let result = async {
        let w = work.clone();
        runner
            .phase(1, snap_units, concurrency, &observer, move |u| w.clone().snapshot(u))
            .await?;

        // The matcher: the registry, with names, bios and avatars from the snapshots.
        let matcher = Arc::new(matcher_after_snapshots(store, &ctx, &work.accounts, genuine).await?);
        if ctx.share_pictures {
            forget_picture_matches(store, Some(run_id)).await;
        }
        let (w, m) = (work.clone(), matcher.clone());
        runner
            .phase(2, disc_units, concurrency, &observer, move |u| {
                w.clone().discover(m.clone(), u)
            })
            .await?;

        // Phase 3: open suspects not seen in this run: still there?
        let open = if opts.dry_run {
            Vec::new()
        } else {
            verify_units(store, opts, run_id, &platforms, &done, resumed, &skipped).await?
        };
        let (w, m) = (work.clone(), matcher.clone());
        runner
            .phase(3, open, concurrency, &observer, move |u| w.clone().verify(m.clone(), u))
            .await?;
        Ok::<(), ScanError>(())
    }
    .await;
    drop(renew);
    result?;
    if ctx.share_pictures {
        forget_picture_matches(store, None).await;
    }
    report_of(store, &ctx, opts, run_id, resumed, &skipped, probes).await
}

/// Deletes the picture matches the processes of earlier runs shared (all of them when `keep`
/// is `None`: the run is over). A failure costs disk space until the next run, so it is
/// logged and the run goes on.
async fn forget_picture_matches(store: &Store, keep: Option<i64>) {
    if let Err(e) = store.forget_picture_matches(keep).await {
        tracing::warn!("shared picture matches not deleted: {e}");
    }
}

/// The units of phase 3: open suspects this run has not seen, added to the run's count (when
/// it is not resumed: they were counted then) and to its work list.
async fn verify_units(
    store: &Store,
    opts: &ScanOptions,
    run_id: i64,
    platforms: &[Platform],
    done: &HashSet<String>,
    resumed: bool,
    skipped: &[(Platform, String)],
) -> Result<Vec<String>, ScanError> {
    let open = open_to_check(store, opts, run_id, platforms, done).await?;
    if !open.is_empty() && !resumed {
        add_units(store, opts, run_id, open.len(), skipped).await?;
    }
    let open: Vec<String> = open.iter().map(|s| format!("verify:{}", s.id)).collect();
    if !open.is_empty() {
        store.add_work(run_id, 3, &open).await?;
    }
    Ok(open)
}

/// How a process runs a phase's units: from the run's work list, shared with any workers (a
/// stored run), or from memory (a dry run, which writes nothing).
enum Runner {
    Memory,
    Claims(Claims),
}

impl Runner {
    /// The units of phases 1 and 2 not done yet, put on the run's work list for every
    /// process (claims of processes that died on this host freed first).
    async fn queue_first(
        &self,
        store: &Store,
        run_id: i64,
        done: &HashSet<String>,
        snap: Vec<String>,
        disc: Vec<String>,
    ) -> Result<(Vec<String>, Vec<String>), ScanError> {
        let not_done =
            |units: Vec<String>| -> Vec<String> { units.into_iter().filter(|u| !done.contains(u)).collect() };
        let (snap, disc) = (not_done(snap), not_done(disc));
        if let Runner::Claims(c) = self {
            store.add_work(run_id, 1, &snap).await?;
            store.add_work(run_id, 2, &disc).await?;
            c.free_dead_claims().await;
        }
        Ok((snap, disc))
    }

    async fn phase<F, Fut>(
        &self,
        phase: i32,
        units: Vec<String>,
        concurrency: usize,
        observer: &Arc<dyn Observer>,
        f: F,
    ) -> Result<(), ScanError>
    where
        F: Fn(String) -> Fut,
        Fut: std::future::Future<Output = Result<(), ScanError>> + Send + 'static,
    {
        let name = PHASES.iter().find(|(p, _)| *p == phase).map_or("units", |(_, n)| n);
        match self {
            Runner::Memory => run_units(name, units, concurrency, observer, f).await,
            Runner::Claims(c) => c.run_phase(phase, name, concurrency, observer, f).await.map(|_| ()),
        }
    }
}

/// What the phases of a night share, set up before the first: the sources and the unit
/// context, what is skipped and why, the self-tests, the last snapshots, and the open
/// suspects per platform (which the plan reserves quota for).
struct Night {
    ctx: Arc<Ctx>,
    platforms: Vec<Platform>,
    skipped: Vec<(Platform, String)>,
    probes: Vec<crate::store::ProbeRow>,
    previous: HashMap<String, SnapshotRow>,
    open_counts: Vec<(Platform, usize)>,
}

/// Sets a night up: the sources of the scanned platforms on one guarded client, what they
/// skip, and their self-tests (which sources' "not found" can be believed tonight).
async fn set_up(
    store: &Store,
    registry: &Registry,
    config: &Config,
    opts: &ScanOptions,
    observer: &Arc<dyn Observer>,
    run_id: i64,
) -> Result<Night, ScanError> {
    let platforms = scanned_platforms(config, opts);
    let mut ctx = context(store, config, opts, &platforms, observer, run_id)?;
    let skipped = skipped_tonight(registry, &ctx.sources, &platforms, opts);
    for (p, why) in &skipped {
        observer.note(&format!("{} skipped: {why}", p.label()));
    }

    let previous: HashMap<String, SnapshotRow> = store.snapshots_by_key().await?;
    let open_now = store.suspects(&SuspectFilter::open()).await?;
    // Open suspects per platform: each is checked every night, before any discovery.
    let open_counts: Vec<(Platform, usize)> = platforms
        .iter()
        .map(|p| (*p, open_now.iter().filter(|s| s.platform == *p).count()))
        .collect();
    let (probes, trusted) = self_tests(
        store,
        registry,
        &ctx.sources,
        &previous,
        &open_now,
        opts,
        run_id,
        observer,
    )
    .await?;
    ctx.trusted = trusted;
    Ok(Night {
        ctx: Arc::new(ctx),
        platforms,
        skipped,
        probes,
        previous,
        open_counts,
    })
}

/// The context a process runs a run's units in: the sources of the scanned platforms on one
/// guarded client, the avatar fetcher, and (for a stored run) the request spacing shared
/// through the database. No platform's "not found" is trusted yet.
pub(super) fn context(
    store: &Store,
    config: &Config,
    opts: &ScanOptions,
    platforms: &[Platform],
    observer: &Arc<dyn Observer>,
    run_id: i64,
) -> Result<Ctx, ScanError> {
    let fetcher = Arc::new(Fetcher::new(crate::crawl::FetchConfig::from_config(config)).map_err(ScanError::Client)?);
    let sources: Vec<Box<dyn Source>> = platforms
        .iter()
        .map(|p| for_platform(*p, config, fetcher.clone()))
        .collect();
    let avatars = AvatarFetcher::new(fetcher.clone(), AvatarLimits::default());
    if !opts.dry_run {
        share(store, &fetcher);
    }
    Ok(Ctx {
        store: store.clone(),
        run_id,
        dry_run: opts.dry_run,
        // On PostgreSQL other processes may join the run (`scan --worker`): the matches of
        // a picture are shared with them. One process on SQLite remembers its own.
        share_pictures: !opts.dry_run && store.backend() == crate::store::Backend::Postgres,
        pictures_aligned: Default::default(),
        pictures_taken_in: Default::default(),
        sources,
        trusted: HashSet::new(),
        avatars,
        fetcher,
        short_base: config.pages.line_short_base.clone(),
        observer: observer.clone(),
        dry: std::sync::Mutex::new(Vec::new()),
        dry_snapshots: std::sync::Mutex::new(HashMap::new()),
    })
}

/// The report of a night's phases (a dry run's findings included; the counts of a stored run
/// are read back when it is finished).
async fn report_of(
    store: &Store,
    ctx: &Ctx,
    opts: &ScanOptions,
    run_id: i64,
    resumed: bool,
    skipped: &[(Platform, String)],
    probes: Vec<crate::store::ProbeRow>,
) -> Result<ScanReport, ScanError> {
    let mut report = ScanReport {
        run_id: (!opts.dry_run).then_some(run_id),
        resumed,
        dry_run: opts.dry_run,
        skipped: skipped
            .iter()
            .map(|(p, w)| (p.as_str().to_string(), w.clone()))
            .collect(),
        probes,
        ..ScanReport::default()
    };
    if opts.dry_run {
        let found = std::mem::take(&mut *ctx.dry.lock().unwrap_or_else(|e| e.into_inner()));
        report.set_dry_findings(store, found).await?;
    }
    Ok(report)
}

/// The sources' self-tests: each looks up accounts known to exist (genuine ones, open
/// suspects) and one known not to; only a source that tells them apart has its "not found"
/// believed tonight. The results, and the platforms trusted.
#[allow(clippy::too_many_arguments)]
async fn self_tests(
    store: &Store,
    registry: &Registry,
    sources: &[Box<dyn Source>],
    previous: &HashMap<String, SnapshotRow>,
    open_now: &[crate::store::SuspectRow],
    opts: &ScanOptions,
    run_id: i64,
    observer: &Arc<dyn Observer>,
) -> Result<(Vec<crate::store::ProbeRow>, HashSet<Platform>), ScanError> {
    let mut known = probe::known_accounts(registry, previous);
    probe::add_suspects(&mut known, open_now);
    let probes = probe::probe_all(sources, &known).await;
    for p in probes.iter().filter(|p| !p.status.trusts_not_found()) {
        observer.note(&format!(
            "{} {}: its \"not found\" answers are not used tonight ({})",
            p.platform,
            p.status.as_str(),
            p.detail
        ));
    }
    if !opts.dry_run {
        store.record_probes(run_id, &probes).await?;
    }
    let trusted: HashSet<Platform> = probes
        .iter()
        .filter(|p| p.status.trusts_not_found())
        .map(|p| p.platform)
        .collect();
    Ok((probes, trusted))
}

/// Sources skipped tonight, with why: those not configured, and genuine accounts the
/// registry gives no way to look up (skipped with the fix, every night until the entry is
/// corrected; not an error of the run).
fn skipped_tonight(
    registry: &Registry,
    sources: &[Box<dyn Source>],
    platforms: &[Platform],
    opts: &ScanOptions,
) -> Vec<(Platform, String)> {
    let unconfigured = sources.iter().filter_map(|s| match s.status() {
        SourceStatus::Skipped(why) => Some((s.platform(), why)),
        SourceStatus::Ready => None,
    });
    let unaddressed = registry
        .accounts()
        .filter(|(org, a)| platforms.contains(&a.platform) && opts.org.as_deref().is_none_or(|o| o == org.id))
        .filter_map(|(_, a)| {
            unaddressable(a).map(|why| {
                (
                    a.platform,
                    format!(
                        "genuine account {} ({}) not looked up: {why}",
                        a.label(),
                        a.display_name
                    ),
                )
            })
        });
    unconfigured.chain(unaddressed).collect()
}

/// Every genuine account of the registry, indexed like the matcher's genuine list.
pub(super) fn accounts_of(registry: &Registry) -> Vec<Account> {
    registry
        .accounts()
        .enumerate()
        .map(|(index, (org, a))| Account {
            key: account_key(org, a),
            org_id: org.id.clone(),
            label: account_label(a.handle.as_deref(), a.id.as_deref(), Some(&a.url)).unwrap_or_else(|| a.url.clone()),
            account: a.clone(),
            index,
        })
        .collect()
}

/// The matcher for discovery: the registry, with the names, bios, ids and avatars the
/// snapshots of phase 1 found (a dry run's snapshots included).
pub(super) async fn matcher_after_snapshots(
    store: &Store,
    ctx: &Ctx,
    accounts: &[Account],
    mut genuine: Vec<Genuine>,
) -> Result<Matcher, ScanError> {
    let mut snaps: HashMap<String, SnapshotRow> = store.snapshots_by_key().await?;
    snaps.extend(ctx.dry_snapshots.lock().unwrap_or_else(|e| e.into_inner()).drain());
    for a in accounts.iter() {
        let g = &mut genuine[a.index];
        if let Some(s) = snaps.get(&a.key).filter(|s| s.state == "present") {
            g.avatar = s.avatar_hash.as_deref().and_then(AvatarHash::decode);
            g.bio = s.bio.clone();
            if g.id.is_none() && a.account.platform.looks_up_by_id() {
                g.id = s.platform_id.clone();
            }
            if let Some(name) = s.display_name.as_ref().filter(|n| **n != g.display_name) {
                g.aliases.push(name.clone());
            }
        }
    }
    Ok(Matcher::new(genuine))
}

/// Open suspects of the scope not seen in this run and not yet checked in it.
async fn open_to_check(
    store: &Store,
    opts: &ScanOptions,
    run_id: i64,
    platforms: &[Platform],
    done: &HashSet<String>,
) -> Result<Vec<crate::store::SuspectRow>, ScanError> {
    let filter = SuspectFilter {
        org: opts.org.clone(),
        platform: opts.platform.map(|p| p.as_str().to_string()),
        ..SuspectFilter::open()
    };
    let seen = store.sighted_in(run_id).await?;
    Ok(store
        .suspects(&filter)
        .await?
        .into_iter()
        .filter(|s| !seen.contains(&s.id))
        .filter(|s| platforms.contains(&s.platform))
        .filter(|s| !done.contains(&format!("verify:{}", s.id)))
        .collect())
}

/// Adds `n` units to a stored run's total (with the skipped sources, as the run shows them).
async fn add_units(
    store: &Store,
    opts: &ScanOptions,
    run_id: i64,
    n: usize,
    skipped: &[(Platform, String)],
) -> Result<(), ScanError> {
    if !opts.dry_run {
        store.plan_units(run_id, n as i64, &store_skipped(skipped)).await?;
    }
    Ok(())
}

fn store_skipped(skipped: &[(Platform, String)]) -> String {
    serde_json::to_string(
        &skipped
            .iter()
            .map(|(p, why)| (p.as_str(), why.as_str()))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_else(|_| "[]".into())
}
