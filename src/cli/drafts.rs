//! `narisumashi drafts SUSPECT_ID…` and the shared writing of drafts to files or stdout.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Args;
use narisumashi::drafts::dates::JpDate;
use narisumashi::drafts::{Draft, DraftError, DraftKind, Drafter, Format, Purpose};

use super::scan::{DbArgs, open_existing, runtime};

/// `drafts`.
#[derive(Debug, Args)]
pub struct DraftsArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Suspects (numbers from `narisumashi suspects`); several of one body make one notice.
    #[arg(required = true, value_name = "SUSPECT_ID")]
    ids: Vec<i64>,
    /// takedown, notice, post, report or press (repeat for several); `all` is every kind the body's
    /// procedure asks for.
    #[arg(long, value_name = "KIND", default_value = "all")]
    kind: Vec<String>,
    /// md, html, txt or docx.
    #[arg(long, default_value = "md")]
    format: String,
    /// Write files into this directory instead of printing (required for docx).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Who generates them (stored with the drafts; default: $USER).
    #[arg(long)]
    by: Option<String>,
    /// Date the documents carry (YYYY-MM-DD; default today in Japan).
    #[arg(long)]
    date: Option<String>,
    /// For a suspect nobody has confirmed yet: write a copy to read, marked 未確認・送付不可 on
    /// every page and format, and store nothing. Drafts to send need the suspect confirmed
    /// first (`narisumashi suspect confirm ID`).
    #[arg(long)]
    unconfirmed: bool,
}

/// The day documents carry.
pub fn day(date: Option<&str>) -> anyhow::Result<JpDate> {
    match date {
        Some(d) => {
            let d = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .with_context(|| format!("--date {d}: expected YYYY-MM-DD"))?;
            Ok(JpDate::from_date(d))
        }
        None => Ok(JpDate::from_unix(narisumashi::store::now())),
    }
}

/// Writes drafts into `out`, or prints them.
pub fn emit(drafts: &[Draft], format: Format, out: Option<&Path>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut stdout = stdout.lock();
    match out {
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            for d in drafts {
                let path = dir.join(d.file_name(format));
                std::fs::write(&path, d.render(format)?).with_context(|| format!("writing {}", path.display()))?;
                let length = d
                    .length
                    .map(|(n, limit)| format!("  (length {n} of {limit})"))
                    .unwrap_or_default();
                writeln!(stdout, "{}  {}{length}", path.display(), d.kind.label_ja())?;
            }
        }
        None if format == Format::Docx => bail!("--format docx writes files: add --out DIR"),
        None => {
            for (i, d) in drafts.iter().enumerate() {
                if i > 0 {
                    writeln!(stdout, "\n======== ========\n")?;
                }
                stdout.write_all(&d.render(format)?)?;
            }
        }
    }
    Ok(())
}

pub fn run(args: DraftsArgs, seeds: Option<&Path>) -> anyhow::Result<ExitCode> {
    let config = args.db.load()?;
    let registry = super::load_registry(seeds)?;
    let format =
        Format::parse(&args.format).with_context(|| format!("--format {}: use md, html, txt or docx", args.format))?;
    let kinds: Option<Vec<DraftKind>> = if args.kind.iter().any(|k| k == "all") {
        None
    } else {
        Some(
            args.kind
                .iter()
                .map(|k| {
                    DraftKind::parse(k)
                        .filter(|k| *k != DraftKind::AccountsPage)
                        .with_context(|| format!("--kind {k}: use takedown, notice, post, report, press or all"))
                })
                .collect::<anyhow::Result<_>>()?,
        )
    };
    // Checked before anything is made or stored, so a command that fails stores nothing.
    if format == Format::Docx && args.out.is_none() {
        bail!("--format docx writes files: add --out DIR");
    }
    let purpose = if args.unconfirmed {
        Purpose::UnconfirmedCopy
    } else {
        Purpose::ToSend
    };
    let today = day(args.date.as_deref())?;
    let drafter = Drafter::new(&registry, &config.drafts)?;
    let drafts = runtime()?.block_on(async {
        let store = open_existing(&config).await?;
        let drafts = drafter
            .for_suspects(&store, &args.ids, kinds.as_deref(), &today, purpose)
            .await;
        let drafts = match drafts {
            Ok(d) => d,
            Err(e) => {
                store.close().await;
                if matches!(e, DraftError::NotConfirmed(_)) {
                    bail!("{e}\n(--unconfirmed writes a copy to read, marked 未確認・送付不可 on every page, and stores nothing)");
                }
                return Err(e.into());
            }
        };
        if drafts.is_empty() {
            store.close().await;
            bail!("nothing to draft: the procedures of these suspects' bodies list none of the kinds asked for");
        }
        // Rendered before anything is stored: a document that cannot be written stores nothing.
        for d in &drafts {
            d.render(format)?;
        }
        if purpose == Purpose::ToSend {
            let by = args
                .by
                .clone()
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| "cli".into());
            let stored = Drafter::save(&store, &drafts, &by).await?;
            tracing::info!("stored {} drafts ({:?})", stored.len(), stored);
        } else {
            eprintln!("drafts: unconfirmed copies (未確認・送付不可), not stored; confirm the suspect before making drafts to send");
        }
        store.close().await;
        anyhow::Ok(drafts)
    })?;
    emit(&drafts, format, args.out.as_deref())?;
    Ok(ExitCode::from(super::Exit::Done))
}
