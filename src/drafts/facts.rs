//! The facts a document renders about each suspect (its names, reasons, what it copied, the
//! picture pair) and the template context made of them, grouped per body and platform.

use serde_json::json;

use super::channels::channel;
use super::dates::JpDate;
use super::markup::AvatarPair;
use crate::matching::reason::{Copied, Reason, StoredReason};
use crate::platform::Platform;
use crate::registry::GenuineAccount;
use crate::store::SuspectRow;
use crate::text::safe::{defang, inert};
use crate::text::wording::{self, Lang};

use super::{MAX_BIO, MAX_NAME};

pub(super) fn group_by(
    facts: &[SuspectFacts],
    key: impl Fn(&SuspectFacts) -> Option<Platform>,
) -> Vec<(Platform, Vec<&SuspectFacts>)> {
    let mut out: Vec<(Platform, Vec<&SuspectFacts>)> = Vec::new();
    for f in facts {
        let Some(p) = key(f) else { continue };
        match out.iter_mut().find(|(q, _)| *q == p) {
            Some((_, v)) => v.push(f),
            None => out.push((p, vec![f])),
        }
    }
    out
}

pub(super) fn platform_context(p: Platform) -> serde_json::Value {
    let c = channel(p);
    json!({"id": c.id, "name_ja": c.name_ja, "name_en": c.name_en})
}

pub(super) fn genuine_context(a: &GenuineAccount) -> serde_json::Value {
    json!({
        "display_name": inert(&a.display_name, MAX_NAME),
        "handle": a.handle.as_deref().map(|h| inert(&at(h), MAX_NAME)).unwrap_or_default(),
        "url": inert(a.shown_url().unwrap_or(""), 500),
        "platform": platform_context(a.platform),
        "department": inert(&a.department, MAX_NAME),
    })
}

pub(super) fn at(handle: &str) -> String {
    format!("@{}", handle.trim_start_matches('@'))
}

/// Everything known about one suspect for the drafts.
pub(super) struct SuspectFacts {
    pub(super) row: SuspectRow,
    pub(super) genuine: Option<GenuineAccount>,
    pub(super) sightings: usize,
    pub(super) suspect_png: Option<Vec<u8>>,
    pub(super) genuine_png: Option<Vec<u8>>,
}

impl SuspectFacts {
    pub(super) fn reasons(&self) -> &[StoredReason] {
        &self.row.reasons
    }

    /// The picture's agreement with the genuine one, as a percentage.
    pub(super) fn avatar_similarity(&self) -> Option<i64> {
        self.reasons().iter().find_map(|r| match r.typed()? {
            Reason::Avatar { similarity, .. } => Some((similarity * 100.0).round() as i64),
            _ => None,
        })
    }

    pub(super) fn avatar_pair(&self) -> AvatarPair {
        AvatarPair {
            caption: format!(
                "{} {}",
                inert(&self.row.display_name, MAX_NAME),
                self.row
                    .handle
                    .as_deref()
                    .map(|h| inert(&at(h), MAX_NAME))
                    .unwrap_or_default()
            ),
            genuine: self.genuine_png.clone(),
            suspect: self.suspect_png.clone(),
            similarity: self.avatar_similarity().map(|pct| format!("類似度 {pct}%")),
        }
    }

    /// The elements of the genuine identity this suspect copied, from its typed reasons.
    pub(super) fn copied(&self) -> Vec<Copied> {
        let mut copied: Vec<Copied> = self.reasons().iter().filter_map(|x| x.typed()?.copied()).collect();
        copied.sort_unstable();
        copied.dedup();
        copied
    }

    pub(super) fn context(&self) -> serde_json::Value {
        let r = &self.row;
        let reasons = self.reasons();
        let copied = self.copied();
        let copied_ja: Vec<&str> = copied.iter().map(|c| copied_words(*c).0).collect();
        let copied_en: Vec<&str> = copied.iter().map(|c| copied_words(*c).1).collect();
        let handle = r.handle.as_deref().map(at).unwrap_or_default();
        let url = r.url.clone().unwrap_or_default();
        json!({
            "id": r.id,
            "platform": platform_context(r.platform),
            "display_name": inert(&r.display_name, MAX_NAME),
            "handle": inert(&handle, MAX_NAME),
            "handle_safe": inert(&handle.replacen('@', "＠", 1), MAX_NAME),
            "url": inert(&url, 500),
            "url_safe": inert(&defang(&url), 500),
            "bio": inert(r.bio.as_deref().unwrap_or(""), MAX_BIO),
            "score_pct": (r.score * 100.0).round() as i64,
            "status_ja": r.status.label_ja(),
            "ticket": inert(r.reported_ticket.as_deref().unwrap_or(""), MAX_NAME),
            "first_seen": JpDate::from_unix(r.first_seen_at),
            "last_seen": JpDate::from_unix(r.last_seen_at),
            "reported_at": r.reported_at.map(JpDate::from_unix),
            "removed_at": r.removed_at.map(JpDate::from_unix),
            "sightings": self.sightings,
            "copied_ja": copied_ja,
            "copied_en": copied_en,
            "reasons_ja": reasons.iter().map(|x| inert(&wording::stored(x, Lang::Ja), 240)).collect::<Vec<_>>(),
            "reasons_en": reasons.iter().map(|x| inert(&wording::stored(x, Lang::En), 240)).collect::<Vec<_>>(),
            "avatar": self.avatar_similarity().map(|pct| json!({"similarity_pct": pct})),
            "genuine": match &self.genuine {
                Some(g) => genuine_context(g),
                None => json!({"display_name": inert(&r.target_label, MAX_NAME), "handle": "", "url": "",
                               "platform": platform_context(r.platform), "department": ""}),
            },
        })
    }
}

/// Items as one phrase: `a、b及びc`, `a, b and c`.
pub(super) fn series(items: &[Copied], word: impl Fn(Copied) -> &'static str, comma: &str, and: &str) -> String {
    let words: Vec<&str> = items.iter().map(|c| word(*c)).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{}{and}{last}", rest.join(comma)),
    }
}

/// An element of an identity, as the drafts name it (Japanese, English).
pub(super) fn copied_words(c: Copied) -> (&'static str, &'static str) {
    match c {
        Copied::Name => ("表示名（アカウント名）", "display name"),
        Copied::Handle => ("ユーザー名（ハンドル）", "username (handle)"),
        Copied::Picture => ("アイコン画像", "profile picture"),
        Copied::Bio => ("自己紹介文", "bio"),
        Copied::ClaimOfficial => ("公式であるとの表示", "false claim of being official"),
    }
}

/// A picture as a 160×160 PNG for documents (any stored format in, decoded within the
/// matcher's avatar limits).
/// A picture as a 160-pixel PNG, decoded within the matcher's limits; `None` if it does not decode.
pub fn thumbnail(bytes: &[u8]) -> Option<Vec<u8>> {
    let img = crate::matching::avatar::decode_avatar(bytes, &crate::matching::AvatarLimits::default()).ok()?;
    let small = img.resize(160, 160, image::imageops::FilterType::Triangle);
    let mut out = std::io::Cursor::new(Vec::new());
    small.write_to(&mut out, image::ImageFormat::Png).ok()?;
    Some(out.into_inner())
}
