//! The registry of genuine accounts: organisations, their accounts, and what each body's policy
//! says must happen when it is impersonated.
//!
//! Owns reading `seeds/*.toml` (one file per organisation, edited by people), the organisation
//! model, URL canonicalisation (`url`) and the checks behind `narisumashi registry check`
//! (`check`). Published data is kept exactly as published: anything odd is reported, never
//! silently corrected.

pub mod check;
mod embedded;
pub mod url;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::platform::Platform;
pub use check::{Finding, Severity};
pub use url::{ProfileUrl, UrlError, parse_profile_url};

/// All genuine organisations and accounts narisumashi protects.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Registry {
    /// Organisations in file-name order.
    pub organisations: Vec<Organisation>,
    /// Where the registry was read from (a directory, or the copy built into the binary).
    pub source: String,
}

/// A public body (or one of its departments) with its official accounts.
#[derive(Debug, Clone, Serialize)]
pub struct Organisation {
    /// Stable identifier, e.g. `hokkaido-labour-bureau`.
    pub id: String,
    /// Official name in Japanese.
    pub name: String,
    /// English name, for documents to platforms.
    pub name_en: Option<String>,
    /// Kind of body (`labour_bureau`, `municipality`, …).
    pub kind: Option<String>,
    /// Official homepage, where known.
    pub homepage: Option<String>,
    /// Title of the SNS policy the accounts come from.
    pub policy: Option<String>,
    /// Who administers the accounts under that policy.
    pub administrator: Option<String>,
    /// Other names of the body an impostor might use.
    pub aliases: Vec<String>,
    /// Kana readings of place names in the accounts' names (札幌 → さっぽろ).
    pub readings: std::collections::BTreeMap<String, String>,
    /// What must happen when impersonation is found.
    pub procedure: Procedure,
    /// The genuine accounts (may be empty).
    pub accounts: Vec<GenuineAccount>,
    /// The seed file this came from.
    pub file: String,
}

/// What a body's policy says must happen when one of its accounts is impersonated.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// The internal office that receives the report (e.g. 総務課).
    pub report_to: String,
    /// The steps, in order.
    #[serde(default)]
    pub steps: Vec<ProcedureStep>,
    /// Contact line for public notices.
    #[serde(default)]
    pub contact: Option<String>,
    /// The register the body writes internal documents in.
    #[serde(default)]
    pub writing_style: Option<WritingStyle>,
}

/// One step of an impersonation procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureStep {
    /// Report to the internal office in charge.
    InternalReport,
    /// Ask the platform to delete the account.
    PlatformTakedown,
    /// Warn the public on the official homepage.
    HomepageNotice,
    /// Warn the public on the genuine account itself.
    AccountNotice,
    /// Inform the press where needed.
    Press,
    /// Keep a page listing the official accounts on the homepage.
    OfficialAccountsPage,
}

impl ProcedureStep {
    /// The step as staff name it.
    pub fn label_ja(self) -> &'static str {
        match self {
            ProcedureStep::InternalReport => "所管課への報告",
            ProcedureStep::PlatformTakedown => "運営事業者への削除依頼",
            ProcedureStep::HomepageNotice => "公式ホームページでの注意喚起",
            ProcedureStep::AccountNotice => "公式アカウント上での周知",
            ProcedureStep::Press => "報道機関への情報提供",
            ProcedureStep::OfficialAccountsPage => "公式アカウント一覧の掲載",
        }
    }
}

/// The register of Japanese a body writes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WritingStyle {
    /// である調.
    Dearu,
    /// ですます調.
    Desumasu,
}

/// A file and line in the seeds, for messages people act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Seed file path as read.
    pub file: String,
    /// 1-based line.
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One genuine account of an organisation.
#[derive(Debug, Clone, Serialize)]
pub struct GenuineAccount {
    /// The organisation's id.
    pub org_id: String,
    /// The platform.
    pub platform: Platform,
    /// URL exactly as published.
    pub url: String,
    /// Whether the URL was published (false when derived from a published id).
    pub url_published: bool,
    /// What the URL names, when it could be canonicalised.
    #[serde(skip)]
    pub parsed_url: Option<ProfileUrl>,
    /// The canonical URL (same for every published form of the account).
    pub canonical_url: Option<String>,
    /// Handle (without platform-specific case folding), where known.
    pub handle: Option<String>,
    /// Stable platform id, where known.
    pub id: Option<String>,
    /// Display name as published (or the organisation name, when none was published).
    pub display_name: String,
    /// Whether `display_name` was published in the source document.
    pub display_name_published: bool,
    /// Other names this account goes by (short forms, formal office names).
    pub aliases: Vec<String>,
    /// The department that runs the account.
    pub department: String,
    /// A note for people maintaining the registry.
    pub note: Option<String>,
    /// Where the account's URL line is in the seeds.
    pub location: Location,
    /// Where the display name line is in the seeds.
    #[serde(skip)]
    pub display_name_location: Location,
    /// Where the handle line is in the seeds, if a handle was given.
    #[serde(skip)]
    pub handle_location: Option<Location>,
    /// Where the id line is in the seeds, if an id was given.
    #[serde(skip)]
    pub id_location: Option<Location>,
}

impl Organisation {
    /// The stable key of one of this body's accounts: `org/platform/@handle` (or id or URL),
    /// as suspects and snapshots store it.
    pub fn account_key(&self, a: &GenuineAccount) -> String {
        let label = account_label(a.handle.as_deref(), a.id.as_deref(), Some(&a.url)).unwrap_or_else(|| a.url.clone());
        format!("{}/{}/{}", self.id, a.platform.as_str(), label)
    }

    /// This body's account with that key ([`Organisation::account_key`]).
    pub fn account_by_key(&self, key: &str) -> Option<&GenuineAccount> {
        self.accounts.iter().find(|a| self.account_key(a) == key)
    }

    /// The account's names with place names written in kana, as impostors also write them
    /// (札幌新卒応援ハローワーク → さっぽろ新卒応援ハローワーク). Empty without readings.
    pub fn reading_variants(&self, account: &GenuineAccount) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let names = std::iter::once(&account.display_name).chain(&account.aliases);
        for name in names.flat_map(|n| crate::normalize::name_variants(n)) {
            let mut read = name.clone();
            for (kanji, kana) in &self.readings {
                read = read.replace(kanji.as_str(), kana);
            }
            if read != name && !out.contains(&read) {
                out.push(read);
            }
        }
        out
    }
}

impl GenuineAccount {
    /// `@handle`, id or URL: the shortest way to name the account to a person (its name when
    /// the registry's URL is not one to show).
    pub fn label(&self) -> String {
        account_label(self.handle.as_deref(), self.id.as_deref(), self.shown_url())
            .unwrap_or_else(|| self.display_name.clone())
    }

    /// The account's address to show people and put in documents: the canonical form of its
    /// URL, or none when the registry's URL is not a platform's address (`registry check` flags
    /// it, e.g. kin.ee published for lin.ee), so that no draft or page repeats a wrong address.
    pub fn shown_url(&self) -> Option<&str> {
        self.canonical_url.as_deref()
    }
}

/// `@handle`, else the id, else the URL: how staff name an account.
pub fn account_label(handle: Option<&str>, id: Option<&str>, url: Option<&str>) -> Option<String> {
    match (handle, id, url) {
        (Some(h), _, _) if h.starts_with('@') => Some(h.to_string()),
        (Some(h), _, _) => Some(format!("@{h}")),
        (None, Some(id), _) => Some(id.to_string()),
        (None, None, url) => url.map(str::to_string),
    }
}

/// Why the registry could not be read at all (as opposed to findings about its content).
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// The seeds directory could not be listed.
    #[error("cannot read seeds directory {path}")]
    Dir {
        /// The directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A seed file could not be read.
    #[error("cannot read seed file {path}")]
    File {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A seed file is not valid TOML or has fields of the wrong shape.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// The parser's message, with line and column.
        message: String,
    },
    /// An account names a platform narisumashi does not know.
    #[error("{location}: {message}")]
    Invalid {
        /// Where.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// Two files use the same organisation id.
    #[error("organisation id {id:?} is used by both {first} and {second}")]
    DuplicateOrganisation {
        /// The id.
        id: String,
        /// The first file.
        first: String,
        /// The second file.
        second: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationFile {
    id: String,
    name: String,
    name_en: Option<String>,
    kind: Option<String>,
    homepage: Option<String>,
    policy: Option<String>,
    administrator: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    readings: std::collections::BTreeMap<String, String>,
    procedure: Procedure,
    #[serde(default)]
    accounts: Vec<AccountFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountFile {
    platform: Spanned<String>,
    url: Spanned<String>,
    #[serde(default = "yes")]
    url_published: bool,
    handle: Option<Spanned<String>>,
    id: Option<Spanned<String>>,
    display_name: Spanned<String>,
    #[serde(default = "yes")]
    display_name_published: bool,
    #[serde(default)]
    aliases: Vec<String>,
    department: String,
    note: Option<String>,
}

fn yes() -> bool {
    true
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl Registry {
    /// Reads every `*.toml` file of a seeds directory, in file-name order.
    pub fn load_dir(dir: &Path) -> Result<Registry, RegistryError> {
        let entries = std::fs::read_dir(dir).map_err(|source| RegistryError::Dir {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        let mut files = Vec::with_capacity(paths.len());
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|source| RegistryError::File {
                path: path.clone(),
                source,
            })?;
            files.push((path.display().to_string(), text));
        }
        Registry::from_sources(&dir.display().to_string(), files)
    }

    /// The copy of `seeds/` built into the binary, for runs outside the repository.
    pub fn embedded() -> Result<Registry, RegistryError> {
        let files = embedded::SEEDS
            .iter()
            .map(|(name, text)| (format!("seeds/{name}"), text.to_string()))
            .collect();
        Registry::from_sources("built-in copy of seeds/", files)
    }

    /// Builds a registry from (file name, TOML text) pairs.
    pub fn from_sources(source: &str, files: Vec<(String, String)>) -> Result<Registry, RegistryError> {
        // Files are parsed on every core; the first error in file order is the one reported.
        let parsed = crate::parallel::on_every_core(&files, |(file, text)| parse_organisation(file, text));
        let mut organisations: Vec<Organisation> = Vec::with_capacity(files.len());
        let mut seen: HashMap<String, usize> = HashMap::new();
        for org in parsed {
            let org = org?;
            if let Some(&prev) = seen.get(&org.id) {
                return Err(RegistryError::DuplicateOrganisation {
                    id: org.id,
                    first: organisations[prev].file.clone(),
                    second: org.file,
                });
            }
            seen.insert(org.id.clone(), organisations.len());
            organisations.push(org);
        }
        Ok(Registry {
            organisations,
            source: source.to_string(),
        })
    }

    /// Every genuine account with its organisation.
    pub fn accounts(&self) -> impl Iterator<Item = (&Organisation, &GenuineAccount)> {
        self.organisations
            .iter()
            .flat_map(|o| o.accounts.iter().map(move |a| (o, a)))
    }

    /// The organisation with this id.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }
}

fn parse_organisation(file: &str, text: &str) -> Result<Organisation, RegistryError> {
    let raw: OrganisationFile = toml::from_str(text).map_err(|e| RegistryError::Parse {
        path: file.to_string(),
        message: e.to_string(),
    })?;
    let loc = |span: std::ops::Range<usize>| Location {
        file: file.to_string(),
        line: line_of(text, span.start),
    };
    let mut accounts = Vec::with_capacity(raw.accounts.len());
    for a in raw.accounts {
        let location = loc(a.url.span());
        let platform: Platform = a
            .platform
            .get_ref()
            .parse()
            .map_err(|e: crate::platform::UnknownPlatform| RegistryError::Invalid {
                location: loc(a.platform.span()),
                message: e.to_string(),
            })?;
        let parsed_url = parse_profile_url(a.url.get_ref()).ok();
        let declared_handle = a
            .handle
            .as_ref()
            .map(|h| h.get_ref().trim().to_string())
            .filter(|h| !h.is_empty());
        let declared_id =
            a.id.as_ref()
                .map(|h| h.get_ref().trim().to_string())
                .filter(|h| !h.is_empty());
        // A handle or id the URL names (e.g. LINE's accountId) is used when none is declared;
        // disagreements between the two are reported by `check`, not resolved here.
        let from_url = parsed_url.as_ref().filter(|p| p.platform == platform);
        let handle = declared_handle.or_else(|| from_url.and_then(|p| p.handle.clone()));
        let id = declared_id.or_else(|| from_url.and_then(|p| p.id.clone()));
        accounts.push(GenuineAccount {
            org_id: raw.id.clone(),
            platform,
            url: a.url.get_ref().clone(),
            url_published: a.url_published,
            canonical_url: parsed_url.as_ref().map(|p| p.canonical.clone()),
            parsed_url,
            handle,
            id,
            display_name: a.display_name.get_ref().clone(),
            display_name_published: a.display_name_published,
            aliases: a.aliases,
            department: a.department,
            note: a.note,
            location,
            display_name_location: loc(a.display_name.span()),
            handle_location: a.handle.as_ref().map(|h| loc(h.span())),
            id_location: a.id.as_ref().map(|h| loc(h.span())),
        });
    }
    Ok(Organisation {
        id: raw.id,
        name: raw.name,
        name_en: raw.name_en,
        kind: raw.kind,
        homepage: raw.homepage,
        policy: raw.policy,
        administrator: raw.administrator,
        aliases: raw.aliases,
        readings: raw.readings,
        procedure: raw.procedure,
        accounts,
        file: file.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_without_accounts_is_accepted() {
        let toml = "id = \"t\"\nname = \"上富田町\"\n[procedure]\nreport_to = \"総務課\"\nsteps = [\"internal_report\", \"press\"]\n";
        let r = Registry::from_sources("test", vec![("t.toml".into(), toml.into())]).expect("loads");
        assert!(r.organisations[0].accounts.is_empty());
        assert_eq!(
            r.organisations[0].procedure.steps,
            vec![ProcedureStep::InternalReport, ProcedureStep::Press]
        );
    }

    #[test]
    fn unknown_platform_names_file_and_line() {
        let toml = "id = \"t\"\nname = \"n\"\n[procedure]\nreport_to = \"r\"\n[[accounts]]\nplatform = \"myspace\"\nurl = \"https://x.com/a\"\ndisplay_name = \"a\"\ndepartment = \"d\"\n";
        let e = Registry::from_sources("test", vec![("t.toml".into(), toml.into())]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.toml:6: unknown platform \"myspace\" (expected x, instagram, facebook, youtube, line, bluesky or mastodon)"
        );
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let toml = "id = \"t\"\nname = \"n\"\n[procedure]\nreport_to = \"r\"\n";
        let e = Registry::from_sources(
            "test",
            vec![("a.toml".into(), toml.into()), ("b.toml".into(), toml.into())],
        )
        .unwrap_err();
        assert!(matches!(e, RegistryError::DuplicateOrganisation { .. }));
    }
}
