//! The public check ("is this account official?"), on SQLite and PostgreSQL, through the
//! router itself (`tower::ServiceExt::oneshot`, no socket): the three answers for registered,
//! confirmed, reported, dismissed, unconfirmed and unknown accounts across every platform's URL
//! forms; nothing internal in any answer; hostile input; the rate limit; the headers.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use narisumashi::Platform;
use narisumashi::config::Config;
use narisumashi::registry::Registry;
use narisumashi::store::{Decision, Seen, SeenAction, Store, Target, UnitWrite};
use narisumashi::web::{App, router};
use tower::ServiceExt;

use crate::common;

/// A reviewer's note that must never reach the public.
const SECRET_NOTE: &str = "NOTE-INTERNAL-7731";

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn get(app: &axum::Router, path: &str) -> Reply {
    reply(
        app.clone()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap(),
    )
    .await
}

async fn reply(res: axum::response::Response) -> Reply {
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
    Reply {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// GET with an `X-Forwarded-For` header naming `client`.
async fn get_as(app: &axum::Router, path: &str, client: &str) -> Reply {
    let req = Request::get(path)
        .header("x-forwarded-for", client)
        .body(Body::empty())
        .unwrap();
    reply(app.clone().oneshot(req).await.unwrap()).await
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

async fn api(app: &axum::Router, q: &str, platform: Option<&str>) -> serde_json::Value {
    let mut path = format!("/api/check?q={}", enc(q));
    if let Some(p) = platform {
        path += &format!("&platform={p}");
    }
    let r = get(app, &path).await;
    for internal in [SECRET_NOTE, "score", "status", "reasons", "dismiss", "\"new\""] {
        assert!(!r.body.contains(internal), "{path}: {internal} leaked in {}", r.body);
    }
    serde_json::from_str(&r.body).unwrap_or_else(|_| panic!("{path}: {}", r.body))
}

fn seen(platform: Platform, handle: &str, id: &str, target: &Target) -> Seen {
    Seen {
        platform,
        platform_id: Some(id.into()),
        handle: Some(handle.into()),
        handle_key: Some(platform.handle_key(handle)),
        display_name: "ハローワーク札幌【公式】".into(),
        url: None,
        bio: Some(format!("bio {SECRET_NOTE}")),
        avatar: None,
        suspect: true,
        score: 0.93,
        reasons: Vec::new(),
        target: Some(target.clone()),
    }
}

/// Every URL form a citizen may paste for a registered account.
fn url_forms(
    platform: Platform,
    handle: Option<&str>,
    id: Option<&str>,
    url: &str,
) -> Vec<(String, Option<&'static str>)> {
    let mut out = vec![(url.to_string(), None)];
    match (platform, handle, id) {
        (Platform::X, Some(h), _) => {
            out.push((format!("https://twitter.com/{h}"), None));
            out.push((format!("x.com/{}?s=20", h.to_lowercase()), None));
            out.push((format!("https://mobile.twitter.com/{h}/"), None));
            out.push((format!("@{h}"), Some("x")));
            out.push((format!("＠{h}"), Some("x")));
        }
        (Platform::Instagram, Some(h), _) => {
            out.push((format!("https://instagram.com/{h}"), None));
            out.push((format!("www.instagram.com/{h}/?hl=ja"), None));
            out.push((h.to_string(), Some("instagram")));
        }
        (Platform::Youtube, _, Some(id)) => {
            out.push((format!("https://m.youtube.com/channel/{id}/videos"), None));
            out.push((id.to_string(), Some("youtube")));
        }
        (Platform::Facebook, _, Some(id)) if id.chars().all(|c| c.is_ascii_digit()) => {
            out.push((format!("https://m.facebook.com/profile.php?id={id}"), None));
        }
        (Platform::Line, Some(h), _) => {
            out.push((format!("https://page.line.me/{}", h.trim_start_matches('@')), None));
            out.push((h.to_string(), Some("line")));
        }
        _ => {}
    }
    out
}

async fn setup(url: &str, adjust: impl FnOnce(&mut Config)) -> (axum::Router, Store, Arc<Registry>) {
    let registry = Arc::new(common::registry());
    let store = Store::open(url).await.unwrap();
    let mut config = Config::default();
    config.database.url = url.to_string();
    config.web.check_per_minute = 10_000;
    adjust(&mut config);
    let app = router(App::new(store.clone(), registry.clone(), Arc::new(config)));
    (app, store, registry)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_public_check_answers_from_the_registry_and_confirmed_decisions_only() {
    let dir = common::tempdir("public");
    for url in common::databases(&dir).await {
        let (app, store, registry) = setup(&url, |_| {}).await;

        // Registered accounts, in every URL form of every platform the registry uses.
        let mut checked = std::collections::BTreeSet::new();
        for (org, a) in registry.accounts() {
            if narisumashi::registry::parse_profile_url(&a.url).is_err() {
                continue; // a misprinted published URL (kin.ee): the registry check names it
            }
            for (q, platform) in url_forms(a.platform, a.handle.as_deref(), a.id.as_deref(), &a.url) {
                let v = api(&app, &q, platform).await;
                assert_eq!(v["result"]["answer"], "official", "{url}: {q}: {v}");
                assert_eq!(v["result"]["account"]["body"], org.name.as_str(), "{q}");
                checked.insert(a.platform);
            }
        }
        for p in [
            Platform::X,
            Platform::Instagram,
            Platform::Facebook,
            Platform::Youtube,
            Platform::Line,
        ] {
            assert!(checked.contains(&p), "no registered account checked on {p}");
        }

        // Suspects of @HW_Sapporo: confirmed, reported, dismissed, and one nobody looked at.
        let (org, genuine) = registry
            .accounts()
            .find(|(_, a)| a.handle.as_deref() == Some("HW_Sapporo"))
            .unwrap();
        let target = Target {
            org_id: org.id.clone(),
            account_key: org.account_key(genuine),
            label: "@HW_Sapporo".into(),
        };
        let run = store.create_run("all", "test").await.unwrap();
        let write = UnitWrite {
            unit: "public-test".into(),
            seen: vec![
                seen(Platform::X, "HW_Sapp0ro", "9001", &target),
                seen(Platform::X, "HW_Saporo", "9002", &target),
                seen(Platform::Instagram, "hw.sapporo_official", "9003", &target),
                seen(Platform::X, "HW_Sappor0", "9004", &target),
            ],
            ..UnitWrite::default()
        };
        let tally = store
            .apply_unit(run, &write, &|_, s| {
                if s.suspect {
                    SeenAction::Insert
                } else {
                    SeenAction::Ignore
                }
            })
            .await
            .unwrap();
        let ids = tally.new_suspects;
        assert_eq!(ids.len(), 4);
        store.decide(ids[0], &Decision::Confirm, "chief", None).await.unwrap();
        store.decide(ids[1], &Decision::Confirm, "chief", None).await.unwrap();
        store
            .decide(
                ids[1],
                &Decision::Reported {
                    ticket: SECRET_NOTE.into(),
                },
                "chief",
                None,
            )
            .await
            .unwrap();
        store
            .decide(
                ids[2],
                &Decision::Dismiss {
                    reason: SECRET_NOTE.into(),
                },
                "chief",
                None,
            )
            .await
            .unwrap();

        let confirmed = api(&app, "https://x.com/HW_Sapp0ro", None).await;
        assert_eq!(confirmed["result"]["answer"], "confirmed_impostor", "{confirmed}");
        assert_eq!(confirmed["result"]["reported"], false);
        assert_eq!(confirmed["result"]["use_instead"]["handle"], "HW_Sapporo");
        assert_eq!(
            confirmed["result"]["since"].as_str().unwrap().len(),
            10,
            "a day, not a time"
        );
        let by_handle = api(&app, "@hw_sapp0ro", Some("x")).await;
        assert_eq!(
            by_handle["result"]["answer"], "confirmed_impostor",
            "case does not matter on X"
        );

        let reported = api(&app, "twitter.com/HW_Saporo", None).await;
        assert_eq!(reported["result"]["answer"], "confirmed_impostor");
        assert_eq!(reported["result"]["reported"], true);

        // Dismissed and unconfirmed: "not in the registry", with the account it resembles.
        for q in [
            "https://www.instagram.com/hw.sapporo_official/",
            "https://x.com/HW_Sappor0",
        ] {
            let v = api(&app, q, None).await;
            assert_eq!(v["result"]["answer"], "not_official", "{q}: {v}");
        }
        let lookalike = api(&app, "https://x.com/HW_Sappor0", None).await;
        assert_eq!(lookalike["result"]["resembles"]["handle"], "HW_Sapporo", "{lookalike}");

        // Unknown accounts.
        let unknown = api(&app, "@tanaka_hanako_1990", Some("x")).await;
        assert_eq!(unknown["result"]["answer"], "not_official");
        assert!(unknown["result"]["resembles"].is_null(), "{unknown}");
        let other_platform = api(&app, "https://bsky.app/profile/someone.bsky.social", None).await;
        assert_eq!(other_platform["result"]["answer"], "not_official");

        // The page says the same in one sentence first, with nothing internal.
        let page = get(&app, &format!("/check?q={}", enc("https://x.com/HW_Saporo"))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("なりすましであることを職員が確認しています"),
            "{}",
            page.body
        );
        assert!(page.body.contains("削除を依頼しています"));
        assert!(!page.body.contains(SECRET_NOTE));
        let page = get(&app, &format!("/check?q={}&lang=en", enc("https://x.com/HW_Sapporo"))).await;
        assert!(page.body.contains("This is an official account of"), "{}", page.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_questions_are_refused_or_shown_inert_and_the_check_is_rate_limited() {
    let dir = common::tempdir("public-hostile");
    let url = format!("sqlite://{}/n.db?mode=rwc", dir.display());
    let (app, _, _) = setup(&url, |c| c.web.check_per_minute = 200).await;
    let corpus = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "https://x.com/<svg/onload=alert(1)>",
        "{{7*7}}",
        "'; DROP TABLE suspects; --",
        "https://127.0.0.1:8080/admin",
        "file:///etc/passwd",
    ];
    for q in corpus {
        for lang in ["ja", "en"] {
            let r = get(&app, &format!("/check?q={}&platform=x&lang={lang}", enc(q))).await;
            assert!(
                r.status == StatusCode::OK || r.status == StatusCode::BAD_REQUEST,
                "{q}: {}",
                r.status
            );
            assert!(!r.body.contains("<script>alert"), "{q}");
            assert!(!r.body.contains("<img src=x"), "{q}");
            assert!(!r.body.contains("<svg/onload"), "{q}");
            assert!(!r.body.contains("49"), "{q}: a template evaluated the input");
        }
    }
    // Invisible and lookalike characters are shown as marks, in a refused question too.
    let r = get(&app, &format!("/check?q={}", enc("https://x.com/HW_\u{202E}Sapporo"))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("[U+202E]"), "{}", r.body);
    let r = get(&app, &format!("/check?q={}&platform=x", enc("@HW_Sap\u{200B}poro"))).await;
    assert!(r.body.contains("[U+200B]"), "{}", r.body);
    // Too long, and a handle without its platform.
    let r = get(&app, &format!("/api/check?q={}", enc(&"a".repeat(1000)))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = get(&app, "/api/check?q=HW_Sapporo").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // The UI's headers, no CORS, no log-in needed.
    let r = get(&app, "/check").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.headers.get("content-security-policy").is_some());
    assert!(r.headers.get("x-frame-options").is_some() || r.headers.get("content-security-policy").is_some());
    assert!(r.headers.get("access-control-allow-origin").is_none());
    assert!(r.body.contains("<form id=\"check\" method=\"get\" action=\"/check\""));

    // The rate limit, per address: the peer's, whatever X-Forwarded-For says, as no proxy is
    // trusted by default.
    let (app, _, _) = setup(&url, |c| c.web.check_per_minute = 3).await;
    for n in 1..=4 {
        let r = get_as(&app, "/api/check?q=%40HW_Sapporo&platform=x", &format!("203.0.113.{n}")).await;
        if n <= 3 {
            assert_eq!(r.status, StatusCode::OK, "check {n}");
        } else {
            assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
            assert_eq!(r.headers.get("retry-after").unwrap(), "60");
        }
    }
    // Turned off.
    let (app, _, _) = setup(&url, |c| c.web.check_per_minute = 0).await;
    assert_eq!(
        get(&app, "/api/check?q=%40HW_Sapporo&platform=x").await.status,
        StatusCode::NOT_FOUND
    );
    let off = get(&app, "/check").await;
    assert_eq!(off.status, StatusCode::NOT_FOUND);
    assert!(off.body.contains("現在利用できません"), "{}", off.body);
}
