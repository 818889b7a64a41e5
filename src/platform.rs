//! The social platforms narisumashi knows, and how each one compares account handles.
//!
//! Owns the `Platform` enum and the per-platform handle comparison key. It does no I/O and
//! knows nothing of URLs (that is `registry::url`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A social platform on which a public body may run (or be impersonated on) an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// X, formerly Twitter.
    #[serde(alias = "twitter")]
    X,
    /// Instagram.
    Instagram,
    /// Facebook.
    Facebook,
    /// YouTube.
    Youtube,
    /// LINE official accounts.
    Line,
    /// Bluesky (AT Protocol).
    Bluesky,
    /// Mastodon (any instance).
    Mastodon,
}

/// A platform name that narisumashi does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown platform {0:?} (expected x, instagram, facebook, youtube, line, bluesky or mastodon)")]
pub struct UnknownPlatform(pub String);

impl Platform {
    /// Every platform, in a stable order.
    pub const ALL: [Platform; 7] = [
        Platform::X,
        Platform::Instagram,
        Platform::Facebook,
        Platform::Youtube,
        Platform::Line,
        Platform::Bluesky,
        Platform::Mastodon,
    ];

    /// The lower-case name used in profile records and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::X => "x",
            Platform::Instagram => "instagram",
            Platform::Facebook => "facebook",
            Platform::Youtube => "youtube",
            Platform::Line => "line",
            Platform::Bluesky => "bluesky",
            Platform::Mastodon => "mastodon",
        }
    }

    /// Whether an account of this platform is looked up by its platform id. Instagram's
    /// business discovery takes a username only: ids are kept there but never used to look up.
    pub fn looks_up_by_id(self) -> bool {
        self != Platform::Instagram
    }

    /// The name as staff know it of a platform given by its stored id (`x` → `X`); `?` for
    /// an id that names no platform.
    pub fn label_of(id: &str) -> &'static str {
        id.parse::<Platform>().map_or("?", Platform::label)
    }

    /// The name as staff know it, for tables and documents.
    pub fn label(self) -> &'static str {
        match self {
            Platform::X => "X",
            Platform::Instagram => "Instagram",
            Platform::Facebook => "Facebook",
            Platform::Youtube => "YouTube",
            Platform::Line => "LINE",
            Platform::Bluesky => "Bluesky",
            Platform::Mastodon => "Mastodon",
        }
    }

    /// The key under which this platform considers two handles the same account.
    ///
    /// X, Instagram, Facebook, LINE, Bluesky and Mastodon compare handles without regard to
    /// letter case and ignore a leading `@`. YouTube handles (`@name`) are case-insensitive,
    /// but channel ids (`UC…`) are case-sensitive, so they keep their case.
    pub fn handle_key(self, handle: &str) -> String {
        let trimmed = handle.trim();
        match self {
            Platform::Youtube => {
                let bare = trimmed.trim_start_matches('@');
                if is_youtube_channel_id(bare) && !trimmed.starts_with('@') {
                    bare.to_string()
                } else {
                    format!("@{}", bare.to_lowercase())
                }
            }
            Platform::Mastodon => trimmed.trim_start_matches('@').to_lowercase(),
            _ => trimmed.trim_start_matches('@').to_lowercase(),
        }
    }
}

/// Whether `s` has the shape of a YouTube channel id: `UC` and 22 characters of `[A-Za-z0-9_-]`.
pub fn is_youtube_channel_id(s: &str) -> bool {
    s.len() == 24 && s.starts_with("UC") && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the store reads a stored platform id.
impl TryFrom<String> for Platform {
    type Error = UnknownPlatform;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl FromStr for Platform {
    type Err = UnknownPlatform;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "x" | "twitter" => Ok(Platform::X),
            "instagram" => Ok(Platform::Instagram),
            "facebook" => Ok(Platform::Facebook),
            "youtube" => Ok(Platform::Youtube),
            "line" => Ok(Platform::Line),
            "bluesky" => Ok(Platform::Bluesky),
            "mastodon" => Ok(Platform::Mastodon),
            _ => Err(UnknownPlatform(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twitter_is_an_alias_of_x() {
        assert_eq!("twitter".parse::<Platform>(), Ok(Platform::X));
        assert_eq!("X".parse::<Platform>(), Ok(Platform::X));
        assert!("myspace".parse::<Platform>().is_err());
    }

    #[test]
    fn handle_keys_follow_platform_rules() {
        assert_eq!(Platform::X.handle_key("@HW_Sapporo"), "hw_sapporo");
        assert_eq!(Platform::Line.handle_key("@OGZ4781D"), "ogz4781d");
        assert_eq!(
            Platform::Youtube.handle_key("UCU37RXEEsFqGdyxu1FBkK6w"),
            "UCU37RXEEsFqGdyxu1FBkK6w"
        );
        assert_eq!(Platform::Youtube.handle_key("@Digital"), "@digital");
    }
}
