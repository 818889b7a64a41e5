//! `narisumashi registry check`: findings about the published data, each naming the seed file
//! and line, so that a person can confirm and correct the source. Nothing is fixed here.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use super::url::{UrlError, parse_profile_url};
use super::{Location, Registry};
use crate::platform::{Platform, is_youtube_channel_id};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing is wrong (e.g. `http://` published, a query string dropped).
    Info,
    /// Probably wrong in the published data; needs a person to confirm.
    Warning,
    /// The account cannot be matched as written.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One thing `registry check` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// Where in the seeds.
    pub location: Location,
    /// What, in words a person can act on.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.location, self.severity, self.message)
    }
}

/// Checks every organisation and account of the registry.
pub fn check(registry: &Registry) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: HashMap<(Platform, String), Location> = HashMap::new();
    for org in &registry.organisations {
        check_organisation(org, &mut out);
        for a in &org.accounts {
            let loc = a.location.clone();
            let mut push = |severity, location: &Location, message: String| {
                out.push(Finding {
                    severity,
                    location: location.clone(),
                    message,
                })
            };
            check_url(a, &mut push);
            check_ids(a, &mut push);
            check_display_name(a, &mut push);
            for key in identity_keys(a) {
                if let Some(first) = seen.get(&(a.platform, key.clone())) {
                    push(
                        Severity::Error,
                        &loc,
                        format!("same {} account ({key}) is also listed at {first}", a.platform.label()),
                    );
                } else {
                    seen.insert((a.platform, key), loc.clone());
                }
            }
        }
    }
    out.sort_by(|a, b| (a.location.file.as_str(), a.location.line).cmp(&(b.location.file.as_str(), b.location.line)));
    out
}

/// Records one finding about an account.
type Push<'a> = dyn FnMut(Severity, &Location, String) + 'a;

/// What an organisation's entry lacks: accounts (told, not an error), a homepage over https.
fn check_organisation(org: &super::Organisation, out: &mut Vec<Finding>) {
    let org_loc = Location {
        file: org.file.clone(),
        line: 1,
    };
    if org.accounts.is_empty() {
        out.push(Finding {
            severity: Severity::Info,
            location: org_loc.clone(),
            message: format!(
                "{} lists no accounts yet; its procedure is kept for when it does",
                org.name
            ),
        });
    }
    match &org.homepage {
        None => out.push(Finding {
            severity: Severity::Warning,
            location: org_loc.clone(),
            message: "no homepage: public notices need one".into(),
        }),
        Some(h) if !h.starts_with("https://") => out.push(Finding {
            severity: Severity::Warning,
            location: org_loc.clone(),
            message: format!("homepage {h} is not https"),
        }),
        Some(_) => {}
    }
}

/// Whether an account's URL reads as a profile of its platform, and agrees with its handle and id.
fn check_url(a: &super::GenuineAccount, push: &mut Push<'_>) {
    let loc = a.location.clone();
    match parse_profile_url(&a.url) {
        Err(UrlError::UnknownHost { host, suggestion }) => push(
            Severity::Warning,
            &loc,
            match suggestion {
                Some(s) => format!(
                    "URL {} has host {host}, which is not a {} host; did the source mean {s}? (left as published)",
                    a.url,
                    a.platform.label()
                ),
                None => format!(
                    "URL {} has host {host}, which is not a {} host (left as published)",
                    a.url,
                    a.platform.label()
                ),
            },
        ),
        Err(e) => push(
            Severity::Error,
            &loc,
            format!("URL {} cannot be read as a {} profile: {e}", a.url, a.platform.label()),
        ),
        Ok(p) => {
            if p.platform != a.platform {
                push(
                    Severity::Error,
                    &loc,
                    format!(
                        "URL {} is a {} URL but the account is declared as {}",
                        a.url,
                        p.platform.label(),
                        a.platform.label()
                    ),
                );
            }
            for adj in &p.adjustments {
                push(
                    Severity::Info,
                    &loc,
                    format!("URL {}: {adj} (canonical: {})", a.url, p.canonical),
                );
            }
            if p.short_link {
                push(
                    Severity::Info,
                    &loc,
                    format!(
                        "URL {} is a short link; the account's basic ID is known only after the crawler follows it",
                        a.url
                    ),
                );
            }
            if let (Some(declared), Some(from_url)) = (&a.handle, &p.handle)
                && a.platform.handle_key(declared) != a.platform.handle_key(from_url)
            {
                push(
                    Severity::Warning,
                    a.handle_location.as_ref().unwrap_or(&loc),
                    format!("handle {declared} does not match the URL's {from_url}"),
                );
            }
            if let (Some(declared), Some(from_url)) = (&a.id, &p.id)
                && declared != from_url
            {
                push(
                    Severity::Warning,
                    a.id_location.as_ref().unwrap_or(&loc),
                    format!("id {declared} does not match the URL's {from_url}"),
                );
            }
        }
    }
    if !a.url_published {
        push(
            Severity::Info,
            &loc,
            format!(
                "URL {} was not published; it is derived from the published account id",
                a.url
            ),
        );
    }
}

/// Whether an account's ids have the platform's form, and whether it has any.
fn check_ids(a: &super::GenuineAccount, push: &mut Push<'_>) {
    let loc = a.location.clone();
    if a.platform == Platform::Youtube
        && let Some(id) = &a.id
        && !is_youtube_channel_id(id)
    {
        push(
            Severity::Warning,
            a.id_location.as_ref().unwrap_or(&loc),
            format!("{id} is not a YouTube channel id (UC + 22 characters)"),
        );
    }
    if a.platform == Platform::Line
        && let Some(h) = &a.handle
    {
        let bare = h.trim_start_matches('@');
        if !(bare.len() == 8 && bare.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())) {
            push(
                Severity::Info,
                a.handle_location.as_ref().unwrap_or(&loc),
                format!("LINE id {h} is not a standard 8-character basic ID (premium ID?)"),
            );
        }
    }
    if a.handle.is_none() && a.id.is_none() {
        push(
            Severity::Info,
            &loc,
            "no handle or id: the account is recognised by its URL only until the crawler resolves it".into(),
        );
    }
}

/// What is odd in an account's display name as published (or not published).
fn check_display_name(a: &super::GenuineAccount, push: &mut Push<'_>) {
    let name_loc = &a.display_name_location;
    if a.display_name.trim_start().starts_with(['@', '＠']) {
        push(
            Severity::Warning,
            name_loc,
            format!(
                "display name {:?} starts with @ as if it were a handle; confirm the account's real display name",
                a.display_name
            ),
        );
    }
    if a.display_name != a.display_name.trim() {
        push(
            Severity::Warning,
            name_loc,
            format!("display name {:?} has leading or trailing blanks", a.display_name),
        );
    }
    if a.display_name.chars().any(crate::normalize::is_invisible) {
        push(
            Severity::Warning,
            name_loc,
            format!("display name {:?} contains invisible characters", a.display_name),
        );
    }
    if !a.display_name_published {
        push(
            Severity::Info,
            name_loc,
            format!(
                "display name not published; the organisation name {:?} is used for matching",
                a.display_name
            ),
        );
    }
}

fn identity_keys(a: &super::GenuineAccount) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(h) = &a.handle {
        keys.push(format!("handle {}", a.platform.handle_key(h)));
    }
    if let Some(id) = &a.id {
        keys.push(format!("id {id}"));
    }
    if keys.is_empty() {
        keys.push(format!("url {}", a.canonical_url.as_deref().unwrap_or(&a.url)));
    }
    keys
}
