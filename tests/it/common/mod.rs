//! Helpers shared by the integration tests that need databases: a fresh temporary directory,
//! the seeds' registry, and the databases to run on (an SQLite file, plus a new PostgreSQL
//! database when `NARISUMASHI_TEST_POSTGRES` names a server, as scripts/test.sh arranges).
#![allow(dead_code, clippy::unwrap_used)] // not every test module uses every helper

pub mod smtp;
pub mod web;

use std::sync::atomic::{AtomicUsize, Ordering};

use narisumashi::registry::Registry;

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
