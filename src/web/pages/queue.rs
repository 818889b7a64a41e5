//! The review queue: filters, tabs with counts, keyset pages, and its CSV download.

use std::collections::BTreeMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;

use super::{Chrome, PAGE_SIZE, Page, chrome, html, status_class};
use crate::Platform;
use crate::store::{QueueCursor, QueueQuery, SuspectRow, SuspectStatus};
use crate::text::safe;
use crate::web::auth::Staff;
use crate::web::view::{self, Seg, jst, percent};
use crate::web::{App, WebError, url_encode};

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
        && p.parse::<Platform>().is_err()
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

/// One row of the queue as staff see it.
fn queue_row(app: &App, lang: crate::web::i18n::Lang, r: &SuspectRow) -> QueueRow {
    QueueRow {
        id: r.id,
        platform: r.platform.label(),
        name: view::visible(&r.display_name, 80),
        handle: r.handle.as_deref().map(|h| safe::inert(h, 60)).unwrap_or_default(),
        target: r.target_label.clone(),
        org: app
            .registry
            .organisation(&r.org_id)
            .map_or_else(|| r.org_id.clone(), |o| o.name.clone()),
        score: percent(r.score),
        status: lang.status(r.status).to_string(),
        status_class: status_class(r.status),
        flagged: jst(r.first_seen_at),
    }
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
    let tabs = SuspectStatus::ALL
        .iter()
        .map(|s| {
            (
                lang.status(*s),
                s.as_str(),
                counts.get(s.as_str()).copied().unwrap_or(0),
            )
        })
        .chain([(t.all, "all", counts.values().sum())])
        .map(|(label, key, count)| Tab {
            label: label.to_string(),
            href: base_query(key, None),
            count,
            active: status == key,
        })
        .collect();
    let more = rows.len() as i64 > PAGE_SIZE;
    let rows: Vec<SuspectRow> = rows.into_iter().take(PAGE_SIZE as usize).collect();
    let next = match (more, rows.last()) {
        (true, Some(last)) => base_query(&status, Some(&QueueCursor::after(last).encode())),
        _ => String::new(),
    };
    let view_rows = rows.iter().map(|r| queue_row(&app, lang, r)).collect();
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
        platforms: Platform::ALL
            .iter()
            .map(|p| (p.as_str(), p.label(), platform.as_deref() == Some(p.as_str())))
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
