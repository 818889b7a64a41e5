//! Administration: the audit log and staff accounts (adding, disabling).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};

use super::{Chrome, Page, Posted, chrome, html, with_status};
use crate::store::{NewAudit, Role, StoreError};
use crate::text::safe;
use crate::web::auth::{self, Staff};
use crate::web::view::jst;
use crate::web::{App, WebError};

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
                actor: safe::inert(&r.actor, 64),
                org: r.org_id.unwrap_or_default(),
                action: lang.action(&r.action),
                subject,
                subject_href,
                change: match (&r.from_state, &r.to_state) {
                    (Some(f), Some(t)) => format!("{} → {}", lang.status_word(f), lang.status_word(t)),
                    _ => String::new(),
                },
                detail: r.detail.as_deref().map(|d| safe::inert(d, 300)).unwrap_or_default(),
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
pub async fn add_user(State(app): State<Arc<App>>, Posted { staff, form }: Posted) -> Page {
    staff.must_admin()?;
    let name = form.need("name")?.trim().to_string();
    let role = Role::parse(form.need("role")?).ok_or_else(|| WebError::BadRequest("no such role".into()))?;
    let orgs: Vec<String> = form.all("org").iter().map(|s| s.to_string()).collect();
    let problem = if !crate::store::valid_user_name(&name) {
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

/// `POST /users/{id}/disabled` (administrators).
pub async fn set_disabled(State(app): State<Arc<App>>, Path(id): Path<i64>, Posted { staff, form }: Posted) -> Page {
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
