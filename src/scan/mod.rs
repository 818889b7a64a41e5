//! The nightly scan: refresh snapshots of the genuine accounts, discover and judge
//! candidates, check that open suspects are still there, and record it all.
//!
//! The work is cut into units (one genuine account's snapshot, one genuine account's
//! discovery, one open suspect's check), each committed in its own transaction with a "done"
//! marker (see `store::apply`). A scan killed at any point leaves its run `running`; the next
//! scan with the same scope resumes that run, skipping the units already done, so the result
//! is the same as an uninterrupted scan. A database lease keeps two scans from running at
//! once.
//!
//! Owns the meaning of what is seen (new suspect, update, reopening, allow-listed); the
//! network is `crawl`/`discover`, the verdict is `matching`, the SQL is `store`.

mod observe;
pub mod probe;
mod report;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use observe::{LogObserver, Observer, Silent};
pub use report::{Finding, ScanReport};

use crate::config::Config;
use crate::crawl::avatar::AvatarFetcher;
use crate::crawl::sources::{AccountRef, Profile, Source, SourceStatus, for_platform};
use crate::crawl::{FetchOutcome, Fetcher};
use crate::discover::{self, Plan, SourceCounts};
use crate::matching::{AvatarEvidence, AvatarHash, AvatarLimits, Candidate, Genuine, Matcher, Verdict};
use crate::platform::Platform;
use crate::registry::{GenuineAccount, Organisation, Registry, account_label};
use crate::store::{
    AvatarBlob, Change, Holder, Observed, RunStatus, Seen, SeenAction, SnapshotRow, SnapshotWrite, SourceTally, Store,
    StoreError, SuspectFilter, SuspectRow, SuspectStatus, UnitWrite,
};

/// A dismissed account is reopened when its name or avatar changed since the dismissal and
/// its score rose by at least this much: it moved toward a genuine account. (A re-encoded
/// avatar or a changed bio alone does not raise the score, so it does not reopen.)
pub const REOPEN_SCORE_RISE: f64 = 0.05;

/// Why a scan could not run or finish.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// Storage failed (the run stays resumable).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The HTTP client could not be built.
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
    /// The scope names an unknown organisation.
    #[error("no organisation {0:?} in the registry")]
    UnknownOrg(String),
    /// A unit's task stopped unexpectedly.
    #[error("scan task failed: {0}")]
    Task(String),
}

/// What to scan.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Only this organisation.
    pub org: Option<String>,
    /// Only this platform.
    pub platform: Option<Platform>,
    /// Look and judge, but write nothing.
    pub dry_run: bool,
    /// `cli`, `schedule` or `demo`.
    pub trigger: String,
}

impl ScanOptions {
    fn scope(&self) -> String {
        format!(
            "org={};platform={}",
            self.org.as_deref().unwrap_or("*"),
            self.platform.map(Platform::as_str).unwrap_or("*")
        )
    }
}

/// The stable key of a genuine account: `org/platform/@handle` (or id or URL).
pub fn account_key(org: &Organisation, a: &GenuineAccount) -> String {
    let label = account_label(a.handle.as_deref(), a.id.as_deref(), Some(&a.url)).unwrap_or_else(|| a.url.clone());
    format!("{}/{}/{}", org.id, a.platform.as_str(), label)
}

/// What a sighting means, given the stored suspect.
pub fn decide(existing: Option<&SuspectRow>, s: &Seen) -> SeenAction {
    let Some(row) = existing else {
        return if s.suspect {
            SeenAction::Insert
        } else {
            SeenAction::Ignore
        };
    };
    match row.status() {
        SuspectStatus::Dismissed => {
            let name_changed = row.dismissed_name.as_deref() != Some(s.display_name.as_str());
            let avatar_changed = row.dismissed_avatar_sha256.as_deref() != s.avatar.as_ref().map(|a| a.sha256.as_str());
            let before = row.dismissed_score.unwrap_or(row.score);
            if s.suspect && (name_changed || avatar_changed) && s.score >= before + REOPEN_SCORE_RISE {
                let what = match (name_changed, avatar_changed) {
                    (true, true) => "name and avatar",
                    (true, false) => "name",
                    _ => "avatar",
                };
                SeenAction::Reopen(format!(
                    "dismissed account changed its {what} toward {} (score {before:.2} → {:.2})",
                    s.target.as_ref().map(|t| t.2.as_str()).unwrap_or("a genuine account"),
                    s.score
                ))
            } else {
                SeenAction::Touch
            }
        }
        SuspectStatus::Removed if s.suspect => SeenAction::Reopen("seen again after it was removed".into()),
        _ => SeenAction::Update,
    }
}

/// Changes of a genuine account since its previous snapshot.
pub fn changes(previous: Option<&SnapshotRow>, observed: &Observed) -> Vec<Change> {
    let Some(prev) = previous else { return Vec::new() };
    let change = |kind: &str, before: Option<&str>, after: Option<&str>| Change {
        kind: kind.into(),
        before: before.map(str::to_string),
        after: after.map(str::to_string),
    };
    match observed {
        Observed::Vanished if prev.state == "present" => {
            vec![change("vanished", prev.display_name.as_deref(), None)]
        }
        Observed::Vanished => Vec::new(),
        Observed::Present {
            display_name,
            handle,
            avatar,
            ..
        } => {
            let mut out = Vec::new();
            if prev.state == "vanished" {
                out.push(change("reappeared", None, Some(display_name)));
            }
            if let Some(before) = prev.display_name.as_deref().filter(|b| *b != display_name.as_str()) {
                out.push(change("name", Some(before), Some(display_name)));
            }
            let norm = |h: &str| h.trim_start_matches('@').to_lowercase();
            if let (Some(b), Some(a)) = (prev.handle.as_deref(), handle.as_deref())
                && norm(b) != norm(a)
            {
                out.push(change("handle", Some(b), Some(a)));
            }
            let before = prev.avatar_hash.as_deref().and_then(AvatarHash::decode);
            let after = avatar
                .as_ref()
                .and_then(|a| a.hash.as_deref())
                .and_then(AvatarHash::decode);
            let same_file = prev.avatar_sha256.is_some()
                && prev.avatar_sha256.as_deref() == avatar.as_ref().map(|a| a.sha256.as_str());
            let moved = match (before, after) {
                _ if same_file => false,
                (Some(b), Some(a)) => !b.same_picture(&a),
                (Some(_), None) => avatar.is_none(),
                (None, Some(_)) => prev.avatar_sha256.is_some(),
                (None, None) => false,
            };
            if moved {
                out.push(change(
                    "avatar",
                    prev.avatar_sha256.as_deref(),
                    avatar.as_ref().map(|a| a.sha256.as_str()),
                ));
            }
            out
        }
    }
}

/// One genuine account in the scan.
struct Account {
    key: String,
    org_id: String,
    label: String,
    account: GenuineAccount,
    /// Index into the matcher's genuine list.
    index: usize,
}

struct Ctx {
    store: Store,
    run_id: i64,
    dry_run: bool,
    sources: Vec<Box<dyn Source>>,
    /// Platforms whose "not found" passed the self-test: only they mark accounts gone.
    trusted: HashSet<Platform>,
    avatars: AvatarFetcher,
    /// The guarded client, for following a genuine account's short link.
    fetcher: Arc<Fetcher>,
    /// `pages.line_short_base`.
    short_base: Option<String>,
    observer: Arc<dyn Observer>,
    /// Findings of a dry run (nothing is written).
    dry: std::sync::Mutex<Vec<Seen>>,
    dry_snapshots: std::sync::Mutex<HashMap<String, SnapshotRow>>,
}

impl Ctx {
    fn source(&self, p: Platform) -> Option<&dyn Source> {
        self.sources
            .iter()
            .find(|s| s.platform() == p && s.status() == SourceStatus::Ready)
            .map(|s| s.as_ref())
    }

    fn trusts_not_found(&self, p: Platform) -> bool {
        self.trusted.contains(&p)
    }

    async fn avatar(&self, url: Option<&str>) -> (AvatarEvidence, Option<AvatarBlob>) {
        let Some(url) = url else {
            return (AvatarEvidence::None, None);
        };
        match self.avatars.fetch(url).await {
            Ok(a) => {
                let blob = AvatarBlob {
                    sha256: a.sha256.clone(),
                    bytes: a.bytes.clone(),
                    hash: a.hash.as_ref().ok().map(AvatarHash::encode),
                };
                match a.hash {
                    Ok(h) => (AvatarEvidence::Hash(h), Some(blob)),
                    Err(why) => (AvatarEvidence::Unavailable(why), Some(blob)),
                }
            }
            Err(why) => (AvatarEvidence::Unavailable(why), None),
        }
    }

    async fn commit(&self, w: UnitWrite) -> Result<(), ScanError> {
        if self.dry_run {
            self.dry
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend(w.seen.into_iter().filter(|s| s.suspect));
            return Ok(());
        }
        self.store.apply_unit(self.run_id, &w, &decide).await?;
        Ok(())
    }
}

fn counts_row(p: Platform, c: &SourceCounts) -> (String, SourceTally) {
    let n = |x: usize| x as i64;
    (
        p.as_str().to_string(),
        [
            n(c.looked_up),
            n(c.found),
            n(c.not_found),
            n(c.blocked),
            n(c.failed),
            n(c.gone),
            n(c.not_visible),
        ],
    )
}

fn one_count<T>(p: Platform, o: &FetchOutcome<T>) -> (String, SourceTally) {
    let mut c = [1, 0, 0, 0, 0, 0, 0];
    match o {
        FetchOutcome::Found(_) => c[1] = 1,
        FetchOutcome::NotFound(_) => c[2] = 1,
        FetchOutcome::Blocked(_) => c[3] = 1,
        FetchOutcome::Failed(_) => c[4] = 1,
        FetchOutcome::Gone(_) => c[5] = 1,
        FetchOutcome::NotVisible(_) => c[6] = 1,
    }
    (p.as_str().to_string(), c)
}

/// The reference to look a genuine account up by: its id where the source takes ids.
fn lookup_ref(a: &GenuineAccount) -> Option<AccountRef> {
    let id = a.id.clone().filter(|_| a.platform != Platform::Instagram);
    id.map(AccountRef::Id)
        .or_else(|| a.handle.clone().map(AccountRef::Handle))
}

/// The reference of a genuine account the registry names by a short link (lin.ee) alone
/// (the others [`unaddressable`] lists before the run): the link is followed to the account
/// it leads to, or the reason staff need to fix the registry entry is given.
async fn genuine_ref(ctx: &Ctx, a: &GenuineAccount) -> Result<AccountRef, String> {
    match crate::crawl::sources::watchlist::resolve_target(&a.url, &ctx.fetcher, ctx.short_base.as_deref()).await {
        Ok((p, r)) if p == a.platform => {
            let shown = match &r {
                AccountRef::Handle(h) => format!("handle = \"{h}\""),
                AccountRef::Id(id) => format!("id = \"{id}\""),
            };
            ctx.observer.note(&format!(
                "genuine account {} is registered by the short link {}, which leads to {shown}; add that to its entry in seeds/ to save the redirect",
                a.display_name, a.url
            ));
            Ok(r)
        }
        Ok((p, _)) => Err(format!(
            "its short link {} leads to {}, not {}",
            a.url,
            p.label(),
            a.platform.label()
        )),
        Err(e) => Err(format!(
            "it is registered only by the short link {}, which could not be followed ({e}); add its id (for LINE the basic id, handle = \"@…\") to its entry in seeds/",
            a.url
        )),
    }
}

/// Why the registry gives no way to look a genuine account up (no handle, no id, and a URL that
/// is not the platform's or names no account), with the fix; `None` when it does, a short link
/// included (followed at scan time).
fn unaddressable(a: &GenuineAccount) -> Option<String> {
    if lookup_ref(a).is_some() {
        return None;
    }
    match &a.parsed_url {
        None => Some(format!(
            "its registry URL {} is not an address of {} (`narisumashi registry check` says why); correct the entry in seeds/",
            a.url,
            a.platform.label()
        )),
        Some(p) if p.short_link => None,
        Some(_) => Some("the registry gives no handle or id for it; add one to its entry in seeds/".into()),
    }
}

fn suspect_ref(s: &SuspectRow) -> Option<AccountRef> {
    let platform = s.platform.parse::<Platform>().ok()?;
    match (&s.platform_id, &s.handle) {
        (Some(id), _) if platform != Platform::Instagram => Some(AccountRef::Id(id.clone())),
        (_, Some(h)) => Some(AccountRef::Handle(h.clone())),
        (Some(id), None) => Some(AccountRef::Id(id.clone())),
        (None, None) => None,
    }
}

async fn judge_profile(ctx: &Ctx, matcher: &Matcher, accounts: &[Account], p: &Profile) -> Option<Seen> {
    let (avatar, blob) = ctx.avatar(p.avatar_url.as_deref()).await;
    let c = Candidate {
        platform: p.platform,
        handle: p.handle.clone(),
        id: p.id.clone(),
        url: p.url.clone(),
        display_name: p.display_name.clone(),
        bio: p.bio.clone(),
        avatar,
    };
    let j = matcher.judge(&c);
    if j.verdict == Verdict::Genuine {
        return None;
    }
    let target = match (j.verdict, j.target) {
        (Verdict::Suspect, Some(i)) => accounts
            .iter()
            .find(|a| a.index == i)
            .map(|a| (a.org_id.clone(), a.key.clone(), a.label.clone())),
        _ => None,
    };
    Some(Seen {
        platform: p.platform.as_str().to_string(),
        platform_id: p.id.clone(),
        handle: p.handle.clone(),
        handle_key: p.handle.as_deref().map(|h| p.platform.handle_key(h)),
        display_name: p.display_name.clone(),
        url: p.url.clone(),
        bio: p.bio.clone(),
        avatar: blob,
        suspect: j.verdict == Verdict::Suspect && target.is_some(),
        score: j.score,
        reasons: crate::matching::reason::encode_list(&j.reasons),
        target,
    })
}

async fn snapshot_unit(ctx: &Ctx, a: &Account, previous: Option<&SnapshotRow>) -> Result<(), ScanError> {
    let mut w = UnitWrite {
        unit: format!("genuine:{}", a.key),
        ..UnitWrite::default()
    };
    let platform = a.account.platform;
    let reference = match (ctx.source(platform), lookup_ref(&a.account)) {
        (Some(_), Some(r)) => Some(r),
        // Listed with the run's skipped sources already.
        (Some(_), None) if unaddressable(&a.account).is_some() => None,
        (Some(_), None) => match genuine_ref(ctx, &a.account).await {
            Ok(r) => Some(r),
            Err(why) => {
                w.errors.push((
                    Some(platform.as_str().into()),
                    format!(
                        "genuine account {} ({}) not looked up: {why}",
                        a.label, a.account.display_name
                    ),
                ));
                None
            }
        },
        // A skipped source is reported once for the run, with its reason.
        (None, _) => None,
    };
    if let (Some(source), Some(r)) = (ctx.source(platform), reference) {
        let o = source.lookup(&r).await;
        w.counts.push(one_count(platform, &o));
        let observed = match o {
            FetchOutcome::Found(p) => {
                let (_, blob) = ctx.avatar(p.avatar_url.as_deref()).await;
                Some(Observed::Present {
                    display_name: p.display_name,
                    handle: p.handle,
                    platform_id: p.id,
                    bio: p.bio,
                    avatar: blob,
                })
            }
            FetchOutcome::NotFound(why) | FetchOutcome::Gone(why) if !ctx.trusts_not_found(platform) => {
                w.errors.push((
                    Some(platform.as_str().into()),
                    format!("{why}; not recorded as vanished: the source failed its self-test"),
                ));
                None
            }
            FetchOutcome::NotFound(_) | FetchOutcome::Gone(_) => Some(Observed::Vanished),
            FetchOutcome::NotVisible(why) => {
                w.errors.push((
                    Some(platform.as_str().into()),
                    format!("{why}; the genuine account cannot be seen by this source, so it has no fresh snapshot"),
                ));
                None
            }
            FetchOutcome::Blocked(why) | FetchOutcome::Failed(why) => {
                w.errors.push((Some(platform.as_str().into()), why));
                None
            }
        };
        if let Some(observed) = observed {
            let changes = changes(previous, &observed);
            for c in &changes {
                ctx.observer.note(&format!(
                    "genuine account {} changed: {} ({} → {})",
                    a.key,
                    c.kind,
                    c.before.as_deref().unwrap_or("-"),
                    c.after.as_deref().unwrap_or("-")
                ));
            }
            if ctx.dry_run
                && let Observed::Present {
                    display_name,
                    bio,
                    avatar,
                    platform_id,
                    handle,
                } = &observed
            {
                ctx.dry_snapshots.lock().unwrap_or_else(|e| e.into_inner()).insert(
                    a.key.clone(),
                    SnapshotRow {
                        account_key: a.key.clone(),
                        org_id: a.org_id.clone(),
                        platform: platform.as_str().into(),
                        label: a.label.clone(),
                        state: "present".into(),
                        display_name: Some(display_name.clone()),
                        handle: handle.clone(),
                        platform_id: platform_id.clone(),
                        bio: bio.clone(),
                        avatar_sha256: avatar.as_ref().map(|b| b.sha256.clone()),
                        avatar_hash: avatar.as_ref().and_then(|b| b.hash.clone()),
                        checked_at: 0,
                        changed_at: 0,
                    },
                );
            }
            w.snapshot = Some(SnapshotWrite {
                account_key: a.key.clone(),
                org_id: a.org_id.clone(),
                platform: platform.as_str().into(),
                label: a.label.clone(),
                observed,
                changes,
            });
        }
    }
    ctx.commit(w).await
}

async fn discover_unit(
    ctx: &Ctx,
    matcher: &Matcher,
    plan: &Plan,
    accounts: &[Account],
    a: &Account,
) -> Result<(), ScanError> {
    let genuine = &matcher.genuine()[a.index];
    let d = discover::run(genuine, &ctx.sources, plan, a.index).await;
    let mut w = UnitWrite {
        unit: format!("discover:{}", a.key),
        ..UnitWrite::default()
    };
    w.counts = d.counts.iter().map(|(p, c)| counts_row(*p, c)).collect();
    w.errors = d
        .problems
        .iter()
        .map(|(p, why)| (Some(p.as_str().to_string()), why.clone()))
        .collect();
    for p in &d.candidates {
        if let Some(seen) = judge_profile(ctx, matcher, accounts, p).await {
            w.seen.push(seen);
        }
    }
    ctx.commit(w).await
}

async fn verify_unit(ctx: &Ctx, matcher: &Matcher, accounts: &[Account], s: &SuspectRow) -> Result<(), ScanError> {
    let mut w = UnitWrite {
        unit: format!("verify:{}", s.id),
        ..UnitWrite::default()
    };
    let platform = s.platform.parse::<Platform>().ok();
    if let (Some(p), Some(r)) = (platform, suspect_ref(s))
        && let Some(source) = ctx.source(p)
    {
        let o = source.lookup(&r).await;
        w.counts.push(one_count(p, &o));
        match o {
            FetchOutcome::Found(profile) => {
                if let Some(seen) = judge_profile(ctx, matcher, accounts, &profile).await {
                    w.seen.push(seen);
                }
            }
            FetchOutcome::NotFound(why) | FetchOutcome::Gone(why) if !ctx.trusts_not_found(p) => w.errors.push((
                Some(p.as_str().into()),
                format!(
                    "suspect #{}: {why}; not marked removed: the source failed its self-test",
                    s.id
                ),
            )),
            FetchOutcome::NotFound(why) | FetchOutcome::Gone(why) => w.gone.push((s.id, why)),
            // Private, personal or unknown here: the account may still be there, so the case
            // stays open (counted as not visible in the run's figures).
            FetchOutcome::NotVisible(_) => {}
            FetchOutcome::Blocked(why) | FetchOutcome::Failed(why) => {
                w.errors.push((Some(p.as_str().into()), why));
            }
        }
    }
    ctx.commit(w).await
}

/// The platforms a scan covers: the configured ones, or the one asked for.
fn scanned_platforms(config: &Config, opts: &ScanOptions) -> Vec<Platform> {
    Platform::ALL
        .into_iter()
        .filter(|p| config.scan.platforms.contains(p))
        .filter(|p| opts.platform.is_none_or(|o| o == *p))
        .collect()
}

/// The plan the next scan will follow within the quotas (`scan --plan`): which accounts it
/// discovers on each quota-bound platform, and in how many nights every account is covered.
pub async fn next_plan(
    store: &Store,
    registry: &Registry,
    config: &Config,
    opts: &ScanOptions,
) -> Result<Plan, ScanError> {
    let platforms = scanned_platforms(config, opts);
    let open = store.suspects(&SuspectFilter::open()).await?;
    let counts: Vec<(Platform, usize)> = platforms
        .iter()
        .map(|p| (*p, open.iter().filter(|s| s.platform == p.as_str()).count()))
        .collect();
    let night = store.runs(1).await?.first().map_or(1, |r| r.id + 1);
    Ok(Plan::new(
        &Genuine::from_registry(registry),
        &platforms,
        config,
        &counts,
        night.max(0) as u64,
    ))
}

/// Runs units with at most `concurrency` in progress, stopping at the first storage error.
async fn run_units<T, F, Fut>(
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
        let r = done.map_err(|e| ScanError::Task(e.to_string())).and_then(|r| r);
        if let Err(e) = r
            && first_error.is_none()
        {
            first_error = Some(e);
        }
    }
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
    let phases = scan_phases(store, registry, config, opts, observer, run_id, resumed);
    let result = match heartbeat {
        Some((task, lost)) => {
            // A scan that loses its lease stops between two writes (each unit's writes are one
            // transaction, so a unit is stored whole or not at all) and leaves the run to the
            // holder, which resumes it.
            let r = tokio::select! {
                r = phases => r,
                Ok(e) = lost => {
                    tracing::error!("scan #{run_id} stopped: it lost its lease ({e})");
                    Err(ScanError::Store(e))
                }
            };
            task.abort();
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
                let _ = store.finish_run(run_id, RunStatus::Failed, Some(&e.to_string())).await;
            }
            Err(e)
        }
    }
}

async fn scan_phases(
    store: &Store,
    registry: &Registry,
    config: &Config,
    opts: &ScanOptions,
    observer: Arc<dyn Observer>,
    run_id: i64,
    resumed: bool,
) -> Result<ScanReport, ScanError> {
    let fetcher = Arc::new(Fetcher::new(config.fetch_config()).map_err(|e| ScanError::Client(e.to_string()))?);
    let platforms = scanned_platforms(config, opts);
    let sources: Vec<Box<dyn Source>> = platforms
        .iter()
        .map(|p| for_platform(*p, config, fetcher.clone()))
        .collect();
    let mut skipped: Vec<(Platform, String)> = sources
        .iter()
        .filter_map(|s| match s.status() {
            SourceStatus::Skipped(why) => Some((s.platform(), why)),
            SourceStatus::Ready => None,
        })
        .collect();
    // Genuine accounts the registry gives no way to look up: skipped with the fix, every night
    // until the entry is corrected (not an error of the run).
    skipped.extend(
        registry
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
            }),
    );
    for (p, why) in &skipped {
        observer.note(&format!("{} skipped: {why}", p.label()));
    }

    // Self-tests: which sources' "not found" can be believed tonight.
    let previous: HashMap<String, SnapshotRow> = store
        .snapshots()
        .await?
        .into_iter()
        .map(|s| (s.account_key.clone(), s))
        .collect();
    let mut known = probe::known_accounts(registry, &previous);
    let open_now = store.suspects(&SuspectFilter::open()).await?;
    // Open suspects per platform: each is checked every night, before any discovery.
    let open_counts: Vec<(Platform, usize)> = platforms
        .iter()
        .map(|p| (*p, open_now.iter().filter(|s| s.platform == p.as_str()).count()))
        .collect();
    probe::add_suspects(&mut known, &open_now);
    let probes = probe::probe_all(&sources, &known).await;
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
        .filter_map(|p| p.platform.parse().ok())
        .collect();
    let ctx = Arc::new(Ctx {
        store: store.clone(),
        run_id,
        dry_run: opts.dry_run,
        sources,
        trusted,
        avatars: AvatarFetcher::new(fetcher.clone(), AvatarLimits::default()),
        fetcher,
        short_base: config.pages.line_short_base.clone(),
        observer: observer.clone(),
        dry: std::sync::Mutex::new(Vec::new()),
        dry_snapshots: std::sync::Mutex::new(HashMap::new()),
    });

    // The accounts in scope, indexed like the matcher's genuine list.
    let mut accounts = Vec::new();
    for (index, (org, a)) in registry.accounts().enumerate() {
        accounts.push(Account {
            key: account_key(org, a),
            org_id: org.id.clone(),
            label: account_label(a.handle.as_deref(), a.id.as_deref(), Some(&a.url)).unwrap_or_else(|| a.url.clone()),
            account: a.clone(),
            index,
        });
    }
    let in_scope = |a: &Account| opts.org.as_ref().is_none_or(|o| &a.org_id == o);
    let done = if opts.dry_run {
        HashSet::new()
    } else {
        store.done_units(run_id).await?
    };
    let concurrency = config.scan.concurrency;

    // The night's plan within the quotas: on a quota-bound platform, the accounts of tonight's
    // window are snapshot and discovered; the others keep their last snapshot.
    // The registry as the matcher will see it (snapshots add to it after phase 1).
    let mut genuine = Genuine::from_registry(registry);
    let plan = Arc::new(Plan::new(
        &genuine,
        &platforms,
        config,
        &open_counts,
        run_id.max(0) as u64,
    ));
    for line in plan.describe().lines() {
        observer.note(line.trim());
    }
    if !opts.dry_run {
        store.record_coverage(run_id, &plan.coverage()).await?;
    }

    // Phase 1: snapshots of the genuine accounts.
    let previous = Arc::new(previous);
    let snap_units: Vec<usize> = (0..accounts.len())
        .filter(|&i| in_scope(&accounts[i]) && platforms.contains(&accounts[i].account.platform))
        .filter(|&i| plan.discovers(accounts[i].account.platform, i))
        .collect();
    let disc_units: Vec<usize> = (0..accounts.len()).filter(|&i| in_scope(&accounts[i])).collect();
    if !opts.dry_run && !resumed {
        store
            .plan_units(
                run_id,
                (snap_units.len() + disc_units.len()) as i64,
                &store_skipped(&skipped),
            )
            .await?;
    }
    let accounts = Arc::new(accounts);
    let todo: Vec<usize> = snap_units
        .into_iter()
        .filter(|&i| !done.contains(&format!("genuine:{}", accounts[i].key)))
        .collect();
    observer.phase("genuine accounts", todo.len() as u64);
    {
        let (ctx, accounts, previous) = (ctx.clone(), accounts.clone(), previous.clone());
        run_units(todo, concurrency, &observer, move |i| {
            let (ctx, accounts, previous) = (ctx.clone(), accounts.clone(), previous.clone());
            async move {
                let a = &accounts[i];
                snapshot_unit(&ctx, a, previous.get(&a.key)).await
            }
        })
        .await?;
    }
    observer.end_phase();

    // The matcher: the registry, with names, bios and avatars from the snapshots.
    let mut snaps: HashMap<String, SnapshotRow> = store
        .snapshots()
        .await?
        .into_iter()
        .map(|s| (s.account_key.clone(), s))
        .collect();
    snaps.extend(ctx.dry_snapshots.lock().unwrap_or_else(|e| e.into_inner()).drain());
    for a in accounts.iter() {
        let g = &mut genuine[a.index];
        if let Some(s) = snaps.get(&a.key).filter(|s| s.state == "present") {
            g.avatar = s.avatar_hash.as_deref().and_then(AvatarHash::decode);
            g.bio = s.bio.clone();
            if g.id.is_none() && a.account.platform != Platform::Instagram {
                g.id = s.platform_id.clone();
            }
            if let Some(name) = s.display_name.as_ref().filter(|n| **n != g.display_name) {
                g.aliases.push(name.clone());
            }
        }
    }
    let matcher = Arc::new(Matcher::new(genuine));

    // Phase 2: discovery per genuine account, within the night's plan of the quotas.
    let todo: Vec<usize> = disc_units
        .into_iter()
        .filter(|&i| !done.contains(&format!("discover:{}", accounts[i].key)))
        .collect();
    observer.phase("discovery", todo.len() as u64);
    {
        let (ctx, accounts, matcher, plan) = (ctx.clone(), accounts.clone(), matcher.clone(), plan.clone());
        run_units(todo, concurrency, &observer, move |i| {
            let (ctx, accounts, matcher, plan) = (ctx.clone(), accounts.clone(), matcher.clone(), plan.clone());
            async move { discover_unit(&ctx, &matcher, &plan, &accounts, &accounts[i]).await }
        })
        .await?;
    }
    observer.end_phase();

    // Phase 3: open suspects not seen in this run: still there?
    let open = if opts.dry_run {
        Vec::new()
    } else {
        let filter = SuspectFilter {
            org: opts.org.clone(),
            platform: opts.platform.map(|p| p.as_str().to_string()),
            ..SuspectFilter::open()
        };
        let seen = store.sighted_in(run_id).await?;
        store
            .suspects(&filter)
            .await?
            .into_iter()
            .filter(|s| !seen.contains(&s.id))
            .filter(|s| s.platform.parse::<Platform>().is_ok_and(|p| platforms.contains(&p)))
            .filter(|s| !done.contains(&format!("verify:{}", s.id)))
            .collect::<Vec<_>>()
    };
    if !open.is_empty() && !resumed {
        store
            .plan_units(run_id, open.len() as i64, &store_skipped(&skipped))
            .await?;
    }
    observer.phase("open suspects", open.len() as u64);
    {
        let (ctx, accounts, matcher) = (ctx.clone(), accounts.clone(), matcher.clone());
        run_units(open, concurrency, &observer, move |s| {
            let (ctx, accounts, matcher) = (ctx.clone(), accounts.clone(), matcher.clone());
            async move { verify_unit(&ctx, &matcher, &accounts, &s).await }
        })
        .await?;
    }
    observer.end_phase();

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

fn store_skipped(skipped: &[(Platform, String)]) -> String {
    serde_json::to_string(
        &skipped
            .iter()
            .map(|(p, why)| (p.as_str(), why.as_str()))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(name: &str, score: f64, suspect: bool, sha: Option<&str>) -> Seen {
        Seen {
            platform: "x".into(),
            platform_id: Some("1".into()),
            handle: Some("h".into()),
            handle_key: Some("h".into()),
            display_name: name.into(),
            url: None,
            bio: None,
            avatar: sha.map(|s| AvatarBlob {
                sha256: s.into(),
                bytes: Arc::new(Vec::new()),
                hash: None,
            }),
            suspect,
            score,
            reasons: "[]".into(),
            target: suspect.then(|| ("o".into(), "o/x/@g".into(), "@g".into())),
        }
    }

    fn row(status: &str, name: &str, score: f64) -> SuspectRow {
        SuspectRow {
            id: 1,
            platform: "x".into(),
            account_key: "id:1".into(),
            platform_id: Some("1".into()),
            handle_key: Some("h".into()),
            handle: Some("h".into()),
            display_name: name.into(),
            url: None,
            bio: None,
            avatar_sha256: None,
            avatar_hash: None,
            org_id: "o".into(),
            target_key: "o/x/@g".into(),
            target_label: "@g".into(),
            score,
            reasons: "[]".into(),
            status: status.into(),
            status_note: None,
            status_changed_at: 0,
            first_seen_at: 0,
            last_seen_at: 0,
            removed_at: None,
            reported_ticket: None,
            reported_at: None,
            dismissed_name: (status == "dismissed").then(|| name.to_string()),
            dismissed_avatar_sha256: None,
            dismissed_score: (status == "dismissed").then_some(score),
            version: 1,
            flagged_run_id: 1,
        }
    }

    #[test]
    fn new_and_clear_candidates() {
        assert_eq!(decide(None, &seen("a", 0.9, true, None)), SeenAction::Insert);
        assert_eq!(decide(None, &seen("a", 0.2, false, None)), SeenAction::Ignore);
        assert_eq!(
            decide(Some(&row("confirmed", "a", 0.9)), &seen("a", 0.2, false, None)),
            SeenAction::Update
        );
    }

    #[test]
    fn dismissed_reopens_only_when_it_moves_toward_a_genuine_account() {
        let d = row("dismissed", "札幌ラーメン", 0.61);
        // Unchanged: allow-listed.
        assert_eq!(
            decide(Some(&d), &seen("札幌ラーメン", 0.61, true, None)),
            SeenAction::Touch
        );
        // Changed name, score not higher: still allow-listed.
        assert_eq!(
            decide(Some(&d), &seen("札幌ラーメン本店", 0.62, true, None)),
            SeenAction::Touch
        );
        // A new avatar alone that raises nothing: allow-listed.
        assert_eq!(
            decide(Some(&d), &seen("札幌ラーメン", 0.61, true, Some("ab"))),
            SeenAction::Touch
        );
        // Renamed toward the genuine account.
        assert!(matches!(
            decide(Some(&d), &seen("【公式】ハローワーク札幌", 0.95, true, None)),
            SeenAction::Reopen(_)
        ));
    }

    #[test]
    fn removed_account_seen_again_is_reopened() {
        assert!(matches!(
            decide(Some(&row("removed", "a", 0.9)), &seen("a", 0.9, true, None)),
            SeenAction::Reopen(_)
        ));
    }
}
