//! The words for the matcher's evidence, review statuses and dates, in Japanese and English: one
//! place that turns a typed [`Reason`] into a sentence, used by `match`, the review UI, the
//! drafts and the digests alike. Nothing else words a reason, and nothing reads a sentence back.
//!
//! Values that come from impostors (names, handles) are quoted as they are: escaping is the
//! caller's job, for the medium it writes to.

use std::fmt;

use crate::matching::reason::{Absorbed, Edit, HandleRelation, IdentityKey, Reason, StoredReason};
use crate::store::SuspectStatus;

/// A language of the wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Japanese, for staff and the public.
    Ja,
    /// English.
    En,
}

impl Lang {
    /// `ja` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// A suspect's review status as staff read it.
    pub fn status(self, s: SuspectStatus) -> &'static str {
        match self {
            Lang::Ja => s.label_ja(),
            Lang::En => match s {
                SuspectStatus::New => "New",
                SuspectStatus::Confirmed => "Confirmed impostor",
                SuspectStatus::Dismissed => "Dismissed (honest)",
                SuspectStatus::Reported => "Reported to platform",
                SuspectStatus::Removed => "Removed",
            },
        }
    }
}

/// Unix seconds as a date and time in Japan, compact (`2026-11-25 02:03`): tables, the review
/// UI and the CLI. A time out of range is shown as its number.
pub fn jst(secs: i64) -> String {
    in_japan(secs, "%Y-%m-%d %H:%M")
}

/// Unix seconds as a day in Japan (`2026-11-25`). A time out of range is shown as its number.
pub fn jst_day(secs: i64) -> String {
    in_japan(secs, "%Y-%m-%d")
}

/// Unix seconds as a date and time in Japan, in Japanese (`2026年11月26日 02:00`): e-mail and
/// chat.
pub fn jst_ja(secs: i64) -> String {
    in_japan(secs, "%Y年%m月%d日 %H:%M")
}

fn in_japan(secs: i64, format: &str) -> String {
    chrono::DateTime::from_timestamp(secs, 0).map_or_else(
        || secs.to_string(),
        |t| t.with_timezone(&crate::schedule::jst()).format(format).to_string(),
    )
}

/// A reason in words.
pub fn reason(r: &Reason, lang: Lang) -> String {
    match lang {
        Lang::En => en(r),
        Lang::Ja => ja(r),
    }
}

/// A stored reason in words (an older row's only in the English it was stored with).
pub fn stored(r: &StoredReason, lang: Lang) -> String {
    match r {
        StoredReason::Typed(r) => reason(r, lang),
        StoredReason::Legacy(text) => text.clone(),
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&en(self))
    }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn edit_en(e: &Edit) -> String {
    match e {
        Edit::Insert { ch } => format!("inserts '{ch}'"),
        Edit::Double { ch } => format!("doubles '{ch}'"),
        Edit::Omit { ch } => format!("omits '{ch}'"),
        Edit::Swap { pair } => format!("swaps '{pair}'"),
        Edit::Replace { typed, genuine } => format!("'{}' for '{}'", visible(typed), visible(genuine)),
        Edit::Lookalike { typed, genuine } => format!("{}→{}", visible(typed), visible(genuine)),
    }
}

fn edit_ja(e: &Edit) -> String {
    match e {
        Edit::Insert { ch } => format!("「{ch}」を追加"),
        Edit::Double { ch } => format!("「{ch}」を重ねる"),
        Edit::Omit { ch } => format!("「{ch}」を削除"),
        Edit::Swap { pair } => format!("「{pair}」の順序を入れ替え"),
        Edit::Replace { typed, genuine } => format!("「{}」を「{}」に置き換え", visible(genuine), visible(typed)),
        Edit::Lookalike { typed, genuine } => format!("{}→{}", visible(typed), visible(genuine)),
    }
}

fn edits(list: &[Edit], word: fn(&Edit) -> String, sep: &str) -> String {
    list.iter().map(word).collect::<Vec<_>>().join(sep)
}

/// A character as a reviewer can see it: invisible and non-ASCII lookalikes as `U+XXXX`.
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| {
            if crate::normalize::is_invisible(c) || c.is_whitespace() && c != ' ' {
                format!("U+{:04X}", c as u32)
            } else if !c.is_ascii() && c.is_alphabetic() && !is_cjk_or_kana(c) {
                format!("{c} (U+{:04X})", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn is_cjk_or_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}')
}

fn relation_en(r: &HandleRelation) -> String {
    match r {
        HandleRelation::SameOnOtherPlatform => "is the same as".into(),
        HandleRelation::Homoglyph { edits: e } => format!("is a lookalike ({}) of", edits(e, edit_en, ", ")),
        HandleRelation::Separator => "differs only in separators from".into(),
        HandleRelation::Affix { added, removed } => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("adds {}", added.join(", ")));
            }
            if !removed.is_empty() {
                parts.push(format!("drops {}", removed.join(", ")));
            }
            if parts.is_empty() {
                "changes affixes of".into()
            } else {
                format!("{} to", parts.join(" and "))
            }
        }
        HandleRelation::Edits { edits: e } if e.len() <= 1 => format!("is one edit ({}) from", edits(e, edit_en, ", ")),
        HandleRelation::Edits { edits: e } => format!("is one slip ({}) from", edits(e, edit_en, ", ")),
        HandleRelation::AffixAndEdit => "adds affixes and one edit to".into(),
        HandleRelation::TwoEdits { edits: e } => format!("is two edits ({}) from", edits(e, edit_en, ", ")),
        HandleRelation::Contains => "contains".into(),
    }
}

fn relation_ja(r: &HandleRelation) -> String {
    match r {
        HandleRelation::SameOnOtherPlatform => "同一のユーザー名を別のサービスで使用".into(),
        HandleRelation::Homoglyph { edits: e } => format!("形の似た文字への置き換え：{}", edits(e, edit_ja, "、")),
        HandleRelation::Separator => "区切り記号のみの違い".into(),
        HandleRelation::Affix { added, removed } => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("付加：{}", added.join("、")));
            }
            if !removed.is_empty() {
                parts.push(format!("削除：{}", removed.join("、")));
            }
            format!("語句の付加・削除（{}）", parts.join("、"))
        }
        HandleRelation::Edits { edits: e } => format!("1文字程度の違い：{}", edits(e, edit_ja, "、")),
        HandleRelation::AffixAndEdit => "語句の付加と1文字の違い".into(),
        HandleRelation::TwoEdits { edits: e } => format!("2文字の違い：{}", edits(e, edit_ja, "、")),
        HandleRelation::Contains => "公式のユーザー名を含む".into(),
    }
}

fn absorbed_en(a: Absorbed) -> &'static str {
    match a {
        Absorbed::InvisibleCharacters => "invisible characters",
        Absorbed::CharacterWidth => "character width",
        Absorbed::Dashes => "dashes",
        Absorbed::Kana => "hiragana/katakana",
        Absorbed::VariantKanji => "variant kanji",
        Absorbed::LookalikeLetters => "lookalike letters",
        Absorbed::Decorations => "decorations",
        Absorbed::LatinLetters => "Latin letters (romaji or English)",
    }
}

fn absorbed_ja(a: Absorbed) -> &'static str {
    match a {
        Absorbed::InvisibleCharacters => "見えない文字",
        Absorbed::CharacterWidth => "全角・半角",
        Absorbed::Dashes => "長音記号とダッシュ",
        Absorbed::Kana => "ひらがな・カタカナ",
        Absorbed::VariantKanji => "異体字",
        Absorbed::LookalikeLetters => "形の似た文字",
        Absorbed::Decorations => "【公式】等の装飾",
        Absorbed::LatinLetters => "ローマ字・英語表記",
    }
}

fn en(r: &Reason) -> String {
    match r {
        Reason::IsGenuine { by } => format!(
            "registered genuine account (same {})",
            match by {
                IdentityKey::Id => "id",
                IdentityKey::Handle => "handle",
                IdentityKey::Url => "URL",
            }
        ),
        Reason::HandleReused { genuine } => {
            format!("uses the handle of genuine account {genuine} but is a different account (different id)")
        }
        Reason::Handle {
            genuine,
            platform,
            relation,
        } => format!("handle {} {genuine} on {}", relation_en(relation), platform.label()),
        Reason::NameIdentical { genuine_name, absorbed } if absorbed.is_empty() => {
            format!("display name identical to 「{genuine_name}」 after normalisation")
        }
        Reason::NameIdentical { genuine_name, absorbed } => format!(
            "display name identical to 「{genuine_name}」 after normalisation ({})",
            absorbed.iter().map(|a| absorbed_en(*a)).collect::<Vec<_>>().join(", ")
        ),
        Reason::NameContains {
            genuine_name,
            candidate_name,
        } => format!("display name 「{candidate_name}」 contains 「{genuine_name}」 with other words"),
        Reason::NameRearranged {
            genuine_name,
            candidate_name,
        } => format!("display name 「{candidate_name}」 keeps the words of 「{genuine_name}」 in another arrangement"),
        Reason::NameSimilar {
            genuine_name,
            similarity,
        } => format!("display name similar to 「{genuine_name}」 ({similarity:.2})"),
        Reason::NameShortened { genuine_name, kept } => {
            format!(
                "display name is a shortened form of 「{genuine_name}」 ({} kept)",
                pct(*kept)
            )
        }
        Reason::Avatar {
            genuine,
            similarity,
            mirrored,
            cropped,
        } => {
            let mut how = vec![format!("{} agreement", pct(*similarity))];
            if *mirrored {
                how.push("mirrored".into());
            }
            if *cropped {
                how.push("cropped".into());
            }
            format!("picture copies the picture of {genuine} ({})", how.join(", "))
        }
        Reason::AvatarOtherBody {
            genuine,
            similarity,
            other_body,
            template,
        } => format!(
            "picture resembles {}the picture of {genuine} ({} agreement), but the name names another body (「{other_body}」); not counted",
            if *template {
                "a template picture shared by several offices, "
            } else {
                ""
            },
            pct(*similarity)
        ),
        Reason::AvatarPlain => "avatar is plain (one colour or a default picture); not compared".into(),
        Reason::AvatarUnavailable { why } => format!("judged without the avatar: {why}"),
        Reason::BioCopied { share } => format!("bio copies the genuine bio ({} shared)", pct(*share)),
        Reason::ClaimsOfficial { words } => format!("claims to be official ({})", words.trim()),
        Reason::CheckMark { mark } => format!("fake verification mark {mark} in the name"),
        Reason::MixedScript => "name mixes Latin with Cyrillic or Greek letters".into(),
        Reason::Invisible { chars } => format!("name hides invisible characters ({})", chars.join(" ")),
        Reason::Disclaimer { words } => format!("says it is unofficial ({})", words.trim()),
    }
}

fn ja(r: &Reason) -> String {
    match r {
        Reason::IsGenuine { by } => format!(
            "台帳に登録された公式アカウント（{}が一致）",
            match by {
                IdentityKey::Id => "アカウントID",
                IdentityKey::Handle => "ユーザー名",
                IdentityKey::Url => "URL",
            }
        ),
        Reason::HandleReused { genuine } => format!("公式アカウント {genuine} と同じユーザー名を別のアカウントが使用"),
        Reason::Handle { genuine, relation, .. } => format!(
            "ユーザー名が公式アカウント {genuine} と紛らわしい（{}）",
            relation_ja(relation)
        ),
        Reason::NameIdentical { genuine_name, absorbed } if absorbed.is_empty() => {
            format!("表示名が公式アカウントの「{genuine_name}」と同一")
        }
        Reason::NameIdentical { genuine_name, absorbed } => format!(
            "表示名が公式アカウントの「{genuine_name}」と同一（{}の違いを除く）",
            absorbed.iter().map(|a| absorbed_ja(*a)).collect::<Vec<_>>().join("・")
        ),
        Reason::NameContains {
            genuine_name,
            candidate_name,
        } => format!("表示名「{candidate_name}」に公式アカウント名「{genuine_name}」を含む"),
        Reason::NameRearranged {
            genuine_name,
            candidate_name,
        } => format!("表示名「{candidate_name}」は公式アカウント名「{genuine_name}」の語句を並べ替え・省略したもの"),
        Reason::NameSimilar {
            genuine_name,
            similarity,
        } => format!(
            "表示名が公式アカウント名「{genuine_name}」と類似（類似度 {}）",
            pct(*similarity)
        ),
        Reason::NameShortened { genuine_name, .. } => format!("表示名に公式アカウント名「{genuine_name}」の一部を使用"),
        Reason::Avatar {
            genuine,
            similarity,
            mirrored,
            cropped,
        } => {
            let mut how = vec![format!("一致度 {}", pct(*similarity))];
            if *mirrored {
                how.push("左右反転".into());
            }
            if *cropped {
                how.push("一部を切り抜き".into());
            }
            format!(
                "アイコン画像が公式アカウント {genuine} のものと酷似（{}）",
                how.join("、")
            )
        }
        Reason::AvatarOtherBody {
            genuine,
            similarity,
            other_body,
            template,
        } => format!(
            "アイコン画像は公式アカウント {genuine} のもの{}に似ている（一致度 {}）が、表示名が別の機関（「{other_body}」）を名乗っているため判定に使用しない",
            if *template {
                "（複数の機関が使う共通デザイン）"
            } else {
                ""
            },
            pct(*similarity)
        ),
        Reason::AvatarPlain => "アイコン画像が単色または初期設定の画像のため比較しない".into(),
        Reason::AvatarUnavailable { why } => format!("アイコン画像を使わずに判定：{why}"),
        Reason::BioCopied { share } => format!("自己紹介文が公式アカウントのものと{}一致", pct(*share)),
        Reason::ClaimsOfficial { words } => format!("「{}」と表示し、公式アカウントを装っている", words.trim()),
        Reason::CheckMark { .. } => "認証済みバッジに見せかけた絵文字を表示名に使用".into(),
        Reason::MixedScript => "表示名にラテン文字とキリル文字等が混在".into(),
        Reason::Invisible { .. } => "表示名に見えない文字を含む".into(),
        Reason::Disclaimer { words } => format!("「{}」と表示し、非公式であることを示している", words.trim()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Platform;

    #[test]
    fn every_reason_has_both_languages() {
        let r = Reason::Handle {
            genuine: "@s_mothersHW".into(),
            platform: Platform::X,
            relation: HandleRelation::Edits {
                edits: vec![Edit::Double { ch: 'm' }],
            },
        };
        assert_eq!(r.to_string(), "handle is one edit (doubles 'm') from @s_mothersHW on X");
        assert_eq!(
            reason(&r, Lang::Ja),
            "ユーザー名が公式アカウント @s_mothersHW と紛らわしい（1文字程度の違い：「m」を重ねる）"
        );
        let a = Reason::Avatar {
            genuine: "@HW_Sapporo".into(),
            similarity: 0.934,
            mirrored: true,
            cropped: false,
        };
        assert!(reason(&a, Lang::Ja).contains("左右反転"));
        assert!(a.to_string().contains("93% agreement, mirrored"));
    }
}
