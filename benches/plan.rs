//! The nightly plan within the default quotas, for a registry of 10,000 genuine accounts
//! (synthetic, 1,000 organisations), with the YouTube key and the body's Instagram account
//! configured and 500 open suspects: how many accounts each quota-bound platform discovers a
//! night, in how many nights every account is covered, and what planning costs. Sizes:
//! `NARISUMASHI_BENCH_GENUINE` (10000).
//!
//! Run with `cargo bench --bench plan`; under `cargo test` it runs once at 200 accounts.

#![allow(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark: a failure is a failed run

use std::time::Instant;

use narisumashi::config::Config;
use narisumashi::discover::Plan;
use narisumashi::matching::Genuine;
use narisumashi::platform::Platform;
use narisumashi::registry::Registry;
use narisumashi::synthetic::registry_files;

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let genuine: usize = std::env::var("NARISUMASHI_BENCH_GENUINE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if bench { 10_000 } else { 200 });
    let reg = Registry::from_sources("synthetic", registry_files(genuine, 2026)).expect("synthetic registry");
    let accounts = Genuine::from_registry(&reg);
    let mut config = Config::default();
    config.youtube.api_key = Some("configured".into());
    config.instagram.ig_user_id = Some("configured".into());
    config.instagram.access_token = Some("configured".into());
    let open = [(Platform::Youtube, 250), (Platform::Instagram, 250)];
    let started = Instant::now();
    let plan = Plan::new(&accounts, &Platform::ALL, &config, &open, 1);
    let planned = started.elapsed();
    println!(
        "plan benchmark: {} genuine accounts, default quotas (YouTube {} units, Instagram {} calls a night), 500 open suspects; planned in {:.1} ms",
        accounts.len(),
        config.youtube.quota_budget,
        narisumashi::config::INSTAGRAM_CALLS_PER_NIGHT,
        planned.as_secs_f64() * 1e3
    );
    print!("{}", plan.describe());
    for p in &plan.platforms {
        assert!(p.nights >= 1, "{:?} never covers", p.platform);
        assert!(p.fixed + p.per_night as u64 * p.per_account <= p.budget);
    }
}
