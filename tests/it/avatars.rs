//! Avatars over HTTP from a mock CDN on 127.0.0.1: the same picture behind two signed URLs is
//! decoded once (content-hash cache); a decompression bomb, a file over the size cap, a
//! non-image and a redirect into the private network each fail with a reason, and the
//! caller goes on.

// Test code: a failed unwrap is a failed test, with its location.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use narisumashi::crawl::avatar::AvatarFetcher;
use narisumashi::crawl::ratelimit::HostLimits;
use narisumashi::crawl::{FetchConfig, Fetcher};
use narisumashi::matching::AvatarLimits;

fn file(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

async fn cdn() -> String {
    let logo = file("tests/corpus/avatars/img/g_sap_x.png");
    let bomb = file("tests/fixtures/avatar_bomb_100000x100000.png");
    let png = |b: Vec<u8>| move || async move { ([(header::CONTENT_TYPE, "image/png")], b).into_response() };
    let app = Router::new()
        .route("/v/t51/a.png", get(png(logo.clone())))
        .route("/v/t51/b.png", get(png(logo)))
        .route("/bomb.png", get(png(bomb)))
        .route("/huge.png", get(|| async { vec![0u8; 6 * 1024 * 1024] }))
        .route(
            "/page.png",
            get(|| async { "<html>Sorry, this page isn't available.</html>" }),
        )
        .route(
            "/redirect.png",
            get(|| async {
                (
                    StatusCode::FOUND,
                    [(header::LOCATION, "http://169.254.169.254/latest/meta-data/iam")],
                )
                    .into_response()
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base
}

#[tokio::test]
async fn avatars_are_fetched_capped_decoded_once_and_guarded() {
    let base = cdn().await;
    let fetcher = Arc::new(
        Fetcher::new(FetchConfig {
            allowed_hosts: vec!["127.0.0.1".into()],
            host_limits: HostLimits {
                min_interval: Duration::ZERO,
                max_concurrent: 4,
            },
            max_retries: 0,
            ..FetchConfig::default()
        })
        .unwrap(),
    );
    let avatars = AvatarFetcher::new(fetcher.clone(), AvatarLimits::default());

    let a = avatars.fetch(&format!("{base}/v/t51/a.png?oh=1&oe=2")).await.unwrap();
    let b = avatars.fetch(&format!("{base}/v/t51/b.png?oh=3&oe=4")).await.unwrap();
    assert_eq!(a.sha256, b.sha256);
    assert!(a.hash.is_ok() && a.hash == b.hash);
    assert_eq!(
        avatars.decoded(),
        1,
        "the second URL is the same picture: served from the cache"
    );

    // Another process (a worker, the next night) meeting a picture stored with its fingerprint
    // reads the fingerprint instead of decoding; other bytes, or a stored fingerprint of an
    // older form, are decoded.
    let stored = a.hash.as_ref().unwrap().encode();
    let other = AvatarFetcher::new(fetcher.clone(), AvatarLimits::default());
    let again = other
        .fetch_known(&format!("{base}/v/t51/a.png?oh=5&oe=6"), Some((&a.sha256, &stored)))
        .await
        .unwrap();
    assert_eq!(again.hash, a.hash);
    assert_eq!(other.decoded(), 0, "the stored fingerprint was used");
    let third = AvatarFetcher::new(fetcher.clone(), AvatarLimits::default());
    let changed = third
        .fetch_known(
            &format!("{base}/v/t51/a.png?oh=7&oe=8"),
            Some(("0".repeat(64).as_str(), &stored)),
        )
        .await
        .unwrap();
    assert_eq!(changed.hash, a.hash);
    assert_eq!(third.decoded(), 1, "a picture whose sha256 differs is decoded");
    let old_form = stored.replacen("fp3:", "fp2:", 1);
    let fourth = AvatarFetcher::new(fetcher.clone(), AvatarLimits::default());
    fourth
        .fetch_known(&format!("{base}/v/t51/a.png?oh=9&oe=10"), Some((&a.sha256, &old_form)))
        .await
        .unwrap();
    assert_eq!(fourth.decoded(), 1, "a fingerprint of an older form is computed again");

    let bomb = avatars.fetch(&format!("{base}/bomb.png")).await.unwrap();
    assert!(
        bomb.hash.as_ref().unwrap_err().contains("100000×100000"),
        "{:?}",
        bomb.hash
    );
    let huge = avatars.fetch(&format!("{base}/huge.png")).await.unwrap_err();
    assert!(huge.contains("larger than 5242880 bytes"), "{huge}");
    let page = avatars.fetch(&format!("{base}/page.png")).await.unwrap();
    assert!(
        page.hash.as_ref().unwrap_err().contains("not a supported image"),
        "{:?}",
        page.hash
    );
    let redirect = avatars.fetch(&format!("{base}/redirect.png")).await.unwrap_err();
    assert!(
        redirect.contains("refused") && redirect.contains("169.254.169.254"),
        "{redirect}"
    );
}
