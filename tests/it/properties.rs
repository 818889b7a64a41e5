//! Properties of normalisation and matching, over generated names: folding is stable, every
//! generated lookalike folds to the original's key, and the matcher never panics and keeps
//! scores in [0, 1] whatever the input.

use narisumashi::Platform;
use narisumashi::matching::{AvatarEvidence, Candidate, Genuine, Matcher};
use narisumashi::normalize::{fold_handle, fold_name};
use proptest::prelude::*;

/// Characters real names are made of: katakana, hiragana, common kanji, Latin, digits.
fn name_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(
            "ハローワークマザーズアイウエオカキクケコサシスセソタチツテトナニヌネノ"
                .chars()
                .collect::<Vec<_>>()
        ),
        prop::sample::select("はろーわーくあいうえおかきくけこさしすせそ".chars().collect::<Vec<_>>()),
        prop::sample::select(
            "札幌千歳帯広留萌鹿児島国分労働局文京区新卒応援公共職業安定所"
                .chars()
                .collect::<Vec<_>>()
        ),
        prop::sample::select("abcdefghjkmnpqrstuvwxyzABCDEFGH".chars().collect::<Vec<_>>()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(name_char(), 2..16).prop_map(|v| v.into_iter().collect())
}

/// One lookalike edit that a reader cannot see.
fn disguise(name: &str, how: u8, at: usize) -> String {
    let chars: Vec<char> = name.chars().collect();
    let at = at % (chars.len() + 1);
    let mut out: Vec<char> = chars.clone();
    match how % 7 {
        0 => out.insert(at, '\u{200B}'),
        1 => out.insert(at, '\u{FE0F}'),
        // Fullwidth Latin and halfwidth katakana.
        2 => {
            out = chars
                .iter()
                .map(|&c| match c {
                    'a'..='z' | 'A'..='Z' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
                    'ア' => 'ｱ',
                    'カ' => 'ｶ',
                    'サ' => 'ｻ',
                    _ => c,
                })
                .collect()
        }
        // Katakana to hiragana.
        3 => {
            out = chars
                .iter()
                .map(|&c| {
                    if ('ァ'..='ヶ').contains(&c) {
                        char::from_u32(c as u32 - 0x60).unwrap_or(c)
                    } else {
                        c
                    }
                })
                .collect()
        }
        // The long-vowel mark as a kanji one or a dash.
        4 => out = chars.iter().map(|&c| if c == 'ー' { '一' } else { c }).collect(),
        // A decoration claiming official status.
        5 => return format!("【公式】{name}"),
        _ => {
            out = chars
                .iter()
                .map(|&c| match c {
                    'o' => 'о',
                    'a' => 'а',
                    'e' => 'е',
                    'p' => 'р',
                    _ => c,
                })
                .collect()
        }
    }
    out.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn folding_is_stable(s in name()) {
        let once = fold_name(&s);
        prop_assert_eq!(fold_name(&once.visual).visual, once.visual.clone());
        prop_assert_eq!(fold_name(&s), once);
    }

    #[test]
    fn lookalikes_fold_to_the_original(s in name(), how in 0u8..7, at in 0usize..20) {
        let d = disguise(&s, how, at);
        let (a, b) = (fold_name(&s), fold_name(&d));
        prop_assert!(a.visual == b.visual || a.reading == b.reading, "{s} / {d}: {a:?} vs {b:?}");
    }

    #[test]
    fn handle_digit_swaps_fold(h in "[a-z]{3,8}_[a-z]{2,6}") {
        let swapped = h.replace('o', "0").replace('l', "1");
        prop_assert_eq!(fold_handle(&h).skeleton, fold_handle(&swapped).skeleton);
    }

    #[test]
    fn judging_never_panics_and_scores_stay_in_range(
        name in ".{0,64}", handle in ".{0,32}", bio in ".{0,80}", genuine in name()
    ) {
        let m = Matcher::new(vec![Genuine { platform: Some(Platform::X), handle: Some("HW_Sapporo".into()), display_name: genuine, ..Default::default() }]);
        let j = m.judge(&Candidate { platform: Platform::Instagram, handle: Some(handle), id: None, url: None, display_name: name, bio: Some(bio), avatar: AvatarEvidence::None });
        prop_assert!((0.0..=1.0).contains(&j.score));
    }
}

mod permutations {
    use narisumashi::Platform;
    use narisumashi::discover::permutations::valid_handle;
    use narisumashi::discover::{MAX_PERMUTATIONS, permutations};
    use narisumashi::matching::{AvatarEvidence, Candidate, Genuine, Matcher, Verdict};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn permutations_are_new_valid_and_bounded(h in "[a-z]{2,6}(_[a-z]{2,5})?[0-9]{0,2}") {
            let ps = permutations(Platform::X, &h);
            prop_assert!(ps.len() <= MAX_PERMUTATIONS);
            prop_assert!(!ps.is_empty());
            for p in &ps {
                prop_assert!(!p.handle.eq_ignore_ascii_case(&h), "{} equals the original", p.handle);
                prop_assert!(valid_handle(Platform::X, &p.handle), "{} is not a valid X handle", p.handle);
            }
            // Round-robin: the first entries hold one of each kind present, in rank order.
            let mut kinds: Vec<_> = ps.iter().map(|p| p.kind).collect();
            kinds.sort_unstable();
            kinds.dedup();
            let first: Vec<_> = ps.iter().take(kinds.len()).map(|p| p.kind).collect();
            prop_assert_eq!(first, kinds);
        }

        #[test]
        fn every_permutation_with_the_copied_name_is_a_suspect(h in "[a-z]{3,6}_[a-z]{3,6}") {
            let m = Matcher::new(vec![Genuine { platform: Some(Platform::X), handle: Some(h.clone()), display_name: "架空市役所 広報課".into(), ..Default::default() }]);
            for p in permutations(Platform::X, &h) {
                let j = m.judge(&Candidate { platform: Platform::X, handle: Some(p.handle.clone()), id: None, url: None, display_name: "架空市役所 広報課".into(), bio: None, avatar: AvatarEvidence::None });
                prop_assert_eq!(j.verdict, Verdict::Suspect, "{} ({:?})", p.handle, p.kind);
                prop_assert_eq!(j.target, Some(0));
            }
        }
    }
}
