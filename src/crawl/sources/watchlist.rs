//! The watch list: profile URLs that staff or citizens reported, checked on every run. One
//! URL per line, optionally followed by a note; `#` starts a comment. A line that names no
//! profile gets an error with its line number, and the rest are still checked.

use std::path::Path;

use super::{AccountRef, Profile, Source, SourceStatus};
use crate::crawl::{FetchOutcome, Fetcher, RequestKind};
use crate::platform::{Platform, is_youtube_channel_id};
use crate::registry::parse_profile_url;

/// One reported profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchEntry {
    /// 1-based line in the file.
    pub line: usize,
    /// The URL as written.
    pub url: String,
    /// Who reported it, when, why (free text after the URL).
    pub note: Option<String>,
}

/// Reads a watch list: entries, and errors for lines that are not URLs.
pub fn parse(text: &str) -> (Vec<WatchEntry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (url, note) = match line.split_once(char::is_whitespace) {
            Some((u, n)) => (u, Some(n.trim().to_string()).filter(|n| !n.is_empty())),
            None => (line, None),
        };
        match parse_profile_url(url) {
            Ok(_) => entries.push(WatchEntry {
                line: i + 1,
                url: url.to_string(),
                note,
            }),
            Err(e) => errors.push(format!("line {}: {e}", i + 1)),
        }
    }
    (entries, errors)
}

/// Reads a watch-list file.
pub fn load(path: &Path) -> Result<(Vec<WatchEntry>, Vec<String>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read watch list {}: {e}", path.display()))?;
    Ok(parse(&text))
}

/// The platform and account a URL or `platform:handle` names. A short link (lin.ee) is read
/// by asking where it redirects, hop by hop (at most three), without fetching the page it leads
/// to; `short_base` replaces `https://lin.ee` (a test or a proxy), keeping the link's path.
pub async fn resolve_target(
    target: &str,
    fetcher: &Fetcher,
    short_base: Option<&str>,
) -> Result<(Platform, AccountRef), String> {
    let target = target.trim();
    if target.contains("://") {
        let mut parsed = parse_profile_url(target).map_err(|e| e.to_string())?;
        if parsed.short_link {
            let mut hop = match (short_base, reqwest::Url::parse(target)) {
                (Some(base), Ok(u)) => format!("{}{}", base.trim_end_matches('/'), u.path()),
                _ => target.to_string(),
            };
            let mut landed = None;
            for _ in 0..3 {
                let next = fetcher
                    .redirect_target(&hop, RequestKind::Page)
                    .await
                    .map_err(|e| format!("following {target}: {e}"))?
                    .ok_or_else(|| format!("{target} does not redirect (at {hop})"))?;
                match parse_profile_url(next.as_str()) {
                    Ok(p) if !p.short_link => {
                        landed = Some(p);
                        break;
                    }
                    _ => hop = next.to_string(),
                }
            }
            parsed = landed.ok_or_else(|| format!("{target} did not lead to a profile (ended at {hop})"))?;
        }
        let account = match (parsed.handle, parsed.id) {
            (Some(h), _) => AccountRef::Handle(h),
            (None, Some(id)) => AccountRef::Id(id),
            (None, None) => return Err(format!("{target} names no account")),
        };
        return Ok((parsed.platform, account));
    }
    let (platform, handle) = target
        .split_once(':')
        .ok_or_else(|| format!("{target:?} is neither a URL nor PLATFORM:HANDLE"))?;
    let platform: Platform = platform
        .parse()
        .map_err(|e: crate::platform::UnknownPlatform| e.to_string())?;
    let handle = handle.trim();
    if handle.is_empty() {
        return Err("empty handle".into());
    }
    let bare = handle.trim_start_matches('@');
    let is_id = (platform == Platform::Youtube && is_youtube_channel_id(bare))
        || (platform == Platform::Facebook && bare.bytes().all(|b| b.is_ascii_digit()));
    Ok((
        platform,
        if is_id {
            AccountRef::Id(bare.to_string())
        } else {
            AccountRef::Handle(handle.to_string())
        },
    ))
}

/// Checks every entry with its platform's source; a skipped source is `blocked` with its reason.
pub async fn check(
    entries: &[WatchEntry],
    sources: &[Box<dyn Source>],
    fetcher: &Fetcher,
    short_base: Option<&str>,
) -> Vec<(WatchEntry, FetchOutcome<Profile>)> {
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let outcome = match resolve_target(&e.url, fetcher, short_base).await {
            Err(why) => FetchOutcome::Failed(format!("watch list line {}: {why}", e.line)),
            Ok((platform, account)) => match sources.iter().find(|s| s.platform() == platform) {
                None => FetchOutcome::Blocked(format!("no {} source configured", platform.label())),
                Some(s) => match s.status() {
                    SourceStatus::Skipped(why) => FetchOutcome::Blocked(why),
                    SourceStatus::Ready => s.lookup(&account).await,
                },
            },
        };
        out.push((e.clone(), outcome));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_comments_notes_and_errors() {
        let (entries, errors) = super::parse(
            "# reported\nhttps://x.com/HW_Sapp0ro  市民から通報 2026-11-20\n\nnot a url\nhttps://bsky.app/profile/hw-sapp0ro.bsky.social # staff\n",
        );
        assert_eq!(entries.len(), 2);
        assert_eq!(
            (entries[0].line, entries[0].note.as_deref()),
            (2, Some("市民から通報 2026-11-20"))
        );
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("line 4:"), "{errors:?}");
    }
}
