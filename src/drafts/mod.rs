//! Drafts: every document a body's impersonation procedure asks for, generated from the
//! registry and the stored suspects. These are the takedown request to the platform (Japanese
//! and English, with the fields of the platform's own report channel), the public warning
//! notice for the homepage, the post for the official account (within the platform's length
//! limit), the internal report, the press information and the official-accounts page.
//!
//! Templates are minijinja files in `templates/`, editable without rebuilding, with
//! per-organisation overrides (`templates/<org-id>/`) and built-in copies as the fallback.
//! Every value reaches a template as data: made inert (bidi and invisible characters shown,
//! long values cut), wrapped in sentinels by the formatter, and escaped by [`markup`] for
//! Markdown, HTML, plain text or .docx. A template cannot run code on attacker text, and
//! attacker text cannot become markup.

pub mod channels;
pub mod dates;
pub mod docx;
mod facts;
mod kind;
pub mod markup;

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::{Environment, UndefinedBehavior, Value};
use serde_json::json;

use crate::config::{DraftsConfig, ReporterConfig};
use crate::matching::reason::Copied;
use crate::platform::Platform;
use crate::registry::{Organisation, ProcedureStep, Registry};
use crate::store::{DraftRow, NewDraft, Store, StoreError};
use crate::text::safe::inert;
use channels::{Channel, channel, post_len};
use dates::JpDate;
pub use facts::thumbnail;
use facts::*;
pub use kind::{DraftKind, Format};
use markup::{AvatarPair, DATA_CLOSE, DATA_OPEN, LINK_CLOSE, LINK_OPEN};

/// Longest name or handle a draft shows; longer values are cut with an ellipsis.
pub const MAX_NAME: usize = 120;
/// Longest bio a draft shows.
pub const MAX_BIO: usize = 200;

/// The built-in templates (copies of `templates/`).
const BUILT_IN: &[(&str, &str)] = &[
    ("takedown.ja.j2", include_str!("../../templates/takedown.ja.j2")),
    ("takedown.en.j2", include_str!("../../templates/takedown.en.j2")),
    ("notice.ja.j2", include_str!("../../templates/notice.ja.j2")),
    ("post.ja.j2", include_str!("../../templates/post.ja.j2")),
    ("report.ja.j2", include_str!("../../templates/report.ja.j2")),
    ("press.ja.j2", include_str!("../../templates/press.ja.j2")),
    (
        "accounts-page.ja.j2",
        include_str!("../../templates/accounts-page.ja.j2"),
    ),
];

/// Why drafts could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// A template does not parse or render.
    #[error("template {name}: {message}")]
    Template {
        /// The template's name (with its organisation directory, if any).
        name: String,
        /// What minijinja says, with the line.
        message: String,
    },
    /// A template file could not be read.
    #[error("reading template {path}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// No such suspect.
    #[error("no suspect #{0}")]
    NoSuspect(i64),
    /// Drafts to send were asked for suspects nobody has confirmed (id, status in Japanese).
    #[error(
        "{}: drafts to send are made only for suspects staff confirmed as impostors (なりすまし確定) or reported; \
         confirm first (narisumashi suspect confirm ID), or ask for an unconfirmed copy (marked 未確認・送付不可, not stored)",
        .0.iter().map(|(id, status)| format!("suspect #{id} is {status}")).collect::<Vec<_>>().join(", ")
    )]
    NotConfirmed(Vec<(i64, &'static str)>),
    /// An unconfirmed copy was about to be stored.
    #[error("an unconfirmed copy (未確認・送付不可) is never stored as a suspect's draft")]
    UnconfirmedNotStored,
    /// No such organisation in the registry.
    #[error("organisation {0:?} is not in the registry")]
    UnknownOrg(String),
    /// The post cannot be made short enough.
    #[error("the post for {platform} is {len} long even in its shortest form; the limit is {limit}")]
    PostTooLong {
        /// Platform.
        platform: String,
        /// Its length as the platform counts.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// Writing Word.
    #[error(transparent)]
    Docx(#[from] docx::DocxError),
    /// The database.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One generated document.
pub struct Draft {
    /// Organisation.
    pub org_id: String,
    /// Kind.
    pub kind: DraftKind,
    /// `ja` or `en`.
    pub lang: &'static str,
    /// Platform (takedown requests and posts).
    pub platform: Option<Platform>,
    /// Suspects covered.
    pub suspect_ids: Vec<i64>,
    /// Title (the first heading).
    pub title: String,
    /// The rendered template: format-neutral markup with data sentinels.
    pub source: String,
    /// Avatar comparisons, for `[[avatars]]`.
    pub avatars: Vec<AvatarPair>,
    /// For a post: its length and the limit, as the platform counts.
    pub length: Option<(usize, usize)>,
    /// Made for a suspect nobody has confirmed: every format carries [`UNCONFIRMED_MARK`], and
    /// [`Drafter::save`] refuses to store it.
    pub unconfirmed: bool,
}

/// The mark on every copy of a draft made for an unconfirmed suspect: not to be sent.
pub const UNCONFIRMED_MARK: &str = "未確認・送付不可";

/// The sentence under the mark, saying why.
const UNCONFIRMED_WHY: &str = "この文書は、職員がなりすましと確認していないアカウントについての確認用の写しです。このまま送付・公表しないでください。確認後（なりすまし確定）に作成し直してください。";

/// What drafts are made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// To send or publish: only for suspects staff confirmed (or already reported).
    ToSend,
    /// A copy to read before deciding: allowed for any suspect, marked [`UNCONFIRMED_MARK`] on
    /// every page and format, and never stored.
    UnconfirmedCopy,
}

impl Draft {
    /// A file name: `bunkyo-ward-takedown-x.ja.html` (`UNCONFIRMED-…` for an unconfirmed copy).
    pub fn file_name(&self, format: Format) -> String {
        let platform = self.platform.map(|p| format!("-{}", p.as_str())).unwrap_or_default();
        format!(
            "{}{}-{}{platform}.{}.{}",
            if self.unconfirmed { "UNCONFIRMED-" } else { "" },
            self.org_id,
            self.kind.as_str(),
            self.lang,
            format.ext()
        )
    }

    /// The document in a format.
    pub fn render(&self, format: Format) -> Result<Vec<u8>, DraftError> {
        let blocks = markup::parse(&self.source);
        let mark = self.unconfirmed.then_some((UNCONFIRMED_MARK, UNCONFIRMED_WHY));
        let framed = |body: String, line: String| match mark {
            Some(_) => format!("{line}\n\n{body}\n{line}\n"),
            None => body,
        };
        Ok(match format {
            Format::Md => framed(
                markup::to_markdown(&blocks, &self.avatars),
                format!("> **【{UNCONFIRMED_MARK}】** {UNCONFIRMED_WHY}"),
            )
            .into_bytes(),
            Format::Txt => framed(
                markup::to_text(&blocks, &self.avatars),
                format!("【{UNCONFIRMED_MARK}】{UNCONFIRMED_WHY}"),
            )
            .into_bytes(),
            Format::Html => markup::to_html(&self.title, &blocks, &self.avatars, mark).into_bytes(),
            Format::Docx => docx::to_docx(&blocks, &self.avatars, mark)?,
        })
    }
}

/// Makes drafts: the registry, the templates and the reporters.
pub struct Drafter<'r> {
    registry: &'r Registry,
    env: Environment<'static>,
    reporters: BTreeMap<String, ReporterConfig>,
    /// The public check page, for the official accounts page (an http(s) URL or none).
    check_url: Option<String>,
}

/// The formatter: every value is data (or a link the `link` filter marked).
fn format_value(
    out: &mut minijinja::Output<'_>,
    _state: &mut minijinja::State<'_, '_>,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(());
    }
    let text = value.to_string();
    let written = match text.strip_prefix(LINK_OPEN) {
        Some(url) => format!("{LINK_OPEN}{url}{LINK_CLOSE}"),
        // Sentinels cannot be forged: the context made every value inert already; this
        // catches numbers and anything a template computed.
        None => format!("{DATA_OPEN}{}{DATA_CLOSE}", inert(&text, usize::MAX)),
    };
    out.write_str(&written)
        .map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write"))
}

/// `{{ url|link }}`: a registry URL shown as a link (only http and https become links).
fn link_filter(value: String) -> String {
    format!("{LINK_OPEN}{value}")
}

impl<'r> Drafter<'r> {
    /// Loads the templates: built-in copies, overridden by files in `config.templates` (and
    /// `config.templates/<org-id>/`) where they exist.
    pub fn new(registry: &'r Registry, config: &DraftsConfig) -> Result<Drafter<'r>, DraftError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        // A staff-written template cannot loop forever.
        env.set_fuel(Some(5_000_000));
        env.set_formatter(format_value);
        env.add_filter("link", link_filter);
        let add = |env: &mut Environment<'static>, name: String, text: String| {
            env.add_template_owned(name.clone(), text)
                .map_err(|e| DraftError::Template {
                    name,
                    message: format!("{e:#}"),
                })
        };
        let dir = Path::new(&config.templates);
        for (name, text) in BUILT_IN {
            let file = dir.join(name);
            let text = if file.is_file() {
                read(&file)?
            } else {
                (*text).to_string()
            };
            add(&mut env, (*name).to_string(), text)?;
        }
        for org in &registry.organisations {
            for (name, _) in BUILT_IN {
                let file = dir.join(&org.id).join(name);
                if file.is_file() {
                    add(&mut env, format!("{}/{name}", org.id), read(&file)?)?;
                }
            }
        }
        Ok(Drafter {
            registry,
            env,
            reporters: config.reporter.clone(),
            check_url: config.check_url.clone().filter(|u| crate::text::safe::is_web_url(u)),
        })
    }

    fn render(&self, org: &Organisation, name: &str, ctx: &serde_json::Value) -> Result<String, DraftError> {
        let own = format!("{}/{name}", org.id);
        let template_name = if self.env.get_template(&own).is_ok() {
            own
        } else {
            name.to_string()
        };
        let template = self
            .env
            .get_template(&template_name)
            .map_err(|e| DraftError::Template {
                name: template_name.clone(),
                message: format!("{e:#}"),
            })?;
        template
            .render(Value::from(minijinja::value::Serde(ctx)))
            .map_err(|e| DraftError::Template {
                name: template_name,
                message: format!("{e:#}"),
            })
    }

    fn organisation(&self, id: &str) -> Result<&'r Organisation, DraftError> {
        self.registry
            .organisation(id)
            .ok_or_else(|| DraftError::UnknownOrg(id.to_string()))
    }

    /// The official accounts page of an organisation.
    pub fn accounts_page(&self, org_id: &str, today: &JpDate) -> Result<Draft, DraftError> {
        let org = self.organisation(org_id)?;
        let mut ctx = self.context(org, today, None, &[]);
        if let Some(map) = ctx.as_object_mut() {
            map.insert("check_url".into(), serde_json::json!(self.check_url));
        }
        let source = self.render(org, "accounts-page.ja.j2", &ctx)?;
        Ok(Draft {
            org_id: org.id.clone(),
            kind: DraftKind::AccountsPage,
            lang: "ja",
            platform: None,
            suspect_ids: Vec::new(),
            title: title_of(&source),
            source,
            avatars: Vec::new(),
            length: None,
            unconfirmed: false,
        })
    }

    /// Drafts for suspects: for each organisation among them, each kind asked for (`None`:
    /// the kinds its procedure lists). Takedown requests are one per platform (Japanese and
    /// English), posts one per platform of the genuine accounts imitated.
    pub async fn for_suspects(
        &self,
        store: &Store,
        ids: &[i64],
        kinds: Option<&[DraftKind]>,
        today: &JpDate,
        purpose: Purpose,
    ) -> Result<Vec<Draft>, DraftError> {
        let by_org = self.facts(store, ids).await?;
        if purpose == Purpose::ToSend {
            let unconfirmed: Vec<(i64, &'static str)> = by_org
                .values()
                .flatten()
                .filter_map(|f| {
                    let status = f.row.status;
                    (!status.may_be_drafted()).then_some((f.row.id, status.label_ja()))
                })
                .collect();
            if !unconfirmed.is_empty() {
                return Err(DraftError::NotConfirmed(unconfirmed));
            }
        }
        let mut out = Vec::new();
        for (org_id, facts) in by_org {
            let org = self.organisation(&org_id)?;
            let wanted: Vec<DraftKind> = match kinds {
                Some(k) => k.to_vec(),
                None => DraftKind::FOR_SUSPECTS
                    .into_iter()
                    .filter(|k| org.procedure.steps.contains(&k.step()))
                    .collect(),
            };
            for kind in wanted {
                out.extend(self.kind_for(org, kind, &facts, today)?);
            }
        }
        for d in &mut out {
            d.unconfirmed = purpose == Purpose::UnconfirmedCopy;
        }
        Ok(out)
    }

    /// What the drafts say about each suspect, by organisation.
    async fn facts(&self, store: &Store, ids: &[i64]) -> Result<BTreeMap<String, Vec<SuspectFacts>>, DraftError> {
        let mut by_org: BTreeMap<String, Vec<SuspectFacts>> = BTreeMap::new();
        let snapshots = store.snapshots().await?;
        for &id in ids {
            let row = store.suspect(id).await?.ok_or(DraftError::NoSuspect(id))?;
            let org = self.organisation(&row.org_id)?;
            let genuine = org.account_by_key(&row.target_key).cloned();
            let sightings = store.sightings(id).await?.len();
            let suspect_png = match &row.avatar_sha256 {
                Some(sha) => store.avatar(sha).await?.and_then(|b| thumbnail(&b)),
                None => None,
            };
            let genuine_png = match snapshots
                .iter()
                .find(|s| s.account_key == row.target_key)
                .and_then(|s| s.avatar_sha256.clone())
            {
                Some(sha) => store.avatar(&sha).await?.and_then(|b| thumbnail(&b)),
                None => None,
            };
            by_org.entry(row.org_id.clone()).or_default().push(SuspectFacts {
                row,
                genuine,
                sightings,
                suspect_png,
                genuine_png,
            });
        }
        Ok(by_org)
    }

    /// A stored draft, at the revision whose source is given, as a document again: its avatar
    /// comparisons are rebuilt from the stored evidence.
    pub async fn stored(&self, store: &Store, row: &DraftRow, source: &str) -> Result<Draft, DraftError> {
        let ids = store.draft_suspects(row.id).await?;
        let facts = self.facts(store, &ids).await?;
        Ok(Draft {
            org_id: row.org_id.clone(),
            kind: DraftKind::parse(&row.kind).unwrap_or(DraftKind::Notice),
            lang: if row.lang == "en" { "en" } else { "ja" },
            platform: row.platform.as_deref().and_then(|p| p.parse::<Platform>().ok()),
            suspect_ids: ids,
            title: title_of(source),
            avatars: facts.values().flatten().map(|f| f.avatar_pair()).collect(),
            source: source.to_string(),
            length: None,
            unconfirmed: false,
        })
    }

    fn kind_for(
        &self,
        org: &Organisation,
        kind: DraftKind,
        facts: &[SuspectFacts],
        today: &JpDate,
    ) -> Result<Vec<Draft>, DraftError> {
        let mut out = Vec::new();
        let draft =
            |lang: &'static str, platform: Option<Platform>, group: &[&SuspectFacts], source: String, length| Draft {
                org_id: org.id.clone(),
                kind,
                lang,
                platform,
                suspect_ids: group.iter().map(|f| f.row.id).collect(),
                title: title_of(&source),
                avatars: group.iter().map(|f| f.avatar_pair()).collect(),
                source,
                length,
                unconfirmed: false,
            };
        match kind {
            DraftKind::Takedown => {
                for (platform, group) in group_by(facts, |f| Some(f.row.platform)) {
                    let ch = channel(platform);
                    let ctx = self.context(org, today, Some(&ch), &group);
                    for lang in ["ja", "en"] {
                        let source = self.render(org, &format!("takedown.{lang}.j2"), &ctx)?;
                        out.push(draft(lang, Some(platform), &group, source, None));
                    }
                }
            }
            DraftKind::Post => {
                let by_genuine = group_by(facts, |f| f.genuine.as_ref().map(|g| g.platform));
                for (platform, group) in by_genuine {
                    let ch = channel(platform);
                    let (source, len) = self.post(org, today, &ch, &group)?;
                    out.push(draft("ja", Some(platform), &group, source, Some((len, ch.post_limit))));
                }
            }
            DraftKind::AccountsPage => out.push(self.accounts_page(&org.id, today)?),
            _ => {
                let all: Vec<&SuspectFacts> = facts.iter().collect();
                let ctx = self.context(org, today, None, &all);
                let name = format!("{}.ja.j2", kind.as_str());
                let source = self.render(org, &name, &ctx)?;
                out.push(draft("ja", None, &all, source, None));
            }
        }
        Ok(out)
    }

    /// The account post: the full form if it fits, else the compact form, else the compact
    /// form with the notice URL alone; an error if even that is too long.
    fn post(
        &self,
        org: &Organisation,
        today: &JpDate,
        ch: &Channel,
        group: &[&SuspectFacts],
    ) -> Result<(String, usize), DraftError> {
        let mut ctx = self.context(org, today, Some(ch), group);
        let mut last = 0;
        for compact in [false, true] {
            ctx["compact"] = json!(compact);
            let source = self.render(org, "post.ja.j2", &ctx)?;
            let text = markup::to_text(&markup::parse(&source), &[]);
            let len = post_len(ch, text.trim());
            if len <= ch.post_limit {
                return Ok((source, len));
            }
            last = len;
        }
        Err(DraftError::PostTooLong {
            platform: ch.name_en.to_string(),
            len: last,
            limit: ch.post_limit,
        })
    }

    fn reporter(&self, org: &Organisation) -> serde_json::Value {
        let r = self.reporters.get(&org.id).cloned().unwrap_or_default();
        let or = |v: Option<String>, placeholder: &str| inert(&v.unwrap_or_else(|| placeholder.to_string()), MAX_NAME);
        json!({
            "name": or(r.name, "（担当者氏名）"),
            "department": or(r.department, &org.procedure.report_to),
            "email": or(r.email, "（連絡先メールアドレス）"),
            "phone": or(r.phone, "（電話番号）"),
            "notice_url": or(r.notice_url.or_else(|| org.homepage.clone()), "（注意喚起ページのURL）"),
        })
    }

    fn context(
        &self,
        org: &Organisation,
        today: &JpDate,
        ch: Option<&Channel>,
        group: &[&SuspectFacts],
    ) -> serde_json::Value {
        let has = |s: ProcedureStep| org.procedure.steps.contains(&s);
        let mut platforms_ja: Vec<&str> = Vec::new();
        for f in group {
            let n = channel(f.row.platform).name_ja;
            if !platforms_ja.contains(&n) {
                platforms_ja.push(n);
            }
        }
        // The elements any of the suspects copied, in one order: what the request says was used.
        let mut copied_all: Vec<Copied> = group.iter().flat_map(|f| f.copied()).collect();
        copied_all.sort_unstable();
        copied_all.dedup();
        let elements: Vec<Copied> = copied_all
            .iter()
            .copied()
            .filter(|c| *c != Copied::ClaimOfficial)
            .collect();
        json!({
            "org": {
                "id": org.id,
                "name": inert(&org.name, MAX_NAME),
                "name_en": inert(org.name_en.as_deref().unwrap_or(&org.name), MAX_NAME),
                "homepage": inert(org.homepage.as_deref().unwrap_or(""), 500),
                "policy": inert(org.policy.as_deref().unwrap_or(""), 500),
                "administrator": inert(org.administrator.as_deref().unwrap_or(""), MAX_NAME),
                "report_to": inert(&org.procedure.report_to, MAX_NAME),
                "contact": inert(org.procedure.contact.as_deref().unwrap_or(&org.name), 500),
                "style": match org.procedure.writing_style {
                    Some(crate::registry::WritingStyle::Dearu) => "dearu",
                    _ => "desumasu",
                },
                "steps": org.procedure.steps.iter().map(|s| s.label_ja()).collect::<Vec<_>>(),
                "has": {
                    "internal_report": has(ProcedureStep::InternalReport),
                    "platform_takedown": has(ProcedureStep::PlatformTakedown),
                    "homepage_notice": has(ProcedureStep::HomepageNotice),
                    "account_notice": has(ProcedureStep::AccountNotice),
                    "press": has(ProcedureStep::Press),
                    "official_accounts_page": has(ProcedureStep::OfficialAccountsPage),
                },
            },
            "reporter": self.reporter(org),
            "today": today,
            "platform": ch.map(|c| json!({
                "id": c.id, "name_ja": c.name_ja, "name_en": c.name_en, "report_url": c.report_url,
                "report_how_ja": c.report_how_ja, "report_how_en": c.report_how_en,
                "fields_ja": c.fields_ja, "fields_en": c.fields_en,
                "post_limit": c.post_limit, "post_unit_ja": c.post_unit_ja,
            })),
            "suspects": group.iter().map(|f| f.context()).collect::<Vec<_>>(),
            // What the request says was used: the elements as one phrase, and the false claim
            // of being official apart (it is not an element of the official account).
            "copied_all_ja": series(&elements, |c| copied_words(c).0, "、", "及び"),
            "copied_all_en": series(&elements, |c| copied_words(c).1, ", ", " and "),
            "claims_official": copied_all.contains(&Copied::ClaimOfficial),
            "genuine_accounts": org.accounts.iter().map(genuine_context).collect::<Vec<_>>(),
            "platforms_ja": platforms_ja.join("、"),
            "compact": false,
        })
    }

    /// Stores drafts with their suspects.
    pub async fn save(store: &Store, drafts: &[Draft], actor: &str) -> Result<Vec<i64>, DraftError> {
        if drafts.iter().any(|d| d.unconfirmed) {
            return Err(DraftError::UnconfirmedNotStored);
        }
        let mut ids = Vec::new();
        for d in drafts {
            let markdown = String::from_utf8_lossy(&d.render(Format::Md)?).into_owned();
            let id = store
                .save_draft(&NewDraft {
                    org_id: &d.org_id,
                    kind: d.kind.as_str(),
                    lang: d.lang,
                    platform: d.platform.map(Platform::as_str),
                    title: &d.title,
                    source: &d.source,
                    markdown: &markdown,
                    generated_by: actor,
                    suspect_ids: &d.suspect_ids,
                })
                .await?;
            ids.push(id);
        }
        Ok(ids)
    }
}

fn read(path: &Path) -> Result<String, DraftError> {
    std::fs::read_to_string(path).map_err(|source| DraftError::Read {
        path: path.display().to_string(),
        source,
    })
}

/// The first heading's plain text, else the first line.
fn title_of(source: &str) -> String {
    let blocks = markup::parse(source);
    blocks
        .iter()
        .find_map(|b| match b {
            markup::Block::Heading(_, line) => Some(markup::plain(line)),
            _ => None,
        })
        .or_else(|| {
            blocks.iter().find_map(|b| match b {
                markup::Block::Paragraph(lines) => lines.first().map(|l| markup::plain(l)),
                _ => None,
            })
        })
        .unwrap_or_default()
}
