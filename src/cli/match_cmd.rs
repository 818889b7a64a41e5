//! `narisumashi match`: the offline matcher of `../shared/profile-format.md`.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
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
    /// Output: JSON Lines (the contract) or a table for people.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Table,
}

pub fn run(args: MatchArgs, seeds: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut loader = AvatarLoader::new(AvatarLimits::default());
    let genuine = match &args.genuine {
        Some(path) => match offline::load_genuine_file(path, &mut loader) {
            Ok((g, warnings)) => {
                for w in warnings {
                    eprintln!("narisumashi: warning: {w}");
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
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            })
        }
        Err(e) => Ok(unreadable(e)),
    }
}

fn unreadable(e: MatchError) -> ExitCode {
    eprintln!("narisumashi: {e}");
    ExitCode::from(2)
}
