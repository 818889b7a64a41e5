//! The review UI over real HTTP on loopback, on a database filled by a real scan of the demo
//! platform, with staff accounts of each role; and a small client that logs in and posts
//! forms the way a browser does (session cookie, CSRF token, same-origin `Origin`).
#![allow(dead_code, clippy::unwrap_used)]

use std::sync::Arc;

use narisumashi::config::Config;
use narisumashi::demo::{DemoPlatform, population};
use narisumashi::scan::{self, Silent};
use narisumashi::store::{Role, Store};
use narisumashi::web::{App, auth};

/// Every staff account's password in the fixtures.
pub const PASSWORD: &str = "correct horse battery";

/// A served UI and what it holds.
pub struct Fixture {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The database.
    pub store: Store,
    /// The organisation the staff review ("own").
    pub own: String,
    /// Another organisation with suspects ("other").
    pub other: String,
    /// New suspects of the own organisation, highest score first.
    pub own_suspects: Vec<i64>,
    /// New suspects of the other organisation.
    pub other_suspects: Vec<i64>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _demo: DemoPlatform,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

/// Scans the demo platform into `url`, adds `viewer`, `reviewer`, `reviewer2` (own
/// organisation), `other` (a reviewer of the other organisation) and `admin`, and serves the UI.
pub async fn fixture(url: &str) -> Fixture {
    fixture_with(url, |_| {}).await
}

/// As [`fixture`], with the configuration adjusted.
pub async fn fixture_with(url: &str, adjust: impl FnOnce(&mut Config)) -> Fixture {
    let registry = Arc::new(super::registry());
    let demo = DemoPlatform::start(population(&registry, 2026)).await.unwrap();
    let mut base = Config::default();
    base.database.url = url.to_string();
    let mut config = demo.config(&base);
    adjust(&mut config);
    let store = Store::open(url).await.unwrap();
    let opts = super::scan_options();
    scan::run(&store, &registry, &config, &opts, Arc::new(Silent))
        .await
        .unwrap();
    // The two organisations with the most suspects.
    let mut by_org: Vec<(String, i64)> = sqlx::query_as(
        "SELECT org_id, COUNT(*) FROM suspects WHERE status = 'new' GROUP BY org_id ORDER BY COUNT(*) DESC, org_id",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    assert!(
        by_org.len() >= 2,
        "the demo scan flags suspects of at least two bodies: {by_org:?}"
    );
    let other = by_org.remove(1).0;
    let own = by_org.remove(0).0;
    let ids = |org: String| {
        let store = store.clone();
        async move {
            let rows: Vec<(i64,)> =
                sqlx::query_as("SELECT id FROM suspects WHERE org_id = $1 AND status = 'new' ORDER BY score DESC, id")
                    .bind(org)
                    .fetch_all(store.pool())
                    .await
                    .unwrap();
            rows.into_iter().map(|(i,)| i).collect::<Vec<i64>>()
        }
    };
    let own_suspects = ids(own.clone()).await;
    let other_suspects = ids(other.clone()).await;
    let hash = auth::hash_password(PASSWORD).unwrap();
    for (name, role, orgs) in [
        ("viewer", Role::Viewer, vec![own.clone()]),
        ("reviewer", Role::Reviewer, vec![own.clone()]),
        ("reviewer2", Role::Reviewer, vec![own.clone()]),
        ("other", Role::Reviewer, vec![other.clone()]),
        ("admin", Role::Admin, vec![]),
    ] {
        store.add_user(name, role, &orgs, &hash).await.unwrap();
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let app = App::new(store.clone(), registry, Arc::new(config));
    tokio::spawn(narisumashi::web::serve(listener, app, async {
        let _ = stopped.await;
    }));
    Fixture {
        base: base_url,
        store,
        own,
        other,
        own_suspects,
        other_suspects,
        stop: Some(stop),
        _demo: demo,
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    /// Status.
    pub status: u16,
    /// Headers.
    pub headers: reqwest::header::HeaderMap,
    /// Body.
    pub body: String,
    /// Body bytes.
    pub bytes: Vec<u8>,
}

impl Reply {
    /// The `Location` header.
    pub fn location(&self) -> &str {
        self.headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

/// A browser-like client: one cookie jar, no automatic redirects.
pub struct Client {
    /// Base URL.
    pub base: String,
    http: reqwest::Client,
    cookies: std::collections::BTreeMap<String, String>,
    /// The session's CSRF token, once logged in.
    pub csrf: String,
}

/// HTML text unescaped: named and numeric character references.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value of the first `name="…" value="…"` hidden input.
pub fn hidden(body: &str, name: &str) -> Option<String> {
    let at = body.find(&format!("name=\"{name}\" value=\""))?;
    let rest = &body[at + name.len() + 15..];
    Some(unescape(&rest[..rest.find('"')?]))
}

impl Client {
    /// A client with no cookies.
    pub fn new(base: &str) -> Client {
        Client {
            base: base.to_string(),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            cookies: Default::default(),
            csrf: String::new(),
        }
    }

    /// A cookie's value.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.get(name).cloned()
    }

    /// Sets a cookie (to replay an old one).
    pub fn set_cookie(&mut self, name: &str, value: &str) {
        self.cookies.insert(name.to_string(), value.to_string());
    }

    /// The `Cookie` header this client sends.
    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn read(&mut self, res: reqwest::Response) -> Option<Reply> {
        for v in res.headers().get_all("set-cookie") {
            let v = v.to_str().unwrap();
            let first = v.split(';').next().unwrap();
            let (k, val) = first.split_once('=').unwrap();
            if val.is_empty() || v.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), val.to_string());
            }
        }
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let bytes = res.bytes().await.ok()?.to_vec();
        Some(Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes,
        })
    }

    /// GET a path.
    pub async fn get(&mut self, path: &str) -> Reply {
        self.try_get(path).await.expect("an answer")
    }

    /// GET a path; `None` when no whole answer came (the server went away).
    pub async fn try_get(&mut self, path: &str) -> Option<Reply> {
        let res = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .send()
            .await
            .ok()?;
        self.read(res).await
    }

    /// POST a form as the page would (same origin, the session's CSRF token added).
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        self.try_post(path, fields).await.expect("an answer")
    }

    /// As [`Client::post`]; `None` when no whole answer came (the server went away).
    pub async fn try_post(&mut self, path: &str, fields: &[(&str, &str)]) -> Option<Reply> {
        let mut form: Vec<(String, String)> = fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        if !fields.iter().any(|(k, _)| *k == "csrf") {
            form.push(("csrf".into(), self.csrf.clone()));
        }
        self.try_post_raw(path, &form, Some(&self.base.clone())).await
    }

    /// POST exactly these fields with this `Origin` (none if `None`).
    pub async fn post_raw(&mut self, path: &str, form: &[(String, String)], origin: Option<&str>) -> Reply {
        self.try_post_raw(path, form, origin).await.expect("an answer")
    }

    async fn try_post_raw(&mut self, path: &str, form: &[(String, String)], origin: Option<&str>) -> Option<Reply> {
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                url::form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(form.iter())
                    .finish(),
            );
        if let Some(o) = origin {
            req = req.header("origin", o);
        }
        let res = req.send().await.ok()?;
        self.read(res).await
    }

    /// Logs in; the reply of the login POST.
    pub async fn login(&mut self, name: &str, password: &str) -> Reply {
        let page = self.get("/login").await;
        assert_eq!(page.status, 200);
        let token = hidden(&page.body, "csrf").unwrap();
        let reply = self
            .post(
                "/login",
                &[
                    ("csrf", &token),
                    ("username", name),
                    ("password", password),
                    ("next", "/suspects"),
                ],
            )
            .await;
        if reply.status == 303 {
            let queue = self.get("/suspects").await;
            self.csrf = hidden(&queue.body, "csrf").unwrap();
        }
        reply
    }

    /// A logged-in client.
    pub async fn logged_in(base: &str, name: &str) -> Client {
        let mut c = Client::new(base);
        let r = c.login(name, PASSWORD).await;
        assert_eq!(r.status, 303, "login as {name}: {}", r.body);
        c
    }
}
