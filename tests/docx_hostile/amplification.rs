//! Amplification and quadratic work: small Word files that once made huge output or took
//! long, each now quick and bounded.

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::import::docx::{DocxError, Limits, outline_from_docx, outline_from_docx_within};
use copydesk::import::import_bytes;
use jiff::Timestamp;

use crate::common::zip_of;

use super::{fails_fast, message};

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml""#;

fn document_with_body(body: &str) -> String {
    format!(r#"<w:document {W_NS}><w:body>{body}</w:body></w:document>"#)
}

/// Imports, quickly (same bound as [`fails_fast`]).
fn imports_fast(bytes: &[u8]) -> copydesk::import::ArticleOutline {
    let started = Instant::now();
    let result = outline_from_docx(bytes);
    let elapsed = started.elapsed();
    assert!(
        elapsed < Duration::from_secs(2),
        "took {elapsed:?} to give {:?}",
        result.as_ref().map(|o| o.sections.len())
    );
    result.expect("the document must import")
}

fn outline_text(outline: &copydesk::import::ArticleOutline) -> String {
    outline
        .sections
        .iter()
        .map(|s| s.paragraphs.join("\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_footnote_cited_many_times_is_written_once() {
    // 100,000 characters cited 2,000 times: 200 MB of output when each citation copied it.
    let note = "n".repeat(100_000);
    let footnotes = format!(
        r#"<w:footnotes {W_NS}><w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let body =
        r#"<w:p><w:r><w:t>Cited.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#
            .repeat(2_000);
    let outline = imports_fast(&zip_of(&[
        ("word/document.xml", document_with_body(&body).as_bytes()),
        ("word/footnotes.xml", footnotes.as_bytes()),
    ]));
    let text = outline_text(&outline);
    assert!(text.len() < 200_000, "{} bytes of text", text.len());
    assert_eq!(text.matches(note.as_str()).count(), 1);
    assert!(
        text.starts_with("Cited.[1]\nCited.[1]\n"),
        "{}",
        &text[..40]
    );
    assert!(text.ends_with(&format!("Cited.[1]\n[1] {note}")));
}

#[test]
fn a_huge_list_marker_is_not_repeated_per_item() {
    let marker = "m".repeat(100_000);
    let numbering = format!(
        r#"<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="{marker}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let body = r#"<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Item</w:t></w:r></w:p>"#
        .repeat(2_000);
    let outline = imports_fast(&zip_of(&[
        ("word/document.xml", document_with_body(&body).as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]));
    let paragraphs = &outline.sections[0].paragraphs;
    assert_eq!(paragraphs.len(), 2_000);
    assert!(
        paragraphs.iter().all(|p| p == "- Item"),
        "{:?}",
        paragraphs[0]
    );
}

#[test]
fn the_text_produced_is_capped() {
    // Under a lowered cap, a body with more text than that is refused, not produced.
    let limits = Limits {
        max_text_bytes: 1 << 20,
        ..Limits::DEFAULT
    };
    // Numbered words, so the part does not compress like a zip bomb.
    let words: String = (0..200_000).map(|i| format!("w{i} ")).collect();
    let body = format!("<w:p><w:r><w:t>{words}</w:t></w:r></w:p>");
    let bytes = zip_of(&[("word/document.xml", document_with_body(&body).as_bytes())]);
    let started = Instant::now();
    let error = outline_from_docx_within(&bytes, &limits).expect_err("over the cap");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(error, DocxError::TooMuchText { limit_mib: 1 });
    assert_eq!(
        message(&error),
        "story.docx: the Word document is suspiciously large when read (its text would be over 1 MiB)"
    );
    assert!(outline_from_docx(&bytes).is_ok(), "within the default cap");
}

#[test]
fn a_long_chain_of_replies_is_one_thread_quickly() {
    // 20,000 comments each answering the one before took 28 s when every reply walked to
    // its thread's first comment on its own (10,000 about 7 s).
    let count = 10_000;
    let comments: String = (0..count)
        .map(|i| {
            format!(
                r#"<w:comment w:id="{i}" w:author="a"><w:p w14:paraId="{:08X}"><w:r><w:t>c{i}</w:t></w:r></w:p></w:comment>"#,
                i + 1
            )
        })
        .collect();
    let extended: String = (1..count)
        .map(|i| {
            format!(
                r#"<w15:commentEx w15:paraId="{:08X}" w15:paraIdParent="{i:08X}"/>"#,
                i + 1
            )
        })
        .collect();
    let body = r#"<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Text with comments.</w:t></w:r><w:commentRangeEnd w:id="0"/></w:p>"#;
    let outline = imports_fast(&zip_of(&[
        ("word/document.xml", document_with_body(body).as_bytes()),
        (
            "word/comments.xml",
            format!("<w:comments {W_NS}>{comments}</w:comments>").as_bytes(),
        ),
        (
            "word/commentsExtended.xml",
            format!("<w15:commentsEx {W_NS}>{extended}</w15:commentsEx>").as_bytes(),
        ),
    ]));
    assert_eq!(outline.notes.len(), 1);
    assert_eq!(outline.notes[0].body, "c0");
    assert_eq!(outline.notes[0].replies.len(), count - 1);
}

#[test]
fn many_tracked_changes_in_one_paragraph_are_read_in_linear_time() {
    // 200,000 insertions in one paragraph took 24 s when each was cut out of the
    // paragraph's text by counting characters from its start, then each one's passage
    // found by counting from the section's start, and its author looked up in a list of
    // all authors; 10,000 (each by its own author) still show it.
    let count = 10_000;
    let insertions: String = (0..count)
        .map(|i| {
            format!(
                r#"<w:ins w:author="A{i}"><w:r><w:t xml:space="preserve">é{i} </w:t></w:r></w:ins>"#
            )
        })
        .collect();
    let body = format!("<w:p>{insertions}</w:p>");
    let bytes = zip_of(&[("word/document.xml", document_with_body(&body).as_bytes())]);
    let started = Instant::now();
    let project = import_bytes(
        Path::new("story.docx"),
        &bytes,
        copydesk::model::DraftFormat::Docx,
        Timestamp::UNIX_EPOCH,
    )
    .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(project.comments.len(), count);
    assert_eq!(project.draft.tracked_changes.len(), count);
    let outline = imports_fast(&bytes);
    assert_eq!(outline.notes.len(), count);
    let text: Vec<char> = outline.sections[0].paragraphs[0].chars().collect();
    let last = outline.notes.last().unwrap();
    let inserted: String = text[last.range.clone()].iter().collect();
    assert_eq!(inserted, format!("é{}", count - 1));
}

fn stored_zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_part_with_too_many_elements_or_attributes_is_too_complex() {
    // 3.9 million empty paragraphs took 1.5 GB to parse, then failed as "no text". The
    // default caps are 1,000,000 elements and 2,000,000 attributes a part; parsing that
    // many takes seconds in a debug build, so the same refusal is shown at a tenth.
    assert_eq!(Limits::DEFAULT.max_xml_elements, 1_000_000);
    assert_eq!(Limits::DEFAULT.max_xml_attributes, 2_000_000);
    let limits = Limits {
        max_xml_elements: 100_000,
        max_xml_attributes: 200_000,
        ..Limits::DEFAULT
    };
    let refused = |body: &str| {
        let bytes = stored_zip_of(&[("word/document.xml", document_with_body(body).as_bytes())]);
        let started = Instant::now();
        let result = outline_from_docx_within(&bytes, &limits);
        assert!(started.elapsed() < Duration::from_secs(2), "{result:?}");
        result.expect_err("too complex")
    };
    let error = refused(&"<w:p/>".repeat(390_000));
    assert_eq!(
        message(&error),
        "story.docx: the Word document is too complex to read (word/document.xml has more than 100000 XML elements)"
    );
    let error = refused(&r#"<w:p w:a="1" w:b="2" w:c="3"/>"#.repeat(70_000));
    assert_eq!(
        message(&error),
        "story.docx: the Word document is too complex to read (word/document.xml has more than 200000 XML attributes)"
    );
}

#[test]
fn two_parts_of_one_name_are_refused() {
    // A zip writer refuses duplicate names, so the second name is patched in afterwards.
    let first = document_with_body(r#"<w:p><w:r><w:t>FIRST copy</w:t></w:r></w:p>"#);
    let second = document_with_body(r#"<w:p><w:r><w:t>SECOND copy</w:t></w:r></w:p>"#);
    let mut bytes = zip_of(&[
        ("word/document.xml", first.as_bytes()),
        ("word/documenX.xml", second.as_bytes()),
    ]);
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(17) {
        if &bytes[at..at + 17] == b"word/documenX.xml" {
            bytes[at + 12] = b't';
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "local header and directory");
    let error = fails_fast(&bytes);
    assert_eq!(
        message(&error),
        "story.docx: the Word document is damaged or incomplete (the zip archive holds two parts of the same name)"
    );
}
