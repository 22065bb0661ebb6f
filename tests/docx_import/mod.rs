//! The Word importer against pandoc's reading of the shared corpus (hostile archives and
//! fuzzing are in `docx_hostile`), and small handmade documents.

mod pandoc;
mod redlined;

use std::path::Path;

use copydesk::import::{draft_format_from_path, import_bytes};
use copydesk::model::{CommentOrigin, Project};
use jiff::Timestamp;

use crate::common::{corpus_docx_files, shared_file, zip_of};

use pandoc::{native_comments, native_from_file, native_headers, native_table_rows};

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
    import_docx_bytes(path, &std::fs::read(path).unwrap())
}

fn import_docx_bytes(path: &Path, bytes: &[u8]) -> Project {
    import_bytes(
        path,
        bytes,
        draft_format_from_path(path).unwrap(),
        Timestamp::UNIX_EPOCH,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

// ---------------------------------------------------------------------------------------
// Conformance with pandoc over the corpus.

#[test]
fn every_corpus_docx_reads_as_pandoc_reads_it() {
    let Some(files) = corpus_docx_files() else {
        return;
    };
    let expected = files[0].with_file_name("expected");
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
// Small handmade documents.

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml""#;

fn handmade_docx(parts: &[(&str, String)]) -> Vec<u8> {
    let entries: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(name, text)| (*name, text.as_bytes()))
        .collect();
    zip_of(&entries)
}

fn import_handmade(parts: &[(&str, String)]) -> Project {
    import_docx_bytes(Path::new("handmade.docx"), &handmade_docx(parts))
}

#[test]
fn a_comment_marked_done_in_word_comes_in_resolved() {
    let document = format!(
        r#"<w:document {W_NS}><w:body><w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Settled words</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:commentRangeStart w:id="2"/><w:r><w:t>open ones.</w:t></w:r><w:commentRangeEnd w:id="2"/></w:p></w:body></w:document>"#
    );
    let comments = format!(
        r#"<w:comments {W_NS}><w:comment w:id="0" w:author="Ann" w:date="2024-03-01T10:00:00Z"><w:p w14:paraId="0A000001"><w:r><w:t>Check this.</w:t></w:r></w:p></w:comment><w:comment w:id="1" w:author="Bo" w:date="2024-03-02T10:00:00Z"><w:p w14:paraId="0A000002"><w:r><w:t>Checked.</w:t></w:r></w:p></w:comment><w:comment w:id="2" w:author="Cy"><w:p w14:paraId="0A000003"><w:r><w:t>Still open.</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let extended = format!(
        r#"<w15:commentsEx {W_NS}><w15:commentEx w15:paraId="0A000001" w15:done="1"/><w15:commentEx w15:paraId="0A000002" w15:paraIdParent="0A000001" w15:done="0"/><w15:commentEx w15:paraId="0A000003" w15:done="0"/></w15:commentsEx>"#
    );
    let project = import_handmade(&[
        ("word/document.xml", document),
        ("word/comments.xml", comments),
        ("word/commentsExtended.xml", extended),
    ]);
    assert_eq!(project.comments.len(), 2);
    let done = &project.comments[0];
    assert_eq!(done.body, "Check this.");
    assert_eq!(done.replies.len(), 1);
    let resolution = done.resolved.as_ref().expect("marked done in Word");
    assert_eq!(resolution.by, "Word (marked done)");
    assert_eq!(
        resolution.at,
        "2024-03-01T10:00:00Z".parse::<Timestamp>().unwrap()
    );
    assert_eq!(project.comments[1].body, "Still open.");
    assert_eq!(project.comments[1].resolved, None);
}
