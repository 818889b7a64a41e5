//! Documents: a draft with its revisions, editing it (each save a revision) and downloading
//! it in each format.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};

use super::{Chrome, Page, Posted, chrome, html, kind_label, with_status};
use crate::drafts::{DraftKind, Drafter, Format, markup};
use crate::store::StoreError;
use crate::text::safe;
use crate::web::auth::Staff;
use crate::web::view::jst;
use crate::web::{App, WebError};

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
        title: safe::inert(&d.title, 200),
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
        title: safe::inert(&d.title, 200),
        revision: d.revision,
        text: markup::to_editable(&d.source),
        error: String::new(),
    })
}

/// `POST /drafts/{id}`: saves an edit as the next revision.
pub async fn save_draft(State(app): State<Arc<App>>, Path(id): Path<i64>, Posted { staff, form }: Posted) -> Page {
    let d = visible_draft(&app, &staff, id).await?;
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
                title: safe::inert(&d.title, 200),
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
