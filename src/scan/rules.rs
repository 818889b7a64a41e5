//! What a sighting means (a new suspect, an update, a reopening, an allow-listed account
//! seen again) and what changed in a genuine account since its last snapshot: the scan's
//! rules, without I/O.

use crate::matching::AvatarHash;
use crate::store::{Change, Observed, Seen, SeenAction, SnapshotRow, SuspectRow, SuspectStatus};

/// A dismissed account is reopened when its name or avatar changed since the dismissal and
/// its score rose by at least this much: it moved toward a genuine account. (A re-encoded
/// avatar or a changed bio alone does not raise the score, so it does not reopen.)
pub const REOPEN_SCORE_RISE: f64 = 0.05;

/// What a sighting means, given the stored suspect.
pub fn decide(existing: Option<&SuspectRow>, s: &Seen) -> SeenAction {
    let Some(row) = existing else {
        return if s.suspect {
            SeenAction::Insert
        } else {
            SeenAction::Ignore
        };
    };
    match row.status {
        SuspectStatus::Dismissed => {
            let name_changed = row.dismissed_name.as_deref() != Some(s.display_name.as_str());
            let avatar_changed = row.dismissed_avatar_sha256.as_deref() != s.avatar.as_ref().map(|a| a.sha256.as_str());
            let before = row.dismissed_score.unwrap_or(row.score);
            if s.suspect && (name_changed || avatar_changed) && s.score >= before + REOPEN_SCORE_RISE {
                let what = match (name_changed, avatar_changed) {
                    (true, true) => "name and avatar",
                    (true, false) => "name",
                    _ => "avatar",
                };
                SeenAction::Reopen(format!(
                    "dismissed account changed its {what} toward {} (score {before:.2} → {:.2})",
                    s.target
                        .as_ref()
                        .map(|t| t.label.as_str())
                        .unwrap_or("a genuine account"),
                    s.score
                ))
            } else {
                SeenAction::Touch
            }
        }
        SuspectStatus::Removed if s.suspect => SeenAction::Reopen("seen again after it was removed".into()),
        _ => SeenAction::Update,
    }
}

/// Changes of a genuine account since its previous snapshot.
pub fn changes(previous: Option<&SnapshotRow>, observed: &Observed) -> Vec<Change> {
    let Some(prev) = previous else { return Vec::new() };
    let change = |kind: &str, before: Option<&str>, after: Option<&str>| Change {
        kind: kind.into(),
        before: before.map(str::to_string),
        after: after.map(str::to_string),
    };
    match observed {
        Observed::Vanished if prev.state == "present" => {
            vec![change("vanished", prev.display_name.as_deref(), None)]
        }
        Observed::Vanished => Vec::new(),
        Observed::Present {
            display_name,
            handle,
            avatar,
            avatar_unknown,
            ..
        } => {
            let mut out = Vec::new();
            if prev.state == "vanished" {
                out.push(change("reappeared", None, Some(display_name)));
            }
            if let Some(before) = prev.display_name.as_deref().filter(|b| *b != display_name.as_str()) {
                out.push(change("name", Some(before), Some(display_name)));
            }
            let norm = |h: &str| h.trim_start_matches('@').to_lowercase();
            if let (Some(b), Some(a)) = (prev.handle.as_deref(), handle.as_deref())
                && norm(b) != norm(a)
            {
                out.push(change("handle", Some(b), Some(a)));
            }
            let before = prev.avatar_hash.as_deref().and_then(AvatarHash::decode);
            let after = avatar
                .as_ref()
                .and_then(|a| a.hash.as_deref())
                .and_then(AvatarHash::decode);
            let same_file = prev.avatar_sha256.is_some()
                && prev.avatar_sha256.as_deref() == avatar.as_ref().map(|a| a.sha256.as_str());
            let moved = match (before, after) {
                _ if same_file => false,
                // A picture that could not be fetched tonight is not a change.
                (_, None) if *avatar_unknown && avatar.is_none() => false,
                (Some(b), Some(a)) => !b.same_picture(&a),
                (Some(_), None) => avatar.is_none(),
                (None, Some(_)) => prev.avatar_sha256.is_some(),
                (None, None) => false,
            };
            if moved {
                out.push(change(
                    "avatar",
                    prev.avatar_sha256.as_deref(),
                    avatar.as_ref().map(|a| a.sha256.as_str()),
                ));
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::platform::Platform;
    use crate::store::{AvatarBlob, Target};

    fn seen(name: &str, score: f64, suspect: bool, sha: Option<&str>) -> Seen {
        Seen {
            platform: Platform::X,
            platform_id: Some("1".into()),
            handle: Some("h".into()),
            handle_key: Some("h".into()),
            display_name: name.into(),
            url: None,
            bio: None,
            avatar: sha.map(|s| AvatarBlob {
                sha256: s.into(),
                bytes: Arc::new(Vec::new()),
                hash: None,
            }),
            suspect,
            score,
            reasons: Vec::new(),
            target: suspect.then(|| Target {
                org_id: "o".into(),
                account_key: "o/x/@g".into(),
                label: "@g".into(),
            }),
        }
    }

    fn row(status: &str, name: &str, score: f64) -> SuspectRow {
        SuspectRow {
            id: 1,
            platform: Platform::X,
            account_key: "id:1".into(),
            platform_id: Some("1".into()),
            handle_key: Some("h".into()),
            handle: Some("h".into()),
            display_name: name.into(),
            url: None,
            bio: None,
            avatar_sha256: None,
            avatar_hash: None,
            org_id: "o".into(),
            target_key: "o/x/@g".into(),
            target_label: "@g".into(),
            score,
            reasons: Default::default(),
            status: SuspectStatus::parse(status).expect("a status"),
            status_note: None,
            status_changed_at: 0,
            first_seen_at: 0,
            last_seen_at: 0,
            removed_at: None,
            reported_ticket: None,
            reported_at: None,
            dismissed_name: (status == "dismissed").then(|| name.to_string()),
            dismissed_avatar_sha256: None,
            dismissed_score: (status == "dismissed").then_some(score),
            version: 1,
            flagged_run_id: 1,
        }
    }

    #[test]
    fn new_and_clear_candidates() {
        assert_eq!(decide(None, &seen("a", 0.9, true, None)), SeenAction::Insert);
        assert_eq!(decide(None, &seen("a", 0.2, false, None)), SeenAction::Ignore);
        assert_eq!(
            decide(Some(&row("confirmed", "a", 0.9)), &seen("a", 0.2, false, None)),
            SeenAction::Update
        );
    }

    #[test]
    fn dismissed_reopens_only_when_it_moves_toward_a_genuine_account() {
        let d = row("dismissed", "札幌ラーメン", 0.61);
        // Unchanged: allow-listed.
        assert_eq!(
            decide(Some(&d), &seen("札幌ラーメン", 0.61, true, None)),
            SeenAction::Touch
        );
        // Changed name, score not higher: still allow-listed.
        assert_eq!(
            decide(Some(&d), &seen("札幌ラーメン本店", 0.62, true, None)),
            SeenAction::Touch
        );
        // A new avatar alone that raises nothing: allow-listed.
        assert_eq!(
            decide(Some(&d), &seen("札幌ラーメン", 0.61, true, Some("ab"))),
            SeenAction::Touch
        );
        // Renamed toward the genuine account.
        assert!(matches!(
            decide(Some(&d), &seen("【公式】ハローワーク札幌", 0.95, true, None)),
            SeenAction::Reopen(_)
        ));
    }

    #[test]
    fn removed_account_seen_again_is_reopened() {
        assert!(matches!(
            decide(Some(&row("removed", "a", 0.9)), &seen("a", 0.9, true, None)),
            SeenAction::Reopen(_)
        ));
    }
}
