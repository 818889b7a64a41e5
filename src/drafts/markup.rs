//! The drafts' format-neutral markup and its renderings. Templates write headings (`#`),
//! bullets (`- `), paragraphs, `**bold**`, `<https://…>` links, `---` and an `[[avatars]]`
//! line; every value a template inserts arrives wrapped in private-use sentinels, so this
//! module always knows which text is data (attacker-controlled names included) and escapes it
//! for Markdown, HTML or plain text. Data can never become markup, a link or a script.

use std::fmt::Write as _;

use crate::text::safe::{html_escape, is_web_url};

/// Starts a data span.
pub const DATA_OPEN: char = '\u{E000}';
/// Ends a data span.
pub const DATA_CLOSE: char = '\u{E001}';
/// Starts a link span (a registry URL a template marked with `|link`).
pub const LINK_OPEN: char = '\u{E002}';
/// Ends a link span.
pub const LINK_CLOSE: char = '\u{E003}';

/// A piece of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Template text.
    Text {
        /// The text.
        text: String,
        /// In `**bold**`.
        bold: bool,
    },
    /// A value.
    Data {
        /// The value, already made inert.
        text: String,
        /// In `**bold**`.
        bold: bool,
    },
    /// A link (http or https only; anything else is shown as data).
    Link {
        /// The URL.
        url: String,
    },
}

/// A block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `#`, `##`, `###`.
    Heading(u8, Vec<Inline>),
    /// `- item`.
    Bullet(Vec<Inline>),
    /// Lines of a paragraph.
    Paragraph(Vec<Vec<Inline>>),
    /// `---`.
    Rule,
    /// `[[avatars]]`.
    Avatars,
}

/// Parses rendered template output.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<Vec<Inline>> = Vec::new();
    let flush = |para: &mut Vec<Vec<Inline>>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(para)));
        }
    };
    for raw in text.lines() {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            flush(&mut para, &mut blocks);
            continue;
        }
        let heading = [("### ", 3u8), ("## ", 2), ("# ", 1)]
            .into_iter()
            .find_map(|(p, level)| line.strip_prefix(p).map(|rest| (level, rest)));
        if let Some((level, rest)) = heading {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Heading(level, inlines(rest)));
        } else if let Some(rest) = line.strip_prefix("- ") {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Bullet(inlines(rest)));
        } else if line.trim() == "---" {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Rule);
        } else if line.trim() == "[[avatars]]" {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Avatars);
        } else {
            para.push(inlines(line));
        }
    }
    flush(&mut para, &mut blocks);
    blocks
}

/// Splits a line into template text, data and links.
fn inlines(line: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut bold = false;
    let mut text = String::new();
    let mut chars = line.chars().peekable();
    let push_text = |text: &mut String, bold: bool, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.extend(template_links(&std::mem::take(text), bold));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            DATA_OPEN | LINK_OPEN => {
                push_text(&mut text, bold, &mut out);
                let close = if c == DATA_OPEN { DATA_CLOSE } else { LINK_CLOSE };
                let mut value = String::new();
                for v in chars.by_ref() {
                    if v == close {
                        break;
                    }
                    value.push(v);
                }
                if c == LINK_OPEN && is_web_url(&value) {
                    out.push(Inline::Link { url: value });
                } else {
                    out.push(Inline::Data { text: value, bold });
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                push_text(&mut text, bold, &mut out);
                bold = !bold;
            }
            DATA_CLOSE | LINK_CLOSE => {}
            _ => text.push(c),
        }
    }
    push_text(&mut text, bold, &mut out);
    out
}

/// Template text with `<https://…>` links split out.
fn template_links(text: &str, bold: bool) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("<http") {
        let Some(len) = rest[start..].find('>') else { break };
        let url = &rest[start + 1..start + len];
        if !is_web_url(url) {
            break;
        }
        if start > 0 {
            out.push(Inline::Text {
                text: rest[..start].to_string(),
                bold,
            });
        }
        out.push(Inline::Link { url: url.to_string() });
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        out.push(Inline::Text {
            text: rest.to_string(),
            bold,
        });
    }
    out
}

/// Escapes data for Markdown: characters that make emphasis, links, code or tables anywhere
/// get a backslash, `<` `>` `&` become entities so no HTML passes through a Markdown renderer,
/// and at the start of a line the characters that start a heading, list or quote are escaped
/// too. Parentheses and hyphens elsewhere stay as they are, for staff reading the .md.
fn md_escape(s: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    if line_start {
        match chars.peek() {
            Some('#' | '-' | '+' | '>' | '=') => out.push('\\'),
            Some(c) if c.is_ascii_digit() => {
                let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
                if s[digits.len()..].starts_with(['.', ')']) {
                    out.push_str(&digits);
                    out.push('\\');
                    for _ in 0..digits.len() {
                        chars.next();
                    }
                }
            }
            _ => {}
        }
    }
    for c in chars {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

fn md_inlines(line: &[Inline]) -> String {
    let mut out = String::new();
    let mut open = false;
    for (n, i) in line.iter().enumerate() {
        let (text, bold) = match i {
            Inline::Text { text, bold } => (text.clone(), *bold),
            Inline::Data { text, bold } => (md_escape(text, n == 0), *bold),
            Inline::Link { url } => (format!("<{url}>"), false),
        };
        if bold != open && !text.is_empty() {
            out.push_str("**");
            open = bold;
        }
        out.push_str(&text);
    }
    if open {
        out.push_str("**");
    }
    out
}

/// Plain text of a line (links as their URL).
pub fn plain(line: &[Inline]) -> String {
    line.iter()
        .map(|i| match i {
            Inline::Text { text, .. } | Inline::Data { text, .. } => text.as_str(),
            Inline::Link { url } => url.as_str(),
        })
        .collect()
}

/// What the avatar block shows in a rendering.
pub struct AvatarPair {
    /// Caption of the pair (e.g. the suspect's handle).
    pub caption: String,
    /// The genuine account's picture (PNG) and label.
    pub genuine: Option<Vec<u8>>,
    /// The suspect's picture (PNG).
    pub suspect: Option<Vec<u8>>,
    /// Similarity, when compared.
    pub similarity: Option<String>,
}

impl AvatarPair {
    /// The caption with the similarity: `名前 @handle（類似度 98%）`.
    pub fn label(&self) -> String {
        match &self.similarity {
            Some(s) => format!("{}（{s}）", self.caption),
            None => self.caption.clone(),
        }
    }
}

/// Each block, and whether a list ends before it: a list ends with a blank line, or the next
/// paragraph would join its last item.
fn spaced(blocks: &[Block]) -> impl Iterator<Item = (bool, &Block)> {
    let mut after_list = false;
    blocks.iter().map(move |b| {
        let bullet = matches!(b, Block::Bullet(_));
        let ends = after_list && !bullet;
        after_list = bullet;
        (ends, b)
    })
}

/// Markdown.
pub fn to_markdown(blocks: &[Block], avatars: &[AvatarPair]) -> String {
    let mut out = String::new();
    for (list_ends, b) in spaced(blocks) {
        if list_ends {
            out.push('\n');
        }
        match b {
            Block::Heading(level, line) => {
                let _ = writeln!(out, "{} {}\n", "#".repeat(usize::from(*level)), md_inlines(line));
            }
            Block::Bullet(line) => {
                let _ = writeln!(out, "- {}", md_inlines(line));
            }
            Block::Paragraph(lines) => {
                let text: Vec<String> = lines.iter().map(|l| md_inlines(l)).collect();
                let _ = writeln!(out, "{}\n", text.join("  \n"));
            }
            Block::Rule => out.push_str("---\n\n"),
            Block::Avatars => {
                for a in avatars {
                    let _ = writeln!(
                        out,
                        "- アイコン比較（HTML版・Word版に画像を掲載）: {}",
                        md_escape(&a.label(), false)
                    );
                }
                out.push('\n');
            }
        }
    }
    tidy(&out)
}

/// Plain text.
pub fn to_text(blocks: &[Block], avatars: &[AvatarPair]) -> String {
    let mut out = String::new();
    for (list_ends, b) in spaced(blocks) {
        if list_ends {
            out.push('\n');
        }
        match b {
            Block::Heading(1, line) => {
                let _ = writeln!(out, "{}\n", plain(line));
            }
            Block::Heading(2, line) => {
                let _ = writeln!(out, "■ {}\n", plain(line));
            }
            Block::Heading(_, line) => {
                let _ = writeln!(out, "● {}\n", plain(line));
            }
            Block::Bullet(line) => {
                let _ = writeln!(out, "・{}", plain(line));
            }
            Block::Paragraph(lines) => {
                let text: Vec<String> = lines.iter().map(|l| plain(l)).collect();
                let _ = writeln!(out, "{}\n", text.join("\n"));
            }
            Block::Rule => out.push_str("――――――――――\n\n"),
            Block::Avatars => {
                for a in avatars {
                    let _ = writeln!(out, "・アイコン比較（HTML版・Word版に画像を掲載）: {}", a.label());
                }
                out.push('\n');
            }
        }
    }
    tidy(&out)
}

/// Collapses runs of blank lines and bullets' trailing blank lines.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_string() + "\n"
}

fn html_inlines(line: &[Inline]) -> String {
    let mut out = String::new();
    for i in line {
        match i {
            Inline::Text { text, bold } | Inline::Data { text, bold } => {
                let t = html_escape(text);
                if *bold {
                    let _ = write!(out, "<strong>{t}</strong>");
                } else {
                    out.push_str(&t);
                }
            }
            Inline::Link { url } => {
                let u = html_escape(url);
                let _ = write!(out, "<a href=\"{u}\" rel=\"noopener noreferrer\">{u}</a>");
            }
        }
    }
    out
}

/// A standalone HTML page (no scripts; the pictures inline as data: URIs). With a `mark`
/// (the mark and the sentence saying why), the page opens with a banner and carries the mark
/// across every screen and printed page (a fixed element repeats on each page when printed).
pub fn to_html(title: &str, blocks: &[Block], avatars: &[AvatarPair], mark: Option<(&str, &str)>) -> String {
    let (title, banner, mark_style) = match mark {
        Some((mark, why)) => (
            format!("【{mark}】{title}"),
            format!(
                "<div class=\"unconfirmed-mark\" aria-hidden=\"true\">{m}</div>\n\
                 <p class=\"unconfirmed-banner\" role=\"alert\"><strong>【{m}】</strong>{}</p>\n",
                html_escape(why),
                m = html_escape(mark)
            ),
            MARK_STYLE,
        ),
        None => (title.to_string(), String::new(), ""),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>\n{STYLE}{mark_style}</style>\n</head>\n<body>\n{banner}<main>\n{}</main>\n{banner}</body>\n</html>\n",
        html_escape(&title),
        html_body(blocks, avatars)
    )
}

const MARK_STYLE: &str = ".unconfirmed-banner { max-width: 46em; margin: 1em auto; padding: .6em 1em; border: 3px solid #b00020; color: #b00020; background: #fff4f4; }
.unconfirmed-mark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 4.5em; font-weight: bold; color: rgba(176, 0, 32, .16); transform: rotate(-24deg); pointer-events: none; z-index: 10; }
";

/// The HTML of the blocks alone, for showing a draft inside another page.
pub fn html_body(blocks: &[Block], avatars: &[AvatarPair]) -> String {
    use base64::Engine as _;
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut body = String::new();
    let mut in_list = false;
    for b in blocks {
        let bullet = matches!(b, Block::Bullet(_));
        if in_list && !bullet {
            body.push_str("</ul>\n");
            in_list = false;
        }
        match b {
            Block::Heading(level, line) => {
                let _ = writeln!(body, "<h{level}>{}</h{level}>", html_inlines(line));
            }
            Block::Bullet(line) => {
                if !in_list {
                    body.push_str("<ul>\n");
                    in_list = true;
                }
                let _ = writeln!(body, "<li>{}</li>", html_inlines(line));
            }
            Block::Paragraph(lines) => {
                let text: Vec<String> = lines.iter().map(|l| html_inlines(l)).collect();
                let _ = writeln!(body, "<p>{}</p>", text.join("<br>\n"));
            }
            Block::Rule => body.push_str("<hr>\n"),
            Block::Avatars => {
                for a in avatars {
                    let img = |bytes: &Option<Vec<u8>>, alt: &str| match bytes {
                        Some(b) => format!(
                            "<img src=\"data:image/png;base64,{}\" alt=\"{alt}\" width=\"160\" height=\"160\">",
                            b64(b)
                        ),
                        None => format!("<span class=\"none\">（{alt}：画像なし）</span>"),
                    };
                    let _ = writeln!(
                        body,
                        "<table class=\"avatars\"><caption>{}</caption>\n<tr><th>公式アカウント</th><th>なりすましの疑いのあるアカウント</th></tr>\n<tr><td>{}</td><td>{}</td></tr></table>",
                        html_escape(&a.label()),
                        img(&a.genuine, "公式アカウントのアイコン"),
                        img(&a.suspect, "なりすましの疑いのあるアカウントのアイコン"),
                    );
                }
            }
        }
    }
    if in_list {
        body.push_str("</ul>\n");
    }
    body
}

/// The source as staff edit it: values shown as plain text, links as `<https://…>`.
pub fn to_editable(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_link = false;
    for c in source.chars() {
        match c {
            DATA_OPEN | DATA_CLOSE => {}
            LINK_OPEN => {
                in_link = true;
                out.push('<');
            }
            LINK_CLOSE if in_link => {
                in_link = false;
                out.push('>');
            }
            LINK_CLOSE => {}
            _ => out.push(c),
        }
    }
    out
}

/// A staff edit back as source. Staff write markup; the values the previous source held
/// (impostors' names among them) stay data wherever they still appear verbatim, so a name
/// such as `<https://evil.example>` or `**` cannot become a link or markup by being saved.
/// Sentinels typed or pasted in are dropped.
pub fn from_edited(edited: &str, previous_source: &str) -> String {
    let mut values: Vec<String> = Vec::new();
    let mut rest = previous_source;
    while let Some(start) = rest.find(DATA_OPEN) {
        let after = &rest[start + DATA_OPEN.len_utf8()..];
        let Some(end) = after.find(DATA_CLOSE) else { break };
        let v = &after[..end];
        if !v.trim().is_empty() && !values.iter().any(|x| x == v) {
            values.push(v.to_string());
        }
        rest = &after[end + DATA_CLOSE.len_utf8()..];
    }
    // Longest first, so that a value containing another is protected whole.
    values.sort_by_key(|v| std::cmp::Reverse(v.chars().count()));
    let clean: String = edited
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !matches!(*c, DATA_OPEN | DATA_CLOSE | LINK_OPEN | LINK_CLOSE))
        .collect();
    let mut out = String::with_capacity(clean.len() + 16);
    let mut i = 0;
    'outer: while i < clean.len() {
        for v in &values {
            if clean[i..].starts_with(v.as_str()) {
                out.push(DATA_OPEN);
                out.push_str(v);
                out.push(DATA_CLOSE);
                i += v.len();
                continue 'outer;
            }
        }
        let c = clean[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

const STYLE: &str = "body { font-family: \"Hiragino Kaku Gothic ProN\", \"Noto Sans CJK JP\", \"Yu Gothic\", sans-serif; line-height: 1.8; color: #1a1a1a; margin: 0; }
main { max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; border-bottom: 2px solid #1a1a1a; padding-bottom: .3em; }
h2 { font-size: 1.2em; border-left: 6px solid #30588c; padding-left: .5em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
p, li { overflow-wrap: anywhere; }
table.avatars { border-collapse: collapse; margin: 1em 0; }
table.avatars caption { text-align: left; font-weight: bold; padding-bottom: .3em; }
table.avatars th, table.avatars td { border: 1px solid #888; padding: .5em; text-align: center; }
table.avatars img { display: block; margin: 0 auto; }
hr { border: 0; border-top: 1px solid #aaa; margin: 1.5em 0; }
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::safe::inert;

    #[test]
    fn an_edit_keeps_values_data_and_staff_text_markup() {
        let name = "<https://evil.example/> **x";
        let source = format!(
            "# 注意\n\n{DATA_OPEN}{name}{DATA_CLOSE} に注意。{LINK_OPEN}https://city.example.jp/{LINK_CLOSE}\n"
        );
        let editable = to_editable(&source);
        assert_eq!(
            editable,
            format!("# 注意\n\n{name} に注意。<https://city.example.jp/>\n")
        );
        let edited = editable.replace("に注意。", "に**ご注意**ください。");
        let back = from_edited(&edited, &source);
        let blocks = parse(&back);
        let html = html_body(&blocks, &[]);
        assert!(html.contains("&lt;https://evil.example/&gt; **x"), "{html}");
        assert!(html.contains("<strong>ご注意</strong>"), "{html}");
        assert!(html.contains("href=\"https://city.example.jp/\""), "{html}");
        assert!(!html.contains("href=\"https://evil.example/"), "{html}");
        // Sentinels typed in cannot forge data or links.
        let forged = from_edited(&format!("{LINK_OPEN}javascript:alert(1){LINK_CLOSE}"), "");
        assert!(!forged.contains(LINK_OPEN));
    }

    fn data(s: &str) -> String {
        format!("{DATA_OPEN}{}{DATA_CLOSE}", inert(s, 200))
    }

    #[test]
    fn data_never_becomes_markup() {
        let text = format!(
            "# 件名 {}\n{}\n- {}\n",
            data("<script>alert(1)</script>"),
            data("# not a heading"),
            data("**x** <https://evil.example/>")
        );
        let blocks = parse(&text);
        assert_eq!(blocks.len(), 3);
        let html = to_html("t", &blocks, &[], None);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("href=\"https://evil"));
        let md = to_markdown(&blocks, &[]);
        assert!(md.contains("\\# not a heading"), "{md}");
        assert_eq!(md_escape("1. x", true), "1\\. x");
        assert_eq!(md_escape("a-b (c)", true), "a-b (c)");
        assert!(md.contains("&lt;https://evil.example/&gt;"), "{md}");
        assert!(!md.contains("<script"));
    }

    #[test]
    fn template_links_and_bold() {
        let blocks = parse("詳しくは <https://www.city.example.lg.jp/> をご覧ください。**重要**\n");
        let html = to_html("t", &blocks, &[], None);
        assert!(html.contains("<a href=\"https://www.city.example.lg.jp/\" rel=\"noopener noreferrer\">"));
        assert!(html.contains("<strong>重要</strong>"));
        let link = format!("{LINK_OPEN}javascript:alert(1){LINK_CLOSE}");
        let html = to_html("t", &parse(&link), &[], None);
        assert!(!html.contains("href"), "{html}");
    }
}
