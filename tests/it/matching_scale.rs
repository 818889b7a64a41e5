//! The matcher's cost per candidate does not grow linearly with the registry: the index
//! shortlists a bounded number of genuine accounts. Counted, not timed (timing is for
//! `cargo bench`). Also checks that the seed accounts are still found, and no genuine account
//! flagged, when they sit among 10,000 synthetic accounts.

use std::path::Path;

use narisumashi::matching::{AvatarEvidence, Genuine, Matcher, Verdict};
use narisumashi::offline;
use narisumashi::registry::Registry;
use narisumashi::synthetic;

fn corpus() -> Vec<((), narisumashi::matching::Candidate)> {
    offline::read_profiles(Path::new("tests/corpus/candidates.jsonl"))
        .expect("corpus")
        .into_iter()
        .filter_map(|l| l.record.ok())
        .map(|r| ((), offline::candidate_from_record(&r, AvatarEvidence::None)))
        .collect()
}

fn labels() -> Vec<String> {
    std::fs::read_to_string("tests/corpus/candidates.jsonl")
        .expect("corpus")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["label"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

fn registry_of(n: usize) -> Vec<Genuine> {
    let mut g = Genuine::from_registry(&Registry::load_dir(Path::new("seeds")).expect("seeds"));
    let extra = n.saturating_sub(g.len());
    g.extend(synthetic::registry(extra, 42));
    g
}

#[test]
fn comparisons_per_candidate_stay_bounded() {
    let cands = corpus();
    let mut means = Vec::new();
    for n in [35, 1_000, 10_000] {
        let m = Matcher::new(registry_of(n));
        let total: usize = cands.iter().map(|(_, c)| m.judge(c).compared).sum();
        let mean = total as f64 / cands.len() as f64;
        println!("registry {n:>6}: {mean:.1} genuine accounts scored per candidate");
        means.push(mean);
    }
    // 35 → 10,000 accounts is ×286; the work per candidate must stay within the index's
    // bound (three lists of 32 plus avatar neighbours) and far from linear growth.
    assert!(
        means[2] <= 4.0 * 32.0,
        "mean shortlist {:.1} exceeds the index bound",
        means[2]
    );
    assert!(
        means[2] / means[1] < 2.0,
        "shortlist grew {:.1}× from 1,000 to 10,000 accounts",
        means[2] / means[1]
    );
}

#[test]
fn seed_accounts_are_found_among_ten_thousand() {
    let cands = corpus();
    let labels = labels();
    let small = Matcher::new(registry_of(35));
    let big = Matcher::new(registry_of(10_000));
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for ((_, c), label) in cands.iter().zip(&labels) {
        let j = big.judge(c);
        if label == "genuine" {
            assert_eq!(
                j.verdict,
                Verdict::Genuine,
                "{} not recognised among 10,000",
                c.display_name
            );
        }
        match (label == "suspect", j.verdict == Verdict::Suspect) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            _ => {}
        }
        // The same verdict as against the seeds alone, or a stronger one.
        let s = small.judge(c);
        if s.verdict == Verdict::Suspect && j.verdict != Verdict::Suspect {
            println!(
                "lost among 10,000: {} ({:.2} → {:.2})",
                c.display_name, s.score, j.score
            );
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!("text corpus among 10,000 accounts: precision {precision:.3}, recall {recall:.3}");
    assert!(
        precision >= 0.9 && recall >= 0.9,
        "precision {precision:.3}, recall {recall:.3}"
    );
}
