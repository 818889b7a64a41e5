//! The public answer to "is this account official?": a profile URL or a handle a citizen
//! met, checked against the registry and against what the body's staff have already
//! confirmed. Nothing is fetched: the submitted URL is only read.
//!
//! Three answers, and only these: the account is one of the registry's (which body, which
//! account); it is an impostor that staff confirmed or reported (since when, and the genuine
//! account to use instead); or it is not in the registry, with the registered account whose
//! handle it resembles when there is one. Unconfirmed suspects, dismissals, scores and
//! reviewers' notes never reach an answer: a dismissed account is simply "not in the registry".

use std::sync::Arc;

use serde::Serialize;

use crate::matching::{AvatarEvidence, Candidate, Genuine, Matcher, Verdict};
use crate::platform::Platform;
use crate::registry::url::parse_profile_url;
use crate::registry::{GenuineAccount, Organisation, Registry};
use crate::store::{Store, StoreError};

/// Longest question read (characters): a profile URL or a handle is far shorter.
pub const MAX_QUESTION: usize = 300;

/// What a citizen asks about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The platform, read from the URL or chosen beside a handle.
    pub platform: Platform,
    /// The handle, without `@` (Mastodon: `user@instance`).
    pub handle: Option<String>,
    /// The platform's id (a Facebook page number, a YouTube channel id).
    pub id: Option<String>,
    /// The canonical profile URL, when a URL was given.
    pub url: Option<String>,
}

/// Why a question cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    /// Nothing was entered.
    #[error("nothing to check")]
    Empty,
    /// Longer than any profile URL or handle.
    #[error("longer than {MAX_QUESTION} characters")]
    TooLong,
    /// A URL that is not a profile page of a platform this tool knows.
    #[error("not a profile URL of a known platform ({0})")]
    NotAProfile(String),
    /// A handle without a platform.
    #[error("a handle needs its platform")]
    NoPlatform,
    /// Characters no handle has.
    #[error("not a handle")]
    NotAHandle,
}

impl Question {
    /// Reads what was entered: a profile URL (with or without `https://`), or a handle with
    /// the platform chosen beside it.
    pub fn read(text: &str, platform: Option<Platform>) -> Result<Question, Unreadable> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Unreadable::Empty);
        }
        if text.chars().count() > MAX_QUESTION {
            return Err(Unreadable::TooLong);
        }
        let looks_like_url = text.contains("://") || (text.contains('/') && text.contains('.'));
        if looks_like_url {
            let url = if text.contains("://") {
                text.to_string()
            } else {
                format!("https://{text}")
            };
            let p = parse_profile_url(&url).map_err(|e| Unreadable::NotAProfile(e.to_string()))?;
            return Ok(Question {
                platform: p.platform,
                handle: p.handle.map(|h| h.trim_start_matches('@').to_string()),
                id: p.id,
                url: Some(p.canonical),
            });
        }
        let platform = platform.ok_or(Unreadable::NoPlatform)?;
        let handle = text.trim_start_matches(['@', '＠']).trim();
        // A handle is one word: anything with spaces, quotes or markup is not one.
        if handle.is_empty() || handle.chars().any(|c| c.is_whitespace() || "<>\"'`/\\".contains(c)) {
            return Err(Unreadable::NotAHandle);
        }
        let youtube_channel = platform == Platform::Youtube && crate::platform::is_youtube_channel_id(handle);
        Ok(Question {
            platform,
            handle: (!youtube_channel).then(|| handle.to_string()),
            id: youtube_channel.then(|| handle.to_string()),
            url: None,
        })
    }

    /// The handle as the platform shows it (`@HW_Sapporo`).
    pub fn shown(&self) -> String {
        match (&self.handle, &self.id, &self.url) {
            (Some(h), _, _) if self.platform == Platform::Mastodon || self.platform == Platform::Bluesky => h.clone(),
            (Some(h), _, _) => format!("@{h}"),
            (None, Some(id), _) => id.clone(),
            (None, None, Some(u)) => u.clone(),
            _ => String::new(),
        }
    }
}

/// A registered account, as the public may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    /// The body's name.
    pub body: String,
    /// The body's homepage, where it lists its accounts.
    pub homepage: Option<String>,
    /// The platform.
    pub platform: Platform,
    /// The account's name as published.
    pub name: String,
    /// Its handle or id as published.
    pub handle: Option<String>,
    /// Its profile URL.
    pub url: String,
}

impl Account {
    fn of(org: &Organisation, a: &GenuineAccount) -> Account {
        Account {
            body: org.name.clone(),
            homepage: org.homepage.clone(),
            platform: a.platform,
            name: a.display_name.clone(),
            handle: a.handle.clone().or_else(|| a.id.clone()),
            url: a.url.clone(),
        }
    }
}

/// The answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "answer", rename_all = "snake_case")]
pub enum Answer {
    /// 公式アカウント: one of the registry's accounts.
    Official {
        /// The account.
        account: Account,
    },
    /// 確認済みのなりすまし: staff confirmed it, or reported it to the platform.
    ConfirmedImpostor {
        /// Reported to the platform (not only confirmed).
        reported: bool,
        /// Since when (the decision's day, `YYYY-MM-DD` in Japan).
        since: String,
        /// The account to use instead, when the registry still lists it.
        use_instead: Option<Account>,
    },
    /// 公式アカウントではありません: not in the registry.
    NotOfficial {
        /// The registered account whose handle or URL this one resembles.
        resembles: Option<Account>,
    },
}

/// Answers questions for one registry and one database.
pub struct Checker {
    registry: Arc<Registry>,
    matcher: Matcher,
}

impl Checker {
    /// Prepares the registry for checking (the matcher's indexes; no pictures are compared).
    pub fn new(registry: Arc<Registry>) -> Checker {
        let matcher = Matcher::new(Genuine::from_registry(&registry));
        Checker { registry, matcher }
    }

    /// The answer to a question: the registry first, then the staff's decisions.
    pub async fn answer(&self, store: &Store, q: &Question) -> Result<Answer, StoreError> {
        let candidate = Candidate {
            platform: q.platform,
            handle: q.handle.clone(),
            id: q.id.clone(),
            url: q.url.clone(),
            display_name: String::new(),
            bio: None,
            avatar: AvatarEvidence::None,
        };
        let judgement = self.matcher.judge(&candidate);
        if judgement.verdict == Verdict::Genuine
            && let Some(account) = judgement.target.and_then(|i| self.account(i))
        {
            return Ok(Answer::Official { account });
        }
        let handle_key = q.handle.as_deref().map(|h| q.platform.handle_key(h));
        if let Some(found) = store
            .confirmed_impostor(q.platform, handle_key.as_deref(), q.id.as_deref())
            .await?
        {
            return Ok(Answer::ConfirmedImpostor {
                reported: found.reported,
                since: crate::text::wording::jst_day(found.since),
                use_instead: self.account_by_key(&found.org_id, &found.target_key),
            });
        }
        let resembles = (judgement.verdict == Verdict::Suspect)
            .then(|| judgement.target.and_then(|i| self.account(i)))
            .flatten();
        Ok(Answer::NotOfficial { resembles })
    }

    /// The registry's `i`th account (the matcher's order).
    fn account(&self, i: usize) -> Option<Account> {
        self.registry.accounts().nth(i).map(|(o, a)| Account::of(o, a))
    }

    /// The account a stored suspect imitates, by its organisation's id and its key.
    fn account_by_key(&self, org_id: &str, key: &str) -> Option<Account> {
        let org = self.registry.organisation(org_id)?;
        org.account_by_key(key).map(|a| Account::of(org, a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_read_from_urls_and_handles() {
        let q = Question::read("x.com/HW_Sapporo?s=20", None).unwrap();
        assert_eq!((q.platform, q.handle.as_deref()), (Platform::X, Some("HW_Sapporo")));
        let q = Question::read("＠hw_sapporo", Some(Platform::Instagram)).unwrap();
        assert_eq!(q.handle.as_deref(), Some("hw_sapporo"));
        assert_eq!(Question::read("  ", None), Err(Unreadable::Empty));
        assert_eq!(Question::read("hw_sapporo", None), Err(Unreadable::NoPlatform));
        assert_eq!(
            Question::read("<script>alert(1)</script>", Some(Platform::X)),
            Err(Unreadable::NotAHandle)
        );
        assert_eq!(
            Question::read(&"a".repeat(400), Some(Platform::X)),
            Err(Unreadable::TooLong)
        );
        assert!(matches!(
            Question::read("https://example.com/profile", None),
            Err(Unreadable::NotAProfile(_))
        ));
        let q = Question::read("UCjrV6BWU7cc1PrVRxvMZGBg", Some(Platform::Youtube)).unwrap();
        assert_eq!(q.id.as_deref(), Some("UCjrV6BWU7cc1PrVRxvMZGBg"));
    }
}
