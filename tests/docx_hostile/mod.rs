//! The Word importer against hostile archives and fuzzed input: every refusal is quick and
//! says what is wrong; nothing panics; notes always lie inside their sections. This module
//! holds the hostile archives; `amplification` the small files that once made huge output
//! or took long; `fuzz` the fuzzing.

mod amplification;
mod fuzz;

use std::io::Write as _;
use std::time::{Duration, Instant};

use copydesk::import::docx::{DocxError, outline_from_docx};

use crate::common::{shared_file, zip_of};

const MINIMAL_DOCUMENT: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello.</w:t></w:r></w:p></w:body></w:document>"#;

/// Fails, quickly: these check that the limits stop the work early, not how fast it is.
fn fails_fast(bytes: &[u8]) -> DocxError {
    let started = Instant::now();
    let result = outline_from_docx(bytes);
    let elapsed = started.elapsed();
    assert!(
        elapsed < Duration::from_secs(2),
        "took {elapsed:?} to give {result:?}"
    );
    result.expect_err("hostile input must be refused")
}

fn message(error: &DocxError) -> String {
    format!("story.docx: {error}")
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    writer.start_file("word/document.xml", options).unwrap();
    // Just over the 64 MiB cap on the document: enough to prove the point, quick to build.
    let zeros = vec![0_u8; 1 << 20];
    for _ in 0..65 {
        writer.write_all(&zeros).unwrap();
    }
    let bomb = writer.finish().unwrap().into_inner();
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let error = fails_fast(&bomb);
    assert!(matches!(error, DocxError::TooLarge { .. }), "{error:?}");
    assert_eq!(
        message(&error),
        "story.docx: the Word document is suspiciously large when unpacked (word/document.xml would be over 64 MiB)"
    );

    // Under the size cap but far over the ratio.
    let small_bomb = zip_of(&[("word/document.xml", &vec![b' '; 8 << 20])]);
    let error = fails_fast(&small_bomb);
    assert!(
        matches!(error, DocxError::CompressionBomb { .. }),
        "{error:?}"
    );
}

#[test]
fn a_size_that_lies_is_caught_while_unpacking() {
    // 8 MiB of spaces declared as 100 bytes, in both the local header and the directory.
    let mut bytes = zip_of(&[("word/document.xml", &vec![b' '; 8 << 20])]);
    let real = (8_u32 << 20).to_le_bytes();
    let lie = 100_u32.to_le_bytes();
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(4) {
        if bytes[at..at + 4] == real {
            bytes[at..at + 4].copy_from_slice(&lie);
            patched += 1;
        }
    }
    assert!(patched >= 2, "patched {patched} size fields");
    let error = fails_fast(&bytes);
    assert!(
        matches!(
            error,
            DocxError::CompressionBomb { .. }
                | DocxError::Damaged(_)
                | DocxError::InvalidXml { .. }
        ),
        "{error:?}"
    );
}

#[test]
fn too_many_entries_are_refused() {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..10_050 {
        writer.start_file(format!("f{i}"), options).unwrap();
    }
    writer.start_file("word/document.xml", options).unwrap();
    writer.write_all(MINIMAL_DOCUMENT.as_bytes()).unwrap();
    let bytes = writer.finish().unwrap().into_inner();
    let error = fails_fast(&bytes);
    assert!(
        matches!(error, DocxError::TooManyEntries { count: 10_051, .. }),
        "{error:?}"
    );
}

#[test]
fn damaged_and_foreign_files_get_clear_messages() {
    let valid = zip_of(&[("word/document.xml", MINIMAL_DOCUMENT.as_bytes())]);
    assert_eq!(
        outline_from_docx(&valid).unwrap().sections[0].paragraphs,
        ["Hello."]
    );
    let error = fails_fast(b"Just some text, renamed.");
    assert_eq!(
        message(&error),
        "story.docx: this is not a Word document (.docx): it is not a zip archive"
    );
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend([0; 504]);
    assert_eq!(fails_fast(&doc), DocxError::OldWordOrEncrypted);
    let error = fails_fast(&zip_of(&[("word/other.xml", b"<a/>")]));
    assert_eq!(error, DocxError::NoDocument);
    let error = fails_fast(&zip_of(&[("word/document.xml", b"<w:document><w:body>")]));
    assert!(matches!(error, DocxError::InvalidXml { .. }), "{error:?}");
    assert!(message(&error).starts_with(
        "story.docx: the Word document is damaged (word/document.xml is not well-formed XML"
    ));
    let error = fails_fast(&valid[..valid.len() / 2]);
    assert!(matches!(error, DocxError::Damaged(_)), "{error:?}");
    assert!(message(&error).contains("truncated"), "{error}");
}

#[test]
fn truncated_corpus_files_fail_cleanly() {
    let Some(corpus) = shared_file("corpus/docx") else {
        return;
    };
    let bytes = std::fs::read(corpus.join("comments.docx")).unwrap();
    for cut in [
        0,
        1,
        2,
        4,
        30,
        100,
        bytes.len() / 3,
        bytes.len() / 2,
        bytes.len() - 22,
        bytes.len() - 1,
    ] {
        let error = fails_fast(&bytes[..cut]);
        assert!(
            matches!(error, DocxError::NotAZip | DocxError::Damaged(_)),
            "cut at {cut}: {error:?}"
        );
    }
}

#[test]
fn random_bytes_are_not_a_document() {
    let mut rng = fastrand::Rng::with_seed(7);
    for len in [0, 1, 10, 1000, 100_000] {
        let bytes: Vec<u8> = (0..len).map(|_| rng.u8(..)).collect();
        fails_fast(&bytes);
        let mut zipish = b"PK\x03\x04".to_vec();
        zipish.extend(&bytes);
        fails_fast(&zipish);
    }
}

#[test]
fn entity_expansion_and_deep_nesting_are_refused() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE w:document [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<w:document><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#;
    let error = fails_fast(&zip_of(&[("word/document.xml", laughs.as_bytes())]));
    assert!(matches!(error, DocxError::XmlEntities { .. }), "{error:?}");
    assert_eq!(
        message(&error),
        "story.docx: the Word document is unsafe to read (word/document.xml declares XML entities, which Word never writes)"
    );
    // Left unclosed so the part stays under 1 MiB, where the compression ratio is not
    // checked: the nesting limit is what must stop it.
    let deep = format!("<w:document><w:body>{}", "<w:p>".repeat(100_000));
    let error = fails_fast(&zip_of(&[("word/document.xml", deep.as_bytes())]));
    assert!(matches!(error, DocxError::TooDeep { .. }), "{error:?}");
    let deep_styles = "<a>".repeat(100_000);
    let error = fails_fast(&zip_of(&[
        ("word/document.xml", MINIMAL_DOCUMENT.as_bytes()),
        ("word/styles.xml", deep_styles.as_bytes()),
    ]));
    assert!(
        matches!(error, DocxError::TooDeep { ref part, .. } if part == "word/styles.xml"),
        "{error:?}"
    );
}
