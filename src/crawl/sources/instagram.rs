//! Instagram through the official Graph API's business discovery, with the body's own
//! Business/Creator account id and token: `GET /{ig-user-id}?fields=business_discovery
//! .username(NAME){…}`. It reads public business and creator profiles only, which is what
//! impostors of public bodies usually run. The field list is marked unverified in
//! platform-formats.md, so the base URL and API version are configurable.
//!
//! Errors: code 110 / subcode 2207013 (no such business account) is `not visible`, since Meta
//! gives the same answer for personal accounts; rate
//! limits (4, 17, 32, 613, and the Business Use Case codes 80000–80014) and token problems
//! (190, 10, 200) are `blocked`.

use std::sync::Arc;

use serde::Deserialize;

use super::{AccountRef, BoxFuture, Profile, Source, api_get, outcome_of_status, parse_json, retype};
use crate::crawl::{FetchOutcome, Fetcher};
use crate::platform::Platform;

/// The Graph API base, with its version.
pub const DEFAULT_BASE: &str = "https://graph.facebook.com/v21.0";

/// The Instagram Graph API source.
pub struct InstagramGraph {
    fetcher: Arc<Fetcher>,
    base: String,
    ig_user_id: String,
    token: String,
}

#[derive(Deserialize)]
struct Discovery {
    business_discovery: Option<Business>,
}

#[derive(Deserialize)]
struct Business {
    id: Option<String>,
    username: String,
    name: Option<String>,
    biography: Option<String>,
    profile_picture_url: Option<String>,
    followers_count: Option<u64>,
}

#[derive(Deserialize)]
struct GraphErrorBody {
    error: GraphError,
}

#[derive(Deserialize)]
struct GraphError {
    message: Option<String>,
    code: Option<i64>,
    error_subcode: Option<i64>,
}

impl InstagramGraph {
    /// A source using the body's own business account id and token.
    pub fn new(fetcher: Arc<Fetcher>, base: Option<String>, ig_user_id: String, token: String) -> InstagramGraph {
        InstagramGraph {
            fetcher,
            base: base.unwrap_or_else(|| DEFAULT_BASE.into()),
            ig_user_id,
            token,
        }
    }

    async fn discover(&self, username: &str) -> FetchOutcome<Profile> {
        let username = username.trim_start_matches('@');
        let what = format!("Instagram business discovery {username}");
        let fields = format!(
            "business_discovery.username({username}){{id,username,name,biography,profile_picture_url,followers_count}}"
        );
        let params = [("fields", fields.as_str()), ("access_token", self.token.as_str())];
        let f = match api_get(&self.fetcher, &self.base, &self.ig_user_id, &params, &[]).await {
            Ok(f) => f,
            Err(o) => return retype(o),
        };
        if f.status == 200 {
            return match parse_json::<Discovery>(&f, &what) {
                Ok(Discovery {
                    business_discovery: Some(b),
                }) => FetchOutcome::Found(Profile {
                    platform: Platform::Instagram,
                    url: Some(format!("https://www.instagram.com/{}/", b.username)),
                    handle: Some(b.username),
                    id: b.id,
                    display_name: b.name.unwrap_or_default(),
                    bio: b.biography.filter(|s| !s.is_empty()),
                    avatar_url: b.profile_picture_url,
                    verified: None,
                    followers: b.followers_count,
                }),
                Ok(_) => FetchOutcome::Failed(format!("{what}: no business_discovery in the answer")),
                Err(e) => FetchOutcome::Failed(e),
            };
        }
        match serde_json::from_slice::<GraphErrorBody>(&f.body) {
            Ok(GraphErrorBody { error }) => {
                let message = error.message.unwrap_or_default();
                match (error.code, error.error_subcode) {
                    // The same answer for a name that does not exist and for a personal (not
                    // business or creator) account: not evidence that anything was removed.
                    (Some(110), _) | (_, Some(2207013)) => FetchOutcome::NotVisible(format!(
                        "{what}: no business or creator account by this name (it may not exist, or be a personal account): {message}"
                    )),
                    // 80000–80014: Business Use Case throttling (80002 is Instagram's), listed
                    // on the Graph API's "Rate Limiting" page beside 4, 17, 32 and 613.
                    (Some(4 | 17 | 32 | 613 | 190 | 10 | 200 | 80_000..=80_014), _) => {
                        FetchOutcome::Blocked(format!("{what}: {message}"))
                    }
                    _ => FetchOutcome::Failed(format!("{what}: {message}")),
                }
            }
            Err(_) => outcome_of_status(&f, &what),
        }
    }
}

impl Source for InstagramGraph {
    fn platform(&self) -> Platform {
        Platform::Instagram
    }

    fn lookup<'a>(&'a self, account: &'a AccountRef) -> BoxFuture<'a, FetchOutcome<Profile>> {
        Box::pin(async move {
            match account {
                AccountRef::Handle(h) => self.discover(h).await,
                AccountRef::Id(id) => {
                    FetchOutcome::Failed(format!("business discovery looks up usernames, not ids ({id})"))
                }
            }
        })
    }

    fn can_search(&self) -> bool {
        false
    }

    fn search<'a>(&'a self, _query: &'a str, _limit: usize) -> BoxFuture<'a, FetchOutcome<Vec<Profile>>> {
        Box::pin(async { FetchOutcome::Found(Vec::new()) })
    }
}
