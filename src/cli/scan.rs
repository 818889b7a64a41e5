//! `scan`, `scans`, `suspects` and `suspect`: run the nightly job, list runs and suspects,
//! and record staff decisions from the command line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use narisumashi::config::Config;
use narisumashi::scan::{self, Finding, ScanOptions, ScanReport};
use narisumashi::store::{Store, database_url};
use narisumashi::{Platform, registry::Registry};

use super::table;

/// Options shared by the database commands.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// Configuration file (default: ./narisumashi.toml if present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Database (an SQLite path or a postgres:// URL), overriding the configuration.
    #[arg(long, value_name = "URL")]
    pub database: Option<String>,
}

impl DbArgs {
    /// The configuration with the database override applied.
    pub fn load(&self) -> anyhow::Result<Config> {
        let mut c = Config::load(self.config.as_deref())?;
        if let Some(d) = &self.database {
            c.database.url = d.clone();
        }
        Ok(c)
    }
}

/// Opens the configured database.
pub async fn open(config: &Config) -> anyhow::Result<Store> {
    let url = database_url(&config.database.url);
    Store::open(&url)
        .await
        .with_context(|| format!("opening the database {}", narisumashi::store::redact(&url)))
}

/// Opens the configured database for a command that reads what scans stored: a database that
/// does not exist is an error (creating an empty one would answer "nothing found").
pub async fn open_existing(config: &Config) -> anyhow::Result<Store> {
    let url = database_url(&config.database.url);
    if let Some(path) = narisumashi::store::sqlite_path(&url).filter(|p| !std::path::Path::new(p).exists()) {
        anyhow::bail!(
            "there is no database at {path}: a scan or the demo creates it (narisumashi scan, \
             narisumashi demo); to read another one, name it with --database or [database] url"
        );
    }
    open(config).await
}

/// A runtime for one command.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

/// `scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Only this organisation (its id, as in `registry list`).
    #[arg(long)]
    org: Option<String>,
    /// Only this platform.
    #[arg(long)]
    platform: Option<Platform>,
    /// Look and judge, but store nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Then send the digests to the recipients in `[notify]`, as `serve` does after its
    /// scheduled scans (for a nightly job run from cron or a systemd timer).
    #[arg(long, conflicts_with = "dry_run")]
    notify: bool,
    /// Print the night's plan within the platforms' quotas (which accounts are discovered
    /// where, and in how many nights every account is covered), and scan nothing.
    #[arg(long, conflicts_with_all = ["dry_run", "notify"])]
    plan: bool,
    /// Join the scan another process started, as one more worker, and run its units until
    /// it ends (PostgreSQL only; waits up to `[scan] worker_wait_secs` for a scan to start).
    #[arg(long, conflicts_with_all = ["dry_run", "notify", "plan", "org", "platform", "json"])]
    worker: bool,
}

/// Runs `scan`. Exit status 0, or 3 when there is something new to review.
pub fn run_scan(args: ScanArgs, seeds: Option<&Path>) -> anyhow::Result<ExitCode> {
    let registry = super::load_registry(seeds)?;
    let config = args.db.load()?;
    let opts = ScanOptions {
        org: args.org,
        platform: args.platform,
        dry_run: args.dry_run,
        trigger: "cli".into(),
    };
    if args.plan {
        let plan = runtime()?.block_on(async {
            let store = open(&config).await?;
            let plan = scan::next_plan(&store, &registry, &config, &opts).await;
            store.close().await;
            plan.context("planning the scan")
        })?;
        print!("{}", plan.describe());
        return Ok(ExitCode::from(super::Exit::Done));
    }
    if args.worker {
        return run_worker(&config, &registry);
    }
    let notifier = if args.notify {
        Some(narisumashi::notify::Notifier::new(&config, &registry).context("checking [notify]")?)
    } else {
        None
    };
    let rt = runtime()?;
    let report = rt.block_on(async {
        let store = open(&config).await?;
        let r = scan::run(&store, &registry, &config, &opts, super::progress::observer()).await;
        if let (Ok(report), Some(n)) = (&r, &notifier)
            && let Some(run_id) = report.run_id
        {
            match n.after_run(&store, &registry, run_id).await {
                Ok(deliveries) => {
                    for d in deliveries {
                        match &d.error {
                            None => {
                                tracing::info!("{} for {} sent by {} to {}", d.kind, d.org_id, d.channel, d.recipient)
                            }
                            Some(e) => tracing::warn!(
                                "{} for {} by {} to {} failed: {e}",
                                d.kind,
                                d.org_id,
                                d.channel,
                                d.recipient
                            ),
                        }
                    }
                }
                Err(e) => tracing::error!("could not send or record the digests: {e}"),
            }
        }
        store.close().await;
        r.context("scan failed")
    })?;
    tracing::info!("{}", report.summary_line());
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print_report(&mut out, &report, &registry)?;
    }
    Ok(if report.needs_review() > 0 {
        ExitCode::from(super::Exit::Look)
    } else {
        ExitCode::from(super::Exit::Done)
    })
}

/// `scan --worker`: one more process on the running scan.
fn run_worker(config: &Config, registry: &Registry) -> anyhow::Result<ExitCode> {
    let wait = std::time::Duration::from_secs(config.scan.worker_wait_secs);
    let report = runtime()?.block_on(async {
        let store = open(config).await?;
        let r = scan::work(&store, registry, config, wait, super::progress::observer()).await;
        store.close().await;
        r.context("scan worker")
    })?;
    let units: Vec<String> = report.units.iter().map(|(phase, n)| format!("{n} {phase}")).collect();
    println!(
        "Worker on scan #{}: {} units in {:.1} s ({}); {} pictures aligned here, {} taken from \
         the other processes; the scan is {}.",
        report.run_id,
        report.units.iter().map(|(_, n)| n).sum::<usize>(),
        report.duration.as_secs_f64(),
        if units.is_empty() {
            "none".to_string()
        } else {
            units.join(", ")
        },
        report.pictures_aligned,
        report.pictures_taken_in,
        report.run_status
    );
    Ok(ExitCode::from(super::Exit::Done))
}

fn findings_table(out: &mut dyn Write, list: &[Finding], registry: &Registry) -> std::io::Result<()> {
    let mut rows = vec![vec![
        "#".to_string(),
        "score".into(),
        "platform".into(),
        "account".into(),
        "name".into(),
        "imitates".into(),
    ]];
    for f in list {
        let org = registry
            .organisation(&f.org_id)
            .map(|o| o.name.as_str())
            .unwrap_or(&f.org_id);
        rows.push(vec![
            f.id.map(|i| i.to_string()).unwrap_or_else(|| "-".into()),
            format!("{:.2}", f.score),
            f.platform.to_string(),
            table::fit(f.handle.as_deref().unwrap_or("-"), 28),
            table::fit(&f.display_name, 36),
            table::fit(&format!("{} ({org})", f.target), 44),
        ]);
    }
    table::write(out, &rows, "  ")
}

/// Prints the end-of-scan report for people.
pub fn print_report(out: &mut dyn Write, r: &ScanReport, registry: &Registry) -> std::io::Result<()> {
    writeln!(out)?;
    match (&r.run, r.dry_run) {
        (_, true) => writeln!(out, "Dry run: nothing was stored.")?,
        (Some(run), _) => writeln!(
            out,
            "Scan #{} {}{} in {:.1} s: {} candidate profiles judged.",
            run.id,
            run.status.as_str(),
            if r.resumed {
                " (resumed after an interruption)"
            } else {
                ""
            },
            r.duration.as_secs_f64(),
            run.candidates
        )?,
        (None, _) => {}
    }
    print_sources(out, r)?;
    if r.dry_run {
        writeln!(out, "\nWould flag {} suspects:", r.would_flag.len())?;
        findings_table(out, &r.would_flag, registry)?;
        return Ok(());
    }
    let count = |status: &str| r.status_counts.iter().find(|(s, _)| s == status).map_or(0, |(_, n)| *n);
    let waiting = count("new");
    let earlier = waiting - (r.new_suspects.len() + r.reopened.len()) as i64;
    writeln!(
        out,
        "\nNew suspects to review: {}{}",
        r.new_suspects.len(),
        if earlier > 0 {
            format!(" ({waiting} waiting for review in all, {earlier} of them from earlier runs)")
        } else {
            String::new()
        }
    )?;
    if !r.new_suspects.is_empty() {
        findings_table(out, &r.new_suspects, registry)?;
    }
    if !r.reopened.is_empty() {
        writeln!(out, "\nReopened (back in review): {}", r.reopened.len())?;
        findings_table(out, &r.reopened, registry)?;
    }
    if !r.removed.is_empty() {
        writeln!(out, "\nSeen removed from the platform: {}", r.removed.len())?;
        findings_table(out, &r.removed, registry)?;
    }
    if !r.genuine_changes.is_empty() {
        writeln!(out, "\nGenuine accounts that changed (check they are still yours):")?;
        for (key, kind, before, after) in &r.genuine_changes {
            writeln!(
                out,
                "  {key}: {kind} ({} → {})",
                table::fit(before.as_deref().unwrap_or("-"), 40),
                table::fit(after.as_deref().unwrap_or("-"), 40)
            )?;
        }
    }
    print_errors(out, r)?;
    Ok(())
}

/// The report's source lines: counts per source, the plan's reach, what was skipped and the
/// self-tests that failed.
fn print_sources(out: &mut dyn Write, r: &ScanReport) -> std::io::Result<()> {
    if !r.counts.is_empty() {
        let mut rows = vec![vec![
            "source".to_string(),
            "looked up".into(),
            "found".into(),
            "not found".into(),
            "gone".into(),
            "not visible".into(),
            "blocked".into(),
            "failed".into(),
        ]];
        for c in &r.counts {
            rows.push(vec![
                c.platform.to_string(),
                c.looked_up.to_string(),
                c.found.to_string(),
                c.not_found.to_string(),
                c.gone.to_string(),
                c.not_visible.to_string(),
                c.blocked.to_string(),
                c.failed.to_string(),
            ]);
        }
        table::write(out, &rows, "  ")?;
    }
    for c in r.run.iter().flat_map(|run| run.coverage()) {
        writeln!(out, "  {}", coverage_text(&c))?;
    }
    for (p, why) in &r.skipped {
        writeln!(out, "  skipped {p}: {why}")?;
    }
    for p in r.probes.iter().filter(|p| !p.status.trusts_not_found()) {
        writeln!(
            out,
            "  {} {}: its \"not found\" answers were not used ({})",
            p.platform,
            p.status.as_str(),
            table::fit(&p.detail, 160)
        )?;
    }
    Ok(())
}

/// The report's errors: the first ten, and how to see the rest.
fn print_errors(out: &mut dyn Write, r: &ScanReport) -> std::io::Result<()> {
    if !r.errors.is_empty() {
        writeln!(out, "\nErrors ({}; the scan went on):", r.errors.len())?;
        for (unit, platform, message) in r.errors.iter().take(10) {
            writeln!(
                out,
                "  {}{unit}: {}",
                platform.as_deref().map(|p| format!("[{p}] ")).unwrap_or_default(),
                table::fit(message, 120)
            )?;
        }
        if r.errors.len() > 10 {
            writeln!(
                out,
                "  … and {} more (`narisumashi scans --errors`)",
                r.errors.len() - 10
            )?;
        }
    }
    Ok(())
}

/// `scans`.
#[derive(Debug, Args)]
pub struct ScansArgs {
    #[command(flatten)]
    db: DbArgs,
    /// How many runs.
    #[arg(long, default_value_t = 20)]
    limit: i64,
    /// Also list each run's errors.
    #[arg(long)]
    errors: bool,
    /// JSON.
    #[arg(long)]
    json: bool,
}

/// Runs `scans`.
pub fn run_scans(args: ScansArgs) -> anyhow::Result<ExitCode> {
    let config = args.db.load()?;
    let rt = runtime()?;
    rt.block_on(async {
        let store = open_existing(&config).await?;
        let runs = store.runs(args.limit).await?;
        let mut out = std::io::stdout().lock();
        if args.json {
            let mut list = Vec::new();
            for r in &runs {
                list.push(serde_json::json!({
                    "run": r,
                    "counts": store.run_counts(r.id).await?,
                    "self_tests": store.probes(r.id).await?,
                    "digests": store.notifications(r.id).await?,
                    "errors": if args.errors { serde_json::to_value(store.run_errors(r.id).await?)? } else { serde_json::Value::Null },
                }));
            }
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
            return Ok(ExitCode::from(super::Exit::Done));
        }
        let mut rows = vec![vec![
            "#".to_string(),
            "started (JST)".into(),
            "status".into(),
            "took".into(),
            "scope".into(),
            "candidates".into(),
            "new".into(),
            "reopened".into(),
            "removed".into(),
            "genuine changes".into(),
            "errors".into(),
            "degraded".into(),
            "digests sent/failed".into(),
            "within quotas".into(),
        ]];
        for r in &runs {
            let degraded: Vec<String> = store
                .probes(r.id)
                .await?
                .into_iter()
                .filter(|p| !p.status.trusts_not_found())
                .map(|p| p.platform.to_string())
                .collect();
            let digests = store.notifications(r.id).await?;
            let failed = digests.iter().filter(|d| d.status == "failed").count();
            rows.push(vec![
                r.id.to_string(),
                narisumashi::text::wording::jst(r.started_at),
                r.status.as_str().into(),
                r.finished_at.map(|f| format!("{} s", f - r.started_at)).unwrap_or_else(|| "-".into()),
                r.scope.clone(),
                r.candidates.to_string(),
                r.new_suspects.to_string(),
                r.reopened.to_string(),
                r.removed.to_string(),
                r.genuine_changes.to_string(),
                r.errors.to_string(),
                if degraded.is_empty() {
                    "-".into()
                } else {
                    degraded.join(",")
                },
                format!("{}/{failed}", digests.len() - failed),
                {
                    let c: Vec<String> = r
                        .coverage()
                        .iter()
                        .filter(|c| c.per_night < c.accounts)
                        .map(|c| format!("{} {}/{} ({} nights)", c.platform, c.per_night, c.accounts, c.nights))
                        .collect();
                    if c.is_empty() { "all".into() } else { c.join(", ") }
                },
            ]);
        }
        table::write(&mut out, &rows, "")?;
        if args.errors {
            for r in &runs {
                for (unit, platform, message) in store.run_errors(r.id).await? {
                    writeln!(out, "#{} [{}] {unit}: {message}", r.id, platform.unwrap_or_default())?;
                }
                for p in store.probes(r.id).await? {
                    if !p.status.trusts_not_found() {
                        writeln!(out, "#{} [{}] self-test {}: {}", r.id, p.platform, p.status.as_str(), p.detail)?;
                    }
                }
                for d in store.notifications(r.id).await? {
                    if let Some(e) = &d.error {
                        writeln!(out, "#{} digest to {} ({}, {}): {} after {} attempts: {e}", r.id, d.recipient, d.org_id, d.channel, d.status, d.attempts)?;
                    }
                }
            }
        }
        store.close().await;
        Ok(ExitCode::from(super::Exit::Done))
    })
}

/// One platform's reach within its quota, as operators read it.
fn coverage_text(c: &narisumashi::store::Coverage) -> String {
    match c.nights {
        0 => format!(
            "{}: the quota does not cover discovery; raise it or scan fewer accounts",
            c.platform
        ),
        1 => format!("{}: every account tonight, within the quota", c.platform),
        n => format!(
            "{}: {} of {} accounts tonight, within the quota; every account at least once every {n} nights",
            c.platform, c.per_night, c.accounts
        ),
    }
}
