//! End-to-end tests of the nightly scan over the demo platform, on SQLite and on a real
//! PostgreSQL server (`NARISUMASHI_TEST_POSTGRES`, set up by scripts/test.sh; set
//! `NARISUMASHI_SKIP_POSTGRES=1` to run on SQLite alone).
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use narisumashi::config::Config;
use narisumashi::demo::{DemoAccount, DemoPlatform, Role, population};
use narisumashi::registry::Registry;
use narisumashi::scan::{self, ScanOptions, Silent};
use narisumashi::store::{Decision, Store, SuspectFilter, SuspectStatus};

use crate::common;

use common::{databases, dump, next, registry};

fn tempdir() -> std::path::PathBuf {
    common::tempdir("scan")
}

fn opts() -> ScanOptions {
    common::scan_options()
}

async fn scan_once(store: &Store, reg: &Registry, config: &Config) -> scan::ScanReport {
    scan::run(store, reg, config, &opts(), Arc::new(Silent)).await.unwrap()
}

fn key_of(a: &DemoAccount) -> (String, String) {
    (a.platform.as_str().to_string(), a.id.clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scan_finds_impostors_and_follows_their_lives() {
    let dir = tempdir();
    let reg = registry();
    for url in databases(&dir).await {
        let demo = DemoPlatform::start(population(&reg, 11)).await.unwrap();
        let mut base = Config::default();
        base.database.url = url.clone();
        let config = demo.config(&base);
        let store = Store::open(&url).await.unwrap();

        // A dry run judges everything and stores nothing (no run, no suspect, no lease).
        let dry = ScanOptions {
            dry_run: true,
            ..opts()
        };
        let preview = scan::run(&store, &reg, &config, &dry, Arc::new(Silent)).await.unwrap();
        assert!(preview.run_id.is_none() || preview.run_id == Some(0), "{url}");
        assert!(preview.would_flag.len() >= 17, "{url}: {}", preview.would_flag.len());
        assert!(store.suspects(&SuspectFilter::default()).await.unwrap().is_empty());
        assert!(store.runs(10).await.unwrap().is_empty(), "{url}");

        // First scan: every planted impostor, no genuine account, no innocent channel.
        let report = scan_once(&store, &reg, &config).await;
        // Every genuine account has a snapshot or a named reason among the run's skipped: those
        // registered by a LINE short link alone are followed to their basic id, and the one
        // published with a host that is not LINE's (kin.ee) says so, without failing the run.
        let snapshots: BTreeSet<String> = store
            .snapshots()
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.account_key)
            .collect();
        let errors = store.run_errors(report.run_id.unwrap()).await.unwrap();
        let skipped: Vec<String> = report.skipped.iter().map(|(_, why)| why.clone()).collect();
        for (org, a) in reg.accounts() {
            let key = narisumashi::scan::account_key(org, a);
            let named = skipped
                .iter()
                .any(|why| why.contains(&format!("({}) not looked up", a.display_name)));
            assert!(
                snapshots.contains(&key) || named,
                "{url}: {key} has neither a snapshot nor a reason"
            );
            if a.url.contains("lin.ee/") {
                assert!(
                    snapshots.contains(&key),
                    "{url}: {key} (short link) not followed: {errors:?}"
                );
            }
            if a.url.contains("kin.ee/") {
                assert!(
                    skipped
                        .iter()
                        .any(|m| m.contains("https://kin.ee/T7nMfHh") && m.contains("registry check")),
                    "{url}: {skipped:?}"
                );
            }
        }
        assert!(errors.is_empty(), "{url}: {errors:?}");
        let suspects = store.suspects(&SuspectFilter::default()).await.unwrap();
        let flagged: BTreeSet<(String, String)> = suspects
            .iter()
            .map(|s| {
                (
                    s.platform.as_str().to_string(),
                    s.platform_id.clone().unwrap_or_default(),
                )
            })
            .collect();
        let people = demo.accounts();
        let role = |k: &(String, String)| people.iter().find(|a| &key_of(a) == k).map(|a| a.role.clone());
        let planted: BTreeSet<_> = people
            .iter()
            .filter(|a| matches!(a.role, Role::Impostor { .. }))
            .map(key_of)
            .collect();
        let missed: Vec<_> = planted.difference(&flagged).collect();
        assert!(missed.is_empty(), "{url}: impostors not found: {missed:?}");
        for k in &flagged {
            let r = role(k);
            assert!(
                matches!(r, Some(Role::Impostor { .. }) | Some(Role::HonestLookalike)),
                "{url}: {k:?} flagged but it is {r:?}"
            );
        }
        assert_eq!(report.new_suspects.len(), suspects.len());
        assert_eq!(
            preview.would_flag.len(),
            suspects.len(),
            "{url}: the dry run saw the same"
        );
        // Each suspect points at the genuine account it imitates.
        for s in &suspects {
            let k = (
                s.platform.as_str().to_string(),
                s.platform_id.clone().unwrap_or_default(),
            );
            if let Some(Role::Impostor { target, .. }) = role(&k) {
                assert_eq!(
                    s.target_key, target,
                    "{url}: {} targets the wrong account",
                    s.display_name
                );
            }
            assert_eq!(store.sightings(s.id).await.unwrap().len(), 1);
            if s.avatar_sha256.is_some() {
                assert!(
                    store
                        .avatar(s.avatar_sha256.as_deref().unwrap())
                        .await
                        .unwrap()
                        .is_some()
                );
            }
        }
        let snapshots = store.snapshots().await.unwrap();
        assert!(snapshots.len() >= 25, "{url}: {} snapshots", snapshots.len());

        // Second scan: nothing duplicated, every suspect sighted again.
        let again = scan_once(&store, &reg, &config).await;
        assert!(again.new_suspects.is_empty(), "{url}: {:?}", again.new_suspects);
        assert_eq!(
            store.suspects(&SuspectFilter::default()).await.unwrap().len(),
            suspects.len()
        );
        for s in &suspects {
            assert_eq!(store.sightings(s.id).await.unwrap().len(), 2);
        }

        // The platform removes a reported impostor: the next scan marks it removed.
        let impostor = suspects
            .iter()
            .find(|s| {
                matches!(
                    role(&(s.platform.as_str().to_string(), s.platform_id.clone().unwrap())),
                    Some(Role::Impostor { .. })
                )
            })
            .unwrap();
        store
            .decide(impostor.id, &Decision::Confirm, "tester", None)
            .await
            .unwrap();
        store
            .decide(
                impostor.id,
                &Decision::Reported { ticket: "X-123".into() },
                "tester",
                None,
            )
            .await
            .unwrap();
        assert!(demo.remove(impostor.platform, impostor.platform_id.as_deref().unwrap()));
        // An honest lookalike is dismissed.
        let honest = suspects
            .iter()
            .find(|s| {
                role(&(s.platform.as_str().to_string(), s.platform_id.clone().unwrap())) == Some(Role::HonestLookalike)
            })
            .unwrap();
        store
            .decide(
                honest.id,
                &Decision::Dismiss {
                    reason: "個人のアカウント".into(),
                },
                "tester",
                None,
            )
            .await
            .unwrap();
        let third = scan_once(&store, &reg, &config).await;
        assert_eq!(third.removed.len(), 1, "{url}: {:?}", third.removed);
        assert_eq!(third.removed[0].id, Some(impostor.id));
        let gone = store.suspect(impostor.id).await.unwrap().unwrap();
        assert_eq!(gone.status, SuspectStatus::Removed);
        assert!(gone.removed_at.is_some());
        assert_eq!(gone.reported_ticket.as_deref(), Some("X-123"));
        // The dismissed account is not flagged again.
        assert!(third.new_suspects.is_empty() && third.reopened.is_empty(), "{url}");
        assert_eq!(
            store.suspect(honest.id).await.unwrap().unwrap().status,
            SuspectStatus::Dismissed
        );

        // The dismissed account renames itself after the office it resembles: reopened.
        {
            let world = demo.world();
            let mut w = world.write().unwrap();
            let target = reg
                .accounts()
                .find(|(o, a)| scan::account_key(o, a) == honest.target_key)
                .map(|(_, a)| a.display_name.clone())
                .unwrap();
            let acc = w
                .accounts
                .iter_mut()
                .find(|a| a.id == honest.platform_id.clone().unwrap())
                .unwrap();
            acc.name = format!("【公式】{}", target.trim_start_matches('@'));
        }
        let fourth = scan_once(&store, &reg, &config).await;
        assert_eq!(
            fourth.reopened.iter().map(|f| f.id).collect::<Vec<_>>(),
            vec![Some(honest.id)],
            "{url}"
        );
        let events = store.events(honest.id).await.unwrap();
        assert_eq!(
            events.iter().map(|e| e.to_status.as_str()).collect::<Vec<_>>(),
            ["new", "dismissed", "new"]
        );

        // A genuine account renames: recorded as a change.
        {
            let world = demo.world();
            let mut w = world.write().unwrap();
            let acc = w
                .accounts
                .iter_mut()
                .find(|a| matches!(a.role, Role::Genuine(_)))
                .unwrap();
            acc.name = "乗っ取られました".into();
        }
        let fifth = scan_once(&store, &reg, &config).await;
        assert_eq!(
            fifth.genuine_changes.iter().filter(|c| c.1 == "name").count(),
            1,
            "{url}: {:?}",
            fifth.genuine_changes
        );
        let runs = store.runs(10).await.unwrap();
        assert_eq!(runs.len(), 5);
        assert!(
            runs.iter()
                .all(|r| r.status.as_str() == "finished" && r.units_done == r.units_total)
        );
        store.close().await;
    }
}

/// Discovery reaches every kind of one-step lookalike handle: on Instagram (one request a
/// probe, 25 probes an account a night), impostors made with the last permutation of each
/// kind are all requested and flagged within the nights the rotation states.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_lookalike_handle_is_probed_and_flagged_within_the_stated_nights() {
    use narisumashi::discover::{PROBES_PER_ACCOUNT, PermutationKind, nights_to_cover, permutations};
    use narisumashi::platform::Platform;
    let dir = tempdir();
    let reg = registry();
    let (org, genuine) = reg
        .accounts()
        .find(|(_, a)| a.platform == Platform::Instagram && a.handle.as_deref() == Some("mhw.sapporo"))
        .unwrap();
    let key = narisumashi::scan::account_key(org, genuine);
    let all = permutations(Platform::Instagram, "mhw.sapporo");
    let nights = nights_to_cover(all.len(), PROBES_PER_ACCOUNT);
    let planted: Vec<String> = PermutationKind::ALL
        .iter()
        .filter_map(|k| all.iter().rev().find(|p| p.kind == *k).map(|p| p.handle.clone()))
        .collect();
    assert_eq!(planted.len(), PermutationKind::ALL.len(), "{planted:?}");
    let url = &databases(&dir).await[0];
    let demo = DemoPlatform::start(population(&reg, 11)).await.unwrap();
    for (i, h) in planted.iter().enumerate() {
        demo.add(DemoAccount {
            platform: Platform::Instagram,
            handle: Some(h.clone()),
            id: format!("9900000000000{i:02}"),
            name: genuine.display_name.clone(),
            bio: "公式アカウントです。".into(),
            avatar: None,
            followers: 12,
            role: Role::Impostor {
                target: key.clone(),
                technique: "one-step lookalike handle",
            },
        });
    }
    let mut base = Config::default();
    base.database.url = url.clone();
    let config = demo.config(&base);
    let store = Store::open(url).await.unwrap();
    for _ in 0..nights {
        scan_once(&store, &reg, &config).await;
    }
    let flagged: BTreeSet<String> = store
        .suspects(&SuspectFilter::default())
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.platform.as_str() == "instagram")
        .filter_map(|s| s.handle)
        .collect();
    let missed: Vec<&String> = planted.iter().filter(|h| !flagged.contains(*h)).collect();
    assert!(missed.is_empty(), "not flagged within {nights} nights: {missed:?}");
    store.close().await;
}

/// Only the platform's word removes a case: X suspending an impostor ("User has been
/// suspended") marks it removed; Instagram's business discovery answering 110/2207013 for a
/// removed impostor does not, since it answers the same for personal accounts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_is_closed_only_on_the_platforms_evidence_of_removal() {
    let dir = tempdir();
    let reg = registry();
    for url in databases(&dir).await {
        let demo = DemoPlatform::start(population(&reg, 11)).await.unwrap();
        let mut base = Config::default();
        base.database.url = url.clone();
        let config = demo.config(&base);
        let store = Store::open(&url).await.unwrap();
        scan_once(&store, &reg, &config).await;
        let suspects = store.suspects(&SuspectFilter::default()).await.unwrap();
        let people = demo.accounts();
        let impostor_on = |platform: &str| {
            suspects
                .iter()
                .find(|s| {
                    s.platform.as_str() == platform
                        && people.iter().any(|a| {
                            key_of(a)
                                == (
                                    s.platform.as_str().to_string(),
                                    s.platform_id.clone().unwrap_or_default(),
                                )
                                && matches!(a.role, Role::Impostor { .. })
                        })
                })
                .unwrap_or_else(|| panic!("{url}: no {platform} impostor flagged"))
                .clone()
        };
        let (on_x, on_ig) = (impostor_on("x"), impostor_on("instagram"));
        for s in [&on_x, &on_ig] {
            store.decide(s.id, &Decision::Confirm, "tester", None).await.unwrap();
            let reported = Decision::Reported { ticket: "T-1".into() };
            store.decide(s.id, &reported, "tester", None).await.unwrap();
            assert!(demo.remove(s.platform, s.platform_id.as_deref().unwrap()));
        }
        let next = scan_once(&store, &reg, &config).await;
        let removed: Vec<Option<i64>> = next.removed.iter().map(|r| r.id).collect();
        assert_eq!(removed, vec![Some(on_x.id)], "{url}");
        assert_eq!(
            store.suspect(on_x.id).await.unwrap().unwrap().status,
            SuspectStatus::Removed
        );
        assert_eq!(
            store.suspect(on_ig.id).await.unwrap().unwrap().status,
            SuspectStatus::Reported,
            "{url}: not visible is no evidence of removal"
        );
        let run = next.run_id.unwrap();
        let counts = store.run_counts(run).await.unwrap();
        let of = |p: &str| counts.iter().find(|c| c.platform.as_str() == p).unwrap().clone();
        assert!(of("x").gone >= 1, "{url}: {:?}", of("x"));
        assert!(of("instagram").not_visible >= 1, "{url}: {:?}", of("instagram"));
        store.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn second_scan_is_refused_while_one_holds_the_lease() {
    let dir = tempdir();
    let reg = registry();
    for url in databases(&dir).await {
        let store = Store::open(&url).await.unwrap();
        let other = narisumashi::store::Holder("elsewhere:1:1".into());
        store.acquire_lock(&other, 300).await.unwrap();
        let err = scan::run(&store, &reg, &Config::default(), &opts(), Arc::new(Silent))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("another scan is running"), "{err}");
        // A dead process on this host does not hold it.
        let me = narisumashi::store::Holder::this_process();
        let host = me.0.split(':').next().unwrap().to_string();
        store.release_lock(&other).await.unwrap();
        let dead = narisumashi::store::Holder(format!("{host}:999999999:1"));
        store.acquire_lock(&dead, 300).await.unwrap();
        store.acquire_lock(&me, 300).await.unwrap();
        store.close().await;
    }
}

/// Two scans asking for a free lease at the same instant, from two connections as two
/// processes would: one gets it, the other is told who holds it, on both databases; and a scan
/// whose lease is taken over stops.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_scans_racing_for_the_lease_get_one_holder() {
    let dir = tempdir();
    for url in databases(&dir).await {
        let (a, b) = (Store::open(&url).await.unwrap(), Store::open(&url).await.unwrap());
        for round in 0..20 {
            let (ha, hb) = (
                narisumashi::store::Holder(format!("host-a:{round}:1")),
                narisumashi::store::Holder(format!("host-b:{round}:1")),
            );
            let (ra, rb) = tokio::join!(a.acquire_lock(&ha, 300), b.acquire_lock(&hb, 300));
            assert!(
                ra.is_ok() != rb.is_ok(),
                "{url} round {round}: exactly one holder ({ra:?}, {rb:?})"
            );
            let (winner, loser, err) = if ra.is_ok() { (&ha, &hb, rb) } else { (&hb, &ha, ra) };
            let err = err.unwrap_err().to_string();
            assert!(err.contains(&winner.0), "{url}: the refusal names the holder: {err}");
            assert!(
                a.heartbeat(loser, None).await.is_err(),
                "{url}: the loser holds nothing"
            );
            a.release_lock(winner).await.unwrap();
        }
        a.close().await;
        b.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn processes_opening_a_new_database_at_once_both_succeed() {
    let dir = tempdir();
    for url in databases(&dir).await {
        // Separate processes in real life (serve and a manual scan); separate pools here,
        // which race the same way.
        let opens: Vec<_> = (0..8)
            .map(|_| {
                let url = url.clone();
                tokio::spawn(async move { Store::open(&url).await })
            })
            .collect();
        for o in opens {
            let store = o.await.unwrap().unwrap_or_else(|e| panic!("{url}: {e}"));
            let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
                .fetch_one(store.pool())
                .await
                .unwrap();
            let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
                .unwrap()
                .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "sql"))
                .count();
            assert_eq!(applied, files as i64, "{url}: every migration applied once");
            store.close().await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn databases_of_both_releases_of_migration_8_open_and_lose_the_fingerprint_cache() {
    // 0008 was released with a fingerprint-cache table, then for one day without it; the
    // file is back as first released and 0009 drops the table. A database migrated by the
    // second release carries that file's checksum, which must not be refused as modified.
    let dir = tempdir();
    let second_release =
        "c9bd1cc0f623b94bb5608ca45d5a30303cdb0f11bcb9f5e41ca1b5cf70501b2e8f980ad4f4f892dd402720589035762a";
    let bytes: Vec<u8> = (0..second_release.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&second_release[i..i + 2], 16).unwrap())
        .collect();
    for url in databases(&dir).await {
        let store = Store::open(&url).await.unwrap();
        let cache: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE version = 9")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(cache, 1, "{url}: 0009 applied");
        assert!(
            sqlx::query("SELECT 1 FROM fingerprints")
                .fetch_all(store.pool())
                .await
                .is_err(),
            "{url}: the fingerprint cache is dropped"
        );
        // As the second release left it: its checksum for 0008, 0009 not yet applied.
        let current: Vec<u8> = sqlx::query_scalar("SELECT checksum FROM _sqlx_migrations WHERE version = 8")
            .fetch_one(store.pool())
            .await
            .unwrap();
        sqlx::query("UPDATE _sqlx_migrations SET checksum = $1 WHERE version = 8")
            .bind(bytes.clone())
            .execute(store.pool())
            .await
            .unwrap();
        sqlx::query("DELETE FROM _sqlx_migrations WHERE version = 9")
            .execute(store.pool())
            .await
            .unwrap();
        store.close().await;
        let status = Store::inspect(&url).await.unwrap();
        assert!(status.modified.is_empty(), "{url}: {status:?}");
        let store = Store::open(&url).await.unwrap_or_else(|e| panic!("{url}: {e}"));
        let after: Vec<u8> = sqlx::query_scalar("SELECT checksum FROM _sqlx_migrations WHERE version = 8")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(after, current, "{url}: today's checksum recorded");
        store.close().await;
    }
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_narisumashi")
}

fn run_scan(config: &std::path::Path) -> std::process::Child {
    Command::new(binary())
        .args(["scan", "--config"])
        .arg(config)
        .arg("--seeds")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scan_killed_mid_run_resumes_to_the_same_database() {
    let dir = tempdir();
    let reg = registry();
    let urls = databases(&dir).await;
    let more = databases(&dir).await;
    for (straight, killed) in urls.iter().zip(&more) {
        let demo = DemoPlatform::start(population(&reg, 5)).await.unwrap();
        // Uninterrupted.
        let cfg_a = dir.join(format!("a{}.toml", next()));
        std::fs::write(&cfg_a, demo.config_toml(straight)).unwrap();
        let status = run_scan(&cfg_a).wait().unwrap();
        assert!(matches!(status.code(), Some(0 | 3)), "{status:?}");
        // A cut list says how much it leaves out; `--all` leaves out nothing.
        let list = |extra: &[&str]| {
            let out = Command::new(binary())
                .args(["suspects", "--database", straight.as_str()])
                .args(extra)
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            (
                String::from_utf8_lossy(&out.stdout).lines().count() - 1,
                String::from_utf8_lossy(&out.stderr).to_string(),
            )
        };
        let (all, note) = list(&["--all"]);
        assert!(all > 2 && note.is_empty(), "{all} {note}");
        let (two, note) = list(&["--limit", "2"]);
        assert_eq!(two, 2);
        assert!(note.contains(&format!("showing 2 of {all} suspects")), "{note}");

        // Slowed down, killed with SIGKILL once some units are committed, then rerun.
        demo.set_latency(Duration::from_millis(25));
        let cfg_b = dir.join(format!("b{}.toml", next()));
        std::fs::write(&cfg_b, demo.config_toml(killed)).unwrap();
        let mut child = run_scan(&cfg_b);
        let store = Store::open(killed).await.unwrap();
        let started = Instant::now();
        loop {
            let done: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scan_units")
                .fetch_one(store.pool())
                .await
                .unwrap_or(0);
            if done >= 40 {
                break;
            }
            assert!(
                child.try_wait().unwrap().is_none(),
                "the scan ended before it could be killed"
            );
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the scan made no progress"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let run = store
            .unfinished_run()
            .await
            .unwrap()
            .expect("the killed run stays running");
        assert!(run.units_done < run.units_total, "{run:?}");
        store.close().await;
        demo.set_latency(Duration::ZERO);
        let status = run_scan(&cfg_b).wait().unwrap();
        assert!(matches!(status.code(), Some(0 | 3)), "{status:?}");

        let (a, b) = (dump(straight).await, dump(killed).await);
        assert!(a.len() > 100, "{a:?}");
        if a != b {
            let diff: Vec<_> = a
                .iter()
                .filter(|l| !b.contains(l))
                .map(|l| format!("- {l}"))
                .chain(b.iter().filter(|l| !a.contains(l)).map(|l| format!("+ {l}")))
                .collect();
            panic!(
                "{killed}: database differs after the killed and resumed scan:\n{}",
                diff.join("\n")
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_runs_scheduled_scans_one_after_another_and_logs_a_line_each() {
    let dir = tempdir();
    let reg = registry();
    for url in databases(&dir).await {
        let demo = DemoPlatform::start(population(&reg, 3)).await.unwrap();
        let cfg = dir.join(format!("serve{}.toml", next()));
        std::fs::write(&cfg, demo.config_toml(&url)).unwrap();
        // Every second (six fields: seconds first); the scans take longer than that, so the
        // slots they outlast are skipped rather than run twice.
        let mut child = Command::new(binary())
            .args([
                "serve",
                "--schedule",
                "* * * * * *",
                "--max-runs",
                "2",
                "--listen",
                "127.0.0.1:0",
                "--health-listen",
                "127.0.0.1:0",
                "--config",
            ])
            .arg(&cfg)
            .arg("--seeds")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The review UI is served while the scans run.
        let stdout = child.stdout.take().unwrap();
        let (first, second) = tokio::task::spawn_blocking(move || {
            let mut r = std::io::BufReader::new(stdout);
            let (mut a, mut b) = (String::new(), String::new());
            std::io::BufRead::read_line(&mut r, &mut a).unwrap();
            std::io::BufRead::read_line(&mut r, &mut b).unwrap();
            (a, b)
        })
        .await
        .unwrap();
        let ui = first.trim().strip_prefix("review UI at ").expect(&first).to_string();
        let login = reqwest::get(format!("{ui}login")).await.unwrap();
        assert_eq!(login.status(), 200, "{url}");
        assert!(login.text().await.unwrap().contains("name=\"password\""));
        // And the health endpoints, on their own loopback listener.
        let health = second.trim().strip_prefix("health at ").expect(&second).to_string();
        assert!(health.starts_with("http://127.0.0.1:"), "{health}");
        assert_eq!(reqwest::get(&health).await.unwrap().status(), 200, "{url}");
        let out = tokio::task::spawn_blocking(move || child.wait_with_output())
            .await
            .unwrap()
            .unwrap();
        assert!(out.status.success(), "{url}: {}", String::from_utf8_lossy(&out.stderr));
        let log = String::from_utf8_lossy(&out.stderr);
        let summaries: Vec<&str> = log.lines().filter(|l| l.contains(" finished in ")).collect();
        assert_eq!(summaries.len(), 2, "{url}: {log}");
        assert!(
            summaries[0].contains("scan #1 finished") && summaries[1].contains("scan #2 finished"),
            "{log}"
        );
        let store = Store::open(&url).await.unwrap();
        let mut runs = store.runs(10).await.unwrap();
        runs.reverse();
        assert_eq!(runs.len(), 2, "{url}");
        assert!(
            runs.iter()
                .all(|r| r.trigger_kind == "schedule" && r.finished_at.is_some())
        );
        // Never overlapping: the second started after the first finished.
        assert!(runs[1].started_at >= runs[0].finished_at.unwrap(), "{url}: {runs:?}");
        store.close().await;
    }
}

/// `scan --plan` says, for the configured quotas, which accounts tonight's scan covers on each
/// quota-bound platform and in how many nights every account is covered; the windows of those
/// nights cover the whole registry within the budget.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_covers_every_account_within_the_stated_nights_and_the_budget() {
    use narisumashi::discover::Plan;
    use narisumashi::matching::Genuine;
    use narisumashi::platform::Platform;
    let dir = tempdir();
    let reg = registry();
    let mut config = Config::default();
    config.youtube.api_key = Some("configured".into());
    config.youtube.quota_budget = 2_000;
    config.instagram.ig_user_id = Some("configured".into());
    config.instagram.access_token = Some("configured".into());
    config.instagram.calls_per_night = Some(300);
    let genuine = Genuine::from_registry(&reg);
    let open = [(Platform::Youtube, 3), (Platform::Instagram, 5)];
    let first = Plan::new(&genuine, &Platform::ALL, &config, &open, 1);
    assert_eq!(first.platforms.len(), 2, "YouTube and Instagram have quotas");
    for p in &first.platforms {
        assert!(p.nights > 1, "{:?}: the small budget makes it rotate", p.platform);
        let mut covered = vec![false; genuine.len()];
        for night in 1..=p.nights as u64 {
            let plan = Plan::new(&genuine, &Platform::ALL, &config, &open, night);
            let q = plan.platforms.iter().find(|x| x.platform == p.platform).unwrap();
            assert!(q.fixed + q.per_night as u64 * q.per_account <= q.budget, "{q:?}");
            for (i, c) in covered.iter_mut().enumerate() {
                *c |= plan.discovers(p.platform, i);
            }
        }
        assert!(
            covered.iter().all(|c| *c),
            "{:?} within {} nights",
            p.platform,
            p.nights
        );
    }
    // The command prints it, and scans nothing.
    let path = dir.join("plan.toml");
    let db = dir.join("plan.db");
    std::fs::write(
        &path,
        format!(
            "[youtube]\napi_key = \"k\"\nquota_budget = 2000\n[instagram]\nig_user_id = \"1\"\naccess_token = \"t\"\ncalls_per_night = 300\n[database]\nurl = {:?}\n",
            db.display().to_string()
        ),
    )
    .unwrap();
    let o = Command::new(binary())
        .args([
            "--seeds",
            concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"),
            "scan",
            "--plan",
            "--config",
        ])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for p in &first.platforms {
        assert!(
            text.contains(&format!("every account at least once every {} nights", p.nights)),
            "{text}"
        );
    }
    let store = Store::open(&format!("sqlite://{}", db.display())).await.unwrap();
    assert!(store.runs(1).await.unwrap().is_empty(), "a plan scans nothing");
    store.close().await;

    // A scan under a small YouTube budget records its reach, and `scans` shows it.
    let demo = DemoPlatform::start(population(&reg, 11)).await.unwrap();
    let url = &databases(&dir).await[0];
    let mut base = Config::default();
    base.database.url = url.clone();
    let mut config = demo.config(&base);
    config.youtube.quota_budget = 1_500;
    let store = Store::open(url).await.unwrap();
    let report = scan_once(&store, &reg, &config).await;
    let run = store.runs(1).await.unwrap().remove(0);
    assert_eq!(Some(run.id), report.run_id);
    let yt = run
        .coverage()
        .into_iter()
        .find(|c| c.platform.as_str() == "youtube")
        .expect("youtube is quota-bound");
    assert!(yt.nights > 1 && yt.per_night < yt.accounts, "{yt:?}");
    assert!(
        report.errors.is_empty(),
        "within the budget nothing is blocked: {:?}",
        report.errors
    );
    store.close().await;
    let o = Command::new(binary())
        .args(["scans", "--database", url])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(&format!(
            "youtube {}/{} ({} nights)",
            yt.per_night, yt.accounts, yt.nights
        )),
        "{text}"
    );
}

/// README's main command (`demo`) prints review commands that work exactly as printed from
/// another working directory: the program as it can be typed, the database by its full path.
#[test]
fn the_demos_review_commands_work_as_printed_from_another_directory() {
    let dir = tempdir();
    let (here, elsewhere) = (dir.join("here"), dir.join("elsewhere"));
    std::fs::create_dir_all(&here).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    // The per-user data directory, as a login shell would have it (never the real one).
    let data = dir.join("data");
    let o = Command::new(binary())
        .args(["--seeds", concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"), "demo"])
        .current_dir(&here)
        .env("XDG_DATA_HOME", &data)
        .env_remove(narisumashi::config::ENV_DATABASE_URL)
        .output()
        .unwrap();
    assert!(
        data.join("narisumashi/narisumashi.db").exists() && !here.join("narisumashi.db").exists(),
        "the demo's database is in the data directory, not where it ran"
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    let printed = |what: &str| -> Vec<String> {
        let line = text
            .lines()
            .skip_while(|l| !l.starts_with("How to review:"))
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("no {what} line in {text}"));
        let command = line.split(" # ").next().unwrap().trim();
        command.split_whitespace().map(str::to_string).collect()
    };
    let run = |words: Vec<String>| {
        let o = Command::new(&words[0])
            .args(&words[1..])
            .current_dir(&elsewhere)
            .env("XDG_DATA_HOME", &data)
            .env_remove(narisumashi::config::ENV_DATABASE_URL)
            .output()
            .unwrap();
        assert!(o.status.success(), "{words:?}: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).to_string()
    };
    let queue = run(printed(" suspects "));
    let rows = queue
        .lines()
        .filter(|l| l.split_whitespace().nth(1) == Some("new"))
        .count();
    assert!(rows > 0, "the queue from elsewhere is the demo's: {queue}");
    assert!(
        run(printed(" scans ")).lines().any(|l| l.starts_with("1 ")),
        "run #1 is listed"
    );
    // A scan's findings for Excel: what run #1 flagged, every row, a BOM and Japanese headers;
    // a run that does not exist has none.
    let db = printed(" suspects ");
    let csv_of = |number: &str| {
        let mut words = db.clone();
        words.extend(["--run".into(), number.into(), "--format".into(), "csv".into()]);
        run(words)
    };
    let found = csv_of("1");
    assert!(found.starts_with('\u{FEFF}'), "{found}");
    assert_eq!(
        found.lines().count() - 1,
        rows,
        "every suspect the demo's scan found: {found}"
    );
    assert_eq!(csv_of("99").lines().count(), 1, "a header alone");
    // Without --database, from anywhere: the same database.
    let bare = run(vec![binary().into(), "suspects".into()]);
    assert_eq!(bare, queue, "suspects without --database reads the same queue");
    // A read command on a database that does not exist says so, fails and creates nothing.
    let missing = elsewhere.join("missing.db");
    for command in [&["suspects"][..], &["scans"], &["suspect", "show", "1"]] {
        let o = Command::new(binary())
            .args(command)
            .arg("--database")
            .arg(&missing)
            .current_dir(&elsewhere)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            !o.status.success() && err.contains("there is no database at"),
            "{command:?}: {err}"
        );
        assert!(!missing.exists(), "{command:?} created the database");
    }
    assert!(
        !elsewhere.join("narisumashi.db").exists(),
        "nothing was created where the commands ran"
    );
}
