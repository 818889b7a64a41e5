//! Each platform's own impersonation-report channel (form or help page, the path to it, the
//! fields it asks for) and the length limit of a post on it. From
//! `../shared/platform-formats.md` §6; where that file marks a fact unverified, so does the
//! text here, and the URLs stay data that a template can show or staff can correct.

use serde::Serialize;

use crate::platform::Platform;

/// How a post's length is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// X's weighted count: CJK and most symbols count 2, Latin 1, a URL 23; 280 in all.
    XWeighted,
    /// Unicode scalar values.
    Chars,
}

/// A platform's report channel and post limit.
#[derive(Debug, Clone, Serialize)]
pub struct Channel {
    /// Platform id.
    pub id: &'static str,
    /// Name in Japanese documents.
    pub name_ja: &'static str,
    /// Name in English documents.
    pub name_en: &'static str,
    /// The impersonation report form or help page.
    pub report_url: &'static str,
    /// How to get there, in Japanese.
    pub report_how_ja: &'static str,
    /// How to get there, in English.
    pub report_how_en: &'static str,
    /// The fields the channel asks for (Japanese labels).
    pub fields_ja: &'static [&'static str],
    /// The same, in English.
    pub fields_en: &'static [&'static str],
    /// Longest post, in the unit of `counting` (X: 280 weighted = 140 full-width).
    pub post_limit: usize,
    /// How the limit is counted.
    pub counting: Counting,
    /// The limit as staff read it.
    pub post_unit_ja: &'static str,
}

const X_FIELDS_JA: &[&str] = &[
    "報告の種類（なりすまし／自分または自分が代理を務める者）",
    "なりすまされている組織・ブランド名",
    "なりすましアカウントのユーザー名",
    "報告者の氏名・役職・連絡先メールアドレス",
    "組織との関係（公式アカウントの管理者であること）",
    "詳細（公式アカウントと同一であることを示す情報：名称・画像・所属の偽称）",
];
const X_FIELDS_EN: &[&str] = &[
    "Report type (impersonation: me or someone I represent)",
    "Name of the impersonated organisation or brand",
    "Username of the impersonating account",
    "Reporter's full name, title and contact e-mail",
    "Relationship to the organisation (administrator of its official account)",
    "Further information (name, image and false affiliation copied)",
];
const IG_FIELDS_JA: &[&str] = &[
    "報告の種類（なりすまし）",
    "氏名・メールアドレス",
    "なりすましアカウントのユーザー名",
    "なりすまされている組織と報告者の関係",
    "本人確認書類・権限を示す書類（組織の場合は代表者としての権限を示すもの）",
];
const IG_FIELDS_EN: &[&str] = &[
    "Report type (impersonation)",
    "Full name and e-mail",
    "Username of the impersonating account",
    "Reporter's relationship to the impersonated organisation",
    "Identity document or proof of authority to act for the organisation",
];
const FB_FIELDS_JA: &[&str] = &[
    "なりすまされている組織名",
    "なりすましアカウント（プロフィール／ページ）のURL",
    "説明（公式アカウントとの関係、複製された要素）",
    "報告者の氏名・連絡先",
];
const FB_FIELDS_EN: &[&str] = &[
    "Name of the impersonated organisation",
    "URL of the impersonating profile or Page",
    "Explanation (relation to the official account, elements copied)",
    "Reporter's name and contact",
];
const YT_FIELDS_JA: &[&str] = &[
    "報告の種類（なりすまし：チャンネル）",
    "なりすましチャンネルのURL",
    "なりすまされている公式チャンネルのURL",
    "説明（複製された名称・アイコン・ハンドル）",
];
const YT_FIELDS_EN: &[&str] = &[
    "Report type (impersonation: channel)",
    "URL of the impersonating channel",
    "URL of the official channel impersonated",
    "Explanation (name, picture and handle copied)",
];
const LINE_FIELDS_JA: &[&str] = &[
    "サービス（LINE公式アカウント）",
    "問題の種類（なりすまし・権利侵害）",
    "対象アカウントの情報（アカウント名・ID・URL）",
    "内容の説明",
    "報告者の連絡先",
];
const LINE_FIELDS_EN: &[&str] = &[
    "Service (LINE Official Account)",
    "Problem type (impersonation, rights infringement)",
    "Account details (name, ID, URL)",
    "Description",
    "Reporter's contact",
];

/// Every platform's channel, in `Platform::ALL` order.
const CHANNELS: [Channel; 7] = [
    Channel {
        id: "x",
        name_ja: "X（旧Twitter）",
        name_en: "X",
        report_url: "https://help.x.com/en/forms/authenticity/impersonation",
        report_how_ja: "X ヘルプセンターのなりすまし報告フォームから「自分または自分が代理を務める組織」を選んで報告します（Xアカウントは不要です）。",
        report_how_en: "X Help Center impersonation form, choosing \"my company, brand or organization\" (no X account needed).",
        fields_ja: X_FIELDS_JA,
        fields_en: X_FIELDS_EN,
        post_limit: 280,
        counting: Counting::XWeighted,
        post_unit_ja: "全角140字（半角280字、URLは半角23字）",
    },
    Channel {
        id: "instagram",
        name_ja: "Instagram",
        name_en: "Instagram",
        report_url: "https://help.instagram.com/contact/636276399721841",
        report_how_ja: "Instagram ヘルプセンターのなりすまし報告フォーム、またはアプリでプロフィールの「…」→「報告する」→「アカウントを報告」→「なりすまし」から報告します。組織としての報告は代表者の権限を示す書類を求められることがあります（要確認）。",
        report_how_en: "Instagram Help Center impersonation form, or in the app: profile \"...\" > Report > Report account > pretending to be someone else. Organisations may be asked for proof of authority (unverified).",
        fields_ja: IG_FIELDS_JA,
        fields_en: IG_FIELDS_EN,
        post_limit: 2_200,
        counting: Counting::Chars,
        post_unit_ja: "2,200字",
    },
    Channel {
        id: "facebook",
        name_ja: "Facebook",
        name_en: "Facebook",
        report_url: "https://www.facebook.com/help/contact/169486816475808",
        report_how_ja: "Facebook の「なりすましアカウントを報告」フォーム、またはプロフィール／ページの「…」→「サポートを受ける・報告する」→「なりすまし」から報告します。",
        report_how_en: "Facebook \"Report an imposter account\" form, or on the profile or Page: \"...\" > Find support or report > Pretending to be someone.",
        fields_ja: FB_FIELDS_JA,
        fields_en: FB_FIELDS_EN,
        post_limit: 63_206,
        counting: Counting::Chars,
        post_unit_ja: "63,206字",
    },
    Channel {
        id: "youtube",
        name_ja: "YouTube",
        name_en: "YouTube",
        report_url: "https://support.google.com/youtube/answer/2801947",
        report_how_ja: "チャンネルページの「概要」→ 報告（旗）→「ユーザーを報告」→「なりすまし」から報告します。ポリシーはリンク先のとおりです。",
        report_how_en: "Channel page > About > flag > Report user > Impersonation; the policy is at the link.",
        fields_ja: YT_FIELDS_JA,
        fields_en: YT_FIELDS_EN,
        post_limit: 1_500,
        counting: Counting::Chars,
        post_unit_ja: "1,500字（コミュニティ投稿の目安、要確認）",
    },
    Channel {
        id: "line",
        name_ja: "LINE",
        name_en: "LINE",
        report_url: "https://contact.line.me/",
        report_how_ja: "LINE の問題報告フォーム（ログインせずに続行できます）から、権利侵害またはなりすましとして報告します。トーク画面の「≡」→「通報」からも報告できます。公的機関向けの専用フォームは確認できていません。",
        report_how_en: "LINE problem-report form (continue without logging in), as rights infringement or impersonation; also from the chat screen: menu > Report. No dedicated form for public bodies was found.",
        fields_ja: LINE_FIELDS_JA,
        fields_en: LINE_FIELDS_EN,
        post_limit: 500,
        counting: Counting::Chars,
        post_unit_ja: "500字（要確認）",
    },
    Channel {
        id: "bluesky",
        name_ja: "Bluesky",
        name_en: "Bluesky",
        report_url: "https://bsky.social/about/support/community-guidelines",
        report_how_ja: "プロフィールの「…」→「アカウントを報告」→「なりすまし・誤解を招く」から報告します。",
        report_how_en: "Profile \"...\" > Report account > misleading / impersonation.",
        fields_ja: &[],
        fields_en: &[],
        post_limit: 300,
        counting: Counting::Chars,
        post_unit_ja: "300字",
    },
    Channel {
        id: "mastodon",
        name_ja: "Mastodon",
        name_en: "Mastodon",
        report_url: "https://docs.joinmastodon.org/user/moderating/",
        report_how_ja: "対象アカウントの「…」→「通報」から、サーバー管理者へ通報します（他サーバーのアカウントは「転送」を選ぶと相手のサーバー管理者にも届きます）。コメントは1,000字までです。",
        report_how_en: "Account \"...\" > Report, to the instance's moderators (choose \"forward\" for a remote account); the comment takes up to 1,000 characters.",
        fields_ja: &[
            "通報の種類（違反・その他）",
            "コメント（1,000字以内）",
            "リモートサーバーへの転送",
        ],
        fields_en: &[
            "Category (violation or other)",
            "Comment (up to 1,000 characters)",
            "Forward to the remote server",
        ],
        post_limit: 500,
        counting: Counting::Chars,
        post_unit_ja: "500字",
    },
];

/// The channel of a platform.
pub fn channel(platform: Platform) -> Channel {
    CHANNELS
        .iter()
        .find(|c| c.id == platform.as_str())
        .cloned()
        .unwrap_or_else(|| CHANNELS[0].clone())
}

#[cfg(test)]
mod channel_order {
    use super::*;

    #[test]
    fn every_platform_has_its_own_channel() {
        for p in Platform::ALL {
            assert_eq!(channel(p).id, p.as_str());
        }
    }
}

/// X's weighted length (twitter-text v3): code points in U+0000–U+10FF, U+2000–U+200D,
/// U+2010–U+201F and U+2032–U+2037 weigh 1, everything else (kana, kanji, full-width forms,
/// emoji) 2, and each http(s) URL 23, whatever its length.
pub fn x_weighted_len(text: &str) -> usize {
    let mut total = 0;
    for (i, word) in split_urls(text).into_iter().enumerate() {
        if i % 2 == 1 {
            total += 23;
            continue;
        }
        for c in word.chars() {
            let u = c as u32;
            let light = u <= 0x10FF
                || (0x2000..=0x200D).contains(&u)
                || (0x2010..=0x201F).contains(&u)
                || (0x2032..=0x2037).contains(&u);
            total += if light { 1 } else { 2 };
        }
    }
    total
}

/// Text and URLs alternating (even indexes text, odd URLs).
fn split_urls(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let at = ["https://", "http://"].iter().filter_map(|p| rest.find(p)).min();
        match at {
            Some(i) => {
                out.push(&rest[..i]);
                let end = rest[i..]
                    .find(|c: char| c.is_whitespace() || !c.is_ascii() || c == '）' || c == ')')
                    .map_or(rest.len(), |e| i + e);
                out.push(&rest[i..end]);
                rest = &rest[end..];
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
}

/// A post's length as its platform counts it.
pub fn post_len(channel: &Channel, text: &str) -> usize {
    match channel.counting {
        Counting::XWeighted => x_weighted_len(text),
        Counting::Chars => text.chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_counts_japanese_double_and_urls_as_23() {
        assert_eq!(x_weighted_len("abc"), 3);
        assert_eq!(x_weighted_len("ハローワーク"), 12);
        assert_eq!(
            x_weighted_len("注意 https://www.example.lg.jp/a/very/long/path/notice.html"),
            2 * 2 + 1 + 23
        );
        assert_eq!(x_weighted_len(&"あ".repeat(140)), 280);
        assert_eq!(x_weighted_len("“quoted”"), 8);
        assert_eq!(x_weighted_len("✅"), 2);
    }
}
