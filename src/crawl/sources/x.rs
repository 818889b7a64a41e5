//! X through API v2 user lookup with a bearer token: `/2/users/by/username/:username`,
//! `/2/users/:id`, and `/2/users/by?usernames=` in batches of up to 100. Not-found and
//! suspended users come back as HTTP 200 with an `errors` array (or 404 on some paths), so
//! they are classified by the problem's `title` and `detail`, not by status. X's API offers
//! no user search to ordinary tiers; discovery on X is by handle permutations.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Deserialize;

use super::{
    AccountRef, BoxFuture, Profile, Source, SourceStatus, api_get, outcome_of_status, parse_json, retype, segment,
};
use crate::crawl::{FetchOutcome, Fetched, Fetcher};
use crate::platform::Platform;

/// The API host.
pub const DEFAULT_BASE: &str = "https://api.x.com";
/// Most usernames per batch request (the API's limit).
pub const BATCH: usize = 100;
const USER_FIELDS: &str = "created_at,description,profile_image_url,public_metrics,verified,verified_type,url";

/// The X source.
pub struct X {
    fetcher: Arc<Fetcher>,
    base: String,
    bearer: Option<String>,
}

#[derive(Deserialize)]
struct User {
    id: String,
    name: String,
    username: String,
    description: Option<String>,
    profile_image_url: Option<String>,
    #[serde(default)]
    verified: bool,
    verified_type: Option<String>,
    public_metrics: Option<Metrics>,
}

#[derive(Deserialize)]
struct Metrics {
    followers_count: Option<u64>,
}

#[derive(Deserialize)]
struct Problem {
    title: Option<String>,
    detail: Option<String>,
    value: Option<String>,
}

#[derive(Deserialize)]
struct Single {
    data: Option<User>,
    #[serde(default)]
    errors: Vec<Problem>,
}

#[derive(Deserialize)]
struct Many {
    #[serde(default)]
    data: Vec<User>,
    #[serde(default)]
    errors: Vec<Problem>,
}

impl User {
    fn into_profile(self) -> Profile {
        let verified = self
            .verified_type
            .filter(|t| t != "none")
            .or_else(|| self.verified.then(|| "verified".to_string()));
        Profile {
            platform: Platform::X,
            url: Some(format!("https://x.com/{}", self.username)),
            handle: Some(self.username),
            id: Some(self.id),
            display_name: self.name,
            bio: self.description.filter(|d| !d.is_empty()),
            avatar_url: self.profile_image_url,
            verified,
            followers: self.public_metrics.and_then(|m| m.followers_count),
        }
    }
}

fn classify_problem<T>(p: &Problem, what: &str) -> FetchOutcome<T> {
    let title = p.title.as_deref().unwrap_or("");
    let detail = p.detail.as_deref().unwrap_or("");
    if title == "Not Found Error" {
        FetchOutcome::NotFound(format!("{what}: {detail}"))
    } else if detail.contains("suspended") {
        FetchOutcome::Gone(format!("{what}: suspended ({detail})"))
    } else if detail.contains("not authorized") {
        FetchOutcome::NotVisible(format!("{what}: protected ({detail})"))
    } else {
        FetchOutcome::Failed(format!("{what}: {title} {detail}"))
    }
}

impl X {
    /// A source on `base` with an optional bearer token (without one it is skipped).
    pub fn new(fetcher: Arc<Fetcher>, base: Option<String>, bearer: Option<String>) -> X {
        X {
            fetcher,
            base: base.unwrap_or_else(|| DEFAULT_BASE.to_string()),
            bearer: bearer.filter(|b| !b.trim().is_empty()),
        }
    }

    async fn call(&self, path: &str, params: &[(&str, &str)]) -> Result<Fetched, FetchOutcome<()>> {
        let Some(bearer) = &self.bearer else {
            return Err(FetchOutcome::Blocked("no X bearer token configured".into()));
        };
        let auth = format!("Bearer {bearer}");
        api_get(
            &self.fetcher,
            &self.base,
            path,
            params,
            &[("authorization", auth.as_str())],
        )
        .await
    }

    async fn lookup_one(&self, account: &AccountRef) -> FetchOutcome<Profile> {
        let (path, what) = match account {
            AccountRef::Handle(h) => {
                let h = h.trim_start_matches('@');
                (
                    segment(h).map(|s| format!("2/users/by/username/{s}")),
                    format!("X user @{h}"),
                )
            }
            AccountRef::Id(id) => (segment(id).map(|s| format!("2/users/{s}")), format!("X user id {id}")),
        };
        let path = match path {
            Ok(p) => p,
            Err(e) => return FetchOutcome::Failed(format!("{what}: {e}")),
        };
        let f = match self.call(&path, &[("user.fields", USER_FIELDS)]).await {
            Ok(f) => f,
            Err(o) => return retype(o),
        };
        match f.status {
            200 | 404 => match parse_json::<Single>(&f, &what) {
                Ok(Single { data: Some(u), .. }) => FetchOutcome::Found(u.into_profile()),
                Ok(Single { errors, .. }) if !errors.is_empty() => classify_problem(&errors[0], &what),
                Ok(_) if f.status == 404 => FetchOutcome::NotFound(format!("{what}: HTTP 404")),
                Ok(_) => FetchOutcome::Failed(format!("{what}: neither data nor errors")),
                Err(e) if f.status == 404 => FetchOutcome::NotFound(format!("{what}: HTTP 404 ({e})")),
                Err(e) => FetchOutcome::Failed(e),
            },
            _ => outcome_of_status(&f, &what),
        }
    }

    /// Looks many handles up, 100 per request; every handle gets its own outcome.
    pub async fn lookup_many(&self, handles: &[String]) -> Vec<(String, FetchOutcome<Profile>)> {
        let mut out = Vec::with_capacity(handles.len());
        for batch in handles.chunks(BATCH) {
            let names: Vec<&str> = batch.iter().map(|h| h.trim_start_matches('@')).collect();
            let joined = names.join(",");
            let what = format!("X users lookup ({} names)", names.len());
            let f = match self
                .call("2/users/by", &[("usernames", &joined), ("user.fields", USER_FIELDS)])
                .await
            {
                Ok(f) => f,
                Err(o) => {
                    out.extend(names.iter().map(|n| (n.to_string(), retype(o.clone()))));
                    continue;
                }
            };
            if f.status != 200 {
                out.extend(names.iter().map(|n| (n.to_string(), outcome_of_status(&f, &what))));
                continue;
            }
            let many: Many = match parse_json(&f, &what) {
                Ok(m) => m,
                Err(e) => {
                    out.extend(names.iter().map(|n| (n.to_string(), FetchOutcome::Failed(e.clone()))));
                    continue;
                }
            };
            let mut found: HashMap<String, User> =
                many.data.into_iter().map(|u| (u.username.to_lowercase(), u)).collect();
            let problems: HashMap<String, &Problem> = many
                .errors
                .iter()
                .filter_map(|p| p.value.as_ref().map(|v| (v.to_lowercase(), p)))
                .collect();
            for n in names {
                let key = n.to_lowercase();
                let outcome = match (found.remove(&key), problems.get(&key)) {
                    (Some(u), _) => FetchOutcome::Found(u.into_profile()),
                    (None, Some(p)) => classify_problem(p, &format!("X user @{n}")),
                    (None, None) => FetchOutcome::Failed(format!("X user @{n}: missing from the batch answer")),
                };
                out.push((n.to_string(), outcome));
            }
        }
        out
    }
}

impl Source for X {
    fn platform(&self) -> Platform {
        Platform::X
    }

    fn status(&self) -> SourceStatus {
        if self.bearer.is_some() {
            SourceStatus::Ready
        } else {
            SourceStatus::Skipped("no X API bearer token configured (x.bearer_token)".into())
        }
    }

    fn lookup<'a>(&'a self, account: &'a AccountRef) -> BoxFuture<'a, FetchOutcome<Profile>> {
        Box::pin(self.lookup_one(account))
    }

    fn search<'a>(&'a self, _query: &'a str, _limit: usize) -> BoxFuture<'a, FetchOutcome<Vec<Profile>>> {
        Box::pin(async { FetchOutcome::Found(Vec::new()) })
    }

    fn can_search(&self) -> bool {
        false
    }

    fn lookup_many<'a>(&'a self, handles: &'a [String]) -> BoxFuture<'a, Vec<(String, FetchOutcome<Profile>)>> {
        Box::pin(X::lookup_many(self, handles))
    }
}
