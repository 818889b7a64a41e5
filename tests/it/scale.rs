//! Beyond one process: two review servers on one database, as behind a load balancer. A
//! reviewer logged in on one is logged in on the other, a decision made on one shows on the
//! other at once, the session's CSRF token is good on both, and logging out on one logs out
//! everywhere: nothing that matters lives in one process's memory.
//!
//! And several scan processes sharing one night on PostgreSQL (`scan --worker`), one of them
//! killed mid-run.
#![allow(clippy::unwrap_used)]

use crate::common;
use crate::common::serve::Serve;
use crate::common::web::{Client, fixture, fixture_with, hidden};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_review_servers_share_sessions_tokens_and_decisions() {
    let dir = common::tempdir("scale-serve");
    for url in common::databases(&dir).await {
        // Server A runs in this process (the web fixture), server B is the real binary.
        let f = fixture(&url).await;
        let b = Serve::start(&url);
        let mut on_a = Client::logged_in(&f.base, "reviewer").await;
        let mut on_b = Client::new(&b.base);
        on_b.set_cookie("nrs_session", &on_a.cookie("nrs_session").unwrap());

        // Logged in on B with A's session, and B's pages carry the same token.
        let queue = on_b.get("/suspects").await;
        assert_eq!(queue.status, 200, "{url}: B knows A's session");
        assert_eq!(
            hidden(&queue.body, "csrf").as_deref(),
            Some(on_a.csrf.as_str()),
            "{url}"
        );

        // Both servers have counted the queue's tabs (and keep the counts while nothing changes).
        let confirmed_before = tab_count(&on_a.get("/suspects").await.body, "confirmed");
        assert_eq!(tab_count(&queue.body, "confirmed"), confirmed_before, "{url}");

        // A decision on B with the token A gave, seen on A at once.
        let id = f.own_suspects[0];
        let page = on_a.get(&format!("/suspects/{id}")).await;
        let version = hidden(&page.body, "version").unwrap();
        let token = on_a.csrf.clone();
        let r = on_b
            .post(
                &format!("/suspects/{id}/decision"),
                &[("csrf", &token), ("action", "confirm"), ("version", &version)],
            )
            .await;
        assert_eq!(r.status, 303, "{url}: {}", r.body);
        assert_eq!(f.store.suspect(id).await.unwrap().unwrap().status.as_str(), "confirmed");
        let seen_on_a = on_a.get(&format!("/suspects/{id}")).await;
        assert!(seen_on_a.body.contains("なりすまし確定"), "{url}: A shows B's decision");
        // A's queue counts it at once, although A counted the tabs a moment ago.
        assert_eq!(
            tab_count(&on_a.get("/suspects").await.body, "confirmed"),
            confirmed_before + 1,
            "{url}: A's tab counts show B's decision"
        );
        assert_eq!(
            tab_count(&on_b.get("/suspects").await.body, "confirmed"),
            confirmed_before + 1,
            "{url}"
        );
        // The same version again is refused on A: the decision is one, wherever it was made.
        let again = on_a
            .post(
                &format!("/suspects/{id}/decision"),
                &[("action", "dismiss"), ("reason", "x"), ("version", &version)],
            )
            .await;
        assert_ne!(again.status, 303, "{url}: a stale version is refused across servers");
        assert_eq!(f.store.suspect(id).await.unwrap().unwrap().status.as_str(), "confirmed");

        // Logging out on B ends the session on A too.
        assert_eq!(on_b.post("/logout", &[("csrf", &token)]).await.status, 303);
        let after = on_a.get("/suspects").await;
        assert_eq!(after.status, 303, "{url}: A sends the logged-out reviewer to log in");
        assert!(after.location().starts_with("/login"), "{url}: {}", after.location());
        drop(b);
    }
}

/// The count on the queue's tab for `status`.
fn tab_count(page: &str, status: &str) -> i64 {
    let tabs = &page[page.find("id=\"status-tabs\"").expect("the status tabs")..];
    let tab = &tabs[tabs
        .find(&format!("status={status}"))
        .unwrap_or_else(|| panic!("a tab for {status}"))..];
    let count = &tab[tab.find("class=\"count\">").expect("a count") + "class=\"count\">".len()..];
    count[..count.find('<').unwrap()].trim().parse().unwrap()
}

/// The public check's per-client limit is one for all review servers: each of two servers on
/// one database allows half of `check_per_minute`, so a client sent to both in turn gets the
/// configured number of answers in all; behind a trusted proxy the client is the address the
/// proxy forwarded (another client keeps its own allowance). (An untrusted peer's header is
/// ignored: `public::`.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_review_servers_share_the_public_checks_limit_per_client() {
    let dir = common::tempdir("scale-limit");
    let config = dir.join("narisumashi.toml");
    std::fs::write(
        &config,
        "[web]\ncheck_per_minute = 4\ntrusted_proxies = [\"127.0.0.1\"]\n",
    )
    .unwrap();
    for url in common::databases(&dir).await {
        // B (the real binary) first, then A: A's first heartbeat counts two servers; B learns
        // of A at one of its next heartbeats (every 10 s).
        let b = Serve::start_with(&url, &["--config", config.to_str().unwrap()]);
        let f = fixture_with(&url, |c| {
            c.web.check_per_minute = 4;
            c.web.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
        })
        .await;
        let http = reqwest::Client::new();
        let check = |base: &str, client: &str| {
            let req = http
                .get(format!("{base}/api/check?q=%40HW_Sapporo&platform=x"))
                .header("x-forwarded-for", format!("192.0.2.250, {client}"));
            async move { req.send().await.unwrap().status().as_u16() }
        };
        // Each server has heard of the other once a client of its own is refused its third
        // check (its share, 2); each try spends a client address of its own.
        for (name, base) in [("A", &f.base), ("B", &b.base)] {
            let mut heard = false;
            for attempt in 0..60 {
                let client = format!("198.51.100.{attempt}");
                let mut last = 0;
                for _ in 0..3 {
                    last = check(base, &client).await;
                }
                if last == 429 {
                    heard = true;
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
            assert!(heard, "{url}: server {name} never shared the limit with the other");
        }
        assert_eq!(f.store.review_servers().await.unwrap().len(), 2, "{url}");

        // One client sent to A and B in turn: four answers in all, then 429 on both.
        let mut statuses = Vec::new();
        for base in [&f.base, &b.base, &f.base, &b.base, &f.base, &b.base] {
            statuses.push(check(base, "203.0.113.9").await);
        }
        assert_eq!(statuses, [200, 200, 200, 200, 429, 429], "{url}");
        // Another client behind the same proxy has its own allowance.
        assert_eq!(check(&b.base, "203.0.113.10").await, 200, "{url}");
        assert_eq!(check(&f.base, "203.0.113.10").await, 200, "{url}");
        drop(b);
    }
}

/// `narisumashi --seeds seeds/ ARGS…`, its output kept.
fn narisumashi(args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_narisumashi"));
    c.args(["--seeds", concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")])
        .args(args);
    c.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    c
}

/// A scan process's end: a finished night (exit 0, or 3 when there is something to review).
fn finished(child: std::process::Child, who: &str) -> String {
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        matches!(out.status.code(), Some(0 | 3)),
        "{who}: {:?}\n{text}",
        out.status
    );
    text
}

/// A fresh PostgreSQL database, or `None` when the tests run without one.
async fn postgres(dir: &std::path::Path) -> Option<String> {
    common::databases(dir)
        .await
        .into_iter()
        .find(|u| u.starts_with("postgres"))
}

/// Three workers and the planner share one night's run on PostgreSQL, and one worker is
/// killed with SIGKILL while it holds units. Its units are redone by the others, and the run
/// ends with the same suspects, sightings, snapshots, counts and units as the same night run
/// by one undisturbed process, none of them twice; the workers took in pictures the others
/// had aligned, and the run's end deleted what they shared.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_killed_mid_run_leaves_the_night_whole() {
    let dir = common::tempdir("scale-workers");
    let (Some(straight), Some(shared)) = (postgres(&dir).await, postgres(&dir).await) else {
        return; // NARISUMASHI_SKIP_POSTGRES=1: workers need PostgreSQL (refusal tested below)
    };
    let reg = common::registry();
    let demo = narisumashi::demo::DemoPlatform::start(narisumashi::demo::population(&reg, 5))
        .await
        .unwrap();
    let config = |url: &str| {
        let path = dir.join(format!("w{}.toml", common::next()));
        // Short unit leases, so a unit whose worker died on another host would be redone
        // within the test too (on this host it is redone at once).
        let toml = demo.config_toml(url).replace(
            "concurrency = 4",
            "concurrency = 2\nunit_lease_secs = 3\nworker_wait_secs = 60",
        );
        std::fs::write(&path, toml).unwrap();
        path
    };

    // The night as one process does it.
    let cfg = config(&straight);
    finished(
        narisumashi(&["scan", "--config", cfg.to_str().unwrap()])
            .spawn()
            .unwrap(),
        "one scan",
    );

    // The same night shared: workers first (they wait for a run), then the planner.
    demo.set_latency(std::time::Duration::from_millis(20));
    let cfg = config(&shared);
    let cfg = cfg.to_str().unwrap();
    let mut workers: Vec<std::process::Child> = (0..3)
        .map(|_| narisumashi(&["scan", "--worker", "--config", cfg]).spawn().unwrap())
        .collect();
    let planner = narisumashi(&["scan", "--config", cfg]).spawn().unwrap();
    let store = narisumashi::store::Store::open(&shared).await.unwrap();
    let victim = workers[0].id();
    let started = std::time::Instant::now();
    loop {
        // The victim holds an unfinished unit, and the night is under way.
        let held: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM scan_work w WHERE w.claimed_by LIKE $1 \
             AND NOT EXISTS (SELECT 1 FROM scan_units u WHERE u.run_id = w.run_id AND u.unit = w.unit)",
        )
        .bind(format!("%:{victim}:%"))
        .fetch_one(store.pool())
        .await
        .unwrap_or(0);
        let done: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scan_units")
            .fetch_one(store.pool())
            .await
            .unwrap_or(0);
        if held > 0 && done >= 10 {
            break;
        }
        assert!(
            workers[0].try_wait().unwrap().is_none(),
            "the night ended before a worker could be killed"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "the workers made no progress"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    workers[0].kill().unwrap(); // SIGKILL
    workers.remove(0).wait().unwrap();
    let report = finished(planner, "the planner");
    assert!(report.contains("finished"), "{report}");
    let mut taken_in = 0;
    for (i, w) in workers.into_iter().enumerate() {
        let said = finished(w, &format!("worker {}", i + 2));
        assert!(said.contains("the scan is finished"), "{said}");
        // A picture another process aligned is read, not aligned again.
        taken_in += said
            .split(" taken from the other processes")
            .next()
            .and_then(|s| s.rsplit(' ').next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or_else(|| panic!("the worker says what it took from the others: {said}"));
        let units: usize = said
            .split("Worker on scan #")
            .nth(1)
            .and_then(|rest| rest.split(": ").nth(1))
            .and_then(|n| n.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(units > 0, "worker {} ran units of the night: {said}", i + 2);
    }

    assert!(taken_in > 0, "the workers took in pictures the others had aligned");

    // Every worker did some of it, the victim's units were redone, nothing twice.
    let redone: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scan_work WHERE claims > 1")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(redone >= 1, "the killed worker's units were claimed again");
    let twice: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT suspect_id, run_id FROM sightings GROUP BY suspect_id, run_id HAVING COUNT(*) > 1) d",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(twice, 0, "no suspect sighted twice in the run");
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM picture_matches")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(kept, 0, "the shared picture matches are deleted with the run's end");
    store.close().await;
    let (mut a, mut b) = (common::dump(&straight).await, common::dump(&shared).await);
    a.sort();
    b.sort();
    assert!(a.len() > 20, "the night did some work: {a:?}");
    assert!(
        a == b,
        "the shared night differs from one process's:\n{}",
        common::diff(&a, &b)
    );
}

/// Workers share a run through PostgreSQL: on an SQLite file `scan --worker` is refused, with
/// what to do instead.
#[test]
fn a_worker_on_sqlite_is_refused_with_the_reason() {
    let dir = common::tempdir("scale-sqlite-worker");
    let db = dir.join("one.db");
    let out = narisumashi(&["scan", "--worker", "--database", db.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("PostgreSQL") && err.contains("concurrency"), "{err}");
}
