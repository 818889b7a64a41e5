//! The fault-injection suite: the work of a night and of the reviewers, done once cleanly and
//! once with a fault in the middle (a platform that stops answering, `serve` killed with
//! SIGKILL while reviewers decide, two scans started together, the database going away and
//! coming back, a full or read-only disk, a storm of log-ins), then recovered the way an
//! operator would (run the scan again, restart `serve`, send the form again). Each ends with
//! the same suspects, decisions and drafts as the clean run ([`common::outcome`]), and
//! nothing acknowledged is lost or applied twice. Runs on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use narisumashi::config::Config;
use narisumashi::demo::{DemoPlatform, population};
use narisumashi::registry::Registry;
use narisumashi::scan::{self, ScanOptions, Silent};
use narisumashi::store::{Role, Store};

use crate::common::web::{Client, PASSWORD, hidden};
use crate::common::{self, databases, diff, dump, next, outcome, registry};

fn tempdir() -> std::path::PathBuf {
    common::tempdir("faults")
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_narisumashi")
}

fn opts() -> ScanOptions {
    ScanOptions {
        org: None,
        platform: None,
        dry_run: false,
        trigger: "test".into(),
    }
}

/// The demo platform's configuration storing into `url`, with a short request timeout and no
/// retries, so that a platform that stops answering fails its requests quickly.
fn config(demo: &DemoPlatform, url: &str) -> Config {
    let mut base = Config::default();
    base.database.url = url.to_string();
    let mut c = demo.config(&base);
    c.crawl.timeout_secs = 1.0;
    c.crawl.max_retries = 0;
    c
}

async fn scan_into(url: &str, reg: &Registry, config: &Config) -> Result<scan::ScanReport, String> {
    let store = Store::open(url).await.unwrap();
    let r = scan::run(&store, reg, config, &opts(), Arc::new(Silent)).await;
    store.close().await;
    r.map_err(|e| e.to_string())
}

fn same(what: &str, clean: &[String], faulty: &[String]) {
    assert!(clean.len() > 10, "{what}: the clean run did some work: {clean:?}");
    assert!(
        clean == faulty,
        "{what}: differs from the clean run:\n{}",
        diff(clean, faulty)
    );
}

/// A platform that stops answering in the middle of a scan: its requests time out, the run
/// ends with errors, and nothing it could not see is taken as evidence (no suspect closed as
/// removed, no genuine account marked vanished). The next night, answered again, ends where a
/// night without the fault ends.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_platform_that_stops_answering_mid_scan_loses_nothing() {
    let dir = tempdir();
    let reg = registry();
    for (clean, faulty) in databases(&dir).await.into_iter().zip(databases(&dir).await) {
        let demo = DemoPlatform::start(population(&reg, 11)).await.unwrap();
        for _ in 0..2 {
            scan_into(&clean, &reg, &config(&demo, &clean)).await.unwrap();
        }
        scan_into(&faulty, &reg, &config(&demo, &faulty)).await.unwrap();
        demo.stop_answering_after(Some(30));
        let report = scan_into(&faulty, &reg, &config(&demo, &faulty)).await.unwrap();
        demo.stop_answering_after(None);
        assert!(
            report
                .errors
                .iter()
                .any(|e| format!("{e:?}").contains("stopped answering")),
            "{faulty}: the report says the platform stopped answering: {:?}",
            report.errors
        );
        assert!(
            report.removed.is_empty() && report.genuine_changes.is_empty(),
            "{faulty}: silence is not evidence: {:?} {:?}",
            report.removed,
            report.genuine_changes
        );
        same(&faulty, &outcome(&clean).await, &outcome(&faulty).await);
        scan_into(&faulty, &reg, &config(&demo, &faulty)).await.unwrap();
        same(&faulty, &outcome(&clean).await, &outcome(&faulty).await);
    }
}

/// `serve` as started from the command line, on `url`, with the review UI on a free port.
struct Serve {
    child: Child,
    base: String,
}

impl Serve {
    fn start(url: &str) -> Serve {
        let mut child = Command::new(binary())
            .args(["--seeds", concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")])
            .args([
                "serve",
                "--no-schedule",
                "--listen",
                "127.0.0.1:0",
                "--health-listen",
                "none",
            ])
            .args(["--database", url])
            .env("RUST_LOG", "error")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .trim_start_matches("review UI at ")
            .trim_end_matches('/')
            .to_string();
        assert!(base.starts_with("http://"), "serve said {line:?}");
        Serve { child, base }
    }

    /// Peak resident memory, in MiB.
    fn peak_mib(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    }

    /// Asks it to stop as Ctrl-C does, and waits.
    fn interrupt(mut self) {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A demo scan into `url` and a reviewer who sees every body.
async fn reviewed_database(url: &str, reg: &Registry, demo: &DemoPlatform) -> Vec<i64> {
    scan_into(url, reg, &config(demo, url)).await.unwrap();
    let store = Store::open(url).await.unwrap();
    let hash = narisumashi::web::auth::hash_password(PASSWORD).unwrap();
    store.add_user("chief", Role::Admin, &[], &hash).await.unwrap();
    let ids: Vec<(i64,)> = sqlx::query_as("SELECT id FROM suspects WHERE status = 'new' ORDER BY id")
        .fetch_all(store.pool())
        .await
        .unwrap();
    store.close().await;
    ids.into_iter().map(|(i,)| i).collect()
}

/// Confirms a suspect as a reviewer does (the page, then its form); the status code, or 0
/// when no answer came.
async fn confirm(c: &mut Client, id: i64) -> u16 {
    let page = c.try_get(&format!("/suspects/{id}")).await;
    let Some(page) = page.filter(|p| p.status == 200) else {
        return 0;
    };
    let Some(version) = hidden(&page.body, "version") else {
        return page.status;
    };
    c.try_post(
        &format!("/suspects/{id}/decision"),
        &[("action", "confirm"), ("version", &version)],
    )
    .await
    .map_or(0, |r| r.status)
}

/// `serve` killed with SIGKILL while four reviewers' decisions are in flight: after a restart,
/// every decision that was answered is there, once; none is half-applied; and once the
/// reviewers send again what got no answer, the database is the one a calm day leaves.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_killed_while_reviewers_decide_keeps_every_answered_decision() {
    let dir = tempdir();
    let reg = registry();
    for (clean, faulty) in databases(&dir).await.into_iter().zip(databases(&dir).await) {
        let demo = DemoPlatform::start(population(&reg, 3)).await.unwrap();
        let clean_ids = reviewed_database(&clean, &reg, &demo).await;
        let ids = reviewed_database(&faulty, &reg, &demo).await;
        assert!(ids.len() >= 12, "{faulty}: enough suspects to decide: {}", ids.len());
        // The calm day: every suspect confirmed, one after another.
        {
            let serve = Serve::start(&clean);
            let mut c = Client::logged_in(&serve.base, "chief").await;
            for id in &clean_ids {
                assert_eq!(confirm(&mut c, *id).await, 303, "{clean}");
            }
        }
        // The day of the fault.
        let serve = Serve::start(&faulty);
        let answered = Arc::new(std::sync::Mutex::new(Vec::<i64>::new()));
        let mut reviewers = Vec::new();
        for part in ids.chunks(ids.len().div_ceil(4)) {
            let (base, part, answered) = (serve.base.clone(), part.to_vec(), answered.clone());
            reviewers.push(tokio::spawn(async move {
                let mut c = Client::logged_in(&base, "chief").await;
                for id in part {
                    match confirm(&mut c, id).await {
                        303 => answered.lock().unwrap().push(id),
                        0 => break,
                        other => panic!("#{id}: {other}"),
                    }
                }
            }));
        }
        let started = Instant::now();
        while answered.lock().unwrap().len() < ids.len() / 3 {
            assert!(started.elapsed() < Duration::from_secs(60), "no decision was answered");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        drop(serve); // SIGKILL, with decisions in flight
        for r in reviewers {
            r.await.unwrap();
        }
        let answered = answered.lock().unwrap().clone();
        assert!(answered.len() < ids.len(), "{faulty}: killed before the end");
        let store = Store::open(&faulty).await.unwrap();
        if faulty.starts_with("sqlite") {
            let check: String = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(store.pool())
                .await
                .unwrap();
            assert_eq!(check, "ok");
        }
        for id in &ids {
            let status = store.suspect(*id).await.unwrap().unwrap().status;
            let decisions = store
                .events(*id)
                .await
                .unwrap()
                .into_iter()
                .filter(|e| e.actor == "chief")
                .count();
            assert_eq!(
                (status == "confirmed", decisions),
                (decisions == 1, usize::from(status == "confirmed")),
                "{faulty} #{id}: the status and its event are written together"
            );
            if answered.contains(id) {
                assert_eq!(status, "confirmed", "{faulty} #{id}: an answered decision is kept");
            }
        }
        store.close().await;
        // Restarted, the reviewers send again what got no answer: a decision already applied
        // is refused as out of date (409), the rest are applied.
        let serve = Serve::start(&faulty);
        let mut c = Client::logged_in(&serve.base, "chief").await;
        for id in ids.iter().filter(|i| !answered.contains(i)) {
            let status = confirm(&mut c, *id).await;
            assert!([303, 409].contains(&status) || status == 200, "#{id}: {status}");
        }
        drop(serve);
        same(&faulty, &outcome(&clean).await, &outcome(&faulty).await);
    }
}

/// Two `narisumashi scan` processes started at the same moment: one runs, the other exits 2
/// naming the holder, and the database is the one a single scan leaves.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_scans_started_together_run_once() {
    let dir = tempdir();
    let reg = registry();
    for (clean, together) in databases(&dir).await.into_iter().zip(databases(&dir).await) {
        let demo = DemoPlatform::start(population(&reg, 5)).await.unwrap();
        let write = |url: &str| {
            let path = dir.join(format!("scan{}.toml", next()));
            std::fs::write(&path, demo.config_toml(url)).unwrap();
            path
        };
        let scan = |cfg: &std::path::Path| {
            Command::new(binary())
                .args(["--seeds", concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")])
                .args(["scan", "--config"])
                .arg(cfg)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let status = scan(&write(&clean)).wait_with_output().unwrap().status;
        assert!(matches!(status.code(), Some(0 | 3)), "{status:?}");
        // Slow enough that the two overlap.
        demo.set_latency(Duration::from_millis(10));
        let cfg = write(&together);
        let (a, b) = (scan(&cfg), scan(&cfg));
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        demo.set_latency(Duration::ZERO);
        let mut codes = [a.status.code(), b.status.code()];
        codes.sort();
        assert!(
            matches!(codes, [Some(0 | 3), Some(2)] | [Some(2), Some(3)]),
            "{together}: one runs, one is refused: {codes:?}\n{}\n{}",
            String::from_utf8_lossy(&a.stderr),
            String::from_utf8_lossy(&b.stderr)
        );
        let refused = if a.status.code() == Some(2) { &a } else { &b };
        let message = String::from_utf8_lossy(&refused.stderr);
        assert!(
            message.contains("another scan is running") && message.contains(':'),
            "{together}: names the holder: {message}"
        );
        same(&together, &dump(&clean).await, &dump(&together).await);
    }
}

/// 300 log-ins with made-up names sent at once to a running `serve`, and a real log-in among
/// them: every attempt is answered (401 or 429, never a server error), the real one gets in,
/// the server stays small, and the database gains no row per attempt, only one summary line
/// in the audit log when `serve` stops.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_storm_of_made_up_log_ins_against_serve() {
    let dir = tempdir();
    let url = databases(&dir).await.remove(0);
    let store = Store::open(&url).await.unwrap();
    let hash = narisumashi::web::auth::hash_password(PASSWORD).unwrap();
    store.add_user("chief", Role::Admin, &[], &hash).await.unwrap();
    let serve = Serve::start(&url);
    let token = {
        let mut c = Client::new(&serve.base);
        let page = c.get("/login").await;
        hidden(&page.body, "csrf").unwrap()
    };
    let attempts: Vec<_> = (0..300)
        .map(|i| {
            let (base, token) = (serve.base.clone(), token.clone());
            tokio::spawn(async move {
                let mut c = Client::new(&base);
                c.set_cookie("nrs_login", &token);
                let form = [
                    ("csrf", token.as_str()),
                    ("username", &format!("intruder{i}")),
                    ("password", "not the password"),
                ];
                c.try_post("/login", &form).await.map_or(0, |r| r.status)
            })
        })
        .collect();
    let real = Client::new(&serve.base).login("chief", PASSWORD).await.status;
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for a in attempts {
        *statuses.entry(a.await.unwrap()).or_default() += 1;
    }
    assert_eq!(real, 303, "the real log-in gets in");
    assert!(statuses.keys().all(|s| [401, 429].contains(s)), "{statuses:?}");
    let peak = serve.peak_mib();
    assert!(peak < 300, "peak RSS {peak} MiB");
    serve.interrupt();
    let (rows,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM login_failures")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(rows, 0);
    let audit = store.audit_log(None, None, 1000).await.unwrap();
    let unknown: Vec<_> = audit.iter().filter(|a| a.action == "login_failed_unknown").collect();
    assert_eq!(unknown.len(), 1, "{audit:?}");
    assert!(
        unknown[0].detail.as_deref().unwrap_or("").starts_with("300 / "),
        "{:?}",
        unknown[0].detail
    );
    assert!(audit.iter().filter(|a| a.action == "login_failed").count() == 0);
    store.close().await;
}
