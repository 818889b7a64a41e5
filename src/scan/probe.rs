//! Source self-tests: before a run trusts a source's answers, the source must find a genuine
//! account of the registry (with the id it had before, where known) and must not find a
//! handle that cannot exist. A platform that changed its format, answers every request with
//! "not found", blocks the crawler or serves a login wall fails one of the two.
//!
//! A source that fails is `degraded` for the run: its "not found" answers do not mark
//! suspects removed or genuine accounts vanished. On a platform where the registry has no
//! account (Bluesky, Mastodon), open suspects seen there before stand in: one of them found
//! verifies the source, none found leaves it `unverified` (they may all really be gone), and
//! an `unverified` source's "not found" answers are not used either.

use std::collections::HashMap;

use crate::crawl::FetchOutcome;
use crate::crawl::sources::{AccountRef, Source, SourceStatus};
use crate::platform::Platform;
use crate::registry::Registry;
use crate::store::{ProbeRow, ProbeStatus, SnapshotRow, now};

/// Genuine accounts tried per source (the first may really have vanished or been renamed).
pub const KNOWN_PER_SOURCE: usize = 3;

/// An account a source must find: a genuine one, or an open suspect seen before.
#[derive(Debug, Clone)]
pub struct Known {
    /// A registry account (it must be there); else a suspect (it may have been removed).
    pub genuine: bool,
    /// How it is looked up.
    pub reference: AccountRef,
    /// The id it must come back with, where one is known (registry or previous snapshot).
    pub expected_id: Option<String>,
    /// How to name it in the report.
    pub label: String,
}

/// The genuine accounts each platform's self-test may use, in registry order.
pub fn known_accounts(registry: &Registry, snapshots: &HashMap<String, SnapshotRow>) -> HashMap<Platform, Vec<Known>> {
    let mut out: HashMap<Platform, Vec<Known>> = HashMap::new();
    for (org, a) in registry.accounts() {
        let Some(reference) = super::units::lookup_ref(a) else {
            continue;
        };
        let key = super::account_key(org, a);
        let previous = snapshots.get(&key).filter(|s| s.state == "present");
        let expected_id = checkable_id(
            a.platform,
            a.id.clone().or_else(|| previous.and_then(|s| s.platform_id.clone())),
        );
        let list = out.entry(a.platform).or_default();
        if list.len() < KNOWN_PER_SOURCE {
            list.push(Known {
                genuine: true,
                reference,
                expected_id,
                label: key,
            });
        }
    }
    out
}

/// The id a lookup must come back with: none on Instagram, whose business discovery
/// answers with a per-app id, not the account's own.
fn checkable_id(platform: Platform, id: Option<String>) -> Option<String> {
    id.filter(|_| platform.looks_up_by_id())
}

/// Adds suspects (the caller passes the open ones, [`SuspectFilter::open`]), most recently
/// seen first, for platforms with fewer known accounts than [`KNOWN_PER_SOURCE`].
///
/// [`SuspectFilter::open`]: crate::store::SuspectFilter::open
pub fn add_suspects(known: &mut HashMap<Platform, Vec<Known>>, suspects: &[crate::store::SuspectRow]) {
    let mut by_recent: Vec<&crate::store::SuspectRow> = suspects.iter().collect();
    by_recent.sort_by_key(|s| std::cmp::Reverse(s.last_seen_at));
    for s in by_recent {
        let platform = s.platform;
        let Some(reference) = super::units::suspect_ref(s) else {
            continue;
        };
        let list = known.entry(platform).or_default();
        if list.len() < KNOWN_PER_SOURCE {
            list.push(Known {
                genuine: false,
                reference,
                expected_id: checkable_id(platform, s.platform_id.clone()),
                label: format!("suspect #{}", s.id),
            });
        }
    }
}

/// A handle no account has: random, in the characters every platform's handles allow.
pub fn absent_handle(platform: Platform) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut bytes = [0u8; 12];
    if getrandom::fill(&mut bytes).is_err() {
        // Fall back on the clock: still not a handle anyone registered.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (t >> (i * 5)) as u8;
        }
    }
    let tail: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    // "nrz" + 12 characters: 15, within X's limit.
    let base = format!("nrz{tail}");
    match platform {
        Platform::Bluesky => format!("{base}.bsky.social"),
        Platform::Line => format!("@{base}"),
        _ => base,
    }
}

/// Runs one source's self-test.
pub async fn probe(source: &dyn Source, known: &[Known]) -> ProbeRow {
    let platform = source.platform();
    let mut notes = Vec::new();
    let mut found_known = false;
    // A sign the source is broken: a genuine account not found, or any account answered
    // with the wrong id, blocked or failed (a suspect "not found" may really be gone).
    let mut trouble = false;
    for k in known {
        match source.lookup(&k.reference).await {
            FetchOutcome::Found(p) => match (&k.expected_id, &p.id) {
                (Some(want), Some(got)) if want != got => {
                    trouble = true;
                    notes.push(format!("{} answered with id {got}, expected {want}", k.label));
                }
                _ => {
                    found_known = true;
                    notes.push(format!("{} found", k.label));
                    break;
                }
            },
            FetchOutcome::NotFound(why) | FetchOutcome::Gone(why) | FetchOutcome::NotVisible(why) => {
                trouble |= k.genuine;
                notes.push(format!("{} not found ({why})", k.label));
            }
            FetchOutcome::Blocked(why) => {
                trouble = true;
                notes.push(format!("{} blocked ({why})", k.label));
            }
            FetchOutcome::Failed(why) => {
                trouble = true;
                notes.push(format!("{} failed ({why})", k.label));
            }
        }
    }
    let absent = absent_handle(platform);
    let absent_ok = match source.lookup(&AccountRef::Handle(absent.clone())).await {
        FetchOutcome::NotFound(_) => {
            notes.push(format!("made-up handle {absent} not found"));
            true
        }
        // A source that cannot tell "no such account" from "not visible" (Instagram's business
        // discovery) answers this way for made-up names too: consistent, and its "not visible"
        // never marks anything removed.
        FetchOutcome::NotVisible(why) => {
            notes.push(format!("made-up handle {absent} not visible ({why})"));
            true
        }
        FetchOutcome::Gone(why) => {
            notes.push(format!(
                "made-up handle {absent} was \"removed\" ({why}): the answers are not about accounts"
            ));
            false
        }
        FetchOutcome::Found(p) => {
            notes.push(format!(
                "made-up handle {absent} was \"found\" (as {:?}): the answers are not profiles",
                p.display_name
            ));
            false
        }
        FetchOutcome::Blocked(why) => {
            notes.push(format!("made-up handle {absent} blocked ({why})"));
            false
        }
        FetchOutcome::Failed(why) => {
            notes.push(format!("made-up handle {absent} failed ({why})"));
            false
        }
    };
    let status = match (found_known, trouble, absent_ok) {
        (true, _, true) => ProbeStatus::Ok,
        (false, false, true) => {
            notes.insert(
                0,
                if known.is_empty() {
                    "no account on this platform to test with".to_string()
                } else {
                    "none of the suspects tested with was found (they may all be gone)".to_string()
                },
            );
            ProbeStatus::Unverified
        }
        _ => ProbeStatus::Degraded,
    };
    ProbeRow {
        platform,
        status,
        detail: notes.join("; "),
        checked_at: now(),
    }
}

/// Runs the self-test of every source that can run, all at once (each host keeps its own
/// politeness).
pub async fn probe_all(sources: &[Box<dyn Source>], known: &HashMap<Platform, Vec<Known>>) -> Vec<ProbeRow> {
    let tests = sources.iter().filter(|s| s.status() == SourceStatus::Ready).map(|s| {
        let list = known.get(&s.platform()).map(Vec::as_slice).unwrap_or(&[]);
        probe(s.as_ref(), list)
    });
    let mut rows = futures_util::future::join_all(tests).await;
    rows.sort_by_key(|r| r.platform.as_str());
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crawl::sources::{BoxFuture, Profile};

    /// A source that answers from a list: handle → outcome; anything else not found.
    struct Scripted(Vec<(&'static str, FetchOutcome<Profile>)>);

    fn profile(id: &str) -> FetchOutcome<Profile> {
        FetchOutcome::Found(Profile {
            platform: Platform::Bluesky,
            handle: None,
            id: Some(id.into()),
            display_name: "x".into(),
            bio: None,
            avatar_url: None,
            url: None,
            verified: None,
            followers: None,
        })
    }

    impl Source for Scripted {
        fn platform(&self) -> Platform {
            Platform::Bluesky
        }
        fn status(&self) -> SourceStatus {
            SourceStatus::Ready
        }
        fn lookup<'a>(&'a self, account: &'a AccountRef) -> BoxFuture<'a, FetchOutcome<Profile>> {
            let h = match account {
                AccountRef::Handle(h) | AccountRef::Id(h) => h.clone(),
            };
            let o = self
                .0
                .iter()
                .find(|(k, _)| *k == h || (*k == "*" && h.starts_with("nrz")))
                .map(|(_, o)| o.clone())
                .unwrap_or_else(|| FetchOutcome::NotFound("no such account".into()));
            Box::pin(async move { o })
        }
        fn search<'a>(&'a self, _q: &'a str, _l: usize) -> BoxFuture<'a, FetchOutcome<Vec<Profile>>> {
            Box::pin(async { FetchOutcome::Found(Vec::new()) })
        }
    }

    fn known(genuine: bool, handle: &str, id: Option<&str>) -> Known {
        Known {
            genuine,
            reference: AccountRef::Handle(handle.into()),
            expected_id: id.map(str::to_string),
            label: handle.into(),
        }
    }

    async fn status(source: Scripted, known: &[Known]) -> ProbeStatus {
        probe(&source, known).await.status
    }

    #[tokio::test]
    async fn probe_outcomes() {
        let g = |h, id| known(true, h, id);
        let s = |h, id| known(false, h, id);
        // The genuine account found with its id, the made-up handle not found.
        assert_eq!(
            status(Scripted(vec![("a", profile("1"))]), &[g("a", Some("1"))]).await,
            ProbeStatus::Ok
        );
        // The first genuine account really vanished, the second is there.
        assert_eq!(
            status(Scripted(vec![("b", profile("2"))]), &[g("a", Some("1")), g("b", None)]).await,
            ProbeStatus::Ok
        );
        // Everything "not found", genuine included: the silent failure.
        assert_eq!(
            status(Scripted(vec![]), &[g("a", Some("1"))]).await,
            ProbeStatus::Degraded
        );
        // Found, but another account: the handle changed hands, or the parser reads wrongly.
        assert_eq!(
            status(Scripted(vec![("a", profile("9"))]), &[g("a", Some("1"))]).await,
            ProbeStatus::Degraded
        );
        // A made-up handle "found": a login wall or a page that is not a profile.
        assert_eq!(
            status(
                Scripted(vec![("a", profile("1")), ("*", profile("0"))]),
                &[g("a", Some("1"))]
            )
            .await,
            ProbeStatus::Degraded
        );
        // Blocked.
        assert_eq!(
            status(
                Scripted(vec![("a", FetchOutcome::Blocked("HTTP 429".into()))]),
                &[g("a", None)]
            )
            .await,
            ProbeStatus::Degraded
        );
        // No registry account: a suspect seen before verifies the source ...
        assert_eq!(
            status(Scripted(vec![("x", profile("5"))]), &[s("x", Some("5"))]).await,
            ProbeStatus::Ok
        );
        // ... none of them found: they may all be gone; not trusted, not an alarm.
        assert_eq!(
            status(Scripted(vec![]), &[s("x", None), s("y", None)]).await,
            ProbeStatus::Unverified
        );
        assert_eq!(status(Scripted(vec![]), &[]).await, ProbeStatus::Unverified);
        // ... but a suspect answered with an error is trouble.
        assert_eq!(
            status(
                Scripted(vec![("x", FetchOutcome::Failed("HTTP 500".into()))]),
                &[s("x", None)]
            )
            .await,
            ProbeStatus::Degraded
        );
    }

    #[test]
    fn made_up_handles_are_new_each_time_and_fit_every_platform() {
        let a = absent_handle(Platform::X);
        let b = absent_handle(Platform::X);
        assert_ne!(a, b);
        assert!(a.len() <= 15 && a.chars().all(|c| c.is_ascii_alphanumeric()), "{a}");
        assert!(absent_handle(Platform::Line).starts_with('@'));
        assert!(absent_handle(Platform::Bluesky).ends_with(".bsky.social"));
    }
}
