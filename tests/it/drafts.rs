//! Drafts for suspects of every organisation in the seeds: snapshot tests (insta) of every
//! document kind, hostile names inert in every format, posts within their platform's limit,
//! the .docx well-formed (unzipped and parsed) and, where LibreOffice is installed
//! (`.ci/run` installs it), converted to PDF. Runs on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::io::Read;

use narisumashi::config::DraftsConfig;
use narisumashi::demo::avatars::{Copy, render};
use narisumashi::drafts::channels::{channel, post_len};
use narisumashi::drafts::dates::JpDate;
use narisumashi::drafts::{Draft, DraftKind, Drafter, Format, Purpose, UNCONFIRMED_MARK};
use narisumashi::platform::Platform;
use narisumashi::registry::Registry;
use narisumashi::scan::account_key;
use narisumashi::store::Store;

use crate::common;

use common::{databases, registry};

fn tempdir() -> std::path::PathBuf {
    common::tempdir("drafts")
}

/// 2026-11-20 10:00 JST, first seen; last seen three days later.
const FIRST: i64 = 1_795_654_800 - 5 * 86_400;
const LAST: i64 = FIRST + 3 * 86_400;

async fn put_avatar(store: &Store, seed: u64, copy: Copy) -> String {
    let (bytes, _) = render(seed, copy);
    let sha = format!("{seed:016x}{copy:?}");
    sqlx::query(
        "INSERT INTO avatars (sha256, bytes, size, first_seen_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(&sha)
    .bind(bytes.clone())
    .bind(bytes.len() as i64)
    .bind(FIRST)
    .execute(store.pool())
    .await
    .unwrap();
    sha
}

/// A stored suspect imitating `target_key`, with the genuine account's snapshot avatar.
#[allow(clippy::too_many_arguments)]
async fn put_suspect(
    store: &Store,
    org: &str,
    target_key: &str,
    target_label: &str,
    platform: &str,
    handle: &str,
    name: &str,
    url: &str,
    reasons: &str,
    status: &str,
) -> i64 {
    let seed = 7 + handle.len() as u64;
    let genuine_sha = put_avatar(store, seed, Copy::Exact).await;
    let suspect_sha = put_avatar(store, seed, Copy::Reencoded).await;
    sqlx::query(
        "INSERT INTO genuine_snapshots (account_key, org_id, platform, label, state, display_name, handle, avatar_sha256, checked_at, changed_at, run_id) \
         VALUES ($1, $2, $3, $4, 'present', $4, NULL, $5, $6, $6, 1) ON CONFLICT DO NOTHING",
    )
    .bind(target_key)
    .bind(org)
    .bind(platform)
    .bind(target_label)
    .bind(&genuine_sha)
    .bind(FIRST)
    .execute(store.pool())
    .await
    .unwrap();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO suspects (platform, account_key, platform_id, handle_key, handle, display_name, url, bio, avatar_sha256, \
         avatar_hash, org_id, target_key, target_label, score, reasons, status, status_changed_at, first_seen_at, last_seen_at, \
         reported_ticket, reported_at) \
         VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, NULL, $9, $10, $11, 0.97, $12, $13, $14, $15, $16, $17, $18) RETURNING id",
    )
    .bind(platform)
    .bind(format!("handle:{}", handle.to_lowercase()))
    .bind(handle.to_lowercase())
    .bind(handle)
    .bind(name)
    .bind(url)
    .bind("公式アカウントです。お問い合わせはDMで。")
    .bind(&suspect_sha)
    .bind(org)
    .bind(target_key)
    .bind(target_label)
    .bind(reasons)
    .bind(status)
    .bind(LAST)
    .bind(FIRST)
    .bind(LAST)
    .bind((status == "reported").then_some("X-2026-000123"))
    .bind((status == "reported").then_some(LAST))
    .fetch_one(store.pool())
    .await
    .unwrap();
    id
}

/// The reasons as the scan stores them (typed, with each sentence beside).
fn reasons(genuine_label: &str, genuine_name: &str) -> String {
    use narisumashi::matching::reason::{Absorbed, Edit, HandleRelation, Reason, encode_list};
    encode_list(&[
        Reason::Handle {
            genuine: genuine_label.into(),
            platform: narisumashi::platform::Platform::X,
            relation: HandleRelation::Homoglyph {
                edits: vec![Edit::Lookalike {
                    typed: "0".into(),
                    genuine: "o".into(),
                }],
            },
        },
        Reason::NameIdentical {
            genuine_name: genuine_name.into(),
            absorbed: vec![Absorbed::CharacterWidth],
        },
        Reason::Avatar {
            genuine: genuine_label.into(),
            similarity: 0.97,
            mirrored: false,
            cropped: false,
        },
        Reason::ClaimsOfficial {
            words: "【公式】".into(),
        },
    ])
}

/// One suspect per organisation (two for Hokkaido, on two platforms), imitating its first
/// account; Kamitonda has no accounts yet, so its suspect imitates the town's name.
async fn seed_suspects(store: &Store, reg: &Registry) -> Vec<(String, Vec<i64>)> {
    let mut out = Vec::new();
    for org in &reg.organisations {
        let mut ids = Vec::new();
        match org.accounts.first() {
            Some(acc) => {
                let key = account_key(org, acc);
                let label = acc.label();
                let fake = acc.handle.as_deref().unwrap_or("official").replace('o', "0") + "_jp";
                ids.push(
                    put_suspect(
                        store,
                        &org.id,
                        &key,
                        &label,
                        acc.platform.as_str(),
                        &fake,
                        &format!("【公式】{}", acc.display_name.trim_start_matches('@')),
                        &match acc.platform {
                            Platform::Youtube => format!("https://www.youtube.com/@{fake}"),
                            Platform::Instagram => format!("https://www.instagram.com/{fake}/"),
                            _ => format!("https://x.com/{fake}"),
                        },
                        &reasons(&label, &acc.display_name),
                        "confirmed",
                    )
                    .await,
                );
                if org.id == "hokkaido-labour-bureau" {
                    ids.push(
                        put_suspect(
                            store,
                            &org.id,
                            &key,
                            &label,
                            "instagram",
                            "hellowork_sapporo.official",
                            "ハローワーク札幌（公式）",
                            "https://www.instagram.com/hellowork_sapporo.official/",
                            &reasons(&label, &acc.display_name),
                            "reported",
                        )
                        .await,
                    );
                }
            }
            None => ids.push(
                put_suspect(
                    store,
                    &org.id,
                    &format!("{}/x/@kamitonda_town", org.id),
                    &org.name,
                    "x",
                    "kamitonda_town0",
                    &format!("{}【公式】", org.name),
                    "https://x.com/kamitonda_town0",
                    &reasons("@kamitonda_town", &org.name),
                    "confirmed",
                )
                .await,
            ),
        }
        out.push((org.id.clone(), ids));
    }
    out
}

fn today() -> JpDate {
    JpDate::from_date(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
}

fn builtin() -> DraftsConfig {
    DraftsConfig {
        templates: "/nonexistent-use-built-in".into(),
        ..DraftsConfig::default()
    }
}

fn text(d: &Draft, f: Format) -> String {
    String::from_utf8(d.render(f).unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_document_of_every_organisation_matches_its_snapshot() {
    let dir = tempdir();
    let reg = registry();
    let drafter = Drafter::new(&reg, &builtin()).unwrap();
    for url in databases(&dir).await {
        let store = Store::open(&url).await.unwrap();
        for (org, ids) in seed_suspects(&store, &reg).await {
            let drafts = drafter
                .for_suspects(&store, &ids, Some(&DraftKind::FOR_SUSPECTS), &today(), Purpose::ToSend)
                .await
                .unwrap();
            // Takedown (ja, en), notice, report, press, and a post where the body has an
            // account to post on.
            let posts = drafts.iter().filter(|d| d.kind == DraftKind::Post).count();
            assert_eq!(
                posts,
                usize::from(!reg.organisation(&org).unwrap().accounts.is_empty()),
                "{org}"
            );
            assert!(drafts.len() >= 5 + posts, "{org}: {}", drafts.len());
            for d in &drafts {
                // Only the SQLite run writes snapshots; PostgreSQL must give the same text.
                let name = d.file_name(Format::Md).replace('.', "_");
                insta::assert_snapshot!(name, text(d, Format::Md));
                // Every format renders.
                for f in [Format::Html, Format::Txt, Format::Docx] {
                    assert!(!d.render(f).unwrap().is_empty());
                }
            }
            // Stored with the suspects.
            let stored = Drafter::save(&store, &drafts, "tester").await.unwrap();
            assert_eq!(stored.len(), drafts.len());
            let for_first = store.drafts_for(ids[0]).await.unwrap();
            let covering = drafts.iter().filter(|d| d.suspect_ids.contains(&ids[0])).count();
            assert_eq!(for_first.len(), covering, "{org}");
            assert!(for_first.iter().all(|d| d.generated_by == "tester"));
            // The procedure decides what `all` makes.
            let procedure = drafter
                .for_suspects(&store, &ids, None, &today(), Purpose::ToSend)
                .await
                .unwrap();
            let o = reg.organisation(&org).unwrap();
            for d in &procedure {
                assert!(o.procedure.steps.contains(&d.kind.step()), "{org}: {:?}", d.kind);
            }
        }
        store.close().await;
    }
}

#[test]
fn official_accounts_pages_match_their_snapshots() {
    let reg = registry();
    let drafter = Drafter::new(&reg, &builtin()).unwrap();
    for org in &reg.organisations {
        let page = drafter.accounts_page(&org.id, &today()).unwrap();
        insta::assert_snapshot!(format!("{}-accounts-page", org.id), text(&page, Format::Md));
        let html = text(&page, Format::Html);
        for acc in &org.accounts {
            match acc.shown_url() {
                Some(url) => assert!(
                    html.contains(&format!("href=\"{url}\"")),
                    "{}: {url} not linked",
                    org.id
                ),
                // A URL `registry check` flags (kin.ee published for lin.ee) is never repeated.
                None => assert!(!html.contains(&acc.url), "{}: {} shown", org.id, acc.url),
            }
        }
    }
}

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
    "{% for x in range(99999999) %}x{% endfor %}",
    "\u{202E}krowolleH\u{202C}",
    "[click](javascript:alert(1))",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_names_come_out_escaped_and_inert_in_every_format() {
    let dir = tempdir();
    let reg = registry();
    let drafter = Drafter::new(&reg, &builtin()).unwrap();
    let org = reg.organisation("bunkyo-ward").unwrap();
    let acc = &org.accounts[0];
    let url = &databases(&dir).await[0];
    let store = Store::open(url).await.unwrap();
    let long = format!("ハローワーク{}", "長".repeat(10_000));
    let mut ids = Vec::new();
    for (i, name) in HOSTILE.iter().chain([&long.as_str()]).enumerate() {
        ids.push(
            put_suspect(
                &store,
                &org.id,
                &account_key(org, acc),
                &acc.label(),
                "x",
                &format!("evil{i}"),
                &format!("{name} {name}"),
                "javascript:alert(1)",
                &reasons(&acc.label(), name),
                "confirmed",
            )
            .await,
        );
    }
    let drafts = drafter
        .for_suspects(&store, &ids, Some(&DraftKind::FOR_SUSPECTS), &today(), Purpose::ToSend)
        .await
        .unwrap();
    for d in &drafts {
        let md = text(d, Format::Md);
        let html = text(d, Format::Html);
        // The pictures' base64 is not text anyone reads.
        let html_text: String = html
            .split("data:image/png;base64,")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('"').map_or("", |(_, rest)| rest)
                }
            })
            .collect();
        let txt = text(d, Format::Txt);
        let docx = d.render(Format::Docx).unwrap();
        let xml = docx_parts(&docx);
        let doc = &xml["word/document.xml"];
        for (format, out) in [("md", &md), ("html", &html_text), ("txt", &txt), ("docx", doc)] {
            let what = format!("{} {format}", d.file_name(Format::Md));
            assert!(!out.contains('\u{202E}'), "{what}: raw bidi override");
            assert!(!out.contains("49"), "{what}: template syntax in a name was evaluated");
            assert!(!out.contains("xxxxxxxx"), "{what}: a loop in a name ran");
            assert!(!out.contains(&"長".repeat(300)), "{what}: the 10 kB name was not cut");
        }
        assert!(
            !html.contains("<script>alert") && !html.contains("<img src=x"),
            "{html}"
        );
        assert!(!html.contains("href=\"javascript"));
        // Brackets are escaped, so `[click](javascript:…)` is text, not a link.
        assert!(
            !md.contains("<script>") && !md.contains("<img") && !md.replace("\\]", "").contains("](javascript"),
            "{md}"
        );
        assert!(!doc.contains("<script>"));
        // The XML parses, so the name is text inside it, not markup.
        for (name, part) in &xml {
            roxmltree::Document::parse(part).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        if d.kind != DraftKind::Post {
            assert!(
                txt.contains("[U+202E]"),
                "{}: the bidi override is shown",
                d.file_name(Format::Txt)
            );
            assert!(txt.contains("{{ 7*7 }}"), "template syntax is shown as text");
        }
    }
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_fit_their_platform_even_with_long_names() {
    let dir = tempdir();
    let reg = registry();
    let drafter = Drafter::new(&reg, &builtin()).unwrap();
    let url = &databases(&dir).await[0];
    let store = Store::open(url).await.unwrap();
    let mut n = 0;
    for org in reg.organisations.iter().filter(|o| !o.accounts.is_empty()) {
        for acc in &org.accounts {
            let mut ids = Vec::new();
            for name in ["短い名前".to_string(), "長".repeat(300), "W".repeat(5_000)] {
                n += 1;
                let handle = format!("{}{n:05}", "x".repeat(10));
                ids.push(
                    put_suspect(
                        &store,
                        &org.id,
                        &account_key(org, acc),
                        &acc.label(),
                        acc.platform.as_str(),
                        &handle,
                        &name,
                        &format!("https://x.com/{handle}"),
                        &reasons(&acc.label(), &name),
                        "confirmed",
                    )
                    .await,
                );
            }
            let posts = drafter
                .for_suspects(&store, &ids, Some(&[DraftKind::Post]), &today(), Purpose::ToSend)
                .await
                .unwrap();
            assert_eq!(posts.len(), 1);
            let p = &posts[0];
            let ch = channel(acc.platform);
            let body = text(p, Format::Txt);
            let len = post_len(&ch, body.trim());
            assert!(
                len <= ch.post_limit,
                "{} {:?}: {len} > {}: {body}",
                org.id,
                acc.platform,
                ch.post_limit
            );
            assert_eq!(p.length, Some((len, ch.post_limit)));
        }
    }
    // X in particular: 140 full-width characters.
    assert_eq!(channel(Platform::X).post_limit, 280);
    store.close().await;
}

fn docx_parts(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            out.insert(name, s);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn docx_is_a_valid_package_with_the_avatars_and_opens_in_libreoffice() {
    let dir = tempdir();
    let reg = registry();
    let drafter = Drafter::new(&reg, &builtin()).unwrap();
    let url = &databases(&dir).await[0];
    let store = Store::open(url).await.unwrap();
    let seeded = seed_suspects(&store, &reg).await;
    let (_, ids) = seeded.iter().find(|(o, _)| o == "hokkaido-labour-bureau").unwrap();
    let drafts = drafter
        .for_suspects(&store, ids, Some(&[DraftKind::Takedown]), &today(), Purpose::ToSend)
        .await
        .unwrap();
    let d = drafts.iter().find(|d| d.lang == "ja").unwrap();
    let bytes = d.render(Format::Docx).unwrap();
    let parts = docx_parts(&bytes);
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let pictures = (0..zip.len())
        .filter(|i| zip.by_index(*i).unwrap().name().unwrap().starts_with("word/media/"))
        .count();
    assert_eq!(
        pictures,
        2 * d.suspect_ids.len(),
        "genuine and suspect picture per suspect"
    );
    let rels = &parts["word/_rels/document.xml.rels"];
    assert!(rels.contains("relationships/image"));
    // HTML has the same pictures inline.
    let html = text(d, Format::Html);
    assert_eq!(html.matches("data:image/png;base64,").count(), pictures);

    // LibreOffice headless converts it to PDF (installed by scripts/test.sh).
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|s| std::process::Command::new(s).arg("--version").output().is_ok());
    match soffice {
        Some(soffice) => {
            let path = dir.join(d.file_name(Format::Docx));
            std::fs::write(&path, &bytes).unwrap();
            let out = std::process::Command::new(soffice)
                .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
                .arg(&dir)
                .arg(&path)
                .env("HOME", &dir)
                .output()
                .unwrap();
            let pdf = path.with_extension("pdf");
            assert!(
                pdf.is_file(),
                "LibreOffice did not convert: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            let head = std::fs::read(&pdf).unwrap();
            assert!(head.starts_with(b"%PDF"), "not a PDF");
        }
        None => assert_eq!(
            std::env::var("NARISUMASHI_SKIP_LIBREOFFICE").as_deref(),
            Ok("1"),
            "LibreOffice not found: scripts/test.sh installs it; set NARISUMASHI_SKIP_LIBREOFFICE=1 to skip"
        ),
    }
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_drafts_command_writes_every_document_the_procedure_asks_for() {
    let dir = tempdir();
    let reg = registry();
    let url = &databases(&dir).await[0];
    let store = Store::open(url).await.unwrap();
    let seeded = seed_suspects(&store, &reg).await;
    store.close().await;
    let (_, ids) = seeded.iter().find(|(o, _)| o == "kagoshima-labour-bureau").unwrap();
    let out_dir = dir.join("out");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_narisumashi"))
            .args(args)
            .arg("--seeds")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
            .current_dir(&dir)
            .output()
            .unwrap()
    };
    let id = ids[0].to_string();
    let o = run(&[
        "drafts",
        &id,
        "--format",
        "docx",
        "--out",
        out_dir.to_str().unwrap(),
        "--database",
        url,
        "--by",
        "山田",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    // Kagoshima's procedure: internal report, takedown, homepage notice, account notice, press.
    assert_eq!(
        files,
        [
            "kagoshima-labour-bureau-notice.ja.docx",
            "kagoshima-labour-bureau-post-youtube.ja.docx",
            "kagoshima-labour-bureau-press.ja.docx",
            "kagoshima-labour-bureau-report.ja.docx",
            "kagoshima-labour-bureau-takedown-youtube.en.docx",
            "kagoshima-labour-bureau-takedown-youtube.ja.docx",
        ]
    );
    // Printed as Markdown without --out; the docx format needs a directory.
    let o = run(&["drafts", &id, "--kind", "notice", "--database", url]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# "));
    let o = run(&["drafts", &id, "--format", "docx", "--database", url]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--out"));
    // Unknown suspects are an error, not an empty result.
    let o = run(&["drafts", "999999", "--database", url]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("999999"));
    // The stored drafts name who generated them.
    let store = Store::open(url).await.unwrap();
    let stored = store.drafts_for(ids[0]).await.unwrap();
    assert!(stored.iter().any(|d| d.generated_by == "山田" && d.kind == "takedown"));
    store.close().await;
    // `suspect show` lists them.
    let o = run(&["suspect", "show", &id, "--database", url]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(
        shown.contains("drafts:") && shown.contains("takedown/youtube ja: 山田"),
        "{shown}"
    );
    // The official accounts page.
    let o = run(&["registry", "page", "bunkyo-ward", "--format", "html"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = String::from_utf8_lossy(&o.stdout);
    assert!(html.contains("href=\"https://x.com/b_diverjinzai\""));
}

#[test]
fn a_staff_template_override_is_used_and_a_broken_one_is_reported_with_its_line() {
    let dir = tempdir();
    let reg = registry();
    std::fs::create_dir_all(dir.join("bunkyo-ward")).unwrap();
    std::fs::write(
        dir.join("bunkyo-ward/accounts-page.ja.j2"),
        "# 文京区の公式アカウント\n{% for a in genuine_accounts %}\n- {{ a.display_name }}\n{% endfor %}\n",
    )
    .unwrap();
    let config = DraftsConfig {
        templates: dir.display().to_string(),
        ..DraftsConfig::default()
    };
    let drafter = Drafter::new(&reg, &config).unwrap();
    let page = drafter.accounts_page("bunkyo-ward", &today()).unwrap();
    assert_eq!(
        text(&page, Format::Md),
        "# 文京区の公式アカウント\n\n- 文京区中小企業ダイバーシティ人材採用促進事業\n"
    );
    // Other bodies keep the built-in template.
    let other = drafter.accounts_page("hokkaido-labour-bureau", &today()).unwrap();
    assert!(text(&other, Format::Md).contains("公式ソーシャルメディアアカウント一覧"));
    assert!(
        !text(&other, Format::Md).contains("確かめる"),
        "no public check configured"
    );
    // With the public check's address, the page tells citizens where to check an account.
    let with_check = DraftsConfig {
        check_url: Some("https://narisumashi.example.lg.jp/check".into()),
        ..DraftsConfig::default()
    };
    let page = Drafter::new(&reg, &with_check)
        .unwrap()
        .accounts_page("hokkaido-labour-bureau", &today())
        .unwrap();
    let md = text(&page, Format::Md);
    assert!(md.contains("## 本物のアカウントか確かめる"), "{md}");
    assert!(md.contains("https://narisumashi.example.lg.jp/check"), "{md}");
    // A broken template: the error names the file and the line.
    std::fs::write(dir.join("notice.ja.j2"), "# ok\n\n{% if %}\n").unwrap();
    let err = Drafter::new(&reg, &config).err().unwrap().to_string();
    assert!(err.contains("notice.ja.j2:3"), "{err}");
}

/// Reasons of a suspect flagged on its handle alone (one letter added), as a citizen's account
/// with a similar handle would be.
fn handle_only_reasons(genuine_label: &str) -> String {
    use narisumashi::matching::reason::{Edit, HandleRelation, Reason, encode_list};
    encode_list(&[Reason::Handle {
        genuine: genuine_label.into(),
        platform: narisumashi::platform::Platform::X,
        relation: HandleRelation::Homoglyph {
            edits: vec![Edit::Insert { ch: 'j' }],
        },
    }])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drafts_wait_for_a_confirmed_impostor_and_an_unconfirmed_copy_is_marked_and_never_stored() {
    let dir = tempdir();
    let reg = registry();
    let drafter = Drafter::new(&reg, &builtin()).unwrap();
    let org = reg.organisation("bunkyo-ward").unwrap();
    let acc = org.accounts.iter().find(|a| a.platform == Platform::X).unwrap();
    let key = narisumashi::scan::account_key(org, acc);
    let label = acc.handle.clone().unwrap_or_default();
    for url in databases(&dir).await {
        let store = Store::open(&url).await.unwrap();
        let mut ids = Vec::new();
        for (status, handle) in [("new", "b_diverjjinzai"), ("dismissed", "b_diverjinzaij")] {
            let id = put_suspect(
                &store,
                &org.id,
                &key,
                &label,
                "x",
                handle,
                "高橋ゆかり",
                &format!("https://x.com/{handle}"),
                &handle_only_reasons(&label),
                status,
            )
            .await;
            ids.push(id);
        }
        for &id in &ids {
            match drafter
                .for_suspects(&store, &[id], None, &today(), Purpose::ToSend)
                .await
            {
                Err(narisumashi::drafts::DraftError::NotConfirmed(which)) => {
                    assert_eq!(which.iter().map(|w| w.0).collect::<Vec<_>>(), vec![id], "{url}")
                }
                other => panic!("{url}: drafts for an unconfirmed suspect: {:?}", other.map(|d| d.len())),
            }
        }
        // The copy to read: marked in every format, refused by storage.
        let copies = drafter
            .for_suspects(
                &store,
                &ids[..1],
                Some(&DraftKind::FOR_SUSPECTS),
                &today(),
                Purpose::UnconfirmedCopy,
            )
            .await
            .unwrap();
        assert!(copies.len() >= 4, "{url}");
        for d in &copies {
            assert!(d.file_name(Format::Md).starts_with("UNCONFIRMED-"));
            for f in [Format::Md, Format::Txt, Format::Html] {
                let t = text(d, f);
                assert!(
                    t.matches(UNCONFIRMED_MARK).count() >= 2,
                    "{url} {:?} {f:?}: mark at top and bottom",
                    d.kind
                );
                let first = t.lines().find(|l| !l.trim().is_empty()).unwrap();
                assert!(f == Format::Html || first.contains(UNCONFIRMED_MARK), "{first}");
            }
            let html = text(d, Format::Html);
            assert!(html.contains(&format!("<title>【{UNCONFIRMED_MARK}】")));
            assert!(
                html.contains("class=\"unconfirmed-mark\""),
                "a mark on every printed page"
            );
            let parts = docx_parts(&d.render(Format::Docx).unwrap());
            for (name, xml) in &parts {
                roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
            assert!(
                parts["word/header1.xml"].contains(UNCONFIRMED_MARK),
                "every page's header"
            );
            assert!(parts["word/document.xml"].contains("<w:headerReference"));
            assert!(parts["word/document.xml"].contains(UNCONFIRMED_MARK));
            assert!(parts["[Content_Types].xml"].contains("/word/header1.xml"));
        }
        assert!(matches!(
            Drafter::save(&store, &copies, "tester").await,
            Err(narisumashi::drafts::DraftError::UnconfirmedNotStored)
        ));
        assert!(store.drafts_for(ids[0]).await.unwrap().is_empty(), "{url}");

        // Confirmed on the handle alone: the request names the handle only, and tells staff
        // that X asks for two elements of the identity.
        store
            .decide(ids[0], &narisumashi::store::Decision::Confirm, "tester", None)
            .await
            .unwrap();
        let drafts = drafter
            .for_suspects(
                &store,
                &ids[..1],
                Some(&[DraftKind::Takedown]),
                &today(),
                Purpose::ToSend,
            )
            .await
            .unwrap();
        let ja = text(drafts.iter().find(|d| d.lang == "ja").unwrap(), Format::Md);
        let intro = ja.lines().find(|l| l.contains("誤認させる")).unwrap();
        assert!(
            intro.contains("ユーザー名（ハンドル）を無断で使用又は模倣し"),
            "{intro}"
        );
        assert!(!intro.contains("アイコン画像") && !intro.contains("表示名"), "{intro}");
        assert!(!ja.contains(UNCONFIRMED_MARK));
        let staff = &ja[ja.find("## 報告窓口（職員用）").unwrap()..];
        assert!(
            staff.contains("確認できた要素は1点（ユーザー名（ハンドル））"),
            "{staff}"
        );
        let en = text(drafts.iter().find(|d| d.lang == "en").unwrap(), Format::Md);
        assert!(
            en.contains("It uses or imitates the username (handle) of our official account"),
            "{en}"
        );
        assert!(!en.contains("profile picture of our"), "{en}");
        assert_eq!(Drafter::save(&store, &drafts, "tester").await.unwrap().len(), 2);
        store.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_drafts_command_refuses_an_unconfirmed_suspect_and_writes_a_marked_copy_on_request() {
    let dir = tempdir();
    let reg = registry();
    let url = &databases(&dir).await[0];
    let store = Store::open(url).await.unwrap();
    let org = reg.organisation("bunkyo-ward").unwrap();
    let acc = org.accounts.iter().find(|a| a.platform == Platform::X).unwrap();
    let key = narisumashi::scan::account_key(org, acc);
    let label = acc.handle.clone().unwrap_or_default();
    let id = put_suspect(
        &store,
        &org.id,
        &key,
        &label,
        "x",
        "b_diverjjinzai",
        "高橋ゆかり",
        "https://x.com/b_diverjjinzai",
        &handle_only_reasons(&label),
        "new",
    )
    .await;
    store.close().await;
    let out_dir = dir.join("copies");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_narisumashi"))
            .args(args)
            .args([
                "--seeds",
                concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"),
                "--database",
                url,
            ])
            .current_dir(&dir)
            .output()
            .unwrap()
    };
    let id = id.to_string();
    let o = run(&["drafts", &id]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("#{id}")) && err.contains("未確認") && err.contains("--unconfirmed"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    let o = run(&[
        "drafts",
        &id,
        "--unconfirmed",
        "--format",
        "docx",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !files.is_empty() && files.iter().all(|f| f.starts_with("UNCONFIRMED-")),
        "{files:?}"
    );
    let store = Store::open(url).await.unwrap();
    assert!(store.drafts_for(id.parse().unwrap()).await.unwrap().is_empty());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regenerating_drafts_makes_a_new_revision_of_the_same_draft() {
    let dir = tempdir();
    let reg = registry();
    let drafter = Drafter::new(&reg, &builtin()).unwrap();
    for url in databases(&dir).await {
        let store = Store::open(&url).await.unwrap();
        let seeded = seed_suspects(&store, &reg).await;
        let (_, ids) = seeded.iter().find(|(o, _)| o == "bunkyo-ward").unwrap();
        let kinds = [DraftKind::Takedown, DraftKind::Notice];
        let day = today();
        let make = || drafter.for_suspects(&store, ids, Some(&kinds), &day, Purpose::ToSend);
        let first = Drafter::save(&store, &make().await.unwrap(), "山田").await.unwrap();
        let again = Drafter::save(&store, &make().await.unwrap(), "佐藤").await.unwrap();
        assert_eq!(first, again, "{url}: the same drafts, not new ones");
        let stored = store.drafts_for(ids[0]).await.unwrap();
        assert_eq!(stored.len(), first.len(), "{url}: one draft per kind and language");
        for d in &stored {
            assert_eq!(d.revision, 2, "{url}: {} {}", d.kind, d.lang);
            let revs = store.draft_revisions(d.id).await.unwrap();
            let who: Vec<(i64, &str)> = revs.iter().map(|r| (r.rev, r.edited_by.as_str())).collect();
            assert_eq!(who, vec![(2, "佐藤"), (1, "山田")], "{url}");
        }
        // Another set of suspects is another draft.
        if ids.len() > 1 {
            let one = drafter
                .for_suspects(&store, &ids[..1], Some(&[DraftKind::Notice]), &today(), Purpose::ToSend)
                .await
                .unwrap();
            let new = Drafter::save(&store, &one, "山田").await.unwrap();
            assert!(!first.contains(&new[0]), "{url}");
        }
        store.close().await;
    }
}

/// `suspects --format csv` opens in a spreadsheet as staff expect: a byte-order mark, the
/// Japanese headers intact (read back with a BOM-aware CSV reader), one row a suspect, and an
/// impostor's name that looks like a formula kept as text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_exports_as_csv_for_a_spreadsheet() {
    let dir = tempdir();
    let reg = registry();
    let url = &databases(&dir).await[0];
    let store = Store::open(url).await.unwrap();
    let seeded = seed_suspects(&store, &reg).await;
    let org = reg.organisation("bunkyo-ward").unwrap();
    let acc = org.accounts.iter().find(|a| a.platform == Platform::X).unwrap();
    let label = acc.handle.clone().unwrap_or_default();
    let hostile = put_suspect(
        &store,
        &org.id,
        &account_key(org, acc),
        &label,
        "x",
        "b_diverjinzai_",
        "=HYPERLINK(\"http://evil.example\",\"公式\")",
        "https://x.com/b_diverjinzai_",
        &handle_only_reasons(&label),
        "new",
    )
    .await;
    store.close().await;
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_narisumashi"))
        .args([
            "suspects",
            "--all",
            "--status",
            "new",
            "--status",
            "confirmed",
            "--status",
            "reported",
        ])
        .args(["--format", "csv", "--database", url])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        o.stdout.starts_with("\u{FEFF}".as_bytes()),
        "UTF-8 byte-order mark for Excel"
    );
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        headers,
        narisumashi::export::SUSPECT_HEADERS,
        "headers read back intact"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let expected = seeded.iter().map(|(_, ids)| ids.len()).sum::<usize>() + 1;
    assert_eq!(rows.len(), expected);
    let row = rows.iter().find(|r| r[0] == hostile.to_string()).unwrap();
    assert_eq!(&row[1], "未確認");
    assert_eq!(
        &row[5], "'=HYPERLINK(\"http://evil.example\",\"公式\")",
        "a formula stays text"
    );
    assert!(
        !row[11].is_empty() && !row[11].is_ascii(),
        "reasons in Japanese: {:?}",
        &row[11]
    );
}
