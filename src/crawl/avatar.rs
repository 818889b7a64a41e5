//! Avatars from the network: downloaded through the shared client with their own size cap,
//! decoded with the matcher's limits off the async threads, fingerprinted once and cached
//! by content hash (sha256), so the same picture is never decoded twice however many URLs
//! (signed, expiring CDN URLs change every run) point at it; and a picture already stored
//! with its fingerprint (a genuine account's, a suspect's) is not decoded again.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::{Fetcher, RequestKind};
use crate::digest::sha256_hex;
use crate::matching::{AvatarHash, AvatarLimits, hash_avatar};

/// A fetched avatar: its bytes (evidence), their sha256, and the fingerprint or why none.
#[derive(Debug, Clone)]
pub struct FetchedAvatar {
    /// Lower-case hex sha256 of the bytes.
    pub sha256: String,
    /// The picture as downloaded (stored as evidence by the scan).
    pub bytes: Arc<Vec<u8>>,
    /// The fingerprint, or why the picture could not be used.
    pub hash: Result<AvatarHash, String>,
}

/// Downloads and fingerprints avatars, caching fingerprints by content hash.
pub struct AvatarFetcher {
    fetcher: Arc<Fetcher>,
    limits: AvatarLimits,
    cache: Mutex<HashMap<String, Result<AvatarHash, String>>>,
    decoded: AtomicUsize,
}

impl AvatarFetcher {
    /// A fetcher with the given decoding limits (its size cap is `limits.max_bytes`).
    pub fn new(fetcher: Arc<Fetcher>, limits: AvatarLimits) -> AvatarFetcher {
        AvatarFetcher {
            fetcher,
            limits,
            cache: Mutex::new(HashMap::new()),
            decoded: AtomicUsize::new(0),
        }
    }

    /// How many pictures were actually decoded (the rest came from the cache).
    pub fn decoded(&self) -> usize {
        self.decoded.load(Ordering::Relaxed)
    }

    /// Fingerprints bytes already in hand, through the cache.
    pub async fn fingerprint(&self, bytes: Arc<Vec<u8>>) -> FetchedAvatar {
        self.fingerprint_known(bytes, None).await
    }

    /// Fingerprints bytes, through the cache; `known` is a picture stored before (its sha256
    /// and its fingerprint's text form): bytes with that sha256 are not decoded again. A
    /// genuine account's or an open suspect's picture seldom changes between nights, and
    /// whichever worker meets it, its fingerprint is then read from the database's row.
    pub async fn fingerprint_known(&self, bytes: Arc<Vec<u8>>, known: Option<(&str, &str)>) -> FetchedAvatar {
        let sha256 = sha256_hex(&bytes);
        let stored = known
            .filter(|(sha, _)| *sha == sha256)
            .and_then(|(_, text)| AvatarHash::decode_current(text));
        let cached = stored.map(Ok).or_else(|| {
            self.cache
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&sha256)
                .cloned()
        });
        let hash = match cached {
            Some(h) => h,
            None => {
                let limits = self.limits;
                let data = bytes.clone();
                self.decoded.fetch_add(1, Ordering::Relaxed);
                // Decoding is CPU work: keep it off the async threads.
                let h = tokio::task::spawn_blocking(move || hash_avatar(&data, &limits).map_err(|e| e.to_string()))
                    .await
                    .unwrap_or_else(|e| Err(format!("avatar decoding stopped: {e}")));
                self.cache
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(sha256.clone(), h.clone());
                h
            }
        };
        FetchedAvatar { sha256, bytes, hash }
    }

    /// Downloads an avatar URL (guarded, polite, capped) and fingerprints it.
    pub async fn fetch(&self, url: &str) -> Result<FetchedAvatar, String> {
        self.fetch_known(url, None).await
    }

    /// [`AvatarFetcher::fetch`], with a picture stored before (see
    /// [`AvatarFetcher::fingerprint_known`]).
    pub async fn fetch_known(&self, url: &str, known: Option<(&str, &str)>) -> Result<FetchedAvatar, String> {
        let f = self
            .fetcher
            .get_limited(
                url,
                RequestKind::Api,
                &[(
                    "accept",
                    "image/avif,image/webp,image/png,image/jpeg,image/gif,*/*;q=0.5",
                )],
                self.limits.max_bytes,
            )
            .await
            .map_err(|e| format!("avatar {url}: {e}"))?;
        if f.status != 200 {
            return Err(format!("avatar {url}: HTTP {}", f.status));
        }
        Ok(self.fingerprint_known(Arc::new(f.body), known).await)
    }
}
