//! The units of a night's work: one genuine account's snapshot, one genuine account's
//! discovery, one open suspect's check; each judged and written in its own transaction.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::crawl::avatar::AvatarFetcher;
use crate::crawl::sources::{AccountRef, Profile, Source, SourceStatus};
use crate::crawl::{FetchOutcome, Fetcher};
use crate::digest::sha256_hex;
use crate::discover::{self, Plan, SourceCounts};
use crate::matching::{AvatarEvidence, AvatarHash, Candidate, Matcher, Verdict};
use crate::platform::Platform;
use crate::registry::GenuineAccount;
use crate::store::{
    AvatarBlob, Observed, Seen, SnapshotRow, SnapshotWrite, SourceTally, Store, SuspectRow, Target, UnitWrite,
};

use super::rules::{changes, decide};
use super::{Observer, ScanError};

/// One genuine account in the scan.
pub(super) struct Account {
    pub(super) key: String,
    pub(super) org_id: String,
    pub(super) label: String,
    pub(super) account: GenuineAccount,
    /// Index into the matcher's genuine list.
    pub(super) index: usize,
}

pub(super) struct Ctx {
    pub(super) store: Store,
    pub(super) run_id: i64,
    pub(super) dry_run: bool,
    /// Share the matches of candidate pictures with the run's other processes.
    pub(super) share_pictures: bool,
    /// Candidate pictures this process aligned and shared.
    pub(super) pictures_aligned: AtomicUsize,
    /// Candidate pictures whose matches this process took from another.
    pub(super) pictures_taken_in: AtomicUsize,
    pub(super) sources: Vec<Box<dyn Source>>,
    /// Platforms whose "not found" passed the self-test: only they mark accounts gone.
    pub(super) trusted: HashSet<Platform>,
    pub(super) avatars: AvatarFetcher,
    /// The guarded client, for following a genuine account's short link.
    pub(super) fetcher: Arc<Fetcher>,
    /// `pages.line_short_base`.
    pub(super) short_base: Option<String>,
    pub(super) observer: Arc<dyn Observer>,
    /// Findings of a dry run (nothing is written).
    pub(super) dry: std::sync::Mutex<Vec<Seen>>,
    pub(super) dry_snapshots: std::sync::Mutex<HashMap<String, SnapshotRow>>,
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

    /// The avatar at `url`, fingerprinted; `known` is the picture stored for this account
    /// (sha256 and fingerprint), not decoded again when the bytes are the same.
    async fn avatar(&self, url: Option<&str>, known: Option<(&str, &str)>) -> (AvatarEvidence, Option<AvatarBlob>) {
        let Some(url) = url else {
            return (AvatarEvidence::None, None);
        };
        match self.avatars.fetch_known(url, known).await {
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

    /// Takes in the matches another process of the run worked out for this picture, when this
    /// process has not met it yet; returns the picture's key when this process must work them
    /// out (and then share them, [`Ctx::share_picture`]). A database that does not answer
    /// costs the alignment, nothing else.
    async fn take_in_picture(&self, matcher: &Matcher, h: &AvatarHash, encoded: &str) -> Option<String> {
        let pictures = matcher.pictures();
        if !self.share_pictures || pictures.knows(h) {
            return None;
        }
        let key = sha256_hex(encoded.as_bytes());
        match self.store.picture_matches(self.run_id, pictures.gallery(), &key).await {
            Ok(Some(text)) if pictures.take_in(h, &text) => {
                self.pictures_taken_in.fetch_add(1, Ordering::Relaxed);
                None
            }
            Ok(Some(_)) => {
                tracing::warn!("shared matches of picture {key} do not read; aligning it here");
                None
            }
            Ok(None) => Some(key),
            Err(e) => {
                tracing::debug!("shared picture matches not read ({e}); aligning here");
                Some(key)
            }
        }
    }

    /// Writes the matches this process worked out for a picture, for the run's other processes.
    async fn share_picture(&self, matcher: &Matcher, h: &AvatarHash, key: &str) {
        let pictures = matcher.pictures();
        let Some(text) = pictures.export(h) else {
            return; // not compared (a genuine account's own picture, a plain picture)
        };
        match self
            .store
            .save_picture_matches(self.run_id, pictures.gallery(), key, &text)
            .await
        {
            Ok(()) => {
                self.pictures_aligned.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => tracing::debug!("picture matches not shared ({e})"),
        }
    }

    /// Candidate pictures this process aligned and shared, and those it took from the run's
    /// other processes.
    pub(super) fn pictures_shared(&self) -> (usize, usize) {
        (
            self.pictures_aligned.load(Ordering::Relaxed),
            self.pictures_taken_in.load(Ordering::Relaxed),
        )
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
pub(super) fn lookup_ref(a: &GenuineAccount) -> Option<AccountRef> {
    let id = a.id.clone().filter(|_| a.platform.looks_up_by_id());
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
pub(super) fn unaddressable(a: &GenuineAccount) -> Option<String> {
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

pub(super) fn suspect_ref(s: &SuspectRow) -> Option<AccountRef> {
    let platform = s.platform;
    match (&s.platform_id, &s.handle) {
        (Some(id), _) if platform.looks_up_by_id() => Some(AccountRef::Id(id.clone())),
        (_, Some(h)) => Some(AccountRef::Handle(h.clone())),
        (Some(id), None) => Some(AccountRef::Id(id.clone())),
        (None, None) => None,
    }
}

async fn judge_profile(
    ctx: &Ctx,
    matcher: &Matcher,
    accounts: &[Account],
    p: &Profile,
    known: Option<(&str, &str)>,
) -> Option<Seen> {
    let (avatar, blob) = ctx.avatar(p.avatar_url.as_deref(), known).await;
    let shared = match (&avatar, &blob) {
        (
            AvatarEvidence::Hash(h),
            Some(AvatarBlob {
                hash: Some(encoded), ..
            }),
        ) => ctx.take_in_picture(matcher, h, encoded).await,
        _ => None,
    };
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
    if let (Some(key), AvatarEvidence::Hash(h)) = (shared, &c.avatar) {
        ctx.share_picture(matcher, h, &key).await;
    }
    if j.verdict == Verdict::Genuine {
        return None;
    }
    let target = match (j.verdict, j.target) {
        (Verdict::Suspect, Some(i)) => accounts.iter().find(|a| a.index == i).map(|a| Target {
            org_id: a.org_id.clone(),
            account_key: a.key.clone(),
            label: a.label.clone(),
        }),
        _ => None,
    };
    Some(Seen {
        platform: p.platform,
        platform_id: p.id.clone(),
        handle: p.handle.clone(),
        handle_key: p.handle.as_deref().map(|h| p.platform.handle_key(h)),
        display_name: p.display_name.clone(),
        url: p.url.clone(),
        bio: p.bio.clone(),
        avatar: blob,
        suspect: j.verdict == Verdict::Suspect && target.is_some(),
        score: j.score,
        reasons: j.reasons,
        target,
    })
}

impl Ctx {
    /// What a dry run saw of a genuine account, kept in memory for the matcher (nothing is
    /// written).
    pub(super) fn keep_dry_snapshot(&self, a: &Account, observed: &Observed) {
        let Observed::Present {
            display_name,
            bio,
            avatar,
            platform_id,
            handle,
            ..
        } = observed
        else {
            return;
        };
        let platform = a.account.platform;
        self.dry_snapshots.lock().unwrap_or_else(|e| e.into_inner()).insert(
            a.key.clone(),
            SnapshotRow {
                account_key: a.key.clone(),
                org_id: a.org_id.clone(),
                platform,
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
}

pub(super) async fn snapshot_unit(ctx: &Ctx, a: &Account, previous: Option<&SnapshotRow>) -> Result<(), ScanError> {
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
                let known = previous.and_then(|s| s.avatar_sha256.as_deref().zip(s.avatar_hash.as_deref()));
                let (evidence, blob) = ctx.avatar(p.avatar_url.as_deref(), known).await;
                let avatar_unknown = blob.is_none() && matches!(evidence, AvatarEvidence::Unavailable(_));
                if let (true, AvatarEvidence::Unavailable(why)) = (avatar_unknown, &evidence) {
                    w.errors.push((
                        Some(platform.as_str().into()),
                        format!("genuine account {}: {why}; its stored picture is kept", a.label),
                    ));
                }
                Some(Observed::Present {
                    display_name: p.display_name,
                    handle: p.handle,
                    platform_id: p.id,
                    bio: p.bio,
                    avatar: blob,
                    avatar_unknown,
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
            if ctx.dry_run {
                ctx.keep_dry_snapshot(a, &observed);
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

pub(super) async fn discover_unit(
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
        if let Some(seen) = judge_profile(ctx, matcher, accounts, p, None).await {
            w.seen.push(seen);
        }
    }
    ctx.commit(w).await
}

pub(super) async fn verify_unit(
    ctx: &Ctx,
    matcher: &Matcher,
    accounts: &[Account],
    s: &SuspectRow,
) -> Result<(), ScanError> {
    let mut w = UnitWrite {
        unit: format!("verify:{}", s.id),
        ..UnitWrite::default()
    };
    let p = s.platform;
    if let Some(r) = suspect_ref(s)
        && let Some(source) = ctx.source(p)
    {
        let o = source.lookup(&r).await;
        w.counts.push(one_count(p, &o));
        match o {
            FetchOutcome::Found(profile) => {
                let known = s.avatar_sha256.as_deref().zip(s.avatar_hash.as_deref());
                if let Some(seen) = judge_profile(ctx, matcher, accounts, &profile, known).await {
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
