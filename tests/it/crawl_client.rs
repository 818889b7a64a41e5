//! The shared HTTP client against real servers on 127.0.0.1: success, not found, 429 with
//! reset headers, 5xx then success, redirects to private addresses, endless redirect chains,
//! a slow trickling response, a response larger than the cap, per-host spacing, robots.txt,
//! and names that resolve to loopback without being allowed.

// Test code: a failed unwrap is a failed test, with its location.
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use narisumashi::crawl::ratelimit::HostLimits;
use narisumashi::crawl::{FetchConfig, FetchError, Fetcher, GuardError, RequestKind};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// (path, arrival time, User-Agent) of every request the mock received.
type Log = Vec<(String, Instant, Option<String>)>;

#[derive(Clone, Default)]
struct Hits(Arc<Mutex<Log>>);

impl Hits {
    fn record(&self, path: &str, headers: &HeaderMap) -> usize {
        let ua = headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let mut v = self.0.lock().unwrap();
        v.push((path.to_string(), Instant::now(), ua));
        v.iter().filter(|(p, _, _)| p == path).count()
    }
    fn count(&self, path: &str) -> usize {
        self.0.lock().unwrap().iter().filter(|(p, _, _)| p == path).count()
    }
    fn times(&self, path: &str) -> Vec<Instant> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _, _)| p == path)
            .map(|(_, t, _)| *t)
            .collect()
    }
}

async fn mock_platform() -> (String, Hits) {
    let hits = Hits::default();
    let epoch = |secs_from_now: u64| {
        (SystemTime::now() + Duration::from_secs(secs_from_now))
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs()
    };
    let app = Router::new()
        .route("/ok", get(|State(h): State<Hits>, hd: HeaderMap| async move { h.record("/ok", &hd); "hello" }))
        .route("/missing", get(|State(h): State<Hits>, hd: HeaderMap| async move { h.record("/missing", &hd); (StatusCode::NOT_FOUND, r#"{"error":"Record not found"}"#) }))
        .route(
            "/limited-once",
            get(move |State(h): State<Hits>, hd: HeaderMap| async move {
                if h.record("/limited-once", &hd) == 1 {
                    let mut r = (StatusCode::TOO_MANY_REQUESTS, r#"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#).into_response();
                    r.headers_mut().insert("x-rate-limit-remaining", "0".parse().unwrap());
                    r.headers_mut().insert("x-rate-limit-reset", epoch(2).to_string().parse().unwrap());
                    return r;
                }
                "data".into_response()
            }),
        )
        .route(
            "/limited-long",
            get(move |State(h): State<Hits>, hd: HeaderMap| async move {
                h.record("/limited-long", &hd);
                let mut r = StatusCode::TOO_MANY_REQUESTS.into_response();
                r.headers_mut().insert("x-rate-limit-reset", epoch(900).to_string().parse().unwrap());
                r
            }),
        )
        .route(
            "/flaky",
            get(|State(h): State<Hits>, hd: HeaderMap| async move {
                if h.record("/flaky", &hd) == 1 { (StatusCode::SERVICE_UNAVAILABLE, "busy").into_response() } else { "recovered".into_response() }
            }),
        )
        .route("/broken", get(|State(h): State<Hits>, hd: HeaderMap| async move { h.record("/broken", &hd); StatusCode::INTERNAL_SERVER_ERROR }))
        .route("/to-metadata", get(|| async { redirect("http://169.254.169.254/latest/meta-data/") }))
        .route("/to-private", get(|| async { redirect("http://10.0.0.7:8080/admin") }))
        .route("/loop", get(|| async { redirect("/loop") }))
        .route("/hop", get(|| async { redirect("/ok") }))
        .route("/huge", get(|| async { "x".repeat(300_000) }))
        .route("/spaced", get(|State(h): State<Hits>, hd: HeaderMap| async move { h.record("/spaced", &hd); "ok" }))
        .route("/robots.txt", get(|| async { "User-agent: *\nDisallow: /private\nCrawl-delay: 2\n" }))
        .route("/private/page", get(|State(h): State<Hits>, hd: HeaderMap| async move { h.record("/private/page", &hd); "secret" }))
        .with_state(hits.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), hits)
}

fn redirect(to: &'static str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to)]).into_response()
}

fn config() -> FetchConfig {
    FetchConfig {
        contact_url: "https://example.org/contact".into(),
        total_timeout: Duration::from_millis(1500),
        max_body_bytes: 100_000,
        max_redirects: 4,
        max_retries: 2,
        backoff_base: Duration::from_millis(20),
        max_wait: Duration::from_secs(5),
        allowed_hosts: vec!["127.0.0.1".into()],
        host_limits: HostLimits {
            min_interval: Duration::ZERO,
            max_concurrent: 4,
        },
        ..FetchConfig::default()
    }
}

#[tokio::test]
async fn success_and_not_found_are_responses() {
    let (base, hits) = mock_platform().await;
    let f = Fetcher::new(config()).unwrap();
    let ok = f.get(&format!("{base}/ok"), RequestKind::Api, &[]).await.unwrap();
    assert_eq!((ok.status, ok.text().as_str()), (200, "hello"));
    let ua = hits.0.lock().unwrap()[0].2.clone().unwrap();
    assert!(
        ua.starts_with("narisumashi/") && ua.contains("https://example.org/contact"),
        "{ua}"
    );
    let missing = f.get(&format!("{base}/missing"), RequestKind::Api, &[]).await.unwrap();
    assert_eq!(missing.status, 404);
    assert_eq!(hits.count("/missing"), 1, "a 404 is an answer, not retried");
    let hop = f.get(&format!("{base}/hop"), RequestKind::Api, &[]).await.unwrap();
    assert_eq!((hop.status, hop.redirects.len()), (200, 1));
}

#[tokio::test]
async fn rate_limit_reset_is_honoured_then_retried() {
    let (base, hits) = mock_platform().await;
    let f = Fetcher::new(config()).unwrap();
    let t = Instant::now();
    let r = f
        .get(&format!("{base}/limited-once"), RequestKind::Api, &[])
        .await
        .unwrap();
    assert_eq!((r.status, r.text().as_str()), (200, "data"));
    assert_eq!(hits.count("/limited-once"), 2);
    let times = hits.times("/limited-once");
    // x-rate-limit-reset is whole epoch seconds: two seconds ahead is at least one second away.
    assert!(
        times[1] - times[0] >= Duration::from_millis(900),
        "waited {:?}",
        times[1] - times[0]
    );
    assert!(t.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn a_limit_that_outlasts_the_wait_is_rate_limited_not_gone() {
    let (base, hits) = mock_platform().await;
    let f = Fetcher::new(config()).unwrap();
    let e = f
        .get(&format!("{base}/limited-long"), RequestKind::Api, &[])
        .await
        .unwrap_err();
    assert!(
        matches!(e, FetchError::RateLimited { wait_secs, .. } if wait_secs > 800),
        "{e}"
    );
    assert_eq!(hits.count("/limited-long"), 1, "no pointless retries inside the window");
}

#[tokio::test]
async fn server_errors_are_retried_with_backoff() {
    let (base, hits) = mock_platform().await;
    let f = Fetcher::new(config()).unwrap();
    let r = f.get(&format!("{base}/flaky"), RequestKind::Api, &[]).await.unwrap();
    assert_eq!(r.text(), "recovered");
    let e = f
        .get(&format!("{base}/broken"), RequestKind::Api, &[])
        .await
        .unwrap_err();
    assert!(matches!(e, FetchError::ServerError { status: 500, .. }), "{e}");
    assert_eq!(hits.count("/broken"), 3, "first attempt and two retries");
}

#[tokio::test]
async fn redirects_to_private_addresses_are_refused() {
    let (base, _) = mock_platform().await;
    let f = Fetcher::new(config()).unwrap();
    let e = f
        .get(&format!("{base}/to-metadata"), RequestKind::Api, &[])
        .await
        .unwrap_err();
    assert!(matches!(e, FetchError::Guard(GuardError::NonPublic { .. })), "{e}");
    let e = f
        .get(&format!("{base}/to-private"), RequestKind::Api, &[])
        .await
        .unwrap_err();
    assert!(matches!(e, FetchError::Guard(_)), "{e}");
    let e = f.get(&format!("{base}/loop"), RequestKind::Api, &[]).await.unwrap_err();
    assert!(matches!(e, FetchError::TooManyRedirects { limit: 4, .. }), "{e}");
}

#[tokio::test]
async fn names_resolving_to_loopback_are_refused_unless_allowed() {
    let (base, _) = mock_platform().await;
    let port = base.rsplit(':').next().unwrap();
    let f = Fetcher::new(FetchConfig {
        allowed_hosts: vec![],
        ..config()
    })
    .unwrap();
    let e = f.get(&format!("{base}/ok"), RequestKind::Api, &[]).await.unwrap_err();
    assert!(
        matches!(
            e,
            FetchError::Guard(GuardError::Port { .. } | GuardError::NonPublic { .. })
        ),
        "{e}"
    );
    let allowed_port = Fetcher::new(FetchConfig {
        allowed_hosts: vec![],
        ..config()
    })
    .unwrap();
    let e = allowed_port
        .get(&format!("http://localhost:{port}/ok"), RequestKind::Api, &[])
        .await
        .unwrap_err();
    assert!(matches!(e, FetchError::Guard(_)), "{e}");
    let named = Fetcher::new(FetchConfig {
        allowed_hosts: vec!["localhost".into()],
        ..config()
    })
    .unwrap();
    assert_eq!(
        named
            .get(&format!("http://localhost:{port}/ok"), RequestKind::Api, &[])
            .await
            .unwrap()
            .status,
        200
    );
}

#[tokio::test]
async fn bodies_over_the_cap_are_refused() {
    let (base, _) = mock_platform().await;
    let f = Fetcher::new(config()).unwrap();
    let e = f.get(&format!("{base}/huge"), RequestKind::Api, &[]).await.unwrap_err();
    assert!(matches!(e, FetchError::TooLarge { limit: 100_000, .. }), "{e}");
}

#[tokio::test]
async fn a_trickling_server_times_out() {
    // A raw server that sends headers, then one byte every 300 ms, forever.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 1024];
                let _ = sock.read(&mut buf).await;
                let _ = sock
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .await;
                for _ in 0..100 {
                    if sock.write_all(b"1\r\nx\r\n").await.is_err() {
                        return;
                    }
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
            });
        }
    });
    let f = Fetcher::new(FetchConfig {
        max_retries: 0,
        total_timeout: Duration::from_millis(800),
        ..config()
    })
    .unwrap();
    let t = Instant::now();
    let e = f
        .get(&format!("http://{addr}/slow"), RequestKind::Api, &[])
        .await
        .unwrap_err();
    assert!(matches!(e, FetchError::Timeout(_)), "{e}");
    assert!(t.elapsed() < Duration::from_secs(3));
}

/// A host that stops answering (it accepts connections and says nothing): after
/// `host_down_after` requests in a row without an answer it is taken as down, and the next
/// requests fail at once, naming it, instead of each waiting for its timeout; an answer from
/// the host clears it.
#[tokio::test]
async fn a_host_that_stops_answering_is_taken_as_down() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let accepted = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let silent = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let (count, quiet) = (accepted.clone(), silent.clone());
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let quiet = quiet.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 1024];
                let _ = sock.read(&mut buf).await;
                if quiet.load(std::sync::atomic::Ordering::SeqCst) {
                    tokio::time::sleep(Duration::from_secs(30)).await;
                } else {
                    let _ = sock.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok").await;
                }
            });
        }
    });
    let f = Fetcher::new(FetchConfig {
        max_retries: 1,
        total_timeout: Duration::from_millis(300),
        host_down_after: 3,
        host_down_for: Duration::from_millis(1500),
        ..config()
    })
    .unwrap();
    let url = format!("http://{addr}/profile");
    let mut errors = Vec::new();
    for _ in 0..6 {
        errors.push(f.get(&url, RequestKind::Api, &[]).await.unwrap_err());
    }
    // The first request and its retry got no answer, then the second's first attempt: the
    // third in a row takes the host as down, so the second is not retried.
    assert!(matches!(errors[0], FetchError::Timeout(_)), "{:?}", errors[0]);
    assert!(matches!(errors[1], FetchError::Timeout(_)), "{:?}", errors[1]);
    assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 3);
    for e in &errors[2..] {
        assert!(matches!(e, FetchError::HostDown { failures: 3.., .. }), "{e}");
        assert!(e.to_string().contains("stopped answering"), "{e}");
    }
    // It answers again; once the pause is over it is asked, and one answer clears it.
    silent.store(false, std::sync::atomic::Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(1600)).await;
    assert_eq!(f.get(&url, RequestKind::Api, &[]).await.unwrap().status, 200);
    assert_eq!(f.get(&url, RequestKind::Api, &[]).await.unwrap().status, 200);
}

#[tokio::test]
async fn per_host_spacing_holds() {
    let (base, hits) = mock_platform().await;
    let spacing = Duration::from_millis(250);
    let f = Arc::new(
        Fetcher::new(FetchConfig {
            host_limits: HostLimits {
                min_interval: spacing,
                max_concurrent: 4,
            },
            ..config()
        })
        .unwrap(),
    );
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let f = f.clone();
            let url = format!("{base}/spaced");
            tokio::spawn(async move { f.get(&url, RequestKind::Api, &[]).await.map(|r| r.status) })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap(), 200);
    }
    let mut times = hits.times("/spaced");
    times.sort();
    for w in times.windows(2) {
        // Starts are spaced exactly; arrivals carry delivery noise on a loaded machine, so the
        // check allows 80 ms of it while still proving requests were held apart.
        assert!(
            w[1] - w[0] >= spacing - Duration::from_millis(80),
            "requests {:?} apart",
            w[1] - w[0]
        );
    }
}

#[tokio::test]
async fn robots_txt_is_obeyed_for_pages_only() {
    let (base, hits) = mock_platform().await;
    let f = Fetcher::new(config()).unwrap();
    let e = f
        .get(&format!("{base}/private/page"), RequestKind::Page, &[])
        .await
        .unwrap_err();
    assert!(matches!(e, FetchError::Robots { .. }), "{e}");
    assert_eq!(hits.count("/private/page"), 0, "never requested");
    assert_eq!(
        f.get(&format!("{base}/ok"), RequestKind::Page, &[])
            .await
            .unwrap()
            .status,
        200
    );
    // Documented APIs are not pages.
    assert_eq!(
        f.get(&format!("{base}/private/page"), RequestKind::Api, &[])
            .await
            .unwrap()
            .status,
        200
    );
    // The site's Crawl-delay widened the host's spacing.
    let host = base.trim_start_matches("http://").to_string();
    assert_eq!(f.politeness().interval(&host), Duration::from_secs(2));
}
