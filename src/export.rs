//! Exports staff open in a spreadsheet: the review queue as CSV, UTF-8 with a byte-order mark
//! (so that Excel reads the Japanese as Japanese), CRLF line ends, Japanese headers. Every value
//! an impostor wrote (names, handles, URLs) is quoted as CSV requires, and a value that a
//! spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) is
//! prefixed with `'`, so that opening the file never runs what an impostor typed.

use crate::store::SuspectRow;
use crate::text::wording::{self, Lang};

/// The byte-order mark Excel needs to read UTF-8.
pub const BOM: &str = "\u{FEFF}";

/// The columns of [`suspects_csv`].
pub const SUSPECT_HEADERS: [&str; 13] = [
    "番号",
    "状態",
    "点数",
    "サービス",
    "アカウント",
    "表示名",
    "URL",
    "なりすまされている公式アカウント",
    "団体",
    "初めて確認した日時",
    "最後に確認した日時",
    "判断の理由",
    "メモ",
];

/// The suspects as a CSV file (`when` writes a Unix time as staff read it).
pub fn suspects_csv(rows: &[SuspectRow], when: impl Fn(i64) -> String) -> String {
    let mut out = String::from(BOM);
    line(&mut out, SUSPECT_HEADERS.iter().map(|h| h.to_string()));
    for r in rows {
        let reasons: Vec<String> = r.reasons.iter().map(|x| wording::stored(x, Lang::Ja)).collect();
        line(
            &mut out,
            [
                r.id.to_string(),
                r.status.label_ja().to_string(),
                format!("{:.0}", r.score * 100.0),
                r.platform.label().to_string(),
                r.handle.clone().unwrap_or_default(),
                r.display_name.clone(),
                r.url.clone().unwrap_or_default(),
                r.target_label.clone(),
                r.org_id.clone(),
                when(r.first_seen_at),
                when(r.last_seen_at),
                reasons.join(" / "),
                r.status_note.clone().unwrap_or_default(),
            ]
            .into_iter(),
        );
    }
    out
}

fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    let cells: Vec<String> = fields.map(|f| cell(&f)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One value: neutralised if a spreadsheet would read it as a formula, quoted if CSV needs it.
fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(
            cell("=HYPERLINK(\"http://evil\",\"x\")"),
            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""
        );
        assert_eq!(cell("@SUM(1)"), "'@SUM(1)");
        assert_eq!(cell("ハローワーク, 札幌"), "\"ハローワーク, 札幌\"");
        assert_eq!(cell("普通の名前"), "普通の名前");
    }
}
