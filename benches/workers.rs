//! One night shared by several scan processes on PostgreSQL (`scan --worker`): a synthetic
//! registry of 10,000 genuine accounts and a demo platform of 100,000 other accounts, scanned
//! by the planner alone, then by the planner with one and with three workers, all on this
//! machine. For each: the wall time (planner start to the last process's end), its ratio to
//! one process, the CPU time the scan processes spent together (what sharing the work across
//! processes saves or adds), the suspects found (the same every time), and the busiest second
//! the demo platform saw against the configured rate (`[crawl.hosts] requests_per_second`,
//! which every process shares through the database).
//!
//! Sizes: `NARISUMASHI_BENCH_GENUINE` (10000), `NARISUMASHI_BENCH_CANDIDATES` (100000),
//! `NARISUMASHI_BENCH_WORKERS` (`1,2,4`: processes in all) and `NARISUMASHI_BENCH_RATE`
//! (requests per second per host; 2000, the demo's own). Needs `NARISUMASHI_TEST_POSTGRES`
//! (scripts/test.sh sets it up). Run with `cargo bench --bench workers`; under `cargo test`
//! it runs once at 20 genuine accounts and 200 candidates, with one and two processes, as a
//! smoke test.

#![allow(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark: a failure is a failed run

use std::process::{Child, Command, Stdio};
use std::time::Instant;

use narisumashi::demo::{DemoPlatform, crowd};
use narisumashi::registry::Registry;
use narisumashi::store::{Store, SuspectFilter};
use narisumashi::synthetic::registry_files;

#[path = "kit/postgres.rs"]
mod kit;

const SEED: u64 = 2026;

fn size(var: &str, default: usize) -> usize {
    std::env::var(var).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("workers: benchmark");
        return;
    }
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(bench());
}

async fn bench() {
    let smoke = !std::env::args().any(|a| a == "--bench");
    let Ok(admin) = std::env::var("NARISUMASHI_TEST_POSTGRES") else {
        println!("workers: skipped (set NARISUMASHI_TEST_POSTGRES, as scripts/test.sh does)");
        return;
    };
    let genuine = size("NARISUMASHI_BENCH_GENUINE", if smoke { 20 } else { 10_000 });
    let candidates = size("NARISUMASHI_BENCH_CANDIDATES", if smoke { 200 } else { 100_000 });
    let rate = size("NARISUMASHI_BENCH_RATE", 2_000);
    let counts: Vec<usize> = std::env::var("NARISUMASHI_BENCH_WORKERS")
        .unwrap_or_else(|_| if smoke { "1,2" } else { "1,2,4" }.into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();

    let dir = std::env::temp_dir().join(format!("narisumashi-workers-{}", std::process::id()));
    let seeds = dir.join("seeds");
    std::fs::create_dir_all(&seeds).expect("seeds dir");
    let files = registry_files(genuine, SEED);
    for (name, text) in &files {
        std::fs::write(seeds.join(name), text).expect("seed file");
    }
    let reg = Registry::from_sources("synthetic", files).expect("synthetic registry");
    let accounts = reg.accounts().count();
    let started = Instant::now();
    let people = crowd(&reg, SEED, accounts + candidates);
    println!(
        "workers benchmark: registry of {accounts} genuine accounts, demo platform of {} accounts \
         (built in {:.1} s), {rate} requests per second per host",
        people.len(),
        started.elapsed().as_secs_f64()
    );

    let mut one = None;
    for (i, &n) in counts.iter().enumerate() {
        let url = kit::fresh(&admin, &format!("_{i}")).await;
        let demo = DemoPlatform::start(people.clone()).await.expect("demo platform");
        let toml = demo.config_toml(&url);
        let paced = toml
            .replace(
                "requests_per_second = 2000.0",
                &format!("requests_per_second = {rate}.0"),
            )
            .replace("max_concurrent = 16", "max_concurrent = 64");
        assert_ne!(toml, paced, "the demo configuration changed; update the benchmark");
        let config = dir.join(format!("w{n}.toml"));
        std::fs::write(&config, paced).expect("config");
        let exe = env!("CARGO_BIN_EXE_narisumashi");
        let spawn = |args: &[&str]| -> Child {
            Command::new(exe)
                .arg("--seeds")
                .arg(&seeds)
                .args(args)
                .arg("--config")
                .arg(&config)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("narisumashi")
        };
        let cpu0 = children_cpu();
        let t = Instant::now();
        let workers: Vec<Child> = (1..n).map(|_| spawn(&["scan", "--worker"])).collect();
        let planner = spawn(&["scan"]);
        let ends = tokio::task::spawn_blocking(move || {
            std::iter::once(planner)
                .chain(workers)
                .map(|c| c.wait_with_output().expect("wait"))
                .collect::<Vec<_>>()
        })
        .await
        .expect("join");
        let secs = t.elapsed().as_secs_f64();
        let cpu = children_cpu() - cpu0;
        for out in &ends {
            assert!(
                matches!(out.status.code(), Some(0 | 3)),
                "{n} processes: {:?}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let (requests, busiest) = demo
            .world()
            .read()
            .map(|w| (w.requests, w.busiest_second))
            .unwrap_or((0, 0));
        let store = Store::open(&url).await.expect("store");
        let suspects = store
            .suspects(&SuspectFilter {
                limit: Some(10_000_000),
                ..SuspectFilter::default()
            })
            .await
            .expect("suspects")
            .len();
        store.close().await;
        kit::drop(&admin, &url).await;
        let base = *one.get_or_insert((secs, suspects));
        println!(
            "{n} process{}: {secs:.1} s (×{:.2} the time of one), {cpu:.0} s of CPU in the scan processes, \
             {suspects} suspects{}, {requests} requests, busiest second {busiest} requests (rate {rate}/s)",
            if n == 1 { "" } else { "es" },
            secs / base.0,
            if suspects == base.1 {
                ""
            } else {
                " (differs from one process!)"
            },
        );
        assert_eq!(suspects, base.1, "{n} processes found other suspects than one");
        assert!(
            busiest <= rate + rate / 50 + 2,
            "{n} processes: the platform saw {busiest} requests in a second, over the rate {rate}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// CPU time (user and system, in seconds) of this process's children that have been waited
/// for: the scan processes of the runs so far (Linux's `/proc/self/stat`, fields 16 and 17).
fn children_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after_name
        .split_whitespace()
        .skip(13)
        .take(2)
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    ticks as f64 / rustix::param::clock_ticks_per_second() as f64
}
