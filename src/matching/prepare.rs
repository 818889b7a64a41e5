//! What the matcher works out once per genuine account when it is built: names weighed and
//! read, the handle folded, the bio's character pairs, the index entry, the identity keys, and
//! which office the account belongs to (for telling templates).

use std::collections::{HashMap, HashSet};

use super::index::{self, IndexKeys};
use super::text::{CharWeights, PreparedName};
use super::{Genuine, IdentityKey, PreparedGenuine, bio_grams, handle_is_assigned, prepared_handle};
use crate::normalize::FoldedHandle;
use crate::platform::{Platform, is_youtube_channel_id};
use crate::registry::parse_profile_url;

/// The keys that identify an account whatever its name: its handle and id on its platform, and
/// what its profile URL says.
pub(super) fn identity_keys(
    platform: Platform,
    handle: Option<&str>,
    id: Option<&str>,
    url: Option<&str>,
) -> Vec<(String, IdentityKey)> {
    let mut keys = Vec::new();
    let mut handle = handle.map(str::to_string);
    let mut id = id.map(str::to_string);
    match url.map(|u| (u, parse_profile_url(u))) {
        Some((_, Ok(p))) if p.platform == platform => {
            keys.push((format!("{platform}|url|{}", p.canonical), IdentityKey::Url));
            handle = handle.or(p.handle);
            id = id.or(p.id);
        }
        // A URL the registry publishes but no platform serves (kin.ee for lin.ee): the same
        // text is still the same account.
        Some((u, Err(_))) => keys.push((
            format!("{platform}|raw-url|{}", u.trim().trim_end_matches('/').to_lowercase()),
            IdentityKey::Url,
        )),
        _ => {}
    }
    if let Some(h) = handle.as_deref().filter(|h| !h.trim_start_matches('@').is_empty()) {
        if platform == Platform::Youtube && is_youtube_channel_id(h.trim_start_matches('@')) {
            id = id.or_else(|| Some(h.trim_start_matches('@').to_string()));
        } else {
            keys.push((
                format!("{platform}|handle|{}", platform.handle_key(h)),
                IdentityKey::Handle,
            ));
        }
    }
    if let Some(i) = id.as_deref().filter(|i| !i.is_empty()) {
        keys.push((format!("{platform}|id|{i}"), IdentityKey::Id));
    }
    keys
}

/// What one genuine account is compared by, worked out once: its names (weighed and read), its
/// handle, its bio's character pairs, its index entry and its identity keys.
pub(super) fn prepare(
    g: &Genuine,
    texts: &[String],
    folded: &[crate::normalize::FoldedName],
    weights: &CharWeights,
) -> Prepared {
    // The display name always counts; a derived variant only when it names someone
    // (（マザーズコーナー） alone is generic vocabulary, not an identity).
    let names: Vec<PreparedName> = texts
        .iter()
        .zip(folded.iter().cloned())
        .enumerate()
        .map(|(k, (n, f))| (k, PreparedName::from_folded(n, f, weights)))
        .filter(|(k, p)| !p.visual.is_empty() && (*k == 0 || !p.visual.all_generic()))
        .map(|(_, p)| p)
        .collect();
    let platform = g.platform.unwrap_or(Platform::X);
    let handle = g
        .handle
        .as_deref()
        .filter(|h| !handle_is_assigned(platform, h))
        .and_then(|h| prepared_handle(platform, h));
    let mut keys = IndexKeys::default();
    for n in &names {
        keys.names.push(&n.visual.chars);
        keys.names.push(&n.reading.chars);
    }
    if let Some((h, _)) = &handle {
        keys.handles.push(&h.squashed);
        if h.core != h.squashed {
            keys.handles.push(&h.core);
        }
    }
    let entry = index::Entry::of(&keys);
    let ids = identity_keys(platform, g.handle.as_deref(), g.id.as_deref(), g.url.as_deref());
    Prepared {
        names,
        handle,
        bio: g.bio.as_deref().and_then(bio_grams),
        entry,
        ids,
    }
}

/// What [`prepare`] works out for one genuine account.
#[derive(Default)]
pub(super) struct Prepared {
    pub names: Vec<PreparedName>,
    pub handle: Option<(FoldedHandle, String)>,
    pub bio: Option<HashSet<(char, char)>>,
    pub entry: index::Entry,
    pub ids: Vec<(String, IdentityKey)>,
}

/// The office of each genuine account, numbered: the organisation's department where known,
/// else the account's own name (the accounts of one office share pictures without them being
/// templates).
pub(super) fn offices(genuine: &[Genuine], prepared: &[PreparedGenuine]) -> Vec<usize> {
    let mut offices: HashMap<String, usize> = HashMap::new();
    genuine
        .iter()
        .zip(prepared)
        .map(|(g, p)| {
            let key = match (&g.org_id, &g.department) {
                (Some(o), Some(d)) => format!("{o}|{d}"),
                _ => p
                    .names
                    .first()
                    .map(|n| n.parts.words.iter().flatten().collect())
                    .unwrap_or_default(),
            };
            let next = offices.len();
            *offices.entry(key).or_insert(next)
        })
        .collect()
}
