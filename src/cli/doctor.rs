//! `doctor`: prints the installation checks (see `narisumashi::doctor`) and what to fix.

use std::path::Path;
use std::process::ExitCode;

use clap::Args;
use narisumashi::doctor::{self, Level, Options};

use super::scan::{DbArgs, runtime};

/// `doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Check nothing over the network (no self-tests, no mail server).
    #[arg(long)]
    offline: bool,
    /// Print the findings as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs `doctor`. Exit status 0, or 1 when something must be fixed.
pub fn run(args: DoctorArgs, seeds: Option<&Path>) -> anyhow::Result<ExitCode> {
    let config = match args.db.load() {
        Ok(c) => c,
        Err(e) => {
            println!("ERROR  config     {e:#}");
            println!("       fix: correct the line the message names; narisumashi.example.toml documents every key");
            return Ok(ExitCode::from(super::Exit::No));
        }
    };
    let registry = match super::load_registry(seeds) {
        Ok(r) => r,
        Err(e) => {
            println!("ERROR  registry   {e:#}");
            println!("       fix: `narisumashi registry check` shows the line; correct seeds/");
            return Ok(ExitCode::from(super::Exit::No));
        }
    };
    let checks = runtime()?.block_on(doctor::run(&config, &registry, &Options { offline: args.offline }));
    if args.json {
        println!("{}", serde_json::to_string_pretty(&checks)?);
    } else {
        for c in &checks {
            let level = match c.level {
                Level::Ok => "ok",
                Level::Warn => "WARN",
                Level::Error => "ERROR",
            };
            println!("{level:<6} {:<10} {}", c.area, c.message);
            if let Some(fix) = &c.fix {
                println!("{:<17} fix: {fix}", "");
            }
        }
        let errors = checks.iter().filter(|c| c.level == Level::Error).count();
        let warnings = checks.iter().filter(|c| c.level == Level::Warn).count();
        println!("\n{errors} errors, {warnings} warnings");
    }
    Ok(if checks.iter().any(|c| c.level == Level::Error) {
        ExitCode::from(super::Exit::No)
    } else {
        ExitCode::from(super::Exit::Done)
    })
}
