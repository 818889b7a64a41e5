//! Public profile pages read through their OpenGraph/meta tags with `scraper` (no login, no
//! JavaScript): Instagram, Facebook and LINE official accounts, and YouTube channel pages as
//! a fallback.
//!
//! Instagram's and Facebook's terms and robots.txt forbid automated page fetching, so those
//! two sources are skipped unless the operator opts in (`pages.instagram = true`), which
//! declares that the body holds the platform's express permission; only then are their
//! pages fetched, without robots.txt for those hosts. LINE pages are fetched by default and
//! obey robots.txt. Login walls and consent pages are `blocked`, never "not found".

use std::sync::Arc;

use scraper::{Html, Selector};

use super::{AccountRef, BoxFuture, Profile, Source, SourceStatus, outcome_of_error, outcome_of_status, segment};
use crate::crawl::{FetchOutcome, Fetcher, RequestKind};
use crate::platform::Platform;

/// The meta tags of a page that describe a profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// `<title>`.
    pub title: Option<String>,
    /// `og:title`.
    pub og_title: Option<String>,
    /// `og:description`.
    pub og_description: Option<String>,
    /// `og:image` (http(s) only).
    pub og_image: Option<String>,
    /// `og:url`.
    pub og_url: Option<String>,
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// `<link rel="alternate" media="handheld">` (YouTube's `@handle`).
    pub handheld: Option<String>,
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

fn http_only(u: String) -> Option<String> {
    let lower = u.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| u.trim().to_string())
}

/// Reads the first of each tag; text inside scripts is never read as markup.
pub fn read_meta(html: &str) -> PageMeta {
    let doc = Html::parse_document(html);
    let meta = |prop: &str| {
        let sel = selector(&format!(r#"meta[property="{prop}"], meta[name="{prop}"]"#));
        doc.select(&sel)
            .next()
            .and_then(|e| e.value().attr("content"))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let link = |rel: &str| {
        doc.select(&selector(rel))
            .next()
            .and_then(|e| e.value().attr("href"))
            .map(str::to_string)
    };
    PageMeta {
        title: doc
            .select(&selector("title"))
            .next()
            .map(|t| t.text().collect::<String>().trim().to_string())
            .filter(|t| !t.is_empty()),
        og_title: meta("og:title"),
        og_description: meta("og:description"),
        og_image: meta("og:image").and_then(http_only),
        og_url: meta("og:url"),
        canonical: link(r#"link[rel="canonical"]"#),
        handheld: link(r#"link[rel="alternate"][media="handheld"]"#),
    }
}

/// Instagram's `Name (@handle) • Instagram photos and videos`.
fn split_instagram_title(t: &str) -> Option<(String, String)> {
    let open = t.rfind("(@")?;
    let close = t[open..].find(')')? + open;
    Some((t[..open].trim().to_string(), t[open + 2..close].trim().to_string()))
}

fn is_login_wall(url: &reqwest::Url) -> bool {
    let p = url.path();
    p.starts_with("/accounts/login")
        || p.starts_with("/login")
        || p.starts_with("/checkpoint")
        || p.starts_with("/i/flow/login")
        || url.host_str().is_some_and(|h| h.starts_with("consent."))
}

/// A platform whose profiles are read from public pages.
pub struct PageSource {
    platform: Platform,
    fetcher: Arc<Fetcher>,
    base: String,
    permitted: bool,
}

impl PageSource {
    /// Instagram pages on `base` (default `https://www.instagram.com`), only with `permitted`.
    pub fn instagram(fetcher: Arc<Fetcher>, base: Option<String>, permitted: bool) -> PageSource {
        PageSource {
            platform: Platform::Instagram,
            fetcher,
            base: base.unwrap_or_else(|| "https://www.instagram.com".into()),
            permitted,
        }
    }

    /// Facebook pages on `base` (default `https://www.facebook.com`), only with `permitted`.
    pub fn facebook(fetcher: Arc<Fetcher>, base: Option<String>, permitted: bool) -> PageSource {
        PageSource {
            platform: Platform::Facebook,
            fetcher,
            base: base.unwrap_or_else(|| "https://www.facebook.com".into()),
            permitted,
        }
    }

    /// LINE official account pages on `base` (default `https://page.line.me`); robots.txt applies.
    pub fn line(fetcher: Arc<Fetcher>, base: Option<String>) -> PageSource {
        PageSource {
            platform: Platform::Line,
            fetcher,
            base: base.unwrap_or_else(|| "https://page.line.me".into()),
            permitted: true,
        }
    }

    fn needs_permission(&self) -> bool {
        matches!(self.platform, Platform::Instagram | Platform::Facebook)
    }

    fn page_url(&self, account: &AccountRef) -> Result<String, String> {
        let base = self.base.trim_end_matches('/');
        Ok(match (self.platform, account) {
            (Platform::Facebook, AccountRef::Id(id)) => format!("{base}/profile.php?id={}", segment(id)?),
            (Platform::Instagram, AccountRef::Handle(h) | AccountRef::Id(h)) => {
                format!("{base}/{}/", segment(h.trim_start_matches('@'))?)
            }
            (_, AccountRef::Handle(h) | AccountRef::Id(h)) => {
                format!("{base}/{}", segment(h.trim_start_matches('@'))?)
            }
        })
    }

    async fn read(&self, account: &AccountRef) -> FetchOutcome<Profile> {
        if let SourceStatus::Skipped(why) = self.status() {
            return FetchOutcome::Blocked(why);
        }
        let url = match self.page_url(account) {
            Ok(u) => u,
            Err(e) => return FetchOutcome::Failed(format!("{} page: {e}", self.platform.label())),
        };
        let what = format!("{} page {url}", self.platform.label());
        let kind = if self.needs_permission() {
            RequestKind::PermittedPage
        } else {
            RequestKind::Page
        };
        let f = match self.fetcher.get(&url, kind, &[]).await {
            Ok(f) => f,
            Err(e) => return outcome_of_error(&e),
        };
        if is_login_wall(&f.url) || f.redirects.iter().any(is_login_wall) {
            return FetchOutcome::Blocked(format!("{what}: login or consent wall at {}", f.url));
        }
        if f.status != 200 {
            return outcome_of_status(&f, &what);
        }
        let html = f.text();
        let meta = read_meta(&html);
        let title = meta.title.clone().unwrap_or_default();
        if title.contains("isn't available")
            || title.starts_with("Page Not Found")
            || html.contains("Sorry, this page isn't available")
        {
            return FetchOutcome::NotFound(format!("{what}: the platform says the page isn't available"));
        }
        let Some(og_title) = meta.og_title.clone() else {
            return FetchOutcome::Failed(format!(
                "{what}: no profile tags (a JavaScript shell or a changed format)"
            ));
        };
        let (name, handle) = match (self.platform, account) {
            (Platform::Instagram, _) => match split_instagram_title(&og_title) {
                Some((n, h)) => (n, Some(h)),
                None => (og_title.clone(), None),
            },
            (Platform::Facebook, _) => (
                og_title
                    .trim_end_matches(" | Facebook")
                    .trim_end_matches(" - Home")
                    .to_string(),
                None,
            ),
            (Platform::Line, _) => (line_name(&og_title), None),
            (_, _) => (og_title.clone(), None),
        };
        let (handle, id) = match account {
            AccountRef::Handle(h) => (handle.or_else(|| Some(h.trim_start_matches('@').to_string())), None),
            AccountRef::Id(i) => (handle, Some(i.clone())),
        };
        let handle = match (self.platform, handle) {
            (Platform::Line, Some(h)) => Some(format!("@{}", h.trim_start_matches('@'))),
            (_, h) => h,
        };
        FetchOutcome::Found(Profile {
            platform: self.platform,
            handle,
            id,
            display_name: name,
            bio: meta
                .og_description
                .as_deref()
                .and_then(|d| bio_of_summary(self.platform, d)),
            avatar_url: meta.og_image.clone(),
            url: meta.og_url.clone().or(Some(url)),
            verified: None,
            followers: None,
        })
    }
}

/// The account's name in a LINE page's title, without the site's suffix (" | LINE Official
/// Account" and its Japanese form), which would otherwise stay in every genuine name.
pub fn line_name(title: &str) -> String {
    let mut name = title.trim();
    for suffix in [
        "| LINE Official Account",
        "| LINE公式アカウント",
        "- LINE Official Account",
        "- LINE公式アカウント",
    ] {
        if let Some(rest) = name.strip_suffix(suffix) {
            name = rest.trim_end();
        }
    }
    name.to_string()
}

/// The profile text inside a page's summary (`og:description`), if there is any. Instagram's
/// is counts and boilerplate only (`559 Followers, 110 Following, 75 Posts - See Instagram
/// photos and videos from Name (@handle)`); Facebook's starts with counts (`Name. 42217774
/// likes · 969810 talking about this. About text`), and only the about text is kept; a summary
/// that is counts alone (LINE's friend counts, whose wording is unverified) is no bio. A count
/// line stored as a bio would read as "bio copies the genuine bio" between any two accounts.
pub fn bio_of_summary(platform: Platform, summary: &str) -> Option<String> {
    let text = summary.trim();
    let rest = match platform {
        Platform::Instagram => match text.find(" - See Instagram photos and videos from ") {
            Some(_) => "",
            None => text,
        },
        Platform::Facebook => match text.find("talking about this.") {
            Some(i) => &text[i + "talking about this.".len()..],
            None => text,
        },
        _ => text,
    };
    let rest = rest.trim();
    // What is left must be more than counts: digits, separators and count words.
    const COUNT_WORDS: &[&str] = &[
        "followers",
        "following",
        "follower",
        "posts",
        "post",
        "likes",
        "like",
        "friends",
        "friend",
        "talking about this",
        "フォロワー",
        "フォロー中",
        "フォロー",
        "投稿",
        "友だち",
        "人",
        "件",
    ];
    let mut stripped = rest.to_lowercase();
    for w in COUNT_WORDS {
        stripped = stripped.replace(w, "");
    }
    let meaningful = stripped
        .chars()
        .any(|c| c.is_alphabetic() && !matches!(c, 'k' | 'm' | 'b' | '万' | '千' | '億'));
    meaningful.then(|| rest.to_string())
}

impl Source for PageSource {
    fn platform(&self) -> Platform {
        self.platform
    }

    fn status(&self) -> SourceStatus {
        if self.needs_permission() && !self.permitted {
            SourceStatus::Skipped(format!(
                "{} forbids automated page fetching (terms and robots.txt): configure the official API{}, or set pages.{} = true only with the platform's permission",
                self.platform.label(),
                if self.platform == Platform::Instagram {
                    " ([instagram] ig_user_id and access_token)"
                } else {
                    ""
                },
                self.platform.as_str()
            ))
        } else {
            SourceStatus::Ready
        }
    }

    fn lookup<'a>(&'a self, account: &'a AccountRef) -> BoxFuture<'a, FetchOutcome<Profile>> {
        Box::pin(self.read(account))
    }

    fn can_search(&self) -> bool {
        false
    }

    fn search<'a>(&'a self, _query: &'a str, _limit: usize) -> BoxFuture<'a, FetchOutcome<Vec<Profile>>> {
        // These platforms have no public search; candidates come from permutations and the watch list.
        Box::pin(async { FetchOutcome::Found(Vec::new()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_titles_lose_the_site_suffix() {
        assert_eq!(
            line_name("ハローワーク千歳 | LINE Official Account"),
            "ハローワーク千歳"
        );
        assert_eq!(line_name("文京区 | LINE公式アカウント"), "文京区");
        assert_eq!(line_name("LINE好きの会"), "LINE好きの会");
    }

    #[test]
    fn page_summaries_are_not_bios() {
        let ig = "12K Followers, 30 Following, 210 Posts - See Instagram photos and videos from \
                  デジタル庁 (@digital_agency_jp)";
        assert_eq!(bio_of_summary(Platform::Instagram, ig), None);
        let fb = "Narendra Modi. 42217774 likes · 969810 talking about this. Prime Minister of India.";
        assert_eq!(
            bio_of_summary(Platform::Facebook, fb).as_deref(),
            Some("Prime Minister of India.")
        );
        let fb_counts = "文京区. 1,234 likes · 56 talking about this.";
        assert_eq!(bio_of_summary(Platform::Facebook, fb_counts), None);
        assert_eq!(bio_of_summary(Platform::Line, "友だち 1.2万人"), None);
        assert_eq!(bio_of_summary(Platform::Line, "12,345 friends"), None);
        assert_eq!(
            bio_of_summary(Platform::Line, "札幌の求人情報をお届けします").as_deref(),
            Some("札幌の求人情報をお届けします")
        );
    }

    #[test]
    fn meta_is_read_from_markup_not_scripts() {
        let m = read_meta(
            r#"<html><head><meta property="og:title" content=" A "><script>var s = "<meta property='og:image' content='https://evil/'>";</script></head></html>"#,
        );
        assert_eq!(m.og_title.as_deref(), Some("A"));
        assert_eq!(m.og_image, None);
        assert_eq!(
            split_instagram_title("デジタル庁 (@digital_agency_jp) • Instagram photos and videos"),
            Some(("デジタル庁".into(), "digital_agency_jp".into()))
        );
    }
}
