//! The test articles as files — .txt, .md, .html and .docx in `tests/data/rtl/` — written
//! from `texts` by the functions here, so they can be made again the same way. A test checks
//! the files are what these functions write (the Word file part by part, not byte by byte: a
//! newer zip library may compress differently); `COPYDESK_WRITE_RTL_DATA=1 cargo test --test
//! tests rtl::files` writes them.
//!
//! The Word file is written as Word writes right-to-left text: `<w:bidi/>` in the `w:pPr` of
//! each right-to-left paragraph (heading and title too) and `<w:rtl/>` in the `w:rPr` of each
//! run of Arabic or Hebrew, Latin words and their digits in runs of their own.

use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::path::PathBuf;

use copydesk::bidi::Direction;
use unicode_bidi::{BidiClass, bidi_class};

use super::texts::{ARTICLES, Article, PageDir};

pub const EXTENSIONS: [&str; 4] = ["txt", "md", "html", "docx"];

pub fn data_path(name: &str, extension: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/rtl")
        .join(format!("{name}.{extension}"))
}

pub fn plain_text(article: &Article) -> String {
    let mut out = format!("{}\n\n", article.title);
    for section in article.sections {
        if let Some(heading) = section.heading {
            let _ = write!(out, "{heading}\n\n");
        }
        for paragraph in section.paragraphs {
            let _ = write!(out, "{}\n\n", paragraph.text);
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

pub fn markdown(article: &Article) -> String {
    let mut out = format!("# {}\n\n", article.title);
    for section in article.sections {
        if let Some(heading) = section.heading {
            let _ = write!(out, "## {heading}\n\n");
        }
        for paragraph in section.paragraphs {
            let _ = write!(out, "{}\n\n", paragraph.text);
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

pub fn web_page(article: &Article) -> String {
    let (html_dir, body_dir, block_rtl) = match article.page_dir {
        PageDir::Root => (" dir=\"rtl\"", "", ""),
        PageDir::Body => ("", " dir=\"rtl\"", ""),
        PageDir::EachBlock => ("", "", " dir=\"rtl\""),
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"{html_dir}>\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body{body_dir}>\n<article>\n<h1{block_rtl}>{}</h1>\n",
        article.language, article.title, article.title
    );
    for section in article.sections {
        if let Some(heading) = section.heading {
            let _ = writeln!(out, "<h2{block_rtl}>{heading}</h2>");
        }
        for paragraph in section.paragraphs {
            let dir = match paragraph.source {
                Direction::LeftToRight => " dir=\"ltr\"",
                Direction::RightToLeft => block_rtl,
            };
            let _ = writeln!(out, "<p{dir}>{}</p>", paragraph.text);
        }
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// The Word file's parts, by name.
pub fn word_parts(article: &Article) -> Vec<(&'static str, String)> {
    let mut body = String::new();
    word_paragraph(
        &mut body,
        Some("Title"),
        article.title,
        Direction::RightToLeft,
    );
    for section in article.sections {
        if let Some(heading) = section.heading {
            word_paragraph(&mut body, Some("Heading1"), heading, Direction::RightToLeft);
        }
        for paragraph in section.paragraphs {
            word_paragraph(&mut body, None, paragraph.text, paragraph.source);
        }
    }
    vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELATIONSHIPS.to_owned()),
        (
            "word/_rels/document.xml.rels",
            DOCUMENT_RELATIONSHIPS.to_owned(),
        ),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:bidi/></w:sectPr></w:body></w:document>"#
            ),
        ),
        ("word/styles.xml", STYLES.to_owned()),
    ]
}

pub fn word_file(article: &Article) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed date, so the file is the same on every run.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, text) in word_parts(article) {
        writer.start_file(name, options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// The parts of a Word file, by name, as text.
pub fn parts_of_word_file(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|index| {
            let mut file = archive.by_index(index).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().unwrap().into_owned(), text)
        })
        .collect()
}

fn word_paragraph(out: &mut String, style: Option<&str>, text: &str, direction: Direction) {
    out.push_str("<w:p><w:pPr>");
    if let Some(style) = style {
        let _ = write!(out, r#"<w:pStyle w:val="{style}"/>"#);
    }
    if direction == Direction::RightToLeft {
        out.push_str("<w:bidi/>");
    }
    out.push_str("</w:pPr>");
    for (piece, right_to_left) in script_runs(text) {
        let properties = if right_to_left {
            r#"<w:rPr><w:rtl/></w:rPr>"#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<w:r>{properties}<w:t xml:space="preserve">{piece}</w:t></w:r>"#
        );
    }
    out.push_str("</w:p>");
}

/// The text cut where its letters change script direction (Word starts a run there, the
/// Arabic or Hebrew one marked right to left); digits and punctuation stay with the letters
/// before them. Written apart from copydesk's own export on purpose.
fn script_runs(text: &str) -> Vec<(String, bool)> {
    let mut runs: Vec<(String, bool)> = Vec::new();
    for c in text.chars() {
        let right_to_left = match bidi_class(c) {
            BidiClass::R | BidiClass::AL => Some(true),
            BidiClass::L => Some(false),
            _ => None,
        };
        match (runs.last_mut(), right_to_left) {
            (Some((run, direction)), Some(rtl)) if *direction == rtl => run.push(c),
            (Some((run, _)), None) => run.push(c),
            (_, Some(rtl)) => runs.push((c.to_string(), rtl)),
            (None, None) => runs.push((c.to_string(), true)),
        }
    }
    runs
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const PACKAGE_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style></w:styles>"#;

/// Every file in `tests/data/rtl/` is what the functions above write from `texts`.
#[test]
fn the_test_files_are_what_the_generator_writes() {
    let write = std::env::var("COPYDESK_WRITE_RTL_DATA").is_ok_and(|v| v == "1");
    for article in ARTICLES {
        let texts = [
            ("txt", plain_text(article)),
            ("md", markdown(article)),
            ("html", web_page(article)),
        ];
        if write {
            for (extension, text) in &texts {
                std::fs::write(data_path(article.name, extension), text).unwrap();
            }
            std::fs::write(data_path(article.name, "docx"), word_file(article)).unwrap();
        }
        for (extension, text) in &texts {
            let path = data_path(article.name, extension);
            assert_eq!(
                &std::fs::read_to_string(&path).unwrap(),
                text,
                "{} is not what the generator writes (COPYDESK_WRITE_RTL_DATA=1 writes it)",
                path.display()
            );
        }
        let committed =
            parts_of_word_file(&std::fs::read(data_path(article.name, "docx")).unwrap());
        let written: Vec<(String, String)> = word_parts(article)
            .into_iter()
            .map(|(name, text)| (name.to_owned(), text))
            .collect();
        assert_eq!(committed, written, "{}.docx", article.name);
    }
}

#[test]
fn the_word_file_marks_paragraphs_and_runs_as_word_does() {
    let document = &word_parts(&super::texts::ARABIC)[3].1;
    assert!(document.contains(
        r#"<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t xml:space="preserve">CNN </w:t></w:r><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">نقلت"#
    ));
    assert!(
        document.contains(
            r#"<w:p><w:pPr></w:pPr><w:r><w:t xml:space="preserve">The council published"#
        )
    );
}
