//! The UI's pages and actions, one room per part of the UI (log-in, the queue, one suspect,
//! documents, scans, the registry, administration). Each handler checks access first (`Staff`
//! for a session, then the organisation and role), then reads or changes the store, then
//! renders a page or redirects. Forms are parsed by hand from
//! `application/x-www-form-urlencoded`, so a missing or repeated field is a clear 400, and
//! multi-valued fields (draft kinds, organisations) work.

mod admin;
mod drafts;
mod login;
mod queue;
mod registry;
mod scans;
mod suspect;

pub use admin::{add_user, audit, set_disabled, users};
pub use drafts::{download_draft, draft, edit_draft, save_draft};
pub(super) use login::audit_unknown_names;
pub use login::{home, login, login_page, logout, switch_lang};
pub use queue::{queue, queue_csv};
pub use registry::registry;
pub use scans::scans;
pub use suspect::{avatar, decide, generate_drafts, suspect};

use std::sync::Arc;

use askama::Template;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::auth::Staff;
use super::i18n::{Lang, T};
use super::view::{self, jst};
use super::{App, WebError, url_encode};
use crate::drafts::DraftKind;
use crate::store::{Role, RunStatus, SuspectStatus, now};

type Page = Result<Response, WebError>;

const PAGE_SIZE: i64 = 50;

/// A form posted by a logged-in staff member with this session's CSRF token: the extractor
/// finds the session (or sends to the log-in page), reads and parses the body, and checks the
/// token, so every state-changing handler starts from both. (The role is each handler's to
/// check: it differs.)
pub struct Posted {
    /// Who posted it.
    pub staff: Staff,
    /// Its fields.
    pub form: Form,
}

impl axum::extract::FromRequest<Arc<App>> for Posted {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, app: &Arc<App>) -> Result<Posted, Response> {
        use axum::extract::FromRequestParts;
        let (mut parts, body) = req.into_parts();
        let staff = Staff::from_request_parts(&mut parts, app)
            .await
            .map_err(IntoResponse::into_response)?;
        let body = Bytes::from_request(axum::extract::Request::from_parts(parts, body), app)
            .await
            .map_err(IntoResponse::into_response)?;
        let form = Form::parse(&body);
        staff
            .check_csrf(form.get("csrf").unwrap_or(""))
            .map_err(IntoResponse::into_response)?;
        Ok(Posted { staff, form })
    }
}

/// A submitted form's fields, decoded by `url::form_urlencoded` and read by name. One type
/// serves every form so that [`Posted`] checks the CSRF token once for all of them; axum-extra's
/// `Form<T>` would need a struct per form and a second decoding for the token, and
/// `serde_html_form` besides.
pub struct Form(Vec<(String, String)>);

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

/// The CSS class of a suspect's status.
pub(super) fn status_class(s: SuspectStatus) -> &'static str {
    match s {
        SuspectStatus::New => "st-new",
        SuspectStatus::Confirmed => "st-confirmed",
        SuspectStatus::Reported => "st-reported",
        SuspectStatus::Removed => "st-removed",
        SuspectStatus::Dismissed => "st-dismissed",
    }
}

/// A kind of document, in the UI's language.
pub(super) fn kind_label(k: DraftKind, lang: Lang) -> &'static str {
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
