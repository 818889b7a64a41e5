//! The nightly scan at scale: a registry of 1,000 genuine accounts (synthetic, 100
//! organisations) and a demo platform with 10,000 other accounts around them (the planted
//! impostors, honest lookalike handles, innocent channels named after the same places), scanned
//! end to end into SQLite and into PostgreSQL: wall time and peak memory of the scanning
//! process, for the first scan (everything new) and the next night's (everything known).
//!
//! The demo platform runs in this process; each scan runs in a child process (this binary
//! again, `--child`), so that its peak resident memory (`VmHWM`) is the scan's alone.
//! PostgreSQL is used when `NARISUMASHI_TEST_POSTGRES` names a server (scripts/test.sh sets it
//! up); a fresh database is created there. Sizes: `NARISUMASHI_BENCH_GENUINE` (1000) and
//! `NARISUMASHI_BENCH_CANDIDATES` (10000).
//!
//! Run with `cargo bench --bench scan`; figures go into README.md with the machine. Under
//! `cargo test` it runs once at 20 genuine accounts and 200 candidates, as a smoke test.

#![allow(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark: a failure is a failed run

use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use narisumashi::config::Config;
use narisumashi::demo::{DemoPlatform, Role, crowd};
use narisumashi::registry::Registry;
use narisumashi::scan::{self, ScanOptions, Silent};
use narisumashi::store::{Store, SuspectFilter};
use narisumashi::synthetic::registry_files;

#[path = "kit/postgres.rs"]
mod kit;

const SEED: u64 = 2026;

fn size(var: &str, default: usize) -> usize {
    std::env::var(var).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn registry(genuine: usize) -> Registry {
    Registry::from_sources("synthetic", registry_files(genuine, SEED)).expect("synthetic registry")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(&args[i + 1], &args[i + 2]);
        return;
    }
    if args.iter().any(|a| a == "--list") {
        println!("scan: benchmark");
        return;
    }
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(parent());
}

async fn parent() {
    // `cargo test --all-targets` runs this binary without `--bench`: a small smoke run then,
    // so the benchmark itself stays tested.
    let smoke = !std::env::args().any(|a| a == "--bench");
    let genuine = size("NARISUMASHI_BENCH_GENUINE", if smoke { 20 } else { 1_000 });
    let candidates = size("NARISUMASHI_BENCH_CANDIDATES", if smoke { 200 } else { 10_000 });
    let reg = registry(genuine);
    let started = Instant::now();
    let registry_accounts = reg.accounts().count();
    let people = crowd(&reg, SEED, registry_accounts + candidates);
    let live_genuine = people.iter().filter(|a| matches!(a.role, Role::Genuine(_))).count();
    let impostors = people
        .iter()
        .filter(|a| matches!(a.role, Role::Impostor { .. }))
        .count();
    let lookalikes = people.iter().filter(|a| a.role == Role::HonestLookalike).count();
    println!(
        "scan benchmark: registry of {registry_accounts} genuine accounts in {} organisations; demo \
         platform of {} accounts ({live_genuine} genuine, {impostors} impostors, {lookalikes} honest \
         lookalike handles, {} innocent), built in {:.1} s",
        reg.organisations.len(),
        people.len(),
        people.len() - live_genuine - impostors - lookalikes,
        started.elapsed().as_secs_f64()
    );
    let dir = std::env::temp_dir().join(format!("narisumashi-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut databases = vec![("SQLite", format!("sqlite://{}/bench.db", dir.display()))];
    match std::env::var("NARISUMASHI_TEST_POSTGRES") {
        Ok(admin) if !admin.is_empty() => databases.push(("PostgreSQL", kit::fresh(&admin, "").await)),
        _ => println!("PostgreSQL: skipped (set NARISUMASHI_TEST_POSTGRES, as scripts/test.sh does)"),
    }
    for (backend, url) in databases {
        let demo = DemoPlatform::start(people.clone()).await.expect("demo platform");
        let config = dir.join(format!("{backend}.toml"));
        // Politeness limits lifted, as in the crawl benchmark: this measures the scan, not the
        // demo's configured request rate.
        let toml = demo.config_toml(&url);
        let lifted = toml
            .replace("requests_per_second = 2000.0", "requests_per_second = 1000000.0")
            .replace("max_concurrent = 16", "max_concurrent = 64");
        assert_ne!(toml, lifted, "the demo configuration changed; update the benchmark");
        std::fs::write(&config, lifted).expect("config");
        let cpu_before = cpu_secs();
        let exe = std::env::current_exe().expect("current exe");
        let out = tokio::task::spawn_blocking(move || {
            Command::new(exe)
                .arg("--child")
                .arg(&config)
                .arg(genuine.to_string())
                .output()
                .expect("child scan")
        })
        .await
        .expect("join");
        let requests = demo.world().read().map(|w| w.requests).unwrap_or(0);
        if !out.status.success() {
            panic!(
                "{backend}: the scan failed: {}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            println!("{backend:<10} {line}");
        }
        // What was flagged, by what it really is.
        let store = Store::open(&url).await.expect("store");
        let flagged: std::collections::HashSet<(String, String)> = store
            .suspects(&SuspectFilter {
                limit: Some(1_000_000),
                ..SuspectFilter::default()
            })
            .await
            .expect("suspects")
            .into_iter()
            .flat_map(|s| {
                // Stored by id where the platform gives one, else by handle.
                [
                    s.platform_id.map(|id| (s.platform.as_str().to_string(), id)),
                    s.handle_key.map(|h| (s.platform.as_str().to_string(), h)),
                ]
            })
            .flatten()
            .collect();
        let is_flagged = |a: &narisumashi::demo::DemoAccount| {
            let p = a.platform.as_str().to_string();
            flagged.contains(&(p.clone(), a.id.clone()))
                || a.handle
                    .as_deref()
                    .is_some_and(|h| flagged.contains(&(p, a.platform.handle_key(h))))
        };
        store.close().await;
        let share = |pick: &dyn Fn(&Role) -> bool| {
            let group: Vec<_> = people.iter().filter(|a| pick(&a.role)).collect();
            let hit = group.iter().filter(|a| is_flagged(a)).count();
            (hit, group.len())
        };
        let impostors = share(&|r| matches!(r, Role::Impostor { .. }));
        let lookalikes = share(&|r| *r == Role::HonestLookalike);
        let innocents = share(&|r| *r == Role::Innocent);
        let genuine_flagged = share(&|r| matches!(r, Role::Genuine(_)));
        println!(
            "{backend:<10} flagged: impostors {} of {}, honest lookalike handles {} of {}, innocents {} of {}, genuine {} of {}",
            impostors.0,
            impostors.1,
            lookalikes.0,
            lookalikes.1,
            innocents.0,
            innocents.1,
            genuine_flagged.0,
            genuine_flagged.1,
        );
        if smoke {
            assert_eq!(impostors.0, impostors.1, "{backend}: impostors missed");
            assert_eq!(
                innocents.0 + genuine_flagged.0,
                0,
                "{backend}: innocent or genuine accounts flagged"
            );
        }
        // Missed impostors: judged and cleared (matching), or never shown to the scan at all
        // (discovery: no search or probe reached them).
        let mut missed: std::collections::BTreeMap<(&str, &str), Vec<String>> = Default::default();
        for a in &people {
            if let Role::Impostor { technique, .. } = &a.role
                && !is_flagged(a)
            {
                let why = if demo.was_shown(a.platform, &a.id) {
                    "judged clear"
                } else {
                    "never reached"
                };
                missed.entry((technique, why)).or_default().push(format!(
                    "{} {} {:?}",
                    a.platform.as_str(),
                    a.handle.as_deref().unwrap_or("-"),
                    a.name
                ));
            }
        }
        // Honest lookalike handles not flagged, by platform and whether the scan reached them
        // (permutations beyond the night's probes are reached on later nights).
        let mut honest: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
        for a in people
            .iter()
            .filter(|a| a.role == Role::HonestLookalike && !is_flagged(a))
        {
            let why = if demo.was_shown(a.platform, &a.id) {
                "judged clear"
            } else {
                "not reached tonight"
            };
            *honest.entry((a.platform.as_str(), why)).or_default() += 1;
        }
        for ((platform, why), n) in &honest {
            println!("{backend:<10} honest lookalike handles not flagged on {platform} ({why}): {n}");
        }
        for ((technique, why), examples) in &missed {
            println!(
                "{backend:<10} missed ({technique}, {why}): {} e.g. {}",
                examples.len(),
                examples.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
            );
        }
        println!(
            "{backend:<10} demo platform answered {requests} requests over both scans, using {:.1} s of CPU",
            cpu_secs() - cpu_before
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    if let Ok(admin) = std::env::var("NARISUMASHI_TEST_POSTGRES")
        && !admin.is_empty()
    {
        let url = format!(
            "{}/narisumashi_bench_{}",
            admin.rsplit_once('/').map_or("", |(b, _)| b),
            std::process::id()
        );
        kit::drop(&admin, &url).await;
    }
}

/// Peak resident memory of this process so far, in MiB (Linux `VmHWM`).
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

/// CPU time (user and system) of this process so far, in seconds (Linux, 100 ticks a second).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime and stime are 14 and 15.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Resets the peak (Linux ≥ 4.0: writing 5 to clear_refs); false where not allowed.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn child(config: &str, genuine: &str) {
    let genuine: usize = genuine.parse().expect("size");
    let reg = registry(genuine);
    let config = Config::load(Some(std::path::Path::new(config))).expect("config");
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(async {
            let store = Store::open(&config.database.url).await.expect("store");
            for night in ["first scan", "next night"] {
                let per_scan = reset_peak();
                let t = Instant::now();
                let cpu = cpu_secs();
                let opts = ScanOptions {
                    org: None,
                    platform: None,
                    dry_run: false,
                    trigger: "bench".into(),
                };
                let report = scan::run(&store, &reg, &config, &opts, Arc::new(Silent))
                    .await
                    .expect("scan");
                let secs = t.elapsed().as_secs_f64();
                let cpu = cpu_secs() - cpu;
                let run = report.run.as_ref().expect("run row");
                let looked_up: i64 = report.counts.iter().map(|c| c.looked_up).sum();
                println!(
                    "{night:<11} {secs:6.1} s  (CPU {cpu:5.1} s)  peak {peak:6.0} MiB{scope}  units {units}  lookups {looked_up}  \
                     candidates judged {judged}  new suspects {new}  errors {errors}",
                    peak = peak_mib().unwrap_or(f64::NAN),
                    scope = if per_scan { "" } else { " (process)" },
                    units = run.units_done,
                    judged = run.candidates,
                    new = run.new_suspects,
                    errors = run.errors,
                );
                if night == "first scan" {
                    let by: Vec<String> = report
                        .counts
                        .iter()
                        .map(|c| format!("{} {} ({} found)", c.platform, c.looked_up, c.found))
                        .collect();
                    println!("lookups by platform: {}", by.join(", "));
                }
            }
        });
}
