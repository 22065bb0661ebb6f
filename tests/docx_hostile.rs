//! The Word importer against hostile archives and fuzzed input: every refusal is quick and
//! says what is wrong; nothing panics; notes always lie inside their sections.

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::import::docx::{DocxError, Limits, outline_from_docx, outline_from_docx_within};
use copydesk::import::import_bytes;
use jiff::Timestamp;
use proptest::prelude::*;

use crate::common::{corpus_docx_files, shared_file, zip_of};

// ---------------------------------------------------------------------------------------
// Hostile archives.

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

// ---------------------------------------------------------------------------------------
// Amplification and quadratic work: small files that once made huge output or took long.

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

// ---------------------------------------------------------------------------------------
// Fuzzing: never a panic, always quick, notes always inside their sections.

fn fuzz_config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    ProptestConfig::with_cases(cases)
}

fn corpus_files() -> Vec<Vec<u8>> {
    let Some(files) = corpus_docx_files() else {
        return vec![zip_of(&[(
            "word/document.xml",
            MINIMAL_DOCUMENT.as_bytes(),
        )])];
    };
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// The XML parts of a corpus file, by name.
fn corpus_parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            (entry.name().unwrap().into_owned(), data)
        })
        .collect()
}

fn check_outline_is_sound(bytes: &[u8]) {
    let started = Instant::now();
    let result = outline_from_docx(bytes);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "slow: {:?}",
        started.elapsed()
    );
    if let Ok(outline) = result {
        for note in &outline.notes {
            let section = outline.sections.get(note.section);
            let len = section.map_or(0, |s| s.paragraphs.join("\n").chars().count());
            assert!(
                note.range.start <= note.range.end && note.range.end <= len,
                "{note:?} outside a section of {len} characters"
            );
        }
        // And the project built from it holds together.
        let _ = import_bytes(
            Path::new("fuzz.docx"),
            bytes,
            copydesk::model::DraftFormat::Docx,
            Timestamp::UNIX_EPOCH,
        );
    }
}

#[derive(Clone, Debug)]
enum Edit {
    Flip(usize, u8),
    Truncate(usize),
    Splice(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, bits)| Edit::Flip(at, bits)),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), any::<usize>(), 0_usize..64)
            .prop_map(|(to, from, len)| Edit::Splice(to, from, len)),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    if bytes.is_empty() {
        return;
    }
    match *edit {
        Edit::Flip(at, bits) => {
            let at = at % bytes.len();
            bytes[at] ^= bits.max(1);
        }
        Edit::Truncate(at) => bytes.truncate(at % bytes.len()),
        Edit::Splice(to, from, len) => {
            let from = from % bytes.len();
            let piece: Vec<u8> = bytes[from..(from + len).min(bytes.len())].to_vec();
            let to = to % bytes.len();
            bytes.splice(to..to, piece);
        }
    }
}

const XML_PIECES: [&str; 24] = [
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    "<w:ins w:author=\"X\">",
    "</w:ins>",
    "<w:del w:author=\"Y\" w:date=\"bad\">",
    "</w:del>",
    "<w:commentRangeStart w:id=\"0\"/>",
    "<w:commentRangeEnd w:id=\"0\"/>",
    "<w:commentReference w:id=\"9\"/>",
    "<w:tbl><w:tr><w:tc>",
    "</w:tc></w:tr></w:tbl>",
    "<w:pPr><w:rPr><w:del/></w:rPr></w:pPr>",
    "<w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"1\"/></w:numPr>",
    "<w:footnoteReference w:id=\"1\"/>",
    "&amp;",
    "&#0;",
    "<w:delText>gone</w:delText>",
    "<w:pStyle w:val=\"Heading1\"/>",
    "<w:basedOn w:val=\"Heading1\"/>",
    "é\u{202E}",
];

proptest! {
    #![proptest_config(fuzz_config())]

    #[test]
    fn mutated_corpus_files_never_panic(file in any::<prop::sample::Index>(), edits in prop::collection::vec(edit(), 1..6)) {
        let files = corpus_files();
        let mut bytes = files[file.index(files.len())].clone();
        for e in &edits {
            apply(&mut bytes, e);
        }
        check_outline_is_sound(&bytes);
    }

    #[test]
    fn mutated_xml_in_a_valid_zip_never_panics(
        file in any::<prop::sample::Index>(),
        part in prop::sample::select(vec!["word/document.xml", "word/comments.xml", "word/numbering.xml", "word/styles.xml", "word/commentsExtended.xml", "word/footnotes.xml"]),
        inserts in prop::collection::vec((any::<usize>(), prop::sample::select(XML_PIECES.to_vec())), 0..6),
        edits in prop::collection::vec(edit(), 0..4),
    ) {
        let files = corpus_files();
        let mut parts = corpus_parts(&files[file.index(files.len())]);
        if let Some((_, data)) = parts.iter_mut().find(|(name, _)| name == part) {
            for (at, piece) in &inserts {
                let at = if data.is_empty() { 0 } else { at % data.len() };
                data.splice(at..at, piece.bytes());
            }
            for e in &edits {
                apply(data, e);
            }
        }
        let entries: Vec<(&str, &[u8])> = parts.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
        check_outline_is_sound(&zip_of(&entries));
    }
}
