//! Matcher throughput: candidate profiles judged per second, text only and with avatars,
//! against the seed registry (35 accounts) and a synthetic registry of 10,000 accounts; the
//! cost of fingerprinting one avatar; and the cost of building a matcher.
//!
//! Run with `cargo bench --bench matching`; figures go into README.md with the machine.

#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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
        ("avatar/registry-12", avatar_genuine.clone(), &avatar),
        (
            "avatar/registry-10000",
            with_synthetic(avatar_genuine.clone(), 10_000),
            &avatar,
        ),
    ] {
        let m = Matcher::new(genuine);
        g.throughput(Throughput::Elements(cands.len() as u64));
        g.bench_function(name, |b| b.iter(|| black_box(judge_all(&m, cands))));
    }
    g.finish();

    let mut g = c.benchmark_group("avatar");
    g.sample_size(20).measurement_time(Duration::from_secs(3));
    let png = std::fs::read("tests/corpus/avatars/img/g01_hw_sapporo.png").expect("avatar file");
    g.throughput(Throughput::Elements(1));
    g.bench_function("decode+hash", |b| {
        b.iter(|| black_box(hash_avatar(&png, &AvatarLimits::default()).is_ok()))
    });
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    let big = with_synthetic(seeds(), 10_000);
    g.bench_function("matcher/registry-10000", |b| {
        b.iter(|| black_box(Matcher::new(big.clone()).genuine().len()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
