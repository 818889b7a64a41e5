//! `narisumashi match`: the offline matcher of `../shared/profile-format.md`.

use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use narisumashi::matching::{AvatarLimits, Genuine, Matcher};
use narisumashi::offline::{self, AvatarLoader, MatchError};

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// Candidate profiles, one JSON record per line.
    #[arg(long, value_name = "FILE")]
    candidates: PathBuf,
    /// Genuine accounts for this run (same format); replaces the registry.
    #[arg(long, value_name = "FILE")]
    genuine: Option<PathBuf>,
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
    match offline::run_match(&args.candidates, &matcher, &mut loader, BufWriter::new(stdout.lock())) {
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
