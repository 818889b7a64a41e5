//! `demo`: starts the built-in demo platform on 127.0.0.1, scans it into the configured
//! database (SQLite `narisumashi.db` by default), prints what was found and how to review it.

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
        let db = if args.db.database.is_some() || args.db.config.is_some() {
            format!(" --database {}", config.database.url)
        } else {
            String::new()
        };
        use std::io::Write;
        writeln!(out, "\nHow to review:")?;
        writeln!(out, "  narisumashi suspects{db}                      # the queue")?;
        writeln!(out, "  narisumashi suspect show ID{db}               # reasons, sightings, history")?;
        writeln!(out, "  narisumashi suspect confirm ID{db}            # it is an impostor")?;
        writeln!(out, "  narisumashi suspect dismiss ID --reason \"…\"{db}  # honest: allow-listed")?;
        writeln!(out, "  narisumashi scans{db}                         # every run")?;
        writeln!(out, "\nOr in the browser (the review UI, in Japanese):")?;
        writeln!(out, "  narisumashi user add admin --role admin{db}        # prints a password once")?;
        writeln!(out, "  narisumashi serve --no-schedule{db}              # then open http://127.0.0.1:8080/")?;
        writeln!(out, "Run the demo again to see a re-scan update the same suspects instead of duplicating them.")?;
        Ok(ExitCode::SUCCESS)
    })
}
