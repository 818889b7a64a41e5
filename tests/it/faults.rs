//! The fault-injection suite: the work of a night and of the reviewers, done once cleanly and
//! once with a fault in the middle (a platform that stops answering, `serve` killed with
//! SIGKILL while reviewers decide, two scans started together, the database going away and
//! coming back, a full or read-only disk, a storm of log-ins), then recovered the way an
//! operator would (run the scan again, restart `serve`, send the form again). Each ends with
//! the same suspects, decisions and drafts as the clean run ([`common::outcome`]), and
//! nothing acknowledged is lost or applied twice. Runs on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used)]

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use narisumashi::config::Config;
use narisumashi::demo::{DemoPlatform, population};
use narisumashi::registry::Registry;
use narisumashi::scan::{self, ScanOptions, Silent};
use narisumashi::store::{Role, Store};

use crate::common::serve::Serve;
use crate::common::web::{Client, PASSWORD, hidden};
use crate::common::{self, databases, diff, dump, next, outcome, registry};

fn tempdir() -> std::path::PathBuf {
    common::tempdir("faults")
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_narisumashi")
}

fn opts() -> ScanOptions {
    common::scan_options()
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

/// `narisumashi scan --config CFG`, as cron starts it.
fn scan_process(cfg: &std::path::Path) -> Child {
    Command::new(binary())
        .args(["--seeds", concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")])
        .args(["scan", "--config"])
        .arg(cfg)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Runs a scan process to its end, which must be a finished night (exit 0, or 3 when some
/// source failed).
fn scan_to_the_end(cfg: &std::path::Path) {
    let out = scan_process(cfg).wait_with_output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 3)),
        "{:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A configuration file for the demo platform storing into `url`, in `dir`.
fn config_file(dir: &std::path::Path, demo: &DemoPlatform, url: &str) -> std::path::PathBuf {
    let path = dir.join(format!("scan{}.toml", next()));
    std::fs::write(&path, demo.config_toml(url)).unwrap();
    path
}

/// Units of work committed so far in `url`'s database.
async fn units_done(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM scan_units")
        .fetch_one(store.pool())
        .await
        .unwrap_or(0)
}

/// Waits until a scan running on `url` has committed `n` units.
async fn wait_for_units(url: &str, n: i64) {
    let store = Store::open(url).await.unwrap();
    let started = Instant::now();
    while units_done(&store).await < n {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{url}: the scan made no progress"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    store.close().await;
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
    let Some(page) = c.try_get(&format!("/suspects/{id}")).await else {
        return 0;
    };
    if page.status != 200 {
        return page.status;
    }
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

/// Confirms a suspect and writes its takedown request and notice, as a reviewer does: `303`
/// when both were answered, else the first other status (0 when no answer came). A decision
/// already applied (`409`, sent again after a fault) goes on to the documents.
async fn review(c: &mut Client, id: i64) -> u16 {
    match confirm(c, id).await {
        303 | 409 => c
            .try_post(
                &format!("/suspects/{id}/drafts"),
                &[("kind", "takedown"), ("kind", "notice")],
            )
            .await
            .map_or(0, |r| r.status),
        other => other,
    }
}

/// `serve` killed with SIGKILL while four reviewers' decisions and documents are in flight:
/// after a restart, every decision that was answered is there, once; none is half-applied;
/// and once the reviewers send again what got no answer, the database (documents included,
/// one of each kind per suspect) is the one a calm day leaves.
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
                assert_eq!(review(&mut c, *id).await, 303, "{clean}");
            }
        }
        // The day of the fault.
        let serve = Serve::start(&faulty);
        let answered = Arc::new(std::sync::Mutex::new(Vec::<i64>::new()));
        let mut reviewers = Vec::new();
        for part in ids.chunks(ids.len().div_ceil(4)) {
            let (part, answered) = (part.to_vec(), answered.clone());
            let mut c = Client::logged_in(&serve.base, "chief").await;
            reviewers.push(tokio::spawn(async move {
                for id in part {
                    match review(&mut c, id).await {
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
                (status.as_str() == "confirmed", decisions),
                (decisions == 1, usize::from(status.as_str() == "confirmed")),
                "{faulty} #{id}: the status and its event are written together"
            );
            if answered.contains(id) {
                assert_eq!(
                    status.as_str(),
                    "confirmed",
                    "{faulty} #{id}: an answered decision is kept"
                );
            }
        }
        store.close().await;
        // Restarted, the reviewers send again what got no answer: a decision already applied
        // is refused as out of date (409), the rest are applied.
        let serve = Serve::start(&faulty);
        let mut c = Client::logged_in(&serve.base, "chief").await;
        for id in ids.iter().filter(|i| !answered.contains(i)) {
            assert_eq!(review(&mut c, *id).await, 303, "#{id}");
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
        scan_to_the_end(&config_file(&dir, &demo, &clean));
        // Slow enough that the two overlap.
        demo.set_latency(Duration::from_millis(10));
        let cfg = config_file(&dir, &demo, &together);
        let (a, b) = (scan_process(&cfg), scan_process(&cfg));
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
    let (peak, _) = serve.memory_mib();
    assert!(peak < 300.0, "peak RSS {peak} MiB");
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

/// Cuts a PostgreSQL database off as a server restart does: every connection to it ends, new
/// ones are refused for `outage`, then it accepts them again. (Only this test's database: the
/// server itself serves the other tests meanwhile.)
async fn restart_postgres(url: &str, outage: Duration) {
    use sqlx::Connection;
    let admin = std::env::var("NARISUMASHI_TEST_POSTGRES").unwrap();
    let name = url.rsplit('/').next().unwrap().to_string();
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    for sql in [
        format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"),
        format!("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"),
    ] {
        sqlx::Executor::execute(&mut conn, sql.as_str()).await.unwrap();
    }
    tokio::time::sleep(outage).await;
    let sql = format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true");
    sqlx::Executor::execute(&mut conn, sql.as_str()).await.unwrap();
}

/// PostgreSQL restarted in the middle of a scan: the scan stops with a message, the next
/// scan finishes the night, and the result is a clean night's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_restarted_mid_scan_loses_nothing() {
    let dir = tempdir();
    let reg = registry();
    let urls = databases(&dir).await;
    let Some(clean) = urls.get(1).cloned() else {
        return; // SQLite only (NARISUMASHI_SKIP_POSTGRES=1): its faults are the disk's
    };
    let faulty = databases(&dir).await.remove(1);
    let demo = DemoPlatform::start(population(&reg, 5)).await.unwrap();
    scan_to_the_end(&config_file(&dir, &demo, &clean));
    demo.set_latency(Duration::from_millis(10));
    let cfg = config_file(&dir, &demo, &faulty);
    let child = scan_process(&cfg);
    wait_for_units(&faulty, 20).await;
    restart_postgres(&faulty, Duration::from_secs(2)).await;
    let out = child.wait_with_output().unwrap();
    demo.set_latency(Duration::ZERO);
    let said = String::from_utf8_lossy(&out.stderr);
    eprintln!("the scan during the restart: {:?}\n{said}", out.status.code());
    // However it ended, the next scan finishes the night.
    scan_to_the_end(&cfg);
    same(&faulty, &outcome(&clean).await, &outcome(&faulty).await);
}

/// PostgreSQL restarted while a reviewer decides: the decisions sent during the outage are
/// answered with an error page (never acknowledged and half-written), `serve` goes on without
/// a restart once the database is back, and sending them again ends where a calm day ends.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_restarted_mid_decision_loses_nothing() {
    let dir = tempdir();
    let reg = registry();
    let Some(clean) = databases(&dir).await.get(1).cloned() else {
        return; // SQLite only (NARISUMASHI_SKIP_POSTGRES=1)
    };
    let faulty = databases(&dir).await.remove(1);
    let demo = DemoPlatform::start(population(&reg, 3)).await.unwrap();
    let clean_ids = reviewed_database(&clean, &reg, &demo).await;
    let ids = reviewed_database(&faulty, &reg, &demo).await;
    {
        let serve = Serve::start(&clean);
        let mut c = Client::logged_in(&serve.base, "chief").await;
        for id in &clean_ids {
            assert_eq!(confirm(&mut c, *id).await, 303, "{clean}");
        }
    }
    let serve = Serve::start(&faulty);
    let mut c = Client::logged_in(&serve.base, "chief").await;
    let third = ids.len() / 3;
    for id in &ids[..third] {
        assert_eq!(confirm(&mut c, *id).await, 303);
    }
    let outage = tokio::spawn({
        let faulty = faulty.clone();
        async move { restart_postgres(&faulty, Duration::from_secs(2)).await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut refused = Vec::new();
    for id in &ids[third..2 * third] {
        let status = confirm(&mut c, *id).await;
        assert_ne!(status, 303, "#{id}: acknowledged while the database was away");
        refused.push((*id, status));
        if outage.is_finished() {
            break;
        }
    }
    outage.await.unwrap();
    assert!(
        refused.iter().any(|(_, s)| *s == 500),
        "the outage was seen: {refused:?}"
    );
    // Back: the same session goes on, and what was refused is sent again.
    for id in &ids[third..] {
        let status = confirm(&mut c, *id).await;
        assert!([303, 409].contains(&status), "#{id}: {status}");
    }
    drop(serve);
    same(&faulty, &outcome(&clean).await, &outcome(&faulty).await);
}

/// A small tmpfs (a disk that can fill up and be made read-only), mounted for a test; needs
/// root, as `.ci/run` and `scripts/test.sh` run. Unmounted when dropped.
struct Disk {
    path: std::path::PathBuf,
}

impl Disk {
    fn mount(path: std::path::PathBuf, size: &str) -> Option<Disk> {
        std::fs::create_dir_all(&path).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700"), "tmpfs"])
            .arg(&path)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Disk { path })
    }

    fn remount(&self, options: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.path)
            .status()
            .unwrap();
        assert!(status.success(), "remount {options}");
    }

    fn url(&self) -> String {
        format!("sqlite://{}/narisumashi.db", self.path.display())
    }
}

impl Drop for Disk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// SQLite on a disk that fills up mid-scan, and on one that turns read-only mid-scan: the
/// scan stops and says why, nothing stored is damaged, and once there is room (or the disk is
/// writable again) the next scan finishes the night as a clean one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_on_a_full_or_read_only_disk_loses_nothing() {
    let dir = tempdir();
    let reg = registry();
    let demo = DemoPlatform::start(population(&reg, 5)).await.unwrap();
    let clean = databases(&dir).await.remove(0);
    scan_to_the_end(&config_file(&dir, &demo, &clean));
    let size: u64 = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(clean.rsplit('/').next().unwrap())
        })
        .map(|e| e.metadata().unwrap().len())
        .sum();
    let Some(full) = Disk::mount(dir.join("full"), &format!("{}k", (size * 2 / 3 / 1024).max(64))) else {
        eprintln!("faults::sqlite_on_a_full_or_read_only_disk: skipped, mounting a tmpfs needs root");
        return;
    };
    // Full (two thirds of what the night needs, so it fills mid-scan): the scan stops with
    // SQLite's own words, and room lets the next one finish.
    let cfg = config_file(&dir, &demo, &full.url());
    let out = scan_process(&cfg).wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!matches!(out.status.code(), Some(0 | 3)), "the disk filled up: {said}");
    assert!(said.contains("full"), "{said}");
    full.remount("size=256m");
    scan_to_the_end(&cfg);
    same("full disk", &outcome(&clean).await, &outcome(&full.url()).await);
    drop(full);
    // Read-only with a night half done: the scan is cut (as a power loss would), the disk
    // comes back read-only (Linux refuses to remount a disk read-only under open files, as
    // it is while a scan writes), the next scan says so, and once writable it finishes.
    let ro = Disk::mount(dir.join("ro"), "256m").unwrap();
    let cfg = config_file(&dir, &demo, &ro.url());
    demo.set_latency(Duration::from_millis(10));
    let mut child = scan_process(&cfg);
    wait_for_units(&ro.url(), 20).await;
    child.kill().unwrap();
    child.wait().unwrap();
    demo.set_latency(Duration::ZERO);
    ro.remount("ro");
    let out = scan_process(&cfg).wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        !matches!(out.status.code(), Some(0 | 3)),
        "the disk is read-only: {said}"
    );
    assert!(said.to_lowercase().contains("read-only"), "says why: {said}");
    ro.remount("rw");
    scan_to_the_end(&cfg);
    same("read-only disk", &outcome(&clean).await, &outcome(&ro.url()).await);
}

/// A scan whose lease is taken over (its heartbeat was late, and another scan took the lease
/// as a dead holder's) stops at its next heartbeat, naming the new holder, and writes nothing
/// more; the holder's scan finishes the night as a clean one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scan_that_loses_its_lease_stops_and_says_so() {
    let dir = tempdir();
    let reg = registry();
    for (clean, faulty) in databases(&dir).await.into_iter().zip(databases(&dir).await) {
        let demo = DemoPlatform::start(population(&reg, 5)).await.unwrap();
        scan_into(&clean, &reg, &config(&demo, &clean)).await.unwrap();
        let mut cfg = config(&demo, &faulty);
        cfg.scan.lease_ttl_secs = 20; // a heartbeat every 5 s
        cfg.crawl.timeout_secs = 10.0;
        demo.set_latency(Duration::from_millis(30));
        let scan = tokio::spawn({
            let (faulty, cfg, reg) = (faulty.clone(), cfg.clone(), registry());
            async move { scan_into(&faulty, &reg, &cfg).await }
        });
        wait_for_units(&faulty, 5).await;
        let store = Store::open(&faulty).await.unwrap();
        sqlx::query("UPDATE scan_lock SET holder = 'another-host:4242:1', heartbeat_at = $1")
            .bind(chrono::Utc::now().timestamp())
            .execute(store.pool())
            .await
            .unwrap();
        let stopped = scan.await.unwrap().unwrap_err();
        demo.set_latency(Duration::ZERO);
        assert!(stopped.contains("another-host:4242:1"), "{faulty}: {stopped}");
        let at_stop = units_done(&store).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(units_done(&store).await, at_stop, "{faulty}: nothing written after");
        // The holder resumes the run (played here by releasing its lease and scanning).
        sqlx::query("UPDATE scan_lock SET holder = NULL, run_id = NULL, heartbeat_at = NULL")
            .execute(store.pool())
            .await
            .unwrap();
        store.close().await;
        scan_into(&faulty, &reg, &config(&demo, &faulty)).await.unwrap();
        same(&faulty, &outcome(&clean).await, &outcome(&faulty).await);
    }
}
