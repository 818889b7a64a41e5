//! The public check, for citizens: `GET /check` (a page that works without JavaScript) and
//! `GET /api/check` (JSON, for a body's homepage), no log-in. A question is read and answered
//! by [`crate::official`]; this module owns the page, the API's shape, its words in Japanese
//! and English, and a per-address rate limit. Responses carry the UI's security headers and no
//! CORS header (a browser on another origin cannot read the API unless a proxy adds one).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::client::ClientAddr;
use super::view::{self, Seg};
use super::{App, auth};
use crate::official::{Account, Answer, Question, Unreadable};
use crate::platform::Platform;
use crate::text::wording::Lang;

/// The query of both routes.
#[derive(Debug, Default, Deserialize)]
pub struct CheckParams {
    /// A profile URL or a handle.
    q: Option<String>,
    /// The platform of a handle (`x`, `instagram` …).
    platform: Option<String>,
    /// `ja` or `en` (else the language cookie).
    lang: Option<String>,
}

/// Checks per client address and minute, in this process. With several review servers on one
/// database each process allows its [`share`] of `check_per_minute`, so a client reaches at
/// most the configured limit whichever servers answer it: no write to the database per
/// question (the check faces the public and must stay cheap under a flood), and a client
/// whose proxy sends it always to the same server meets a stricter limit, never a looser one.
#[derive(Default)]
pub(crate) struct Limiter {
    seen: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

/// Addresses remembered at most; beyond, windows that ended are forgotten first.
const LIMITER_ADDRESSES: usize = 10_000;

impl Limiter {
    /// Whether `ip` may check once more within `per_minute`.
    fn allow(&self, ip: IpAddr, per_minute: u32) -> bool {
        let now = Instant::now();
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() >= LIMITER_ADDRESSES && !seen.contains_key(&ip) {
            seen.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_secs(60));
            if seen.len() >= LIMITER_ADDRESSES {
                return false;
            }
        }
        let entry = seen.entry(ip).or_insert((now, 0));
        if now.duration_since(entry.0) >= Duration::from_secs(60) {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= per_minute
    }
}

/// One server's share of a per-client limit meant for `servers` review servers together: the
/// limit divided by them, rounded down, at least 1.
pub(crate) fn share(per_minute: u32, servers: u32) -> u32 {
    (per_minute / servers.max(1)).max(1)
}

/// What was asked and what was answered, or why not.
type Outcome = Result<(Question, Answer), Refusal>;

/// A question not answered.
enum Refusal {
    Unreadable(Unreadable),
    TooMany,
    Off,
    Failed,
}

async fn outcome(app: &App, ip: IpAddr, p: &CheckParams) -> Option<Outcome> {
    let per_minute = app.config.web.check_per_minute;
    if per_minute == 0 {
        return Some(Err(Refusal::Off));
    }
    let text = p.q.as_deref().filter(|q| !q.trim().is_empty())?;
    if !app.checks.allow(ip, share(per_minute, app.servers())) {
        return Some(Err(Refusal::TooMany));
    }
    let platform = p
        .platform
        .as_deref()
        .filter(|s| !s.is_empty())
        .and_then(|s| s.parse().ok());
    let q = match Question::read(text, platform) {
        Ok(q) => q,
        Err(e) => return Some(Err(Refusal::Unreadable(e))),
    };
    let checker = app
        .checker
        .get_or_init(|| crate::official::Checker::new(app.registry.clone()));
    Some(match checker.answer(&app.store, &q).await {
        Ok(a) => Ok((q, a)),
        Err(e) => {
            tracing::warn!("public check: {e}");
            Err(Refusal::Failed)
        }
    })
}

fn lang_of(headers: &HeaderMap, p: &CheckParams) -> Lang {
    match p.lang.as_deref() {
        Some("en") => Lang::En,
        Some("ja") => Lang::Ja,
        _ => auth::lang_of(headers),
    }
}

/// `GET /api/check?q=…[&platform=…]`.
pub async fn api(State(app): State<Arc<App>>, ClientAddr(ip): ClientAddr, Query(p): Query<CheckParams>) -> Response {
    let error = |status: StatusCode, code: &str, message: String| {
        (status, Json(serde_json::json!({"error": code, "message": message}))).into_response()
    };
    match outcome(&app, ip, &p).await {
        None => error(
            StatusCode::BAD_REQUEST,
            "empty",
            "give q: a profile URL or a handle".into(),
        ),
        Some(Ok((q, answer))) => Json(serde_json::json!({
            "asked": {"platform": q.platform, "handle": q.handle, "id": q.id, "url": q.url},
            "result": answer,
        }))
        .into_response(),
        Some(Err(Refusal::Unreadable(e))) => error(StatusCode::BAD_REQUEST, "unreadable", e.to_string()),
        Some(Err(Refusal::TooMany)) => {
            let mut r = error(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "too many checks; wait a minute".into(),
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("60"));
            r
        }
        Some(Err(Refusal::Off)) => error(StatusCode::NOT_FOUND, "off", "the public check is turned off".into()),
        Some(Err(Refusal::Failed)) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the check is unavailable; try again later".into(),
        ),
    }
}

/// An account as the page shows it.
struct Shown {
    body: String,
    homepage: Option<String>,
    platform: &'static str,
    name: Vec<Seg>,
    handle: Vec<Seg>,
    url: String,
    url_is_link: bool,
}

impl Shown {
    fn of(a: &Account) -> Shown {
        Shown {
            body: a.body.clone(),
            homepage: a.homepage.clone().filter(|h| crate::text::safe::is_web_url(h)),
            platform: a.platform.label(),
            name: view::visible(&a.name, 120),
            handle: view::visible(a.handle.as_deref().unwrap_or(""), 120),
            url_is_link: crate::text::safe::is_web_url(&a.url),
            url: a.url.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "check.html")]
struct CheckPage {
    w: &'static Words,
    lang: &'static str,
    other_lang: &'static str,
    other_lang_name: &'static str,
    q: String,
    platforms: Vec<(&'static str, &'static str, bool)>,
    /// `official`, `impostor`, `not_official`, `refused` or empty (nothing asked).
    kind: &'static str,
    /// The answer's one sentence.
    headline: String,
    /// The account asked about, characters made visible.
    asked: Vec<Seg>,
    asked_platform: &'static str,
    account: Option<Shown>,
    since: String,
    reported: bool,
}

/// `GET /check?q=…[&platform=…][&lang=en]`.
pub async fn page(
    State(app): State<Arc<App>>,
    ClientAddr(ip): ClientAddr,
    headers: HeaderMap,
    Query(p): Query<CheckParams>,
) -> Response {
    let lang = lang_of(&headers, &p);
    let w = words(lang);
    let chosen = p.platform.as_deref().unwrap_or("x");
    let mut page = CheckPage {
        w,
        lang: lang.code(),
        other_lang: if lang == Lang::Ja { "en" } else { "ja" },
        other_lang_name: if lang == Lang::Ja { "English" } else { "日本語" },
        q: p.q
            .clone()
            .unwrap_or_default()
            .chars()
            .take(crate::official::MAX_QUESTION)
            .collect(),
        platforms: Platform::ALL
            .iter()
            .map(|x| (x.as_str(), x.label(), x.as_str() == chosen))
            .collect(),
        kind: "",
        headline: String::new(),
        asked: Vec::new(),
        asked_platform: "",
        account: None,
        since: String::new(),
        reported: false,
    };
    let mut status = StatusCode::OK;
    match outcome(&app, ip, &p).await {
        None => {}
        Some(Ok((q, answer))) => {
            page.asked = view::visible(&q.shown(), 200);
            page.asked_platform = q.platform.label();
            match answer {
                Answer::Official { account } => {
                    page.kind = "official";
                    page.headline = w.official.replace("{body}", &account.body);
                    page.account = Some(Shown::of(&account));
                }
                Answer::ConfirmedImpostor {
                    reported,
                    since,
                    use_instead,
                } => {
                    page.kind = "impostor";
                    page.headline = w.impostor.to_string();
                    page.reported = reported;
                    page.since = since;
                    page.account = use_instead.as_ref().map(Shown::of);
                }
                Answer::NotOfficial { resembles } => {
                    page.kind = "not_official";
                    page.headline = w.not_official.to_string();
                    page.account = resembles.as_ref().map(Shown::of);
                }
            }
        }
        Some(Err(refusal)) => {
            page.kind = "refused";
            // What was typed, with its invisible and lookalike characters marked.
            if matches!(refusal, Refusal::Unreadable(_)) {
                page.asked = view::visible(&page.q, 200);
            }
            (status, page.headline) = match refusal {
                Refusal::Unreadable(Unreadable::NoPlatform) => (StatusCode::BAD_REQUEST, w.no_platform.into()),
                Refusal::Unreadable(Unreadable::NotAProfile(_)) => (StatusCode::BAD_REQUEST, w.not_a_profile.into()),
                Refusal::Unreadable(_) => (StatusCode::BAD_REQUEST, w.unreadable.into()),
                Refusal::TooMany => (StatusCode::TOO_MANY_REQUESTS, w.too_many.into()),
                Refusal::Off => (StatusCode::NOT_FOUND, w.off.into()),
                Refusal::Failed => (StatusCode::SERVICE_UNAVAILABLE, w.failed.into()),
            };
        }
    }
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!("public check page: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The page's words.
pub struct Words {
    title: &'static str,
    intro: &'static str,
    label: &'static str,
    hint: &'static str,
    platform: &'static str,
    submit: &'static str,
    official: &'static str,
    official_detail: &'static str,
    impostor: &'static str,
    impostor_since: &'static str,
    impostor_reported: &'static str,
    use_instead: &'static str,
    not_official: &'static str,
    not_official_detail: &'static str,
    resembles: &'static str,
    asked: &'static str,
    body: &'static str,
    name: &'static str,
    handle: &'static str,
    url: &'static str,
    homepage: &'static str,
    no_platform: &'static str,
    not_a_profile: &'static str,
    unreadable: &'static str,
    too_many: &'static str,
    off: &'static str,
    failed: &'static str,
    marks: &'static str,
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

const JA: Words = Words {
    title: "公式アカウントかどうか確かめる",
    intro: "SNSで見かけたアカウントが、登録されている公的機関の公式アカウントかどうかを確かめられます。入力されたURLにはアクセスせず、登録簿と職員の確認結果だけで答えます。",
    label: "プロフィールのURL、またはユーザー名",
    hint: "例：https://x.com/HW_Sapporo 、 @HW_Sapporo（ユーザー名の場合はサービスも選んでください）",
    platform: "サービス（ユーザー名の場合）",
    submit: "確かめる",
    official: "このアカウントは{body}の公式アカウントです。",
    official_detail: "登録されている公式アカウントの情報：",
    impostor: "このアカウントは公式アカウントではありません。なりすましであることを職員が確認しています。",
    impostor_since: "確認した日",
    impostor_reported: "サービスの運営会社に削除を依頼しています。",
    use_instead: "本物の公式アカウントはこちらです：",
    not_official: "このアカウントは登録されている公式アカウントではありません。",
    not_official_detail: "公式アカウントは各機関のホームページで確かめられます。",
    resembles: "次の公式アカウントとユーザー名がよく似ています。なりすましにご注意ください：",
    asked: "確かめたアカウント",
    body: "機関",
    name: "表示名",
    handle: "ユーザー名・ID",
    url: "URL",
    homepage: "機関のホームページ（公式アカウントの一覧）",
    no_platform: "ユーザー名の場合は、サービスを選んでください。",
    not_a_profile: "このURLは、対応しているSNSのプロフィールのURLとして読めませんでした。",
    unreadable: "入力をユーザー名またはURLとして読めませんでした。",
    too_many: "確認の回数が多すぎます。1分ほど待ってから、もう一度お試しください。",
    off: "この確認は現在利用できません。",
    failed: "ただいま確認できません。しばらくしてから、もう一度お試しください。",
    marks: "［U+200B］のような表示は、目に見えない文字や紛らわしい文字が含まれていることを示します。",
};

const EN: Words = Words {
    title: "Is this account official?",
    intro: "Check whether an account you met on social media is an official account of a registered public body. The URL you enter is not visited: the answer comes from the registry and from what the body's staff have confirmed.",
    label: "Profile URL or handle",
    hint: "For example https://x.com/HW_Sapporo or @HW_Sapporo (with a handle, choose the service too)",
    platform: "Service (for a handle)",
    submit: "Check",
    official: "This is an official account of {body}.",
    official_detail: "The registered official account:",
    impostor: "This is not an official account. The body's staff have confirmed it is an impostor.",
    impostor_since: "Confirmed on",
    impostor_reported: "It has been reported to the platform for removal.",
    use_instead: "The real official account:",
    not_official: "This account is not a registered official account.",
    not_official_detail: "Each body lists its official accounts on its homepage.",
    resembles: "Its handle closely resembles this official account; beware of impersonation:",
    asked: "Account checked",
    body: "Body",
    name: "Name",
    handle: "Handle or ID",
    url: "URL",
    homepage: "The body's homepage (its list of official accounts)",
    no_platform: "With a handle, please choose the service.",
    not_a_profile: "This URL could not be read as a profile URL of a supported service.",
    unreadable: "The input could not be read as a handle or URL.",
    too_many: "Too many checks. Please wait a minute and try again.",
    off: "This check is not available.",
    failed: "The check is unavailable right now. Please try again later.",
    marks: "Marks such as [U+200B] show invisible or confusable characters in the text.",
};
