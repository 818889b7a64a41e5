//! Crawling: one HTTP client shared by every platform source, polite to the platforms and
//! safe for the network it runs in. It fetches and parses; it judges nothing.
//!
//! - `client`: the [`Fetcher`] (timeouts, size caps, retries with backoff honouring
//!   `Retry-After` and rate-limit headers, manual redirects so every hop is checked);
//! - `guard`: the SSRF guard and the guarded DNS resolver;
//! - `ratelimit`: per-host spacing and concurrency, and the servers' own limits;
//! - `robots`: robots.txt for page fetches, cached per origin.

pub mod avatar;
pub mod client;
pub mod guard;
pub mod ratelimit;
pub mod robots;
pub mod sources;

pub use client::{FetchConfig, FetchError, Fetched, Fetcher, RequestKind};
pub use guard::{Guard, GuardError};

/// The outcome of looking an account up on a platform, in the platforms' own terms. Only
/// `NotFound` and `Gone` are evidence that an account is no longer there (and only from a source
/// whose self-test passed that night); blocked, failed and not visible never are.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchOutcome<T> {
    /// The account exists; here is what was read.
    Found(T),
    /// The platform positively says there is no such account (404/410 or its own answer).
    NotFound(String),
    /// The platform says the account was removed: suspended, taken down, deactivated.
    Gone(String),
    /// The account may exist but cannot be seen from here: private or protected, a personal
    /// (not business) Instagram account, a remote account an instance does not know.
    NotVisible(String),
    /// The platform would not answer: login wall, 401/403, challenge page, quota, or a rate
    /// limit that outlasted the retries.
    Blocked(String),
    /// The request failed: network, timeout, malformed response, refused by the guard.
    Failed(String),
}

impl<T> FetchOutcome<T> {
    /// The outcome's kind as a word, for reports and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            FetchOutcome::Found(_) => "found",
            FetchOutcome::NotFound(_) => "not_found",
            FetchOutcome::Gone(_) => "gone",
            FetchOutcome::NotVisible(_) => "not_visible",
            FetchOutcome::Blocked(_) => "blocked",
            FetchOutcome::Failed(_) => "failed",
        }
    }

    /// Why, for every outcome but `Found`.
    pub fn reason(&self) -> Option<&str> {
        match self {
            FetchOutcome::Found(_) => None,
            FetchOutcome::NotFound(r)
            | FetchOutcome::Gone(r)
            | FetchOutcome::NotVisible(r)
            | FetchOutcome::Blocked(r)
            | FetchOutcome::Failed(r) => Some(r),
        }
    }

    /// Whether the source could not answer (blocked or failed): a problem to report.
    pub fn is_problem(&self) -> bool {
        matches!(self, FetchOutcome::Blocked(_) | FetchOutcome::Failed(_))
    }
}
