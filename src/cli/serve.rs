//! `serve`: serves the staff review web UI and the health endpoints, and runs the nightly
//! work on the configured schedule (Japan time): the scan, the digests, the retention purge;
//! one night at a time, logging one summary line per run and carrying on after a failed one.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use narisumashi::config::Config;
use narisumashi::notify::Notifier;
use narisumashi::registry::Registry;
use narisumashi::scan::LogObserver;
use narisumashi::schedule::Schedule;
use narisumashi::web::App;

use super::scan::{DbArgs, open, runtime};

/// `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Cron pattern overriding `[scan] schedule` (Japan time; six fields for seconds).
    #[arg(long)]
    schedule: Option<String>,
    /// Stop after this many scheduled scans (for tests and trials).
    #[arg(long)]
    max_runs: Option<u64>,
    /// Address for the review UI, overriding `[web] listen` (`none`: no UI).
    #[arg(long, value_name = "ADDR")]
    listen: Option<String>,
    /// Address for `/healthz` and `/metrics`, overriding `[health] listen` (`none`: off).
    #[arg(long, value_name = "ADDR")]
    health_listen: Option<String>,
    /// Serve the review UI only; run no scheduled scans.
    #[arg(long)]
    no_schedule: bool,
    /// Also join every scan another process starts on this database, as one more worker
    /// (PostgreSQL; see `scan --worker`).
    #[arg(long)]
    worker: bool,
}

/// Runs `serve` until interrupted.
pub fn run(args: ServeArgs, seeds: Option<&Path>) -> anyhow::Result<ExitCode> {
    let registry = super::load_registry(seeds)?;
    let config = args.db.load()?;
    let pattern = args.schedule.clone().unwrap_or_else(|| config.scan.schedule.clone());
    let schedule = Schedule::parse(&pattern).context("reading the scan schedule")?;
    // A wrong [notify] stops `serve` at once rather than failing silently at night.
    let notifier = Notifier::new(&config, &registry).context("checking [notify]")?;
    let rt = runtime()?;
    let registry = std::sync::Arc::new(registry);
    let config = std::sync::Arc::new(config);
    rt.block_on(async {
        let store = open(&config).await?;
        let listen = args.listen.clone().unwrap_or_else(|| config.web.listen.clone());
        let (stop_web, stopped) = tokio::sync::oneshot::channel::<()>();
        let web = if listen == "none" {
            None
        } else {
            let listener = tokio::net::TcpListener::bind(&listen)
                .await
                .with_context(|| format!("listening on {listen} for the review UI"))?;
            let addr = listener.local_addr()?;
            // One line on stdout that people, scripts and a service's journal read (not logged
            // as well, which showed it twice on a terminal).
            println!("review UI at http://{addr}/");
            let app = App::new(store.clone(), registry.clone(), config.clone());
            Some(tokio::spawn(narisumashi::web::serve(listener, app, async {
                let _ = stopped.await;
            })))
        };
        let (stop_health, health_stopped) = tokio::sync::oneshot::channel::<()>();
        let health_listen = args
            .health_listen
            .clone()
            .unwrap_or_else(|| config.health.listen.clone());
        let health = if health_listen == "none" {
            None
        } else {
            let listener = tokio::net::TcpListener::bind(&health_listen)
                .await
                .with_context(|| format!("listening on {health_listen} for /healthz and /metrics"))?;
            let addr = listener.local_addr()?;
            if !addr.ip().is_loopback() {
                tracing::warn!("/metrics is served on {addr}, beyond this machine: restrict access to it");
            }
            println!("health at http://{addr}/healthz");
            Some(tokio::spawn(narisumashi::web::health::serve(
                listener,
                store.clone(),
                async {
                    let _ = health_stopped.await;
                },
            )))
        };
        if args.worker && store.backend() != narisumashi::store::Backend::Postgres {
            anyhow::bail!(narisumashi::scan::ScanError::WorkerNeedsPostgres);
        }
        let worker = args.worker.then(|| {
            let (store, registry, config) = (store.clone(), registry.clone(), config.clone());
            tokio::spawn(async move { worker_loop(&store, &registry, &config).await })
        });
        if args.no_schedule {
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("stopping");
        } else {
            schedule_loop(&store, &registry, &config, &notifier, &schedule, args.max_runs).await?;
        }
        if let Some(w) = worker {
            w.abort();
        }
        let _ = stop_web.send(());
        let _ = stop_health.send(());
        if let Some(h) = health {
            h.await.context("the health task")?.context("serving /healthz")?;
        }
        if let Some(w) = web {
            w.await
                .context("the review UI task")?
                .context("serving the review UI")?;
        }
        store.close().await;
        Ok(ExitCode::from(super::Exit::Done))
    })
}

/// `serve --worker`: joins each scan as it starts, for as long as `serve` runs.
async fn worker_loop(store: &narisumashi::store::Store, registry: &Registry, config: &Config) {
    use narisumashi::scan::{self, ScanError, Silent};
    tracing::info!("serving as a scan worker: joining the scans started on this database");
    loop {
        let wait = std::time::Duration::from_secs(3600);
        match scan::work(store, registry, config, wait, std::sync::Arc::new(Silent)).await {
            Ok(r) => {
                let units: usize = r.units.iter().map(|(_, n)| n).sum();
                tracing::info!(
                    "worked on scan #{}: {units} units; the scan is {}",
                    r.run_id,
                    r.run_status
                );
                // Wait for the planner to close the run before looking for the next one.
                tokio::time::sleep(std::time::Duration::from_secs(5)).await;
            }
            Err(ScanError::NoRunToJoin(_)) => {}
            Err(e) => {
                tracing::error!("scan worker: {}", narisumashi::error_chain(&e));
                tokio::time::sleep(std::time::Duration::from_secs(30)).await;
            }
        }
    }
}

async fn schedule_loop(
    store: &narisumashi::store::Store,
    registry: &narisumashi::registry::Registry,
    config: &narisumashi::config::Config,
    notifier: &Notifier,
    schedule: &Schedule,
    max_runs: Option<u64>,
) -> anyhow::Result<()> {
    {
        tracing::info!("serving: scans on \"{}\" (Japan time)", schedule.pattern());
        let mut runs = 0u64;
        loop {
            let next = schedule.next_after(chrono::Utc::now())?;
            tracing::info!("next scan at {}", next.to_rfc3339());
            let wait = (next.with_timezone(&chrono::Utc) - chrono::Utc::now())
                .to_std()
                .unwrap_or_default();
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = tokio::signal::ctrl_c() => {
                    tracing::info!("stopping");
                    break;
                }
            }
            // The night runs to its end before the next time is computed: runs never overlap,
            // and a scan that outlasts its slot delays the next instead of doubling it.
            let night =
                narisumashi::nightly::run_once(store, registry, config, notifier, std::sync::Arc::new(LogObserver))
                    .await;
            match &night.scan {
                Ok(report) => tracing::info!("{}", report.summary_line()),
                Err(e) => tracing::error!("scheduled scan failed: {}", narisumashi::error_chain(e)),
            }
            let failed = night.deliveries.iter().filter(|d| !d.sent).count();
            if !night.deliveries.is_empty() {
                tracing::info!("digests: {} sent, {failed} failed", night.deliveries.len() - failed);
            }
            runs += 1;
            if max_runs.is_some_and(|m| runs >= m) {
                break;
            }
        }
        Ok(())
    }
}
