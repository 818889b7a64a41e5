//! Platform sources against a mock platform on 127.0.0.1 that replays the real formats from
//! `tests/fixtures/`: found, not found (404 and 200-with-errors), suspended, rate limited,
//! unauthorised, malformed JSON, cursor and Link-header pagination, and batch lookups.

// Test code: a failed unwrap is a failed test, with its location.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use narisumashi::Platform;
use narisumashi::crawl::ratelimit::HostLimits;
use narisumashi::crawl::sources::bluesky::Bluesky;
use narisumashi::crawl::sources::mastodon::Mastodon;
use narisumashi::crawl::sources::pages::PageSource;
use narisumashi::crawl::sources::x::X;
use narisumashi::crawl::sources::youtube::YouTube;
use narisumashi::crawl::sources::{AccountRef, Source, SourceStatus};
use narisumashi::crawl::{FetchConfig, FetchOutcome, Fetcher};

type Params = Query<HashMap<String, String>>;

fn fixture(name: &str, base: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .replace("AVATAR_BASE", base)
        .replace("MASTODON_BASE", base)
}

fn html(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn mock() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new()
        .route(
            "/xrpc/app.bsky.actor.getProfile",
            get(|State(b): State<String>, Query(q): Params| async move {
                match q.get("actor").map(String::as_str) {
                    Some("hw-sapporo.bsky.social") => json(StatusCode::OK, fixture("bluesky_get_profile_ok.json", &b)),
                    Some("broken.bsky.social") => json(StatusCode::OK, fixture("malformed_truncated.json", &b)),
                    Some("limited.bsky.social") => (StatusCode::TOO_MANY_REQUESTS, [("retry-after", "3600")]).into_response(),
                    Some("takendown.bsky.social") => json(StatusCode::BAD_REQUEST, fixture("bluesky_account_takedown_400.json", &b)),
                    Some("deactivated.bsky.social") => json(StatusCode::BAD_REQUEST, fixture("bluesky_account_deactivated_400.json", &b)),
                    Some("did:plc:zyxwvutsrqponmlkjihgfedc") => json(StatusCode::OK, fixture("bluesky_get_profile_handle_invalid.json", &b)),
                    _ => json(StatusCode::BAD_REQUEST, fixture("bluesky_profile_not_found_400.json", &b)),
                }
            }),
        )
        .route(
            "/xrpc/app.bsky.actor.searchActors",
            get(|State(b): State<String>, Query(q): Params| async move {
                match q.get("cursor").map(String::as_str) {
                    None => json(StatusCode::OK, fixture("bluesky_search_page1.json", &b)),
                    Some("25") => json(StatusCode::OK, fixture("bluesky_search_page2.json", &b)),
                    Some(_) => json(StatusCode::BAD_REQUEST, "{}".into()),
                }
            }),
        )
        .route(
            "/api/v1/accounts/lookup",
            get(|State(b): State<String>, Query(q): Params| async move {
                match q.get("acct").map(String::as_str) {
                    Some("hw_sapporo") => json(StatusCode::OK, fixture("mastodon_lookup_ok.json", &b)),
                    Some("hw_sapp0ro") => json(StatusCode::OK, fixture("mastodon_suspended.json", &b)),
                    Some("hw_sapporo_link") => json(StatusCode::OK, fixture("mastodon_lookup_verified_link.json", &b)),
                    _ => json(StatusCode::NOT_FOUND, fixture("mastodon_not_found_404.json", &b)),
                }
            }),
        )
        .route(
            "/api/v2/search",
            get(|State(b): State<String>, Query(q): Params| async move {
                // Upstream Mastodon: v2 search sends no Link header (it pages by offset, which
                // needs a user token), so one page is all there is.
                if q.get("q").map(String::as_str) == Some("upstream") {
                    return json(StatusCode::OK, fixture("mastodon_search_accounts.json", &b));
                }
                if q.contains_key("page") {
                    return json(StatusCode::OK, r#"{"accounts":[{"id":"3","acct":"hwsapporo","display_name":"ハローワーク札幌","note":""}],"statuses":[],"hashtags":[]}"#.into());
                }
                let mut r = json(StatusCode::OK, fixture("mastodon_search_accounts.json", &b));
                let link = format!("<{b}/api/v2/search?q=x&type=accounts&page=2>; rel=\"next\"");
                r.headers_mut().insert("link", link.parse().unwrap());
                r
            }),
        )
        .route(
            "/2/users/by/username/{name}",
            get(|State(b): State<String>, axum::extract::Path(name): axum::extract::Path<String>, h: HeaderMap| async move {
                if h.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) != Some("Bearer test-token") {
                    return json(StatusCode::UNAUTHORIZED, fixture("x_401_unauthorized.json", &b));
                }
                match name.as_str() {
                    "HW_Sapporo" => json(StatusCode::OK, fixture("x_user_ok.json", &b)),
                    "hw_sapporo_jp" => json(StatusCode::OK, fixture("x_user_suspended_200.json", &b)),
                    "capped" => json(StatusCode::TOO_MANY_REQUESTS, fixture("x_429_usage_capped.json", &b)),
                    "broken" => json(StatusCode::OK, fixture("malformed_truncated.json", &b)),
                    "gone404" => json(StatusCode::NOT_FOUND, "{}".into()),
                    _ => json(StatusCode::OK, fixture("x_user_not_found_200.json", &b)),
                }
            }),
        )
        .route(
            "/2/users/by",
            get(|State(b): State<String>, Query(q): Params| async move {
                let names: Vec<String> = q.get("usernames").map(|u| u.split(',').map(str::to_string).collect()).unwrap_or_default();
                assert!(names.len() <= 100, "at most 100 usernames a request");
                if names.iter().any(|n| n == "HW_Sapp0ro") && names.len() == 3 {
                    return json(StatusCode::OK, fixture("x_users_batch_partial.json", &b));
                }
                // Answer each name as X does: data for accounts that exist, a Not Found Error for the rest.
                let exists = ["HW_Sapporo_jp", "HW_Sapp0ro"];
                let data: Vec<String> = names.iter().filter(|n| exists.contains(&n.as_str())).map(|n| format!(r#"{{"id":"{}","name":"ハローワーク札幌【公式】","username":"{n}"}}"#, n.len())).collect();
                let errors: Vec<String> = names
                    .iter()
                    .filter(|n| !exists.contains(&n.as_str()))
                    .map(|n| format!(r#"{{"value":"{n}","detail":"Could not find user with usernames: [{n}].","title":"Not Found Error","resource_type":"user","parameter":"usernames","resource_id":"{n}","type":"https://api.twitter.com/2/problems/resource-not-found"}}"#))
                    .collect();
                json(StatusCode::OK, format!(r#"{{"data":[{}],"errors":[{}]}}"#, data.join(","), errors.join(",")))
            }),
        )
        .route(
            "/graph/{ig_user}",
            get(|State(b): State<String>, Query(q): Params| async move {
                let fields = q.get("fields").cloned().unwrap_or_default();
                if q.get("access_token").map(String::as_str) != Some("body-token") {
                    return json(StatusCode::BAD_REQUEST, r#"{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}}"#.into());
                }
                if fields.contains("username(mhw.sapporo)") {
                    json(StatusCode::OK, fixture("instagram_business_discovery_ok.json", &b))
                } else if fields.contains("username(busy)") {
                    json(StatusCode::FORBIDDEN, fixture("instagram_graph_rate_limited.json", &b))
                } else if fields.contains("username(throttled)") {
                    json(StatusCode::BAD_REQUEST, fixture("instagram_graph_buc_throttled.json", &b))
                } else {
                    json(StatusCode::BAD_REQUEST, fixture("instagram_business_discovery_not_found.json", &b))
                }
            }),
        )
        .route("/robots.txt", get(|| async { "User-agent: *\nDisallow: /ig/\nDisallow: /line/private\n" }))
        .route("/ig/mhw.sapporo/", get(|State(b): State<String>| async move { html(StatusCode::OK, fixture("instagram_profile.html", &b)) }))
        .route("/ig/gone/", get(|State(b): State<String>| async move { html(StatusCode::OK, fixture("instagram_not_found.html", &b)) }))
        .route("/ig/walled/", get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/accounts/login/?next=%2Fwalled%2F")]).into_response() }))
        .route("/accounts/login/", get(|| async { html(StatusCode::OK, "<html><title>Login • Instagram</title></html>".into()) }))
        .route("/fb/profile.php", get(|State(b): State<String>| async move { html(StatusCode::OK, fixture("facebook_page.html", &b)) }))
        .route("/fb/hw.fake", get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/login/?next=https%3A%2F%2Fwww.facebook.com%2Fhw.fake")]).into_response() }))
        .route("/login/", get(|| async { html(StatusCode::OK, "<html><title>Log in to Facebook</title></html>".into()) }))
        .route("/line/tkh1850j", get(|State(b): State<String>| async move { html(StatusCode::OK, fixture("line_page.html", &b)) }))
        .route("/line/notags", get(|State(b): State<String>| async move { html(StatusCode::OK, fixture("page_without_tags.html", &b)) }))
        .route("/line/hostile", get(|State(b): State<String>| async move { html(StatusCode::OK, fixture("hostile_meta.html", &b)) }))
        .route("/line/private", get(|| async { "never fetched" }))
        .route("/line/gone", get(|| async { StatusCode::NOT_FOUND }))
        .route(
            "/yt/v3/channels",
            get(|State(b): State<String>, Query(q): Params| async move {
                if q.get("key").map(String::as_str) == Some("spent") {
                    return json(StatusCode::FORBIDDEN, fixture("youtube_quota_exceeded_403.json", &b));
                }
                if q.get("key").map(String::as_str) == Some("expired") {
                    return json(StatusCode::BAD_REQUEST, fixture("youtube_api_key_expired_400.json", &b));
                }
                match (q.get("id").map(String::as_str), q.get("forHandle").map(String::as_str)) {
                    (Some("UCKxOV1MV1McuSb0IPDoS2-g"), _) | (_, Some("@hw_kokubu")) => json(StatusCode::OK, fixture("youtube_channels_ok.json", &b)),
                    _ => json(StatusCode::OK, fixture("youtube_channels_empty.json", &b)),
                }
            }),
        )
        .route(
            "/yt/v3/search",
            get(|State(b): State<String>, Query(q): Params| async move {
                if q.get("key").map(String::as_str) == Some("spent") {
                    return json(StatusCode::FORBIDDEN, fixture("youtube_quota_exceeded_403.json", &b));
                }
                if q.get("key").map(String::as_str) == Some("expired") {
                    return json(StatusCode::BAD_REQUEST, fixture("youtube_api_key_expired_400.json", &b));
                }
                json(StatusCode::OK, fixture("youtube_search_channels.json", &b))
            }),
        )
        .route("/ytpage/channel/UCKxOV1MV1McuSb0IPDoS2-g", get(|State(b): State<String>| async move { html(StatusCode::OK, fixture("youtube_channel.html", &b)) }))
        .route("/ytpage/@consent", get(|State(b): State<String>| async move { html(StatusCode::OK, fixture("youtube_consent.html", &b)) }))
        .with_state(base.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base
}

fn fetcher() -> Arc<Fetcher> {
    Arc::new(
        Fetcher::new(FetchConfig {
            allowed_hosts: vec!["127.0.0.1".into()],
            host_limits: HostLimits {
                min_interval: Duration::ZERO,
                max_concurrent: 4,
            },
            backoff_base: Duration::from_millis(10),
            max_retries: 1,
            max_wait: Duration::from_secs(2),
            ..FetchConfig::default()
        })
        .unwrap(),
    )
}

fn handle(h: &str) -> AccountRef {
    AccountRef::Handle(h.into())
}

#[tokio::test]
async fn bluesky_lookups_and_search() {
    let base = mock().await;
    let bsky = Bluesky::new(fetcher(), Some(base.clone()));
    assert_eq!(bsky.status(), SourceStatus::Ready);
    let FetchOutcome::Found(p) = bsky.lookup(&handle("@hw-sapporo.bsky.social")).await else {
        panic!("found expected")
    };
    assert_eq!(
        (p.platform, p.handle.as_deref(), p.display_name.as_str()),
        (
            Platform::Bluesky,
            Some("hw-sapporo.bsky.social"),
            "ハローワーク札幌【公式】"
        )
    );
    assert_eq!(p.id.as_deref(), Some("did:plc:abcdefghijklmnopqrstuvwx"));
    assert_eq!(p.avatar_url, Some(format!("{base}/avatars/hw_sapporo.png")));
    assert_eq!(p.verified, None, "verifiedStatus none is no verification");
    assert!(
        matches!(bsky.lookup(&handle("nobody.bsky.social")).await, FetchOutcome::NotFound(m) if m.contains("Profile not found"))
    );
    assert!(
        matches!(bsky.lookup(&handle("broken.bsky.social")).await, FetchOutcome::Failed(m) if m.contains("malformed"))
    );
    assert!(
        matches!(bsky.lookup(&handle("limited.bsky.social")).await, FetchOutcome::Blocked(m) if m.contains("rate limited"))
    );
    // Taken down or deactivated: Bluesky says the account was removed.
    assert!(
        matches!(bsky.lookup(&handle("takendown.bsky.social")).await, FetchOutcome::Gone(m) if m.contains("AccountTakedown"))
    );
    assert!(
        matches!(bsky.lookup(&handle("deactivated.bsky.social")).await, FetchOutcome::Gone(m) if m.contains("AccountDeactivated"))
    );
    // A handle that no longer verifies: the URL is made with the DID, and there is no handle.
    let FetchOutcome::Found(p) = bsky
        .lookup(&AccountRef::Id("did:plc:zyxwvutsrqponmlkjihgfedc".into()))
        .await
    else {
        panic!("found expected")
    };
    assert_eq!(
        (p.url.as_deref(), p.handle.as_deref()),
        (Some("https://bsky.app/profile/did:plc:zyxwvutsrqponmlkjihgfedc"), None)
    );
    let FetchOutcome::Found(found) = bsky.search("ハローワーク札幌", 50).await else {
        panic!("search")
    };
    let handles: Vec<&str> = found.iter().filter_map(|p| p.handle.as_deref()).collect();
    assert_eq!(
        handles,
        [
            "hw-sapp0ro.bsky.social",
            "sapporo-ramen.bsky.social",
            "hello-work-sapporo.bsky.social"
        ],
        "both cursor pages"
    );
}

#[tokio::test]
async fn mastodon_lookups_and_search() {
    let base = mock().await;
    let host = base
        .trim_start_matches("http://")
        .split(':')
        .next()
        .unwrap()
        .to_string();
    let m = Mastodon::new(fetcher(), vec![base.clone()]);
    let FetchOutcome::Found(p) = m.lookup(&handle("@hw_sapporo")).await else {
        panic!("found expected")
    };
    assert_eq!(p.handle, Some(format!("hw_sapporo@{host}")));
    assert_eq!(
        p.bio.as_deref(),
        Some("札幌公共職業安定所の 公式 アカウント & お知らせ"),
        "HTML note reduced to text"
    );
    assert!(
        p.verified.as_deref().is_some_and(|v| v.contains("jsite.mhlw.go.jp")),
        "rel=me verified link: {:?}",
        p.verified
    );
    // Suspended at home: removed. Unknown at home: not found.
    assert!(matches!(m.lookup(&handle("hw_sapp0ro")).await, FetchOutcome::Gone(s) if s.contains("suspended")));
    assert!(matches!(
        m.lookup(&handle(&format!("hw_sapp0ro@{host}"))).await,
        FetchOutcome::Gone(_)
    ));
    assert!(matches!(m.lookup(&handle("nobody")).await, FetchOutcome::NotFound(_)));
    // A remote account whose home is not configured: every configured instance is asked, and
    // their 404 (lookup does not WebFinger) says nothing about the account at home.
    let two = Mastodon::new(fetcher(), vec![base.clone(), mock().await]);
    let o = two.lookup(&handle("someone@elsewhere.example")).await;
    assert!(
        matches!(&o, FetchOutcome::NotVisible(s) if s.contains("someone@elsewhere.example") && s.contains("not one of them")),
        "{o:?}"
    );
    // A verified link reads as the address, not as the spans Mastodon splits it into.
    let FetchOutcome::Found(p) = m.lookup(&handle("hw_sapporo_link")).await else {
        panic!("found expected")
    };
    assert_eq!(p.verified.as_deref(), Some("verified link http://shork.xyz"));
    let FetchOutcome::Found(found) = m.search("ハローワーク札幌", 40).await else {
        panic!("search")
    };
    assert_eq!(found.len(), 2, "first page and the Link: rel=next page");
    let FetchOutcome::Found(upstream) = m.search("upstream", 40).await else {
        panic!("search")
    };
    assert_eq!(
        upstream.len(),
        1,
        "no Link header: one page, and no offset without a token"
    );
    assert_eq!(found[0].handle.as_deref(), Some("hw_sapp0ro@mstdn.example"));
    assert_eq!(
        Mastodon::new(fetcher(), vec![]).status(),
        SourceStatus::Skipped("no Mastodon instances configured".into())
    );
}

#[tokio::test]
async fn x_lookups_batches_and_errors() {
    let base = mock().await;
    let x = X::new(fetcher(), Some(base.clone()), Some("test-token".into()));
    let FetchOutcome::Found(p) = x.lookup(&handle("HW_Sapporo")).await else {
        panic!("found expected")
    };
    assert_eq!(
        (p.id.as_deref(), p.verified.as_deref(), p.followers),
        (Some("1234567890"), Some("government"), Some(5230))
    );
    assert!(
        matches!(x.lookup(&handle("HW_Sapp0ro")).await, FetchOutcome::NotFound(m) if m.contains("Could not find user"))
    );
    assert!(matches!(x.lookup(&handle("hw_sapporo_jp")).await, FetchOutcome::Gone(m) if m.contains("suspended")));
    assert!(matches!(x.lookup(&handle("gone404")).await, FetchOutcome::NotFound(_)));
    let capped = x.lookup(&handle("capped")).await;
    assert!(
        matches!(&capped, FetchOutcome::Blocked(m) if m.contains("Monthly product cap") && !m.contains(" s more")),
        "the usage cap is a spent quota, not a window to wait out: {capped:?}"
    );
    assert!(matches!(x.lookup(&handle("broken")).await, FetchOutcome::Failed(m) if m.contains("malformed")));

    let wrong = X::new(fetcher(), Some(base.clone()), Some("wrong".into()));
    assert!(matches!(wrong.lookup(&handle("HW_Sapporo")).await, FetchOutcome::Blocked(m) if m.contains("401")));
    let none = X::new(fetcher(), Some(base.clone()), None);
    assert!(matches!(none.status(), SourceStatus::Skipped(r) if r.contains("bearer token")));

    let names: Vec<String> = ["HW_Sapporo", "HW_Sapporo_jp", "HW_Sapp0ro"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let batch = x.lookup_many(&names).await;
    let kinds: Vec<&str> = batch.iter().map(|(_, o)| o.kind()).collect();
    assert_eq!(kinds, ["found", "found", "not_found"]);
}

#[tokio::test]
async fn page_sources_read_meta_tags_and_respect_terms() {
    let base = mock().await;
    // Without the operator's opt-in, Instagram and Facebook are skipped, and say why.
    let ig_default = PageSource::instagram(fetcher(), Some(format!("{base}/ig")), false);
    assert!(matches!(ig_default.status(), SourceStatus::Skipped(r) if r.contains("forbids automated page fetching")));
    assert!(matches!(
        ig_default.lookup(&handle("mhw.sapporo")).await,
        FetchOutcome::Blocked(_)
    ));

    // With it (the body holds Instagram's permission), pages are read despite robots.txt.
    let ig = PageSource::instagram(fetcher(), Some(format!("{base}/ig")), true);
    let FetchOutcome::Found(p) = ig.lookup(&handle("mhw.sapporo")).await else {
        panic!("found expected")
    };
    assert_eq!(
        (p.display_name.as_str(), p.handle.as_deref()),
        ("マザーズハローワーク札幌", Some("mhw.sapporo"))
    );
    assert!(
        p.avatar_url
            .as_deref()
            .is_some_and(|a| a.starts_with(&base) && a.contains("&oh=")),
        "{:?}",
        p.avatar_url
    );
    assert!(matches!(ig.lookup(&handle("gone")).await, FetchOutcome::NotFound(_)));
    assert!(
        matches!(ig.lookup(&handle("walled")).await, FetchOutcome::Blocked(m) if m.contains("login")),
        "login wall is blocked, not gone"
    );

    let fb = PageSource::facebook(fetcher(), Some(format!("{base}/fb")), true);
    let FetchOutcome::Found(p) = fb.lookup(&AccountRef::Id("61578961199265".into())).await else {
        panic!("found expected")
    };
    assert_eq!(
        (p.display_name.as_str(), p.id.as_deref()),
        ("鹿児島労働局訓練課", Some("61578961199265"))
    );
    assert!(matches!(fb.lookup(&handle("hw.fake")).await, FetchOutcome::Blocked(_)));

    // LINE is fetched by default and obeys robots.txt.
    let line = PageSource::line(fetcher(), Some(format!("{base}/line")));
    let FetchOutcome::Found(p) = line.lookup(&handle("@tkh1850j")).await else {
        panic!("found expected")
    };
    assert_eq!(
        (p.display_name.as_str(), p.handle.as_deref()),
        ("マザーズハローワーク札幌", Some("@tkh1850j"))
    );
    assert!(matches!(line.lookup(&handle("notags")).await, FetchOutcome::Failed(m) if m.contains("no profile tags")));
    assert!(matches!(line.lookup(&handle("private")).await, FetchOutcome::Blocked(m) if m.contains("robots.txt")));
    assert!(matches!(line.lookup(&handle("gone")).await, FetchOutcome::NotFound(_)));
    // Hostile tags are data: the first og:title as text, and no javascript: avatar.
    let FetchOutcome::Found(p) = line.lookup(&handle("hostile")).await else {
        panic!("found expected")
    };
    assert_eq!(p.display_name, "<script>alert(1)</script>{{ evil }}");
    assert_eq!(p.avatar_url, None);
}

#[tokio::test]
async fn youtube_api_quota_and_page_fallback() {
    let base = mock().await;
    let yt = YouTube::new(
        fetcher(),
        Some(format!("{base}/yt/v3")),
        Some(format!("{base}/ytpage")),
        Some("k".into()),
        250,
    );
    let FetchOutcome::Found(p) = yt.lookup(&AccountRef::Id("UCKxOV1MV1McuSb0IPDoS2-g".into())).await else {
        panic!("found expected")
    };
    assert_eq!(
        (p.handle.as_deref(), p.avatar_url.is_some()),
        (Some("@hw_kokubu"), true)
    );
    assert!(matches!(yt.lookup(&handle("@hw_kokubu")).await, FetchOutcome::Found(_)));
    assert!(
        matches!(yt.lookup(&handle("@nobody")).await, FetchOutcome::NotFound(_)),
        "empty items is not found"
    );
    let FetchOutcome::Found(found) = yt.search("ハローワーク国分", 50).await else {
        panic!("search")
    };
    assert_eq!(found.len(), 1, "videos are not channels");
    assert_eq!(found[0].id.as_deref(), Some("UCzzzzzzzzzzzzzzzzzzzzzz"));
    assert_eq!(yt.quota_spent(), 3 + 100);
    // The budget holds: a second search would cost 100 more than the 250 allowed after this one.
    assert!(matches!(yt.search("x", 50).await, FetchOutcome::Found(_)));
    assert!(matches!(yt.search("y", 50).await, FetchOutcome::Blocked(m) if m.contains("quota budget")));

    // Quota exceeded at the API: lookups fall back to the channel page.
    let spent = YouTube::new(
        fetcher(),
        Some(format!("{base}/yt/v3")),
        Some(format!("{base}/ytpage")),
        Some("spent".into()),
        10_000,
    );
    let FetchOutcome::Found(p) = spent.lookup(&AccountRef::Id("UCKxOV1MV1McuSb0IPDoS2-g".into())).await else {
        panic!("page fallback")
    };
    assert_eq!(p.display_name, "ハローワーク国分YouTubeチャンネル【公式】");
    assert!(matches!(spent.search("x", 10).await, FetchOutcome::Blocked(m) if m.contains("quotaExceeded")));
    // An expired key (Google says so only in `details[].reason`): blocked, and the page read.
    let expired = YouTube::new(
        fetcher(),
        Some(format!("{base}/yt/v3")),
        Some(format!("{base}/ytpage")),
        Some("expired".into()),
        10_000,
    );
    let FetchOutcome::Found(p) = expired.lookup(&AccountRef::Id("UCKxOV1MV1McuSb0IPDoS2-g".into())).await else {
        panic!("page fallback after an expired key")
    };
    assert_eq!(p.display_name, "ハローワーク国分YouTubeチャンネル【公式】");
    assert!(matches!(expired.search("x", 10).await, FetchOutcome::Blocked(m) if m.contains("API_KEY_INVALID")));
    let nokey = YouTube::new(
        fetcher(),
        Some(format!("{base}/yt/v3")),
        Some(format!("{base}/ytpage")),
        None,
        10_000,
    );
    assert!(matches!(nokey.lookup(&handle("@consent")).await, FetchOutcome::Blocked(m) if m.contains("consent")));
}

#[tokio::test]
async fn watch_list_checks_each_reported_url() {
    use narisumashi::crawl::sources::watchlist;
    let base = mock().await;
    let f = fetcher();
    let sources: Vec<Box<dyn Source>> = vec![
        Box::new(Bluesky::new(f.clone(), Some(base.clone()))),
        Box::new(X::new(f.clone(), Some(base.clone()), None)),
    ];
    let (entries, errors) = watchlist::parse(
        "# reported by citizens\nhttps://bsky.app/profile/hw-sapporo.bsky.social 2026-11-20 窓口へ通報\nhttps://bsky.app/profile/gone.bsky.social\nhttps://x.com/HW_Sapp0ro\nhttps://kin.ee/T7nMfHh\n",
    );
    assert_eq!(entries.len(), 3);
    assert_eq!(errors.len(), 1, "kin.ee is no platform: {errors:?}");
    let results = watchlist::check(&entries, &sources, &f, None).await;
    let kinds: Vec<&str> = results.iter().map(|(_, o)| o.kind()).collect();
    assert_eq!(kinds, ["found", "not_found", "blocked"]);
    assert!(
        matches!(&results[2].1, FetchOutcome::Blocked(r) if r.contains("bearer token")),
        "a skipped source says why"
    );
}

#[tokio::test]
async fn instagram_graph_business_discovery() {
    use narisumashi::crawl::sources::instagram::InstagramGraph;
    let base = mock().await;
    let ig = InstagramGraph::new(
        fetcher(),
        Some(format!("{base}/graph")),
        "17841405309211844".into(),
        "body-token".into(),
    );
    let FetchOutcome::Found(p) = ig.lookup(&handle("@mhw.sapporo")).await else {
        panic!("found expected")
    };
    assert_eq!(
        (p.handle.as_deref(), p.display_name.as_str(), p.followers),
        (Some("mhw.sapporo"), "マザーズハローワーク札幌", Some(559))
    );
    // 110/2207013 comes back for names that do not exist and for personal accounts alike: not
    // visible, never evidence that an impostor was removed.
    assert!(
        matches!(ig.lookup(&handle("nobody")).await, FetchOutcome::NotVisible(m) if m.contains("Invalid user id") && m.contains("personal"))
    );
    assert!(matches!(ig.lookup(&handle("busy")).await, FetchOutcome::Blocked(m) if m.contains("request limit")));
    // Business Use Case throttling of the Instagram account (code 80002): blocked, not failed.
    assert!(matches!(ig.lookup(&handle("throttled")).await, FetchOutcome::Blocked(m) if m.contains("too many calls")));
    let bad = InstagramGraph::new(fetcher(), Some(format!("{base}/graph")), "1".into(), "expired".into());
    assert!(matches!(bad.lookup(&handle("mhw.sapporo")).await, FetchOutcome::Blocked(m) if m.contains("OAuth")));

    // Configured with the body's own account, Instagram uses the API, not pages.
    let mut config = narisumashi::config::Config::default();
    config.instagram.ig_user_id = Some("17841405309211844".into());
    config.instagram.access_token = Some("body-token".into());
    config.instagram.graph_base = Some(format!("{base}/graph"));
    let source = narisumashi::crawl::sources::for_platform(narisumashi::Platform::Instagram, &config, fetcher());
    assert_eq!(source.status(), SourceStatus::Ready);
    assert!(matches!(
        source.lookup(&handle("mhw.sapporo")).await,
        FetchOutcome::Found(_)
    ));
    let unconfigured = narisumashi::crawl::sources::for_platform(
        narisumashi::Platform::Instagram,
        &narisumashi::config::Config::default(),
        fetcher(),
    );
    assert!(matches!(unconfigured.status(), SourceStatus::Skipped(_)));
}

#[tokio::test]
async fn discovery_searches_and_probes_permutations() {
    use narisumashi::discover;
    use narisumashi::matching::Genuine;
    let base = mock().await;
    let f = fetcher();
    let genuine = Genuine {
        platform: Some(Platform::X),
        handle: Some("HW_Sapporo".into()),
        display_name: "ハローワーク札幌【公式】".into(),
        ..Default::default()
    };
    let sources: Vec<Box<dyn Source>> = vec![
        Box::new(Bluesky::new(f.clone(), Some(base.clone()))),
        Box::new(X::new(f.clone(), Some(base.clone()), Some("test-token".into()))),
        Box::new(X::new(f.clone(), Some(base.clone()), None)),
    ];
    let d = discover::run(&genuine, &sources, &discover::Plan::default(), 0).await;
    let handles: Vec<&str> = d.candidates.iter().filter_map(|p| p.handle.as_deref()).collect();
    assert!(handles.contains(&"hw-sapp0ro.bsky.social"), "{handles:?}");
    assert!(handles.contains(&"HW_Sapporo_jp"), "{handles:?}");
    assert_eq!(
        handles.iter().filter(|h| **h == "hw-sapp0ro.bsky.social").count(),
        1,
        "search results are merged across queries"
    );
    let x = d
        .counts
        .iter()
        .find(|(p, _)| *p == Platform::X)
        .map(|(_, c)| *c)
        .unwrap();
    let expected = discover::permutations(Platform::X, "HW_Sapporo").len();
    assert_eq!(
        x.looked_up, expected,
        "every permutation probed, in batches of at most 100: {x:?}"
    );
    assert_eq!(
        (x.found, x.not_found, x.blocked + x.failed),
        (2, expected - 2, 0),
        "{x:?}"
    );
    assert!(handles.contains(&"HW_Sapp0ro"), "{handles:?}");
    assert_eq!(
        d.skipped.len(),
        1,
        "the X source without a token is skipped with its reason"
    );
}
