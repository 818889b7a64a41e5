//! `suspects` (the list, as a table, JSON or CSV for Excel) and `suspect` (one suspect's
//! reasons, sightings and history, or a decision on it).

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use narisumashi::Platform;
use narisumashi::store::{Decision, SuspectFilter, SuspectStatus};

use super::table;

/// Options shared by the database commands.
use super::scan::{DbArgs, open_existing, runtime};
use narisumashi::text::wording::jst as when;

/// Output format of `suspects`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Aligned columns.
    Table,
    /// JSON array.
    Json,
    /// CSV for a spreadsheet: UTF-8 with a byte-order mark, Japanese headers.
    Csv,
}

/// `suspects`.
#[derive(Debug, Args)]
pub struct SuspectsArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Organisation id.
    #[arg(long)]
    org: Option<String>,
    /// Platform.
    #[arg(long)]
    platform: Option<Platform>,
    /// Status (repeatable): new, confirmed, dismissed, reported, removed.
    #[arg(long, value_parser = parse_status)]
    status: Vec<SuspectStatus>,
    /// Only what scan #N found: the suspects it flagged or reopened (see `scans`); every one
    /// of them is listed.
    #[arg(long, value_name = "N")]
    run: Option<i64>,
    /// Lowest score.
    #[arg(long)]
    min_score: Option<f64>,
    /// Most rows (the highest scores first); the rest are counted on standard error.
    #[arg(long, default_value_t = 200)]
    limit: i64,
    /// Every row, however many.
    #[arg(long, conflicts_with = "limit")]
    all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

fn parse_status(s: &str) -> Result<SuspectStatus, String> {
    SuspectStatus::parse(s)
        .ok_or_else(|| format!("unknown status {s:?} (new, confirmed, dismissed, reported, removed)"))
}

/// Runs `suspects`.
pub fn run_suspects(args: SuspectsArgs) -> anyhow::Result<ExitCode> {
    let config = args.db.load()?;
    let rt = runtime()?;
    rt.block_on(async {
        let store = open_existing(&config).await?;
        let rows = store
            .suspects(&SuspectFilter {
                org: args.org.clone(),
                platform: args.platform.map(|p| p.as_str().to_string()),
                statuses: args.status.clone(),
                min_score: args.min_score,
                limit: (!args.all && args.run.is_none()).then_some(args.limit),
                flagged_run: args.run,
            })
            .await?;
        // How many there are in all, so that a cut list says so.
        let orgs: Option<Vec<String>> = args.org.clone().map(|o| vec![o]);
        let total: i64 = store
            .queue_counts(orgs.as_deref(), args.platform.map(|p| p.as_str()), args.min_score)
            .await?
            .into_iter()
            .filter(|(status, _)| args.status.is_empty() || args.status.iter().any(|s| s.as_str() == status.as_str()))
            .map(|(_, n)| n)
            .sum();
        store.close().await;
        if args.run.is_none() && (rows.len() as i64) < total {
            eprintln!(
                "showing {} of {total} suspects (highest scores first); --limit N or --all for more",
                rows.len()
            );
        }
        let mut out = std::io::stdout().lock();
        match args.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            }
            Format::Csv => out.write_all(narisumashi::export::suspects_csv(&rows, when).as_bytes())?,
            Format::Table => {
                let mut t = vec![vec![
                    "#".to_string(),
                    "status".into(),
                    "score".into(),
                    "platform".into(),
                    "account".into(),
                    "name".into(),
                    "imitates".into(),
                    "last seen (JST)".into(),
                ]];
                for r in &rows {
                    t.push(vec![
                        r.id.to_string(),
                        r.status.to_string(),
                        format!("{:.2}", r.score),
                        r.platform.to_string(),
                        table::fit(r.handle.as_deref().unwrap_or("-"), 28),
                        table::fit(&r.display_name, 36),
                        table::fit(&r.target_label, 28),
                        when(r.last_seen_at),
                    ]);
                }
                table::write(&mut out, &t, "")?;
            }
        }
        Ok(ExitCode::from(super::Exit::Done))
    })
}

/// `suspect`: one suspect's record, or a decision on it.
#[derive(Debug, Subcommand)]
pub enum SuspectCommand {
    /// Everything recorded about a suspect: reasons, sightings, status history.
    Show {
        /// Suspect number.
        id: i64,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Confirm it is an impostor.
    Confirm(DecisionArgs),
    /// Dismiss it as honest (allow-listed; reopened only if it moves toward a genuine account).
    Dismiss {
        #[command(flatten)]
        d: DecisionArgs,
        /// Why it is honest.
        #[arg(long)]
        reason: String,
    },
    /// Record that it was reported to the platform.
    Reported {
        #[command(flatten)]
        d: DecisionArgs,
        /// The platform's ticket number, or the date reported.
        #[arg(long)]
        ticket: String,
    },
    /// Record that the platform removed it.
    Removed(DecisionArgs),
    /// Put it back in review.
    Reopen(DecisionArgs),
}

/// Who decides what.
#[derive(Debug, Args)]
pub struct DecisionArgs {
    /// Suspect number.
    id: i64,
    /// Who decides (default: $USER).
    #[arg(long)]
    by: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

/// Runs `suspect …`.
pub fn run_suspect(cmd: SuspectCommand) -> anyhow::Result<ExitCode> {
    let (d, decision) = match cmd {
        SuspectCommand::Show { id, db } => return show(id, &db),
        SuspectCommand::Confirm(d) => (d, Decision::Confirm),
        SuspectCommand::Dismiss { d, reason } => (d, Decision::Dismiss { reason }),
        SuspectCommand::Reported { d, ticket } => (d, Decision::Reported { ticket }),
        SuspectCommand::Removed(d) => (d, Decision::Removed),
        SuspectCommand::Reopen(d) => (d, Decision::Reopen),
    };
    let config = d.db.load()?;
    let actor =
        d.by.clone()
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_else(|| "cli".into());
    let rt = runtime()?;
    rt.block_on(async {
        let store = open_existing(&config).await?;
        let row = store.decide(d.id, &decision, &actor, None).await;
        store.close().await;
        let row = row?;
        println!("suspect #{} is now {} ({})", row.id, row.status, row.status.label_ja());
        Ok(ExitCode::from(super::Exit::Done))
    })
}

fn show(id: i64, db: &DbArgs) -> anyhow::Result<ExitCode> {
    let config = db.load()?;
    let rt = runtime()?;
    rt.block_on(async {
        let store = open_existing(&config).await?;
        let Some(r) = store.suspect(id).await? else {
            anyhow::bail!("no suspect #{id}");
        };
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "suspect #{} [{} {}] score {:.2}",
            r.id,
            r.status,
            r.status.label_ja(),
            r.score
        )?;
        writeln!(out, "  platform: {}", r.platform)?;
        writeln!(
            out,
            "  account:  {}",
            table::fit(r.handle.as_deref().unwrap_or("-"), 80)
        )?;
        writeln!(out, "  name:     {}", table::fit(&r.display_name, 80))?;
        writeln!(out, "  url:      {}", table::fit(r.url.as_deref().unwrap_or("-"), 100))?;
        writeln!(out, "  imitates: {} ({})", r.target_label, r.org_id)?;
        writeln!(
            out,
            "  first seen {}, last seen {}",
            when(r.first_seen_at),
            when(r.last_seen_at)
        )?;
        if let Some(a) = &r.avatar_sha256 {
            writeln!(out, "  avatar evidence: sha256 {a}")?;
        }
        writeln!(out, "  reasons:")?;
        for t in r.reason_texts() {
            writeln!(out, "    - {}", table::fit(&t, 120))?;
        }
        writeln!(out, "  sightings:")?;
        for s in store.sightings(id).await? {
            writeln!(
                out,
                "    scan #{} {} {} {:.2} {}",
                s.run_id,
                when(s.seen_at),
                s.verdict,
                s.score,
                table::fit(&s.display_name, 40)
            )?;
        }
        writeln!(out, "  history:")?;
        for e in store.events(id).await? {
            writeln!(
                out,
                "    {} {}: {} → {}{}",
                when(e.at),
                e.actor,
                e.from_status.as_deref().unwrap_or("-"),
                e.to_status,
                e.note.map(|n| format!(" ({})", table::fit(&n, 80))).unwrap_or_default()
            )?;
        }
        let drafts = store.drafts_for(id).await?;
        if !drafts.is_empty() {
            writeln!(out, "  drafts:")?;
            for d in drafts {
                writeln!(
                    out,
                    "    #{} {} {}{} {}: {}",
                    d.id,
                    when(d.generated_at),
                    d.kind,
                    d.platform.map(|p| format!("/{p}")).unwrap_or_default(),
                    d.lang,
                    d.generated_by
                )?;
            }
        }
        store.close().await;
        Ok(ExitCode::from(super::Exit::Done))
    })
}
