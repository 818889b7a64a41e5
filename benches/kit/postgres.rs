//! PostgreSQL databases for the benchmarks: a fresh one per measurement, dropped after it (left
//! behind, months of runs filled the server).
#![allow(dead_code, clippy::expect_used)] // not every benchmark uses both; a failure is a failed run

/// A new, empty database `narisumashi_bench_<pid><suffix>` on the server `admin` names.
pub async fn fresh(admin: &str, suffix: &str) -> String {
    let name = format!("narisumashi_bench_{}{suffix}", std::process::id());
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(admin)
        .await
        .expect("PostgreSQL");
    for sql in [
        format!("DROP DATABASE IF EXISTS {name}"),
        format!("CREATE DATABASE {name}"),
    ] {
        sqlx::Executor::execute(&mut conn, sql.as_str())
            .await
            .expect("create database");
    }
    let (base, _) = admin.rsplit_once('/').expect("database URL");
    format!("{base}/{name}")
}

/// Drops the database `url` names (errors ignored: a benchmark's cleanup).
pub async fn drop(admin: &str, url: &str) {
    let Some((_, name)) = url.rsplit_once('/') else { return };
    if let Ok(mut conn) = <sqlx::PgConnection as sqlx::Connection>::connect(admin).await {
        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        let _ = sqlx::Executor::execute(&mut conn, sql.as_str()).await;
    }
}
