//! YouTube through the Data API v3 with an API key: `channels.list` (by `id` or
//! `forHandle`, 1 quota unit) for lookups and `search.list?type=channel` (100 units a page)
//! for discovery, within a per-run quota budget. `quotaExceeded` and `rateLimitExceeded` are
//! `blocked`, an empty `items` is `not found`. Without a key, lookups read the channel page's
//! OpenGraph tags (robots.txt applies) and search is unavailable.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use serde::Deserialize;

use super::pages::read_meta;
use super::{
    AccountRef, BoxFuture, MAX_SEARCH_PAGES, Profile, Source, api_get, keep_found, outcome_of_error, outcome_of_status,
    parse_json, retype, segment,
};
use crate::crawl::{FetchOutcome, Fetched, Fetcher, RequestKind};
use crate::platform::{Platform, is_youtube_channel_id};

/// The Data API base.
pub const DEFAULT_API_BASE: &str = "https://www.googleapis.com/youtube/v3";
/// The site, for channel pages.
pub const DEFAULT_PAGE_BASE: &str = "https://www.youtube.com";
/// Quota units of one `channels.list` call.
pub const COST_CHANNELS: u32 = 1;
/// Quota units of one `search.list` page.
pub const COST_SEARCH: u32 = 100;

/// The YouTube source.
pub struct YouTube {
    fetcher: Arc<Fetcher>,
    api_base: String,
    page_base: String,
    key: Option<String>,
    budget: u32,
    spent: AtomicU32,
}

#[derive(Deserialize)]
struct Thumbs {
    high: Option<Thumb>,
    medium: Option<Thumb>,
    default: Option<Thumb>,
}

#[derive(Deserialize)]
struct Thumb {
    url: String,
}

impl Thumbs {
    fn best(self) -> Option<String> {
        self.high.or(self.medium).or(self.default).map(|t| t.url)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChannelSnippet {
    title: String,
    description: Option<String>,
    custom_url: Option<String>,
    thumbnails: Option<Thumbs>,
}

#[derive(Deserialize)]
struct Channel {
    id: String,
    snippet: ChannelSnippet,
}

#[derive(Deserialize)]
struct ChannelList {
    #[serde(default)]
    items: Vec<Channel>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SearchId {
    kind: String,
    channel_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SearchSnippet {
    title: String,
    description: Option<String>,
    thumbnails: Option<Thumbs>,
}

#[derive(Deserialize)]
struct SearchItem {
    id: SearchId,
    snippet: SearchSnippet,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SearchList {
    #[serde(default)]
    items: Vec<SearchItem>,
    next_page_token: Option<String>,
}

#[derive(Deserialize)]
struct ApiErrorBody {
    error: ApiError,
}

#[derive(Deserialize)]
struct ApiError {
    message: Option<String>,
    #[serde(default)]
    errors: Vec<ApiErrorItem>,
    /// Google's structured details (`google.rpc.ErrorInfo`): an expired or invalid key says
    /// `API_KEY_INVALID` here while `errors[].reason` is only `badRequest`.
    #[serde(default)]
    details: Vec<ApiErrorItem>,
}

#[derive(Deserialize)]
struct ApiErrorItem {
    reason: Option<String>,
}

fn channel_profile(
    id: String,
    title: String,
    description: Option<String>,
    handle: Option<String>,
    avatar: Option<String>,
) -> Profile {
    Profile {
        platform: Platform::Youtube,
        url: Some(format!("https://www.youtube.com/channel/{id}")),
        handle,
        id: Some(id),
        display_name: title,
        bio: description.filter(|d| !d.is_empty()),
        avatar_url: avatar,
        verified: None,
        followers: None,
    }
}

/// Quota and key problems (an invalid or expired key, by `errors[].reason` or by Google's
/// `details[].reason`) are `blocked`, so that lookups fall back to the channel page; anything
/// else by status.
fn api_failure<T>(f: &Fetched, what: &str) -> FetchOutcome<T> {
    if let Ok(body) = serde_json::from_slice::<ApiErrorBody>(&f.body) {
        let reasons: Vec<String> = body
            .error
            .errors
            .iter()
            .chain(&body.error.details)
            .filter_map(|e| e.reason.clone())
            .collect();
        let message = body.error.message.unwrap_or_default();
        if reasons.iter().any(|r| {
            r.contains("quota")
                || r.contains("RateLimit")
                || r.contains("rateLimit")
                || r.contains("dailyLimit")
                || r.starts_with("API_KEY_")
                || r == "keyInvalid"
                || r == "keyExpired"
        }) || message.contains("API key not valid")
        {
            return FetchOutcome::Blocked(format!("{what}: {} ({message})", reasons.join(", ")));
        }
    }
    outcome_of_status(f, what)
}

impl YouTube {
    /// A source with an optional API key and a quota budget for the run.
    pub fn new(
        fetcher: Arc<Fetcher>,
        api_base: Option<String>,
        page_base: Option<String>,
        key: Option<String>,
        budget: u32,
    ) -> YouTube {
        YouTube {
            fetcher,
            api_base: api_base.unwrap_or_else(|| DEFAULT_API_BASE.into()),
            page_base: page_base.unwrap_or_else(|| DEFAULT_PAGE_BASE.into()),
            key: key.filter(|k| !k.trim().is_empty()),
            budget,
            spent: AtomicU32::new(0),
        }
    }

    /// Quota units spent so far in this run.
    pub fn quota_spent(&self) -> u32 {
        self.spent.load(Ordering::Relaxed)
    }

    fn spend(&self, units: u32) -> bool {
        self.spent
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |s| {
                (s + units <= self.budget).then_some(s + units)
            })
            .is_ok()
    }

    async fn api(
        &self,
        path: &str,
        params: &[(&str, &str)],
        cost: u32,
        what: &str,
    ) -> Result<Fetched, FetchOutcome<()>> {
        let Some(key) = &self.key else {
            return Err(FetchOutcome::Blocked("no YouTube Data API key configured".into()));
        };
        if !self.spend(cost) {
            return Err(FetchOutcome::Blocked(format!(
                "{what}: the run's YouTube quota budget ({} units) is spent",
                self.budget
            )));
        }
        let mut all: Vec<(&str, &str)> = params.to_vec();
        all.push(("key", key));
        api_get(&self.fetcher, &self.api_base, path, &all, &[]).await
    }

    async fn lookup_api(&self, account: &AccountRef) -> FetchOutcome<Profile> {
        let (param, value) = match account {
            AccountRef::Id(id) => ("id", id.clone()),
            AccountRef::Handle(h) if is_youtube_channel_id(h.trim_start_matches('@')) => {
                ("id", h.trim_start_matches('@').to_string())
            }
            AccountRef::Handle(h) => ("forHandle", format!("@{}", h.trim_start_matches('@'))),
        };
        let what = format!("YouTube channels.list {param}={value}");
        let f = match self
            .api(
                "channels",
                &[("part", "snippet"), (param, &value)],
                COST_CHANNELS,
                &what,
            )
            .await
        {
            Ok(f) => f,
            Err(o) => return retype(o),
        };
        if f.status != 200 {
            return api_failure(&f, &what);
        }
        match parse_json::<ChannelList>(&f, &what) {
            Ok(list) => match list.items.into_iter().next() {
                Some(c) => FetchOutcome::Found(channel_profile(
                    c.id,
                    c.snippet.title,
                    c.snippet.description,
                    c.snippet.custom_url,
                    c.snippet.thumbnails.and_then(Thumbs::best),
                )),
                None => FetchOutcome::NotFound(format!("{what}: no such channel")),
            },
            Err(e) => FetchOutcome::Failed(e),
        }
    }

    async fn lookup_page(&self, account: &AccountRef) -> FetchOutcome<Profile> {
        let path = match account {
            AccountRef::Id(id) => segment(id).map(|s| format!("channel/{s}")),
            AccountRef::Handle(h) if is_youtube_channel_id(h.trim_start_matches('@')) => {
                segment(h.trim_start_matches('@')).map(|s| format!("channel/{s}"))
            }
            AccountRef::Handle(h) => segment(h.trim_start_matches('@')).map(|s| format!("@{s}")),
        };
        let path = match path {
            Ok(p) => p,
            Err(e) => return FetchOutcome::Failed(format!("YouTube page: {e}")),
        };
        let url = format!("{}/{path}", self.page_base.trim_end_matches('/'));
        let what = format!("YouTube page {url}");
        let f = match self.fetcher.get(&url, RequestKind::Page, &[]).await {
            Ok(f) => f,
            Err(e) => return outcome_of_error(&e),
        };
        if f.url.host_str().is_some_and(|h| h.starts_with("consent."))
            || f.redirects
                .iter()
                .any(|u| u.host_str().is_some_and(|h| h.starts_with("consent.")))
        {
            return FetchOutcome::Blocked(format!("{what}: consent interstitial"));
        }
        if f.status != 200 {
            return outcome_of_status(&f, &what);
        }
        let meta = read_meta(&f.text());
        if meta
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Before you continue"))
        {
            return FetchOutcome::Blocked(format!("{what}: consent interstitial"));
        }
        let id = meta
            .canonical
            .as_deref()
            .or(meta.og_url.as_deref())
            .and_then(|c| c.rsplit_once("/channel/"))
            .map(|(_, id)| id.trim_end_matches('/').to_string());
        match (meta.og_title, id) {
            (Some(title), Some(id)) if is_youtube_channel_id(&id) => {
                let handle = meta
                    .handheld
                    .as_deref()
                    .and_then(|h| h.rsplit_once("/@"))
                    .map(|(_, h)| format!("@{h}"));
                FetchOutcome::Found(channel_profile(id, title, meta.og_description, handle, meta.og_image))
            }
            _ => FetchOutcome::Failed(format!("{what}: no channel tags (consent page or a changed format)")),
        }
    }

    async fn search_channels(&self, query: &str, limit: usize) -> FetchOutcome<Vec<Profile>> {
        let what = format!("YouTube search.list {query:?}");
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        let max = limit.clamp(1, 50).to_string();
        for _ in 0..MAX_SEARCH_PAGES {
            let mut params = vec![
                ("part", "snippet"),
                ("type", "channel"),
                ("q", query),
                ("maxResults", max.as_str()),
                ("regionCode", "JP"),
                ("relevanceLanguage", "ja"),
            ];
            if let Some(t) = token.as_deref() {
                params.push(("pageToken", t));
            }
            let f = match self.api("search", &params, COST_SEARCH, &what).await {
                Ok(f) => f,
                Err(o) => return keep_found(out, retype(o)),
            };
            if f.status != 200 {
                return keep_found(out, api_failure(&f, &what));
            }
            let page: SearchList = match parse_json(&f, &what) {
                Ok(p) => p,
                Err(e) => return FetchOutcome::Failed(e),
            };
            out.extend(
                page.items
                    .into_iter()
                    .filter(|i| i.id.kind == "youtube#channel")
                    .filter_map(|i| {
                        let id = i.id.channel_id?;
                        Some(channel_profile(
                            id,
                            i.snippet.title,
                            i.snippet.description,
                            None,
                            i.snippet.thumbnails.and_then(Thumbs::best),
                        ))
                    }),
            );
            token = page.next_page_token;
            if token.is_none() || out.len() >= limit {
                break;
            }
        }
        out.truncate(limit);
        FetchOutcome::Found(out)
    }
}

impl Source for YouTube {
    fn platform(&self) -> Platform {
        Platform::Youtube
    }

    fn lookup<'a>(&'a self, account: &'a AccountRef) -> BoxFuture<'a, FetchOutcome<Profile>> {
        Box::pin(async move {
            if self.key.is_none() {
                return self.lookup_page(account).await;
            }
            match self.lookup_api(account).await {
                // The API said no (quota): the channel page still answers lookups.
                FetchOutcome::Blocked(_) => self.lookup_page(account).await,
                other => other,
            }
        })
    }

    fn search<'a>(&'a self, query: &'a str, limit: usize) -> BoxFuture<'a, FetchOutcome<Vec<Profile>>> {
        Box::pin(self.search_channels(query, limit))
    }
}
