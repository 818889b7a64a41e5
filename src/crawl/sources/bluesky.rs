//! Bluesky through the public AppView (`app.bsky.actor.getProfile`, `searchActors`): no key,
//! cursor pagination. Unknown actors answer 400 `InvalidRequest` "Profile not found"; actors
//! Bluesky took down answer 400 `AccountTakedown` ("Account has been suspended") and deactivated
//! ones 400 `AccountDeactivated` ("Account is deactivated"), both read as gone (the AppView's
//! `getProfile.ts`, bluesky-social/atproto). A profile whose handle no longer verifies comes back
//! as `handle.invalid`: its URL is made with the DID.

use std::sync::Arc;

use serde::Deserialize;

use super::{
    AccountRef, BoxFuture, MAX_SEARCH_PAGES, Profile, Source, api_get, keep_found, outcome_of_status, parse_json,
    retype,
};
use crate::crawl::{FetchOutcome, Fetcher};
use crate::platform::Platform;

/// The public AppView.
pub const DEFAULT_BASE: &str = "https://public.api.bsky.app";

/// What the AppView puts in place of a handle that no longer verifies.
const INVALID_HANDLE: &str = "handle.invalid";

/// The Bluesky source.
pub struct Bluesky {
    fetcher: Arc<Fetcher>,
    base: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProfileView {
    did: String,
    handle: String,
    display_name: Option<String>,
    description: Option<String>,
    avatar: Option<String>,
    followers_count: Option<u64>,
    verification: Option<Verification>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Verification {
    verified_status: Option<String>,
}

#[derive(Deserialize)]
struct SearchPage {
    actors: Vec<ProfileView>,
    cursor: Option<String>,
}

#[derive(Deserialize)]
struct XrpcError {
    error: Option<String>,
    message: Option<String>,
}

impl ProfileView {
    fn into_profile(self) -> Profile {
        Profile {
            platform: Platform::Bluesky,
            url: Some(format!(
                "https://bsky.app/profile/{}",
                if self.handle == INVALID_HANDLE {
                    &self.did
                } else {
                    &self.handle
                }
            )),
            handle: (self.handle != INVALID_HANDLE).then_some(self.handle),
            id: Some(self.did),
            display_name: self.display_name.unwrap_or_default(),
            bio: self.description.filter(|d| !d.is_empty()),
            avatar_url: self.avatar,
            verified: self
                .verification
                .and_then(|v| v.verified_status)
                .filter(|s| s != "none"),
            followers: self.followers_count,
        }
    }
}

impl Bluesky {
    /// A source on `base` (the public AppView unless configured otherwise).
    pub fn new(fetcher: Arc<Fetcher>, base: Option<String>) -> Bluesky {
        Bluesky {
            fetcher,
            base: base.unwrap_or_else(|| DEFAULT_BASE.to_string()),
        }
    }

    async fn get_profile(&self, actor: &str) -> FetchOutcome<Profile> {
        let what = format!("Bluesky getProfile {actor}");
        let f = match api_get(
            &self.fetcher,
            &self.base,
            "xrpc/app.bsky.actor.getProfile",
            &[("actor", actor)],
            &[],
        )
        .await
        {
            Ok(f) => f,
            Err(o) => return retype(o),
        };
        match f.status {
            200 => match parse_json::<ProfileView>(&f, &what) {
                Ok(p) => FetchOutcome::Found(p.into_profile()),
                Err(e) => FetchOutcome::Failed(e),
            },
            400 => match parse_json::<XrpcError>(&f, &what) {
                Ok(XrpcError {
                    error: Some(kind),
                    message,
                }) if kind == "InvalidRequest"
                    && message
                        .as_deref()
                        .is_some_and(|m| m.to_lowercase().contains("not found")) =>
                {
                    FetchOutcome::NotFound(format!("{what}: {}", message.unwrap_or_default()))
                }
                Ok(XrpcError {
                    error: Some(kind),
                    message,
                }) if kind == "AccountTakedown" || kind == "AccountDeactivated" => {
                    FetchOutcome::Gone(format!("{what}: {kind} ({})", message.unwrap_or_default()))
                }
                Ok(e) => FetchOutcome::Failed(format!(
                    "{what}: {} {}",
                    e.error.unwrap_or_default(),
                    e.message.unwrap_or_default()
                )),
                Err(e) => FetchOutcome::Failed(e),
            },
            _ => outcome_of_status(&f, &what),
        }
    }

    async fn search_actors(&self, query: &str, limit: usize) -> FetchOutcome<Vec<Profile>> {
        let what = format!("Bluesky searchActors {query:?}");
        let mut out = Vec::new();
        let mut cursor: Option<String> = None;
        let page_size = limit.clamp(1, 100).to_string();
        for _ in 0..MAX_SEARCH_PAGES {
            let mut params = vec![("q", query), ("limit", page_size.as_str())];
            if let Some(c) = cursor.as_deref() {
                params.push(("cursor", c));
            }
            let f = match api_get(
                &self.fetcher,
                &self.base,
                "xrpc/app.bsky.actor.searchActors",
                &params,
                &[],
            )
            .await
            {
                Ok(f) => f,
                Err(o) => return keep_found(out, retype(o)),
            };
            if f.status != 200 {
                return keep_found(out, outcome_of_status(&f, &what));
            }
            let page: SearchPage = match parse_json(&f, &what) {
                Ok(p) => p,
                Err(e) => return FetchOutcome::Failed(e),
            };
            out.extend(page.actors.into_iter().map(ProfileView::into_profile));
            cursor = page.cursor.filter(|c| !c.is_empty());
            if cursor.is_none() || out.len() >= limit {
                break;
            }
        }
        out.truncate(limit);
        FetchOutcome::Found(out)
    }
}

impl Source for Bluesky {
    fn platform(&self) -> Platform {
        Platform::Bluesky
    }

    fn lookup<'a>(&'a self, account: &'a AccountRef) -> BoxFuture<'a, FetchOutcome<Profile>> {
        Box::pin(async move {
            match account {
                AccountRef::Handle(h) | AccountRef::Id(h) => self.get_profile(h.trim_start_matches('@')).await,
            }
        })
    }

    fn search<'a>(&'a self, query: &'a str, limit: usize) -> BoxFuture<'a, FetchOutcome<Vec<Profile>>> {
        Box::pin(self.search_actors(query, limit))
    }
}
