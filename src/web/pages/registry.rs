//! The registry as the scan sees it: each body's genuine accounts and their latest snapshot.

use std::collections::BTreeMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::State;

use super::{Chrome, Page, chrome, html};
use crate::store::now;
use crate::text::safe;
use crate::web::App;
use crate::web::auth::Staff;
use crate::web::view::jst;

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
    let snapshots = app.store.snapshots_by_key().await?;
    let mut changes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, kind, before, after, at) in app.store.recent_genuine_changes(now() - 30 * 86400).await? {
        changes.entry(key).or_default().push(safe::inert(
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
                    let key = o.account_key(a);
                    let snap = snapshots.get(&key);
                    AccountView {
                        platform: a.platform.label(),
                        label: a.label(),
                        display_name: snap
                            .and_then(|s| s.display_name.clone())
                            .map(|n| safe::inert(&n, 120))
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
