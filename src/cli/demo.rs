//! `demo`: starts the built-in demo platform on 127.0.0.1, scans it into the configured
//! database (SQLite, in the per-user data directory by default), prints what was found and how
//! to review it.

use std::path::Path;
use std::process::ExitCode;

use clap::Args;
use narisumashi::demo::{DemoPlatform, Role, population};
use narisumashi::scan::{self, ScanOptions};

use super::scan::{DbArgs, open, print_report, runtime};

/// `demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Seed of the demo population.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

/// Runs `demo`.
pub fn run(args: DemoArgs, seeds: Option<&Path>) -> anyhow::Result<ExitCode> {
    let registry = super::load_registry(seeds)?;
    let base = args.db.load()?;
    let rt = runtime()?;
    rt.block_on(async {
        let people = population(&registry, args.seed);
        let impostors = people.iter().filter(|a| matches!(a.role, Role::Impostor { .. })).count();
        let innocents = people.iter().filter(|a| a.role == Role::Innocent).count();
        let lookalikes = people.iter().filter(|a| a.role == Role::HonestLookalike).count();
        let demo = DemoPlatform::start(people).await?;
        let config = demo.config(&base);
        println!(
            "Demo platform at {} (X, YouTube, Instagram, Facebook and LINE formats): {} genuine accounts, {impostors} planted impostors, {innocents} innocent accounts on the same topics, {lookalikes} honest people with a handle one slip from an office's (flagged for a person to dismiss).",
            demo.base(),
            registry.accounts().count()
        );
        println!("Database: {}", narisumashi::store::redact(&config.database.url));
        let store = open(&config).await?;
        let opts = ScanOptions {
            org: None,
            platform: None,
            dry_run: false,
            trigger: "demo".into(),
        };
        let report = scan::run(&store, &registry, &config, &opts, super::progress::observer()).await?;
        store.close().await;
        let mut out = std::io::stdout().lock();
        print_report(&mut out, &report, &registry)?;
        // The commands below work as printed from any directory: the program as it can be typed
        // here, and the SQLite file by its absolute path.
        let db = match sqlite_file(&config.database.url) {
            Some(path) => format!(" --database {}", shell_word(&path.display().to_string())),
            None if args.db.database.is_some() || args.db.config.is_some() => {
                format!(" --database {}", config.database.url)
            }
            None => String::new(),
        };
        let me = invocation();
        use std::io::Write;
        writeln!(out, "\nHow to review:")?;
        writeln!(out, "  {me} suspects{db}                      # the queue")?;
        writeln!(out, "  {me} suspect show ID{db}               # reasons, sightings, history")?;
        writeln!(out, "  {me} suspect confirm ID{db}            # it is an impostor")?;
        writeln!(out, "  {me} suspect dismiss ID --reason \"…\"{db}  # honest: allow-listed")?;
        writeln!(out, "  {me} scans{db}                         # every run")?;
        writeln!(out, "\nOr in the browser (the review UI, in Japanese):")?;
        writeln!(out, "  {me} user add admin --role admin{db}        # prints a password once")?;
        writeln!(out, "  {me} serve --no-schedule{db}              # then open http://127.0.0.1:8080/")?;
        if me != "narisumashi" {
            writeln!(out, "\n(`cargo install --path .` puts `narisumashi` on your PATH.)")?;
        }
        writeln!(out, "Run the demo again to see a re-scan update the same suspects instead of duplicating them.")?;
        Ok(ExitCode::from(super::Exit::Done))
    })
}

/// How to type this program here: `narisumashi` when that name on `PATH` is this executable,
/// else its path (relative to the working directory when it lies inside it).
fn invocation() -> String {
    let Ok(me) = std::env::current_exe().and_then(|p| p.canonicalize()) else {
        return "narisumashi".into();
    };
    let on_path = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths)
            .filter_map(|dir| dir.join("narisumashi").canonicalize().ok())
            .any(|p| p == me)
    });
    if on_path {
        return "narisumashi".into();
    }
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            me.strip_prefix(cwd.canonicalize().ok()?)
                .ok()
                .map(|rel| format!("./{}", rel.display()))
        })
        .unwrap_or_else(|| me.display().to_string());
    shell_word(&shown)
}

/// The absolute path of an SQLite database (a configured URL or path); `None` for PostgreSQL.
fn sqlite_file(value: &str) -> Option<std::path::PathBuf> {
    let url = narisumashi::store::database_url(value);
    let path = std::path::Path::new(narisumashi::store::sqlite_path(&url)?);
    Some(if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    })
}

/// A word a POSIX shell reads as itself: as it is when it holds only safe characters, else in
/// single quotes.
fn shell_word(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+:@%=,".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
