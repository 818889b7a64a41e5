//! `purge` and `backup`: the retention rule for dismissed suspects' evidence, and an online
//! copy of the SQLite database.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::scan::{DbArgs, open_existing, runtime};

/// `purge`.
#[derive(Debug, Args)]
pub struct PurgeArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Only show what would be purged.
    #[arg(long)]
    dry_run: bool,
    /// Days after a dismissal, overriding `[retention] dismissed_evidence_days`.
    #[arg(long)]
    days: Option<i64>,
}

/// `backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(flatten)]
    db: DbArgs,
    /// The new file to write (it must not exist).
    path: PathBuf,
}

/// Runs `purge`.
pub fn purge(args: PurgeArgs) -> anyhow::Result<ExitCode> {
    let config = args.db.load()?;
    let days = args.days.unwrap_or(config.retention.dismissed_evidence_days).max(0);
    let report = runtime()?.block_on(async {
        let store = open_existing(&config).await?;
        let r = store.purge(days * 86_400, args.dry_run, "cli").await?;
        store.close().await;
        anyhow::Ok(r)
    })?;
    let verb = if args.dry_run { "would purge" } else { "purged" };
    println!(
        "{verb} the evidence of {} suspects dismissed more than {days} days ago: {} sightings, {} pictures ({} bytes); {} stale failed-login records",
        report.suspects.len(),
        report.sightings,
        report.avatars.len(),
        report.avatar_bytes,
        report.login_failures
    );
    for id in &report.suspects {
        println!("  suspect #{id}");
    }
    Ok(ExitCode::from(super::Exit::Done))
}

/// Runs `backup`.
pub fn backup(args: BackupArgs) -> anyhow::Result<ExitCode> {
    let config = args.db.load()?;
    let bytes = runtime()?.block_on(async {
        let store = open_existing(&config).await?;
        let n = store.backup(&args.path).await?;
        store.close().await;
        anyhow::Ok(n)
    })?;
    println!("wrote {} ({bytes} bytes)", args.path.display());
    Ok(ExitCode::from(super::Exit::Done))
}
