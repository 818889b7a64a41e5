//! The review queue under load: 100,000 suspects in the database (SQLite, and PostgreSQL when
//! `NARISUMASHI_TEST_POSTGRES` names a server), the UI served by the real binary
//! (`narisumashi serve --no-schedule`) in its own process, and a load generator in this one:
//! 16 keep-alive connections on loopback, each requesting the page as fast as it is answered,
//! for 10 s per scenario. Reports requests per second and latency percentiles for the first
//! page of the queue (an administrator over every body, a reviewer over one), a page 1,000
//! pages deep (keyset pagination: it should cost what the first does), a filtered page and
//! a suspect page.
//!
//! Run with `cargo bench --bench web`; figures go into README.md with the machine. Under
//! `cargo test` it runs once with 2,000 suspects for half a second per scenario, as a smoke test.
//! Sizes: `NARISUMASHI_BENCH_SUSPECTS` (100000), `NARISUMASHI_BENCH_SECONDS` (10),
//! `NARISUMASHI_BENCH_CONNECTIONS` (16).

#![allow(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark: a failure is a failed run

#[path = "../tests/it/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use narisumashi::store::{QueueCursor, Role, Store};
use narisumashi::web::auth;

fn size(var: &str, default: usize) -> usize {
    std::env::var(var).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("web: benchmark");
        return;
    }
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(run());
}

const PLATFORMS: [&str; 5] = ["x", "instagram", "youtube", "facebook", "line"];
const STATUSES: [(&str, u64); 5] = [
    ("new", 70),
    ("confirmed", 10),
    ("dismissed", 10),
    ("reported", 5),
    ("removed", 5),
];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Fills the database with `n` suspects spread over the seeds' bodies, 100 nightly runs, five
/// platforms and every status.
async fn seed(store: &Store, n: usize) -> Vec<String> {
    let reg = common::registry();
    let orgs: Vec<String> = reg.organisations.iter().map(|o| o.id.clone()).collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let now = narisumashi::store::now();
    for run in 1..=100i64 {
        sqlx::query(
            "INSERT INTO scan_runs (started_at, finished_at, status, scope, trigger_kind) VALUES ($1, $2, 'finished', 'all', 'schedule')",
        )
        .bind(now - (100 - run) * 86_400)
        .bind(now - (100 - run) * 86_400 + 600)
        .execute(store.pool())
        .await
        .unwrap();
    }
    let reasons = r#"[{"kind":"name_identical","genuine_name":"ハローワーク","absorbed":["character width"],"text":"display name identical after normalisation"}]"#;
    for chunk in (0..n).collect::<Vec<_>>().chunks(1000) {
        let mut sql = String::from(
            "INSERT INTO suspects (platform, account_key, handle_key, handle, display_name, url, org_id, target_key, \
             target_label, score, reasons, status, status_changed_at, first_seen_at, last_seen_at, flagged_run_id) VALUES ",
        );
        for (k, i) in chunk.iter().enumerate() {
            let r = rng.next();
            let platform = PLATFORMS[(r % 5) as usize];
            let org = &orgs[(r >> 8) as usize % orgs.len()];
            let mut pick = (r >> 16) % 100;
            let status = STATUSES
                .iter()
                .find(|(_, share)| {
                    if pick < *share {
                        true
                    } else {
                        pick -= share;
                        false
                    }
                })
                .map_or("new", |s| s.0);
            let score = 0.6 + ((r >> 24) % 4000) as f64 / 10_000.0;
            let run = 1 + ((r >> 40) % 100) as i64;
            let at = now - (100 - run) * 86_400;
            if k > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "('{platform}', 'handle:fake{i}', 'fake{i}', 'fake{i}_official', '【公式】ハローワーク{i}', 'https://x.com/fake{i}', \
                 '{org}', '{org}/{platform}/official', '@official', {score}, '{reasons}', '{status}', {at}, {at}, {at}, {run})"
            ));
        }
        sqlx::query(&sql).execute(store.pool()).await.unwrap();
    }
    let hash = auth::hash_password(common::web::PASSWORD).unwrap();
    store.add_user("admin", Role::Admin, &[], &hash).await.unwrap();
    store
        .add_user("reviewer", Role::Reviewer, &orgs[..1], &hash)
        .await
        .unwrap();
    orgs
}

use common::serve::Serve;

struct Figures {
    requests: usize,
    rps: f64,
    p50: f64,
    p90: f64,
    p99: f64,
    max: f64,
}

/// `connections` clients request `path` back to back for `secs`; every answer must be 200.
async fn load(base: &str, cookie: &str, path: &str, connections: usize, secs: f64) -> Figures {
    let deadline = Instant::now() + Duration::from_secs_f64(secs);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let url = format!("{base}{path}");
        let cookie = cookie.to_string();
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .pool_max_idle_per_host(1)
                .build()
                .unwrap();
            let mut lat = Vec::new();
            while Instant::now() < deadline {
                let t = Instant::now();
                let res = client.get(&url).header("cookie", &cookie).send().await.unwrap();
                let status = res.status();
                let body = res.bytes().await.unwrap();
                assert_eq!(status, 200, "{url}: {}", String::from_utf8_lossy(&body));
                lat.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            lat
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_by(f64::total_cmp);
    let pct = |p: f64| all[((all.len() as f64 - 1.0) * p).round() as usize];
    Figures {
        requests: all.len(),
        rps: all.len() as f64 / elapsed,
        p50: pct(0.5),
        p90: pct(0.9),
        p99: pct(0.99),
        max: *all.last().unwrap(),
    }
}

async fn run() {
    let smoke = !std::env::args().any(|a| a == "--bench");
    let n = size("NARISUMASHI_BENCH_SUSPECTS", if smoke { 2_000 } else { 100_000 });
    let secs = if smoke {
        0.5
    } else {
        size("NARISUMASHI_BENCH_SECONDS", 10) as f64
    };
    let connections = size("NARISUMASHI_BENCH_CONNECTIONS", 16);
    let dir = common::tempdir("bench-web");
    println!(
        "review queue: {n} suspects, {connections} connections, {secs} s per scenario, {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    for url in common::databases(&dir).await {
        let backend = if url.starts_with("postgres") {
            "PostgreSQL"
        } else {
            "SQLite"
        };
        let store = Store::open(&url).await.unwrap();
        let t = Instant::now();
        let orgs = seed(&store, n).await;
        println!("\n{backend}: seeded {n} suspects in {:.1} s", t.elapsed().as_secs_f64());
        // A cursor 1,000 pages (50,000 rows) into the whole queue, and a suspect to open.
        let deep_rows: Vec<(i64, f64, i64)> = sqlx::query_as(
            "SELECT flagged_run_id, score, id FROM suspects ORDER BY flagged_run_id DESC, score DESC, id DESC LIMIT 1 OFFSET $1",
        )
        .bind((n as i64 / 2).min(50_000))
        .fetch_all(store.pool())
        .await
        .unwrap();
        let (run, score, id) = deep_rows[0];
        let cursor = QueueCursor {
            flagged_run_id: run,
            score,
            id,
        }
        .encode();
        store.close().await;
        // The public check is limited per client address; the load comes from one address.
        let config = std::env::temp_dir().join(format!("narisumashi-bench-web-{}.toml", std::process::id()));
        std::fs::write(&config, "[web]\ncheck_per_minute = 100000000\n").unwrap();
        let served = Serve::start_with(&url, &["--config", config.to_str().unwrap()]);
        let mut admin = common::web::Client::new(&served.base);
        assert_eq!(admin.login("admin", common::web::PASSWORD).await.status, 303);
        let mut reviewer = common::web::Client::new(&served.base);
        assert_eq!(reviewer.login("reviewer", common::web::PASSWORD).await.status, 303);
        let admin_cookie = format!("nrs_session={}", admin.cookie("nrs_session").unwrap());
        let reviewer_cookie = format!("nrs_session={}", reviewer.cookie("nrs_session").unwrap());
        let no_cookie = String::new();
        let scenarios = [
            (
                "queue, first page, admin (all bodies)",
                &admin_cookie,
                "/suspects".to_string(),
            ),
            (
                "queue, first page, reviewer (one body)",
                &reviewer_cookie,
                "/suspects".to_string(),
            ),
            (
                "queue, all statuses, 1,000 pages deep",
                &admin_cookie,
                format!("/suspects?status=all&after={cursor}"),
            ),
            (
                "queue, filtered (X, score ≥ 90%)",
                &admin_cookie,
                "/suspects?status=all&platform=x&min_score=90".to_string(),
            ),
            ("suspect page", &admin_cookie, format!("/suspects/{id}")),
            (
                "public check API (a registered URL)",
                &no_cookie,
                "/api/check?q=https%3A%2F%2Fx.com%2FHW_Sapporo".to_string(),
            ),
            (
                "public check API (a lookalike handle)",
                &no_cookie,
                "/api/check?q=%40HW_Sapp0ro&platform=x".to_string(),
            ),
            (
                "public check page (a lookalike handle)",
                &no_cookie,
                "/check?q=%40HW_Sapp0ro&platform=x".to_string(),
            ),
        ];
        let mut first_p50 = None;
        for (name, cookie, path) in scenarios {
            let f = load(&served.base, cookie, &path, connections, secs).await;
            println!(
                "  {name:<42} {:>7.0} req/s  p50 {:>6.1} ms  p90 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms  ({} requests)",
                f.rps, f.p50, f.p90, f.p99, f.max, f.requests
            );
            if first_p50.is_none() {
                first_p50 = Some(f.p50);
            } else if name.contains("deep") {
                println!(
                    "  {:<42} ×{:.2} the first page's median",
                    "  deep page / first page",
                    f.p50 / first_p50.unwrap_or(f.p50)
                );
            }
            assert!(f.requests > 0);
        }
        // The pages showed what they should.
        let page = admin.get("/suspects").await;
        assert_eq!(page.body.matches("class=\"suspect\"").count(), 50.min(n * 7 / 10));
        assert!(page.body.contains(&orgs[0]) || page.body.contains("class=\"org\""));
        drop(served);
    }
}
