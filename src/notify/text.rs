//! The digest as people read it: a Japanese subject and plain-text body for e-mail, the same
//! text escaped for chat tools' incoming webhooks.
//!
//! Names, handles and reasons quote impostors, so they are shown inert: invisible and bidi
//! characters as `[U+202E]`, URLs defanged (`hxxps://evil[.]example`) so that no mail or chat
//! client turns them into links, each value on one line and cut at a sane length. The subject
//! holds no impostor text at all.

use std::fmt::Write;

use super::digest::{ALL_ORGS, Digest, GenuineChange, Item};
use crate::text::safe::plain;
use crate::text::wording::jst_ja;

/// Longest impostor value shown (characters).
pub const MAX_VALUE: usize = 80;

/// The sender's name in subjects.
pub const PRODUCT_JA: &str = "なりすまし監視";

/// The subject: counts only.
pub fn subject(d: &Digest) -> String {
    if d.is_empty() {
        return format!(
            "【{PRODUCT_JA}】{}：新しい検出はありません（{}）",
            d.org_name,
            jst_ja(d.started_at).split(' ').next().unwrap_or("")
        );
    }
    let mut parts = Vec::new();
    for (n, what) in [
        (d.new_suspects.len(), "新たな疑い"),
        (d.reopened.len(), "再確認"),
        (d.removed.len(), "削除確認"),
        (d.genuine_changes.len(), "公式アカウントの変化"),
        (d.source_problems.len(), "取得元の異常"),
    ] {
        if n > 0 {
            parts.push(format!("{what} {n}件"));
        }
    }
    format!("【{PRODUCT_JA}】{}：{}", d.org_name, parts.join("・"))
}

fn item_lines(out: &mut String, n: usize, i: &Item, all_orgs: bool) {
    let _ = writeln!(
        out,
        "{n}. [{}] 表示名「{}」 ユーザー名 {}",
        i.platform.label(),
        plain(&i.display_name, MAX_VALUE),
        i.handle
            .as_deref()
            .map(|h| plain(h, MAX_VALUE))
            .unwrap_or_else(|| "（なし）".into())
    );
    let org = if all_orgs {
        format!("（{}）", i.org_id)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "   なりすまし対象: {}{org}　一致度 {:.0}%　番号 #{}",
        plain(&i.target, MAX_VALUE),
        i.score * 100.0,
        i.id
    );
    for r in i.reasons.iter().take(4) {
        let _ = writeln!(out, "   ・{}", plain(r, 160));
    }
    if let Some(u) = &i.review_url {
        let _ = writeln!(out, "   確認: {u}");
    }
}

fn change_line(c: &GenuineChange) -> String {
    let v = |s: &Option<String>| s.as_deref().map(|s| plain(s, MAX_VALUE)).unwrap_or_else(|| "-".into());
    match c.kind.as_str() {
        "name" => format!(
            "{}: 表示名が変わりました「{}」→「{}」",
            c.account,
            v(&c.before),
            v(&c.after)
        ),
        "handle" => format!(
            "{}: ユーザー名が変わりました {} → {}",
            c.account,
            v(&c.before),
            v(&c.after)
        ),
        "avatar" => format!("{}: アイコン画像が変わりました", c.account),
        "vanished" => format!(
            "{}: アカウントが見つからなくなりました（削除・凍結・乗っ取りの可能性）",
            c.account
        ),
        "reappeared" => format!("{}: 見つからなかったアカウントが再び見つかりました", c.account),
        other => format!("{}: {other}", c.account),
    }
}

/// The plain-text body.
pub fn body(d: &Digest) -> String {
    let mut out = String::new();
    let all = d.org_id == ALL_ORGS;
    if all {
        let _ = writeln!(out, "運用ご担当者様\n");
    } else {
        let _ = writeln!(out, "{} ご担当者様\n", d.org_name);
    }
    let when = jst_ja(d.started_at);
    if let (true, Some(first)) = (d.runs.len() > 1, d.runs.first()) {
        let _ = writeln!(
            out,
            "前回のお知らせ以降、{when} 開始の定期スキャンまで（スキャン #{first}〜#{}）の結果をお知らせします。",
            d.run_id
        );
    } else {
        let _ = writeln!(
            out,
            "{when} 開始の定期スキャン（#{}）の結果をお知らせします。",
            d.run_id
        );
    }
    if d.is_empty() {
        let _ = writeln!(
            out,
            "\n新たな疑わしいアカウント、公式アカウントの変化、取得元の異常はありませんでした。"
        );
    }
    let sections: [(&str, &Vec<Item>, &str); 3] = [
        (
            "新たに見つかった疑わしいアカウント",
            &d.new_suspects,
            "確認画面で、なりすましかどうかをご判断ください。",
        ),
        (
            "再び確認が必要になったアカウント",
            &d.reopened,
            "以前に対応済み・該当なしとしたアカウントが、公式アカウントに近づく変更をしたか、削除後に再び現れました。",
        ),
        (
            "削除が確認されたアカウント",
            &d.removed,
            "プラットフォーム上で見つからなくなりました。",
        ),
    ];
    for (title, list, note) in sections {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n■ {title}（{}件）\n{note}", list.len());
        for (n, i) in list.iter().enumerate() {
            item_lines(&mut out, n + 1, i, all);
        }
    }
    if !d.genuine_changes.is_empty() {
        let _ = writeln!(
            out,
            "\n■ 公式アカウントの変化（{}件）\nご自身による変更でなければ、乗っ取りの可能性があります。",
            d.genuine_changes.len()
        );
        for c in &d.genuine_changes {
            let _ = writeln!(out, "・{}", change_line(c));
        }
    }
    if !d.source_problems.is_empty() {
        let _ = writeln!(
            out,
            "\n■ 取得元の異常（{}件）\nこの取得元については、今回の結果が不完全な可能性があります。システム管理者にお知らせください。",
            d.source_problems.len()
        );
        for p in &d.source_problems {
            let _ = writeln!(out, "・{}\n  （{}）", p.summary, plain(&p.detail, 400));
        }
    }
    if !d.source_notes.is_empty() {
        let _ = writeln!(out, "\n■ 参考：今回使っていない取得元");
        for (_, note) in &d.source_notes {
            let _ = writeln!(out, "・{}", plain(note, 300));
        }
    }
    match &d.review_url {
        Some(u) => {
            let _ = writeln!(out, "\n確認画面: {u}/");
        }
        None => {
            let _ = writeln!(out, "\n詳細は narisumashi の確認画面でご覧ください。");
        }
    }
    let _ = writeln!(
        out,
        "\n※ 表示名・ユーザー名は相手が付けたものです。URL は誤って開かないよう hxxp・[.] に置き換えています。\n※ このメッセージは narisumashi が自動で送信しています。"
    );
    out
}

/// The body for chat tools' incoming webhooks: `&`, `<` and `>` escaped as Slack and
/// Mattermost require, so no impostor text becomes a mention or a link.
pub fn chat_text(d: &Digest) -> String {
    let text = format!("*{}*\n{}", subject(d), body(d));
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
