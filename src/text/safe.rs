//! Values from impostors made safe to show: one place for what the review UI, the drafts and
//! the digests do to a display name, handle, bio or URL before people read it.
//!
//! - [`inert`]: invisible, bidi and control characters shown as `[U+202E]` marks, one line,
//!   cut at a length (documents and web pages, which escape for their medium afterwards);
//! - [`defang`]: URLs and domains broken so that no mail client, chat tool or word processor
//!   makes a link of them;
//! - [`plain`]: both, for plain text (e-mail, chat);
//! - [`html_escape`] for HTML, and [`is_web_url`] before a value becomes a link.

use std::fmt::Write;

/// Makes a value inert: bidi controls, invisible and control characters become visible
/// `[U+202E]` marks, line breaks become spaces, the sentinels cannot be forged, and very long
/// values are cut to `max` characters with an ellipsis.
pub fn inert(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max.saturating_mul(4)));
    for (n, c) in s.chars().enumerate() {
        if n >= max {
            out.push('…');
            break;
        }
        let u = c as u32;
        let visible_mark = matches!(u,
            0x202A..=0x202E | 0x2066..=0x2069 | 0x200E | 0x200F | 0x061C
            | 0x200B..=0x200D | 0x2060..=0x2064 | 0xFEFF | 0x180E | 0x00AD | 0x034F | 0x115F | 0x1160 | 0x3164 | 0xFFA0
            | 0xE000..=0xF8FF)
            || (c.is_control() && c != '\n' && c != '\r' && c != '\t');
        if visible_mark {
            let _ = write!(out, "[U+{u:04X}]");
        } else if c.is_whitespace() && c != '\u{3000}' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// A value from an impostor, made inert for plain text: invisible and control characters as
/// `[U+202E]` marks, on one line, cut at `max` characters, and defanged.
pub fn plain(s: &str, max: usize) -> String {
    defang(&inert(s, max))
}

/// Breaks URLs and domain names so that no client makes a link of them: `http` becomes `hxxp`
/// and every `.` `[.]` (`hxxps://evil[.]example/login`), and a `mailto:` address loses its `@`.
/// Text that looks like no link is left as it is.
pub fn defang(s: &str) -> String {
    let lower = s.to_lowercase();
    let looks_linkish = ["://", "www.", "http", ".com", ".jp", ".net", ".org", ".io", "mailto:"]
        .iter()
        .any(|p| lower.contains(p));
    if !looks_linkish {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if rest.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("http")) {
            out.push_str("hxxp");
            rest = &rest[4..];
        } else if c == '.' {
            out.push_str("[.]");
            rest = &rest[1..];
        } else if c == '@' && lower.contains("mailto:") {
            out.push_str("[@]");
            rest = &rest[1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// An absolute http(s) URL without spaces or quotes.
pub fn is_web_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > 8
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`'))
}

/// Escapes text for HTML (elements and attributes).
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inert_shows_bidi_and_invisible_characters_and_cuts_long_values() {
        assert_eq!(inert("abc\u{202E}def\u{200B}", 100), "abc[U+202E]def[U+200B]");
        assert_eq!(inert("a\nb", 100), "a b");
        assert_eq!(inert(&"x".repeat(10_000), 5), "xxxxx…");
        assert_eq!(inert("\u{E000}", 5), "[U+E000]");
    }

    #[test]
    fn defang_breaks_links_and_leaves_other_text() {
        assert_eq!(defang("https://evil.example/login"), "hxxps://evil[.]example/login");
        assert_eq!(defang("HTTP://x.com"), "hxxp://x[.]com");
        assert_eq!(defang("mailto:a@b.jp"), "mailto:a[@]b[.]jp");
        assert_eq!(defang("ハローワーク札幌"), "ハローワーク札幌");
        assert_eq!(plain("x.com/\u{202E}a", 80), "x[.]com/[U+202E]a");
        assert_eq!(plain("公式\u{202E}ldoc", 80), "公式[U+202E]ldoc");
        assert_eq!(plain("a\nb\u{7}", 80), "a b[U+0007]");
        assert_eq!(plain("www.evil.jp", 80), "www[.]evil[.]jp");
        assert!(plain(&"あ".repeat(200), 80).ends_with('…'));
    }
}
