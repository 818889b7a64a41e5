//! What one body hears after a run: its new and reopened suspects, suspects seen removed,
//! changes of its genuine accounts, and the sources that failed their self-test or were
//! blocked, over the runs since the recipient last heard (so a missed digest is caught up).

use serde::Serialize;

use crate::platform::Platform;
use crate::registry::Registry;
use crate::store::{ProbeStatus, RunRow, Store, StoreError, SuspectRow, SuspectStatus};

/// The organisation key that receives every body's news.
pub const ALL_ORGS: &str = "*";

/// Failed requests of a source, as a share of its requests, from which the digest reports it.
pub const FAILED_SHARE: f64 = 0.05;

/// A suspect in a digest.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Suspect number.
    pub id: i64,
    /// Platform (written `x`, `youtube` …).
    pub platform: Platform,
    /// Handle, as the impostor wrote it.
    pub handle: Option<String>,
    /// Display name, as the impostor wrote it.
    pub display_name: String,
    /// The genuine account imitated.
    pub target: String,
    /// Its organisation.
    pub org_id: String,
    /// Score (0–1).
    pub score: f64,
    /// Review status now.
    pub status: SuspectStatus,
    /// Reasons, in Japanese.
    pub reasons: Vec<String>,
    /// The suspect's page in the review UI, when `[web] public_url` is set.
    pub review_url: Option<String>,
}

/// A change of a genuine account.
#[derive(Debug, Clone, Serialize)]
pub struct GenuineChange {
    /// `org/platform/label`.
    pub account: String,
    /// `name`, `handle`, `avatar`, `vanished`, `reappeared`.
    pub kind: String,
    /// Before.
    pub before: Option<String>,
    /// After.
    pub after: Option<String>,
}

/// A source that did not work as it should.
#[derive(Debug, Clone, Serialize)]
pub struct SourceProblem {
    /// Platform.
    pub platform: Platform,
    /// `degraded`, `blocked` or `failing`.
    pub kind: String,
    /// What it means, in Japanese.
    pub summary: String,
    /// The self-test's or counts' details (English, for the operator).
    pub detail: String,
}

/// A digest for one organisation (or all of them).
#[derive(Debug, Clone, Serialize)]
pub struct Digest {
    /// Organisation id, or `*`.
    pub org_id: String,
    /// Its name (for `*`: "全機関").
    pub org_name: String,
    /// The run it follows.
    pub run_id: i64,
    /// When that run started and ended (Unix seconds).
    pub started_at: i64,
    /// Ended.
    pub finished_at: Option<i64>,
    /// The runs it covers.
    pub runs: Vec<i64>,
    /// Suspects first seen.
    pub new_suspects: Vec<Item>,
    /// Suspects back in review.
    pub reopened: Vec<Item>,
    /// Suspects seen gone.
    pub removed: Vec<Item>,
    /// Genuine accounts that changed.
    pub genuine_changes: Vec<GenuineChange>,
    /// Sources that failed (from the latest run).
    pub source_problems: Vec<SourceProblem>,
    /// Sources not used or not verifiable (not news by themselves): (platform, why).
    pub source_notes: Vec<(String, String)>,
    /// The review UI, when `[web] public_url` is set.
    pub review_url: Option<String>,
}

impl Digest {
    /// Nothing to tell: no message unless an "all clear" is wanted.
    pub fn is_empty(&self) -> bool {
        self.new_suspects.is_empty()
            && self.reopened.is_empty()
            && self.removed.is_empty()
            && self.genuine_changes.is_empty()
            && self.source_problems.is_empty()
    }
}

fn item(row: &SuspectRow, review: Option<&str>) -> Item {
    Item {
        id: row.id,
        platform: row.platform,
        handle: row.handle.clone(),
        display_name: row.display_name.clone(),
        target: row.target_label.clone(),
        org_id: row.org_id.clone(),
        score: row.score,
        status: row.status,
        reasons: row
            .reasons
            .iter()
            .map(|r| crate::text::wording::stored(r, crate::text::wording::Lang::Ja))
            .collect(),
        review_url: review.map(|u| format!("{u}/suspects/{}", row.id)),
    }
}

/// The digest's lines about the sources of `run`: failed self-tests and blocked or failing
/// sources (problems), and the plan's reach and skipped sources (notes).
async fn add_source_lines(store: &Store, run: &RunRow, d: &mut Digest) -> Result<(), StoreError> {
    let probes = store.probes(run.id).await?;
    for p in &probes {
        let label = p.platform.label();
        match p.status {
            ProbeStatus::Degraded => d.source_problems.push(SourceProblem {
                platform: p.platform,
                kind: "degraded".into(),
                summary: format!(
                    "{label}: 自己診断に失敗しました（仕様変更・遮断の可能性）。今回は「見つからない」という結果を、削除・消失の判定に使っていません。"
                ),
                detail: p.detail.clone(),
            }),
            ProbeStatus::Unverified => d.source_notes.push((
                p.platform.to_string(),
                format!("{label}: 自己診断に使えるアカウント（公式アカウントや以前見つかった疑わしいアカウント）が見つからなかったため、「見つからない」という結果を削除の判定に使っていません。"),
            )),
            ProbeStatus::Ok => {}
        }
    }
    let degraded = |p: Platform| d.source_problems.iter().any(|s| s.platform == p);
    let mut counted = Vec::new();
    for c in store.run_counts(run.id).await? {
        let label = c.platform.label();
        if c.blocked > 0 {
            counted.push(SourceProblem {
                platform: c.platform,
                kind: "blocked".into(),
                summary: format!(
                    "{label}: {} 件中 {} 件の取得が拒否されました（認証・利用制限・ログイン要求など）。",
                    c.looked_up, c.blocked
                ),
                detail: format!("looked up {}, blocked {}, failed {}", c.looked_up, c.blocked, c.failed),
            });
        } else if c.failed > 0 && (c.failed as f64 >= FAILED_SHARE * c.looked_up as f64 || degraded(c.platform)) {
            counted.push(SourceProblem {
                platform: c.platform,
                kind: "failing".into(),
                summary: format!("{label}: {} 件中 {} 件の取得に失敗しました。", c.looked_up, c.failed),
                detail: format!("looked up {}, failed {}", c.looked_up, c.failed),
            });
        }
    }
    d.source_problems.extend(counted);
    // How far the night reached within the quotas, where it did not reach every account.
    for c in run.coverage().into_iter().filter(|c| c.nights != 1) {
        let label = c.platform.label();
        let note = if c.nights == 0 {
            format!("{label}: 利用枠（クォータ）が足りず、なりすましの調査を行えませんでした。利用枠の拡大が必要です。")
        } else {
            format!(
                "{label}: 利用枠の範囲内で、今夜は公式アカウント{}件中{}件を調べました。すべてのアカウントを{}晩に1回以上調べます。",
                c.accounts, c.per_night, c.nights
            )
        };
        d.source_notes.push((c.platform.to_string(), note));
    }
    for (p, why) in run.skipped_sources() {
        let label = Platform::label_of(&p);
        d.source_notes.push((p, format!("{label}: 取得していません（{why}）")));
    }
    Ok(())
}

/// Builds the digest of `org_id` (or `*`) over `runs` (oldest first; the last is the run it
/// follows).
pub async fn build(
    store: &Store,
    registry: &Registry,
    org_id: &str,
    runs: &[i64],
    public_url: Option<&str>,
) -> Result<Option<Digest>, StoreError> {
    let Some(&last) = runs.last() else { return Ok(None) };
    let Some(run): Option<RunRow> = store.run(last).await? else {
        return Ok(None);
    };
    let review = public_url.map(|u| u.trim_end_matches('/').to_string());
    let mine = |org: &str| org_id == ALL_ORGS || org == org_id;
    let org_name = if org_id == ALL_ORGS {
        "全機関".to_string()
    } else {
        registry
            .organisation(org_id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| org_id.to_string())
    };
    let mut d = Digest {
        org_id: org_id.to_string(),
        org_name,
        run_id: last,
        started_at: run.started_at,
        finished_at: run.finished_at,
        runs: runs.to_vec(),
        new_suspects: Vec::new(),
        reopened: Vec::new(),
        removed: Vec::new(),
        genuine_changes: Vec::new(),
        source_problems: Vec::new(),
        source_notes: Vec::new(),
        review_url: review.clone(),
    };
    for &run_id in runs {
        for (id, from, to) in store.run_events(run_id).await? {
            let list = match (from.as_deref(), to.as_str()) {
                (None, "new") => &mut d.new_suspects,
                (Some(_), "new") => &mut d.reopened,
                (_, "removed") => &mut d.removed,
                _ => continue,
            };
            if list.iter().any(|i| i.id == id) {
                continue;
            }
            let Some(row) = store.suspect(id).await? else { continue };
            if mine(&row.org_id) {
                list.push(item(&row, review.as_deref()));
            }
        }
        for (account, kind, before, after) in store.genuine_changes(run_id).await? {
            let org = account.split('/').next().unwrap_or("");
            if mine(org) {
                d.genuine_changes.push(GenuineChange {
                    account,
                    kind,
                    before,
                    after,
                });
            }
        }
    }
    for list in [&mut d.new_suspects, &mut d.reopened] {
        list.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    }

    // The sources as the latest run found them: they concern every body, since discovery
    // on a platform looks for impostors of every account.
    add_source_lines(store, &run, &mut d).await?;
    Ok(Some(d))
}
