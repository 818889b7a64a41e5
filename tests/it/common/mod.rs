//! Helpers shared by the integration tests that need databases: a fresh temporary directory,
//! the seeds' registry, and the databases to run on (an SQLite file, plus a new PostgreSQL
//! database when `NARISUMASHI_TEST_POSTGRES` names a server, as scripts/test.sh arranges).
#![allow(dead_code, clippy::unwrap_used)] // not every test module uses every helper

pub mod serve;
pub mod smtp;
pub mod web;

use std::sync::atomic::{AtomicUsize, Ordering};

use narisumashi::registry::Registry;
use narisumashi::store::Store;
use sqlx::Row;

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A number unique within this test binary.
pub fn next() -> usize {
    COUNTER.fetch_add(1, Ordering::SeqCst)
}

/// A new directory under the system's temporary directory.
pub fn tempdir(prefix: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("narisumashi-{prefix}-{}-{}", std::process::id(), next()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The registry in `seeds/`.
pub fn registry() -> Registry {
    Registry::load_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))).unwrap()
}

/// Fresh databases to run a test on: an SQLite file in `dir`, and a new PostgreSQL database.
pub async fn databases(dir: &std::path::Path) -> Vec<String> {
    let n = next();
    let mut out = vec![format!("sqlite://{}/t{n}.db", dir.display())];
    match std::env::var("NARISUMASHI_TEST_POSTGRES") {
        Ok(admin) if !admin.is_empty() => {
            let name = format!("narisumashi_t{}_{n}", std::process::id());
            let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin).await.unwrap();
            SWEPT.get_or_init(|| sweep(&admin)).await;
            for sql in [
                format!("DROP DATABASE IF EXISTS {name}"),
                format!("CREATE DATABASE {name}"),
            ] {
                sqlx::Executor::execute(&mut conn, sql.as_str()).await.unwrap();
            }
            let (base, _) = admin.rsplit_once('/').unwrap();
            out.push(format!("{base}/{name}"));
        }
        _ => assert_eq!(
            std::env::var("NARISUMASHI_SKIP_POSTGRES").as_deref(),
            Ok("1"),
            "set NARISUMASHI_TEST_POSTGRES (scripts/test.sh does) or NARISUMASHI_SKIP_POSTGRES=1"
        ),
    }
    out
}

static SWEPT: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();

/// Drops the databases that earlier test runs made and left behind (a run cannot drop its
/// own at exit: tests end without an async destructor). A database belongs to the process
/// whose id it carries; it is dropped only when that process is gone, so two test runs
/// sharing one server keep each other's. Left alone, a server used for months of runs
/// filled its disk with thousands of databases and took minutes to recover after a crash.
async fn sweep(admin: &str) {
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(admin).await.unwrap();
    let names: Vec<String> =
        sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 'narisumashi\\_t%\\_%'")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    for name in names {
        let Some(pid) = name
            .strip_prefix("narisumashi_t")
            .and_then(|rest| rest.split_once('_'))
            .and_then(|(pid, n)| n.parse::<usize>().ok().and(pid.parse::<u32>().ok()))
        else {
            continue;
        };
        if pid == std::process::id() || std::path::Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        if let Err(e) = sqlx::Executor::execute(&mut conn, sql.as_str()).await {
            eprintln!("test kit: could not drop the stale test database {name}: {e}");
        }
    }
}

/// A whole scan, as cron runs it (every body, every platform, stored).
pub fn scan_options() -> narisumashi::scan::ScanOptions {
    narisumashi::scan::ScanOptions {
        org: None,
        platform: None,
        dry_run: false,
        trigger: "test".into(),
    }
}

/// Every row that matters, by natural keys (no generated ids, no times): two databases that
/// did the same work hold the same dump.
pub async fn dump(url: &str) -> Vec<String> {
    rows_of(
        url,
        &[
            "SELECT platform, account_key, display_name, COALESCE(handle, ''), target_key, CAST(ROUND(score * 1000) AS BIGINT), status, reasons, COALESCE(avatar_sha256, '') FROM suspects",
            "SELECT s.account_key, g.run_id, g.display_name, CAST(ROUND(g.score * 1000) AS BIGINT), g.verdict, COALESCE(g.avatar_sha256, '') FROM sightings g JOIN suspects s ON s.id = g.suspect_id",
            "SELECT s.account_key, e.run_id, e.actor, COALESCE(e.from_status, ''), e.to_status FROM suspect_events e JOIN suspects s ON s.id = e.suspect_id",
            "SELECT account_key, state, COALESCE(display_name, ''), COALESCE(avatar_sha256, ''), run_id FROM genuine_snapshots",
            "SELECT id, status, scope, units_total, units_done, candidates, new_suspects, reopened, removed, genuine_changes, errors FROM scan_runs",
            "SELECT run_id, platform, looked_up, found, not_found, blocked, failed FROM scan_source_counts",
            "SELECT run_id, unit FROM scan_units",
            "SELECT sha256, size FROM avatars",
        ],
    )
    .await
}

/// What staff see of a database, whatever runs it took to get there: the suspects with
/// their status, score and reasons, each suspect's decisions and status changes in order
/// (without run numbers), the genuine accounts' states, and the drafts. A fault followed by
/// a recovery must end with the same outcome as the same work without the fault.
pub async fn outcome(url: &str) -> Vec<String> {
    rows_of(
        url,
        &[
            "SELECT platform, account_key, display_name, COALESCE(handle, ''), target_key, CAST(ROUND(score * 1000) AS BIGINT), status, reasons, COALESCE(avatar_sha256, '') FROM suspects",
            "SELECT s.platform, s.account_key, e.actor, COALESCE(e.from_status, ''), e.to_status, COALESCE(e.note, '') FROM suspect_events e JOIN suspects s ON s.id = e.suspect_id",
            "SELECT account_key, state, COALESCE(display_name, ''), COALESCE(avatar_sha256, '') FROM genuine_snapshots",
            "SELECT d.kind, d.org_id, COALESCE(d.platform, ''), d.generated_by, s.platform, s.account_key FROM drafts d JOIN draft_suspects ds ON ds.draft_id = d.id JOIN suspects s ON s.id = ds.suspect_id",
        ],
    )
    .await
}

/// Differences between two dumps, one line each (`-` only in `a`, `+` only in `b`).
pub fn diff(a: &[String], b: &[String]) -> String {
    a.iter()
        .filter(|l| !b.contains(l))
        .map(|l| format!("- {l}"))
        .chain(b.iter().filter(|l| !a.contains(l)).map(|l| format!("+ {l}")))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn rows_of(url: &str, queries: &[&str]) -> Vec<String> {
    let store = Store::open(url).await.unwrap();
    let pool = store.pool();
    let mut out = Vec::new();
    for q in queries {
        let rows = sqlx::query(q)
            .fetch_all(pool)
            .await
            .unwrap_or_else(|e| panic!("{q}: {e}"));
        let mut lines: Vec<String> = rows
            .iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| {
                        r.try_get::<String, _>(i)
                            .or_else(|_| r.try_get::<i64, _>(i).map(|v| v.to_string()))
                            .unwrap_or_else(|_| "?".into())
                    })
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect();
        lines.sort();
        out.push(format!("-- {q}"));
        out.extend(lines);
    }
    store.close().await;
    out
}
