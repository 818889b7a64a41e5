//! What the matcher is given and what it answers: the genuine accounts, a candidate with its
//! picture evidence, and the verdict with its reasons.

use std::collections::HashMap;

use serde::Serialize;

use super::{AvatarHash, Reason, identity_keys};
use crate::parallel::on_every_core;
use crate::platform::Platform;
use crate::registry::Registry;

/// A genuine account as the matcher knows it.
#[derive(Debug, Clone, Default)]
pub struct Genuine {
    /// Platform (None only in `Default`).
    pub platform: Option<Platform>,
    /// Handle as published.
    pub handle: Option<String>,
    /// Stable platform id.
    pub id: Option<String>,
    /// Profile URL.
    pub url: Option<String>,
    /// Display name.
    pub display_name: String,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// Profile text, when a snapshot has it.
    pub bio: Option<String>,
    /// Avatar fingerprint, when a snapshot has it.
    pub avatar: Option<AvatarHash>,
    /// The organisation's id, when from the registry.
    pub org_id: Option<String>,
    /// The office within the organisation that runs the account, when known.
    pub department: Option<String>,
}

impl Genuine {
    /// Every account of a registry.
    pub fn from_registry(registry: &Registry) -> Vec<Genuine> {
        // The kana readings fold every name: on every core for a large registry.
        let accounts: Vec<_> = registry.accounts().collect();
        on_every_core(&accounts, |(org, a)| Genuine {
            platform: Some(a.platform),
            handle: a.handle.clone(),
            id: a.id.clone(),
            url: Some(a.canonical_url.clone().unwrap_or_else(|| a.url.clone())),
            display_name: a.display_name.clone(),
            aliases: a.aliases.iter().cloned().chain(org.reading_variants(a)).collect(),
            bio: None,
            avatar: None,
            org_id: Some(org.id.clone()),
            department: Some(a.department.clone()).filter(|d| !d.is_empty()),
        })
    }

    /// Fills in the organisation, office and other names (aliases, kana readings) of accounts
    /// that are the registry's own (same platform and handle, id or URL): a `--genuine` file
    /// names accounts, the registry knows who runs them and what else they are called. Accounts
    /// the registry does not know are left as they are.
    pub fn enrich_from(list: &mut [Genuine], registry: &Registry) {
        let known = Genuine::from_registry(registry);
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (i, g) in known.iter().enumerate() {
            let platform = g.platform.unwrap_or(Platform::X);
            for (k, _) in identity_keys(platform, g.handle.as_deref(), g.id.as_deref(), g.url.as_deref()) {
                by_key.entry(k).or_insert(i);
            }
        }
        for g in list.iter_mut().filter(|g| g.org_id.is_none()) {
            let Some(platform) = g.platform else { continue };
            let found = identity_keys(platform, g.handle.as_deref(), g.id.as_deref(), g.url.as_deref())
                .into_iter()
                .find_map(|(k, _)| by_key.get(&k).copied());
            if let Some(i) = found {
                g.org_id = known[i].org_id.clone();
                g.department = known[i].department.clone();
                for a in &known[i].aliases {
                    if !g.aliases.contains(a) {
                        g.aliases.push(a.clone());
                    }
                }
            }
        }
    }

    /// `@handle`, id or URL: how to name the account to a person.
    pub fn label(&self) -> String {
        crate::registry::account_label(self.handle.as_deref(), self.id.as_deref(), self.url.as_deref())
            .unwrap_or_else(|| self.display_name.clone())
    }
}

/// What is known of a candidate's avatar.
#[derive(Debug, Clone, Default)]
pub enum AvatarEvidence {
    /// The profile has no avatar.
    #[default]
    None,
    /// Fingerprinted.
    Hash(AvatarHash),
    /// There is one, but it could not be used; the reason is shown to the reviewer.
    Unavailable(String),
}

/// A profile to judge.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Platform.
    pub platform: Platform,
    /// Handle as shown.
    pub handle: Option<String>,
    /// Stable platform id.
    pub id: Option<String>,
    /// Profile URL.
    pub url: Option<String>,
    /// Display name.
    pub display_name: String,
    /// Profile text.
    pub bio: Option<String>,
    /// Avatar.
    pub avatar: AvatarEvidence,
}

/// The verdict on a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// It is a registered genuine account.
    Genuine,
    /// It imitates a genuine account.
    Suspect,
    /// Neither.
    Clear,
}

/// The outcome of judging one candidate.
#[derive(Debug, Clone)]
pub struct Judgement {
    /// Genuine, suspect or clear.
    pub verdict: Verdict,
    /// How strongly it imitates `target` (for clear: the best score seen), in [0, 1].
    pub score: f64,
    /// Index (into the matcher's genuine accounts) of the account imitated or matched.
    pub target: Option<usize>,
    /// The evidence.
    pub reasons: Vec<Reason>,
    /// How many genuine accounts were fully scored (the index's short list).
    pub compared: usize,
}
