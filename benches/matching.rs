//! Matcher throughput: candidate profiles judged per second, text only and with pictures,
//! against the seed registry (35 accounts) and a synthetic registry of 10,000 accounts; the
//! cost of fingerprinting a picture beside the cost of decoding it alone (a 400 px logo and a
//! 4096 px PNG); and the cost of loading and indexing a registry.
//!
//! Run with `cargo bench --bench matching`; figures go into README.md with the machine.

#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use narisumashi::matching::avatar::{decode_avatar, fingerprint};
use narisumashi::matching::{AvatarEvidence, AvatarLimits, Candidate, Genuine, Matcher, hash_avatar};
use narisumashi::offline::{self, AvatarLoader};
use narisumashi::registry::Registry;
use narisumashi::synthetic;

fn candidates(path: &str, loader: Option<&mut AvatarLoader>) -> Vec<Candidate> {
    let path = Path::new(path);
    let base = path.parent().expect("corpus folder").to_path_buf();
    let mut loader = loader;
    offline::read_profiles(path)
        .expect("corpus readable")
        .into_iter()
        .filter_map(|l| l.record.ok())
        .map(|r| {
            let avatar = match loader.as_deref_mut() {
                Some(l) => l.evidence(r.avatar.as_deref(), &base),
                None => AvatarEvidence::None,
            };
            offline::candidate_from_record(&r, avatar)
        })
        .collect()
}

fn seeds() -> Vec<Genuine> {
    Genuine::from_registry(&Registry::load_dir(Path::new("seeds")).expect("seeds load"))
}

fn with_synthetic(mut genuine: Vec<Genuine>, total: usize) -> Vec<Genuine> {
    let extra = total.saturating_sub(genuine.len());
    genuine.extend(synthetic::registry(extra, 42));
    genuine
}

fn with_synthetic_pictures(mut genuine: Vec<Genuine>, total: usize) -> Vec<Genuine> {
    let extra = total.saturating_sub(genuine.len());
    genuine.extend(synthetic::registry_with_avatars(extra, 42));
    genuine
}

/// A 4096×4096 PNG (the largest picture the limits allow): a logo drawn large.
fn huge_png() -> Vec<u8> {
    let small = narisumashi::demo::avatars::emblem(7);
    let big = image::imageops::resize(&small, 4096, 4096, image::imageops::FilterType::Nearest);
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(big)
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("encode");
    out.into_inner()
}

fn judge_all(m: &Matcher, cands: &[Candidate]) -> usize {
    cands.iter().map(|c| m.judge(c).compared).sum()
}

fn bench(c: &mut Criterion) {
    let text = candidates("tests/corpus/candidates.jsonl", None);
    let mut loader = AvatarLoader::new(AvatarLimits::default());
    let (avatar_genuine, _) =
        offline::load_genuine_file(Path::new("tests/corpus/avatars/genuine.jsonl"), &mut loader).expect("genuine file");
    let avatar = candidates("tests/corpus/avatars/candidates.jsonl", Some(&mut loader));

    let mut g = c.benchmark_group("judge");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for (name, genuine, cands) in [
        ("text/registry-35", seeds(), &text),
        ("text/registry-10000", with_synthetic(seeds(), 10_000), &text),
        ("avatar/registry-35", avatar_genuine.clone(), &avatar),
        (
            "avatar/registry-10000",
            with_synthetic_pictures(avatar_genuine.clone(), 10_000),
            &avatar,
        ),
    ] {
        let m = Matcher::new(genuine);
        g.throughput(Throughput::Elements(cands.len() as u64));
        g.bench_function(name, |b| b.iter(|| black_box(judge_all(&m, cands))));
    }
    g.finish();

    // The scan of a registry's pictures for one candidate picture (what `Pictures` does for
    // every picture it has not met yet): each key pair measured as it comes, and the probe
    // laid out once per candidate.
    let mut g = c.benchmark_group("index-scan");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    let registry: Vec<_> = with_synthetic_pictures(avatar_genuine.clone(), 10_000)
        .into_iter()
        .filter_map(|g| g.avatar)
        .collect();
    let probes: Vec<_> = avatar
        .iter()
        .filter_map(|c| match &c.avatar {
            AvatarEvidence::Hash(h) => Some(h.clone()),
            _ => None,
        })
        .take(20)
        .collect();
    g.throughput(Throughput::Elements((registry.len() * probes.len()) as u64));
    g.bench_function("pairwise/registry-10000", |b| {
        b.iter(|| {
            probes
                .iter()
                .map(|p| registry.iter().map(|r| p.index_distance(r)).min().unwrap_or(0))
                .sum::<u32>()
        })
    });
    let table: Vec<_> = registry.iter().map(|r| r.index_keys()).collect();
    g.bench_function("probe-over-table/registry-10000", |b| {
        b.iter(|| {
            probes
                .iter()
                .map(|p| {
                    let probe = p.index_probe();
                    table.iter().map(|k| probe.distance_to(k)).min().unwrap_or(0)
                })
                .sum::<u32>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("avatar");
    g.sample_size(20).measurement_time(Duration::from_secs(3));
    let limits = AvatarLimits::default();
    let logo = std::fs::read("tests/corpus/avatars/img/g_sap_x.png").expect("avatar file");
    let huge = huge_png();
    g.throughput(Throughput::Elements(1));
    for (name, bytes) in [("400px-png", &logo), ("4096px-png", &huge)] {
        g.bench_function(format!("decode/{name}"), |b| {
            b.iter(|| black_box(decode_avatar(bytes, &limits).is_ok()))
        });
        g.bench_function(format!("decode+fingerprint/{name}"), |b| {
            b.iter(|| black_box(hash_avatar(bytes, &limits).is_ok()))
        });
    }
    let decoded = decode_avatar(&logo, &limits).expect("decodes");
    g.bench_function("fingerprint-only/400px-png", |b| {
        b.iter(|| black_box(fingerprint(&decoded).is_plain()))
    });
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    let big = with_synthetic(seeds(), 10_000);
    g.bench_function("matcher/registry-10000", |b| {
        b.iter(|| black_box(Matcher::new(big.clone()).genuine().len()))
    });
    // Loading a registry from its files and indexing it, as `match` and `scan` do.
    let files = synthetic::registry_files(10_000, 42);
    g.bench_function("load+index/registry-10000", |b| {
        b.iter(|| {
            let registry = Registry::from_sources("synthetic", files.clone()).expect("registry");
            black_box(Matcher::new(Genuine::from_registry(&registry)).genuine().len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
