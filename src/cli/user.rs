//! `user`: staff accounts of the review UI (add, list, set a password, disable, enable).

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use narisumashi::store::{NewAudit, Role};
use narisumashi::web::auth;

use super::scan::{DbArgs, open, runtime};

/// `user …`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a staff account. The password is read from the first line of standard input; at
    /// a terminal a random one is made and printed once instead.
    Add(AddArgs),
    /// List staff accounts.
    List(DbOnly),
    /// Set a new password (read or made as for `add`); ends the person's sessions.
    Passwd(NameArgs),
    /// Disable an account (it cannot log in; its sessions end).
    Disable(NameArgs),
    /// Enable a disabled account.
    Enable(NameArgs),
}

/// `user add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Login name (letters, digits, '.', '_', '-').
    name: String,
    /// Organisation reviewed (its id, as in `registry list`); repeat for several.
    #[arg(long = "org", value_name = "ORG")]
    orgs: Vec<String>,
    /// viewer (reads), reviewer (decides and writes drafts) or admin (everything, all organisations).
    #[arg(long, default_value = "reviewer")]
    role: String,
}

/// Commands that take only the database.
#[derive(Debug, Args)]
pub struct DbOnly {
    #[command(flatten)]
    db: DbArgs,
}

/// Commands on one account.
#[derive(Debug, Args)]
pub struct NameArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Login name.
    name: String,
}

/// The new password: standard input's first line, or a random one at a terminal.
fn password() -> anyhow::Result<(String, bool)> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let token = auth::random_token();
        return Ok((token[..20].to_string(), true));
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let line = line.trim_end_matches(['\r', '\n']);
    if line.is_empty() {
        anyhow::bail!(
            "no password on standard input: give one of at least {} characters on its first line \
             (echo '…' | narisumashi user …), or run the command at a terminal to have one made",
            auth::MIN_PASSWORD
        );
    }
    Ok((line.to_string(), false))
}

/// Runs `user …`.
pub fn run(command: UserCommand, seeds: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let rt = runtime()?;
    match command {
        UserCommand::Add(a) => {
            let role =
                Role::parse(&a.role).with_context(|| format!("no role {:?}: viewer, reviewer or admin", a.role))?;
            if !narisumashi::store::valid_user_name(&a.name) {
                bail!("user names are 2–64 letters, digits, '.', '_' or '-'");
            }
            let registry = super::load_registry(seeds)?;
            for o in &a.orgs {
                if registry.organisation(o).is_none() {
                    bail!("organisation {o:?} is not in the registry (see `narisumashi registry list`)");
                }
            }
            if role != Role::Admin && a.orgs.is_empty() {
                bail!("give the organisations this person reviews with --org ORG (or --role admin)");
            }
            let (pw, generated) = password()?;
            let hash = auth::hash_password(&pw)?;
            let config = a.db.load()?;
            rt.block_on(async {
                let store = open(&config).await?;
                store.add_user(&a.name, role, &a.orgs, &hash).await?;
                store
                    .audit(&NewAudit {
                        actor: "cli",
                        action: "user_add",
                        subject: Some(format!("user:{}", a.name)),
                        to_state: Some(role.as_str()),
                        detail: Some(&a.orgs.join(",")),
                        ..Default::default()
                    })
                    .await?;
                store.close().await;
                anyhow::Ok(())
            })?;
            let mut out = std::io::stdout().lock();
            writeln!(
                out,
                "added {} ({}) for {}",
                a.name,
                role.as_str(),
                if a.orgs.is_empty() {
                    "all organisations".into()
                } else {
                    a.orgs.join(", ")
                }
            )?;
            if generated {
                writeln!(out, "password (shown once): {pw}")?;
            }
        }
        UserCommand::List(a) => {
            let config = a.db.load()?;
            let users = rt.block_on(async {
                let store = open(&config).await?;
                let u = store.users().await?;
                store.close().await;
                anyhow::Ok(u)
            })?;
            let mut out = std::io::stdout().lock();
            for u in users {
                writeln!(
                    out,
                    "{}\t{}\t{}{}",
                    u.name,
                    u.role.as_str(),
                    if u.role == Role::Admin {
                        "*".into()
                    } else {
                        u.orgs.join(",")
                    },
                    if u.disabled { "\tdisabled" } else { "" }
                )?;
            }
        }
        UserCommand::Passwd(a) => {
            let (pw, generated) = password()?;
            let hash = auth::hash_password(&pw)?;
            let config = a.db.load()?;
            rt.block_on(async {
                let store = open(&config).await?;
                store.set_password(&a.name, &hash).await?;
                store.close().await;
                anyhow::Ok(())
            })?;
            println!("password of {} set", a.name);
            if generated {
                println!("password (shown once): {pw}");
            }
        }
        UserCommand::Disable(a) => set_disabled(&rt, a, true)?,
        UserCommand::Enable(a) => set_disabled(&rt, a, false)?,
    }
    Ok(ExitCode::from(super::Exit::Done))
}

fn set_disabled(rt: &tokio::runtime::Runtime, a: NameArgs, disabled: bool) -> anyhow::Result<()> {
    let config = a.db.load()?;
    rt.block_on(async {
        let store = open(&config).await?;
        store.set_user_disabled(&a.name, disabled).await?;
        store.close().await;
        anyhow::Ok(())
    })?;
    println!("{} {}", a.name, if disabled { "disabled" } else { "enabled" });
    Ok(())
}
