//! `narisumashi fetch URL|PLATFORM:HANDLE`: one live lookup, printed as a profile record.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;
use narisumashi::Platform;
use narisumashi::config::Config;
use narisumashi::crawl::avatar::AvatarFetcher;
use narisumashi::crawl::sources::{AccountRef, SourceStatus, for_platform};
use narisumashi::crawl::{FetchOutcome, Fetcher, RequestKind};
use narisumashi::matching::AvatarLimits;
use narisumashi::platform::is_youtube_channel_id;
use narisumashi::registry::parse_profile_url;
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
    let fetcher = Arc::new(Fetcher::new(config.fetch_config()).context("building the HTTP client")?);
    let (platform, account) = match resolve(&args.target, &fetcher).await {
        Ok(t) => t,
        Err(e) => {
            eprintln!("narisumashi: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let source = for_platform(platform, &config, fetcher.clone());
    if let SourceStatus::Skipped(why) = source.status() {
        println!(
            "{}",
            json!({"outcome": "skipped", "platform": platform, "target": args.target, "reason": why})
        );
        return Ok(ExitCode::from(3));
    }
    let (kind, reason, profile) = match source.lookup(&account).await {
        FetchOutcome::Found(p) => ("found", None, Some(p)),
        FetchOutcome::NotFound(r) => ("not_found", Some(r), None),
        FetchOutcome::Blocked(r) => ("blocked", Some(r), None),
        FetchOutcome::Failed(r) => ("failed", Some(r), None),
    };
    let Some(profile) = profile else {
        println!(
            "{}",
            json!({"outcome": kind, "platform": platform, "target": args.target, "reason": reason})
        );
        return Ok(ExitCode::from(if kind == "not_found" { 1 } else { 3 }));
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
    Ok(ExitCode::SUCCESS)
}

/// What the target names: a profile URL (short links followed) or `platform:handle`.
async fn resolve(target: &str, fetcher: &Fetcher) -> Result<(Platform, AccountRef), String> {
    let target = target.trim();
    if target.contains("://") {
        let mut parsed = parse_profile_url(target).map_err(|e| e.to_string())?;
        if parsed.short_link {
            let f = fetcher
                .get(target, RequestKind::Page, &[])
                .await
                .map_err(|e| format!("following {target}: {e}"))?;
            let landed = f
                .redirects
                .iter()
                .chain(std::iter::once(&f.url))
                .rev()
                .find_map(|u| parse_profile_url(u.as_str()).ok().filter(|p| !p.short_link));
            parsed = landed.ok_or_else(|| format!("{target} did not lead to a profile (ended at {})", f.url))?;
        }
        let account = match (parsed.handle, parsed.id) {
            (Some(h), _) => AccountRef::Handle(h),
            (None, Some(id)) => AccountRef::Id(id),
            (None, None) => return Err(format!("{target} names no account")),
        };
        return Ok((parsed.platform, account));
    }
    let (platform, handle) = target
        .split_once(':')
        .ok_or_else(|| format!("{target:?} is neither a URL nor PLATFORM:HANDLE"))?;
    let platform: Platform = platform
        .parse()
        .map_err(|e: narisumashi::platform::UnknownPlatform| e.to_string())?;
    let handle = handle.trim();
    if handle.is_empty() {
        return Err("empty handle".into());
    }
    let bare = handle.trim_start_matches('@');
    let is_id = (platform == Platform::Youtube && is_youtube_channel_id(bare))
        || (platform == Platform::Facebook && bare.bytes().all(|b| b.is_ascii_digit()));
    Ok((
        platform,
        if is_id {
            AccountRef::Id(bare.to_string())
        } else {
            AccountRef::Handle(handle.to_string())
        },
    ))
}
