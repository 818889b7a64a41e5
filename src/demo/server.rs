//! The demo platform's HTTP routes, answering in the platforms' own formats (see
//! `../shared/platform-formats.md`): X API v2 problems with HTTP 200, YouTube list responses
//! without `items` for nothing found, Graph API error 110/2207013, Open Graph profile pages.
//! Every text is escaped where it goes into HTML.

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

use super::avatars::{Copy, render};
use super::{DEMO_TOKEN, DemoAccount, World};
use crate::platform::Platform;

/// A drawn picture and its media type.
type Picture = (axum::body::Bytes, &'static str);

#[derive(Clone)]
struct AppState {
    world: Arc<RwLock<World>>,
    base: String,
    /// Rendered pictures by file name: served like a CDN's static files, drawn once.
    pictures: Arc<std::sync::Mutex<std::collections::HashMap<(u64, Copy), Picture>>>,
    /// Accounts shown in any answer (see [`super::DemoPlatform::shown`]).
    shown: super::Shown,
}

type Params = Query<Vec<(String, String)>>;

fn param<'a>(q: &'a Params, name: &str) -> Option<&'a str> {
    q.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

pub(super) fn router(world: Arc<RwLock<World>>, shown: super::Shown, addr: SocketAddr) -> Router {
    let state = AppState {
        world,
        shown,
        base: format!("http://{addr}"),
        pictures: Arc::default(),
    };
    Router::new()
        .route("/robots.txt", get(|| async { "User-agent: *\nAllow: /\n" }))
        .route("/avatars/{file}", get(avatar))
        .route("/x/2/users/by/username/{username}", get(x_by_username))
        .route("/x/2/users/by", get(x_by_usernames))
        .route("/x/2/users/{id}", get(x_by_id))
        .route("/youtube/v3/channels", get(yt_channels))
        .route("/youtube/v3/search", get(yt_search))
        .route("/graph/v21.0/{user}", get(ig_discovery))
        .route("/facebook/{name}", get(facebook_page))
        .route("/line/{id}", get(line_page))
        .route("/lin.ee/{code}", get(line_short_link))
        .with_state(state)
}

/// Counts the request and waits the configured latency, or, when the platform has stopped
/// answering, until it answers again.
async fn pace(s: &AppState) {
    let latency = {
        let mut w = s.world.write().unwrap_or_else(|e| e.into_inner());
        w.requests += 1;
        w.count_arrival(std::time::Instant::now());
        w.latency
    };
    loop {
        let silent = {
            let w = s.world.read().unwrap_or_else(|e| e.into_inner());
            w.silent_after.is_some_and(|n| w.requests > n)
        };
        if !silent {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
}

/// The account's picture address; every answer that shows an account asks for it, so this is
/// also where the account is recorded as shown.
fn avatar_url(s: &AppState, a: &DemoAccount) -> Option<String> {
    s.shown
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert((a.platform, a.id.clone()));
    a.avatar_file().map(|f| format!("{}/avatars/{f}", s.base))
}

async fn avatar(State(s): State<AppState>, Path(file): Path<String>) -> Response {
    pace(&s).await;
    let parse = || -> Option<(u64, Copy)> {
        let (seed, rest) = file.split_once('-')?;
        let seed = u64::from_str_radix(seed, 16).ok()?;
        let copy = match rest.split('.').next()? {
            "exact" => Copy::Exact,
            "reencoded" => Copy::Reencoded,
            "mirrored" => Copy::Mirrored,
            "cropped" => Copy::Cropped,
            _ => return None,
        };
        Some((seed, copy))
    };
    match parse() {
        Some((seed, copy)) => {
            let cached = s
                .pictures
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&(seed, copy))
                .cloned();
            let (bytes, media) = match cached {
                Some(hit) => hit,
                None => {
                    let (bytes, media) = tokio::task::spawn_blocking(move || render(seed, copy))
                        .await
                        .unwrap_or_else(|_| (Vec::new(), "image/png"));
                    let drawn = (axum::body::Bytes::from(bytes), media);
                    s.pictures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert((seed, copy), drawn.clone());
                    drawn
                }
            };
            ([(header::CONTENT_TYPE, media)], bytes).into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

fn bearer_ok(h: &HeaderMap) -> bool {
    h.get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Bearer {DEMO_TOKEN}"))
}

fn x_unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        axum::Json(json!({"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"})),
    )
        .into_response()
}

fn x_user(s: &AppState, a: &DemoAccount) -> Value {
    let verified_type = if matches!(a.role, super::Role::Genuine(_)) {
        "government"
    } else {
        "none"
    };
    json!({
        "id": a.id,
        "name": a.name,
        "username": a.handle.as_deref().unwrap_or("").trim_start_matches('@'),
        "description": a.bio,
        "profile_image_url": avatar_url(s, a),
        "verified": false,
        "verified_type": verified_type,
        "created_at": "2024-04-01T00:00:00.000Z",
        "public_metrics": {"followers_count": a.followers, "following_count": 12, "tweet_count": 340, "listed_count": 3}
    })
}

fn x_not_found(parameter: &str, value: &str) -> Value {
    json!({
        "value": value,
        "detail": format!("Could not find user with {parameter}: [{value}]."),
        "title": "Not Found Error",
        "resource_type": "user",
        "parameter": parameter,
        "resource_id": value,
        "type": "https://api.twitter.com/2/problems/resource-not-found"
    })
}

/// X's answer for an account it suspended (platform-formats §4.3).
fn x_suspended(parameter: &str, value: &str) -> Value {
    json!({
        "parameter": parameter,
        "resource_id": value,
        "value": value,
        "detail": format!("User has been suspended: [{value}]."),
        "title": "Forbidden",
        "resource_type": "user",
        "type": "https://api.twitter.com/2/problems/resource-not-found"
    })
}

/// The error for a name or id no live account has: suspended if X removed it, else not found.
fn x_missing(w: &super::World, parameter: &str, value: &str) -> Value {
    if w.suspended(Platform::X, value) {
        x_suspended(parameter, value)
    } else {
        x_not_found(parameter, value)
    }
}

fn x_limits() -> [(&'static str, String); 3] {
    let reset = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() + 900)
        .unwrap_or(0);
    [
        ("x-rate-limit-limit", "300".into()),
        ("x-rate-limit-remaining", "299".into()),
        ("x-rate-limit-reset", reset.to_string()),
    ]
}

fn with_limits(body: Value) -> Response {
    let mut r = axum::Json(body).into_response();
    for (k, v) in x_limits() {
        if let Ok(v) = v.parse() {
            r.headers_mut().insert(k, v);
        }
    }
    r
}

async fn x_by_username(State(s): State<AppState>, h: HeaderMap, Path(username): Path<String>) -> Response {
    pace(&s).await;
    if !bearer_ok(&h) {
        return x_unauthorized();
    }
    let w = s.world.read().unwrap_or_else(|e| e.into_inner());
    match w.by_handle(Platform::X, &username) {
        Some(a) => with_limits(json!({"data": x_user(&s, a)})),
        None => with_limits(json!({"errors": [x_missing(&w, "username", &username)]})),
    }
}

async fn x_by_id(State(s): State<AppState>, h: HeaderMap, Path(id): Path<String>) -> Response {
    pace(&s).await;
    if !bearer_ok(&h) {
        return x_unauthorized();
    }
    let w = s.world.read().unwrap_or_else(|e| e.into_inner());
    match w.by_id(Platform::X, &id) {
        Some(a) => with_limits(json!({"data": x_user(&s, a)})),
        None => with_limits(json!({"errors": [x_missing(&w, "id", &id)]})),
    }
}

async fn x_by_usernames(State(s): State<AppState>, h: HeaderMap, q: Params) -> Response {
    pace(&s).await;
    if !bearer_ok(&h) {
        return x_unauthorized();
    }
    let names: Vec<String> = param(&q, "usernames")
        .unwrap_or("")
        .split(',')
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect();
    if names.len() > 100 {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({"errors": [{"message": "usernames: at most 100"}], "title": "Invalid Request"})),
        )
            .into_response();
    }
    let w = s.world.read().unwrap_or_else(|e| e.into_inner());
    let mut data = Vec::new();
    let mut errors = Vec::new();
    for n in &names {
        match w.by_handle(Platform::X, n) {
            Some(a) => data.push(x_user(&s, a)),
            None => errors.push(x_missing(&w, "usernames", n)),
        }
    }
    let mut body = serde_json::Map::new();
    if !data.is_empty() {
        body.insert("data".into(), Value::Array(data));
    }
    if !errors.is_empty() {
        body.insert("errors".into(), Value::Array(errors));
    }
    with_limits(Value::Object(body))
}

fn yt_forbidden() -> Response {
    (
        StatusCode::FORBIDDEN,
        axum::Json(json!({"error": {"code": 403, "message": "The request is missing a valid API key.",
            "errors": [{"message": "The request is missing a valid API key.", "domain": "global", "reason": "forbidden"}],
            "status": "PERMISSION_DENIED"}})),
    )
        .into_response()
}

fn thumbnails(s: &AppState, a: &DemoAccount) -> Value {
    match avatar_url(s, a) {
        Some(u) => json!({"default": {"url": u, "width": 88, "height": 88},
                           "medium": {"url": u, "width": 240, "height": 240},
                           "high": {"url": u, "width": 800, "height": 800}}),
        None => json!({}),
    }
}

async fn yt_channels(State(s): State<AppState>, q: Params) -> Response {
    pace(&s).await;
    if param(&q, "key") != Some(DEMO_TOKEN) {
        return yt_forbidden();
    }
    let w = s.world.read().unwrap_or_else(|e| e.into_inner());
    let found = match (param(&q, "id"), param(&q, "forHandle")) {
        (Some(id), _) => w.by_id(Platform::Youtube, id),
        (None, Some(h)) => w.by_handle(Platform::Youtube, h),
        (None, None) => None,
    };
    let mut body = json!({"kind": "youtube#channelListResponse", "etag": "demo",
        "pageInfo": {"totalResults": u8::from(found.is_some()), "resultsPerPage": 5}});
    if let Some(a) = found {
        body["items"] = json!([{
            "kind": "youtube#channel", "etag": "demo", "id": a.id,
            "snippet": {"title": a.name, "description": a.bio,
                        "customUrl": a.handle.as_ref().map(|h| format!("@{}", h.trim_start_matches('@')).to_lowercase()),
                        "publishedAt": "2020-04-01T00:00:00Z", "thumbnails": thumbnails(&s, a), "country": "JP"}
        }]);
    }
    axum::Json(body).into_response()
}

pub(super) fn bigrams(s: &str) -> Vec<(char, char)> {
    let folded: Vec<char> = crate::normalize::fold_name(s)
        .visual
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    folded.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Loose relevance: most of the query's character pairs appear in the title's. Ranked by the
/// pairs found, then by the fewest pairs the title has besides (an exact title first).
pub(super) fn relevance(query: &[(char, char)], t: &[(char, char)]) -> Option<i64> {
    if query.is_empty() {
        return None;
    }
    let hits = query.iter().filter(|b| t.contains(b)).count();
    let extra = t.iter().filter(|b| !query.contains(b)).count();
    (hits * 2 >= query.len()).then_some(hits as i64 * 1_000 - extra as i64)
}

async fn yt_search(State(s): State<AppState>, q: Params) -> Response {
    pace(&s).await;
    if param(&q, "key") != Some(DEMO_TOKEN) {
        return yt_forbidden();
    }
    let query = bigrams(param(&q, "q").unwrap_or(""));
    let per_page: usize = param(&q, "maxResults")
        .and_then(|m| m.parse().ok())
        .unwrap_or(5)
        .clamp(1, 50);
    let start: usize = param(&q, "pageToken")
        .and_then(|t| t.strip_prefix("p")?.parse().ok())
        .unwrap_or(0);
    let w = s.world.read().unwrap_or_else(|e| e.into_inner());
    let hits: Vec<&DemoAccount> = w.search(Platform::Youtube, &query);
    let items: Vec<Value> = hits
        .iter()
        .skip(start)
        .take(per_page)
        .map(|a| {
            json!({"kind": "youtube#searchResult", "etag": "demo",
                   "id": {"kind": "youtube#channel", "channelId": a.id},
                   "snippet": {"publishedAt": "2020-04-01T00:00:00Z", "channelId": a.id, "title": a.name,
                               "description": a.bio, "thumbnails": thumbnails(&s, a), "channelTitle": a.name,
                               "liveBroadcastContent": "none"}})
        })
        .collect();
    let mut body = json!({"kind": "youtube#searchListResponse", "etag": "demo", "regionCode": "JP",
        "pageInfo": {"totalResults": hits.len(), "resultsPerPage": per_page}, "items": items});
    if start + per_page < hits.len() {
        body["nextPageToken"] = json!(format!("p{}", start + per_page));
    }
    axum::Json(body).into_response()
}

async fn ig_discovery(State(s): State<AppState>, Path(user): Path<String>, q: Params) -> Response {
    pace(&s).await;
    let graph_error = |status: StatusCode, message: &str, code: i64, subcode: Option<i64>| {
        let mut e = json!({"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "Ademo"});
        if let Some(sc) = subcode {
            e["error_subcode"] = json!(sc);
        }
        (status, axum::Json(json!({"error": e}))).into_response()
    };
    if param(&q, "access_token") != Some(DEMO_TOKEN) {
        return graph_error(StatusCode::BAD_REQUEST, "Invalid OAuth access token.", 190, None);
    }
    if user != super::DEMO_IG_USER {
        return graph_error(StatusCode::BAD_REQUEST, "Unsupported get request.", 100, Some(33));
    }
    let fields = param(&q, "fields").unwrap_or("");
    let Some(name) = fields
        .strip_prefix("business_discovery.username(")
        .and_then(|r| r.split_once(')'))
        .map(|(n, _)| n.to_string())
    else {
        return graph_error(
            StatusCode::BAD_REQUEST,
            "(#100) Missing business_discovery field",
            100,
            None,
        );
    };
    let w = s.world.read().unwrap_or_else(|e| e.into_inner());
    match w.by_handle(Platform::Instagram, &name) {
        Some(a) => axum::Json(json!({
            "business_discovery": {"id": a.id, "username": a.handle, "name": a.name, "biography": a.bio,
                "profile_picture_url": avatar_url(&s, a), "followers_count": a.followers, "media_count": 42},
            "id": super::DEMO_IG_USER
        }))
        .into_response(),
        None => graph_error(
            StatusCode::BAD_REQUEST,
            &format!("Invalid user id. The user {name} cannot be found."),
            110,
            Some(2_207_013),
        ),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn og_page(s: &AppState, a: &DemoAccount, title: &str, url: &str) -> Response {
    let image = avatar_url(s, a).unwrap_or_default();
    Html(format!(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{t}</title>\
         <meta property=\"og:title\" content=\"{t}\"><meta property=\"og:description\" content=\"{d}\">\
         <meta property=\"og:image\" content=\"{i}\"><meta property=\"og:url\" content=\"{u}\">\
         <meta property=\"og:type\" content=\"profile\"></head><body><h1>{t}</h1></body></html>",
        t = escape(title),
        d = escape(&a.bio),
        i = escape(&image),
        u = escape(url)
    ))
    .into_response()
}

fn not_found_page() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html("<!DOCTYPE html><html><head><title>Page Not Found</title></head><body>This content isn't available right now</body></html>"),
    )
        .into_response()
}

async fn facebook_page(State(s): State<AppState>, Path(name): Path<String>, q: Params) -> Response {
    pace(&s).await;
    let w = s.world.read().unwrap_or_else(|e| e.into_inner());
    let found = if name == "profile.php" {
        param(&q, "id").and_then(|id| w.by_id(Platform::Facebook, id))
    } else {
        w.by_handle(Platform::Facebook, &name)
            .or_else(|| w.by_id(Platform::Facebook, &name))
    };
    match found {
        Some(a) => og_page(
            &s,
            a,
            &format!("{} | Facebook", a.name),
            &format!("https://www.facebook.com/{}", a.handle.as_deref().unwrap_or(&a.id)),
        ),
        None => not_found_page(),
    }
}

/// A LINE short link: a redirect to the account's add-friend URL (the form platform-formats
/// §5.3 gives, unverified), never followed by the crawler.
async fn line_short_link(State(s): State<AppState>, Path(code): Path<String>) -> Response {
    pace(&s).await;
    let w = s.world.read().unwrap_or_else(|e| e.into_inner());
    let suffix = format!("/https://lin.ee/{code}");
    let target = w.live().map(|(_, a)| a).find(|a| {
        a.platform == Platform::Line && matches!(&a.role, super::Role::Genuine(key) if key.ends_with(&suffix))
    });
    match target.and_then(|a| a.handle.as_deref()) {
        Some(h) => (
            StatusCode::FOUND,
            [(
                axum::http::header::LOCATION,
                format!("https://line.me/R/ti/p/@{}", h.trim_start_matches('@')),
            )],
        )
            .into_response(),
        None => not_found_page(),
    }
}

async fn line_page(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    pace(&s).await;
    let w = s.world.read().unwrap_or_else(|e| e.into_inner());
    match w.by_handle(Platform::Line, &id) {
        Some(a) => og_page(
            &s,
            a,
            &a.name,
            &format!("https://page.line.me/{}", id.trim_start_matches('@')),
        ),
        None => not_found_page(),
    }
}
