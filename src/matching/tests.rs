//! Unit tests of the parent module.

use super::*;

fn g(platform: Platform, handle: &str, name: &str) -> Genuine {
    Genuine {
        platform: Some(platform),
        handle: Some(handle.into()),
        display_name: name.into(),
        ..Default::default()
    }
}

fn cand(platform: Platform, handle: &str, name: &str) -> Candidate {
    Candidate {
        platform,
        handle: Some(handle.into()),
        id: None,
        url: None,
        display_name: name.into(),
        bio: None,
        avatar: AvatarEvidence::None,
    }
}

fn matcher() -> Matcher {
    Matcher::new(vec![
        g(Platform::X, "HW_Sapporo", "ハローワーク札幌【公式】"),
        g(Platform::X, "HW_Chitose", "ハローワーク千歳【公式】"),
        g(Platform::Instagram, "mhw.sapporo", "マザーズハローワーク札幌"),
    ])
}

#[test]
fn genuine_is_recognised_by_handle_as_the_platform_compares() {
    let j = matcher().judge(&cand(Platform::X, "@hw_sapporo", "全然違う名前"));
    assert_eq!((j.verdict, j.target), (Verdict::Genuine, Some(0)));
}

#[test]
fn lookalike_handle_and_copied_name_is_suspect() {
    let j = matcher().judge(&cand(Platform::X, "HW_Sapp0ro", "ハローワーク札幌【公式】"));
    assert_eq!((j.verdict, j.target), (Verdict::Suspect, Some(0)));
    let text: Vec<String> = j.reasons.iter().map(ToString::to_string).collect();
    assert!(j.reasons.iter().any(|r| r.copied() == Some(Copied::Handle)));
    assert!(text.iter().any(|r| r.contains("0→o")), "{text:?}");
    assert!(j.score > 0.95, "{}", j.score);
}

#[test]
fn other_office_is_clear() {
    let j = matcher().judge(&cand(Platform::X, "hw_hakodate", "ハローワーク函館【公式】"));
    assert_eq!(j.verdict, Verdict::Clear, "{:?}", j.reasons);
}

#[test]
fn same_handle_on_another_platform_imitates() {
    let j = matcher().judge(&cand(Platform::Bluesky, "hw_sapporo", "ハローワーク札幌"));
    assert_eq!((j.verdict, j.target), (Verdict::Suspect, Some(0)));
}
