//! `narisumashi registry list|check`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;
use narisumashi::Platform;
use narisumashi::registry::{Severity, check::check};

use super::table;

#[derive(Debug, Subcommand)]
pub enum RegistryCommand {
    /// List organisations and their genuine accounts.
    List {
        /// Only this organisation (its id, e.g. hokkaido-labour-bureau).
        #[arg(long)]
        org: Option<String>,
        /// Only this platform.
        #[arg(long)]
        platform: Option<Platform>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The official accounts page of an organisation, for its homepage.
    Page {
        /// Organisation id (as in `registry list`).
        org: String,
        /// md, html, txt or docx.
        #[arg(long, default_value = "html")]
        format: String,
        /// Write the file into this directory instead of printing (required for docx).
        #[arg(long, value_name = "DIR")]
        out: Option<std::path::PathBuf>,
        /// Configuration file (templates directory).
        #[arg(long, value_name = "FILE")]
        config: Option<std::path::PathBuf>,
        /// Date the page carries (YYYY-MM-DD; default today in Japan).
        #[arg(long)]
        date: Option<String>,
    },
    /// Report anything odd in the published data, with file and line. Fixes nothing.
    Check {
        /// Exit with status 1 on warnings too (for CI of the seeds).
        #[arg(long)]
        deny_warnings: bool,
    },
}

pub fn run(cmd: RegistryCommand, seeds: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut registry = super::load_registry(seeds)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cmd {
        RegistryCommand::Page {
            org,
            format,
            out: dir,
            config,
            date,
        } => {
            use anyhow::Context as _;
            let config = narisumashi::config::Config::load(config.as_deref())?;
            let format = narisumashi::drafts::Format::parse(&format)
                .with_context(|| format!("--format {format}: use md, html, txt or docx"))?;
            let drafter = narisumashi::drafts::Drafter::new(&registry, &config.drafts)?;
            let page = drafter.accounts_page(&org, &super::drafts::day(date.as_deref())?)?;
            drop(out);
            super::drafts::emit(&[page], format, dir.as_deref())?;
            Ok(ExitCode::from(super::Exit::Done))
        }
        RegistryCommand::List { org, platform, json } => {
            if let Some(org) = &org {
                if registry.organisation(org).is_none() {
                    let known: Vec<&str> = registry.organisations.iter().map(|o| o.id.as_str()).collect();
                    anyhow::bail!("no organisation {org:?} (known: {})", known.join(", "));
                }
                registry.organisations.retain(|o| &o.id == org);
            }
            if let Some(p) = platform {
                for o in &mut registry.organisations {
                    o.accounts.retain(|a| a.platform == p);
                }
            }
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&registry)?)?;
                return Ok(ExitCode::from(super::Exit::Done));
            }
            print_list(&mut out, &registry)?;
            Ok(ExitCode::from(super::Exit::Done))
        }
        RegistryCommand::Check { deny_warnings } => {
            let findings = check(&registry);
            for f in &findings {
                writeln!(out, "{f}")?;
            }
            let count = |s| findings.iter().filter(|f| f.severity == s).count();
            let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
            let total: usize = registry.organisations.iter().map(|o| o.accounts.len()).sum();
            eprintln!(
                "checked {} organisations, {} accounts in {}: {errors} errors, {warnings} warnings, {infos} notes",
                registry.organisations.len(),
                total,
                registry.source
            );
            Ok(if errors > 0 || (deny_warnings && warnings > 0) {
                ExitCode::from(super::Exit::No)
            } else {
                ExitCode::from(super::Exit::Done)
            })
        }
    }
}

/// `registry list` as text: each body, its procedure, and its accounts in a table.
fn print_list(out: &mut impl Write, registry: &narisumashi::registry::Registry) -> anyhow::Result<()> {
    let total: usize = registry.organisations.iter().map(|o| o.accounts.len()).sum();
    writeln!(
        out,
        "Registry: {} ({} organisations, {} accounts)",
        registry.source,
        registry.organisations.len(),
        total
    )?;
    for o in &registry.organisations {
        writeln!(out)?;
        writeln!(
            out,
            "{}  [{}]  {}",
            o.name,
            o.id,
            o.homepage.as_deref().unwrap_or("(no homepage)")
        )?;
        let steps: Vec<&str> = o.procedure.steps.iter().map(|s| s.label_ja()).collect();
        writeln!(
            out,
            "  なりすまし発見時: {} に報告 / {}",
            o.procedure.report_to,
            steps.join(" → ")
        )?;
        if o.accounts.is_empty() {
            writeln!(out, "  (no accounts listed)")?;
            continue;
        }
        let mut rows = vec![vec![
            "PLATFORM".to_string(),
            "ACCOUNT".into(),
            "DISPLAY NAME".into(),
            "DEPARTMENT".into(),
            "URL".into(),
        ]];
        for a in &o.accounts {
            rows.push(vec![
                a.platform.label().to_string(),
                table::fit(&a.label(), 34),
                table::fit(&a.display_name, 40),
                table::fit(&a.department, 30),
                a.url.clone(),
            ]);
        }
        table::write(out, &rows, "  ")?;
    }
    Ok(())
}
