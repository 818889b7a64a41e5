//! The registry as people use it: every account of the seeds, every published URL
//! canonicalised, `registry check` naming file and line for what is odd (and fixing nothing),
//! `registry list` as a table and as JSON, and the copy built into the binary.

use std::path::Path;
use std::process::Command;

use narisumashi::Platform;
use narisumashi::registry::{Registry, Severity, check::check, parse_profile_url};

fn seeds() -> Registry {
    Registry::load_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))).expect("seeds load")
}

fn narisumashi(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_narisumashi"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("run")
}

#[test]
fn every_listed_account_is_in_the_registry() {
    let r = seeds();
    let count = |id: &str| r.organisation(id).map(|o| o.accounts.len());
    assert_eq!(count("hokkaido-labour-bureau"), Some(18));
    assert_eq!(count("kagoshima-labour-bureau"), Some(16));
    assert_eq!(count("bunkyo-ward"), Some(1));
    assert_eq!(count("kamitonda-town"), Some(0));
    let kamitonda = r.organisation("kamitonda-town").expect("kamitonda");
    assert_eq!(kamitonda.procedure.report_to, "総務課");
    assert_eq!(kamitonda.procedure.steps.len(), 5);
    for (org, a) in r.accounts() {
        assert!(
            !a.display_name.is_empty() && !a.department.is_empty(),
            "{}: {}",
            org.id,
            a.url
        );
        assert!(org.homepage.is_some(), "{}", org.id);
    }
}

#[test]
fn every_seed_url_canonicalises_except_the_published_typo() {
    let r = seeds();
    let mut canonical = std::collections::HashSet::new();
    for (_, a) in r.accounts() {
        match parse_profile_url(&a.url) {
            Ok(p) => {
                assert_eq!(p.platform, a.platform, "{}", a.url);
                assert!(p.canonical.starts_with("https://"), "{}", p.canonical);
                assert!(
                    !p.canonical.contains('?') || p.canonical.contains("profile.php?id="),
                    "{}",
                    p.canonical
                );
                assert!(
                    canonical.insert(p.canonical.clone()),
                    "two accounts share {}",
                    p.canonical
                );
                if let (Some(h), Some(ph)) = (&a.handle, &p.handle) {
                    assert_eq!(a.platform.handle_key(h), a.platform.handle_key(ph), "{}", a.url);
                }
            }
            Err(e) => assert_eq!(a.url, "https://kin.ee/T7nMfHh", "unexpected failure: {e}"),
        }
    }
    assert_eq!(canonical.len(), 34);
    // Published forms of one account meet.
    let forms = [
        ("https://twitter.com/HW_Sapporo", "http://x.com/HW_Sapporo/?lang=ja"),
        (
            "http://www.instagram.com/k.taisaku46/?hl=ja",
            "https://instagram.com/K.Taisaku46",
        ),
        (
            "https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg?view_as=subscriber",
            "https://m.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg/videos",
        ),
        (
            "https://liff.line.me/1645278921-kWRPP32q/?accountId=ogz4781d",
            "https://line.me/R/ti/p/@ogz4781d",
        ),
        (
            "https://www.facebook.com/札幌新卒応援ハローワーク-149635718569446/",
            "https://m.facebook.com/%E6%9C%AD%E5%B9%8C%E6%96%B0%E5%8D%92%E5%BF%9C%E6%8F%B4%E3%83%8F%E3%83%AD%E3%83%BC%E3%83%AF%E3%83%BC%E3%82%AF-149635718569446",
        ),
    ];
    for (a, b) in forms {
        let pa = parse_profile_url(a).expect(a);
        let pb = parse_profile_url(b).expect(b);
        assert_eq!(pa.canonical.to_lowercase(), pb.canonical.to_lowercase(), "{a} vs {b}");
    }
}

#[test]
fn check_reports_kin_ee_with_file_and_line_and_keeps_it() {
    let r = seeds();
    let findings = check(&r);
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/hokkaido-labour-bureau.toml"
    ))
    .expect("seed");
    let line = text
        .lines()
        .position(|l| l.starts_with("url = \"https://kin.ee/"))
        .expect("kin.ee line")
        + 1;
    let kin = findings
        .iter()
        .find(|f| f.message.contains("kin.ee"))
        .expect("kin.ee reported");
    assert_eq!(kin.severity, Severity::Warning);
    assert_eq!(kin.location.line, line);
    assert!(kin.location.file.ends_with("hokkaido-labour-bureau.toml"));
    assert!(
        kin.message.contains("lin.ee"),
        "suggests the LINE host: {}",
        kin.message
    );
    // Not silently fixed: the account keeps the published URL.
    assert!(
        r.accounts()
            .any(|(_, a)| a.url == "https://kin.ee/T7nMfHh" && a.platform == Platform::Line)
    );
    assert!(
        findings
            .iter()
            .any(|f| f.severity == Severity::Warning && f.message.contains("starts with @"))
    );
    assert!(!findings.iter().any(|f| f.severity == Severity::Error), "{findings:?}");

    let out = narisumashi(&["registry", "check"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "seeds/hokkaido-labour-bureau.toml:{line}: warning: URL https://kin.ee/T7nMfHh"
        )),
        "{stdout}"
    );
    assert_eq!(
        narisumashi(&["registry", "check", "--deny-warnings"]).status.code(),
        Some(1)
    );
}

#[test]
fn list_as_table_and_json() {
    let out = narisumashi(&["registry", "list"]);
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("@HW_Sapporo") && table.contains("上富田町") && table.contains("総務課"),
        "{table}"
    );

    let out = narisumashi(&[
        "registry",
        "list",
        "--json",
        "--org",
        "kagoshima-labour-bureau",
        "--platform",
        "youtube",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let orgs = v["organisations"].as_array().expect("organisations");
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0]["accounts"].as_array().expect("accounts").len(), 5);
    assert_eq!(
        orgs[0]["accounts"][0]["canonical_url"],
        "https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg"
    );

    let out = narisumashi(&["registry", "list", "--org", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bunkyo-ward"));
}

#[test]
fn built_in_copy_matches_the_seeds() {
    let disk = seeds();
    let built_in = Registry::embedded().expect("embedded");
    let key = |r: &Registry| {
        r.accounts()
            .map(|(o, a)| (o.id.clone(), a.url.clone(), a.display_name.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&disk), key(&built_in));
}
