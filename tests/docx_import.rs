//! The Word importer against pandoc's reading of the shared corpus, and against hostile
//! archives and fuzzed input.

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::import::docx::{DocxError, outline_from_docx};
use copydesk::import::{draft_format_from_path, import_bytes};
use copydesk::model::{CommentOrigin, Project};
use jiff::Timestamp;
use proptest::prelude::*;

use crate::common::shared_file;

// ---------------------------------------------------------------------------------------
// Pandoc's native AST, parsed just enough to read headers, tables and comment spans.

#[derive(Clone, Debug)]
enum Native {
    Con(String, Vec<Native>),
    Str(String),
    Num,
    List(Vec<Native>),
    Tuple(Vec<Native>),
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Open(char),
    Close(char),
    Comma,
    Ident(String),
    Str(String),
    Num,
}

fn native_tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '[' | '(' => tokens.push(Token::Open(c)),
            ']' | ')' => tokens.push(Token::Close(c)),
            ',' => tokens.push(Token::Comma),
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                        match chars.get(i) {
                            Some(d) if d.is_ascii_digit() => {
                                let mut n = 0u32;
                                while i < chars.len() && chars[i].is_ascii_digit() {
                                    n = n * 10 + chars[i].to_digit(10).unwrap();
                                    i += 1;
                                }
                                s.push(char::from_u32(n).unwrap());
                                continue;
                            }
                            // `\&` separates an escape from a following digit.
                            Some('&') | None => {}
                            Some('n') => s.push('\n'),
                            Some(other) => s.push(*other),
                        }
                    } else {
                        s.push(chars[i]);
                    }
                    i += 1;
                }
                tokens.push(Token::Str(s));
            }
            c if c.is_ascii_digit() || c == '-' => {
                while i + 1 < chars.len() && (chars[i + 1].is_ascii_digit() || chars[i + 1] == '.')
                {
                    i += 1;
                }
                tokens.push(Token::Num);
            }
            c if c.is_alphabetic() => {
                let mut s = String::new();
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    s.push(chars[i]);
                    i += 1;
                }
                tokens.push(Token::Ident(s));
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    tokens
}

/// expr := atom+ (a constructor followed by its arguments)
fn native_expr(tokens: &[Token], at: &mut usize) -> Native {
    let first = native_atom(tokens, at);
    let Native::Con(name, _) = first else {
        return first;
    };
    let mut args = Vec::new();
    while let Some(token) = tokens.get(*at) {
        if matches!(token, Token::Comma | Token::Close(_)) {
            break;
        }
        args.push(native_atom(tokens, at));
    }
    Native::Con(name, args)
}

fn native_atom(tokens: &[Token], at: &mut usize) -> Native {
    let token = tokens[*at].clone();
    *at += 1;
    match token {
        Token::Str(s) => Native::Str(s),
        Token::Num => Native::Num,
        Token::Ident(name) => Native::Con(name, Vec::new()),
        Token::Open(open) => {
            let mut items = Vec::new();
            loop {
                match tokens[*at] {
                    Token::Close(_) => {
                        *at += 1;
                        break;
                    }
                    Token::Comma => *at += 1,
                    _ => items.push(native_expr(tokens, at)),
                }
            }
            if open == '[' {
                Native::List(items)
            } else if items.len() == 1 {
                items.pop().unwrap()
            } else {
                Native::Tuple(items)
            }
        }
        Token::Close(_) | Token::Comma => panic!("unexpected {token:?}"),
    }
}

fn native_from_file(path: &Path) -> Native {
    let text = std::fs::read_to_string(path).unwrap();
    let tokens = native_tokens(&text);
    let mut at = 0;
    native_expr(&tokens, &mut at)
}

fn native_children(node: &Native) -> &[Native] {
    match node {
        Native::Con(_, items) | Native::List(items) | Native::Tuple(items) => items,
        Native::Str(_) | Native::Num => &[],
    }
}

/// The text of inlines: words and spaces (notes and comment bodies left out).
fn native_text(node: &Native, out: &mut String) {
    match node {
        Native::Str(s) => out.push_str(s),
        Native::Con(name, _) if matches!(name.as_str(), "Space" | "SoftBreak" | "LineBreak") => {
            out.push(' ');
        }
        Native::Con(name, _) if name == "Note" => {}
        Native::Con(name, children) if matches!(name.as_str(), "Para" | "Plain") => {
            out.push(' ');
            children.iter().for_each(|c| native_text(c, out));
        }
        _ => native_children(node)
            .iter()
            .for_each(|c| native_text(c, out)),
    }
}

fn native_find<'n>(node: &'n Native, name: &str, found: &mut Vec<&'n Native>) {
    if matches!(node, Native::Con(n, _) if n == name) {
        found.push(node);
    }
    native_children(node)
        .iter()
        .for_each(|c| native_find(c, name, found));
}

fn native_headers(doc: &Native) -> Vec<String> {
    let mut headers = Vec::new();
    native_find(doc, "Header", &mut headers);
    headers
        .into_iter()
        .map(|h| {
            let mut text = String::new();
            native_text(native_children(h).last().unwrap(), &mut text);
            normalized(&text)
        })
        .collect()
}

/// Every table row's words, sorted (a multiset), in order.
fn native_table_rows(doc: &Native) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    native_find(doc, "Row", &mut rows);
    rows.into_iter()
        .map(|row| {
            let mut text = String::new();
            let mut cells = Vec::new();
            native_find(row, "Cell", &mut cells);
            for cell in cells {
                native_text(cell, &mut text);
                text.push(' ');
            }
            sorted_words(&text)
        })
        .collect()
}

#[derive(Debug, Default)]
struct NativeComment {
    author: String,
    passage: String,
}

/// Comments in the order they start, with the text between their start and end spans.
fn native_comments(doc: &Native) -> Vec<NativeComment> {
    fn walk(node: &Native, open: &mut Vec<(String, usize)>, comments: &mut Vec<NativeComment>) {
        match node {
            Native::Con(name, args) if name == "Span" => {
                let attr = format!("{:?}", args[0]);
                let id = attr_value(&args[0], "id");
                if attr.contains("comment-start") {
                    comments.push(NativeComment {
                        author: attr_value(&args[0], "author"),
                        passage: String::new(),
                    });
                    open.push((id, comments.len() - 1));
                    return; // the span's content is the comment's body
                }
                if attr.contains("comment-end") {
                    open.retain(|(open_id, _)| *open_id != id);
                }
                // Only the span's content, not its attributes.
                if let Some(content) = args.last() {
                    walk(content, open, comments);
                }
            }
            Native::Str(s) => open
                .iter()
                .for_each(|(_, i)| comments[*i].passage.push_str(s)),
            Native::Con(name, _)
                if matches!(name.as_str(), "Space" | "SoftBreak" | "LineBreak") =>
            {
                open.iter()
                    .for_each(|(_, i)| comments[*i].passage.push(' '));
            }
            Native::Con(name, _) if matches!(name.as_str(), "Para" | "Plain") => {
                open.iter()
                    .for_each(|(_, i)| comments[*i].passage.push(' '));
                native_children(node)
                    .iter()
                    .for_each(|c| walk(c, open, comments));
            }
            _ => native_children(node)
                .iter()
                .for_each(|c| walk(c, open, comments)),
        }
    }
    fn attr_value(attr: &Native, key: &str) -> String {
        let Native::Tuple(parts) = attr else {
            return String::new();
        };
        let Some(Native::List(pairs)) = parts.get(2) else {
            return String::new();
        };
        pairs
            .iter()
            .find_map(|pair| match pair {
                Native::Tuple(kv) => match (&kv[0], &kv[1]) {
                    (Native::Str(k), Native::Str(v)) if k == key => Some(v.clone()),
                    _ => None,
                },
                _ => None,
            })
            .unwrap_or_default()
    }
    let mut comments = Vec::new();
    walk(doc, &mut Vec::new(), &mut comments);
    comments
}

// ---------------------------------------------------------------------------------------
// Normalisations.

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sorted_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split_whitespace()
        .filter(|w| *w != "|")
        .map(str::to_owned)
        .collect();
    words.sort();
    words
}

/// Pandoc's plain text with its tables taken out. A table starts at a border line (dashes,
/// or `+--+` for grid tables) and ends at a border line followed by a blank line. Tables are
/// compared separately, row by row, because pandoc lays them out in columns (a grid table
/// even interleaves multi-paragraph cells line by line) while we write one line per row.
fn plain_without_tables(plain: &str) -> String {
    let lines: Vec<&str> = plain.lines().collect();
    let is_border = |line: &str| {
        let t = line.trim();
        !t.is_empty()
            && t.contains('-')
            && t.chars().all(|c| matches!(c, '-' | '+' | ' ' | '=' | ':'))
    };
    let mut kept = Vec::new();
    let mut in_table = false;
    for (i, line) in lines.iter().enumerate() {
        if is_border(line) {
            if !in_table {
                in_table = true;
            } else if lines.get(i + 1).is_none_or(|next| next.trim().is_empty()) {
                in_table = false;
            }
            continue;
        }
        if !in_table {
            kept.push(*line);
        }
    }
    kept.join("\n")
}

/// Our project's text in reading order: title, then each heading and its paragraphs, with
/// the paragraphs that are table rows (matched in order against pandoc's rows, by their
/// words as a multiset) taken out; returns the text and how many rows matched.
fn project_text_without_table_rows(project: &Project, rows: &[Vec<String>]) -> (String, usize) {
    let mut parts = vec![project.title.clone()];
    let mut next_row = 0;
    for section in &project.sections {
        if let Some(heading) = &section.heading {
            parts.push(heading.clone());
        }
        for paragraph in section.text.split('\n') {
            if next_row < rows.len() && paragraph.contains(" | ") {
                assert_eq!(
                    sorted_words(paragraph),
                    rows[next_row],
                    "table row {next_row}: “{paragraph}”"
                );
                next_row += 1;
                continue;
            }
            parts.push(paragraph.to_owned());
        }
    }
    (normalized(&parts.join("\n")), next_row)
}

fn import_docx(path: &Path) -> Project {
    let bytes = std::fs::read(path).unwrap();
    import_bytes(
        path,
        &bytes,
        draft_format_from_path(path).unwrap(),
        Timestamp::UNIX_EPOCH,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

// ---------------------------------------------------------------------------------------
// Conformance with pandoc over the corpus.

#[test]
fn every_corpus_docx_reads_as_pandoc_reads_it() {
    let Some(corpus) = shared_file("corpus/docx") else {
        return;
    };
    let expected = corpus.join("expected");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "the corpus has {} files", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let stem = if expected.join(format!("{name}_accept.plain.txt")).exists() {
            format!("{name}_accept")
        } else if name == "comments" {
            "comments_no_comments".to_owned()
        } else {
            name.clone()
        };
        let plain = std::fs::read_to_string(expected.join(format!("{stem}.plain.txt"))).unwrap();
        let native = native_from_file(&expected.join(format!("{stem}.native")));
        let project = import_docx(path);

        let rows = native_table_rows(&native);
        let (ours, matched_rows) = project_text_without_table_rows(&project, &rows);
        if matched_rows != rows.len() {
            failures.push(format!(
                "{name}: {matched_rows} of {} table rows",
                rows.len()
            ));
        }
        // When the article has no title of its own it is named after the file, which
        // pandoc does not print.
        let theirs = normalized(&plain_without_tables(&plain));
        let ours = ours
            .strip_prefix(&format!("{name} "))
            .map_or(ours.clone(), str::to_owned);
        if ours != theirs {
            failures.push(format!(
                "{name}: text differs\n  ours:   {ours}\n  pandoc: {theirs}"
            ));
        }

        let mut headings: Vec<String> = Vec::new();
        if project.title != name {
            headings.push(normalized(&project.title));
        }
        headings.extend(
            project
                .sections
                .iter()
                .filter_map(|s| s.heading.as_deref().map(normalized)),
        );
        let expected_headings = native_headers(&native);
        if headings != expected_headings {
            failures.push(format!(
                "{name}: headings {headings:?} vs pandoc {expected_headings:?}"
            ));
        }

        // Comments: pandoc lists a reply as a comment of its own on its parent's passage.
        let comment_native = if name == "comments" {
            native_from_file(&expected.join("comments.native"))
        } else {
            native.clone()
        };
        let mut theirs: Vec<(String, String)> = native_comments(&comment_native)
            .into_iter()
            .map(|c| (c.author, normalized(&c.passage)))
            .collect();
        let mut ours: Vec<(String, String)> = project
            .comments
            .iter()
            .filter(|c| c.origin == Some(CommentOrigin::WordComment))
            .flat_map(|c| {
                let passage = normalized(
                    &c.passage
                        .as_ref()
                        .map(|p| p.quote.clone())
                        .unwrap_or_default(),
                );
                std::iter::once((c.author.clone(), passage.clone())).chain(
                    c.replies
                        .iter()
                        .map(move |r| (r.author.clone(), passage.clone())),
                )
            })
            .collect();
        theirs.sort();
        ours.sort();
        if ours != theirs {
            failures.push(format!("{name}: comments {ours:?} vs pandoc {theirs:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Counted by hand from each file's word/document.xml: one `w:ins` by eng-dept; one
/// `w:del` by eng-dept; a move is one `w:moveTo` (kept, an insertion) and one `w:moveFrom`
/// (dropped, a deletion) by Jesse Rosenthal; the split paragraph has one inserted and one
/// deleted paragraph mark (`w:pPr/w:rPr/w:ins|w:del`) by "Seeley, Jason".
#[test]
fn tracked_changes_are_counted_per_author() {
    let Some(corpus) = shared_file("corpus/docx") else {
        return;
    };
    let cases = [
        ("track_changes_insertion", "eng-dept", 1, 0),
        ("track_changes_deletion", "eng-dept", 0, 1),
        ("track_changes_move", "Jesse Rosenthal", 1, 1),
        ("paragraph_insertion_deletion", "Seeley, Jason", 1, 1),
    ];
    for (name, author, insertions, deletions) in cases {
        let project = import_docx(&corpus.join(format!("{name}.docx")));
        let counts = &project.draft.tracked_changes;
        assert_eq!(counts.len(), 1, "{name}: {counts:?}");
        assert_eq!(counts[0].author, author, "{name}");
        assert_eq!(
            (counts[0].insertions, counts[0].deletions),
            (insertions, deletions),
            "{name}"
        );
    }
}

#[test]
fn tracked_changes_become_notes_on_their_words() {
    let Some(corpus) = shared_file("corpus/docx") else {
        return;
    };
    let project = import_docx(&corpus.join("track_changes_insertion.docx"));
    let note = &project.comments[0];
    assert_eq!(note.origin, Some(CommentOrigin::TrackedInsertion));
    assert_eq!(note.passage.as_ref().unwrap().quote, "two exciting");
    assert_eq!(
        note.body,
        "Inserted “two exciting” (tracked change, accepted on import)"
    );
    assert_eq!(note.created.to_string(), "2014-06-25T10:40:00Z");
    let project = import_docx(&corpus.join("track_changes_deletion.docx"));
    let note = &project.comments[0];
    assert_eq!(note.origin, Some(CommentOrigin::TrackedDeletion));
    assert_eq!(note.passage.as_ref().unwrap().quote, "a");
    assert_eq!(
        note.body,
        "Deleted “n excessively modified” (tracked change, accepted on import)"
    );
}

#[test]
fn comments_keep_their_bodies_and_replies() {
    let Some(corpus) = shared_file("corpus/docx") else {
        return;
    };
    let project = import_docx(&corpus.join("comments.docx"));
    let comments: Vec<_> = project.comments.iter().collect();
    assert_eq!(comments.len(), 4);
    assert_eq!(comments[0].body, "I left a comment.");
    assert_eq!(comments[2].body, "This one has multiple paragraphs.\nSee?");
    let threaded = comments.iter().find(|c| !c.replies.is_empty()).unwrap();
    assert_eq!(threaded.body, "Do something.");
    assert_eq!(threaded.replies[0].body, "Do something else.");
    assert_eq!(threaded.replies[0].author, "Jesse Rosenthal");
}

// ---------------------------------------------------------------------------------------
// Hostile archives.

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

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
// Fuzzing: never a panic, always quick, notes always inside their sections.

fn fuzz_config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    ProptestConfig::with_cases(cases)
}

fn corpus_files() -> Vec<Vec<u8>> {
    let Some(corpus) = shared_file("corpus/docx") else {
        return vec![zip_of(&[(
            "word/document.xml",
            MINIMAL_DOCUMENT.as_bytes(),
        )])];
    };
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
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
