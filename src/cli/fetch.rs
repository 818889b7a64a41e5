//! `narisumashi fetch URL|PLATFORM:HANDLE`: one live lookup, printed as a profile record.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;
use narisumashi::config::Config;
use narisumashi::crawl::avatar::AvatarFetcher;
use narisumashi::crawl::sources::watchlist::resolve_target;
use narisumashi::crawl::sources::{SourceStatus, for_platform};
use narisumashi::crawl::{FetchOutcome, Fetcher};
use narisumashi::matching::AvatarLimits;
use serde_json::json;

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// A profile URL (x.com/…, instagram.com/…, lin.ee/…, youtube.com/@…) or PLATFORM:HANDLE.
    target: String,
    /// Configuration file (default: ./narisumashi.toml if present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Do not download the avatar.
    #[arg(long)]
    no_avatar: bool,
}

/// Exit statuses: 0 found, 1 not found, 3 blocked, failed or skipped, 2 unusable input.
pub fn run(args: FetchArgs) -> anyhow::Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(fetch(args, config))
}

async fn fetch(args: FetchArgs, config: Config) -> anyhow::Result<ExitCode> {
    let fetcher = Arc::new(
        Fetcher::new(narisumashi::crawl::FetchConfig::from_config(&config)).context("building the HTTP client")?,
    );
    let (platform, account) =
        match resolve_target(&args.target, &fetcher, config.pages.line_short_base.as_deref()).await {
            Ok(t) => t,
            Err(e) => {
                eprintln!("narisumashi: {e}");
                return Ok(ExitCode::from(super::Exit::Refused));
            }
        };
    let source = for_platform(platform, &config, fetcher.clone());
    if let SourceStatus::Skipped(why) = source.status() {
        println!(
            "{}",
            json!({"outcome": "skipped", "platform": platform, "target": args.target, "reason": why})
        );
        return Ok(ExitCode::from(super::Exit::Look));
    }
    let (kind, reason, profile) = match source.lookup(&account).await {
        FetchOutcome::Found(p) => ("found", None, Some(p)),
        other => (other.kind(), other.reason().map(str::to_string), None),
    };
    let Some(profile) = profile else {
        println!(
            "{}",
            json!({"outcome": kind, "platform": platform, "target": args.target, "reason": reason})
        );
        return Ok(ExitCode::from(if matches!(kind, "not_found" | "gone") {
            super::Exit::No
        } else {
            super::Exit::Look
        }));
    };
    let mut record = serde_json::to_value(profile.to_record())?;
    record["outcome"] = json!("found");
    if let Some(v) = &profile.verified {
        record["verified"] = json!(v);
    }
    if let Some(n) = profile.followers {
        record["followers"] = json!(n);
    }
    if let (Some(url), false) = (&profile.avatar_url, args.no_avatar) {
        let avatars = AvatarFetcher::new(fetcher.clone(), AvatarLimits::default());
        match avatars.fetch(url).await {
            Ok(a) => {
                record["avatar_sha256"] = json!(a.sha256);
                match a.hash {
                    Ok(h) => record["avatar_hash"] = json!(h.encode()),
                    Err(e) => record["avatar_error"] = json!(e),
                }
            }
            Err(e) => record["avatar_error"] = json!(e),
        }
    }
    println!("{record}");
    Ok(ExitCode::from(super::Exit::Done))
}
