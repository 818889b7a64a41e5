//! `narisumashi match` as a user runs it (the real binary), on hostile input: malformed JSON,
//! missing fields, invalid UTF-8, a 10 MB line, truncated and undecodable images, decompression
//! bombs, non-image files, missing files and avatar URLs. Every line gets its verdict or its
//! `error`, the run goes on, nothing panics, and the exit status follows the contract
//! (0 all judged, 3 some line in error, 2 files unreadable).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn narisumashi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_narisumashi"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("run narisumashi")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("narisumashi-test-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn hostile_lines_each_get_a_verdict_or_an_error() {
    let out = narisumashi(&["match", "--candidates", "tests/fixtures/candidates_hostile.jsonl"]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = lines(&out);
    // 14 physical lines, 2 blank: 12 records, in input order.
    assert_eq!(v.len(), 12);
    for (i, l) in v.iter().enumerate() {
        assert_eq!(l["index"], i);
    }
    let verdicts: Vec<&str> = v.iter().map(|l| l["verdict"].as_str().unwrap_or("")).collect();
    assert_eq!(
        verdicts,
        [
            "suspect", "error", "error", "error", "error", "suspect", "suspect", "clear", "suspect", "clear", "error",
            "genuine"
        ]
    );
    let error = |i: usize| v[i]["error"].as_str().unwrap_or("").to_string();
    assert!(
        error(1).starts_with("line 3: not a valid profile record"),
        "{}",
        error(1)
    );
    assert!(error(2).contains("missing field `display_name`"), "{}", error(2));
    assert!(error(3).contains("myspace"), "{}", error(3));
    assert!(error(4).starts_with("line 6: line is not valid UTF-8"), "{}", error(4));
    assert!(v[1]["target"].is_null() && v[1]["score"] == 0.0);

    let reasons = |i: usize| v[i]["reasons"].to_string();
    assert!(
        reasons(0).contains("declares 100000×100000 pixels"),
        "bomb refused: {}",
        reasons(0)
    );
    assert!(
        reasons(0).contains("0→o"),
        "still judged on name and handle: {}",
        reasons(0)
    );
    assert!(reasons(5).contains("cannot be decoded"), "{}", reasons(5));
    assert!(reasons(6).contains("not a supported image"), "{}", reasons(6));
    assert!(reasons(7).contains("65535×65535"), "{}", reasons(7));
    // The URL is tried through the guarded client; with no route to it, the line is judged
    // without the picture and says why.
    assert!(
        reasons(8).contains("judged without the avatar") && reasons(8).contains("pbs.twimg.com"),
        "{}",
        reasons(8)
    );
    assert!(reasons(9).contains("cannot be read"), "{}", reasons(9));
}

#[test]
fn offline_runs_do_not_fetch_avatar_urls() {
    let out = narisumashi(&[
        "match",
        "--offline",
        "--candidates",
        "tests/fixtures/candidates_hostile.jsonl",
    ]);
    assert_eq!(out.status.code(), Some(3));
    let v = lines(&out);
    assert!(
        v[8]["reasons"].to_string().contains("not fetched (offline run)"),
        "{}",
        v[8]["reasons"]
    );
}

#[test]
fn ten_megabyte_line_is_one_error_and_the_run_goes_on() {
    let dir = temp_dir("long-line");
    let path = dir.join("candidates.jsonl");
    let huge = format!(
        "{{\"platform\":\"x\",\"display_name\":\"{}\"}}",
        "あ".repeat(10 * 1024 * 1024 / 3)
    );
    let body = format!(
        "{{\"platform\":\"x\",\"handle\":\"a\",\"display_name\":\"first\"}}\n{huge}\n{{\"platform\":\"x\",\"handle\":\"HW_Sapp0ro\",\"display_name\":\"after\"}}\n"
    );
    std::fs::write(&path, body).expect("write");
    let out = narisumashi(&["match", "--candidates", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(3));
    let v = lines(&out);
    assert_eq!(v.len(), 3);
    assert_eq!(v[1]["verdict"], "error");
    assert!(
        v[1]["error"]
            .as_str()
            .unwrap_or("")
            .contains("the limit is 1048576 bytes"),
        "{}",
        v[1]
    );
    assert_eq!(v[2]["verdict"], "suspect");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn clean_input_exits_zero_and_missing_files_exit_two() {
    let dir = temp_dir("statuses");
    let path = dir.join("ok.jsonl");
    std::fs::write(
        &path,
        "{\"platform\":\"twitter\",\"handle\":\"@hw_sapporo\",\"display_name\":\"x\"}\n\n",
    )
    .expect("write");
    let out = narisumashi(&["match", "--candidates", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out)[0]["verdict"], "genuine");

    let out = narisumashi(&["match", "--candidates", "tests/fixtures/no-such-file.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.jsonl"));

    let out = narisumashi(&[
        "match",
        "--candidates",
        path.to_str().expect("utf-8 path"),
        "--genuine",
        "tests/fixtures/nope.jsonl",
    ]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn genuine_file_replaces_the_registry() {
    let dir = temp_dir("genuine");
    std::fs::write(dir.join("genuine.jsonl"), "{\"platform\":\"bluesky\",\"handle\":\"city.example.lg.jp\",\"display_name\":\"架空市役所\",\"avatar\":\"a.png\"}\n")
        .expect("write");
    std::fs::copy(Path::new("tests/corpus/avatars/img/g_sap_x.png"), dir.join("a.png")).expect("copy");
    std::fs::copy(Path::new("tests/corpus/avatars/img/g_sap_x.png"), dir.join("b.png")).expect("copy");
    std::fs::write(
        dir.join("candidates.jsonl"),
        "{\"platform\":\"bluesky\",\"handle\":\"city-example.bsky.social\",\"display_name\":\"架空市役所\",\"avatar\":\"b.png\"}\n\
         {\"platform\":\"x\",\"handle\":\"HW_Sapp0ro\",\"display_name\":\"無関係\"}\n",
    )
    .expect("write");
    let out = narisumashi(&[
        "match",
        "--candidates",
        dir.join("candidates.jsonl").to_str().expect("utf-8"),
        "--genuine",
        dir.join("genuine.jsonl").to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v = lines(&out);
    assert_eq!(v[0]["verdict"], "suspect");
    assert_eq!(v[0]["target"]["handle"], "city.example.lg.jp");
    assert!(
        v[0]["reasons"]
            .to_string()
            .contains("picture copies the picture of @city.example.lg.jp (100% agreement)"),
        "{}",
        v[0]["reasons"]
    );
    // The built-in registry is not used: HW_Sapporo is unknown in this run.
    assert_eq!(v[1]["verdict"], "clear");
    std::fs::remove_dir_all(dir).ok();
}

/// A picture host answering "no requests left until an hour from now" (X's
/// `x-rate-limit-remaining: 0` with a far `x-rate-limit-reset`) does not hold the run: each
/// avatar URL has 10 s in all, and the host is not asked again once it has spent them.
#[test]
fn a_far_rate_limit_reset_does_not_hold_the_run() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let asked = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let png = std::fs::read(avatar_fixture()).unwrap();
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let port = listener.local_addr().unwrap().port();
    let counter = asked.clone();
    runtime.spawn(async move {
        let app = axum::Router::new().fallback(move || {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let png = png.clone();
            async move {
                let reset = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_secs()
                    + 3600;
                (
                    [
                        ("content-type", "image/png".to_string()),
                        ("x-rate-limit-limit", "900".to_string()),
                        ("x-rate-limit-remaining", "0".to_string()),
                        ("x-rate-limit-reset", reset.to_string()),
                    ],
                    png,
                )
            }
        });
        axum::serve(listener, app).await.unwrap();
    });
    let dir = temp_dir("far-reset");
    let config = dir.join("narisumashi.toml");
    std::fs::write(&config, "[crawl]\nallowed_hosts = [\"127.0.0.1\"]\n").unwrap();
    let candidates = dir.join("candidates.jsonl");
    let text: String = (0..4)
        .map(|i| {
            format!(
                "{{\"platform\": \"x\", \"handle\": \"pic{i}\", \"display_name\": \"ハローワーク千歳\", \
                 \"avatar\": \"http://127.0.0.1:{port}/profile_images/{i}/a_normal.png\"}}\n"
            )
        })
        .collect();
    std::fs::write(&candidates, text).unwrap();
    let started = std::time::Instant::now();
    let out = narisumashi(&[
        "match",
        "--config",
        config.to_str().unwrap(),
        "--candidates",
        candidates.to_str().unwrap(),
    ]);
    let took = started.elapsed();
    let v = lines(&out);
    assert_eq!(v.len(), 4, "{}", String::from_utf8_lossy(&out.stderr));
    // The first picture arrived; the host's pause then spent the second URL's 10 s, and the
    // rest were not asked for. (Before the bound: 120 s per URL.)
    assert!(took < std::time::Duration::from_secs(60), "{took:?}");
    assert!(asked.load(std::sync::atomic::Ordering::SeqCst) <= 2);
    assert!(
        v[3]["reasons"].to_string().contains("not asked again"),
        "{}",
        v[3]["reasons"]
    );
}

fn avatar_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/avatars/img/a_circle_16.png")
}
