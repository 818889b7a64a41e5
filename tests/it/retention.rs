//! Retention and backups, on SQLite and PostgreSQL: `purge` removes the evidence of suspects
//! dismissed long enough ago (sightings, bio, pictures nothing else refers to) and exactly what
//! its dry run said, keeping the dismissal, events and everything of other cases; `backup`
//! copies a live SQLite database consistently.
#![allow(clippy::unwrap_used)]

use crate::common;

use std::collections::BTreeMap;

use common::web::fixture;
use narisumashi::store::{Decision, Store};

/// Row counts and the set of pictures, to compare before and after.
async fn census(store: &Store) -> (BTreeMap<&'static str, i64>, Vec<String>) {
    let mut counts = BTreeMap::new();
    for table in [
        "suspects",
        "sightings",
        "suspect_events",
        "genuine_snapshots",
        "scan_runs",
        "audit_log",
        "users",
    ] {
        let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(store.pool())
            .await
            .unwrap();
        counts.insert(table, n);
    }
    let shas: Vec<(String,)> = sqlx::query_as("SELECT sha256 FROM avatars ORDER BY sha256")
        .fetch_all(store.pool())
        .await
        .unwrap();
    (counts, shas.into_iter().map(|(s,)| s).collect())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn purge_removes_the_evidence_of_old_dismissals_and_nothing_else() {
    let dir = common::tempdir("retention");
    for url in common::databases(&dir).await {
        let f = fixture(&url).await;
        let store = &f.store;
        // Two dismissals: one 100 days old, one from today.
        let (old, recent) = (f.own_suspects[0], f.own_suspects[1]);
        for id in [old, recent] {
            store
                .decide(
                    id,
                    &Decision::Dismiss {
                        reason: "同名の別団体".into(),
                    },
                    "reviewer",
                    None,
                )
                .await
                .unwrap();
        }
        sqlx::query("UPDATE suspects SET status_changed_at = status_changed_at - 100 * 86400 WHERE id = $1")
            .bind(old)
            .execute(store.pool())
            .await
            .unwrap();
        let old_row = store.suspect(old).await.unwrap().unwrap();
        let old_sha = old_row.avatar_sha256.clone().unwrap();
        let (before, shas_before) = census(store).await;

        let plan = store.purge(90 * 86_400, true, "test").await.unwrap();
        assert_eq!(plan.suspects, vec![old], "{url}");
        assert!(plan.sightings >= 1);
        assert_eq!(census(store).await.0, before, "{url}: a dry run changes nothing");

        let done = store.purge(90 * 86_400, false, "test").await.unwrap();
        assert_eq!(
            (done.suspects.clone(), done.sightings, done.avatars.clone()),
            (plan.suspects.clone(), plan.sightings, plan.avatars.clone()),
            "{url}: the purge removes what its dry run said"
        );
        let (after, shas_after) = census(store).await;
        assert_eq!(after["sightings"], before["sightings"] - done.sightings, "{url}");
        for table in ["suspects", "suspect_events", "genuine_snapshots", "scan_runs", "users"] {
            assert_eq!(after[table], before[table], "{url}: {table}");
        }
        assert_eq!(
            after["audit_log"],
            before["audit_log"] + 1,
            "{url}: the purge is audited"
        );
        let removed: Vec<&String> = shas_before.iter().filter(|s| !shas_after.contains(s)).collect();
        assert_eq!(removed, done.avatars.iter().collect::<Vec<_>>(), "{url}");
        // The old dismissal stays as an allow-list entry, its evidence gone.
        let row = store.suspect(old).await.unwrap().unwrap();
        assert_eq!(row.status.as_str(), "dismissed");
        assert_eq!(row.dismissed_name, old_row.dismissed_name);
        assert_eq!((row.bio, row.url, row.avatar_sha256), (None, None, None));
        assert!(store.sightings(old).await.unwrap().is_empty());
        assert!(!store.events(old).await.unwrap().is_empty(), "{url}: the history stays");
        // Its picture went unless something else still shows it.
        let (refs,): (i64,) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM suspects WHERE avatar_sha256 = $1) \
             + (SELECT COUNT(*) FROM sightings WHERE avatar_sha256 = $1) \
             + (SELECT COUNT(*) FROM genuine_snapshots WHERE avatar_sha256 = $1)",
        )
        .bind(&old_sha)
        .fetch_one(store.pool())
        .await
        .unwrap();
        assert_eq!(done.avatars.contains(&old_sha), refs == 0, "{url}");
        assert_eq!(shas_after.contains(&old_sha), refs > 0, "{url}");
        // The recent dismissal and every open case keep their evidence.
        assert!(!store.sightings(recent).await.unwrap().is_empty(), "{url}");
        assert!(store.suspect(recent).await.unwrap().unwrap().avatar_sha256.is_some());
        for id in &f.own_suspects[2..] {
            assert!(!store.sightings(*id).await.unwrap().is_empty(), "{url}: #{id}");
        }
        // A second purge finds nothing more.
        let again = store.purge(90 * 86_400, false, "test").await.unwrap();
        assert!(
            again.suspects.is_empty() && again.avatars.is_empty(),
            "{url}: {again:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_copies_a_live_sqlite_database() {
    let dir = common::tempdir("backup");
    let url = common::databases(&dir).await.remove(0);
    let f = fixture(&url).await;
    // The UI is serving from the database while the copy is made.
    let mut c = common::web::Client::logged_in(&f.base, "reviewer").await;
    assert_eq!(c.get("/suspects").await.status, 200);
    let copy = dir.join("copy.db");
    let bytes = f.store.backup(&copy).await.unwrap();
    assert!(bytes > 0);
    assert!(
        f.store.backup(&copy).await.is_err(),
        "an existing file is not overwritten"
    );
    // The database and its copy hold password hashes: readable by their owner only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let database = narisumashi::store::sqlite_path(&url).unwrap();
        for file in [std::path::PathBuf::from(database), copy.clone()] {
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", file.display());
        }
    }
    let backup = Store::open(&format!("sqlite://{}", copy.display())).await.unwrap();
    let (a, sa) = census(&f.store).await;
    let (b, sb) = census(&backup).await;
    assert_eq!((a, sa), (b, sb));
    backup.close().await;
}
