//! The UI's pages and actions. Each handler checks access first (`Staff` for a session,
//! then the organisation and role), then reads or changes the store, then renders a page or
//! redirects. Forms are parsed by hand from `application/x-www-form-urlencoded`, so a missing
//! or repeated field is a clear 400, and multi-valued fields (draft kinds, organisations) work.

use std::collections::BTreeMap;
use std::sync::Arc;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::auth::{self, LANG_COOKIE, LOGIN_CSRF_COOKIE, SESSION_COOKIE, Staff};
use super::i18n::{Lang, T};
use super::throttle::LockPolicy;
use super::view::{self, Seg, jst, percent};
use super::{App, WebError, local_path, url_encode};
use crate::drafts::{DraftKind, Drafter, Format, Purpose, markup};
use crate::store::{
    Decision, NewAudit, QueueCursor, QueueQuery, Role, RunStatus, StoreError, SuspectRow, SuspectStatus, now,
};

type Page = Result<Response, WebError>;

const PAGE_SIZE: i64 = 50;

/// A submitted form's fields.
struct Form(Vec<(String, String)>);

impl Form {
    fn parse(body: &[u8]) -> Form {
        Form(url::form_urlencoded::parse(body).into_owned().collect())
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn need(&self, name: &str) -> Result<&str, WebError> {
        self.get(name)
            .ok_or_else(|| WebError::BadRequest(format!("the form has no {name}")))
    }
}

fn html(t: impl Template) -> Page {
    Ok(Html(t.render()?).into_response())
}

fn with_status(status: StatusCode, t: impl Template) -> Page {
    Ok((status, Html(t.render()?)).into_response())
}

/// What every page's header shows.
pub struct Chrome {
    /// Words.
    pub t: &'static T,
    /// `ja` or `en`.
    pub lang: &'static str,
    /// The other language's code and name, for the switch.
    pub other_lang: &'static str,
    /// The other language's name.
    pub other_lang_label: &'static str,
    /// The staff member.
    pub user: String,
    /// Their role, in words.
    pub role: &'static str,
    /// Whether to show the admin pages.
    pub is_admin: bool,
    /// The session's CSRF token.
    pub csrf: String,
    /// Which nav item is current.
    pub nav: &'static str,
    /// This page's path, encoded, to come back to after a language switch.
    pub here: String,
    /// When the last scan ran and how it went.
    pub scan_text: String,
    /// `ok` or `warn`.
    pub scan_class: &'static str,
    /// A warning about the last scan, empty if none.
    pub scan_warning: &'static str,
}

async fn chrome(app: &App, staff: &Staff, nav: &'static str, here: &str) -> Result<Chrome, WebError> {
    let t = staff.lang.t();
    let last = app.store.runs(1).await?.into_iter().next();
    let (scan_text, scan_warning) = match &last {
        None => (t.no_scan_yet.to_string(), ""),
        Some(r) => {
            let when = jst(r.finished_at.unwrap_or(r.started_at));
            let text = format!("{when}（{}）#{}", staff.lang.run_status(r.status), r.id);
            let warning = if matches!(r.status, RunStatus::Failed | RunStatus::Interrupted) || r.errors > 0 {
                t.scan_failed_warning
            } else if now() - r.started_at > 36 * 3600 {
                t.scan_stale_warning
            } else {
                ""
            };
            (text, warning)
        }
    };
    let (other_lang, other_lang_label) = match staff.lang {
        Lang::Ja => ("en", "English"),
        Lang::En => ("ja", "日本語"),
    };
    Ok(Chrome {
        t,
        lang: staff.lang.code(),
        other_lang,
        other_lang_label,
        user: staff.user.name.clone(),
        role: staff.lang.role(staff.user.role),
        is_admin: staff.user.role == Role::Admin,
        csrf: staff.csrf.clone(),
        nav,
        here: url_encode(here),
        scan_class: if scan_warning.is_empty() && last.is_some() {
            "ok"
        } else {
            "warn"
        },
        scan_text,
        scan_warning,
    })
}

// ----- login, logout, language -------------------------------------------------------------

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    t: &'static T,
    lang: &'static str,
    csrf: String,
    next: String,
    error: &'static str,
    username: String,
}

/// `GET /`.
pub async fn home() -> Redirect {
    Redirect::to("/suspects")
}

#[derive(serde::Deserialize)]
pub struct NextParam {
    next: Option<String>,
}

/// `GET /login`.
pub async fn login_page(State(app): State<Arc<App>>, Query(q): Query<NextParam>, headers: HeaderMap) -> Page {
    let lang = auth::lang_of(&headers);
    login_form(
        &app,
        lang,
        local_path(q.next.as_deref()),
        "",
        String::new(),
        StatusCode::OK,
    )
}

fn login_form(app: &App, lang: Lang, next: String, error: &'static str, username: String, status: StatusCode) -> Page {
    let csrf = auth::random_token();
    let page = LoginPage {
        t: lang.t(),
        lang: lang.code(),
        csrf: csrf.clone(),
        next,
        error,
        username,
    };
    let mut res = (status, Html(page.render()?)).into_response();
    let cookie = auth::set_cookie(LOGIN_CSRF_COOKIE, &csrf, Some(3600), app.secure());
    if let Ok(v) = cookie.parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

/// How long a login waits for a free core to verify its password before it is refused.
const LOGIN_WAIT: std::time::Duration = std::time::Duration::from_millis(500);

/// `POST /login`: double-submit CSRF check, throttle, password, new session.
pub async fn login(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Page {
    let form = Form::parse(&body);
    let lang = auth::lang_of(&headers);
    let next = local_path(form.get("next"));
    let token = form.get("csrf").unwrap_or("");
    if token.is_empty() || !auth::cookie(&headers, LOGIN_CSRF_COOKIE).is_some_and(|c| auth::same(c, token)) {
        return Err(WebError::Csrf);
    }
    let name: String = form.get("username").unwrap_or("").trim().chars().take(64).collect();
    let password = form.get("password").unwrap_or("").to_string();
    let web = &app.config.web;
    let key = format!("user:{}", name.to_lowercase());
    let t = lang.t();
    let policy = LockPolicy {
        attempts: web.login_attempts.max(1),
        window_secs: 3600,
        lock_secs: web.login_lock_minutes.max(1) * 60,
    };
    let locked = |app: &App, name: String| {
        login_form(
            app,
            lang,
            next.clone(),
            t.login_locked,
            name,
            StatusCode::TOO_MANY_REQUESTS,
        )
    };
    let Some((user, hash)) = app.store.user_for_login(&name).await? else {
        // A name that does not exist: counted and locked in memory like one that does,
        // answered after as long as a verification takes, and summarised in the audit log;
        // no core, no 19 MiB, no row per attempt.
        if app.logins.unknown_locked(&key) {
            return locked(&app, name);
        }
        let counted = app.logins.count_unknown(&key, policy);
        app.logins.stand_in_delay().await;
        if let Some(summary) = app.logins.unknown_failed(&markup::inert(&name, 64)) {
            audit_unknown_names(&app.store, &summary).await?;
        }
        if counted.locked {
            return locked(&app, name);
        }
        return login_form(&app, lang, next, t.login_failed, name, StatusCode::UNAUTHORIZED);
    };
    if app
        .store
        .login_failures(&key)
        .await?
        .locked_until
        .is_some_and(|u| u > now())
    {
        return locked(&app, name);
    }
    // The attempt is counted before anything else, in one statement, so that attempts sent
    // together cannot all be verified before the name locks: at most `login_attempts`
    // verifications per name in a window, and the rest never wait for a core.
    let f = app
        .store
        .record_login_failure(&key, policy.attempts, policy.window_secs, policy.lock_secs)
        .await?;
    if f.count > policy.attempts {
        return locked(&app, name);
    }
    // Verifying costs a core and 19 MiB for a while: at most one verification per core at a
    // time, and a request that finds them all busy for a moment is refused (429 with
    // Retry-After) rather than queued.
    let Ok(ok) = app.logins.verify(password, hash, LOGIN_WAIT).await else {
        let mut res = login_form(&app, lang, next, t.login_busy, name, StatusCode::TOO_MANY_REQUESTS)?;
        res.headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        return Ok(res);
    };
    if !ok || user.disabled {
        let inert = markup::inert(&name, 64);
        app.store
            .audit(&NewAudit {
                actor: &inert,
                action: if f.locked_until.is_some() {
                    "login_locked"
                } else {
                    "login_failed"
                },
                detail: Some(&format!("{} / {}", f.count, policy.attempts)),
                ..Default::default()
            })
            .await?;
        let (msg, status) = if f.locked_until.is_some() {
            (t.login_locked, StatusCode::TOO_MANY_REQUESTS)
        } else {
            (t.login_failed, StatusCode::UNAUTHORIZED)
        };
        return login_form(&app, lang, next, msg, name, status);
    }
    app.store.clear_login_failures(&key).await?;
    // A new session id at every login (no fixation), its own CSRF token.
    let token = auth::random_token();
    let expires = now() + web.session_hours.max(1) * 3600;
    app.store
        .create_session(&auth::sha256_hex(&token), user.id, &auth::random_token(), expires)
        .await?;
    app.store
        .audit(&NewAudit {
            actor: &user.name,
            action: "login",
            ..Default::default()
        })
        .await?;
    let mut res = Redirect::to(&next).into_response();
    let secure = app.secure();
    for c in [
        auth::set_cookie(SESSION_COOKIE, &token, Some(web.session_hours.max(1) * 3600), secure),
        auth::set_cookie(LOGIN_CSRF_COOKIE, "", Some(0), secure),
    ] {
        if let Ok(v) = c.parse() {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    Ok(res)
}

/// One audit line for the failed log-ins with names that do not exist since the last:
/// `count / seconds: a few of the names`.
pub(super) async fn audit_unknown_names(store: &crate::store::Store, summary: &str) -> Result<(), WebError> {
    store
        .audit(&NewAudit {
            actor: "-",
            action: "login_failed_unknown",
            detail: Some(summary),
            ..Default::default()
        })
        .await?;
    Ok(())
}

/// `POST /logout`.
pub async fn logout(State(app): State<Arc<App>>, staff: Staff, body: Bytes) -> Page {
    staff.check_csrf(Form::parse(&body).get("csrf").unwrap_or(""))?;
    app.store.delete_session(&staff.token_hash).await?;
    app.store
        .audit(&NewAudit {
            actor: &staff.user.name,
            action: "logout",
            ..Default::default()
        })
        .await?;
    let mut res = Redirect::to("/login").into_response();
    if let Ok(v) = auth::set_cookie(SESSION_COOKIE, "", Some(0), app.secure()).parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

/// `GET /lang/{ja|en}?next=/path`: a preference cookie, then back.
pub async fn switch_lang(State(app): State<Arc<App>>, Path(code): Path<String>, Query(q): Query<NextParam>) -> Page {
    let lang = if code == "en" { "en" } else { "ja" };
    let mut res = Redirect::to(&local_path(q.next.as_deref())).into_response();
    if let Ok(v) = auth::set_cookie(LANG_COOKIE, lang, Some(365 * 86400), app.secure()).parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

// ----- the queue ---------------------------------------------------------------------------

/// One row of the queue.
pub struct QueueRow {
    id: i64,
    platform: &'static str,
    name: Vec<Seg>,
    handle: String,
    target: String,
    org: String,
    score: String,
    status: String,
    status_class: &'static str,
    flagged: String,
}

/// A status tab with its count.
pub struct Tab {
    label: String,
    href: String,
    count: i64,
    active: bool,
}

#[derive(Template)]
#[template(path = "queue.html")]
struct QueuePage {
    c: Chrome,
    tabs: Vec<Tab>,
    rows: Vec<QueueRow>,
    platforms: Vec<(&'static str, &'static str, bool)>,
    orgs: Vec<(String, String, bool)>,
    min_score: String,
    status: String,
    next: String,
    first: String,
    is_first: bool,
    /// The CSV download of the queue as filtered.
    csv: String,
}

#[derive(serde::Deserialize, Default)]
pub struct QueueParams {
    status: Option<String>,
    platform: Option<String>,
    min_score: Option<String>,
    org: Option<String>,
    after: Option<String>,
}

fn platform_label(p: &str) -> &'static str {
    match p {
        "x" => "X",
        "instagram" => "Instagram",
        "facebook" => "Facebook",
        "youtube" => "YouTube",
        "line" => "LINE",
        "bluesky" => "Bluesky",
        "mastodon" => "Mastodon",
        _ => "?",
    }
}

const PLATFORMS: [&str; 7] = ["x", "instagram", "facebook", "youtube", "line", "bluesky", "mastodon"];

fn status_class(s: &str) -> &'static str {
    match s {
        "new" => "st-new",
        "confirmed" => "st-confirmed",
        "reported" => "st-reported",
        "removed" => "st-removed",
        _ => "st-dismissed",
    }
}

/// The queue's filters, checked: the page and its CSV download share them.
struct QueueFilter {
    status: String,
    statuses: Vec<SuspectStatus>,
    platform: Option<String>,
    min_score: Option<f64>,
    org: Option<String>,
    orgs: Option<Vec<String>>,
}

fn queue_filter(staff: &Staff, q: &QueueParams) -> Result<QueueFilter, WebError> {
    let empty = |o: &Option<String>| o.as_deref().filter(|s| !s.is_empty()).map(str::to_string);
    let status = empty(&q.status).unwrap_or_else(|| "new".into());
    let statuses = match status.as_str() {
        "all" => Vec::new(),
        s => vec![SuspectStatus::parse(s).ok_or_else(|| WebError::BadRequest(format!("no status {s:?}")))?],
    };
    let platform = empty(&q.platform);
    if let Some(p) = &platform
        && !PLATFORMS.contains(&p.as_str())
    {
        return Err(WebError::BadRequest(format!("no platform {p:?}")));
    }
    let min_score = match empty(&q.min_score) {
        Some(m) => Some(
            m.parse::<f64>()
                .ok()
                .filter(|v| (0.0..=100.0).contains(v))
                .ok_or_else(|| WebError::BadRequest("the lowest score is a percentage".into()))?
                / 100.0,
        ),
        None => None,
    };
    let org = empty(&q.org);
    let orgs = match &org {
        Some(o) => {
            staff.must_see(o).map_err(|_| WebError::Forbidden)?;
            Some(vec![o.clone()])
        }
        None => staff.orgs(),
    };
    Ok(QueueFilter {
        status,
        statuses,
        platform,
        min_score,
        org,
        orgs,
    })
}

/// `GET /suspects.csv`: the queue as filtered, every row, for Excel (UTF-8 with a byte-order
/// mark, Japanese headers; see [`crate::export`]).
pub async fn queue_csv(State(app): State<Arc<App>>, staff: Staff, Query(q): Query<QueueParams>) -> Page {
    let f = queue_filter(&staff, &q)?;
    let rows = app
        .store
        .queue_all(QueueQuery {
            orgs: f.orgs,
            statuses: f.statuses,
            platform: f.platform,
            min_score: f.min_score,
            after: None,
            limit: 0,
        })
        .await?;
    let csv = crate::export::suspects_csv(&rows, super::view::jst);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"narisumashi-suspects.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        csv,
    )
        .into_response())
}

/// `GET /suspects`.
pub async fn queue(State(app): State<Arc<App>>, staff: Staff, Query(q): Query<QueueParams>) -> Page {
    let QueueFilter {
        status,
        statuses,
        platform,
        min_score,
        org,
        orgs,
    } = queue_filter(&staff, &q)?;
    let empty = |o: &Option<String>| o.as_deref().filter(|s| !s.is_empty()).map(str::to_string);
    let after = match empty(&q.after) {
        Some(a) => Some(QueueCursor::decode(&a).ok_or_else(|| WebError::BadRequest("bad page cursor".into()))?),
        None => None,
    };
    let rows = app
        .store
        .queue(&QueueQuery {
            orgs: orgs.clone(),
            statuses,
            platform: platform.clone(),
            min_score,
            after,
            limit: PAGE_SIZE + 1,
        })
        .await?;
    let counts: BTreeMap<String, i64> = app
        .queue_counts(orgs.as_deref(), platform.as_deref(), min_score)
        .await?
        .into_iter()
        .collect();
    let lang = staff.lang;
    let t = lang.t();
    let base_query = |status: &str, after: Option<&str>| {
        let mut qs = format!("/suspects?status={}", url_encode(status));
        if let Some(p) = &platform {
            qs += &format!("&platform={}", url_encode(p));
        }
        if let Some(m) = &q.min_score.as_deref().filter(|s| !s.is_empty()) {
            qs += &format!("&min_score={}", url_encode(m));
        }
        if let Some(o) = &org {
            qs += &format!("&org={}", url_encode(o));
        }
        if let Some(a) = after {
            qs += &format!("&after={}", url_encode(a));
        }
        qs
    };
    let mut tabs: Vec<Tab> = SuspectStatus::ALL
        .iter()
        .map(|s| Tab {
            label: lang.status(*s).to_string(),
            href: base_query(s.as_str(), None),
            count: counts.get(s.as_str()).copied().unwrap_or(0),
            active: status == s.as_str(),
        })
        .collect();
    tabs.push(Tab {
        label: t.all.to_string(),
        href: base_query("all", None),
        count: counts.values().sum(),
        active: status == "all",
    });
    let more = rows.len() as i64 > PAGE_SIZE;
    let rows: Vec<SuspectRow> = rows.into_iter().take(PAGE_SIZE as usize).collect();
    let next = match (more, rows.last()) {
        (true, Some(last)) => base_query(&status, Some(&QueueCursor::after(last).encode())),
        _ => String::new(),
    };
    let view_rows = rows
        .iter()
        .map(|r| QueueRow {
            id: r.id,
            platform: platform_label(&r.platform),
            name: view::visible(&r.display_name, 80),
            handle: r.handle.as_deref().map(|h| markup::inert(h, 60)).unwrap_or_default(),
            target: r.target_label.clone(),
            org: app
                .registry
                .organisation(&r.org_id)
                .map_or_else(|| r.org_id.clone(), |o| o.name.clone()),
            score: percent(r.score),
            status: lang.status_word(&r.status),
            status_class: status_class(&r.status),
            flagged: jst(r.first_seen_at),
        })
        .collect();
    let visible_orgs: Vec<(String, String, bool)> = app
        .registry
        .organisations
        .iter()
        .filter(|o| staff.sees(&o.id))
        .map(|o| (o.id.clone(), o.name.clone(), org.as_deref() == Some(o.id.as_str())))
        .collect();
    let here = base_query(&status, q.after.as_deref());
    html(QueuePage {
        c: chrome(&app, &staff, "queue", &here).await?,
        tabs,
        rows: view_rows,
        platforms: PLATFORMS
            .iter()
            .map(|p| (*p, platform_label(p), platform.as_deref() == Some(*p)))
            .collect(),
        orgs: visible_orgs,
        min_score: q.min_score.clone().unwrap_or_default(),
        first: base_query(&status, None),
        csv: base_query(&status, None).replacen("/suspects?", "/suspects.csv?", 1),
        is_first: after.is_none(),
        status,
        next,
    })
}

// ----- one suspect -------------------------------------------------------------------------

/// A side of the comparison.
pub struct Side {
    name: Vec<Seg>,
    handle: Vec<Seg>,
    bio: Vec<Seg>,
    url: String,
    url_is_link: bool,
    avatar: String,
}

/// A sighting row.
pub struct SightingView {
    run: i64,
    when: String,
    name: Vec<Seg>,
    handle: String,
    score: String,
    verdict: String,
}

/// An event row.
pub struct EventView {
    when: String,
    who: String,
    from: String,
    to: String,
    note: String,
}

/// A draft row.
pub struct DraftLink {
    id: i64,
    title: String,
    kind: String,
    lang: String,
    revision: i64,
    when: String,
    who: String,
}

#[derive(Template)]
#[template(path = "suspect.html")]
struct SuspectPage {
    c: Chrome,
    id: i64,
    version: i64,
    platform: &'static str,
    org: String,
    target: String,
    status: String,
    status_class: &'static str,
    status_note: String,
    score: String,
    first_seen: String,
    last_seen: String,
    genuine: Side,
    suspect: Side,
    reasons: Vec<String>,
    sightings: Vec<SightingView>,
    events: Vec<EventView>,
    drafts: Vec<DraftLink>,
    kinds: Vec<(&'static str, &'static str, bool)>,
    can_decide: bool,
    /// Whether the drafts form is offered: the CLI's rule (confirmed or reported suspects only).
    can_draft: bool,
    actions: Actions,
    message: String,
    error: String,
}

#[derive(serde::Deserialize, Default)]
pub struct DoneParam {
    done: Option<String>,
}

async fn visible_suspect(app: &App, staff: &Staff, id: i64) -> Result<SuspectRow, WebError> {
    let row = app.store.suspect(id).await?.ok_or(WebError::NotFound)?;
    staff.must_see(&row.org_id)?;
    Ok(row)
}

/// `GET /suspects/{id}`.
pub async fn suspect(
    State(app): State<Arc<App>>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(q): Query<DoneParam>,
) -> Page {
    let row = visible_suspect(&app, &staff, id).await?;
    let t = staff.lang.t();
    let message = match q.done.as_deref() {
        Some("drafts") => t.generated.to_string(),
        Some(_) => t.saved.to_string(),
        None => String::new(),
    };
    suspect_page(&app, &staff, row, message, String::new(), StatusCode::OK).await
}

/// The decisions a status allows (the store enforces the same transitions).
pub struct Actions {
    confirm: bool,
    dismiss: bool,
    reported: bool,
    removed: bool,
    reopen: bool,
    any: bool,
}

fn allowed_actions(status: SuspectStatus) -> Actions {
    use SuspectStatus::*;
    let (confirm, dismiss, reported, removed, reopen) = match status {
        New => (true, true, false, false, false),
        Confirmed => (false, true, true, true, false),
        Reported => (false, false, true, true, false),
        Dismissed => (true, false, false, false, true),
        Removed => (false, false, false, false, true),
    };
    Actions {
        confirm,
        dismiss,
        reported,
        removed,
        reopen,
        any: confirm || dismiss || reported || removed || reopen,
    }
}

async fn suspect_page(
    app: &App,
    staff: &Staff,
    row: SuspectRow,
    message: String,
    error: String,
    status: StatusCode,
) -> Page {
    let lang = staff.lang;
    let org = app.registry.organisation(&row.org_id);
    let genuine = org.and_then(|o| {
        o.accounts
            .iter()
            .find(|a| crate::scan::account_key(o, a) == row.target_key)
    });
    let snapshot = app.store.snapshot(&row.target_key).await?;
    let g_name = snapshot
        .as_ref()
        .and_then(|s| s.display_name.clone())
        .or_else(|| genuine.map(|g| g.display_name.clone()))
        .unwrap_or_else(|| row.target_label.clone());
    let g_handle = snapshot
        .as_ref()
        .and_then(|s| s.handle.clone())
        .or_else(|| genuine.and_then(|g| g.handle.clone()))
        .unwrap_or_default();
    let (gn, sn) = view::compare(&g_name, &row.display_name, false);
    let (gh, sh) = view::compare(&g_handle, row.handle.as_deref().unwrap_or(""), true);
    let g_url = genuine
        .and_then(|g| g.shown_url().map(str::to_string))
        .unwrap_or_default();
    let s_url = row.url.clone().unwrap_or_default();
    let avatar_url = |sha: &Option<String>| {
        sha.as_ref()
            .map(|s| format!("/suspects/{}/avatars/{}", row.id, url_encode(s)))
            .unwrap_or_default()
    };
    let reason_texts: Vec<String> = row
        .reasons()
        .iter()
        .map(|r| {
            crate::wording::stored(
                r,
                match lang {
                    Lang::Ja => crate::wording::Lang::Ja,
                    Lang::En => crate::wording::Lang::En,
                },
            )
        })
        .map(|s| markup::inert(&s, 400))
        .collect();
    let sightings = app
        .store
        .sightings(row.id)
        .await?
        .into_iter()
        .rev()
        .take(50)
        .map(|s| SightingView {
            run: s.run_id,
            when: jst(s.seen_at),
            name: view::visible(&s.display_name, 80),
            handle: s.handle.as_deref().map(|h| markup::inert(h, 60)).unwrap_or_default(),
            score: percent(s.score),
            verdict: lang.verdict(&s.verdict),
        })
        .collect();
    let events = app
        .store
        .events(row.id)
        .await?
        .into_iter()
        .rev()
        .map(|e| EventView {
            when: jst(e.at),
            who: e.actor,
            from: e
                .from_status
                .as_deref()
                .map(|s| lang.status_word(s))
                .unwrap_or_default(),
            to: lang.status_word(&e.to_status),
            note: e.note.as_deref().map(|n| markup::inert(n, 300)).unwrap_or_default(),
        })
        .collect();
    let drafts = app
        .store
        .drafts_for(row.id)
        .await?
        .into_iter()
        .map(|d| DraftLink {
            id: d.id,
            title: markup::inert(&d.title, 120),
            kind: DraftKind::parse(&d.kind).map_or(d.kind.clone(), |k| kind_label(k, lang).to_string()),
            lang: d.lang,
            revision: d.revision,
            when: jst(d.generated_at),
            who: d.generated_by,
        })
        .collect();
    let steps = org.map(|o| o.procedure.steps.clone()).unwrap_or_default();
    let kinds = DraftKind::FOR_SUSPECTS
        .iter()
        .map(|k| (k.as_str(), kind_label(*k, lang), steps.contains(&k.step())))
        .collect();
    let status_word = row.status();
    let page = SuspectPage {
        c: chrome(app, staff, "queue", &format!("/suspects/{}", row.id)).await?,
        id: row.id,
        version: row.version,
        platform: platform_label(&row.platform),
        org: org.map_or_else(|| row.org_id.clone(), |o| o.name.clone()),
        target: row.target_label.clone(),
        status: lang.status(status_word).to_string(),
        status_class: status_class(&row.status),
        status_note: row
            .status_note
            .as_deref()
            .map(|n| markup::inert(n, 300))
            .unwrap_or_default(),
        score: percent(row.score),
        first_seen: jst(row.first_seen_at),
        last_seen: jst(row.last_seen_at),
        genuine: Side {
            name: gn,
            handle: gh,
            bio: view::visible(snapshot.as_ref().and_then(|s| s.bio.as_deref()).unwrap_or(""), 400),
            url_is_link: markup::is_web_url(&g_url),
            url: g_url,
            avatar: avatar_url(&snapshot.as_ref().and_then(|s| s.avatar_sha256.clone())),
        },
        suspect: Side {
            name: sn,
            handle: sh,
            bio: view::visible(row.bio.as_deref().unwrap_or(""), 400),
            url_is_link: markup::is_web_url(&s_url),
            url: markup::inert(&s_url, 300),
            avatar: avatar_url(&row.avatar_sha256),
        },
        reasons: reason_texts,
        sightings,
        events,
        drafts,
        kinds,
        can_decide: staff.user.role.can_decide(),
        can_draft: staff.user.role.can_decide() && status_word.may_be_drafted(),
        actions: allowed_actions(status_word),
        message,
        error,
    };
    with_status(status, page)
}

fn kind_label(k: DraftKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => k.label_ja(),
        Lang::En => match k {
            DraftKind::Takedown => "Takedown request (to the platform)",
            DraftKind::Notice => "Public notice (homepage)",
            DraftKind::Post => "Post on the official account",
            DraftKind::Report => "Internal report",
            DraftKind::Press => "Press information",
            DraftKind::AccountsPage => "Official accounts page",
        },
    }
}

/// `POST /suspects/{id}/decision`.
pub async fn decide(State(app): State<Arc<App>>, staff: Staff, Path(id): Path<i64>, body: Bytes) -> Page {
    let row = visible_suspect(&app, &staff, id).await?;
    let form = Form::parse(&body);
    staff.check_csrf(form.get("csrf").unwrap_or(""))?;
    staff.must_decide()?;
    let version: i64 = form
        .need("version")?
        .parse()
        .map_err(|_| WebError::BadRequest("version is a number".into()))?;
    let text = |name: &str| {
        form.get(name)
            .unwrap_or("")
            .trim()
            .chars()
            .take(500)
            .collect::<String>()
    };
    let decision = match form.need("action")? {
        "confirm" => Decision::Confirm,
        "dismiss" => Decision::Dismiss { reason: text("reason") },
        "reported" => Decision::Reported { ticket: text("ticket") },
        "removed" => Decision::Removed,
        "reopen" => Decision::Reopen,
        other => return Err(WebError::BadRequest(format!("no action {other:?}"))),
    };
    let t = staff.lang.t();
    match app.store.decide(id, &decision, &staff.user.name, Some(version)).await {
        Ok(_) => {
            app.counts_changed();
            Ok(Redirect::to(&format!("/suspects/{id}?done=decision")).into_response())
        }
        Err(StoreError::Conflict { .. } | StoreError::Transition { .. }) => {
            let fresh = app.store.suspect(id).await?.unwrap_or(row);
            suspect_page(
                &app,
                &staff,
                fresh,
                String::new(),
                t.conflict.to_string(),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(StoreError::Invalid(_)) => {
            let msg = match decision {
                Decision::Dismiss { .. } => t.dismiss_reason,
                _ => t.ticket,
            };
            suspect_page(
                &app,
                &staff,
                row,
                String::new(),
                format!("{}: {msg}", t.bad_request),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /suspects/{id}/avatars/{sha}`: a stored picture of this case (the suspect's, one it
/// was seen with, or the genuine account's), re-encoded as a small PNG: platform bytes are
/// never served as they came, and nothing is fetched from the platform.
pub async fn avatar(State(app): State<Arc<App>>, staff: Staff, Path((id, sha)): Path<(i64, String)>) -> Page {
    let row = visible_suspect(&app, &staff, id).await?;
    let mut allowed = row.avatar_sha256.as_deref() == Some(sha.as_str());
    if !allowed {
        allowed = app
            .store
            .sightings(id)
            .await?
            .iter()
            .any(|s| s.avatar_sha256.as_deref() == Some(sha.as_str()))
            || app
                .store
                .snapshot(&row.target_key)
                .await?
                .is_some_and(|s| s.avatar_sha256.as_deref() == Some(sha.as_str()));
    }
    if !allowed {
        return Err(WebError::NotFound);
    }
    let bytes = app.store.avatar(&sha).await?.ok_or(WebError::NotFound)?;
    let png = tokio::task::spawn_blocking(move || crate::drafts::thumbnail(&bytes))
        .await
        .ok()
        .flatten()
        .ok_or(WebError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "private, max-age=3600"),
        ],
        png,
    )
        .into_response())
}

// ----- drafts ------------------------------------------------------------------------------

/// `POST /suspects/{id}/drafts`: generates the chosen kinds and stores them.
pub async fn generate_drafts(State(app): State<Arc<App>>, staff: Staff, Path(id): Path<i64>, body: Bytes) -> Page {
    let row = visible_suspect(&app, &staff, id).await?;
    let form = Form::parse(&body);
    staff.check_csrf(form.get("csrf").unwrap_or(""))?;
    staff.must_decide()?;
    let kinds: Vec<DraftKind> = form
        .all("kind")
        .iter()
        .map(|k| {
            DraftKind::parse(k)
                .filter(|k| DraftKind::FOR_SUSPECTS.contains(k))
                .ok_or_else(|| WebError::BadRequest(format!("no document kind {k:?}")))
        })
        .collect::<Result<_, _>>()?;
    if kinds.is_empty() {
        return Err(WebError::BadRequest("choose at least one kind of document".into()));
    }
    let drafter = Drafter::new(&app.registry, &app.config.drafts)?;
    let today = crate::drafts::dates::JpDate::from_unix(now());
    let drafts = drafter
        .for_suspects(&app.store, &[row.id], Some(&kinds), &today, Purpose::ToSend)
        .await?;
    Drafter::save(&app.store, &drafts, &staff.user.name).await?;
    Ok(Redirect::to(&format!("/suspects/{id}?done=drafts#drafts")).into_response())
}

/// A revision row.
pub struct RevisionView {
    rev: i64,
    who: String,
    when: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "draft.html")]
struct DraftPage {
    c: Chrome,
    id: i64,
    title: String,
    kind: String,
    lang: String,
    rev: i64,
    latest: i64,
    body: String,
    revisions: Vec<RevisionView>,
    suspects: Vec<i64>,
    can_edit: bool,
    message: String,
}

#[derive(Template)]
#[template(path = "draft_edit.html")]
struct DraftEditPage {
    c: Chrome,
    id: i64,
    title: String,
    revision: i64,
    text: String,
    error: String,
}

#[derive(serde::Deserialize, Default)]
pub struct DraftParams {
    rev: Option<i64>,
    format: Option<String>,
    saved: Option<String>,
}

async fn visible_draft(app: &App, staff: &Staff, id: i64) -> Result<crate::store::DraftRow, WebError> {
    let d = app.store.draft(id).await?.ok_or(WebError::NotFound)?;
    staff.must_see(&d.org_id)?;
    Ok(d)
}

async fn draft_at(app: &App, d: &crate::store::DraftRow, rev: Option<i64>) -> Result<(i64, String), WebError> {
    match rev {
        None => Ok((d.revision, d.source.clone())),
        Some(r) => app
            .store
            .draft_revisions(d.id)
            .await?
            .into_iter()
            .find(|x| x.rev == r)
            .map(|x| (x.rev, x.source))
            .ok_or(WebError::NotFound),
    }
}

/// `GET /drafts/{id}[?rev=N]`.
pub async fn draft(
    State(app): State<Arc<App>>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(q): Query<DraftParams>,
) -> Page {
    let d = visible_draft(&app, &staff, id).await?;
    let (rev, source) = draft_at(&app, &d, q.rev).await?;
    let drafter = Drafter::new(&app.registry, &app.config.drafts)?;
    let doc = drafter.stored(&app.store, &d, &source).await?;
    let body = markup::html_body(&markup::parse(&doc.source), &doc.avatars);
    let revisions = app
        .store
        .draft_revisions(id)
        .await?
        .into_iter()
        .map(|r| RevisionView {
            current: r.rev == rev,
            rev: r.rev,
            who: r.edited_by,
            when: jst(r.edited_at),
        })
        .collect();
    let lang = staff.lang;
    html(DraftPage {
        c: chrome(&app, &staff, "queue", &format!("/drafts/{id}")).await?,
        id,
        title: markup::inert(&d.title, 200),
        kind: DraftKind::parse(&d.kind).map_or(d.kind.clone(), |k| kind_label(k, lang).to_string()),
        lang: d.lang.clone(),
        rev,
        latest: d.revision,
        body,
        revisions,
        suspects: doc.suspect_ids,
        can_edit: staff.user.role.can_decide(),
        message: if q.saved.is_some() {
            lang.t().saved.to_string()
        } else {
            String::new()
        },
    })
}

/// `GET /drafts/{id}/edit`.
pub async fn edit_draft(State(app): State<Arc<App>>, staff: Staff, Path(id): Path<i64>) -> Page {
    let d = visible_draft(&app, &staff, id).await?;
    staff.must_decide()?;
    html(DraftEditPage {
        c: chrome(&app, &staff, "queue", &format!("/drafts/{id}/edit")).await?,
        id,
        title: markup::inert(&d.title, 200),
        revision: d.revision,
        text: markup::to_editable(&d.source),
        error: String::new(),
    })
}

/// `POST /drafts/{id}`: saves an edit as the next revision.
pub async fn save_draft(State(app): State<Arc<App>>, staff: Staff, Path(id): Path<i64>, body: Bytes) -> Page {
    let d = visible_draft(&app, &staff, id).await?;
    let form = Form::parse(&body);
    staff.check_csrf(form.get("csrf").unwrap_or(""))?;
    staff.must_decide()?;
    let revision: i64 = form
        .need("revision")?
        .parse()
        .map_err(|_| WebError::BadRequest("revision is a number".into()))?;
    let text = form.need("text")?;
    if text.len() > 1_000_000 {
        return Err(WebError::BadRequest("the document is too long".into()));
    }
    let source = markup::from_edited(text, &d.source);
    let markdown = markup::to_markdown(&markup::parse(&source), &[]);
    match app
        .store
        .edit_draft(id, revision, &source, &markdown, &staff.user.name)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/drafts/{id}?saved=1")).into_response()),
        Err(StoreError::DraftConflict { current, .. }) => with_status(
            StatusCode::CONFLICT,
            DraftEditPage {
                c: chrome(&app, &staff, "queue", &format!("/drafts/{id}/edit")).await?,
                id,
                title: markup::inert(&d.title, 200),
                revision: current,
                text: text.to_string(),
                error: staff.lang.t().draft_conflict.to_string(),
            },
        ),
        Err(e) => Err(e.into()),
    }
}

/// `GET /drafts/{id}/download?format=docx[&rev=N]`.
pub async fn download_draft(
    State(app): State<Arc<App>>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(q): Query<DraftParams>,
) -> Page {
    let d = visible_draft(&app, &staff, id).await?;
    let format = Format::parse(q.format.as_deref().unwrap_or("docx"))
        .ok_or_else(|| WebError::BadRequest("format is md, html, txt or docx".into()))?;
    let (rev, source) = draft_at(&app, &d, q.rev).await?;
    let drafter = Drafter::new(&app.registry, &app.config.drafts)?;
    let doc = drafter.stored(&app.store, &d, &source).await?;
    let bytes = doc.render(format)?;
    let name = doc
        .file_name(format)
        .replace(&format!(".{}", format.ext()), &format!(".r{rev}.{}", format.ext()));
    let content_type = match format {
        Format::Md => "text/markdown; charset=utf-8",
        Format::Html => "text/html; charset=utf-8",
        Format::Txt => "text/plain; charset=utf-8",
        Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };
    let safe_name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{safe_name}\""),
            ),
            // A downloaded HTML draft is a document, not part of this site.
            (
                header::CONTENT_SECURITY_POLICY,
                "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'".into(),
            ),
        ],
        bytes,
    )
        .into_response())
}

// ----- scans, registry ---------------------------------------------------------------------

/// A scan row.
pub struct RunView {
    id: i64,
    started: String,
    finished: String,
    status: &'static str,
    failed: bool,
    trigger: String,
    candidates: i64,
    new_suspects: i64,
    reopened: i64,
    removed: i64,
    genuine_changes: i64,
    errors: i64,
    skipped: Vec<String>,
    message: String,
    probes: Vec<String>,
    digests: Vec<String>,
    /// The night's reach within the quotas.
    coverage: Vec<String>,
}

#[derive(Template)]
#[template(path = "scans.html")]
struct ScansPage {
    c: Chrome,
    runs: Vec<RunView>,
}

/// `GET /scans`.
pub async fn scans(State(app): State<Arc<App>>, staff: Staff) -> Page {
    let lang = staff.lang;
    let runs = app.store.runs(60).await?;
    let first = runs.last().map(|r| r.id).unwrap_or(0);
    let probes = app.store.probes_since(first).await?;
    // Digests name recipients: only administrators see them.
    let digests = if staff.user.role == crate::store::Role::Admin {
        app.store.notifications_since(first).await?
    } else {
        Vec::new()
    };
    let runs = runs
        .into_iter()
        .map(|r| RunView {
            probes: probes
                .iter()
                .filter(|(run, p)| *run == r.id && !p.status.trusts_not_found())
                .map(|(_, p)| markup::inert(&format!("{} {}: {}", p.platform, p.status.as_str(), p.detail), 600))
                .collect(),
            digests: digests
                .iter()
                .filter(|d| d.run_id == r.id)
                .map(|d| {
                    markup::inert(
                        &format!(
                            "{} {} → {} ({}): {} ×{}{}",
                            d.org_id,
                            d.channel,
                            d.recipient,
                            d.kind,
                            d.status,
                            d.attempts,
                            d.error.as_deref().map(|e| format!(" — {e}")).unwrap_or_default()
                        ),
                        400,
                    )
                })
                .collect(),
            id: r.id,
            started: jst(r.started_at),
            finished: r.finished_at.map(jst).unwrap_or_default(),
            status: lang.run_status(r.status),
            failed: matches!(r.status, RunStatus::Failed | RunStatus::Interrupted)
                || r.errors > 0
                || probes
                    .iter()
                    .any(|(run, p)| *run == r.id && p.status == crate::store::ProbeStatus::Degraded)
                || digests.iter().any(|d| d.run_id == r.id && d.status == "failed"),
            trigger: r.trigger_kind.clone(),
            candidates: r.candidates,
            new_suspects: r.new_suspects,
            reopened: r.reopened,
            removed: r.removed,
            genuine_changes: r.genuine_changes,
            errors: r.errors,
            skipped: serde_json::from_str::<Vec<serde_json::Value>>(&r.skipped)
                .unwrap_or_default()
                .iter()
                .map(|v| markup::inert(&v.as_str().map_or_else(|| v.to_string(), str::to_string), 300))
                .collect(),
            message: r.message.as_deref().map(|m| markup::inert(m, 500)).unwrap_or_default(),
            coverage: r
                .coverage()
                .iter()
                .map(|c| lang.coverage(platform_label(&c.platform), c))
                .collect(),
        })
        .collect();
    html(ScansPage {
        c: chrome(&app, &staff, "scans", "/scans").await?,
        runs,
    })
}

/// An account as the scan sees it.
pub struct AccountView {
    platform: &'static str,
    label: String,
    display_name: String,
    url: String,
    state: String,
    checked: String,
    changed: String,
    changes: Vec<String>,
}

/// An organisation's accounts.
pub struct OrgView {
    id: String,
    name: String,
    accounts: Vec<AccountView>,
}

#[derive(Template)]
#[template(path = "registry.html")]
struct RegistryPage {
    c: Chrome,
    orgs: Vec<OrgView>,
}

/// `GET /registry`: the genuine accounts of the staff member's organisations, with their
/// latest snapshot and the changes of the last 30 days flagged.
pub async fn registry(State(app): State<Arc<App>>, staff: Staff) -> Page {
    let t = staff.lang.t();
    let snapshots: BTreeMap<String, crate::store::SnapshotRow> = app
        .store
        .snapshots()
        .await?
        .into_iter()
        .map(|s| (s.account_key.clone(), s))
        .collect();
    let mut changes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, kind, before, after, at) in app.store.recent_genuine_changes(now() - 30 * 86400).await? {
        changes.entry(key).or_default().push(markup::inert(
            &format!(
                "{} {kind}: {} → {}",
                jst(at),
                before.unwrap_or_default(),
                after.unwrap_or_default()
            ),
            300,
        ));
    }
    let orgs = app
        .registry
        .organisations
        .iter()
        .filter(|o| staff.sees(&o.id))
        .map(|o| OrgView {
            id: o.id.clone(),
            name: o.name.clone(),
            accounts: o
                .accounts
                .iter()
                .map(|a| {
                    let key = crate::scan::account_key(o, a);
                    let snap = snapshots.get(&key);
                    AccountView {
                        platform: platform_label(a.platform.as_str()),
                        label: a.label(),
                        display_name: snap
                            .and_then(|s| s.display_name.clone())
                            .map(|n| markup::inert(&n, 120))
                            .unwrap_or_else(|| a.display_name.clone()),
                        url: a.shown_url().unwrap_or_default().to_string(),
                        state: match snap.map(|s| s.state.as_str()) {
                            Some("present") => t.present.to_string(),
                            Some(_) => t.vanished.to_string(),
                            None => t.not_checked.to_string(),
                        },
                        checked: snap.map(|s| jst(s.checked_at)).unwrap_or_default(),
                        changed: snap.map(|s| jst(s.changed_at)).unwrap_or_default(),
                        changes: changes.remove(&key).unwrap_or_default(),
                    }
                })
                .collect(),
        })
        .collect();
    html(RegistryPage {
        c: chrome(&app, &staff, "registry", "/registry").await?,
        orgs,
    })
}

// ----- admin: audit log, users -------------------------------------------------------------

/// An audit row.
pub struct AuditView {
    when: String,
    actor: String,
    org: String,
    action: String,
    subject: String,
    subject_href: String,
    change: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    c: Chrome,
    rows: Vec<AuditView>,
    older: String,
}

#[derive(serde::Deserialize, Default)]
pub struct BeforeParam {
    before: Option<i64>,
}

/// `GET /audit` (administrators).
pub async fn audit(State(app): State<Arc<App>>, staff: Staff, Query(q): Query<BeforeParam>) -> Page {
    staff.must_admin()?;
    let lang = staff.lang;
    let rows = app.store.audit_log(None, q.before, 100).await?;
    let older = match rows.last() {
        Some(r) if rows.len() == 100 => format!("/audit?before={}", r.id),
        _ => String::new(),
    };
    let rows = rows
        .into_iter()
        .map(|r| {
            let subject = r.subject.clone().unwrap_or_default();
            let subject_href = match subject.split_once(':') {
                Some(("suspect", n)) if n.parse::<i64>().is_ok() => format!("/suspects/{n}"),
                Some(("draft", n)) if n.parse::<i64>().is_ok() => format!("/drafts/{n}"),
                _ => String::new(),
            };
            AuditView {
                when: jst(r.at),
                actor: markup::inert(&r.actor, 64),
                org: r.org_id.unwrap_or_default(),
                action: lang.action(&r.action),
                subject,
                subject_href,
                change: match (&r.from_state, &r.to_state) {
                    (Some(f), Some(t)) => format!("{} → {}", lang.status_word(f), lang.status_word(t)),
                    _ => String::new(),
                },
                detail: r.detail.as_deref().map(|d| markup::inert(d, 300)).unwrap_or_default(),
            }
        })
        .collect();
    html(AuditPage {
        c: chrome(&app, &staff, "audit", "/audit").await?,
        rows,
        older,
    })
}

/// A staff row.
pub struct UserView {
    id: i64,
    name: String,
    role: &'static str,
    orgs: String,
    disabled: bool,
    created: String,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    c: Chrome,
    users: Vec<UserView>,
    orgs: Vec<(String, String)>,
    roles: Vec<(&'static str, &'static str)>,
    error: String,
}

async fn users_page(app: &App, staff: &Staff, error: String, status: StatusCode) -> Page {
    let lang = staff.lang;
    let t = lang.t();
    let users = app
        .store
        .users()
        .await?
        .into_iter()
        .map(|u| UserView {
            id: u.id,
            name: u.name,
            role: lang.role(u.role),
            orgs: if u.role == Role::Admin {
                t.all_organisations.to_string()
            } else {
                u.orgs.join(", ")
            },
            disabled: u.disabled,
            created: jst(u.created_at),
        })
        .collect();
    with_status(
        status,
        UsersPage {
            c: chrome(app, staff, "users", "/users").await?,
            users,
            orgs: app
                .registry
                .organisations
                .iter()
                .map(|o| (o.id.clone(), o.name.clone()))
                .collect(),
            roles: Role::ALL.iter().map(|r| (r.as_str(), lang.role(*r))).collect(),
            error,
        },
    )
}

/// `GET /users` (administrators).
pub async fn users(State(app): State<Arc<App>>, staff: Staff) -> Page {
    staff.must_admin()?;
    users_page(&app, &staff, String::new(), StatusCode::OK).await
}

/// `POST /users` (administrators): adds a staff account.
pub async fn add_user(State(app): State<Arc<App>>, staff: Staff, body: Bytes) -> Page {
    let form = Form::parse(&body);
    staff.check_csrf(form.get("csrf").unwrap_or(""))?;
    staff.must_admin()?;
    let name = form.need("name")?.trim().to_string();
    let role = Role::parse(form.need("role")?).ok_or_else(|| WebError::BadRequest("no such role".into()))?;
    let orgs: Vec<String> = form.all("org").iter().map(|s| s.to_string()).collect();
    let problem = if !valid_user_name(&name) {
        Some("user names are 2–64 letters, digits, '.', '_' or '-'".to_string())
    } else if let Some(o) = orgs.iter().find(|o| app.registry.organisation(o).is_none()) {
        Some(format!("organisation {o:?} is not in the registry"))
    } else if role != Role::Admin && orgs.is_empty() {
        Some("choose the organisations this person reviews".to_string())
    } else {
        None
    };
    if let Some(p) = problem {
        return users_page(&app, &staff, p, StatusCode::BAD_REQUEST).await;
    }
    let password = form.need("password")?.to_string();
    let hash = match tokio::task::spawn_blocking(move || auth::hash_password(&password)).await {
        Ok(Ok(h)) => h,
        Ok(Err(e)) => return users_page(&app, &staff, e.to_string(), StatusCode::BAD_REQUEST).await,
        Err(e) => return Err(WebError::BadRequest(e.to_string())),
    };
    match app.store.add_user(&name, role, &orgs, &hash).await {
        Ok(_) => {}
        Err(StoreError::Invalid(m)) => return users_page(&app, &staff, m, StatusCode::BAD_REQUEST).await,
        Err(e) => return Err(e.into()),
    }
    app.store
        .audit(&NewAudit {
            actor: &staff.user.name,
            action: "user_add",
            subject: Some(format!("user:{name}")),
            to_state: Some(role.as_str()),
            detail: Some(&orgs.join(",")),
            ..Default::default()
        })
        .await?;
    Ok(Redirect::to("/users").into_response())
}

/// Whether a login name is acceptable.
pub fn valid_user_name(name: &str) -> bool {
    (2..=64).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
}

/// `POST /users/{id}/disabled` (administrators).
pub async fn set_disabled(State(app): State<Arc<App>>, staff: Staff, Path(id): Path<i64>, body: Bytes) -> Page {
    let form = Form::parse(&body);
    staff.check_csrf(form.get("csrf").unwrap_or(""))?;
    staff.must_admin()?;
    let disabled = form.need("disabled")? == "1";
    let user = app
        .store
        .users()
        .await?
        .into_iter()
        .find(|u| u.id == id)
        .ok_or(WebError::NotFound)?;
    if user.name == staff.user.name && disabled {
        return users_page(
            &app,
            &staff,
            "you cannot disable yourself".into(),
            StatusCode::BAD_REQUEST,
        )
        .await;
    }
    app.store.set_user_disabled(&user.name, disabled).await?;
    app.store
        .audit(&NewAudit {
            actor: &staff.user.name,
            action: if disabled { "user_disable" } else { "user_enable" },
            subject: Some(format!("user:{}", user.name)),
            ..Default::default()
        })
        .await?;
    Ok(Redirect::to("/users").into_response())
}
