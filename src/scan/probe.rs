//! Source self-tests: before a run trusts a source's answers, the source must find a genuine
//! account of the registry (with the id it had before, where known) and must not find a
//! handle that cannot exist. A platform that changed its format, answers every request with
//! "not found", blocks the crawler or serves a login wall fails one of the two.
//!
//! A source that fails is `degraded` for the run: its "not found" answers do not mark
//! suspects removed or genuine accounts vanished. One with no genuine account to test is
//! `unverified`, and its "not found" answers are not used either.

use std::collections::HashMap;

use crate::crawl::FetchOutcome;
use crate::crawl::sources::{AccountRef, Source, SourceStatus};
use crate::platform::Platform;
use crate::registry::Registry;
use crate::store::{ProbeRow, ProbeStatus, SnapshotRow, now};

/// Genuine accounts tried per source (the first may really have vanished or been renamed).
pub const KNOWN_PER_SOURCE: usize = 3;

/// A genuine account a source must find.
#[derive(Debug, Clone)]
pub struct Known {
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
        let Some(reference) = super::lookup_ref(a) else {
            continue;
        };
        let key = super::account_key(org, a);
        let previous = snapshots.get(&key).filter(|s| s.state == "present");
        // Instagram's business discovery answers with a per-app id, not the account's own.
        let expected_id = if a.platform == Platform::Instagram {
            None
        } else {
            a.id.clone().or_else(|| previous.and_then(|s| s.platform_id.clone()))
        };
        let list = out.entry(a.platform).or_default();
        if list.len() < KNOWN_PER_SOURCE {
            list.push(Known {
                reference,
                expected_id,
                label: key,
            });
        }
    }
    out
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
    let mut found_genuine = false;
    for k in known {
        match source.lookup(&k.reference).await {
            FetchOutcome::Found(p) => match (&k.expected_id, &p.id) {
                (Some(want), Some(got)) if want != got => {
                    notes.push(format!("{} answered with id {got}, expected {want}", k.label));
                }
                _ => {
                    found_genuine = true;
                    notes.push(format!("{} found", k.label));
                    break;
                }
            },
            FetchOutcome::NotFound(why) => notes.push(format!("{} not found ({why})", k.label)),
            FetchOutcome::Blocked(why) => notes.push(format!("{} blocked ({why})", k.label)),
            FetchOutcome::Failed(why) => notes.push(format!("{} failed ({why})", k.label)),
        }
    }
    let absent = absent_handle(platform);
    let absent_ok = match source.lookup(&AccountRef::Handle(absent.clone())).await {
        FetchOutcome::NotFound(_) => {
            notes.push(format!("made-up handle {absent} not found"));
            true
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
    let status = match (known.is_empty(), found_genuine, absent_ok) {
        (true, _, true) => {
            notes.insert(0, "no genuine account on this platform to test with".into());
            ProbeStatus::Unverified
        }
        (false, true, true) => ProbeStatus::Ok,
        _ => ProbeStatus::Degraded,
    };
    ProbeRow {
        platform: platform.as_str().to_string(),
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
    rows.sort_by(|a, b| a.platform.cmp(&b.platform));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

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
