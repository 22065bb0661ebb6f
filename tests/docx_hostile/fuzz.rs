//! Fuzzing the Word importer: mutated corpus files and mutated XML in a valid archive never
//! panic, are always quick, and their notes always lie inside their sections.

use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::import::docx::outline_from_docx;
use copydesk::import::import_bytes;
use jiff::Timestamp;
use proptest::prelude::*;

use crate::common::{corpus_docx_files, zip_of};

use super::MINIMAL_DOCUMENT;

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
