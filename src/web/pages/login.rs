//! Log-in (with the throttle of [`crate::web::throttle`]), log-out and the language switch.

use std::sync::Arc;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect};
use axum_extra::extract::cookie::CookieJar;

use super::{Form, Page, Posted};
use crate::store::{NewAudit, now};
use crate::text::safe;
use crate::web::auth::{self, LANG_COOKIE, LOGIN_CSRF_COOKIE, SESSION_COOKIE};
use crate::web::i18n::{Lang, T};
use crate::web::throttle::LockPolicy;
use crate::web::{App, WebError, local_path};

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
    let jar = CookieJar::new().add(auth::our_cookie(LOGIN_CSRF_COOKIE, csrf, 3600, app.secure()));
    Ok((status, jar, Html(page.render()?)).into_response())
}

/// How long a login waits for a free core to verify its password before it is refused.
const LOGIN_WAIT: std::time::Duration = std::time::Duration::from_millis(500);

/// What became of a log-in attempt.
enum Attempt {
    /// The password is right: this account.
    In(crate::store::UserRow),
    /// Wrong name or password (or a disabled account).
    Failed,
    /// The name is locked for a while.
    Locked,
    /// Every core was verifying for a moment: try again.
    Busy,
}

/// `POST /login`: double-submit CSRF check, throttle, password, new session.
pub async fn login(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Page {
    let form = Form::parse(&body);
    let lang = auth::lang_of(&headers);
    let next = local_path(form.get("next"));
    let token = form.get("csrf").unwrap_or("");
    if token.is_empty() || !auth::cookie(&headers, LOGIN_CSRF_COOKIE).is_some_and(|c| auth::same(&c, token)) {
        return Err(WebError::Csrf);
    }
    let name: String = form.get("username").unwrap_or("").trim().chars().take(64).collect();
    let password = form.get("password").unwrap_or("").to_string();
    let t = lang.t();
    let (message, status) = match attempt(&app, &name, password).await? {
        Attempt::In(user) => return start_session(&app, &user, &next).await,
        Attempt::Failed => (t.login_failed, StatusCode::UNAUTHORIZED),
        Attempt::Locked => (t.login_locked, StatusCode::TOO_MANY_REQUESTS),
        Attempt::Busy => {
            let mut res = login_form(&app, lang, next, t.login_busy, name, StatusCode::TOO_MANY_REQUESTS)?;
            res.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
            return Ok(res);
        }
    };
    login_form(&app, lang, next, message, name, status)
}

/// Checks a log-in within the throttle: names that do not exist are answered from memory
/// after a stand-in delay; a name that exists has its attempt counted, in one statement, before
/// its password waits for a core, so that attempts sent together cannot all be verified
/// before the name locks (at most `login_attempts` verifications per name in a window).
async fn attempt(app: &App, name: &str, password: String) -> Result<Attempt, WebError> {
    let web = &app.config.web;
    let key = crate::store::login_key(name);
    let policy = LockPolicy {
        attempts: web.login_attempts.max(1),
        window_secs: 3600,
        lock_secs: web.login_lock_minutes.max(1) * 60,
    };
    let Some((user, hash)) = app.store.user_for_login(name).await? else {
        // No core, no 19 MiB, no row per attempt.
        if app.logins.unknown_locked(&key) {
            return Ok(Attempt::Locked);
        }
        let counted = app.logins.count_unknown(&key, policy);
        app.logins.stand_in_delay().await;
        if let Some(summary) = app.logins.unknown_failed(&safe::inert(name, 64)) {
            audit_unknown_names(&app.store, &summary).await?;
        }
        return Ok(if counted.locked {
            Attempt::Locked
        } else {
            Attempt::Failed
        });
    };
    let locked_now = app.store.login_failures(&key).await?.locked_until;
    if locked_now.is_some_and(|u| u > now()) {
        return Ok(Attempt::Locked);
    }
    let f = app
        .store
        .record_login_failure(&key, policy.attempts, policy.window_secs, policy.lock_secs)
        .await?;
    if f.count > policy.attempts {
        return Ok(Attempt::Locked);
    }
    let Ok(ok) = app.logins.verify(password, hash, LOGIN_WAIT).await else {
        return Ok(Attempt::Busy);
    };
    if ok && !user.disabled {
        app.store.clear_login_failures(&key).await?;
        return Ok(Attempt::In(user));
    }
    let inert = safe::inert(name, 64);
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
    Ok(if f.locked_until.is_some() {
        Attempt::Locked
    } else {
        Attempt::Failed
    })
}

/// A new session for `user` (a new id at every login: no fixation; its own CSRF token), and
/// the way on to `next`.
async fn start_session(app: &App, user: &crate::store::UserRow, next: &str) -> Page {
    let web = &app.config.web;
    let token = auth::random_token();
    let expires = now() + web.session_hours.max(1) * 3600;
    app.store
        .create_session(
            &crate::digest::sha256_hex(token.as_bytes()),
            user.id,
            &auth::random_token(),
            expires,
        )
        .await?;
    app.store
        .audit(&NewAudit {
            actor: &user.name,
            action: "login",
            ..Default::default()
        })
        .await?;
    let secure = app.secure();
    let jar = CookieJar::new()
        .add(auth::our_cookie(
            SESSION_COOKIE,
            token,
            web.session_hours.max(1) * 3600,
            secure,
        ))
        .add(auth::our_cookie(LOGIN_CSRF_COOKIE, "", 0, secure));
    Ok((jar, Redirect::to(next)).into_response())
}

/// One audit line for the failed log-ins with names that do not exist since the last:
/// `count / seconds: a few of the names`.
pub(in crate::web) async fn audit_unknown_names(store: &crate::store::Store, summary: &str) -> Result<(), WebError> {
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
pub async fn logout(State(app): State<Arc<App>>, Posted { staff, .. }: Posted) -> Page {
    app.store.delete_session(&staff.token_hash).await?;
    app.store
        .audit(&NewAudit {
            actor: &staff.user.name,
            action: "logout",
            ..Default::default()
        })
        .await?;
    let jar = CookieJar::new().add(auth::our_cookie(SESSION_COOKIE, "", 0, app.secure()));
    Ok((jar, Redirect::to("/login")).into_response())
}

/// `GET /lang/{ja|en}?next=/path`: a preference cookie, then back.
pub async fn switch_lang(State(app): State<Arc<App>>, Path(code): Path<String>, Query(q): Query<NextParam>) -> Page {
    let lang = if code == "en" { "en" } else { "ja" };
    let jar = CookieJar::new().add(auth::our_cookie(LANG_COOKIE, lang, 365 * 86400, app.secure()));
    Ok((jar, Redirect::to(&local_path(q.next.as_deref()))).into_response())
}
