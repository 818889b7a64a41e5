//! Unit tests of the parent module.

use super::*;

#[test]
fn ascii_skeleton_table_agrees_with_uts39() {
    let slow = |s: &str| {
        unicode_security::skeleton(s)
            .collect::<String>()
            .to_lowercase()
            .replace("vv", "w")
    };
    let mut all: Vec<String> = (0u8..128).map(|b| char::from(b).to_string()).collect();
    all.extend(
        [
            "hw_sapporo",
            "Rn-m.1Il|0O",
            "s_m0thersHW",
            "vvww",
            "kagoshimakunren",
            "",
        ]
        .map(String::from),
    );
    for s in &all {
        assert_eq!(skeleton_lower(s), slow(s), "{s:?}");
    }
}

#[test]
fn nfkc_borrows_only_normal_text() {
    assert!(matches!(nfkc("ハローワーク札幌"), std::borrow::Cow::Borrowed(_)));
    assert_eq!(nfkc("ﾊﾛｰﾜｰｸ①"), "ハローワーク1");
}

fn same(a: &str, b: &str) -> bool {
    let (x, y) = (fold_name(a), fold_name(b));
    x.visual == y.visual || x.reading == y.reading
}

#[test]
fn the_visual_key_is_stable_when_folded_again() {
    // Separators, stray marks and characters the skeleton drops are gone from the key, so
    // they must not decide whether h w reads as HW or v v as w (found by the property tests).
    for s in [
        "hくwハ",
        "hーw",
        "h・w札幌",
        "vーv",
        "hvv",
        "h vv",
        "ハローワーク札幌",
        "hwy",
        "ah w",
    ] {
        let once = fold_name(s).visual;
        assert_eq!(fold_name(&once).visual, once, "{s}");
    }
    assert_eq!(fold_name("h・w札幌").visual, fold_name("HW札幌").visual);
    assert_ne!(fold_name("hwy").visual, fold_name("hw").visual);
    // Breaks stay in range and in order.
    let f = fold_name("HW 札幌 北");
    assert!(f.visual_breaks.windows(2).all(|w| w[0] < w[1]));
    assert!(f.visual_breaks.iter().all(|&b| b < f.visual.chars().count()));
}

#[test]
fn decorations_survive_letters_whose_lower_case_is_longer() {
    // Ⱥ lowers to a 3-byte ⱥ and İ to two characters: offsets must still fit the original.
    for s in ["ȺfAN㐀", "İstanbul official", "ȺȺ公式ȺȺ", "ⱯOFFICIAL"] {
        let _ = fold_name(s);
    }
    assert!(fold_name("Ⱥ 公式 札幌").visual.contains("札幌"));
}

#[test]
fn japanese_lookalikes_fold_together() {
    let g = "ハローワーク札幌【公式】";
    for v in [
        "ハローワーク札幌",
        "ﾊﾛｰﾜｰｸ札幌",
        "はろーわーく札幌",
        "ハロ一ワ一ク札幌",
        "ハロ－ワ－ク札幌",
        "ハロ-ワ-ク札幌",
        "ハロ―ワ―ク札幌",
        "八口一ワ一ク札幌",
        "ハローワーク\u{200B}札幌",
        "ハローワーク　札幌 ✅",
        "ハローワーク札幌（公式）",
        "\u{202E}ハローワーク札幌",
    ] {
        assert!(
            same(g, v),
            "{v} should fold like {g}: {:?} vs {:?}",
            fold_name(v),
            fold_name(g)
        );
    }
    assert!(!same(g, "ハローワーク函館"));
    assert!(!same(g, "ハローワーク札幌東"));
    // A kana-like kanji among katakana reads as the katakana (力 for カ), against a name in
    // hiragana too; among kanji it stays itself.
    assert!(same("ハローワークかのや", "ハローワーク力ノヤ"));
    assert!(fold_name("北海道労働力").reading.ends_with('力'));
    assert!(fold_name("ハローワーク千歳").reading.ends_with("千歳"));
}

#[test]
fn latin_homoglyphs_fold_together() {
    assert!(same("Hello Work Sapporo", "HeIIo W0rk Sappоro")); // Cyrillic о
    assert!(fold_name("Sаpporo").mixed_script);
    assert!(!fold_name("Sapporo").mixed_script);
    assert!(!fold_name("ハローワーク国分YouTubeチャンネル").mixed_script);
    assert!(same("Chitose", "CHITOSE"));
}

#[test]
fn office_synonyms_fold() {
    assert!(same("帯広公共職業安定所", "帯広ハローワーク"));
    assert!(same("札幌新卒応援HW", "札幌新卒応援ハローワーク"));
    assert!(same("Hello Work Sapporo", "ハローワーク sapporo"));
    assert!(!same("hwy", "ハローワークy"));
}

#[test]
fn bracketed_parts_are_variants() {
    assert_eq!(
        name_variants("ハローワーク帯広(帯広公共職業安定所)【公式】"),
        vec![
            "ハローワーク帯広(帯広公共職業安定所)【公式】",
            "ハローワーク帯広",
            "帯広公共職業安定所"
        ]
    );
    assert_eq!(
        name_variants("ハローワーク国分YouTubeチャンネル【公式】"),
        vec![
            "ハローワーク国分YouTubeチャンネル【公式】",
            "ハローワーク国分YouTubeチャンネル",
            "ハローワーク国分"
        ]
    );
    assert_eq!(name_variants("北海道労働局"), vec!["北海道労働局"]);
}

#[test]
fn variant_kanji_fold() {
    assert!(same("ハローワーク国分", "ハローワーク國分"));
    assert!(same("鹿児島労働局", "鹿兒嶋勞働局"));
    assert!(same("札幌新卒応援ハローワーク", "札幌新卆應援ハローワーク"));
}

#[test]
fn decorations_are_claims() {
    let f = fold_name("【公式】ハローワーク札幌✅");
    assert!(f.claims_official());
    assert_eq!(f.visual, fold_name("ハローワーク札幌").visual);
    assert!(fold_name("ハローワーク札幌(非公式)").disclaims());
    assert!(!fold_name("ハローワーク札幌").claims_official());
}

#[test]
fn invisible_characters_are_recorded() {
    let f = fold_name("ハロー\u{200D}ワーク\u{FE0F}");
    assert_eq!(f.invisible, vec!['\u{200D}', '\u{FE0F}']);
}

#[test]
fn handles_fold_homoglyphs_and_affixes() {
    assert_eq!(fold_handle("HW_Sapp0ro").skeleton, fold_handle("hw_sapporo").skeleton);
    assert_eq!(fold_handle("HW_Chlt0se").squashed, fold_handle("hw_chitose").squashed);
    assert_eq!(
        fold_handle("@s_mothersHVV").skeleton,
        fold_handle("s_mothershw").skeleton
    );
    assert_eq!(fold_handle("hw_sapporo_official").core, fold_handle("HW_Sapporo").core);
    assert_eq!(fold_handle("hwsapporojp").core, fold_handle("HW_Sapporo").core);
    assert_eq!(fold_handle("HW.Sapporo2024").core, fold_handle("HW_Sapporo").core);
    assert_eq!(fold_handle("k.taisaku46").core, "ktalsaku");
    assert_eq!(
        fold_handle("rnhw.sapporo").squashed,
        fold_handle("mhw.sapporo").squashed
    );
}
