//! The kinds of document (takedown request, notice, post, report, press, accounts page) and
//! the formats they are written in.

use serde::Serialize;

use crate::registry::ProcedureStep;

/// A kind of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DraftKind {
    /// Takedown request to the platform.
    Takedown,
    /// Public warning notice for the homepage.
    Notice,
    /// Post for the official account.
    Post,
    /// Internal report.
    Report,
    /// Press information.
    Press,
    /// Official accounts page.
    AccountsPage,
}

impl DraftKind {
    /// The kinds made for suspects (all but the accounts page).
    pub const FOR_SUSPECTS: [DraftKind; 5] = [
        DraftKind::Takedown,
        DraftKind::Notice,
        DraftKind::Post,
        DraftKind::Report,
        DraftKind::Press,
    ];

    /// The word used on the command line and in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            DraftKind::Takedown => "takedown",
            DraftKind::Notice => "notice",
            DraftKind::Post => "post",
            DraftKind::Report => "report",
            DraftKind::Press => "press",
            DraftKind::AccountsPage => "accounts-page",
        }
    }

    /// Parses the word.
    pub fn parse(s: &str) -> Option<DraftKind> {
        [DraftKind::AccountsPage]
            .into_iter()
            .chain(DraftKind::FOR_SUSPECTS)
            .find(|k| k.as_str() == s)
    }

    /// The document's name for staff.
    pub fn label_ja(self) -> &'static str {
        match self {
            DraftKind::Takedown => "削除依頼（運営事業者への報告）",
            DraftKind::Notice => "注意喚起（公式ホームページ掲載用）",
            DraftKind::Post => "公式アカウントでの周知投稿",
            DraftKind::Report => "報告書（所管課あて）",
            DraftKind::Press => "報道機関への情報提供",
            DraftKind::AccountsPage => "公式アカウント一覧",
        }
    }

    /// The procedure step that calls for it.
    pub fn step(self) -> ProcedureStep {
        match self {
            DraftKind::Takedown => ProcedureStep::PlatformTakedown,
            DraftKind::Notice => ProcedureStep::HomepageNotice,
            DraftKind::Post => ProcedureStep::AccountNotice,
            DraftKind::Report => ProcedureStep::InternalReport,
            DraftKind::Press => ProcedureStep::Press,
            DraftKind::AccountsPage => ProcedureStep::OfficialAccountsPage,
        }
    }
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown.
    Md,
    /// A standalone HTML page.
    Html,
    /// Plain text.
    Txt,
    /// Word.
    Docx,
}

impl Format {
    /// Parses `md`, `html`, `txt` or `docx`.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "md" | "markdown" => Some(Format::Md),
            "html" => Some(Format::Html),
            "txt" | "text" => Some(Format::Txt),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// File extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Docx => "docx",
        }
    }
}
