//! `narisumashi fetch` as a person runs it: the binary, a configuration file, and a mock
//! Bluesky AppView and avatar CDN on 127.0.0.1.

// Test code: a failed unwrap is a failed test, with its location.
#![allow(clippy::unwrap_used)]

use std::process::Command;

use axum::Router;
use axum::extract::Query;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;

async fn mock() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let b = base.clone();
    let logo = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/avatars/img/g_sap_x.png"
    ))
    .unwrap();
    let app = Router::new()
        .route(
            "/xrpc/app.bsky.actor.getProfile",
            get(move |Query(q): Query<std::collections::HashMap<String, String>>| {
                let b = b.clone();
                async move {
                    let path = if q.get("actor").map(String::as_str) == Some("hw-sapporo.bsky.social") {
                        "bluesky_get_profile_ok.json"
                    } else {
                        "bluesky_profile_not_found_400.json"
                    };
                    let body = std::fs::read_to_string(format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR")))
                        .unwrap()
                        .replace("AVATAR_BASE", &b);
                    let status = if path.contains("not_found") {
                        StatusCode::BAD_REQUEST
                    } else {
                        StatusCode::OK
                    };
                    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
                }
            }),
        )
        .route(
            "/avatars/hw_sapporo.png",
            get(move || async move { ([(header::CONTENT_TYPE, "image/png")], logo).into_response() }),
        );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base
}

fn run(args: &[&str], dir: &std::path::Path) -> (Option<i32>, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_narisumashi"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let v = text
        .lines()
        .last()
        .map(|l| serde_json::from_str(l).unwrap())
        .unwrap_or(serde_json::Value::Null);
    (out.status.code(), v)
}

#[tokio::test(flavor = "multi_thread")]
async fn fetch_prints_one_profile_record() {
    let base = mock().await;
    let dir = std::env::temp_dir().join(format!("narisumashi-fetch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("narisumashi.toml"),
        format!(
            "[crawl]\nallowed_hosts = [\"127.0.0.1\"]\nrequests_per_second = 100.0\n[bluesky]\nbase = \"{base}\"\n"
        ),
    )
    .unwrap();
    let d = dir.clone();
    let (found, missing, skipped, bad) = tokio::task::spawn_blocking(move || {
        (
            run(&["fetch", "bluesky:hw-sapporo.bsky.social"], &d),
            run(&["fetch", "https://bsky.app/profile/nobody.bsky.social"], &d),
            run(&["fetch", "x:HW_Sapporo"], &d),
            run(&["fetch", "myspace:someone"], &d),
        )
    })
    .await
    .unwrap();

    assert_eq!(found.0, Some(0));
    let r = &found.1;
    assert_eq!(
        (r["platform"].as_str(), r["handle"].as_str(), r["display_name"].as_str()),
        (
            Some("bluesky"),
            Some("hw-sapporo.bsky.social"),
            Some("ハローワーク札幌【公式】")
        )
    );
    assert_eq!(r["outcome"], "found");
    assert_eq!(r["avatar_sha256"].as_str().map(str::len), Some(64));
    assert!(r["avatar_hash"].as_str().is_some_and(|h| h.starts_with("fp3:")), "{r}");

    assert_eq!(missing.0, Some(1));
    assert_eq!(missing.1["outcome"], "not_found");
    assert_eq!(skipped.0, Some(3));
    assert!(
        skipped.1["reason"].as_str().unwrap().contains("bearer token"),
        "{}",
        skipped.1
    );
    assert_eq!(bad.0, Some(2));
    std::fs::remove_dir_all(dir).ok();
}
