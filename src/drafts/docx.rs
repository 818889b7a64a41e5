//! A small .docx (Office Open XML) writer for the drafts: styles for headings, paragraphs
//! with line breaks, bullets, external hyperlinks and the avatar comparison as a two-column
//! table of inline pictures. Pure Rust (a zip of XML parts), so Word and LibreOffice open
//! what staff then edit. Every text goes through XML escaping; characters XML 1.0 forbids are
//! dropped.

use std::fmt::Write as _;
use std::io::Write as _;

use super::markup::{AvatarPair, Block, Inline};

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
#[error("writing the .docx: {0}")]
pub struct DocxError(String);

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// XML text: escaped as HTML is (the same five characters), without the characters XML 1.0
/// does not allow; tabs and line breaks become spaces.
pub fn xml_escape(s: &str) -> String {
    let allowed: String = s
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if (c as u32) < 0x20 || matches!(c as u32, 0xFFFE | 0xFFFF) => None,
            c => Some(c),
        })
        .collect();
    crate::text::safe::html_escape(&allowed)
}

struct Parts {
    rels: Vec<(String, String, bool)>, // id, target, external hyperlink
    media: Vec<(String, Vec<u8>)>,
    next_pic: u32,
}

impl Parts {
    fn link(&mut self, url: &str) -> String {
        let id = format!("rIdL{}", self.rels.len() + 1);
        self.rels.push((id.clone(), url.to_string(), true));
        id
    }

    fn picture(&mut self, png: &[u8]) -> String {
        self.next_pic += 1;
        let n = self.next_pic;
        let id = format!("rIdP{n}");
        let file = format!("media/image{n}.png");
        self.rels.push((id.clone(), file.clone(), false));
        self.media.push((format!("word/{file}"), png.to_vec()));
        // 1.6 inch square.
        let emu = 1_463_040;
        format!(
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{emu}\" cy=\"{emu}\"/>\
             <wp:docPr id=\"{n}\" name=\"Picture {n}\"/><a:graphic xmlns:a=\"{A_NS}\"><a:graphicData uri=\"{PIC_NS}\">\
             <pic:pic xmlns:pic=\"{PIC_NS}\"><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"image{n}.png\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"{id}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{emu}\" cy=\"{emu}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>\
             </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )
    }
}

fn run(text: &str, bold: bool) -> String {
    let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!("<w:r>{b}<w:t xml:space=\"preserve\">{}</w:t></w:r>", xml_escape(text))
}

fn runs(parts: &mut Parts, line: &[Inline]) -> String {
    let mut out = String::new();
    for i in line {
        match i {
            Inline::Text { text, bold } | Inline::Data { text, bold } => out.push_str(&run(text, *bold)),
            Inline::Link { url } => {
                let id = parts.link(url);
                let _ = write!(
                    out,
                    "<w:hyperlink r:id=\"{id}\"><w:r><w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr>\
                     <w:t xml:space=\"preserve\">{}</w:t></w:r></w:hyperlink>",
                    xml_escape(url)
                );
            }
        }
    }
    out
}

fn cell(content: &str) -> String {
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"4250\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>{content}</w:p></w:tc>"
    )
}

fn body(parts: &mut Parts, blocks: &[Block], avatars: &[AvatarPair]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading(level, line) => {
                let _ = write!(out, "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/></w:pPr>{}</w:p>", runs(parts, line));
            }
            Block::Bullet(line) => {
                let _ = write!(
                    out,
                    "<w:p><w:pPr><w:ind w:left=\"420\" w:hanging=\"210\"/></w:pPr>{}{}</w:p>",
                    run("・", false),
                    runs(parts, line)
                );
            }
            Block::Paragraph(lines) => {
                out.push_str("<w:p>");
                for (i, l) in lines.iter().enumerate() {
                    if i > 0 {
                        out.push_str("<w:r><w:br/></w:r>");
                    }
                    out.push_str(&runs(parts, l));
                }
                out.push_str("</w:p>");
            }
            Block::Rule => out.push_str(
                "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"999999\"/></w:pBdr></w:pPr></w:p>",
            ),
            Block::Avatars => {
                for a in avatars {
                    let caption = format!("アイコン比較：{}", a.label());
                    let _ = write!(out, "<w:p>{}</w:p>", run(&caption, true));
                    let pic = |parts: &mut Parts, png: &Option<Vec<u8>>| match png {
                        Some(p) => parts.picture(p),
                        None => run("（画像なし）", false),
                    };
                    let g = pic(parts, &a.genuine);
                    let s = pic(parts, &a.suspect);
                    let _ = write!(
                        out,
                        "<w:tbl><w:tblPr><w:tblW w:w=\"8500\" w:type=\"dxa\"/><w:tblBorders>\
                         <w:top w:val=\"single\" w:sz=\"4\" w:color=\"888888\"/><w:left w:val=\"single\" w:sz=\"4\" w:color=\"888888\"/>\
                         <w:bottom w:val=\"single\" w:sz=\"4\" w:color=\"888888\"/><w:right w:val=\"single\" w:sz=\"4\" w:color=\"888888\"/>\
                         <w:insideH w:val=\"single\" w:sz=\"4\" w:color=\"888888\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:color=\"888888\"/>\
                         </w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w=\"4250\"/><w:gridCol w:w=\"4250\"/></w:tblGrid>\
                         <w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl><w:p/>",
                        cell(&run("公式アカウント", true)),
                        cell(&run("なりすましの疑いのあるアカウント", true)),
                        cell(&g),
                        cell(&s),
                    );
                }
            }
        }
    }
    out
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Century" w:hAnsi="Century" w:eastAsia="游明朝"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="游ゴシック"/><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="游ゴシック"/><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:rFonts w:eastAsia="游ゴシック"/><w:b/></w:rPr></w:style>
</w:styles>
"#;

/// The .docx bytes of a document.
/// With a `mark` (the mark and the sentence saying why), the document opens with it in red and
/// every page carries it in its header.
pub fn to_docx(blocks: &[Block], avatars: &[AvatarPair], mark: Option<(&str, &str)>) -> Result<Vec<u8>, DocxError> {
    let mut parts = Parts {
        rels: vec![("rIdS".into(), "styles.xml".into(), false)],
        media: Vec::new(),
        next_pic: 0,
    };
    let mut body = body(&mut parts, blocks, avatars);
    let mut header_ref = String::new();
    let mut header_part = None;
    if let Some((mark, why)) = mark {
        let red = |text: &str, size: u32| {
            format!(
                "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val=\"B00020\"/><w:sz w:val=\"{size}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_escape(text)
            )
        };
        body = format!("{}{}{body}", red(&format!("【{mark}】"), 36), red(why, 21));
        parts.rels.push(("rIdH".into(), "header1.xml".into(), false));
        header_ref = "<w:headerReference w:type=\"default\" r:id=\"rIdH\"/>".into();
        header_part = Some(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{}</w:hdr>\n",
            red(&format!("【{mark}】{why}"), 18)
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\" xmlns:wp=\"{WP_NS}\"><w:body>{body}\
         <w:sectPr>{header_ref}<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1701\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>\
         </w:body></w:document>\n"
    );
    let mut rels =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{REL_NS}\">");
    for (id, target, external) in &parts.rels {
        let (kind, mode) = if *external {
            ("hyperlink", " TargetMode=\"External\"")
        } else if target.starts_with("media/") {
            ("image", "")
        } else if target.starts_with("header") {
            ("header", "")
        } else {
            ("styles", "")
        };
        let _ = write!(
            rels,
            "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{}\"{mode}/>",
            xml_escape(target)
        );
    }
    rels.push_str("</Relationships>\n");
    let header_type = if header_part.is_some() {
        "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
    } else {
        ""
    };
    let content_types = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Default Extension=\"png\" ContentType=\"image/png\"/>\
        <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
        <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
        {header_type}</Types>\n"
    );
    let package_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
         </Relationships>\n"
    );
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), content_types.as_bytes().to_vec()),
        ("_rels/.rels".into(), package_rels.into_bytes()),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/styles.xml".into(), STYLES.as_bytes().to_vec()),
        ("word/_rels/document.xml.rels".into(), rels.into_bytes()),
    ];
    if let Some(header) = header_part {
        files.push(("word/header1.xml".into(), header.into_bytes()));
    }
    files.append(&mut parts.media);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(|e| DocxError(e.to_string()))?;
        zip.write_all(&bytes).map_err(|e| DocxError(e.to_string()))?;
    }
    let cursor = zip.finish().map_err(|e| DocxError(e.to_string()))?;
    Ok(cursor.into_inner())
}
