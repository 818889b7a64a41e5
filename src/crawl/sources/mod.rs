//! Platform sources: one module per platform, each replaying the platform's real formats, all
//! behind the [`Source`] trait (look a profile up; search for candidates). A source reads and
//! classifies; it judges nothing.

pub mod bluesky;
pub mod instagram;
pub mod mastodon;
pub mod pages;
pub mod watchlist;
pub mod x;
pub mod youtube;

use std::future::Future;
use std::pin::Pin;

use serde::Serialize;

use super::{FetchError, FetchOutcome, Fetched};
use crate::platform::Platform;
use crate::profile::ProfileRecord;

/// A boxed future, so that sources can sit behind `dyn Source`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Most search result pages read per query: discovery is bounded.
pub const MAX_SEARCH_PAGES: usize = 4;

/// A profile as a platform returned it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// Platform.
    pub platform: Platform,
    /// Handle as the platform shows it.
    pub handle: Option<String>,
    /// Stable id.
    pub id: Option<String>,
    /// Display name.
    pub display_name: String,
    /// Profile text (HTML reduced to text).
    pub bio: Option<String>,
    /// Avatar URL.
    pub avatar_url: Option<String>,
    /// Profile URL.
    pub url: Option<String>,
    /// The platform's own verification marker, as it states it (`government`, `valid` …).
    pub verified: Option<String>,
    /// Followers, where the platform says.
    pub followers: Option<u64>,
}

impl Profile {
    /// The profile as a record of the `match` contract.
    pub fn to_record(&self) -> ProfileRecord {
        ProfileRecord {
            platform: self.platform,
            handle: self.handle.clone(),
            display_name: self.display_name.clone(),
            url: self.url.clone(),
            avatar: self.avatar_url.clone(),
            bio: self.bio.clone(),
            id: self.id.clone(),
        }
    }
}

/// What to look up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountRef {
    /// By handle (with or without `@`).
    Handle(String),
    /// By the platform's stable id.
    Id(String),
}

/// Whether a source can run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceStatus {
    /// Configured.
    Ready,
    /// Skipped, with the reason for the scan report (a key not configured, an opt-in not given).
    Skipped(String),
}

/// A search page that failed after earlier pages found candidates keeps what they found; the
/// first page's failure is the search's.
pub(crate) fn keep_found(found: Vec<Profile>, failure: FetchOutcome<Vec<Profile>>) -> FetchOutcome<Vec<Profile>> {
    if found.is_empty() {
        failure
    } else {
        FetchOutcome::Found(found)
    }
}

/// One platform.
pub trait Source: Send + Sync {
    /// The platform.
    fn platform(&self) -> Platform;
    /// Whether it can run, and if not why (ready unless the source says otherwise).
    fn status(&self) -> SourceStatus {
        SourceStatus::Ready
    }
    /// Looks one account up.
    fn lookup<'a>(&'a self, account: &'a AccountRef) -> BoxFuture<'a, FetchOutcome<Profile>>;
    /// Candidates matching a search query (at most `limit`). Platforms without a search
    /// answer `Found(vec![])`.
    fn search<'a>(&'a self, query: &'a str, limit: usize) -> BoxFuture<'a, FetchOutcome<Vec<Profile>>>;
    /// Whether `search` finds anything on this platform.
    fn can_search(&self) -> bool {
        true
    }
    /// Looks many handles up; sources whose API takes batches override this.
    fn lookup_many<'a>(&'a self, handles: &'a [String]) -> BoxFuture<'a, Vec<(String, FetchOutcome<Profile>)>> {
        Box::pin(async move {
            let mut out = Vec::with_capacity(handles.len());
            for h in handles {
                out.push((h.clone(), self.lookup(&AccountRef::Handle(h.clone())).await));
            }
            out
        })
    }
}

/// The outcome of a request that produced no response: never "not found".
pub fn outcome_of_error<T>(e: &FetchError) -> FetchOutcome<T> {
    match e {
        FetchError::RateLimited { .. } | FetchError::QuotaSpent { .. } | FetchError::Robots { .. } => {
            FetchOutcome::Blocked(e.to_string())
        }
        _ => FetchOutcome::Failed(e.to_string()),
    }
}

/// The outcome of an HTTP status that is not the success a source expects.
pub fn outcome_of_status<T>(f: &Fetched, what: &str) -> FetchOutcome<T> {
    match f.status {
        404 | 410 => FetchOutcome::NotFound(format!("{what}: HTTP {}", f.status)),
        401 | 403 | 429 => FetchOutcome::Blocked(format!("{what}: HTTP {}", f.status)),
        s => FetchOutcome::Failed(format!("{what}: HTTP {s}")),
    }
}

/// The same outcome with another payload type, for outcomes that carry none.
pub fn retype<T>(o: FetchOutcome<()>) -> FetchOutcome<T> {
    match o {
        FetchOutcome::Found(()) => FetchOutcome::Failed("internal: empty answer".into()),
        FetchOutcome::NotFound(s) => FetchOutcome::NotFound(s),
        FetchOutcome::Gone(s) => FetchOutcome::Gone(s),
        FetchOutcome::NotVisible(s) => FetchOutcome::NotVisible(s),
        FetchOutcome::Blocked(s) => FetchOutcome::Blocked(s),
        FetchOutcome::Failed(s) => FetchOutcome::Failed(s),
    }
}

/// Parses a JSON body, or says why it is malformed.
pub fn parse_json<T: serde::de::DeserializeOwned>(f: &Fetched, what: &str) -> Result<T, String> {
    serde_json::from_slice(&f.body).map_err(|e| format!("{what}: malformed response ({e})"))
}

/// Text of an HTML fragment (Mastodon notes, profile fields), whitespace collapsed.
pub fn html_text(html: &str) -> String {
    let doc = scraper::Html::parse_fragment(html);
    doc.root_element()
        .text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// GETs an API endpoint with encoded parameters; a request that produced no response is
/// returned as its outcome (blocked or failed, never "not found").
pub async fn api_get(
    fetcher: &super::Fetcher,
    base: &str,
    path: &str,
    params: &[(&str, &str)],
    headers: &[(&str, &str)],
) -> Result<Fetched, FetchOutcome<()>> {
    let url = url_with(base, path, params).map_err(|e| outcome_of_error(&e))?;
    fetcher
        .get(&url, super::RequestKind::Api, headers)
        .await
        .map_err(|e| outcome_of_error(&e))
}

/// Everything but the unreserved characters of RFC 3986 is encoded in a path segment.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A path segment built from data (a handle, an id, both attacker-controlled): percent-encoded,
/// so that `/`, `?`, `#` and `%` stay inside the segment and `x:../../escape?q=1` cannot reach
/// another path with the source's token. Empty and all-dot segments are refused: URL parsers
/// resolve `.` and `..` (encoded too) as path steps.
pub fn segment(data: &str) -> Result<String, String> {
    if data.is_empty() || data.chars().all(|c| c == '.') {
        return Err(format!("{data:?} cannot be a handle or id in a URL path"));
    }
    Ok(percent_encoding::utf8_percent_encode(data, SEGMENT).to_string())
}

/// A URL with query parameters, encoded.
pub fn url_with(base: &str, path: &str, params: &[(&str, &str)]) -> Result<String, FetchError> {
    let joined = format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/'));
    reqwest::Url::parse_with_params(&joined, params)
        .map(|u| u.to_string())
        .map_err(|e| FetchError::BadUrl(format!("{joined} ({e})")))
}

/// The source for a platform, as the configuration sets it up.
pub fn for_platform(
    platform: Platform,
    config: &crate::config::Config,
    fetcher: std::sync::Arc<super::Fetcher>,
) -> Box<dyn Source> {
    match platform {
        Platform::X => Box::new(x::X::new(fetcher, config.x.base.clone(), config.x.bearer_token.clone())),
        Platform::Youtube => Box::new(youtube::YouTube::new(
            fetcher,
            config.youtube.api_base.clone(),
            config.youtube.page_base.clone(),
            config.youtube.api_key.clone(),
            config.youtube.quota_budget,
        )),
        Platform::Bluesky => Box::new(bluesky::Bluesky::new(fetcher, config.bluesky.base.clone())),
        Platform::Mastodon => Box::new(mastodon::Mastodon::new(fetcher, config.mastodon.instances.clone())),
        // The official API first (the body's own business account); pages only by opt-in.
        Platform::Instagram => match (&config.instagram.ig_user_id, &config.instagram.access_token) {
            (Some(id), Some(token)) if !config.pages.instagram => Box::new(instagram::InstagramGraph::new(
                fetcher,
                config.instagram.graph_base.clone(),
                id.clone(),
                token.clone(),
            )),
            _ => Box::new(pages::PageSource::instagram(
                fetcher,
                config.pages.instagram_base.clone(),
                config.pages.instagram,
            )),
        },
        Platform::Facebook => Box::new(pages::PageSource::facebook(
            fetcher,
            config.pages.facebook_base.clone(),
            config.pages.facebook,
        )),
        Platform::Line => Box::new(pages::PageSource::line(fetcher, config.pages.line_base.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::{segment, url_with};

    #[test]
    fn data_stays_inside_its_path_segment() {
        let s = segment("../../escape?q=1#x").expect("encodable");
        let url = url_with(
            "http://127.0.0.1:9/x",
            &format!("2/users/by/username/{s}"),
            &[("f", "id")],
        )
        .expect("url");
        assert_eq!(
            url,
            "http://127.0.0.1:9/x/2/users/by/username/..%2F..%2Fescape%3Fq%3D1%23x?f=id"
        );
        assert_eq!(segment("mhw.sapporo_jp-1~").as_deref(), Ok("mhw.sapporo_jp-1~"));
        assert_eq!(segment("札幌").as_deref(), Ok("%E6%9C%AD%E5%B9%8C"));
        for bad in ["", ".", "..", "..."] {
            assert!(segment(bad).is_err(), "{bad:?}");
        }
    }
}
