//! The review UI in a real headless Chromium (Debian's chromium and chromium-driver, which
//! scripts/test.sh installs), driven over WebDriver: log in, open the queue and a suspect,
//! dismiss one, confirm one, generate and download a notice; hostile display names show as
//! text and run nothing. Screenshots of the queue and the suspect page (laptop and phone
//! widths) are written to target/screenshots/ for people to look at.
//!
//! `NARISUMASHI_SKIP_BROWSER=1` skips it where Chromium cannot be installed.
#![allow(clippy::unwrap_used)]

use crate::common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::web::{PASSWORD, fixture};
use fantoccini::{ClientBuilder, Locator};
use serde_json::json;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start_driver() -> (Driver, String) {
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts (apt-get install chromium chromium-driver, as scripts/test.sh does)");
    let driver = Driver(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not listen on {port}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (driver, format!("http://127.0.0.1:{port}"))
}

/// A headless Chromium session with its own profile directory, window size and preferences.
async fn session(
    webdriver: &str,
    profile: &std::path::Path,
    size: &str,
    prefs: serde_json::Value,
) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--disable-quic", format!("--window-size={size}"), "--lang=ja",
                     format!("--user-data-dir={}", profile.display())],
            "prefs": prefs,
        }),
    );
    ClientBuilder::rustls()
        .unwrap()
        .capabilities(caps)
        .connect(webdriver)
        .await
        .expect("a WebDriver session in Chromium")
}

fn screenshots() -> std::path::PathBuf {
    let d = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&d).unwrap();
    d
}

async fn wait_for_file(dir: &std::path::Path, ext: &str) -> std::path::PathBuf {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(p) = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == ext))
        {
            // Chromium may show the file under its name before it has written all of it:
            // wait until it has a size that holds between two looks.
            let size = |p: &std::path::Path| std::fs::metadata(p).map_or(0, |m| m.len());
            let before = size(&p);
            tokio::time::sleep(Duration::from_millis(200)).await;
            if before > 0 && size(&p) == before {
                return p;
            }
            assert!(
                Instant::now() < deadline,
                "the .{ext} download never finished: {}",
                p.display()
            );
            continue;
        }
        assert!(Instant::now() < deadline, "no .{ext} download in {}", dir.display());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_review_in_a_real_browser() {
    if std::env::var("NARISUMASHI_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("skipped: NARISUMASHI_SKIP_BROWSER=1");
        return;
    }
    assert!(
        std::path::Path::new(CHROMEDRIVER).exists() && std::path::Path::new(CHROMIUM).exists(),
        "Chromium and ChromeDriver are needed: run scripts/test.sh (it installs them), or set NARISUMASHI_SKIP_BROWSER=1"
    );
    let dir = common::tempdir("browser");
    let url = format!("sqlite://{}/ui.db", dir.display());
    let f = fixture(&url).await;
    // Two impostors whose names are markup.
    let hostile = [
        (f.own_suspects[2], "<img src=x onerror=alert(1)>"),
        (f.own_suspects[3], "<script>alert(2)</script>【公式】"),
    ];
    for (id, name) in hostile {
        sqlx::query("UPDATE suspects SET display_name = $1 WHERE id = $2")
            .bind(name)
            .bind(id)
            .execute(f.store.pool())
            .await
            .unwrap();
    }
    let downloads = dir.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let profile = dir.join("chromium-profile");

    // reqwest and fantoccini bring two TLS providers; the WebDriver connection is plain
    // HTTP on loopback, but rustls still wants one chosen.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let (_driver, webdriver) = start_driver().await;
    let c = session(
        &webdriver,
        &profile,
        "1280,1000",
        json!({
            "download.default_directory": downloads.display().to_string(),
            "download.prompt_for_download": false,
        }),
    )
    .await;
    let base = f.base.clone();
    let shots = screenshots();

    // Log in: the queue sends an anonymous visitor to the login page first.
    c.goto(&format!("{base}/suspects")).await.unwrap();
    assert_eq!(c.current_url().await.unwrap().path(), "/login");
    c.find(Locator::Id("username"))
        .await
        .unwrap()
        .send_keys("reviewer")
        .await
        .unwrap();
    c.find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys(PASSWORD)
        .await
        .unwrap();
    c.find(Locator::Css("#login button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait().for_element(Locator::Id("queue")).await.unwrap();
    assert_eq!(c.current_url().await.unwrap().path(), "/suspects");
    let rows = c.find_all(Locator::Css("#queue tr.suspect")).await.unwrap();
    assert!(rows.len() >= 4, "{} rows", rows.len());
    std::fs::write(shots.join("queue.png"), c.screenshot().await.unwrap()).unwrap();

    // Open a suspect from the queue.
    let first = f.own_suspects[0];
    c.find(Locator::Css(&format!("a.suspect-link[href='/suspects/{first}']")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait().for_element(Locator::Id("compare")).await.unwrap();
    assert!(
        c.find(Locator::Css(".side.genuine img")).await.is_ok(),
        "the genuine avatar is shown"
    );
    c.set_window_size(1280, 2200).await.unwrap();
    std::fs::write(shots.join("suspect.png"), c.screenshot().await.unwrap()).unwrap();
    c.set_window_size(390, 2600).await.unwrap();
    std::fs::write(shots.join("suspect-phone.png"), c.screenshot().await.unwrap()).unwrap();
    c.set_window_size(1280, 1000).await.unwrap();

    // Dismiss it, with a reason.
    c.find(Locator::Id("reason"))
        .await
        .unwrap()
        .send_keys("同名の民間団体（確認済み）")
        .await
        .unwrap();
    c.find(Locator::Css("#dismiss button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait().for_element(Locator::Id("flash")).await.unwrap();
    let row = f.store.suspect(first).await.unwrap().unwrap();
    assert_eq!(
        (row.status.as_str(), row.status_note.as_deref()),
        ("dismissed", Some("同名の民間団体（確認済み）"))
    );

    // Confirm another.
    let second = f.own_suspects[1];
    c.goto(&format!("{base}/suspects/{second}")).await.unwrap();
    c.find(Locator::Css("#confirm button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait().for_element(Locator::Id("flash")).await.unwrap();
    assert_eq!(
        f.store.suspect(second).await.unwrap().unwrap().status.as_str(),
        "confirmed"
    );
    let status = c.find(Locator::Id("status")).await.unwrap().text().await.unwrap();
    assert_eq!(status, "なりすまし確定");

    // Generate a notice only, and download it as Word.
    for checkbox in c
        .find_all(Locator::Css("#generate-drafts input[type=checkbox]"))
        .await
        .unwrap()
    {
        let value = checkbox.attr("value").await.unwrap().unwrap_or_default();
        let checked = checkbox.prop("checked").await.unwrap().as_deref() == Some("true");
        if (value == "notice") != checked {
            checkbox.click().await.unwrap();
        }
    }
    c.find(Locator::Css("#generate-drafts button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait().for_element(Locator::Css("a.draft-link")).await.unwrap();
    let drafts = f.store.drafts_for(second).await.unwrap();
    assert_eq!(
        drafts.iter().map(|d| d.kind.as_str()).collect::<Vec<_>>(),
        vec!["notice"]
    );
    c.find(Locator::Css("a.download[data-format=docx]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let file = wait_for_file(&downloads, "docx").await;
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"PK"), "{}", file.display());
    assert!(
        file.file_name().unwrap().to_string_lossy().contains("notice"),
        "{}",
        file.display()
    );

    // Hostile names are text: nothing runs, no element is made from them.
    for (id, name) in hostile {
        c.goto(&format!("{base}/suspects/{id}")).await.unwrap();
        let shown = c.find(Locator::Id("suspect-name")).await.unwrap();
        assert!(shown.text().await.unwrap().contains(name), "#{id}");
        let made = c
            .execute(
                "return document.querySelectorAll('#suspect-name img, #suspect-name script, main img[src=\"x\"]').length",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(made, json!(0), "#{id}");
        assert!(c.get_alert_text().await.is_err(), "#{id}: an alert opened");
    }
    c.goto(&format!("{base}/suspects?status=all")).await.unwrap();
    assert!(c.get_alert_text().await.is_err(), "the queue opened an alert");
    let body = c.find(Locator::Id("queue")).await.unwrap().text().await.unwrap();
    assert!(body.contains("<img src=x onerror=alert(1)>") && body.contains("<script>alert(2)</script>"));
    c.close().await.unwrap();

    // The public check, with JavaScript turned off: a citizen pastes a URL and reads the
    // answer; markup typed into it stays text.
    let c = session(
        &webdriver,
        &dir.join("chromium-nojs"),
        "412,900",
        json!({"profile.managed_default_content_settings.javascript": 2}),
    )
    .await;
    let ask = |q: &'static str| {
        let (c, base) = (c.clone(), base.clone());
        async move {
            c.goto(&format!("{base}/check")).await.unwrap();
            c.find(Locator::Id("q")).await.unwrap().send_keys(q).await.unwrap();
            let submit = c.find(Locator::Css("#check button[type=submit]")).await.unwrap();
            submit.click().await.unwrap();
            // The click returns before the answer's page has loaded.
            c.wait().for_element(Locator::Id("answer")).await.unwrap();
        }
    };
    ask("https://x.com/HW_Sapporo").await;
    let headline = c.find(Locator::Id("headline")).await.unwrap().text().await.unwrap();
    assert!(headline.contains("公式アカウントです"), "{headline}");
    std::fs::write(screenshots().join("check-phone.png"), c.screenshot().await.unwrap()).unwrap();
    for hostile in ["<img src=x onerror=alert(1)>", "<script>alert(3)</script>"] {
        ask(hostile).await;
        let answer = c.find(Locator::Id("answer")).await.unwrap().text().await.unwrap();
        assert!(!answer.is_empty(), "{hostile}: an answer is shown");
        assert!(
            c.find_all(Locator::Css("main img, main script"))
                .await
                .unwrap()
                .is_empty(),
            "{hostile}"
        );
        let kept = c.find(Locator::Id("q")).await.unwrap().prop("value").await.unwrap();
        assert_eq!(
            kept.as_deref(),
            Some(hostile),
            "the input is given back as typed, as text"
        );
        assert!(c.get_alert_text().await.is_err(), "{hostile}: an alert opened");
    }
    c.close().await.unwrap();
}
