//! The nightly scan: refresh snapshots of the genuine accounts, discover and judge
//! candidates, check that open suspects are still there, and record it all.
//!
//! The work is cut into units (one genuine account's snapshot, one genuine account's
//! discovery, one open suspect's check), each committed in its own transaction with a "done"
//! marker (see `store::apply`). A scan killed at any point leaves its run `running`; the next
//! scan with the same scope resumes that run, skipping the units already done, so the result
//! is the same as an uninterrupted scan. A database lease keeps two scans from running at
//! once. On PostgreSQL other processes may join the run as workers (`scan --worker`): the
//! units are claimed from the run's work list (see `work`).
//!
//! Owns the meaning of what is seen (new suspect, update, reopening, allow-listed); the
//! network is `crawl`/`discover`, the verdict is `matching`, the SQL is `store`.

mod observe;
mod plan;
pub mod probe;
mod report;
mod rules;
mod run;
mod units;
mod work;

pub use observe::{LogObserver, Observer, Silent};
pub use report::{Finding, ScanReport};

use crate::platform::Platform;
use crate::registry::{GenuineAccount, Organisation};
use crate::store::StoreError;

pub use plan::next_plan;
pub use rules::{REOPEN_SCORE_RISE, changes, decide};
pub use run::run;
pub use work::{WorkReport, work};

/// Why a scan could not run or finish.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// Storage failed (the run stays resumable).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The HTTP client could not be built.
    #[error("cannot set up the HTTP client")]
    Client(#[source] crate::crawl::FetchError),
    /// The scope names an unknown organisation.
    #[error("no organisation {0:?} in the registry")]
    UnknownOrg(String),
    /// A unit's task stopped unexpectedly (it panicked or was cancelled).
    #[error("a scan task stopped")]
    Task(#[source] tokio::task::JoinError),
    /// `scan --worker` on SQLite.
    #[error(
        "scan workers share a run through PostgreSQL; this database is an SQLite file, which one `scan` uses fully ([scan] concurrency sets how many units it runs at once)"
    )]
    WorkerNeedsPostgres,
    /// `scan --worker` found no run to join in time.
    #[error("no scan started within {0} s; a worker joins a run that `narisumashi scan` started")]
    NoRunToJoin(u64),
    /// The worker's registry is not the planner's.
    #[error(
        "scan #{0} was planned with another registry (seeds/) than this worker's; give every worker the same seeds and configuration"
    )]
    RegistryDiffers(i64),
    /// A unit in the work list this process cannot run.
    #[error("scan unit {0:?} is not in this worker's registry or store")]
    UnknownUnit(String),
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
    /// Options that cover a run's scope (`org=…;platform=…`, as [`ScanOptions::scope`] writes
    /// it), for a process joining that run.
    pub(crate) fn from_scope(scope: &str, trigger: &str) -> ScanOptions {
        let mut opts = ScanOptions {
            org: None,
            platform: None,
            dry_run: false,
            trigger: trigger.into(),
        };
        for part in scope.split(';') {
            match part.split_once('=') {
                Some(("org", v)) if v != "*" => opts.org = Some(v.to_string()),
                Some(("platform", v)) if v != "*" => opts.platform = v.parse().ok(),
                _ => {}
            }
        }
        opts
    }

    fn scope(&self) -> String {
        format!(
            "org={};platform={}",
            self.org.as_deref().unwrap_or("*"),
            self.platform.map(Platform::as_str).unwrap_or("*")
        )
    }
}

/// The stable key of a genuine account: `org/platform/@handle` (or id or URL); the
/// registry's [`Organisation::account_key`].
pub fn account_key(org: &Organisation, a: &GenuineAccount) -> String {
    org.account_key(a)
}
