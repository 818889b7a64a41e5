//! `narisumashi match`: the offline matcher of `../shared/profile-format.md`.

use std::collections::HashSet;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, ValueEnum};
use narisumashi::config::Config;
use narisumashi::crawl::Fetcher;
use narisumashi::crawl::avatar::AvatarFetcher;
use narisumashi::matching::{AvatarLimits, Genuine, Matcher};
use narisumashi::offline::{self, AvatarLoader, MatchError};
use narisumashi::platform::is_youtube_channel_id;

use super::table;

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// Candidate profiles, one JSON record per line.
    #[arg(long, value_name = "FILE")]
    candidates: PathBuf,
    /// Genuine accounts for this run (same format); replaces the registry.
    #[arg(long, value_name = "FILE")]
    genuine: Option<PathBuf>,
    /// Do not fetch avatar URLs (judge those profiles without the picture).
    #[arg(long)]
    offline: bool,
    /// Configuration file for fetching avatar URLs (default: ./narisumashi.toml if present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Output: JSON Lines (the contract) or a table for people.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Table,
}

/// Time allowed for one avatar URL, whatever the server answers (rate-limit pauses included).
const AVATAR_URL_BOUND: Duration = Duration::from_secs(10);

/// The avatar-URL fetcher of a `match` run: the crawler's guarded client with tight limits,
/// and a host that failed at the network level is not tried again in the run, so a machine
/// without network judges a large file without stalling.
fn url_fetcher(config: Option<&Path>) -> anyhow::Result<(tokio::runtime::Runtime, Arc<AvatarFetcher>)> {
    let config = Config::load(config)?;
    let mut fc = narisumashi::crawl::FetchConfig::from_config(&config);
    fc.max_retries = 0;
    fc.connect_timeout = Duration::from_secs(3);
    fc.total_timeout = AVATAR_URL_BOUND;
    // A pause the server asks for is kept to a little over the bound: the next URL of that
    // host then spends its bound waiting, and the host is not asked again in the run.
    fc.max_wait = AVATAR_URL_BOUND + Duration::from_secs(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let fetcher = Arc::new(Fetcher::new(fc).context("building the HTTP client")?);
    Ok((runtime, Arc::new(AvatarFetcher::new(fetcher, AvatarLimits::default()))))
}

pub fn run(args: MatchArgs, seeds: Option<&Path>) -> anyhow::Result<ExitCode> {
    let fetching = if args.offline {
        None
    } else {
        Some(url_fetcher(args.config.as_deref())?)
    };
    let mut unreachable: HashSet<String> = HashSet::new();
    let mut loader = match &fetching {
        None => AvatarLoader::new(AvatarLimits::default()),
        Some((runtime, avatars)) => AvatarLoader::with_url_fetch(
            AvatarLimits::default(),
            Box::new(move |url: &str| {
                let host = reqwest::Url::parse(url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_string))
                    .unwrap_or_default();
                if unreachable.contains(&host) {
                    return Err(format!(
                        "avatar {url}: {host} failed earlier in this run and is not asked again"
                    ));
                }
                // The bound holds whatever the server says: a host that spends it (a far
                // rate-limit reset, a trickle) is not asked again in this run.
                let fetched = runtime
                    .block_on(async { tokio::time::timeout(AVATAR_URL_BOUND, avatars.fetch(url)).await })
                    .unwrap_or_else(|_| {
                        Err(format!(
                            "avatar {url}: no picture within {} s (timed out)",
                            AVATAR_URL_BOUND.as_secs()
                        ))
                    });
                match fetched {
                    Ok(a) => a.hash,
                    Err(e) => {
                        if e.contains("network error") || e.contains("timed out") || e.contains("rate limited") {
                            unreachable.insert(host);
                        }
                        Err(e)
                    }
                }
            }),
        ),
    };
    let genuine = match &args.genuine {
        Some(path) => match offline::load_genuine_file(path, &mut loader) {
            Ok((mut g, warnings)) => {
                for w in warnings {
                    eprintln!("narisumashi: warning: {w}");
                }
                // The registry says which office runs each of these accounts (for telling a
                // template picture shared by several offices); nothing else of it is used.
                if let Ok(registry) = super::load_registry(seeds) {
                    Genuine::enrich_from(&mut g, &registry);
                }
                g
            }
            Err(e) => return Ok(unreadable(e)),
        },
        None => Genuine::from_registry(&super::load_registry(seeds)?),
    };
    let matcher = Matcher::new(genuine);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match args.format {
        Format::Json => offline::run_match(&args.candidates, &matcher, &mut loader, &mut out),
        Format::Table => offline::judge_file(&args.candidates, &matcher, &mut loader, |l| {
            table_line(&mut out, l).map_err(Into::into)
        }),
    };
    drop(out);
    match result {
        Ok(s) => {
            eprintln!(
                "narisumashi: {} lines: {} suspect, {} clear, {} genuine, {} errors",
                s.lines, s.suspect, s.clear, s.genuine, s.errors
            );
            Ok(if s.errors > 0 {
                ExitCode::from(super::Exit::Look)
            } else {
                ExitCode::from(super::Exit::Done)
            })
        }
        Err(e) => Ok(unreadable(e)),
    }
}

/// One judged line as `--format table` shows it: verdict and score, who, the genuine account
/// it resembles, the reasons, or the error.
fn table_line(out: &mut impl Write, l: &offline::OutputLine<'_>) -> io::Result<()> {
    let who = match (l.handle, l.display_name) {
        (Some(h), Some(n)) => {
            let h = h.trim_start_matches('@');
            let at = if is_youtube_channel_id(h) { "" } else { "@" };
            format!(
                "{} {at}{} 「{}」",
                l.platform.map(|p| p.label()).unwrap_or("?"),
                table::fit(h, 40),
                table::fit(n, 44)
            )
        }
        (None, Some(n)) => format!(
            "{} 「{}」",
            l.platform.map(|p| p.label()).unwrap_or("?"),
            table::fit(n, 44)
        ),
        _ => String::new(),
    };
    writeln!(out, "#{:<4} {:<8} {:.2}  {}", l.index, l.verdict, l.score, who)?;
    if let Some(t) = &l.target {
        let label = t
            .handle
            .map(|h| format!("@{}", h.trim_start_matches('@')))
            .or(t.id.map(str::to_string))
            .unwrap_or_default();
        writeln!(
            out,
            "       → {} {} 「{}」",
            t.platform.map(|p| p.label()).unwrap_or("?"),
            label,
            t.display_name
        )?;
    }
    for r in &l.reasons {
        writeln!(out, "       - {r}")?;
    }
    if let Some(e) = &l.error {
        writeln!(out, "       ! {e}")?;
    }
    Ok(())
}

fn unreadable(e: MatchError) -> ExitCode {
    eprintln!("narisumashi: {e}");
    ExitCode::from(super::Exit::Refused)
}
