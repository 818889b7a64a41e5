//! Unit tests of the parent module.

use super::*;

#[test]
fn the_database_is_found_from_the_configuration_or_the_data_directory() {
    let dir = Path::new("/etc/narisumashi");
    assert_eq!(beside("narisumashi.db", dir), "/etc/narisumashi/narisumashi.db");
    assert_eq!(
        beside("sqlite://data/n.db?mode=rw", dir),
        "sqlite:///etc/narisumashi/data/n.db?mode=rw"
    );
    assert_eq!(beside("sqlite:n.db", dir), "sqlite:/etc/narisumashi/n.db");
    for kept in [
        "/var/lib/n.db",
        "sqlite:///var/lib/n.db",
        "postgres://u:p@h/db",
        "sqlite::memory:",
    ] {
        assert_eq!(beside(kept, dir), kept);
    }
    assert_eq!(beside("n.db", Path::new("")), "n.db");
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| std::ffi::OsString::from(v))
        }
    };
    assert_eq!(
        default_database(env(&[("XDG_DATA_HOME", "/d"), ("HOME", "/h")])),
        "/d/narisumashi/narisumashi.db"
    );
    assert_eq!(
        default_database(env(&[("XDG_DATA_HOME", "rel"), ("HOME", "/h")])),
        "/h/.local/share/narisumashi/narisumashi.db"
    );
    assert_eq!(default_database(env(&[])), "narisumashi.db");
}

#[test]
fn example_file_parses_and_env_overrides_secrets() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/narisumashi.example.toml")).expect("example");
    let mut c: Config = toml::from_str(&text).expect("example parses");
    assert!(!c.pages.instagram && !c.pages.facebook, "page fetching is opt-in");
    c.apply_env(|k| (k == ENV_X_BEARER).then(|| "from-env".to_string()));
    assert_eq!(c.x.bearer_token.as_deref(), Some("from-env"));
}

/// Every field of every configuration struct appears as a key (set, or commented out) in
/// the section of `narisumashi.example.toml` that holds it, and the commented-out keys,
/// once uncommented, are still a valid configuration: the example documents every key.
#[test]
fn the_example_documents_every_key() {
    let example =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/narisumashi.example.toml")).expect("example");
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/config.rs")).expect("source");
    // Each struct and the section it is read from (a quoted name stands for any).
    let sections = [
        ("Contact", "contact"),
        ("Crawl", "crawl"),
        ("HostConfig", "crawl.hosts.\"api.x.com\""),
        ("XConfig", "x"),
        ("YouTubeConfig", "youtube"),
        ("BlueskyConfig", "bluesky"),
        ("MastodonConfig", "mastodon"),
        ("InstagramConfig", "instagram"),
        ("PagesConfig", "pages"),
        ("DatabaseConfig", "database"),
        ("ScanConfig", "scan"),
        ("WebConfig", "web"),
        ("RetentionConfig", "retention"),
        ("HealthConfig", "health"),
        ("NotifyConfig", "notify"),
        ("SmtpConfig", "notify.smtp"),
        ("Recipients", "notify.org.\"bunkyo-ward\""),
        ("DraftsConfig", "drafts"),
        ("ReporterConfig", "drafts.reporter.\"bunkyo-ward\""),
    ];
    // The example's keys by section, commented-out ones included.
    let mut keys: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    let mut section = String::new();
    for line in example.lines() {
        let l = line.trim_start_matches('#').trim();
        if let Some(name) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            section = name.to_string();
        } else if let Some((k, _)) = l.split_once(" = ").filter(|(k, _)| !k.contains(' ')) {
            keys.entry(section.clone()).or_default().push(k.to_string());
        }
    }
    let mut missing = Vec::new();
    for (name, section) in sections {
        let start = source
            .find(&format!("pub struct {name} {{"))
            .unwrap_or_else(|| panic!("struct {name}"));
        let body = &source[start..start + source[start..].find("\n}").expect("end")];
        for line in body.lines().map(str::trim) {
            let Some((field, _)) = line.strip_prefix("pub ").and_then(|l| l.split_once(':')) else {
                continue;
            };
            // Sub-tables are sections of their own.
            if matches!(field, "hosts" | "smtp" | "org" | "reporter") || sections.iter().any(|(_, s)| *s == field) {
                continue;
            }
            if !keys.get(section).is_some_and(|k| k.iter().any(|k| k == field)) {
                missing.push(format!("[{section}] {field}"));
            }
        }
    }
    assert!(missing.is_empty(), "not in narisumashi.example.toml: {missing:?}");
    let uncommented: String = example
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.starts_with('[') || rest.split_once(" = ").is_some_and(|(k, _)| !k.contains(' ')) => {
                rest
            }
            _ => l,
        })
        .map(|l| format!("{l}\n"))
        .collect();
    toml::from_str::<Config>(&uncommented).expect("the example with every key uncommented parses");
}

#[test]
fn unknown_keys_are_errors() {
    assert!(toml::from_str::<Config>("[crawl]\nrequest_per_second = 3\n").is_err());
}

#[test]
fn trusted_proxies_are_addresses_or_networks_and_anything_else_is_refused() {
    let c: Config = toml::from_str("[web]\ntrusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\", \" ::1 \"]\n")
        .expect("addresses and networks");
    let nets: Vec<String> = c.web.trusted_proxies.iter().map(|n| n.to_string()).collect();
    assert_eq!(nets, ["127.0.0.1/32", "10.0.0.0/8", "::1/128"]);
    assert!(Config::default().web.trusted_proxies.is_empty());
    let err = toml::from_str::<Config>("[web]\ntrusted_proxies = [\"proxy.example\"]\n")
        .expect_err("a name is not an address")
        .to_string();
    assert!(
        err.contains("\"proxy.example\" is not an address or a network"),
        "{err}"
    );
}
