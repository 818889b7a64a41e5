//! The integration tests, as one test binary (one link of the whole crate instead of fifteen),
//! sharing one test kit (`common`: temporary directories, the seeds' registry, the databases to
//! run on, the SMTP server and the web fixture). Each module is what was a test file of its
//! own; `cargo test --test it MODULE::` runs one of them, e.g. `cargo test --test it corpus::`.

mod common;

mod avatars;
mod browser;
mod corpus;
mod crawl_client;
mod drafts;
mod faults;
mod fetch_cli;
mod match_cli;
mod matching_scale;
mod operations;
mod properties;
mod public;
mod registry;
mod retention;
mod scale;
mod scan;
mod sources;
mod web;
