//! narisumashi (なりすまし): impersonation detection for the official social media accounts of
//! Japanese public bodies.
//!
//! The library does the work; the `narisumashi` binary only parses arguments and prints.
//! Modules are named for the domain: [`registry`] (genuine accounts from `seeds/`),
//! [`normalize`] (text folding for lookalike comparison), [`matching`] (similarity, indexes and
//! verdicts; pure, no I/O), [`profile`] (the JSON Lines record contract), [`crawl`] and
//! [`discover`] (fetching and candidate generation), [`store`] (the database), [`scan`] (the
//! nightly job), [`ops`] (running it unattended: [`nightly`] work, its [`schedule`], process
//! [`metrics`], the [`doctor`] check), [`notify`] (the digests), [`drafts`] (the documents
//! staff send), [`web`] (the staff review UI and the health endpoints) and [`demo`] (a local
//! platform to scan, and the [`synthetic`] registries and candidates of the benchmarks); [`digest`]
//! gives digests as hex.

#![forbid(unsafe_code)]

pub mod config;
pub mod crawl;
pub mod demo;
pub mod digest;
pub mod discover;
pub mod drafts;
pub mod export;
pub mod matching;
pub mod normalize;
pub mod notify;
pub mod official;
pub mod offline;
pub mod ops;
pub mod parallel;
pub mod platform;
pub mod profile;
pub mod registry;
pub mod scan;
pub mod store;
pub mod text;
pub mod web;

pub use demo::synthetic;
pub use ops::{doctor, metrics, nightly, schedule};
pub use platform::Platform;

pub use profile::ProfileRecord;

/// An error with its causes, one after another (`cannot open database x: unable to open
/// database file`): for the places that show an error as text rather than through `anyhow`,
/// since the library's errors keep their causes as sources, not in their own message. A cause
/// whose text is already shown (drivers' errors often repeat their source in their own
/// message) is not shown again.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let said = c.to_string();
        if !said.is_empty() && !text.contains(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        cause = c.source();
    }
    text
}

#[cfg(test)]
mod tests {
    #[derive(Debug, thiserror::Error)]
    #[error("database error: {0}")]
    struct Outer(#[source] Inner);
    #[derive(Debug, thiserror::Error)]
    #[error("connection refused")]
    struct Inner;

    #[test]
    fn a_cause_already_in_the_message_is_not_repeated() {
        assert_eq!(super::error_chain(&Outer(Inner)), "database error: connection refused");
    }
}
