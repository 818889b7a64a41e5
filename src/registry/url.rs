//! Profile URL canonicalisation: turns any published form of an account's URL into the
//! platform, the handle or id it names, and one canonical URL.
//!
//! Handles http/https, `twitter.com`/`x.com`, `www.`/`m.` hosts, trailing slashes, query
//! strings (`?hl=ja`, `?view_as=subscriber`, `?from=page`), LINE's link forms (`lin.ee/…`,
//! `line.me/R/ti/p/@…`, `page.line.me/…`, `liff.line.me/…?accountId=…`), Facebook's
//! `profile.php?id=` and percent-encoded Japanese page names, YouTube's `/channel/UC…` and
//! `/@handle`, Bluesky and Mastodon. It never guesses: a host that is not a platform's is an
//! error (with the platform host it most resembles, so `registry check` can say "did you mean
//! lin.ee?"), and every change made on the way is listed in `adjustments`.

use std::fmt;

use percent_encoding::percent_decode_str;
use url::{Host, Url};

use crate::platform::{Platform, is_youtube_channel_id};

/// What a profile URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileUrl {
    /// The platform the URL belongs to.
    pub platform: Platform,
    /// The handle (user name, page slug, `@handle`, LINE basic id with `@`), if the URL names one.
    pub handle: Option<String>,
    /// The stable account id (Facebook numeric id, YouTube `UC…` channel id), if the URL names one.
    pub id: Option<String>,
    /// A short link (`lin.ee/…`) that names the account only after following its redirect.
    pub short_link: bool,
    /// One canonical URL for the account, the same for every published form.
    pub canonical: String,
    /// What canonicalisation changed, for people checking the registry.
    pub adjustments: Vec<Adjustment>,
}

/// One change canonicalisation made to a published URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Adjustment {
    /// `http://` became `https://`.
    UpgradedToHttps,
    /// The host was an alias (`twitter.com` → `x.com`, `m.facebook.com` → `www.facebook.com`).
    HostAlias {
        /// Host as published.
        from: String,
        /// Canonical host.
        to: &'static str,
    },
    /// A query string that does not name the account was dropped.
    DroppedQuery(String),
    /// A `#fragment` was dropped.
    DroppedFragment(String),
    /// A trailing slash or extra path segment was dropped.
    DroppedPath(String),
}

impl fmt::Display for Adjustment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Adjustment::UpgradedToHttps => f.write_str("http upgraded to https"),
            Adjustment::HostAlias { from, to } => write!(f, "host {from} is {to}"),
            Adjustment::DroppedQuery(q) => write!(f, "query ?{q} dropped"),
            Adjustment::DroppedFragment(q) => write!(f, "fragment #{q} dropped"),
            Adjustment::DroppedPath(p) => write!(f, "path {p} dropped"),
        }
    }
}

/// Why a string is not a profile URL narisumashi understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// Not a URL at all.
    #[error("not a URL: {0}")]
    Unparsable(String),
    /// Not http or https.
    #[error("scheme {0}: is not http or https")]
    NotHttp(String),
    /// A bare IP address instead of a platform host.
    #[error("host {0} is an IP address, not a platform")]
    IpHost(String),
    /// A host that belongs to no known platform.
    #[error("host {host} is not a known platform's{}", suggestion.map(|s| format!(" (did you mean {s}?)")).unwrap_or_default())]
    UnknownHost {
        /// The host as published.
        host: String,
        /// The platform host it most resembles, when it is one or two typos away.
        suggestion: Option<&'static str>,
    },
    /// A platform URL that is not an account's profile (a post, a search, a help page).
    #[error("{platform} URL {path} is not an account profile")]
    NotAProfile {
        /// The platform the host belongs to.
        platform: Platform,
        /// The path that names no account.
        path: String,
    },
}

/// Hosts of each platform and the canonical host they map to.
const HOSTS: &[(&str, Platform, &str)] = &[
    ("x.com", Platform::X, "x.com"),
    ("twitter.com", Platform::X, "x.com"),
    ("mobile.twitter.com", Platform::X, "x.com"),
    ("mobile.x.com", Platform::X, "x.com"),
    ("instagram.com", Platform::Instagram, "www.instagram.com"),
    ("m.instagram.com", Platform::Instagram, "www.instagram.com"),
    ("instagr.am", Platform::Instagram, "www.instagram.com"),
    ("facebook.com", Platform::Facebook, "www.facebook.com"),
    ("m.facebook.com", Platform::Facebook, "www.facebook.com"),
    ("mbasic.facebook.com", Platform::Facebook, "www.facebook.com"),
    ("web.facebook.com", Platform::Facebook, "www.facebook.com"),
    ("fb.com", Platform::Facebook, "www.facebook.com"),
    ("youtube.com", Platform::Youtube, "www.youtube.com"),
    ("m.youtube.com", Platform::Youtube, "www.youtube.com"),
    ("lin.ee", Platform::Line, "lin.ee"),
    ("line.me", Platform::Line, "page.line.me"),
    ("page.line.me", Platform::Line, "page.line.me"),
    ("liff.line.me", Platform::Line, "page.line.me"),
    ("bsky.app", Platform::Bluesky, "bsky.app"),
];

/// Query parameters that carry the account itself and so are kept or read, per platform.
fn account_query_key(platform: Platform) -> Option<&'static str> {
    match platform {
        Platform::Facebook => Some("id"),
        Platform::Line => Some("accountId"),
        _ => None,
    }
}

/// First path segments that are platform features rather than accounts.
fn reserved_first_segment(platform: Platform, seg: &str) -> bool {
    let s = seg.to_ascii_lowercase();
    let list: &[&str] = match platform {
        Platform::X => &[
            "home",
            "explore",
            "i",
            "intent",
            "search",
            "hashtag",
            "settings",
            "messages",
            "notifications",
            "share",
            "login",
            "signup",
            "tos",
            "privacy",
            "compose",
        ],
        Platform::Instagram => &["p", "reel", "reels", "explore", "accounts", "stories", "tv", "direct"],
        Platform::Facebook => &[
            "groups",
            "events",
            "watch",
            "login",
            "login.php",
            "help",
            "sharer",
            "sharer.php",
            "photo",
            "photo.php",
            "story.php",
            "hashtag",
            "marketplace",
            "checkpoint",
        ],
        Platform::Youtube => &["watch", "results", "playlist", "shorts", "feed", "embed", "live"],
        _ => &[],
    };
    list.contains(&s.as_str())
}

/// Parses a published profile URL into what it names, without any network access.
pub fn parse_profile_url(input: &str) -> Result<ProfileUrl, UrlError> {
    let trimmed = input.trim();
    let url = Url::parse(trimmed).map_err(|e| UrlError::Unparsable(format!("{trimmed} ({e})")))?;
    let mut adjustments = Vec::new();
    match url.scheme() {
        "https" => {}
        "http" => adjustments.push(Adjustment::UpgradedToHttps),
        other => return Err(UrlError::NotHttp(other.to_string())),
    }
    let host = match url.host() {
        Some(Host::Domain(d)) => d.trim_end_matches('.').to_ascii_lowercase(),
        Some(Host::Ipv4(ip)) => return Err(UrlError::IpHost(ip.to_string())),
        Some(Host::Ipv6(ip)) => return Err(UrlError::IpHost(ip.to_string())),
        None => return Err(UrlError::Unparsable(trimmed.to_string())),
    };
    let bare = host.strip_prefix("www.").unwrap_or(&host).to_string();
    let segments: Vec<String> = url
        .path_segments()
        .map(|s| s.filter(|p| !p.is_empty()).map(decode_segment).collect())
        .unwrap_or_default();

    let known = HOSTS.iter().find(|(h, _, _)| *h == bare);
    let Some(&(_, platform, canonical_host)) = known else {
        // Mastodon lives on any host; its profile paths are `/@user`.
        if let Some(user) = segments.first().and_then(|s| s.strip_prefix('@'))
            && suggest_host(&bare).is_none()
            && !user.is_empty()
            && segments.len() == 1
        {
            let handle = format!("{}@{}", user.to_lowercase(), bare);
            note_query_and_fragment(&url, None, &mut adjustments);
            return Ok(ProfileUrl {
                platform: Platform::Mastodon,
                canonical: format!("https://{bare}/@{}", user.to_lowercase()),
                handle: Some(handle),
                id: None,
                short_link: false,
                adjustments,
            });
        }
        return Err(UrlError::UnknownHost {
            host,
            suggestion: suggest_host(&bare),
        });
    };
    if canonical_host.trim_start_matches("www.") != bare {
        adjustments.push(Adjustment::HostAlias {
            from: host.clone(),
            to: canonical_host,
        });
    }
    let keep = account_query_key(platform);
    note_query_and_fragment(&url, keep, &mut adjustments);
    let mut reader = PathReader {
        url: &url,
        platform,
        bare: &bare,
        segments: &segments,
        adjustments,
    };
    let (handle, id, short_link, canonical) = reader.named()?;
    Ok(ProfileUrl {
        platform,
        handle,
        id,
        short_link,
        canonical,
        adjustments: reader.adjustments,
    })
}

/// What a profile path names: (handle, id, whether it is a short link, canonical URL).
type Named = (Option<String>, Option<String>, bool, String);

/// Reads the path and query of a profile URL of a known platform.
struct PathReader<'a> {
    url: &'a Url,
    platform: Platform,
    bare: &'a str,
    segments: &'a [String],
    adjustments: Vec<Adjustment>,
}

impl<'a> PathReader<'a> {
    fn first(&self) -> Option<&'a str> {
        self.segments.first().map(String::as_str)
    }

    fn not_profile(&self) -> UrlError {
        UrlError::NotAProfile {
            platform: self.platform,
            path: self.url.path().to_string(),
        }
    }

    fn query_value(&self, key: &str) -> Option<String> {
        self.url
            .query_pairs()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    }

    /// Notes path segments beyond the `used` ones that name the account.
    fn extra_path(&mut self, used: usize) {
        if self.segments.len() > used {
            self.adjustments
                .push(Adjustment::DroppedPath(format!("/{}", self.segments[used..].join("/"))));
        }
    }

    fn named(&mut self) -> Result<Named, UrlError> {
        let first = self.first();
        Ok(match self.platform {
            Platform::X | Platform::Instagram => {
                let seg = first.ok_or_else(|| self.not_profile())?;
                if reserved_first_segment(self.platform, seg) || !valid_plain_handle(self.platform, seg) {
                    return Err(self.not_profile());
                }
                self.extra_path(1);
                let canonical = match self.platform {
                    Platform::X => format!("https://x.com/{seg}"),
                    _ => format!("https://www.instagram.com/{}/", seg.to_lowercase()),
                };
                (Some(seg.to_string()), None, false, canonical)
            }
            Platform::Facebook => self.facebook()?,
            Platform::Youtube => self.youtube()?,
            Platform::Line => self.line()?,
            Platform::Bluesky => {
                if first != Some("profile") {
                    return Err(self.not_profile());
                }
                let actor = self.segments.get(1).ok_or_else(|| self.not_profile())?.to_lowercase();
                self.extra_path(2);
                let canonical = format!("https://bsky.app/profile/{actor}");
                if actor.starts_with("did:") {
                    (None, Some(actor), false, canonical)
                } else {
                    (Some(actor), None, false, canonical)
                }
            }
            Platform::Mastodon => return Err(self.not_profile()),
        })
    }

    /// `profile.php?id=`, `people/name/id`, a page name or `pg/name`.
    fn facebook(&mut self) -> Result<Named, UrlError> {
        let first = self.first();
        Ok(match first {
            Some("profile.php") => {
                let id = self
                    .query_value("id")
                    .filter(|v| is_digits(v))
                    .ok_or_else(|| self.not_profile())?;
                let canonical = format!("https://www.facebook.com/profile.php?id={id}");
                (None, Some(id), false, canonical)
            }
            Some("people") if self.segments.len() >= 3 && is_digits(&self.segments[2]) => {
                let id = self.segments[2].clone();
                self.extra_path(3);
                let canonical = format!("https://www.facebook.com/profile.php?id={id}");
                (Some(self.segments[1].clone()), Some(id), false, canonical)
            }
            Some(seg) if !reserved_first_segment(self.platform, seg) => {
                let seg = if seg == "pg" {
                    self.segments.get(1).ok_or_else(|| self.not_profile())?
                } else {
                    seg
                };
                self.extra_path(if first == Some("pg") { 2 } else { 1 });
                // Vanity page names published as `Name-123456789012345` carry the page id.
                let id = if is_digits(seg) && seg.len() >= 5 {
                    Some(seg.to_string())
                } else {
                    seg.rsplit_once('-')
                        .map(|(_, tail)| tail)
                        .filter(|t| is_digits(t) && t.len() >= 10)
                        .map(str::to_string)
                };
                let canonical = format!("https://www.facebook.com/{seg}");
                (Some(seg.to_string()), id, false, canonical)
            }
            _ => return Err(self.not_profile()),
        })
    }

    /// `channel/UC…`, `@handle`, or the older `c/name` and `user/name`.
    fn youtube(&mut self) -> Result<Named, UrlError> {
        let first = self.first();
        Ok(match first {
            Some("channel") => {
                let id = self
                    .segments
                    .get(1)
                    .filter(|s| is_youtube_channel_id(s))
                    .ok_or_else(|| self.not_profile())?;
                self.extra_path(2);
                (
                    None,
                    Some(id.clone()),
                    false,
                    format!("https://www.youtube.com/channel/{id}"),
                )
            }
            Some(seg) if seg.starts_with('@') && seg.len() > 1 => {
                self.extra_path(1);
                let h = seg.to_lowercase();
                (Some(h.clone()), None, false, format!("https://www.youtube.com/{h}"))
            }
            Some("c") | Some("user") if self.segments.len() >= 2 => {
                self.extra_path(2);
                let h = format!("{}/{}", self.segments[0], self.segments[1]);
                (Some(h.clone()), None, false, format!("https://www.youtube.com/{h}"))
            }
            _ => return Err(self.not_profile()),
        })
    }

    /// A `lin.ee` short link, or a basic ID from `page.line.me`, `liff.line.me` or `line.me/R/ti/p/`.
    fn line(&mut self) -> Result<Named, UrlError> {
        let first = self.first();
        Ok({
            if self.bare == "lin.ee" {
                let code = first
                    .filter(|c| c.chars().all(|ch| ch.is_ascii_alphanumeric()))
                    .ok_or_else(|| self.not_profile())?;
                self.extra_path(1);
                (None, None, true, format!("https://lin.ee/{code}"))
            } else {
                let basic = if self.bare == "liff.line.me" {
                    self.query_value("accountId")
                } else if self.bare == "page.line.me" {
                    first.map(str::to_string)
                } else {
                    // line.me/R/ti/p/@id, line.me/ti/p/@id
                    let pos = self.segments.iter().position(|s| s == "p");
                    pos.and_then(|p| self.segments.get(p + 1)).cloned()
                };
                let basic = basic
                    .map(|b| b.trim_start_matches('@').to_lowercase())
                    .filter(|b| !b.is_empty())
                    .ok_or_else(|| self.not_profile())?;
                (
                    Some(format!("@{basic}")),
                    None,
                    false,
                    format!("https://page.line.me/{basic}"),
                )
            }
        })
    }
}

fn decode_segment(seg: &str) -> String {
    percent_decode_str(seg).decode_utf8_lossy().into_owned()
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn valid_plain_handle(platform: Platform, s: &str) -> bool {
    let ok_char = |c: char| match platform {
        Platform::Instagram => c.is_ascii_alphanumeric() || c == '_' || c == '.',
        _ => c.is_ascii_alphanumeric() || c == '_',
    };
    !s.is_empty() && s.chars().all(ok_char)
}

fn note_query_and_fragment(url: &Url, keep: Option<&str>, adjustments: &mut Vec<Adjustment>) {
    let dropped: Vec<String> = url
        .query_pairs()
        .filter(|(k, _)| Some(k.as_ref()) != keep)
        .map(|(k, v)| {
            if v.is_empty() {
                k.into_owned()
            } else {
                format!("{k}={v}")
            }
        })
        .collect();
    if !dropped.is_empty() {
        adjustments.push(Adjustment::DroppedQuery(dropped.join("&")));
    }
    if let Some(f) = url.fragment() {
        adjustments.push(Adjustment::DroppedFragment(f.to_string()));
    }
}

/// The platform host that `host` is one or two typos away from, if any (`kin.ee` → `lin.ee`).
pub fn suggest_host(host: &str) -> Option<&'static str> {
    let bare = host.strip_prefix("www.").unwrap_or(host);
    HOSTS
        .iter()
        .map(|(h, _, _)| *h)
        .filter(|h| *h != bare)
        .map(|h| (h, strsim::damerau_levenshtein(h, bare)))
        .filter(|(h, d)| *d == 1 || (*d == 2 && h.len() >= 8))
        .min_by_key(|(_, d)| *d)
        .map(|(h, _)| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(u: &str) -> ProfileUrl {
        parse_profile_url(u).unwrap_or_else(|e| panic!("{u}: {e}"))
    }

    #[test]
    fn x_and_twitter_are_one_account() {
        let a = parse("https://twitter.com/HW_Sapporo");
        let b = parse("http://x.com/HW_Sapporo/");
        assert_eq!(a.canonical, b.canonical);
        assert_eq!(a.platform, Platform::X);
        assert!(b.adjustments.contains(&Adjustment::UpgradedToHttps));
    }

    #[test]
    fn instagram_query_is_dropped() {
        let a = parse("http://www.instagram.com/k.taisaku46/?hl=ja");
        assert_eq!(a.canonical, "https://www.instagram.com/k.taisaku46/");
        assert_eq!(a.handle.as_deref(), Some("k.taisaku46"));
        assert!(a.adjustments.contains(&Adjustment::DroppedQuery("hl=ja".into())));
    }

    #[test]
    fn line_forms() {
        assert_eq!(
            parse("https://liff.line.me/1645278921-kWRPP32q/?accountId=ogz4781d")
                .handle
                .as_deref(),
            Some("@ogz4781d")
        );
        assert_eq!(
            parse("https://line.me/R/ti/p/@tkh1850j?from=page").handle.as_deref(),
            Some("@tkh1850j")
        );
        assert_eq!(
            parse("https://line.me/R/ti/p/%40tkh1850j").handle.as_deref(),
            Some("@tkh1850j")
        );
        assert_eq!(
            parse("https://page.line.me/tkh1850j?openQrModal=true#~").canonical,
            "https://page.line.me/tkh1850j"
        );
        let s = parse("https://lin.ee/popg0eo");
        assert!(s.short_link);
        assert_eq!(s.handle, None);
    }

    #[test]
    fn kin_ee_is_flagged_with_suggestion() {
        let e = parse_profile_url("https://kin.ee/T7nMfHh").unwrap_err();
        assert_eq!(
            e,
            UrlError::UnknownHost {
                host: "kin.ee".into(),
                suggestion: Some("lin.ee")
            }
        );
    }

    #[test]
    fn facebook_forms() {
        let a = parse("https://www.facebook.com/profile.php?id=61578961199265");
        assert_eq!(a.id.as_deref(), Some("61578961199265"));
        let b = parse(
            "https://www.facebook.com/%E6%9C%AD%E5%B9%8C%E6%96%B0%E5%8D%92%E5%BF%9C%E6%8F%B4%E3%83%8F%E3%83%AD%E3%83%BC%E3%83%AF%E3%83%BC%E3%82%AF-149635718569446/",
        );
        assert_eq!(b.handle.as_deref(), Some("札幌新卒応援ハローワーク-149635718569446"));
        assert_eq!(b.id.as_deref(), Some("149635718569446"));
        let c = parse("https://www.facebook.com/札幌新卒応援ハローワーク-149635718569446/");
        assert_eq!(b.canonical, c.canonical);
    }

    #[test]
    fn youtube_forms() {
        let a = parse("https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg?view_as=subscriber");
        assert_eq!(a.id.as_deref(), Some("UCVS03516GOKUFplfW0T9Bfg"));
        assert_eq!(a.canonical, "https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg");
        let b = parse("https://m.youtube.com/@Digital_Agency/videos");
        assert_eq!(b.handle.as_deref(), Some("@digital_agency"));
    }

    #[test]
    fn mastodon_and_bluesky() {
        let m = parse("https://mastodon.social/@Gargron");
        assert_eq!(
            (m.platform, m.handle.as_deref()),
            (Platform::Mastodon, Some("gargron@mastodon.social"))
        );
        let b = parse("https://bsky.app/profile/digital.go.jp");
        assert_eq!(b.handle.as_deref(), Some("digital.go.jp"));
    }

    #[test]
    fn non_profiles_are_refused() {
        assert!(matches!(
            parse_profile_url("https://x.com/i/flow/login"),
            Err(UrlError::NotAProfile { .. })
        ));
        assert!(matches!(parse_profile_url("ftp://x.com/a"), Err(UrlError::NotHttp(_))));
        assert!(matches!(
            parse_profile_url("https://127.0.0.1/a"),
            Err(UrlError::IpHost(_))
        ));
        assert!(matches!(parse_profile_url("not a url"), Err(UrlError::Unparsable(_))));
    }
}
