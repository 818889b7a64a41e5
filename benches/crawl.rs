//! Crawl throughput: profiles looked up and avatars downloaded, decoded and hashed per second,
//! from a mock Bluesky AppView and CDN on 127.0.0.1, with politeness limits lifted, on the
//! machine's cores. 256 distinct pictures per iteration and a fresh avatar cache, so every
//! picture is really decoded.
//!
//! Run with `cargo bench --bench crawl`; figures go into README.md with the machine.

#![allow(missing_docs)]

use std::hint::black_box;
use std::io::Cursor;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use narisumashi::crawl::avatar::AvatarFetcher;
use narisumashi::crawl::ratelimit::HostLimits;
use narisumashi::crawl::sources::bluesky::Bluesky;
use narisumashi::crawl::sources::{AccountRef, Source};
use narisumashi::crawl::{FetchConfig, FetchOutcome, Fetcher};
use narisumashi::matching::AvatarLimits;

const PROFILES: usize = 256;

fn picture(i: usize) -> Vec<u8> {
    let img = RgbImage::from_fn(200, 200, |x, y| {
        let band = ((x as usize * (i % 7 + 1) + y as usize * (i / 7 % 5 + 1)) / 23) % 3;
        [
            Rgb([200, 40, (i * 37 % 255) as u8]),
            Rgb([30, (i * 11 % 255) as u8, 160]),
            Rgb([240, 240, 240]),
        ][band]
    });
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img)
        .write_to(&mut out, ImageFormat::Png)
        .expect("encode");
    out.into_inner()
}

#[derive(Clone)]
struct Mock {
    base: String,
    pictures: Arc<Vec<Vec<u8>>>,
}

async fn start() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let mock = Mock {
        base: base.clone(),
        pictures: Arc::new((0..PROFILES).map(picture).collect()),
    };
    let app = Router::new()
        .route(
            "/xrpc/app.bsky.actor.getProfile",
            get(|State(m): State<Mock>, Query(q): Query<std::collections::HashMap<String, String>>| async move {
                let actor = q.get("actor").cloned().unwrap_or_default();
                let i: usize = actor.trim_start_matches("user").split('.').next().and_then(|n| n.parse().ok()).unwrap_or(0);
                let body = format!(
                    r#"{{"did":"did:plc:{i:024}","handle":"{actor}","displayName":"ハローワーク{i}","description":"profile {i}","avatar":"{}/avatars/{i}.png"}}"#,
                    m.base
                );
                ([(header::CONTENT_TYPE, "application/json")], body).into_response()
            }),
        )
        .route(
            "/avatars/{file}",
            get(|State(m): State<Mock>, Path(file): Path<String>| async move {
                let i: usize = file.trim_end_matches(".png").parse().unwrap_or(0);
                ([(header::CONTENT_TYPE, "image/png")], m.pictures[i % PROFILES].clone()).into_response()
            }),
        )
        .with_state(mock);
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    base
}

async fn crawl_all(source: Arc<Bluesky>, avatars: Arc<AvatarFetcher>) -> usize {
    let mut set = tokio::task::JoinSet::new();
    for i in 0..PROFILES {
        let (source, avatars) = (source.clone(), avatars.clone());
        set.spawn(async move {
            let account = AccountRef::Handle(format!("user{i}.bsky.social"));
            match source.lookup(&account).await {
                FetchOutcome::Found(p) => match p.avatar_url {
                    Some(u) => avatars.fetch(&u).await.map(|a| a.hash.is_ok()).unwrap_or(false),
                    None => false,
                },
                _ => false,
            }
        });
    }
    let mut ok = 0;
    while let Some(r) = set.join_next().await {
        ok += usize::from(r.unwrap_or(false));
    }
    ok
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let base = rt.block_on(start());
    let fetcher = Arc::new(
        Fetcher::new(FetchConfig {
            allowed_hosts: vec!["127.0.0.1".into()],
            host_limits: HostLimits {
                min_interval: Duration::ZERO,
                max_concurrent: 32,
            },
            ..FetchConfig::default()
        })
        .expect("client"),
    );
    let source = Arc::new(Bluesky::new(fetcher.clone(), Some(base)));
    let mut g = c.benchmark_group("crawl");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Elements(PROFILES as u64));
    g.bench_function("bluesky-profile+avatar/256", |b| {
        b.iter(|| {
            let avatars = Arc::new(AvatarFetcher::new(fetcher.clone(), AvatarLimits::default()));
            let ok = rt.block_on(crawl_all(source.clone(), avatars));
            assert_eq!(ok, PROFILES, "every profile fetched and hashed");
            black_box(ok)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
