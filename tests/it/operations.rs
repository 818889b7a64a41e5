//! Running it for real, end to end over loopback, on SQLite and PostgreSQL: the nightly work
//! (scan, digests, purge) against the demo platform, with a real SMTP server (STARTTLS, AUTH)
//! and a webhook receiver started here; the sources' self-tests when a platform changes its
//! format; `/healthz` and `/metrics`; `doctor`; and `notify preview` and `notify test`.
#![allow(clippy::unwrap_used)]

use crate::common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::smtp::{Mail, SmtpOptions, SmtpServer};
use common::{databases, registry};
use narisumashi::config::{Config, Recipients, SmtpConfig, SmtpSecurity};
use narisumashi::demo::{DemoAccount, DemoPlatform, Role, population};
use narisumashi::nightly::{Night, run_once};
use narisumashi::notify::Notifier;
use narisumashi::platform::Platform;
use narisumashi::registry::Registry;
use narisumashi::scan::Silent;
use narisumashi::store::{ProbeStatus, Store, SuspectFilter, SuspectStatus};
use narisumashi::text::safe::plain;

const PUBLIC_URL: &str = "https://narisumashi.example.lg.jp";
const BUNKYO_MAIL: &str = "koho@city.bunkyo.example.lg.jp";
const OPS_MAIL: &str = "ops@narisumashi.example.jp";
const KAMITONDA_MAIL: &str = "soumu@town.kamitonda.example.lg.jp";

/// A webhook receiver on loopback: keeps every JSON body; can refuse the next few with 500.
struct Hooks {
    url: String,
    got: Arc<Mutex<Vec<serde_json::Value>>>,
    fail: Arc<Mutex<usize>>,
    task: tokio::task::JoinHandle<()>,
}

impl Hooks {
    async fn start() -> Hooks {
        let got: Arc<Mutex<Vec<serde_json::Value>>> = Arc::default();
        let fail: Arc<Mutex<usize>> = Arc::default();
        let (g, f) = (got.clone(), fail.clone());
        let app = axum::Router::new().route(
            "/hooks/{token}",
            axum::routing::post(
                move |axum::extract::Path(token): axum::extract::Path<String>,
                      axum::Json(body): axum::Json<serde_json::Value>| {
                    let (g, f) = (g.clone(), f.clone());
                    async move {
                        assert_eq!(token, "T0KEN-SECRET");
                        let mut fail = f.lock().unwrap();
                        if *fail > 0 {
                            *fail -= 1;
                            return axum::http::StatusCode::INTERNAL_SERVER_ERROR;
                        }
                        g.lock().unwrap().push(body);
                        axum::http::StatusCode::OK
                    }
                },
            ),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hooks/T0KEN-SECRET", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Hooks { url, got, fail, task }
    }

    fn bodies(&self) -> Vec<serde_json::Value> {
        self.got.lock().unwrap().clone()
    }
}

impl Drop for Hooks {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn config_for(demo: &DemoPlatform, url: &str, smtp: &SmtpServer, hooks: &Hooks) -> Config {
    let mut base = Config::default();
    base.database.url = url.to_string();
    let mut c = demo.config(&base);
    c.web.public_url = Some(PUBLIC_URL.into());
    c.notify.attempts = 3;
    c.notify.retry_delay_secs = 0.05;
    c.notify.smtp = Some(SmtpConfig {
        host: "127.0.0.1".into(),
        port: Some(smtp.addr.port()),
        security: SmtpSecurity::Starttls,
        username: Some("narisumashi".into()),
        password: Some("s3cret".into()),
        from: "なりすまし監視 <narisumashi@example.lg.jp>".into(),
        ca_file: Some(SmtpServer::ca_file().display().to_string()),
        timeout_secs: 10.0,
    });
    c.notify.org.insert(
        "bunkyo-ward".into(),
        Recipients {
            email: vec![BUNKYO_MAIL.into()],
            webhook: vec![hooks.url.clone()],
            all_clear: None,
        },
    );
    c.notify.org.insert(
        "kamitonda-town".into(),
        Recipients {
            email: vec![KAMITONDA_MAIL.into()],
            webhook: Vec::new(),
            all_clear: Some(true),
        },
    );
    c.notify.org.insert(
        "*".into(),
        Recipients {
            email: vec![OPS_MAIL.into()],
            webhook: Vec::new(),
            all_clear: None,
        },
    );
    c
}

/// A demo platform, a mail server and a webhook receiver, and the configuration that joins
/// them to a database.
struct Setup {
    demo: DemoPlatform,
    smtp: SmtpServer,
    hooks: Hooks,
    config: Config,
    notifier: Notifier,
    store: Store,
}

async fn setup(reg: &Registry, url: &str, seed: u64) -> Setup {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let demo = DemoPlatform::start(population(reg, seed)).await.unwrap();
    let smtp = SmtpServer::start(SmtpOptions {
        user: "narisumashi".into(),
        password: "s3cret".into(),
    })
    .await;
    let hooks = Hooks::start().await;
    let config = config_for(&demo, url, &smtp, &hooks);
    let notifier = Notifier::new(&config, reg).unwrap();
    let store = Store::open(url).await.unwrap();
    Setup {
        demo,
        smtp,
        hooks,
        config,
        notifier,
        store,
    }
}

async fn night(store: &Store, reg: &Registry, config: &Config, notifier: &Notifier) -> Night {
    let n = run_once(store, reg, config, notifier, Arc::new(Silent)).await;
    assert!(n.scan.is_ok(), "{:?}", n.scan.as_ref().err());
    assert!(n.purge.is_ok());
    n
}

/// The suspects a digest links to.
fn linked(m: &Mail) -> Vec<i64> {
    let prefix = format!("確認: {PUBLIC_URL}/suspects/");
    m.body
        .lines()
        .filter_map(|l| l.trim().strip_prefix(prefix.as_str())?.parse().ok())
        .collect()
}

fn to(mails: &[Mail], addr: &str) -> Vec<Mail> {
    mails.iter().filter(|m| m.rcpt_to == [addr]).cloned().collect()
}

/// A new impostor of 文京区's account: a YouTube channel with its name and 【公式】, which the
/// nightly search finds.
fn new_impostor(reg: &Registry, id: &str) -> DemoAccount {
    let (org, acc) = reg.accounts().find(|(o, _)| o.id == "bunkyo-ward").unwrap();
    DemoAccount {
        platform: Platform::Youtube,
        handle: None,
        id: id.into(),
        name: format!("【公式】{}", acc.display_name),
        bio: "公式チャンネルです。補助金の申請はこちらから。".into(),
        avatar: None,
        followers: 12,
        role: Role::Impostor {
            target: narisumashi::scan::account_key(org, acc),
            technique: "test",
        },
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scheduled_scans_send_one_digest_per_change_by_mail_and_webhook() {
    let dir = common::tempdir("operations");
    let reg = registry();
    for url in databases(&dir).await {
        let Setup {
            demo,
            smtp,
            hooks,
            config,
            notifier,
            store,
        } = setup(&reg, &url, 3).await;

        // Night 1: everything found is new; each recipient gets its own body's news.
        let n1 = night(&store, &reg, &config, &notifier).await;
        assert!(n1.deliveries.iter().all(|d| d.sent), "{url}: {:?}", n1.deliveries);
        let mails = smtp.wait_for(3, Duration::from_secs(10)).await;
        let all = store.suspects(&SuspectFilter::default()).await.unwrap();
        let bunkyo: Vec<_> = all.iter().filter(|s| s.org_id == "bunkyo-ward").collect();
        assert!(!bunkyo.is_empty(), "{url}: the demo has impostors of 文京区");
        let b1 = to(&mails, BUNKYO_MAIL);
        assert_eq!(b1.len(), 1, "{url}: one digest to 文京区");
        let m = &b1[0];
        assert!(m.tls, "{url}: STARTTLS before anything else");
        assert_eq!(m.auth_user.as_deref(), Some("narisumashi"));
        assert!(m.subject.starts_with("【なりすまし監視】文京区："), "{}", m.subject);
        assert!(
            m.subject.contains(&format!("新たな疑い {}件", bunkyo.len())),
            "{}",
            m.subject
        );
        assert!(m.from.contains("なりすまし監視"), "{}", m.from);
        assert!(
            m.content_type.to_lowercase().contains("charset=utf-8"),
            "{}",
            m.content_type
        );
        assert!(
            m.raw.lines().all(|l| l.is_ascii()),
            "{url}: the message travels as ASCII (encoded words, base64 or quoted-printable)"
        );
        for s in &bunkyo {
            assert!(
                m.body.contains(&plain(&s.display_name, 80)),
                "{url}: {} missing",
                s.display_name
            );
        }
        let mut want: Vec<i64> = bunkyo.iter().map(|s| s.id).collect();
        let mut got = linked(m);
        want.sort();
        got.sort();
        assert_eq!(
            got, want,
            "{url}: 文京区's digest links its own suspects, and only them"
        );
        // Nothing of the accounts judged clear was kept: every stored picture belongs to a
        // suspect, a sighting or a genuine account, and no honest account is stored.
        let (orphans,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM avatars WHERE sha256 NOT IN (SELECT avatar_sha256 FROM suspects WHERE \
             avatar_sha256 IS NOT NULL UNION SELECT avatar_sha256 FROM sightings WHERE avatar_sha256 IS NOT NULL \
             UNION SELECT avatar_sha256 FROM genuine_snapshots WHERE avatar_sha256 IS NOT NULL)",
        )
        .fetch_one(store.pool())
        .await
        .unwrap();
        assert_eq!(orphans, 0, "{url}");
        let innocents: Vec<String> = demo
            .accounts()
            .into_iter()
            .filter(|a| a.role == Role::Innocent)
            .map(|a| a.id)
            .collect();
        assert!(!innocents.is_empty());
        assert!(
            all.iter()
                .all(|s| !innocents.contains(s.platform_id.as_ref().unwrap_or(&String::new()))),
            "{url}: an honest account was stored"
        );
        // The operator's digest covers every body.
        let ops = to(&mails, OPS_MAIL);
        assert_eq!(ops.len(), 1);
        assert!(
            ops[0].subject.contains(&format!("新たな疑い {}件", all.len())),
            "{}",
            ops[0].subject
        );
        // The webhook: one POST, chat text escaped, the findings as data.
        let posts = hooks.bodies();
        assert_eq!(posts.len(), 1, "{url}");
        assert_eq!(posts[0]["kind"], "digest");
        assert_eq!(
            posts[0]["digest"]["new_suspects"].as_array().unwrap().len(),
            bunkyo.len()
        );
        assert!(!posts[0]["text"].as_str().unwrap().contains('<'));
        let recorded = store
            .notifications(n1.scan.as_ref().unwrap().run_id.unwrap())
            .await
            .unwrap();
        assert!(
            recorded.iter().all(|r| r.status == "sent" && r.attempts == 1),
            "{recorded:?}"
        );
        assert!(
            recorded.iter().all(|r| !r.recipient.contains("T0KEN")),
            "{url}: the webhook's secret path is not stored"
        );

        // Night 2: one new impostor of 文京区; the mail server and the webhook each fail once.
        demo.add(new_impostor(&reg, "UCnarisumashiTestImpost1"));
        smtp.fail_next(1);
        *hooks.fail.lock().unwrap() = 1;
        let before = smtp.messages().len();
        let n2 = night(&store, &reg, &config, &notifier).await;
        let report = n2.scan.as_ref().unwrap();
        assert_eq!(report.new_suspects.len(), 1, "{url}: {:?}", report.new_suspects);
        let newcomer = &report.new_suspects[0];
        assert!(newcomer.display_name.starts_with("【公式】"));
        let mails = smtp.wait_for(before + 2, Duration::from_secs(10)).await;
        let naming: Vec<&Mail> = mails
            .iter()
            .filter(|m| linked(m).contains(&newcomer.id.unwrap()))
            .collect();
        assert!(
            naming
                .iter()
                .all(|m| m.body.contains(&plain(&newcomer.display_name, 80)))
        );
        let b2: Vec<_> = naming.iter().filter(|m| m.rcpt_to == [BUNKYO_MAIL]).collect();
        assert_eq!(b2.len(), 1, "{url}: exactly one digest to 文京区 names the newcomer");
        assert_eq!(b2[0].subject, "【なりすまし監視】文京区：新たな疑い 1件");
        assert_eq!(
            linked(b2[0]),
            vec![newcomer.id.unwrap()],
            "{url}: the second digest holds only what is new"
        );
        assert_eq!(smtp.refused(), 1, "{url}: the first attempt was refused");
        let posts = hooks.bodies();
        assert_eq!(
            posts.len(),
            2,
            "{url}: the webhook got the second digest after one retry"
        );
        assert_eq!(posts[1]["digest"]["new_suspects"][0]["id"], newcomer.id.unwrap());
        let recorded = store.notifications(report.run_id.unwrap()).await.unwrap();
        let attempts: Vec<(String, i64)> = recorded.iter().map(|r| (r.channel.clone(), r.attempts)).collect();
        assert!(recorded.iter().all(|r| r.status == "sent"), "{url}: {recorded:?}");
        assert!(attempts.iter().any(|(c, a)| c == "webhook" && *a == 2), "{attempts:?}");
        assert_eq!(
            attempts.iter().filter(|(c, a)| c == "email" && *a == 2).count(),
            1,
            "{attempts:?}"
        );
        // 上富田町 had nothing new but asked for an all-clear.
        let kami: Vec<_> = mails[before..]
            .iter()
            .filter(|m| m.rcpt_to == [KAMITONDA_MAIL])
            .collect();
        assert_eq!(kami.len(), 1);
        assert!(
            kami[0].subject.contains("新しい検出はありません"),
            "{}",
            kami[0].subject
        );

        // Night 3: nothing changed: no message except the all-clear.
        let before = smtp.messages().len();
        let n3 = night(&store, &reg, &config, &notifier).await;
        assert_eq!(n3.deliveries.len(), 1, "{url}: {:?}", n3.deliveries);
        assert_eq!(n3.deliveries[0].kind, "all_clear");
        let mails = smtp.wait_for(before + 1, Duration::from_secs(10)).await;
        assert_eq!(mails.len(), before + 1);
        assert_eq!(hooks.bodies().len(), 2);

        // Night 4: the mail server refuses everything while a second impostor appears; the
        // scan still finishes, the failure is recorded; night 5 brings that news.
        demo.add(new_impostor(&reg, "UCnarisumashiTestImpost2"));
        // Fewer names than the first: the all-clear mail goes out (it is the last recipient
        // in order), the two digests are refused on every attempt.
        smtp.fail_next(6);
        let n4 = night(&store, &reg, &config, &notifier).await;
        let run4 = n4.scan.as_ref().unwrap().run_id.unwrap();
        let failed: Vec<_> = n4.deliveries.iter().filter(|d| !d.sent).collect();
        assert_eq!(failed.len(), 2, "{url}: {:?}", n4.deliveries);
        assert!(
            failed
                .iter()
                .all(|d| d.attempts == 3 && d.error.as_deref().unwrap().contains("451"))
        );
        let rows = store.notifications(run4).await.unwrap();
        assert_eq!(rows.iter().filter(|r| r.status == "failed").count(), 2);
        let second = n4.scan.as_ref().unwrap().new_suspects[0].clone();
        smtp.fail_next(0);
        let before = smtp.messages().len();
        let n5 = night(&store, &reg, &config, &notifier).await;
        let mails = smtp.wait_for(before + 2, Duration::from_secs(10)).await;
        let caught_up: Vec<_> = mails[before..]
            .iter()
            .filter(|m| m.rcpt_to == [BUNKYO_MAIL] || m.rcpt_to == [OPS_MAIL])
            .collect();
        assert_eq!(caught_up.len(), 2, "{url}: {:?}", n5.deliveries);
        let covered = format!("スキャン #{}〜#{}", run4 - 1, run4 + 1);
        for m in caught_up {
            assert!(
                linked(m).contains(&second.id.unwrap()),
                "{url}: night 4's news is not lost"
            );
            assert!(m.body.contains(&covered), "{covered}: {}", m.body);
        }
        store.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_that_changes_its_format_is_degraded_and_marks_nothing_removed() {
    let dir = common::tempdir("degraded");
    let reg = registry();
    for url in databases(&dir).await {
        let Setup {
            demo,
            smtp,
            hooks,
            config,
            notifier,
            store,
        } = setup(&reg, &url, 5).await;

        let n1 = night(&store, &reg, &config, &notifier).await;
        let r1 = n1.scan.as_ref().unwrap();
        assert!(!r1.probes.is_empty());
        for p in &r1.probes {
            assert_eq!(p.status, ProbeStatus::Ok, "{url}: {} {}", p.platform, p.detail);
        }
        let youtube: Vec<_> = store
            .suspects(&SuspectFilter::default())
            .await
            .unwrap()
            .into_iter()
            .filter(|s| s.platform.as_str() == "youtube")
            .collect();
        assert!(!youtube.is_empty(), "{url}: the demo has YouTube impostors");
        let before = smtp.messages().len();

        // YouTube "changes its format": every lookup and search now reads as nothing found.
        demo.set_new_format(Platform::Youtube, true);
        let n2 = night(&store, &reg, &config, &notifier).await;
        let r2 = n2.scan.as_ref().unwrap();
        let yt = r2.probes.iter().find(|p| p.platform.as_str() == "youtube").unwrap();
        assert_eq!(yt.status, ProbeStatus::Degraded, "{url}: {}", yt.detail);
        assert!(yt.detail.contains("not found"), "{}", yt.detail);
        assert!(r2.removed.is_empty(), "{url}: {:?}", r2.removed);
        for s in &youtube {
            assert_eq!(store.suspect(s.id).await.unwrap().unwrap().status, SuspectStatus::New);
        }
        assert!(
            !r2.genuine_changes.iter().any(|c| c.1 == "vanished"),
            "{url}: no genuine channel marked vanished: {:?}",
            r2.genuine_changes
        );
        assert!(r2.errors.iter().any(|e| e.2.contains("not marked removed")), "{url}");
        // The digests say so.
        let mails = smtp.wait_for(before + 2, Duration::from_secs(10)).await;
        let ops = to(&mails[before..], OPS_MAIL);
        assert_eq!(ops.len(), 1, "{url}");
        assert!(ops[0].subject.contains("取得元の異常"), "{}", ops[0].subject);
        assert!(
            ops[0].body.contains("YouTube: 自己診断に失敗しました"),
            "{}",
            ops[0].body
        );
        assert_eq!(
            hooks.bodies().last().unwrap()["digest"]["source_problems"][0]["kind"],
            "degraded"
        );

        // Back to normal, with one impostor really gone: now it is marked removed.
        demo.set_new_format(Platform::Youtube, false);
        assert!(demo.remove(Platform::Youtube, youtube[0].platform_id.as_deref().unwrap()));
        let n3 = night(&store, &reg, &config, &notifier).await;
        let r3 = n3.scan.as_ref().unwrap();
        assert!(r3.probes.iter().all(|p| p.status == ProbeStatus::Ok));
        assert_eq!(
            r3.removed.iter().map(|f| f.id).collect::<Vec<_>>(),
            vec![Some(youtube[0].id)],
            "{url}"
        );
        store.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_and_metrics_report_the_database_and_the_scans() {
    let dir = common::tempdir("health");
    let reg = registry();
    for url in databases(&dir).await {
        let demo = DemoPlatform::start(population(&reg, 3)).await.unwrap();
        let mut base = Config::default();
        base.database.url = url.clone();
        let config = demo.config(&base);
        let store = Store::open(&url).await.unwrap();
        let notifier = Notifier::new(&config, &reg).unwrap();
        night(&store, &reg, &config, &notifier).await;

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(narisumashi::web::health::serve(listener, store.clone(), async {
            let _ = stopped.await;
        }));
        let http = reqwest::Client::new();
        let health = http.get(format!("http://{addr}/healthz")).send().await.unwrap();
        assert_eq!(health.status(), 200);
        let body: serde_json::Value = health.json().await.unwrap();
        assert_eq!(body["database"], "ok");
        let metrics = http.get(format!("http://{addr}/metrics")).send().await.unwrap();
        assert_eq!(metrics.status(), 200);
        assert!(
            metrics.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain; version=0.0.4")
        );
        let text = metrics.text().await.unwrap();
        let value = |line: &str| -> f64 {
            text.lines()
                .find_map(|l| l.strip_prefix(line)?.strip_prefix(' ')?.parse().ok())
                .unwrap_or_else(|| panic!("{line} missing from\n{text}"))
        };
        assert_eq!(value("narisumashi_scans_total{status=\"finished\"}"), 1.0);
        let new = store.suspects(&SuspectFilter::default()).await.unwrap().len() as f64;
        assert_eq!(value("narisumashi_suspects{status=\"new\"}"), new);
        assert!(value("narisumashi_source_requests_total{source=\"x\",outcome=\"found\"}") > 0.0);
        assert_eq!(value("narisumashi_source_degraded{source=\"youtube\"}"), 0.0);
        assert_eq!(value("narisumashi_last_scan_success"), 1.0);
        assert_eq!(value("narisumashi_database_up"), 1.0);
        // Every sample line belongs to a family declared with HELP and TYPE.
        for l in text.lines().filter(|l| !l.starts_with('#')) {
            let name = l.split(['{', ' ']).next().unwrap();
            assert!(text.contains(&format!("# TYPE {name} ")), "{name} has no TYPE");
        }

        // The database goes away: /healthz says so.
        store.close().await;
        let health = http.get(format!("http://{addr}/healthz")).send().await.unwrap();
        assert_eq!(health.status(), 503);
        let metrics = http.get(format!("http://{addr}/metrics")).send().await.unwrap();
        assert_eq!(metrics.status(), 503);
        assert!(metrics.text().await.unwrap().contains("narisumashi_database_up 0"));
        let _ = stop.send(());
        server.await.unwrap().unwrap();
    }
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_narisumashi")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn doctor_checks_the_installation_and_runs_the_self_tests() {
    let dir = common::tempdir("doctor");
    let reg = registry();
    let demo = DemoPlatform::start(population(&reg, 3)).await.unwrap();
    let db = dir.join("doctor.db");
    let config = dir.join("narisumashi.toml");
    std::fs::write(&config, demo.config_toml(&db.display().to_string())).unwrap();
    let doctor = |extra: &[&str]| {
        let mut args: Vec<String> = vec!["doctor".into(), "--config".into(), config.display().to_string()];
        args.extend(extra.iter().map(|s| s.to_string()));
        async move {
            let out = tokio::task::spawn_blocking(move || {
                std::process::Command::new(binary())
                    .args(&args)
                    .current_dir(env!("CARGO_MANIFEST_DIR"))
                    .output()
                    .unwrap()
            })
            .await
            .unwrap();
            (out.status.code(), String::from_utf8_lossy(&out.stdout).to_string())
        }
    };
    // A new installation: the database does not exist yet (a warning), everything else works.
    let (code, out) = doctor(&[]).await;
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("does not exist yet"), "{out}");
    for p in ["X", "YouTube", "Instagram", "Facebook", "LINE"] {
        assert!(
            out.lines()
                .any(|l| l.starts_with("ok") && l.contains("self-test") && l.contains(&format!("{p}: "))),
            "{p}: {out}"
        );
    }
    assert!(out.contains("no recipients"), "{out}");
    // YouTube changes its format: doctor fails, naming it and what to do.
    demo.set_new_format(Platform::Youtube, true);
    let (code, out) = doctor(&[]).await;
    assert_eq!(code, Some(1), "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("ERROR") && l.contains("YouTube"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("not found"), "{line}");
    assert!(out.contains("changed its format"), "{out}");
    // Offline: no network checks; a broken template is an error with its name.
    let templates = dir.join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("notice.ja.j2"), "{% if %}").unwrap();
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str(&format!(
        "\n[drafts]\ntemplates = {:?}\n",
        templates.display().to_string()
    ));
    std::fs::write(&config, text).unwrap();
    let (code, out) = doctor(&["--offline"]).await;
    assert_eq!(code, Some(1), "{out}");
    assert!(!out.contains("self-test"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("ERROR") && l.contains("templates") && l.contains("notice")),
        "{out}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notify_preview_and_test_from_the_command_line() {
    let dir = common::tempdir("notify-cli");
    let reg = registry();
    let url = format!("sqlite://{}/n.db", dir.display());
    let s = setup(&reg, &url, 3).await;
    night(
        &s.store,
        &reg,
        &s.config,
        &Notifier::new(&Config::default(), &reg).unwrap(),
    )
    .await;
    s.store.close().await;
    let toml = format!(
        "{}\n[web]\npublic_url = {PUBLIC_URL:?}\n\n[notify]\nattempts = 1\n\n[notify.smtp]\nhost = \"127.0.0.1\"\nport = {}\n\
         username = \"narisumashi\"\npassword = \"s3cret\"\nfrom = \"なりすまし監視 <narisumashi@example.lg.jp>\"\nca_file = {:?}\n\n\
         [notify.org.\"bunkyo-ward\"]\nemail = [{BUNKYO_MAIL:?}]\nwebhook = [{:?}]\n",
        s.demo.config_toml(&url),
        s.smtp.addr.port(),
        SmtpServer::ca_file().display().to_string(),
        s.hooks.url
    );
    let config = dir.join("narisumashi.toml");
    std::fs::write(&config, toml).unwrap();
    let run = |args: &[&str], env: Option<(&str, &str)>| {
        let mut cmd = std::process::Command::new(binary());
        cmd.args(args)
            .arg("--config")
            .arg(&config)
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        async move {
            let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
                .await
                .unwrap();
            (out.status.code(), String::from_utf8_lossy(&out.stdout).to_string())
        }
    };
    let (code, out) = run(&["notify", "preview", "--org", "bunkyo-ward"], None).await;
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.starts_with("Subject: 【なりすまし監視】文京区：新たな疑い "),
        "{out}"
    );
    assert!(out.contains(&format!("確認: {PUBLIC_URL}/suspects/")), "{out}");
    assert_eq!(s.smtp.messages().len(), 0, "a preview sends nothing");

    let (code, out) = run(&["notify", "test"], None).await;
    assert_eq!(code, Some(0), "{out}");
    let mails = s.smtp.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(mails[0].subject, "【なりすまし監視】テスト送信");
    assert_eq!(mails[0].rcpt_to, [BUNKYO_MAIL]);
    assert_eq!(s.hooks.bodies()[0]["kind"], "test");
    // A wrong password (from the environment, which overrides the file) is reported.
    let (code, out) = run(&["notify", "test"], Some(("NARISUMASHI_SMTP_PASSWORD", "wrong"))).await;
    assert_eq!(code, Some(1), "{out}");
    let failed = out
        .lines()
        .find(|l| l.starts_with("FAILED"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(failed.contains(BUNKYO_MAIL) && failed.contains("535"), "{failed}");
}
