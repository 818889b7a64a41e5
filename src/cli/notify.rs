//! `notify`: shows a run's digest as a body would receive it, or sends a test message to every
//! recipient in `[notify]` (to check the mail server and the webhooks when setting up).

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};
use narisumashi::notify::{ALL_ORGS, Notifier, text};

use super::scan::{DbArgs, open_existing, runtime};

/// `notify` subcommands.
#[derive(Debug, Subcommand)]
pub enum NotifyCommand {
    /// Print the digest of one run for one body (default: the latest run, every body).
    Preview(PreviewArgs),
    /// Send a short test message to every recipient in `[notify]`; nothing is recorded.
    Test(TestArgs),
}

/// `notify preview`.
#[derive(Debug, Args)]
pub struct PreviewArgs {
    #[command(flatten)]
    db: DbArgs,
    /// The run (default: the latest).
    #[arg(long)]
    run: Option<i64>,
    /// The organisation (default: all of them, as the operator's digest).
    #[arg(long)]
    org: Option<String>,
    /// Print the webhook's JSON instead of the e-mail.
    #[arg(long)]
    json: bool,
}

/// `notify test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    #[command(flatten)]
    db: DbArgs,
}

/// Runs a `notify` subcommand. `test` exits 1 when a recipient could not be reached.
pub fn run(command: NotifyCommand, seeds: Option<&Path>) -> anyhow::Result<ExitCode> {
    let registry = super::load_registry(seeds)?;
    match command {
        NotifyCommand::Preview(args) => {
            let config = args.db.load()?;
            let notifier = Notifier::new(&config, &registry).context("checking [notify]")?;
            let org = args.org.clone().unwrap_or_else(|| ALL_ORGS.to_string());
            if org != ALL_ORGS && registry.organisation(&org).is_none() {
                anyhow::bail!("no organisation {org:?} in the registry");
            }
            let digest = runtime()?.block_on(async {
                let store = open_existing(&config).await?;
                let run = match args.run {
                    Some(r) => r,
                    None => store
                        .runs(1)
                        .await?
                        .first()
                        .map(|r| r.id)
                        .context("no scan has run yet")?,
                };
                let d = notifier.preview(&store, &registry, &org, run).await?;
                store.close().await;
                anyhow::Ok(d)
            })?;
            let Some(d) = digest else {
                anyhow::bail!("no such run");
            };
            if args.json {
                println!("{}", serde_json::to_string_pretty(&d)?);
            } else {
                println!("Subject: {}\n\n{}", text::subject(&d), text::body(&d));
                if d.is_empty() {
                    println!("(nothing new: only sent to recipients with all_clear = true)");
                }
            }
            Ok(ExitCode::from(super::Exit::Done))
        }
        NotifyCommand::Test(args) => {
            let config = args.db.load()?;
            let notifier = Notifier::new(&config, &registry).context("checking [notify]")?;
            if !notifier.has_recipients() {
                println!("no recipients in [notify.org.\"<org-id>\"]");
                return Ok(ExitCode::from(super::Exit::No));
            }
            let deliveries = runtime()?.block_on(notifier.send_test());
            for d in &deliveries {
                match &d.error {
                    None => println!("ok     {} {} {}", d.org_id, d.channel, d.recipient),
                    Some(e) => println!("FAILED {} {} {}: {e}", d.org_id, d.channel, d.recipient),
                }
            }
            Ok(if deliveries.iter().all(|d| d.sent) {
                ExitCode::from(super::Exit::Done)
            } else {
                ExitCode::from(super::Exit::No)
            })
        }
    }
}
