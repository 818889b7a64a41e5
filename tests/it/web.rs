//! The review UI through its real router over HTTP on loopback, on SQLite and PostgreSQL,
//! with a database filled by a real scan of the demo platform: every route for every role
//! and for the staff's own and another organisation, CSRF rejection, login throttling,
//! concurrent decisions, escaping of hostile names, pagination, draft editing, and the scans
//! page's self-tests and digests.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::web::{Client, PASSWORD, fixture, fixture_with};
use narisumashi::drafts::Drafter;
use narisumashi::drafts::dates::JpDate;
use narisumashi::store::Store;

fn tempdir() -> std::path::PathBuf {
    common::tempdir("web")
}

async fn status_of(store: &Store, id: i64) -> (String, i64) {
    let row = store.suspect(id).await.unwrap().unwrap();
    (row.status.to_string(), row.version)
}

async fn a_draft(store: &Store, suspect: i64, actor: &str) -> i64 {
    let reg = common::registry();
    let drafter = Drafter::new(&reg, &Default::default()).unwrap();
    let today = JpDate::from_date(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
    // Drafts are made for confirmed suspects only.
    store
        .decide(suspect, &narisumashi::store::Decision::Confirm, actor, None)
        .await
        .unwrap();
    let drafts = drafter
        .for_suspects(
            store,
            &[suspect],
            Some(&[narisumashi::drafts::DraftKind::Notice]),
            &today,
            narisumashi::drafts::Purpose::ToSend,
        )
        .await
        .unwrap();
    let id = Drafter::save(store, &drafts, actor).await.unwrap()[0];
    // Back in review (dismissed, then reopened), so the route checks can decide on it again.
    use narisumashi::store::Decision;
    let dismiss = Decision::Dismiss {
        reason: "route check".into(),
    };
    store.decide(suspect, &dismiss, actor, None).await.unwrap();
    store.decide(suspect, &Decision::Reopen, actor, None).await.unwrap();
    id
}

async fn revision(store: &Store, draft: i64) -> String {
    store.draft(draft).await.unwrap().unwrap().revision.to_string()
}

/// The text of the element that starts after `marker`: tags dropped, entities decoded.
fn text_of(page: &str, marker: &str) -> String {
    let start = page.find(marker).unwrap() + marker.len();
    let html = &page[start..start + page[start..].find("</p>").unwrap()];
    let mut text = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    common::web::unescape(&text)
}

/// A route check: name, path, form fields (a POST) or none (a GET), expected status.
type Case = (&'static str, String, Option<Vec<(&'static str, String)>>, u16);

/// Every route × every role × own/other organisation, with the status each must answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_checks_session_role_and_organisation() {
    let dir = tempdir();
    for url in common::databases(&dir).await {
        let f = fixture(&url).await;
        let store = &f.store;
        assert!(f.own_suspects.len() >= 4 && !f.other_suspects.is_empty(), "{url}");
        let own_draft = a_draft(store, f.own_suspects[0], "test").await;
        let other_draft = a_draft(store, f.other_suspects[0], "test").await;
        let own_avatar = store
            .suspect(f.own_suspects[0])
            .await
            .unwrap()
            .unwrap()
            .avatar_sha256
            .unwrap();
        let other_avatar = store
            .suspect(f.other_suspects[0])
            .await
            .unwrap()
            .unwrap()
            .avatar_sha256
            .unwrap();
        // A throwaway account for the user-management routes.
        let hash = narisumashi::web::auth::hash_password(PASSWORD).unwrap();
        let victim = store
            .add_user(
                "victim",
                narisumashi::store::Role::Viewer,
                std::slice::from_ref(&f.own),
                &hash,
            )
            .await
            .unwrap();

        // (role, whose, route, expected status)
        let roles = ["anonymous", "viewer", "reviewer", "admin"];
        let mut checked = 0;
        let mut failures = Vec::new();
        let mut successful_decisions = 2; // [0] and [1] keep their state: avatar, drafts, the viewer's attempts
        for role in roles {
            let mut c = if role == "anonymous" {
                Client::new(&f.base)
            } else {
                Client::logged_in(&f.base, role).await
            };
            for whose in ["own", "other"] {
                let own = whose == "own";
                let sees = role == "admin" || (own && role != "anonymous");
                let decides = sees && role != "viewer";
                let anon = role == "anonymous";
                // A suspect this attempt may change without disturbing the others.
                let suspect = if own {
                    if decides {
                        successful_decisions += 1;
                        f.own_suspects[successful_decisions - 1]
                    } else {
                        f.own_suspects[1]
                    }
                } else {
                    f.other_suspects[0]
                };
                let draft = if own { own_draft } else { other_draft };
                let avatar = if own { &own_avatar } else { &other_avatar };
                let org = if own { &f.own } else { &f.other };
                let version = status_of(store, suspect).await.1.to_string();
                let rev = revision(store, draft).await;
                let read = if anon {
                    303
                } else if sees {
                    200
                } else {
                    404
                };
                let write = if anon {
                    303
                } else if !sees {
                    404
                } else if decides {
                    303
                } else {
                    403
                };
                let edit_page = if anon {
                    303
                } else if !sees {
                    404
                } else if decides {
                    200
                } else {
                    403
                };
                let admin_only = |ok: u16| {
                    if anon {
                        303
                    } else if role == "admin" {
                        ok
                    } else {
                        403
                    }
                };
                let cases: Vec<Case> = vec![
                    (
                        "queue",
                        format!("/suspects?status=all&org={org}"),
                        None,
                        if anon {
                            303
                        } else if sees {
                            200
                        } else {
                            403
                        },
                    ),
                    ("suspect", format!("/suspects/{suspect}"), None, read),
                    (
                        "avatar",
                        format!(
                            "/suspects/{}/avatars/{avatar}",
                            if own { f.own_suspects[0] } else { f.other_suspects[0] }
                        ),
                        None,
                        read,
                    ),
                    (
                        "decide",
                        format!("/suspects/{suspect}/decision"),
                        Some(vec![("action", "confirm".into()), ("version", version)]),
                        write,
                    ),
                    (
                        "generate",
                        format!("/suspects/{suspect}/drafts"),
                        // Another kind than the draft edited below: regenerating the same one
                        // would make its next revision under the editor's feet.
                        Some(vec![("kind", "report".into())]),
                        write,
                    ),
                    ("draft", format!("/drafts/{draft}"), None, read),
                    ("draft edit page", format!("/drafts/{draft}/edit"), None, edit_page),
                    (
                        "draft save",
                        format!("/drafts/{draft}"),
                        Some(vec![("revision", rev), ("text", format!("# {role} {whose}\n"))]),
                        write,
                    ),
                    ("download", format!("/drafts/{draft}/download?format=md"), None, read),
                    (
                        "download docx",
                        format!("/drafts/{draft}/download?format=docx"),
                        None,
                        read,
                    ),
                ];
                let global: Vec<Case> = if own {
                    vec![
                        ("home", "/".into(), None, 303),
                        ("scans", "/scans".into(), None, if anon { 303 } else { 200 }),
                        ("registry", "/registry".into(), None, if anon { 303 } else { 200 }),
                        ("audit", "/audit".into(), None, admin_only(200)),
                        ("users", "/users".into(), None, admin_only(200)),
                        (
                            "add user",
                            "/users".into(),
                            Some(vec![
                                ("name", format!("new-{role}")),
                                ("password", PASSWORD.into()),
                                ("role", "viewer".into()),
                                ("org", f.own.clone()),
                            ]),
                            admin_only(303),
                        ),
                        (
                            "disable user",
                            format!("/users/{victim}/disabled"),
                            Some(vec![("disabled", "1".into())]),
                            admin_only(303),
                        ),
                        ("stylesheet", "/static/app.css".into(), None, 200),
                        ("no such page", "/nothing-here".into(), None, 404),
                    ]
                } else {
                    Vec::new()
                };
                for (name, path, form, expected) in cases.into_iter().chain(global) {
                    let reply = match &form {
                        None => c.get(&path).await,
                        Some(fields) => {
                            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                            c.post(&path, &fields).await
                        }
                    };
                    checked += 1;
                    if reply.status != expected {
                        failures.push(format!(
                            "{role} {whose} {name} {path}: {} (expected {expected})",
                            reply.status
                        ));
                    } else if expected == 303 && anon && name != "home" {
                        assert!(
                            reply.location().starts_with("/login"),
                            "{role} {path}: {}",
                            reply.location()
                        );
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{url}: {} of {checked} checks failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
        assert!(checked >= 90, "{checked}");
        // What the successful writes did: the reviewer's and the admin's confirmations.
        assert_eq!(status_of(store, f.own_suspects[2]).await.0, "confirmed", "{url}");
        assert_eq!(status_of(store, f.own_suspects[3]).await.0, "confirmed", "{url}");
        assert_eq!(
            status_of(store, f.own_suspects[1]).await.0,
            "new",
            "{url}: the viewer changed nothing"
        );
        assert_eq!(
            status_of(store, f.other_suspects[0]).await.0,
            "confirmed",
            "{url}: only the admin confirmed it"
        );
        let audit = store.audit_log(None, None, 500).await.unwrap();
        assert!(
            audit
                .iter()
                .any(|a| a.actor == "reviewer" && a.action == "confirm" && a.from_state.as_deref() == Some("new"))
        );
        assert!(audit.iter().any(|a| a.actor == "admin" && a.action == "user_add"));
        let users = store.users().await.unwrap();
        assert!(users.iter().any(|u| u.name == "new-admin") && !users.iter().any(|u| u.name == "new-reviewer"));
        assert!(users.iter().find(|u| u.name == "victim").unwrap().disabled);
        drop(f);
    }
}

/// Sends `request` as it is on a new connection and returns the response's head.
async fn raw_request(base: &str, request: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(base.trim_start_matches("http://").trim_end_matches('/'))
        .await
        .unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 16 * 1024];
    let mut got = Vec::new();
    while !got.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = s.read(&mut buf).await.unwrap();
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&got).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn state_changes_need_the_session_token_and_the_same_origin() {
    fn hardened(r: &common::web::Reply, what: &str) {
        for (name, value) in [
            ("x-frame-options", "DENY"),
            ("x-content-type-options", "nosniff"),
            ("cache-control", "no-store"),
        ] {
            assert_eq!(
                r.headers.get(name).and_then(|v| v.to_str().ok()),
                Some(value),
                "{what}: {name}"
            );
        }
        let csp = r.headers.get("content-security-policy").and_then(|v| v.to_str().ok());
        assert!(
            csp.is_some_and(|c| c.contains("frame-ancestors 'none'")),
            "{what}: {csp:?}"
        );
    }
    let dir = tempdir();
    for url in common::databases(&dir).await {
        let f = fixture(&url).await;
        let id = f.own_suspects[0];
        let mut c = Client::logged_in(&f.base, "reviewer").await;
        let version = status_of(&f.store, id).await.1.to_string();
        let path = format!("/suspects/{id}/decision");
        let form = |csrf: &str| {
            vec![
                ("action".to_string(), "confirm".to_string()),
                ("version".to_string(), version.clone()),
                ("csrf".to_string(), csrf.to_string()),
            ]
        };
        let base = f.base.clone();
        // No token, a wrong token, another session's token.
        let other = Client::logged_in(&f.base, "reviewer2").await;
        for token in ["", "0".repeat(64).as_str(), other.csrf.as_str()] {
            let r = c.post_raw(&path, &form(token), Some(&base)).await;
            assert_eq!(r.status, 403, "{url}: token {token:?}");
        }
        // The right token from another site (a forged form on evil.example).
        let r = c
            .post_raw(&path, &form(&c.csrf.clone()), Some("https://evil.example"))
            .await;
        assert_eq!(r.status, 403, "{url}: cross-origin");
        hardened(&r, "the CSRF layer's 403");
        // A body declared over the limit is refused before it is read, with the same headers.
        let head = raw_request(
            &base,
            &format!(
                "POST {path} HTTP/1.1\r\nHost: x\r\nOrigin: {base}\r\nCookie: {}\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3145728\r\n\r\n",
                c.cookie_header()
            ),
        )
        .await;
        assert!(head.starts_with("HTTP/1.1 413"), "{url}: {head}");
        for header in [
            "x-frame-options: deny",
            "cache-control: no-store",
            "frame-ancestors 'none'",
        ] {
            assert!(
                head.to_lowercase().contains(header),
                "the body limit's 413: {header} in {head}"
            );
        }
        assert_eq!(status_of(&f.store, id).await.0, "new", "{url}: nothing changed");
        // The login form needs its own double-submitted token too.
        let mut fresh = Client::new(&f.base);
        let r = fresh
            .post(
                "/login",
                &[("csrf", "x"), ("username", "reviewer"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.status, 403, "{url}: login without its cookie");
        // And the same form, done right, works.
        let r = c.post_raw(&path, &form(&c.csrf.clone()), Some(&base)).await;
        assert_eq!(r.status, 303, "{url}: {}", r.body);
        assert_eq!(status_of(&f.store, id).await.0, "confirmed");
        // Logging out ends the session on the server: the old cookie is refused.
        let old = c.csrf.clone();
        let session = c.cookie("nrs_session").unwrap();
        let r = c.post("/logout", &[]).await;
        assert_eq!(r.status, 303);
        c.set_cookie("nrs_session", &session);
        assert_eq!(c.get("/suspects").await.status, 303, "{url}");
        let r = c.post_raw(&path, &form(&old), Some(&base)).await;
        assert_eq!(r.status, 303, "{url}: to the login page");
        assert!(r.location().starts_with("/login"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failed_logins_lock_the_name_for_a_while() {
    let dir = tempdir();
    for url in common::databases(&dir).await {
        let f = fixture(&url).await;
        let mut c = Client::new(&f.base);
        let mut statuses = Vec::new();
        for _ in 0..5 {
            statuses.push(c.login("reviewer", "wrong password!").await.status);
        }
        assert_eq!(statuses, vec![401, 401, 401, 401, 429], "{url}");
        // Locked: even the right password is refused, and the page says why.
        let r = c.login("reviewer", PASSWORD).await;
        assert_eq!(r.status, 429, "{url}");
        assert!(r.body.contains("ロック"), "{}", r.body);
        // Other names are not affected; unknown names are throttled the same way.
        assert_eq!(Client::new(&f.base).login("reviewer2", PASSWORD).await.status, 303);
        let mut u = Client::new(&f.base);
        for _ in 0..4 {
            assert_eq!(u.login("nobody", "whatever it is").await.status, 401);
        }
        assert_eq!(u.login("nobody", "whatever it is").await.status, 429);
        // When the lock has run out, the right password works again.
        sqlx::query("UPDATE login_failures SET locked_until = 1 WHERE key = 'user:reviewer'")
            .execute(f.store.pool())
            .await
            .unwrap();
        assert_eq!(
            Client::new(&f.base).login("reviewer", PASSWORD).await.status,
            303,
            "{url}"
        );
        let audit = f.store.audit_log(None, None, 100).await.unwrap();
        assert_eq!(audit.iter().filter(|a| a.action == "login_locked").count(), 1, "{url}");
        // Attempts with names that do not exist leave no row each: they are summarised.
        assert!(!audit.iter().any(|a| a.actor == "nobody"), "{url}");
        let (rows,): (i64,) = sqlx::query_as("SELECT count(*) FROM login_failures WHERE key = 'user:nobody'")
            .fetch_one(f.store.pool())
            .await
            .unwrap();
        assert_eq!(rows, 0, "{url}");
        assert!(audit.iter().any(|a| a.action == "login" && a.actor == "reviewer"));
        // A disabled account cannot log in.
        f.store.set_user_disabled("reviewer2", true).await.unwrap();
        assert_eq!(Client::new(&f.base).login("reviewer2", PASSWORD).await.status, 401);
    }
}

/// Wrong passwords sent together for one name: each attempt is counted before it is verified,
/// so at most `login_attempts` (5) are verified, the rest are refused, and the right password
/// that follows finds the name locked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logins_sent_together_are_counted_before_they_are_verified() {
    let dir = tempdir();
    for url in common::databases(&dir).await {
        let f = fixture(&url).await;
        let mut clients = Vec::new();
        for i in 0..24 {
            let mut c = Client::new(&f.base);
            let token = common::web::hidden(&c.get("/login").await.body, "csrf").unwrap();
            clients.push((c, token, format!("wrong password {i}")));
        }
        let replies = futures_util::future::join_all(clients.iter_mut().map(|(c, token, password)| async move {
            let form = [
                ("csrf", token.as_str()),
                ("username", "reviewer"),
                ("password", password.as_str()),
                ("next", "/suspects"),
            ];
            c.post("/login", &form).await
        }))
        .await;
        let statuses: Vec<u16> = replies.iter().map(|r| r.status).collect();
        let verified_wrong = statuses.iter().filter(|&&s| s == 401).count();
        assert!(verified_wrong <= 5, "{url}: {verified_wrong} verified: {statuses:?}");
        assert!(statuses.iter().all(|s| [401, 429].contains(s)), "{url}: {statuses:?}");
        assert_eq!(
            Client::new(&f.base).login("reviewer", PASSWORD).await.status,
            429,
            "{url}: locked"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_reviewers_deciding_at_once_cannot_overwrite_each_other() {
    let dir = tempdir();
    for url in common::databases(&dir).await {
        let f = fixture(&url).await;
        let mut a = Client::logged_in(&f.base, "reviewer").await;
        let mut b = Client::logged_in(&f.base, "reviewer2").await;
        // Both open the same suspect page, then both act on it.
        let id = f.own_suspects[0];
        let pa = a.get(&format!("/suspects/{id}")).await;
        let pb = b.get(&format!("/suspects/{id}")).await;
        let va = common::web::hidden(&pa.body, "version").unwrap();
        let vb = common::web::hidden(&pb.body, "version").unwrap();
        assert_eq!(va, vb);
        let path = format!("/suspects/{id}/decision");
        let fa = [("action", "confirm"), ("version", va.as_str())];
        let fb = [
            ("action", "dismiss"),
            ("version", vb.as_str()),
            ("reason", "同名の民間企業"),
        ];
        let (ra, rb) = tokio::join!(a.post(&path, &fa), b.post(&path, &fb));
        let mut statuses = [ra.status, rb.status];
        statuses.sort();
        assert_eq!(statuses, [303, 409], "{url}: {} / {}", ra.body, rb.body);
        let loser = if ra.status == 409 { &ra } else { &rb };
        assert!(loser.body.contains("他の担当者"), "{}", loser.body);
        let events = f.store.events(id).await.unwrap();
        assert_eq!(
            events.iter().filter(|e| e.actor != "scan").count(),
            1,
            "{url}: one decision recorded"
        );
        // Sequentially too: the second, on the old version, is told and changes nothing.
        let id = f.own_suspects[1];
        let v = status_of(&f.store, id).await.1.to_string();
        let path = format!("/suspects/{id}/decision");
        assert_eq!(
            a.post(&path, &[("action", "confirm"), ("version", &v)]).await.status,
            303
        );
        let r = b
            .post(&path, &[("action", "dismiss"), ("version", &v), ("reason", "x")])
            .await;
        assert_eq!(r.status, 409, "{url}");
        assert_eq!(status_of(&f.store, id).await.0, "confirmed");
        // A dismissal needs a reason; a report needs a ticket.
        let v = status_of(&f.store, id).await.1.to_string();
        assert_eq!(
            a.post(&path, &[("action", "reported"), ("version", &v), ("ticket", " ")])
                .await
                .status,
            400
        );
        assert_eq!(
            a.post(
                &path,
                &[("action", "reported"), ("version", &v), ("ticket", "X-2026-0042")]
            )
            .await
            .status,
            303
        );
        let row = f.store.suspect(id).await.unwrap().unwrap();
        assert_eq!(
            (row.status.as_str(), row.reported_ticket.as_deref()),
            ("reported", Some("X-2026-0042"))
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_names_bios_and_urls_are_shown_as_text() {
    let dir = tempdir();
    for url in common::databases(&dir).await {
        let f = fixture(&url).await;
        let id = f.own_suspects[0];
        sqlx::query("UPDATE suspects SET display_name = $1, bio = $2, url = $3, handle = $4 WHERE id = $5")
            .bind("<img src=x onerror=alert(1)>【公式】\u{202E}<script>alert(2)</script>")
            .bind("\"><svg onload=alert(3)> {{ 7*7 }} {% if %}")
            .bind("javascript:alert(4)")
            .bind("a\"onmouseover=\"alert(5)")
            .bind(id)
            .execute(f.store.pool())
            .await
            .unwrap();
        let mut c = Client::logged_in(&f.base, "reviewer").await;
        for path in [format!("/suspects/{id}"), "/suspects?status=all".to_string()] {
            let r = c.get(&path).await;
            assert_eq!(r.status, 200);
            let b = &r.body;
            for raw in [
                "<img src=x",
                "<script>alert",
                "<svg",
                "onmouseover=\"alert",
                "href=\"javascript:",
            ] {
                assert!(!b.contains(raw), "{url} {path}: {raw} reached the page");
            }
            assert!(
                b.contains("[U+202E]"),
                "{path}: the bidi override is shown, not applied"
            );
            let csp = r.headers.get("content-security-policy").unwrap().to_str().unwrap();
            assert!(
                csp.contains("default-src 'none'") && !csp.contains("script-src"),
                "{csp}"
            );
            assert_eq!(r.headers.get("x-frame-options").unwrap(), "DENY");
        }
        let page = c.get(&format!("/suspects/{id}")).await.body;
        assert!(page.contains("{{ 7*7 }}"), "template syntax in data stays text");
        // The name as a reader sees it: the text of the marked-up characters, unescaped.
        assert_eq!(
            text_of(&page, "id=\"suspect-name\">"),
            "<img src=x onerror=alert(1)>【公式】[U+202E]<script>alert(2)</script>"
        );
        let queue = c.get("/suspects?status=all").await.body;
        assert!(
            common::web::unescape(&queue).contains("<img src=x onerror=alert(1)>【公式】"),
            "the queue shows the name as text"
        );
        // Profile links are http(s) only and open without referrer or opener.
        for link in page.split("<a ").skip(1).filter(|l| l.contains("class=\"profile\"")) {
            assert!(
                link.contains("href=\"https://") || link.contains("href=\"http://"),
                "{link}"
            );
            assert!(link.contains("rel=\"noopener noreferrer\""), "{link}");
        }
        // The avatar is ours: a re-encoded PNG from the stored evidence.
        let sha = f.store.suspect(id).await.unwrap().unwrap().avatar_sha256.unwrap();
        let r = c.get(&format!("/suspects/{id}/avatars/{sha}")).await;
        assert_eq!(
            (r.status, r.headers.get("content-type").unwrap().to_str().unwrap()),
            (200, "image/png")
        );
        assert!(r.bytes.starts_with(b"\x89PNG"));
        // An evidence hash that is not this case's is not served.
        let other = f
            .store
            .suspect(f.own_suspects[1])
            .await
            .unwrap()
            .unwrap()
            .avatar_sha256
            .unwrap();
        // (The genuine account's picture is served beside the suspect's: an impostor that
        // copied it exactly has that very hash.)
        let target = f.store.suspect(id).await.unwrap().unwrap().target_key;
        let genuine = f.store.snapshot(&target).await.unwrap().and_then(|s| s.avatar_sha256);
        if other != sha && Some(&other) != genuine.as_ref() {
            assert_eq!(c.get(&format!("/suspects/{id}/avatars/{other}")).await.status, 404);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_pages_through_every_suspect_once_in_order() {
    let dir = tempdir();
    for url in common::databases(&dir).await {
        let f = fixture(&url).await;
        let mut c = Client::logged_in(&f.base, "admin").await;
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM suspects")
            .fetch_one(f.store.pool())
            .await
            .unwrap();
        let mut seen = Vec::new();
        let mut next = "/suspects?status=all".to_string();
        let mut pages = 0;
        loop {
            let r = c.get(&next).await;
            assert_eq!(r.status, 200, "{next}");
            pages += 1;
            for part in r.body.split("class=\"suspect-link\" href=\"/suspects/").skip(1) {
                seen.push(part[..part.find('"').unwrap()].parse::<i64>().unwrap());
            }
            let marker = "id=\"next-page\" href=\"";
            match r.body.find(marker) {
                Some(at) => {
                    let rest = &r.body[at + marker.len()..];
                    next = rest[..rest.find('"').unwrap()].replace("&amp;", "&");
                }
                None => break,
            }
        }
        assert_eq!(seen.len() as i64, total, "{url}: {pages} pages");
        let distinct: std::collections::BTreeSet<_> = seen.iter().collect();
        assert_eq!(distinct.len(), seen.len(), "{url}: a suspect appeared twice");
        // In queue order: newest flagged first, then highest score.
        let mut keys = Vec::new();
        for id in &seen {
            let r = f.store.suspect(*id).await.unwrap().unwrap();
            keys.push((r.flagged_run_id, r.score));
        }
        assert!(
            keys.windows(2)
                .all(|w| w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 >= w[1].1)),
            "{url}"
        );
        // Counts per status add up, and filters apply.
        let r = c.get("/suspects?status=new&platform=x&min_score=90").await;
        assert_eq!(r.status, 200);
        assert_eq!(c.get("/suspects?status=bogus").await.status, 400);
        assert_eq!(c.get("/suspects?after=not-a-cursor").await.status, 400);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drafts_are_generated_edited_with_history_and_downloaded() {
    let dir = tempdir();
    for url in common::databases(&dir).await {
        let f = fixture(&url).await;
        let id = f.own_suspects[0];
        let mut c = Client::logged_in(&f.base, "reviewer").await;
        // Not before a person confirmed it: the form is not offered, a posted form is refused,
        // and nothing is stored (a takedown against an honest account is a false accusation).
        let page = c.get(&format!("/suspects/{id}")).await.body;
        assert!(
            !page.contains("id=\"generate-drafts\"") && page.contains("id=\"drafts-after-confirm\""),
            "{url}"
        );
        let r = c
            .post(
                &format!("/suspects/{id}/drafts"),
                &[("kind", "notice"), ("kind", "takedown")],
            )
            .await;
        assert_eq!(r.status, 409, "{url}: {}", r.body);
        assert!(r.body.contains("なりすまし確定"), "{url}: {}", r.body);
        assert!(f.store.drafts_for(id).await.unwrap().is_empty(), "{url}");
        let version = f.store.suspect(id).await.unwrap().unwrap().version.to_string();
        let r = c
            .post(
                &format!("/suspects/{id}/decision"),
                &[("action", "confirm"), ("version", &version)],
            )
            .await;
        assert_eq!(r.status, 303, "{url}: {}", r.body);
        assert!(
            c.get(&format!("/suspects/{id}"))
                .await
                .body
                .contains("id=\"generate-drafts\""),
            "{url}"
        );
        let r = c
            .post(
                &format!("/suspects/{id}/drafts"),
                &[("kind", "notice"), ("kind", "takedown")],
            )
            .await;
        assert_eq!(r.status, 303, "{url}: {}", r.body);
        let drafts = f.store.drafts_for(id).await.unwrap();
        assert!(
            drafts.iter().any(|d| d.kind == "notice") && drafts.iter().any(|d| d.kind == "takedown"),
            "{url}"
        );
        let notice = drafts.iter().find(|d| d.kind == "notice").unwrap();
        let page = c.get(&format!("/suspects/{id}")).await.body;
        assert!(page.contains(&format!("href=\"/drafts/{}\"", notice.id)));
        // Edit: the page shows the text; saving makes revision 2; the first stays readable.
        let edit = c.get(&format!("/drafts/{}/edit", notice.id)).await;
        assert_eq!(edit.status, 200);
        let text = edit.body[edit.body.find("<textarea").unwrap()..].to_string();
        let text = &text[text.find('>').unwrap() + 1..text.find("</textarea>").unwrap()];
        let text = common::web::unescape(text);
        assert!(text.contains("<https://"), "links are editable as <https://…>");
        let edited = format!("{text}\n追記：担当者が確認しました。\n");
        let r = c
            .post(
                &format!("/drafts/{}", notice.id),
                &[("revision", "1"), ("text", &edited)],
            )
            .await;
        assert_eq!(r.status, 303, "{url}: {}", r.body);
        let revs = f.store.draft_revisions(notice.id).await.unwrap();
        assert_eq!(revs.iter().map(|r| r.rev).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(revs[0].edited_by, "reviewer");
        let latest = c.get(&format!("/drafts/{}/download?format=txt", notice.id)).await;
        let first = c.get(&format!("/drafts/{}/download?format=txt&rev=1", notice.id)).await;
        assert!(latest.body.contains("追記：担当者が確認しました。") && !first.body.contains("追記"));
        assert!(
            latest
                .headers
                .get("content-disposition")
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("attachment;")
        );
        // The suspect's name stays data through the edit (escaped in the HTML download).
        let html = c.get(&format!("/drafts/{}/download?format=html", notice.id)).await;
        assert!(html.body.contains("<!DOCTYPE html>"));
        let docx = c.get(&format!("/drafts/{}/download?format=docx", notice.id)).await;
        assert!(docx.bytes.starts_with(b"PK"), "{url}: a .docx is a zip");
        // Saving on top of an old revision is refused, with the text kept.
        let r = c
            .post(
                &format!("/drafts/{}", notice.id),
                &[("revision", "1"), ("text", "# 古い版からの編集")],
            )
            .await;
        assert_eq!(r.status, 409, "{url}");
        assert!(r.body.contains("古い版からの編集"));
        assert_eq!(f.store.draft_revisions(notice.id).await.unwrap().len(), 2);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cookies_are_secure_behind_https_and_the_scan_banner_tells_the_state() {
    let dir = tempdir();
    let url = common::databases(&dir).await.remove(0);
    let f = fixture_with(&url, |c| c.web.public_url = Some("https://review.example.lg.jp".into())).await;
    let mut c = Client::new(&f.base);
    let page = c.get("/login").await;
    let token = common::web::hidden(&page.body, "csrf").unwrap();
    let r = c
        .post(
            "/login",
            &[("csrf", &token), ("username", "reviewer"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 303);
    let cookie = r
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("nrs_session="))
        .unwrap();
    for flag in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(flag), "{cookie}");
    }
    // The configured public origin is trusted for form posts; others are not.
    let token = common::web::hidden(&c.get("/suspects").await.body, "csrf").unwrap();
    let form = vec![("csrf".to_string(), token)];
    let r = c.post_raw("/logout", &form, Some("https://evil.example")).await;
    assert_eq!(r.status, 403);
    let r = c.post_raw("/logout", &form, Some("https://review.example.lg.jp")).await;
    assert_eq!(r.status, 303);
    // The last scan is shown; a failed one is flagged.
    let mut c = Client::logged_in(&f.base, "reviewer").await;
    let page = c.get("/suspects").await.body;
    assert!(page.contains("id=\"scan-status\" class=\"scan ok\""), "{page}");
    sqlx::query(
        "UPDATE scan_runs SET status = 'failed', message = 'x.com: 401' WHERE id = (SELECT MAX(id) FROM scan_runs)",
    )
    .execute(f.store.pool())
    .await
    .unwrap();
    let page = c.get("/suspects").await.body;
    assert!(
        page.contains("class=\"scan warn\"") && page.contains("正常に終わっていません"),
        "{page}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scans_page_shows_failed_self_tests_to_staff_and_digests_to_admins_only() {
    use narisumashi::store::{NewNotification, ProbeRow, ProbeStatus};
    let dir = tempdir();
    for url in common::databases(&dir).await {
        let f = fixture(&url).await;
        let run = f.store.runs(1).await.unwrap()[0].id;
        f.store
            .record_probes(
                run,
                &[ProbeRow {
                    platform: narisumashi::Platform::Youtube,
                    status: ProbeStatus::Degraded,
                    detail: "<b>@x</b> not found".into(),
                    checked_at: 0,
                }],
            )
            .await
            .unwrap();
        f.store
            .record_notification(
                run,
                &NewNotification {
                    org_id: &f.own,
                    channel: "email",
                    recipient: "koho@city.example.lg.jp",
                    kind: "digest",
                    covers_from_run: run,
                    sent: false,
                    attempts: 3,
                    error: Some("SMTP: 451 4.3.0 try again later"),
                },
            )
            .await
            .unwrap();
        let mut admin = Client::new(&f.base);
        assert_eq!(admin.login("admin", PASSWORD).await.status, 303);
        let page = admin.get("/scans").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("youtube degraded: "), "{url}");
        assert!(!page.body.contains("<b>@x"), "{url}: the detail is escaped");
        assert!(page.body.contains("koho@city.example.lg.jp"), "{url}");
        assert!(page.body.contains("451 4.3.0"), "{url}");
        assert!(page.body.contains("class=\"failed\""), "{url}: the run is marked");
        let mut viewer = Client::new(&f.base);
        assert_eq!(viewer.login("viewer", PASSWORD).await.status, 303);
        let page = viewer.get("/scans").await;
        assert!(page.body.contains("youtube degraded: "), "{url}");
        assert!(
            !page.body.contains("koho@city.example.lg.jp"),
            "{url}: recipients are for administrators"
        );
        f.store.close().await;
    }
}

/// The queue downloads as CSV for Excel, as filtered and only with the staff's own bodies.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_downloads_as_csv_with_the_staffs_bodies_only() {
    let dir = tempdir();
    let url = common::databases(&dir).await.remove(0);
    let f = fixture(&url).await;
    assert_eq!(
        Client::new(&f.base).get("/suspects.csv").await.status,
        303,
        "login first"
    );
    let mut c = Client::logged_in(&f.base, "reviewer").await;
    let page = c.get("/suspects?status=new").await.body;
    assert!(
        page.contains("href=\"/suspects.csv?status=new\""),
        "the page links its download"
    );
    let r = c.get("/suspects.csv?status=new").await;
    assert_eq!(r.status, 200);
    assert!(
        r.headers
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        r.headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert!(r.bytes.starts_with("\u{FEFF}".as_bytes()));
    let mut reader = csv::Reader::from_reader(r.bytes.as_slice());
    assert_eq!(reader.headers().unwrap().iter().next(), Some("番号"));
    let ids: Vec<i64> = reader.records().map(|r| r.unwrap()[0].parse().unwrap()).collect();
    let mut own = f.own_suspects.clone();
    own.sort_unstable();
    let mut got = ids.clone();
    got.sort_unstable();
    assert_eq!(
        got, own,
        "every new suspect of the reviewer's body, and no other body's"
    );
    assert_eq!(c.get(&format!("/suspects.csv?org={}", f.other)).await.status, 403);
    // More rows than a page of the queue holds: the download still has every one.
    let mut copy = 0;
    while own.len() <= narisumashi::store::QUEUE_PAGE_MAX as usize + 20 {
        copy += 1;
        let added: Vec<(i64,)> = sqlx::query_as(
            "INSERT INTO suspects (platform, account_key, display_name, org_id, target_key, target_label, score, \
             reasons, status, status_changed_at, first_seen_at, last_seen_at, flagged_run_id) \
             SELECT platform, account_key || $1, display_name, org_id, target_key, target_label, score, reasons, \
             status, status_changed_at, first_seen_at, last_seen_at, flagged_run_id \
             FROM suspects WHERE org_id = $2 AND status = 'new' RETURNING id",
        )
        .bind(format!("-copy{copy}"))
        .bind(&f.own)
        .fetch_all(f.store.pool())
        .await
        .unwrap();
        own.extend(added.into_iter().map(|(id,)| id));
    }
    let r = c.get("/suspects.csv?status=new").await;
    let mut got: Vec<i64> = csv::Reader::from_reader(r.bytes.as_slice())
        .records()
        .map(|r| r.unwrap()[0].parse().unwrap())
        .collect();
    got.sort_unstable();
    own.sort_unstable();
    assert_eq!(got, own, "all {} rows, past the first page", own.len());
}

/// Sockets that send half a request line and wait: each is closed when its head has not
/// arrived in time, and while they are many, the one that waited longest makes room for a new
/// connection, so staff still get their pages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_open_sockets_cannot_lock_staff_out() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = tempdir();
    let url = common::databases(&dir).await.remove(0);
    let f = fixture_with(&url, |c| {
        c.web.max_connections = 40;
        c.web.header_timeout_secs = 2;
    })
    .await;
    let addr = f.base.trim_start_matches("http://").to_string();
    let mut held = Vec::new();
    for _ in 0..200 {
        let mut s = tokio::net::TcpStream::connect(&addr).await.unwrap();
        s.write_all(b"GET /login HT").await.unwrap();
        held.push(s);
    }
    // A whole request gets its page, on a new connection, while those are held.
    let r = reqwest::Client::new()
        .get(format!("{}/login", f.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // The held sockets were closed: the oldest to make room, the rest when their time ran
    // out; none of them got an answer.
    let mut closed = 0;
    for s in &mut held {
        let mut buf = [0u8; 64];
        let n = tokio::time::timeout(std::time::Duration::from_secs(10), s.read(&mut buf))
            .await
            .expect("closed by the head timeout")
            .unwrap_or(0);
        let got = String::from_utf8_lossy(&buf[..n]).to_string();
        assert!(n == 0 || got.starts_with("HTTP/1.1 408"), "{got}");
        closed += 1;
    }
    assert_eq!(closed, 200);
}

/// A staff name is one name whatever its case: a second account differing only in case is
/// refused, logging in finds the account whatever the case typed, and a database that already
/// holds such a pair is not opened until they are renamed, with a message that names them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_names_are_one_name_whatever_their_case() {
    let dir = tempdir();
    for url in common::databases(&dir).await {
        let store = narisumashi::store::Store::open(&url).await.unwrap();
        let hash = narisumashi::web::auth::hash_password(PASSWORD).unwrap();
        store
            .add_user("Tanaka", narisumashi::store::Role::Reviewer, &[], &hash)
            .await
            .unwrap();
        let e = store
            .add_user("tanaka", narisumashi::store::Role::Admin, &[], &hash)
            .await
            .unwrap_err();
        assert!(e.to_string().contains("already exists"), "{url}: {e}");
        let found = store.user_for_login("TANAKA").await.unwrap();
        assert_eq!(found.map(|(u, _)| u.name).as_deref(), Some("Tanaka"), "{url}");
        // A pair made before names were compared this way.
        for sql in [
            "DROP INDEX users_name_nocase",
            "DELETE FROM _sqlx_migrations WHERE version = 7",
            "INSERT INTO users (name, role, password_hash, disabled, created_at, password_changed_at) \
             VALUES ('tanaka', 'viewer', 'x', 0, 0, 0)",
        ] {
            sqlx::query(sql).execute(store.pool()).await.unwrap();
        }
        store.close().await;
        let e = narisumashi::store::Store::open(&url).await.err().expect("refused");
        let message = e.to_string();
        assert!(message.contains("Tanaka / tanaka"), "{url}: {message}");
        assert!(message.contains("Rename"), "{message}");
        // Renamed, it opens and the index is made.
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&url).await.unwrap();
        sqlx::query("UPDATE users SET name = 'tanaka-2' WHERE name = 'tanaka'")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
        let store = narisumashi::store::Store::open(&url).await.unwrap();
        assert!(
            sqlx::query(
                "INSERT INTO users (name, role, password_hash, disabled, created_at, password_changed_at) \
                 VALUES ('TANAKA-2', 'viewer', 'x', 0, 0, 0)"
            )
            .execute(store.pool())
            .await
            .is_err(),
            "{url}: the index refuses another"
        );
    }
}

/// The scan history says which sources a night skipped and why, in words (platform: reason),
/// not as the stored JSON.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scan_history_names_skipped_sources_in_words() {
    let dir = tempdir();
    let url = common::databases(&dir).await.remove(0);
    let f = fixture(&url).await;
    let mut c = Client::logged_in(&f.base, "reviewer").await;
    let page = common::web::unescape(&c.get("/scans").await.body);
    assert!(page.contains("LINE: genuine account"), "{page}");
    assert!(!page.contains("[\"line\""), "raw JSON on the page");
}
