//! Hostile load against a running `serve` (this build's release binary, on loopback, SQLite):
//!
//! - **login storm**: 500 log-ins sent at once with made-up names, and a real log-in among
//!   them; then 500 wrong passwords spread over 100 existing names (5 each, the most that are
//!   verified), and a real log-in among them;
//! - **half-open sockets**: 3,000 connections that send half a request line and wait, and real
//!   page requests on new connections meanwhile.
//!
//! It prints, per scenario, the real request's time and status and the server's peak
//! resident memory (`VmHWM`). Memory is not a time, so this is a plain program rather than
//! criterion: `cargo bench --bench hostile`.
#![allow(clippy::unwrap_used, missing_docs)]

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use narisumashi::store::{Role, Store};

const PASSWORD: &str = "correct horse battery";
const STORM: usize = 500;
const KNOWN_NAMES: usize = 100;
const HALF_OPEN: usize = 3_000;

#[path = "../tests/it/common/serve.rs"]
mod serve_process;
use serve_process::Serve;

/// The login form's token (its cookie and hidden field carry the same value).
async fn login_token(http: &reqwest::Client, base: &str) -> String {
    let page = http.get(format!("{base}/login")).send().await.unwrap();
    let cookie = page
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("nrs_login="))
        .map(|c| c.split(';').next().unwrap_or("").to_string())
        .unwrap();
    let _ = page.text().await;
    cookie
}

async fn post_login(http: &reqwest::Client, base: &str, token: &str, name: &str, password: &str) -> (u16, u64) {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("csrf", token),
            ("username", name),
            ("password", password),
            ("next", "/"),
        ])
        .finish();
    match http
        .post(format!("{base}/login"))
        .header("cookie", format!("nrs_login={token}"))
        .header("origin", base)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
    {
        Ok(r) => {
            let retry = r
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            (r.status().as_u16(), retry)
        }
        Err(_) => (0, 0),
    }
}

/// A person logging in during the storm: the form, then the post; on "busy" (429) they try
/// again after the `Retry-After` the answer gives (the page asks them to in a few seconds). Time to the session, and the tries.
async fn real_login(base: &str) -> (Duration, u16, u32) {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let mut tries = 0;
    loop {
        tries += 1;
        let token = login_token(&http, base).await;
        let (status, retry_after) = post_login(&http, base, &token, "reviewer", PASSWORD).await;
        if status != 429 || tries >= 5 || started.elapsed() > Duration::from_secs(30) {
            return (started.elapsed(), status, tries);
        }
        tokio::time::sleep(Duration::from_secs(retry_after.max(1))).await;
    }
}

/// `STORM` log-ins at once (names from `name`), and a real log-in 20 ms into them.
async fn storm(serve: &Serve, name: impl Fn(usize) -> String) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let token = login_token(&http, &serve.base).await;
    let started = Instant::now();
    let attempts: Vec<_> = (0..STORM)
        .map(|i| {
            let (http, base, token, name) = (http.clone(), serve.base.clone(), token.clone(), name(i));
            tokio::spawn(async move { post_login(&http, &base, &token, &name, "not the password 1").await.0 })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(20)).await;
    let (real, status, tries) = real_login(&serve.base).await;
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for a in attempts {
        *statuses.entry(a.await.unwrap()).or_default() += 1;
    }
    let all = started.elapsed();
    let (peak, now) = serve.memory_mib();
    format!(
        "real log-in {:.0} ms ({status}, {tries} tries); storm answered in {:.1} s {statuses:?}; peak RSS {peak:.0} MiB, {now:.0} MiB after",
        real.as_secs_f64() * 1000.0,
        all.as_secs_f64()
    )
}

/// `HALF_OPEN` sockets sending half a request line, then 20 page requests on new
/// connections while they are held.
async fn half_open(serve: &Serve) -> String {
    use tokio::io::AsyncWriteExt;
    let addr = serve.base.trim_start_matches("http://").to_string();
    let mut held = Vec::with_capacity(HALF_OPEN);
    let mut refused = 0;
    for _ in 0..HALF_OPEN {
        match tokio::net::TcpStream::connect(&addr).await {
            Ok(mut s) => {
                let _ = s.write_all(b"GET /login HT").await;
                held.push(s);
            }
            Err(_) => refused += 1,
        }
    }
    let http = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
    let mut times = Vec::new();
    let mut ok = 0;
    for _ in 0..20 {
        let t = Instant::now();
        if let Ok(Ok(r)) =
            tokio::time::timeout(Duration::from_secs(5), http.get(format!("{}/login", serve.base)).send()).await
            && r.status() == 200
        {
            ok += 1;
        }
        times.push(t.elapsed());
    }
    times.sort();
    let (peak, _) = serve.memory_mib();
    drop(held);
    format!(
        "page on a new connection: median {:.1} ms, slowest {:.1} ms, {ok}/20 answered 200, while {} sockets were opened ({refused} refused); peak RSS {peak:.0} MiB",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0,
        HALF_OPEN - refused
    )
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this binary without it,
    // and then there is nothing to check in a few seconds.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // The client side holds thousands of sockets too.
    #[cfg(unix)]
    {
        use rustix::process::{Resource, getrlimit, setrlimit};
        let mut l = getrlimit(Resource::Nofile);
        l.current = l.maximum.map(|m| m.min(1 << 16));
        let _ = setrlimit(Resource::Nofile, l);
    }
    let dir: PathBuf = std::env::temp_dir().join(format!("narisumashi-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("hostile.db");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let store = Store::open(&format!("sqlite://{}", db.display())).await.unwrap();
        let hash = narisumashi::web::auth::hash_password(PASSWORD).unwrap();
        store.add_user("reviewer", Role::Reviewer, &[], &hash).await.unwrap();
        for i in 0..KNOWN_NAMES {
            store
                .add_user(&format!("staff{i}"), Role::Viewer, &[], &hash)
                .await
                .unwrap();
        }
        store.close().await;
    });
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!("hostile load against `serve` (release build, SQLite, {cores} cores)");
    let serve = Serve::start(db.to_str().unwrap());
    let (idle, _) = serve.memory_mib();
    println!("  idle: peak RSS {idle:.0} MiB");
    let line = rt.block_on(storm(&serve, |i| format!("attacker{i}")));
    println!("  {STORM} log-ins with made-up names: {line}");
    drop(serve);
    let serve = Serve::start(db.to_str().unwrap());
    let line = rt.block_on(storm(&serve, |i| format!("staff{}", i % KNOWN_NAMES)));
    println!("  {STORM} wrong passwords over {KNOWN_NAMES} real names: {line}");
    drop(serve);
    let serve = Serve::start(db.to_str().unwrap());
    let line = rt.block_on(half_open(&serve));
    println!("  {HALF_OPEN} half-open sockets: {line}");
    drop(serve);
    let _ = std::io::stdout().flush();
    let _ = std::fs::remove_dir_all(&dir);
}
