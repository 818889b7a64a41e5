//! Detection quality on the labelled corpus in `tests/corpus/`: runs `narisumashi match` (the
//! real binary) on the text corpus (against the seed registry) and on the avatar corpus
//! (against its own `--genuine` file), and on the holdout sets written independently of the
//! matcher (`tests/holdout/`, and `tests/holdout3/` and `tests/holdout4/` with their own
//! `--genuine` files), prints recall per attack class and the share flagged per honest
//! class, and asserts the targets of the detection issue: recall at least 0.97 overall and 0.9
//! in every attack class, precision at least 0.98, at most 1 % of honest accounts flagged, no
//! genuine account flagged, and the right target for at least 99 % of the suspects found. Run
//! with `-- --nocapture` to see the tables.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

struct Outcome {
    corpus: &'static str,
    class: String,
    label: String,
    verdict: String,
    target_ok: bool,
    line: Value,
    reasons: Value,
}

fn run(corpus: &'static str, candidates: &str, genuine: Option<&str>) -> Vec<Outcome> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_narisumashi"));
    cmd.current_dir(root).args(["match", "--candidates", candidates]);
    if let Some(g) = genuine {
        cmd.args(["--genuine", g]);
    }
    let out = cmd.output().expect("run narisumashi match");
    assert_eq!(
        out.status.code(),
        Some(0),
        "match failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let labels: Vec<Value> = std::fs::read_to_string(root.join(candidates))
        .expect("read corpus")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line is JSON"))
        .collect();
    let results: Vec<Value> = String::from_utf8(out.stdout)
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("output line is JSON"))
        .collect();
    assert_eq!(labels.len(), results.len(), "one output line per candidate");
    labels
        .into_iter()
        .zip(results)
        .enumerate()
        .map(|(i, (l, r))| {
            assert_eq!(r["index"], i, "output in input order");
            let verdict = r["verdict"].as_str().unwrap_or("").to_string();
            let label = l["label"].as_str().unwrap_or("").to_string();
            let target_ok = verdict != "suspect" || label != "suspect" || target_matches(&l, &r["target"]);
            Outcome {
                corpus,
                class: l["class"].as_str().unwrap_or("?").to_string(),
                label,
                verdict,
                target_ok,
                reasons: r["reasons"].clone(),
                line: l,
            }
        })
        .collect()
}

fn norm(s: &str) -> String {
    s.trim().trim_start_matches('@').to_lowercase()
}

/// The target named by the label (handle, URL or one of `alt_targets`) is the one returned.
fn target_matches(label: &Value, target: &Value) -> bool {
    let got: Vec<String> = ["handle", "id", "url"]
        .iter()
        .filter_map(|k| target[*k].as_str())
        .map(norm)
        .collect();
    let hit = |want: &str| {
        let want = norm(want);
        got.iter().any(|g| *g == want || (want.len() > 6 && g.contains(&want)))
    };
    let mut wanted: Vec<String> = Vec::new();
    for k in ["target_handle", "target_url"] {
        if let Some(v) = label[k].as_str() {
            wanted.push(v.to_string());
        }
    }
    for alt in label["alt_targets"].as_array().into_iter().flatten() {
        // Either {"platform": …, "handle": …} or "platform:handle".
        if let Some(v) = alt.as_str() {
            wanted.push(v.split_once(':').map_or(v, |(_, h)| h).to_string());
        }
        for k in ["handle", "url", "id"] {
            if let Some(v) = alt[k].as_str() {
                wanted.push(v.to_string());
            }
        }
    }
    wanted.iter().any(|w| hit(w))
}

#[derive(Default)]
struct Counts {
    n: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
    wrong_target: usize,
}

#[test]
fn corpus_precision_and_recall() {
    let mut all = run("text", "tests/corpus/candidates.jsonl", None);
    all.extend(run(
        "avatar",
        "tests/corpus/avatars/candidates.jsonl",
        Some("tests/corpus/avatars/genuine.jsonl"),
    ));
    all.extend(run("holdout", "tests/holdout/candidates.jsonl", None));
    all.extend(run(
        "holdout3",
        "tests/holdout3/candidates.jsonl",
        Some("tests/holdout3/genuine.jsonl"),
    ));
    all.extend(run(
        "holdout4",
        "tests/holdout4/candidates.jsonl",
        Some("tests/holdout4/genuine.jsonl"),
    ));

    let mut per_class: BTreeMap<(String, String), Counts> = BTreeMap::new();
    let mut total = Counts::default();
    for o in &all {
        let c = per_class.entry((o.label.clone(), o.class.clone())).or_default();
        for k in [&mut *c, &mut total] {
            k.n += 1;
            match (o.label == "suspect", o.verdict == "suspect") {
                (true, true) => k.tp += 1,
                (false, true) => k.fp += 1,
                (true, false) => k.fn_ += 1,
                (false, false) => {}
            }
            if !o.target_ok {
                k.wrong_target += 1;
            }
        }
    }
    println!(
        "\n{:<8} {:<32} {:>5} {:>6} {:>6} {:>6} {:>7} {:>8}",
        "label", "class", "lines", "TP", "FP", "FN", "target✗", "rate"
    );
    for ((label, class), c) in &per_class {
        // Attack classes: recall; honest and genuine classes: the share flagged.
        let rate = if label == "suspect" {
            c.tp as f64 / c.n.max(1) as f64
        } else {
            c.fp as f64 / c.n.max(1) as f64
        };
        println!(
            "{label:<8} {class:<32} {:>5} {:>6} {:>6} {:>6} {:>7} {rate:>8.3}",
            c.n, c.tp, c.fp, c.fn_, c.wrong_target
        );
    }
    let precision = total.tp as f64 / (total.tp + total.fp).max(1) as f64;
    let recall = total.tp as f64 / (total.tp + total.fn_).max(1) as f64;
    println!(
        "\n{} lines: precision {precision:.3}, recall {recall:.3}, wrong targets {}",
        total.n, total.wrong_target
    );
    for corpus in ["text", "avatar", "holdout", "holdout3", "holdout4"] {
        let part: Vec<&Outcome> = all.iter().filter(|o| o.corpus == corpus).collect();
        let tp = part
            .iter()
            .filter(|o| o.label == "suspect" && o.verdict == "suspect")
            .count();
        let fp = part
            .iter()
            .filter(|o| o.label != "suspect" && o.verdict == "suspect")
            .count();
        let fn_ = part
            .iter()
            .filter(|o| o.label == "suspect" && o.verdict != "suspect")
            .count();
        println!(
            "  {corpus:<8} {} lines: precision {:.3}, recall {:.3}",
            part.len(),
            tp as f64 / (tp + fp).max(1) as f64,
            tp as f64 / (tp + fn_).max(1) as f64
        );
    }
    for o in all.iter().filter(|o| o.label != o.verdict || !o.target_ok) {
        println!(
            "  miss [{}] {} → {}: {} | {}",
            o.class, o.label, o.verdict, o.line["display_name"], o.reasons
        );
    }

    let flagged_genuine: Vec<&Outcome> = all
        .iter()
        .filter(|o| o.label == "genuine" && o.verdict == "suspect" && o.line["grey"] != true)
        .collect();
    assert!(
        flagged_genuine.is_empty(),
        "genuine accounts flagged: {}",
        flagged_genuine.len()
    );
    // A genuine line its author marked grey may disagree with the registry: holdout4's LINE
    // account of ハローワーク千歳 at lin.ee, which the registry publishes as kin.ee (a typo
    // kept until the office confirms it). Same name and picture as the registered account, it
    // is flagged for a reviewer; counted in precision, not taken as an unrecognised account.
    let unrecognised: Vec<&Outcome> = all
        .iter()
        .filter(|o| o.label == "genuine" && o.verdict != "genuine" && o.line["grey"] != true)
        .collect();
    assert!(
        unrecognised.is_empty(),
        "genuine accounts not recognised as genuine: {}",
        unrecognised.len()
    );
    assert!(precision >= 0.98, "precision {precision:.3} < 0.98");
    assert!(recall >= 0.97, "recall {recall:.3} < 0.97");
    // Recall per attack class, set by set (pooled, a weak class of one set hides behind
    // another set's). Classes measured under the target are listed with their count now, as a
    // floor: they may not get worse unnoticed, and the detection issue stays open until they
    // meet it.
    // Classes under 0.9 held to a floor until they meet it, as (set, class, hits). None today:
    // holdout4's uneven crops and overlays (9 of 12 each when it came) now meet it.
    const KNOWN_GAPS: &[(&str, &str, usize)] = &[];
    let mut by_set: BTreeMap<(&str, String), (usize, usize)> = BTreeMap::new();
    for o in all.iter().filter(|o| o.label == "suspect") {
        let c = by_set.entry((o.corpus, o.class.clone())).or_default();
        c.0 += 1;
        c.1 += usize::from(o.verdict == "suspect");
    }
    let weak: Vec<String> = by_set
        .iter()
        .filter(
            |((corpus, class), (n, hit))| match KNOWN_GAPS.iter().find(|g| g.0 == *corpus && g.1 == class) {
                Some(gap) => *hit < gap.2,
                None => (*hit as f64) < 0.9 * *n as f64,
            },
        )
        .map(|((corpus, class), (n, hit))| format!("{corpus} {class} {hit}/{n}"))
        .collect();
    assert!(
        weak.is_empty(),
        "attack classes under 0.9 recall (or under their known floor): {weak:?}"
    );
    let honest: Vec<&Outcome> = all.iter().filter(|o| o.label == "clear").collect();
    let honest_flagged = honest.iter().filter(|o| o.verdict == "suspect").count();
    assert!(
        honest_flagged as f64 <= 0.01 * honest.len() as f64,
        "{honest_flagged} of {} honest accounts flagged",
        honest.len()
    );
    let right = total.tp - total.wrong_target.min(total.tp);
    assert!(
        right as f64 >= 0.99 * total.tp as f64,
        "{} of {} suspects have the wrong target",
        total.wrong_target,
        total.tp
    );
}
