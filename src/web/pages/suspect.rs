//! One suspect: the genuine account and the suspect side by side, its sightings and history,
//! the decisions allowed from its status, its evidence pictures, and making its documents.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};

use super::{Chrome, Page, Posted, chrome, kind_label, status_class, with_status};
use crate::drafts::{DraftKind, Drafter, Purpose};
use crate::store::{Decision, StoreError, SuspectRow, SuspectStatus, now};
use crate::text::safe;
use crate::web::auth::Staff;
use crate::web::i18n::Lang;
use crate::web::view::{self, Seg, jst, percent};
use crate::web::{App, WebError, url_encode};

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
    let genuine = org.and_then(|o| o.account_by_key(&row.target_key));
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
    let (sightings, events, drafts) = history(app, row.id, lang).await?;
    let steps = org.map(|o| o.procedure.steps.clone()).unwrap_or_default();
    let kinds = DraftKind::FOR_SUSPECTS
        .iter()
        .map(|k| (k.as_str(), kind_label(*k, lang), steps.contains(&k.step())))
        .collect();
    let status_word = row.status;
    let page = SuspectPage {
        c: chrome(app, staff, "queue", &format!("/suspects/{}", row.id)).await?,
        id: row.id,
        version: row.version,
        platform: row.platform.label(),
        org: org.map_or_else(|| row.org_id.clone(), |o| o.name.clone()),
        target: row.target_label.clone(),
        status: lang.status(status_word).to_string(),
        status_class: status_class(row.status),
        status_note: row
            .status_note
            .as_deref()
            .map(|n| safe::inert(n, 300))
            .unwrap_or_default(),
        score: percent(row.score),
        first_seen: jst(row.first_seen_at),
        last_seen: jst(row.last_seen_at),
        genuine: Side {
            name: gn,
            handle: gh,
            bio: view::visible(snapshot.as_ref().and_then(|s| s.bio.as_deref()).unwrap_or(""), 400),
            url_is_link: safe::is_web_url(&g_url),
            url: g_url,
            avatar: avatar_url(&snapshot.as_ref().and_then(|s| s.avatar_sha256.clone())),
        },
        suspect: Side {
            name: sn,
            handle: sh,
            bio: view::visible(row.bio.as_deref().unwrap_or(""), 400),
            url_is_link: safe::is_web_url(&s_url),
            url: safe::inert(&s_url, 300),
            avatar: avatar_url(&row.avatar_sha256),
        },
        reasons: reason_texts(&row, lang),
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

/// The stored reasons of a suspect, in the UI's language and made inert.
fn reason_texts(row: &SuspectRow, lang: Lang) -> Vec<String> {
    row.reasons
        .iter()
        .map(|r| safe::inert(&crate::text::wording::stored(r, lang), 400))
        .collect()
}

/// A suspect's last 50 sightings, its status history and its documents, newest first.
async fn history(
    app: &App,
    id: i64,
    lang: Lang,
) -> Result<(Vec<SightingView>, Vec<EventView>, Vec<DraftLink>), WebError> {
    let sightings = app
        .store
        .sightings(id)
        .await?
        .into_iter()
        .rev()
        .take(50)
        .map(|s| SightingView {
            run: s.run_id,
            when: jst(s.seen_at),
            name: view::visible(&s.display_name, 80),
            handle: s.handle.as_deref().map(|h| safe::inert(h, 60)).unwrap_or_default(),
            score: percent(s.score),
            verdict: lang.verdict(&s.verdict),
        })
        .collect();
    let events = app
        .store
        .events(id)
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
            note: e.note.as_deref().map(|n| safe::inert(n, 300)).unwrap_or_default(),
        })
        .collect();
    let drafts = app
        .store
        .drafts_for(id)
        .await?
        .into_iter()
        .map(|d| DraftLink {
            id: d.id,
            title: safe::inert(&d.title, 120),
            kind: DraftKind::parse(&d.kind).map_or(d.kind.clone(), |k| kind_label(k, lang).to_string()),
            lang: d.lang,
            revision: d.revision,
            when: jst(d.generated_at),
            who: d.generated_by,
        })
        .collect();
    Ok((sightings, events, drafts))
}

/// `POST /suspects/{id}/decision`.
pub async fn decide(State(app): State<Arc<App>>, Path(id): Path<i64>, Posted { staff, form }: Posted) -> Page {
    let row = visible_suspect(&app, &staff, id).await?;
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
        Ok(_) => Ok(Redirect::to(&format!("/suspects/{id}?done=decision")).into_response()),
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

/// `POST /suspects/{id}/drafts`: generates the chosen kinds and stores them.
pub async fn generate_drafts(State(app): State<Arc<App>>, Path(id): Path<i64>, Posted { staff, form }: Posted) -> Page {
    let row = visible_suspect(&app, &staff, id).await?;
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
