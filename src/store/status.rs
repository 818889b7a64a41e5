//! Where a suspect is in review: the statuses, their stored words, and which of them allow
//! documents to be drafted or keep a case open.

use std::fmt;

use serde::Serialize;

/// Where a suspect is in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuspectStatus {
    /// Found by the scan; nobody has looked yet.
    New,
    /// Staff confirmed it is an impostor.
    Confirmed,
    /// Staff judged it honest; it is not flagged again unless it moves toward a genuine account.
    Dismissed,
    /// Reported to the platform.
    Reported,
    /// Gone from the platform.
    Removed,
}

impl SuspectStatus {
    /// Every status, in review order.
    pub const ALL: [SuspectStatus; 5] = [
        SuspectStatus::New,
        SuspectStatus::Confirmed,
        SuspectStatus::Reported,
        SuspectStatus::Removed,
        SuspectStatus::Dismissed,
    ];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            SuspectStatus::New => "new",
            SuspectStatus::Confirmed => "confirmed",
            SuspectStatus::Dismissed => "dismissed",
            SuspectStatus::Reported => "reported",
            SuspectStatus::Removed => "removed",
        }
    }

    /// The status in Japanese, for staff.
    pub fn label_ja(self) -> &'static str {
        match self {
            SuspectStatus::New => "未確認",
            SuspectStatus::Confirmed => "なりすまし確定",
            SuspectStatus::Dismissed => "問題なし",
            SuspectStatus::Reported => "削除依頼済み",
            SuspectStatus::Removed => "削除済み",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<SuspectStatus> {
        SuspectStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether documents that accuse the account (takedown, notice, report, press) may be made
    /// to be sent: only once a person confirmed it is an impostor.
    pub fn may_be_drafted(self) -> bool {
        matches!(self, SuspectStatus::Confirmed | SuspectStatus::Reported)
    }

    /// Whether the case is open (the scan checks it is still there).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            SuspectStatus::New | SuspectStatus::Confirmed | SuspectStatus::Reported
        )
    }
}

/// A stored status word this version does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown suspect status {0:?}")]
pub struct UnknownStatus(pub String);

impl TryFrom<String> for SuspectStatus {
    type Error = UnknownStatus;
    fn try_from(s: String) -> Result<SuspectStatus, UnknownStatus> {
        SuspectStatus::parse(&s).ok_or(UnknownStatus(s))
    }
}

impl fmt::Display for SuspectStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
