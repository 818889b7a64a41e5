//! The evidence behind a verdict, as typed values: what the matcher found, with the details a
//! reviewer checks (which characters, which edit, how similar). Stored as JSON as they are, and
//! put into words in Japanese and English by `crate::text::wording` only, so that web pages, drafts and
//! digests never parse sentences.

use serde::{Deserialize, Serialize};

pub use super::handles::{Edit, HandleRelation};
use crate::platform::Platform;

/// By which key a candidate was recognised as a registered account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdentityKey {
    /// The platform's account id.
    Id,
    /// The handle, as the platform compares handles.
    Handle,
    /// The canonical profile URL.
    Url,
}

/// A difference between two names that folding absorbed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Absorbed {
    /// Zero-width or direction characters.
    InvisibleCharacters,
    /// Fullwidth or halfwidth forms.
    CharacterWidth,
    /// Dashes for the long-vowel mark.
    Dashes,
    /// Hiragana for katakana or the reverse.
    Kana,
    /// Variant kanji (國 for 国).
    VariantKanji,
    /// Letters of other scripts, or kanji that look like katakana.
    LookalikeLetters,
    /// 【公式】 and similar decorations.
    Decorations,
    /// The name written in Latin letters (romaji or English: 「Hello Work Rumoi」).
    LatinLetters,
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// The candidate is the genuine account, recognised by this key.
    IsGenuine {
        /// The key.
        by: IdentityKey,
    },
    /// Same handle as a genuine account, but a different account id: re-registered or reused.
    HandleReused {
        /// The genuine account.
        genuine: String,
    },
    /// Handle relation.
    Handle {
        /// The genuine account's label.
        genuine: String,
        /// The genuine account's platform.
        platform: Platform,
        /// How they relate.
        relation: HandleRelation,
    },
    /// Display name identical after folding.
    NameIdentical {
        /// The genuine name it equals.
        genuine_name: String,
        /// Which differences folding absorbed.
        absorbed: Vec<Absorbed>,
    },
    /// Display name contains the genuine name.
    NameContains {
        /// The genuine name.
        genuine_name: String,
        /// The candidate's name as written.
        candidate_name: String,
    },
    /// Display name keeps the genuine name's distinctive words in another arrangement.
    NameRearranged {
        /// The genuine name.
        genuine_name: String,
        /// The candidate's name as written.
        candidate_name: String,
    },
    /// Display name similar.
    NameSimilar {
        /// The genuine name.
        genuine_name: String,
        /// Weighted similarity in [0, 1].
        similarity: f64,
    },
    /// Display name is a shortened form of the genuine name.
    NameShortened {
        /// The genuine name.
        genuine_name: String,
        /// Share of the genuine name (by weight) kept.
        kept: f64,
    },
    /// The picture copies the genuine account's picture.
    Avatar {
        /// The genuine account's label.
        genuine: String,
        /// Pixel agreement in [0, 1].
        similarity: f64,
        /// The copy is the mirror image.
        mirrored: bool,
        /// The copy shows part of the picture (cropped or zoomed).
        cropped: bool,
    },
    /// The picture resembles the genuine account's, but the name names another body: the
    /// picture is not counted.
    AvatarOtherBody {
        /// The genuine account's label.
        genuine: String,
        /// Pixel agreement in [0, 1].
        similarity: f64,
        /// The words naming the other body.
        other_body: String,
        /// The registry uses this picture for several offices (a template).
        template: bool,
    },
    /// The candidate's or the genuine avatar is plain and was not compared.
    AvatarPlain,
    /// The avatar could not be used.
    AvatarUnavailable {
        /// Why.
        why: String,
    },
    /// The bio copies the genuine bio.
    BioCopied {
        /// Share of character bigrams in common.
        share: f64,
    },
    /// Claims to be official.
    ClaimsOfficial {
        /// The decoration.
        words: String,
    },
    /// A check-mark emoji posing as a verification badge.
    CheckMark {
        /// The emoji.
        mark: char,
    },
    /// Latin letters mixed with Cyrillic or Greek in one word.
    MixedScript,
    /// Invisible characters in the name.
    Invisible {
        /// The characters, as U+XXXX.
        chars: Vec<String>,
    },
    /// Says it is unofficial.
    Disclaimer {
        /// The words.
        words: String,
    },
}

impl Reason {
    /// Which element of the genuine identity the reason shows copied, if any (for the drafts'
    /// list of what was copied, and for a platform's rule that two elements be named).
    pub fn copied(&self) -> Option<Copied> {
        match self {
            Reason::HandleReused { .. } | Reason::Handle { .. } => Some(Copied::Handle),
            Reason::NameIdentical { .. }
            | Reason::NameContains { .. }
            | Reason::NameRearranged { .. }
            | Reason::NameSimilar { .. }
            | Reason::NameShortened { .. } => Some(Copied::Name),
            Reason::Avatar { .. } => Some(Copied::Picture),
            Reason::BioCopied { .. } => Some(Copied::Bio),
            Reason::ClaimsOfficial { .. } | Reason::CheckMark { .. } => Some(Copied::ClaimOfficial),
            Reason::IsGenuine { .. }
            | Reason::AvatarOtherBody { .. }
            | Reason::AvatarPlain
            | Reason::AvatarUnavailable { .. }
            | Reason::MixedScript
            | Reason::Invisible { .. }
            | Reason::Disclaimer { .. } => None,
        }
    }
}

/// An element of an account's identity that an impostor copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Copied {
    /// The display name.
    Name,
    /// The handle.
    Handle,
    /// The profile picture.
    Picture,
    /// The bio.
    Bio,
    /// A claim of being official.
    ClaimOfficial,
}

/// A reason as read back from storage: typed, or, for rows written before reasons were typed,
/// only the sentence that was stored with it.
#[derive(Debug, Clone, PartialEq)]
pub enum StoredReason {
    /// A typed reason.
    Typed(Reason),
    /// The stored English sentence of an older row.
    Legacy(String),
}

impl StoredReason {
    /// Reads the stored JSON list (each reason's fields plus its English `text`). A list that
    /// is not JSON becomes an empty list and an unreadable element is skipped, never an error:
    /// the row stays usable.
    pub fn decode_list(json: &str) -> Vec<StoredReason> {
        /// One stored element: a typed reason, else the sentence an older row kept, else
        /// something this version cannot read.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Element {
            Typed(Reason),
            Legacy { text: String },
            Unreadable(serde::de::IgnoredAny),
        }
        serde_json::from_str::<Vec<Element>>(json)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|e| match e {
                Element::Typed(r) => Some(StoredReason::Typed(r)),
                Element::Legacy { text } => Some(StoredReason::Legacy(text)),
                Element::Unreadable(_) => None,
            })
            .collect()
    }

    /// The typed reason, when there is one.
    pub fn typed(&self) -> Option<&Reason> {
        match self {
            StoredReason::Typed(r) => Some(r),
            StoredReason::Legacy(_) => None,
        }
    }

    /// The English sentence: the typed reason's, or the one an older row stored.
    pub fn text(&self) -> String {
        match self {
            StoredReason::Typed(r) => r.to_string(),
            StoredReason::Legacy(t) => t.clone(),
        }
    }
}

/// Written as stored: a typed reason's fields plus its English `text`; an older row's sentence
/// as `{"text": …}`.
impl Serialize for StoredReason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WithText<'a> {
            #[serde(flatten)]
            reason: Option<&'a Reason>,
            text: String,
        }
        WithText {
            reason: self.typed(),
            text: self.text(),
        }
        .serialize(serializer)
    }
}

/// The stored form of reasons: each reason's fields, plus its English sentence as `text` for
/// readers that only print.
pub fn encode_list(reasons: &[Reason]) -> String {
    let list: Vec<StoredReason> = reasons.iter().cloned().map(StoredReason::Typed).collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_reasons_round_trip_and_older_rows_keep_their_sentences() {
        let reasons = vec![
            Reason::Handle {
                genuine: "@HW_Sapporo".into(),
                platform: Platform::X,
                relation: HandleRelation::Edits {
                    edits: vec![Edit::Double { ch: 'p' }],
                },
            },
            Reason::ClaimsOfficial {
                words: "【公式】".into(),
            },
        ];
        let stored = StoredReason::decode_list(&encode_list(&reasons));
        assert_eq!(stored, reasons.into_iter().map(StoredReason::Typed).collect::<Vec<_>>());
        // A row written before reasons were typed: its handle relation was a sentence.
        let old = r#"[{"kind":"handle","genuine":"@HW_Sapporo","platform":"x","detail":"is one edit (doubles 'p') from","text":"handle is one edit (doubles 'p') from @HW_Sapporo on X"}]"#;
        assert_eq!(
            StoredReason::decode_list(old),
            vec![StoredReason::Legacy(
                "handle is one edit (doubles 'p') from @HW_Sapporo on X".into()
            )]
        );
        assert!(StoredReason::decode_list("not json").is_empty());
        // An element this version cannot read is skipped; the others stay.
        assert_eq!(
            StoredReason::decode_list(r#"[7, {"text": "older sentence"}]"#),
            vec![StoredReason::Legacy("older sentence".into())]
        );
    }
}
