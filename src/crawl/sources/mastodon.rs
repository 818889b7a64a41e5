//! Mastodon on a configured list of instances: `/api/v1/accounts/lookup?acct=` for lookups
//! (404 `Record not found`; `suspended: true` for an account the instance suspended), and
//! `/api/v2/search?type=accounts` for discovery. v2 search pages by `offset`, not by `Link`
//! headers, and Mastodon refuses `offset` without a user token (401 "Search queries pagination
//! is not supported without authentication"), so each instance gives one page of up to 40
//! accounts per query; a `Link: <…>; rel="next"` header is followed where a fork sends one.
//! Notes are HTML, reduced to text; verified links are read from their `href`.

use std::sync::Arc;

use serde::Deserialize;

use super::{
    AccountRef, BoxFuture, MAX_SEARCH_PAGES, Profile, Source, SourceStatus, api_get, html_text, outcome_of_error,
    outcome_of_status, parse_json, retype, url_with,
};
use crate::crawl::{FetchOutcome, Fetcher, RequestKind};
use crate::platform::Platform;

/// The Mastodon source.
pub struct Mastodon {
    fetcher: Arc<Fetcher>,
    instances: Vec<String>,
}

#[derive(Deserialize)]
struct Account {
    id: String,
    acct: String,
    display_name: Option<String>,
    note: Option<String>,
    url: Option<String>,
    avatar: Option<String>,
    /// Negative where the server hides counts (glitch-soc and other forks send -1).
    followers_count: Option<i64>,
    #[serde(default)]
    suspended: bool,
    #[serde(default)]
    fields: Vec<Field>,
}

#[derive(Deserialize)]
struct Field {
    verified_at: Option<String>,
    value: Option<String>,
}

#[derive(Deserialize)]
struct SearchResult {
    #[serde(default)]
    accounts: Vec<Account>,
}

/// The host of an instance base URL (`https://mstdn.jp` → `mstdn.jp`).
fn instance_host(base: &str) -> String {
    reqwest::Url::parse(base)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| base.to_string())
}

impl Account {
    fn into_profile(self, instance: &str) -> Profile {
        let handle = if self.acct.contains('@') {
            self.acct
        } else {
            format!("{}@{}", self.acct, instance_host(instance))
        };
        // A profile link the linked site confirms (rel="me") is Mastodon's verification.
        let verified = self
            .fields
            .iter()
            .find(|f| f.verified_at.is_some())
            .and_then(|f| f.value.as_deref())
            .map(|v| format!("verified link {}", link_of(v)));
        Profile {
            platform: Platform::Mastodon,
            handle: Some(handle),
            id: Some(self.id),
            display_name: self.display_name.unwrap_or_default(),
            bio: self.note.as_deref().map(html_text).filter(|n| !n.is_empty()),
            avatar_url: self.avatar.filter(|a| !a.ends_with("/missing.png")),
            url: self.url,
            verified,
            followers: self.followers_count.and_then(|n| u64::try_from(n).ok()),
        }
    }
}

/// The address a profile field's HTML links to: the link's `href`, else its text without the
/// spaces between Mastodon's spans (`<span class="invisible">https://</span><span>shork.xyz</span>`).
fn link_of(html: &str) -> String {
    let doc = scraper::Html::parse_fragment(html);
    let a = scraper::Selector::parse("a[href]").expect("static selector");
    doc.select(&a)
        .next()
        .and_then(|e| e.value().attr("href"))
        .map(str::to_string)
        .unwrap_or_else(|| doc.root_element().text().collect::<String>().trim().to_string())
}

/// The `rel="next"` target of an RFC 8288 `Link` header.
pub fn next_link(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (target, params) = part.split_once(';')?;
        params
            .split(';')
            .any(|p| {
                p.trim().trim_matches('"') == "rel=\"next\"" || p.trim() == "rel=\"next\"" || p.trim() == "rel=next"
            })
            .then(|| target.trim().trim_start_matches('<').trim_end_matches('>').to_string())
    })
}

impl Mastodon {
    /// A source over the given instance base URLs (`https://mstdn.jp`).
    pub fn new(fetcher: Arc<Fetcher>, instances: Vec<String>) -> Mastodon {
        Mastodon { fetcher, instances }
    }

    /// Looks `user` or `user@host` up. A local name, or a remote one whose home instance is
    /// configured, is asked of its home: there 404 is "not found" and `suspended` is "gone". A
    /// remote name whose home is not configured is asked of each configured instance in turn;
    /// an instance answers 404 for remote accounts it has never seen (lookup does not WebFinger),
    /// and `suspended` there may be that instance's own moderation, so neither says anything about
    /// the account at home: "not visible".
    async fn lookup_acct(&self, acct: &str) -> FetchOutcome<Profile> {
        let acct = acct.trim_start_matches('@');
        if self.instances.is_empty() {
            return FetchOutcome::Failed("no Mastodon instance configured".into());
        }
        let home = match acct.split_once('@') {
            Some((_, host)) => self.instances.iter().find(|i| instance_host(i) == host),
            None => self.instances.first(),
        };
        if let Some(home) = home {
            let user = acct.split_once('@').map_or(acct, |(u, _)| u);
            return self.lookup_on(home, user, true).await;
        }
        let mut problem: Option<FetchOutcome<Profile>> = None;
        for instance in &self.instances {
            match self.lookup_on(instance, acct, false).await {
                found @ FetchOutcome::Found(_) => return found,
                o if o.is_problem() => problem = Some(o),
                _ => {}
            }
        }
        problem.unwrap_or_else(|| {
            FetchOutcome::NotVisible(format!(
                "Mastodon lookup {acct}: unknown to the configured instances ({}); its home instance is not one of them",
                self.instances.iter().map(|i| instance_host(i)).collect::<Vec<_>>().join(", ")
            ))
        })
    }

    /// One instance's answer; `home`: whether the account lives there.
    async fn lookup_on(&self, instance: &str, lookup: &str, home: bool) -> FetchOutcome<Profile> {
        let what = format!("Mastodon lookup {lookup} on {}", instance_host(instance));
        let f = match api_get(
            &self.fetcher,
            instance,
            "api/v1/accounts/lookup",
            &[("acct", lookup)],
            &[],
        )
        .await
        {
            Ok(f) => f,
            Err(o) => return retype(o),
        };
        match (f.status, home) {
            (200, _) => match parse_json::<Account>(&f, &what) {
                Ok(a) if a.suspended && home => FetchOutcome::Gone(format!("{what}: suspended by the instance")),
                Ok(a) if a.suspended => FetchOutcome::NotVisible(format!("{what}: suspended on this instance")),
                Ok(a) => FetchOutcome::Found(a.into_profile(instance)),
                Err(e) => FetchOutcome::Failed(e),
            },
            (404, false) => FetchOutcome::NotVisible(format!("{what}: HTTP 404 (not known to this instance)")),
            _ => outcome_of_status(&f, &what),
        }
    }

    async fn search_all(&self, query: &str, limit: usize) -> FetchOutcome<Vec<Profile>> {
        let mut out: Vec<Profile> = Vec::new();
        let mut last_problem: Option<FetchOutcome<Vec<Profile>>> = None;
        let per_page = limit.clamp(1, 40).to_string();
        for instance in &self.instances {
            let what = format!("Mastodon search {query:?} on {}", instance_host(instance));
            let mut next = match url_with(
                instance,
                "api/v2/search",
                &[("q", query), ("type", "accounts"), ("limit", &per_page)],
            ) {
                Ok(u) => Some(u),
                Err(e) => return outcome_of_error(&e),
            };
            let mut pages = 0;
            while let Some(url) = next.take() {
                pages += 1;
                let f = match self.fetcher.get(&url, RequestKind::Api, &[]).await {
                    Ok(f) => f,
                    Err(e) => {
                        last_problem = Some(outcome_of_error(&e));
                        break;
                    }
                };
                if f.status != 200 {
                    last_problem = Some(outcome_of_status(&f, &what));
                    break;
                }
                match parse_json::<SearchResult>(&f, &what) {
                    Ok(r) => out.extend(r.accounts.into_iter().map(|a| a.into_profile(instance))),
                    Err(e) => {
                        last_problem = Some(FetchOutcome::Failed(e));
                        break;
                    }
                }
                if pages < MAX_SEARCH_PAGES && out.len() < limit {
                    next = f.headers.get("link").and_then(|v| v.to_str().ok()).and_then(next_link);
                }
            }
        }
        match (out.is_empty(), last_problem) {
            (true, Some(problem)) => problem,
            _ => {
                out.truncate(limit);
                FetchOutcome::Found(out)
            }
        }
    }
}

impl Source for Mastodon {
    fn platform(&self) -> Platform {
        Platform::Mastodon
    }

    fn status(&self) -> SourceStatus {
        if self.instances.is_empty() {
            SourceStatus::Skipped("no Mastodon instances configured".into())
        } else {
            SourceStatus::Ready
        }
    }

    fn lookup<'a>(&'a self, account: &'a AccountRef) -> BoxFuture<'a, FetchOutcome<Profile>> {
        Box::pin(async move {
            match account {
                AccountRef::Handle(h) => self.lookup_acct(h).await,
                AccountRef::Id(id) => {
                    FetchOutcome::Failed(format!("Mastodon ids are per instance; look {id} up by acct"))
                }
            }
        })
    }

    fn search<'a>(&'a self, query: &'a str, limit: usize) -> BoxFuture<'a, FetchOutcome<Vec<Profile>>> {
        Box::pin(self.search_all(query, limit))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn link_header_next() {
        let h = r#"<https://mastodon.example/api/v1/blocks?limit=2&max_id=441449>; rel="next", <https://mastodon.example/api/v1/blocks?limit=2&since_id=444808>; rel="prev""#;
        assert_eq!(
            super::next_link(h).as_deref(),
            Some("https://mastodon.example/api/v1/blocks?limit=2&max_id=441449")
        );
        assert_eq!(super::next_link(r#"<https://a/x>; rel="prev""#), None);
    }

    #[test]
    fn hidden_counts_are_no_count_not_a_failed_account() {
        // glitch-soc and other forks hide counts as -1 (upstream has sent -2).
        let json = r#"{"id":"1","acct":"kagoshimakunren@pawoo.net","display_name":"訓練課","note":"",
            "url":"https://pawoo.net/@kagoshimakunren","avatar":null,"followers_count":-1}"#;
        let a: super::Account = serde_json::from_str(json).expect("an account with hidden counts parses");
        assert_eq!(a.into_profile("pawoo.net").followers, None);
    }
}
