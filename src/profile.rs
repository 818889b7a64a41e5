//! Profile records: the JSON Lines contract of `narisumashi match` (see
//! `../shared/profile-format.md`), shared by the crawler, the matcher and every evaluation set.
//!
//! Owns parsing and validating one record; it reads no files and fetches nothing.

use serde::{Deserialize, Serialize};

use crate::platform::Platform;

/// One account profile as a platform shows it (one line of a JSONL file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRecord {
    /// The platform (`twitter` is accepted as an alias of `x`).
    pub platform: Platform,
    /// Handle, user name, channel handle or id, or LINE basic id; a leading `@` is allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// The name shown on the profile (may be empty).
    pub display_name: String,
    /// The profile's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The profile picture: a path relative to the JSONL file's folder, or an http(s) URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The profile text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    /// The platform's stable account id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// Why a line is not a usable profile record.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The line is not JSON, or a field has the wrong type or value.
    #[error("not a valid profile record: {0}")]
    Json(#[from] serde_json::Error),
    /// The line is longer than narisumashi reads.
    #[error("line is {len} bytes long; the limit is {limit} bytes")]
    TooLong {
        /// Bytes in the line (at least).
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// The line is not UTF-8.
    #[error("line is not valid UTF-8 (at byte {0})")]
    NotUtf8(usize),
    /// A text field is longer than narisumashi compares.
    #[error("field `{field}` is {len} characters long; the limit is {limit}")]
    FieldTooLong {
        /// Which field.
        field: &'static str,
        /// Its length in characters.
        len: usize,
        /// The limit.
        limit: usize,
    },
}

/// Longest display name or handle compared, in characters. Platforms cap names far below this
/// (X: 50, Bluesky: 64 graphemes); anything longer is hostile input, not a profile.
pub const MAX_NAME_CHARS: usize = 1_000;
/// Longest bio compared, in characters (Bluesky's cap is 256 graphemes, Instagram's 150).
pub const MAX_BIO_CHARS: usize = 20_000;

impl ProfileRecord {
    /// Parses one JSON line and checks the field limits.
    pub fn from_json_line(line: &[u8]) -> Result<Self, RecordError> {
        let text = std::str::from_utf8(line).map_err(|e| RecordError::NotUtf8(e.valid_up_to()))?;
        let record: ProfileRecord = serde_json::from_str(text)?;
        record.check_limits()?;
        Ok(record)
    }

    fn check_limits(&self) -> Result<(), RecordError> {
        let fields: [(&'static str, Option<&str>, usize); 5] = [
            ("display_name", Some(self.display_name.as_str()), MAX_NAME_CHARS),
            ("handle", self.handle.as_deref(), MAX_NAME_CHARS),
            ("id", self.id.as_deref(), MAX_NAME_CHARS),
            ("url", self.url.as_deref(), MAX_NAME_CHARS * 4),
            ("bio", self.bio.as_deref(), MAX_BIO_CHARS),
        ];
        for (field, value, limit) in fields {
            if let Some(v) = value {
                let len = v.chars().count();
                if len > limit {
                    return Err(RecordError::FieldTooLong { field, len, limit });
                }
            }
        }
        Ok(())
    }

    /// The handle without surrounding blanks, or `None` when absent or empty.
    pub fn handle(&self) -> Option<&str> {
        self.handle
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.trim_start_matches('@').is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_minimal_and_ignores_unknown_fields() {
        let r = ProfileRecord::from_json_line(br#"{"platform":"twitter","display_name":"x","label":"suspect"}"#)
            .expect("valid record");
        assert_eq!(r.platform, Platform::X);
        assert_eq!(r.handle(), None);
    }

    #[test]
    fn missing_display_name_is_an_error() {
        let e = ProfileRecord::from_json_line(br#"{"platform":"x","handle":"a"}"#).unwrap_err();
        assert!(e.to_string().contains("display_name"), "{e}");
    }

    #[test]
    fn invalid_utf8_is_reported_with_offset() {
        let e = ProfileRecord::from_json_line(b"{\"platform\":\"x\xff\"}").unwrap_err();
        assert!(matches!(e, RecordError::NotUtf8(14)), "{e}");
    }
}
