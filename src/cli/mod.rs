//! Command-line interface: one file per subcommand. Argument parsing and printing only.

mod demo;
mod doctor;
mod drafts;
mod fetch;
mod maintenance;
mod match_cmd;
mod notify;
mod progress;
mod registry;
mod scan;
mod serve;
mod suspects;
mod table;
mod user;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use narisumashi::registry::Registry;

/// narisumashi (なりすまし): finds impersonations of public bodies' official social media accounts.
#[derive(Debug, Parser)]
#[command(name = "narisumashi", version, about, long_about = None)]
pub struct Cli {
    /// Seeds directory (default: ./seeds if present, else the copy built into the binary).
    #[arg(long, global = true, value_name = "DIR")]
    seeds: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The registry of genuine accounts (seeds/).
    Registry {
        #[command(subcommand)]
        command: registry::RegistryCommand,
    },
    /// Judge candidate profiles (JSON Lines) against the genuine accounts.
    Match(match_cmd::MatchArgs),
    /// Look one profile up on its platform and print it as a profile record.
    Fetch(fetch::FetchArgs),
    /// Run the scan: refresh genuine accounts, discover and judge candidates, store suspects.
    Scan(scan::ScanArgs),
    /// List scan runs.
    Scans(scan::ScansArgs),
    /// List suspects.
    Suspects(suspects::SuspectsArgs),
    /// Show one suspect, or record a decision on it.
    Suspect {
        #[command(subcommand)]
        command: suspects::SuspectCommand,
    },
    /// Serve the staff review web UI and run the scan on the configured schedule (default
    /// 02:00 Japan time).
    Serve(serve::ServeArgs),
    /// Purge the evidence of suspects dismissed long enough ago (`[retention]`).
    Purge(maintenance::PurgeArgs),
    /// Write a consistent copy of the SQLite database, also while `serve` runs.
    Backup(maintenance::BackupArgs),
    /// Digests: preview one, or send a test message to every recipient.
    Notify {
        #[command(subcommand)]
        command: notify::NotifyCommand,
    },
    /// Check the installation (configuration, keys, database, templates, disk, mail server)
    /// and run each source's self-test; says what to fix.
    Doctor(doctor::DoctorArgs),
    /// Staff accounts of the review UI.
    User {
        #[command(subcommand)]
        command: user::UserCommand,
    },
    /// Draft the documents for suspects: takedown request, public notice, account post,
    /// internal report, press information.
    Drafts(drafts::DraftsArgs),
    /// Scan the built-in demo platform (on 127.0.0.1) into the database and show the result.
    Demo(demo::DemoArgs),
}

/// Runs a parsed command line.
/// How a command ended, as its exit status: one enum for every command, so that each number
/// keeps its meaning across them and a scheduler or script can act on it (README, "Exit
/// statuses").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done, and nothing needs a person.
    Done = 0,
    /// 1: done, and the answer is "no": `doctor` or `registry check` found something to fix,
    /// `notify test` could not reach a recipient, `fetch` was told the account does not exist
    /// (or was removed).
    No = 1,
    /// 2: not done: a configuration, file or database that cannot be used, another scan
    /// running, unusable input, a request refused (documents for an unconfirmed suspect).
    /// The message on standard error says why.
    Refused = 2,
    /// 3: done, and a person should look: `scan` found new or reopened suspects to review,
    /// `match` has lines in error, `fetch` got no usable answer (blocked, failed, not visible,
    /// skipped; the reason is printed).
    Look = 3,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    progress::init_logging();
    match cli.command {
        Command::Registry { command } => registry::run(command, cli.seeds.as_deref()),
        Command::Match(args) => match_cmd::run(args, cli.seeds.as_deref()),
        Command::Fetch(args) => fetch::run(args),
        Command::Scan(args) => scan::run_scan(args, cli.seeds.as_deref()),
        Command::Scans(args) => scan::run_scans(args),
        Command::Suspects(args) => suspects::run_suspects(args),
        Command::Suspect { command } => suspects::run_suspect(command),
        Command::Serve(args) => serve::run(args, cli.seeds.as_deref()),
        Command::Purge(args) => maintenance::purge(args),
        Command::Backup(args) => maintenance::backup(args),
        Command::Doctor(args) => doctor::run(args, cli.seeds.as_deref()),
        Command::Notify { command } => notify::run(command, cli.seeds.as_deref()),
        Command::User { command } => user::run(command, cli.seeds.as_deref()),
        Command::Demo(args) => demo::run(args, cli.seeds.as_deref()),
        Command::Drafts(args) => drafts::run(args, cli.seeds.as_deref()),
    }
}

/// Loads the registry: `--seeds DIR`, else `./seeds`, else the built-in copy.
pub fn load_registry(seeds: Option<&Path>) -> anyhow::Result<Registry> {
    match seeds {
        Some(dir) => Registry::load_dir(dir).with_context(|| format!("loading the registry from {}", dir.display())),
        None if Path::new("seeds").is_dir() => {
            Registry::load_dir(Path::new("seeds")).context("loading the registry from ./seeds")
        }
        None => Registry::embedded().context("loading the built-in registry"),
    }
}
