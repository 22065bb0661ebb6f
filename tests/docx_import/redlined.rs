//! Redlined Word drafts: a draft carrying hundreds of tracked changes comes in with each
//! change dated as Word dated it, none of them empty, and the publishing gate counting them
//! as one line — in handmade documents and in the shared corpus.

use std::path::Path;

use copydesk::check::{OpenItem, open_items};
use copydesk::document::Document;
use copydesk::model::{Comment, Reviewer};
use copydesk::query::{ChangeScope, acknowledge_edit, unreviewed_changes};
use jiff::Timestamp;

use super::{import_docx, import_docx_bytes, import_handmade};
use crate::common::redlined::{STYLES, change_date, document_of, redlined_docx};
use crate::common::shared_file;

fn tracked(project: &copydesk::model::Project) -> Vec<&Comment> {
    project
        .comments
        .iter()
        .filter(|c| c.is_tracked_change())
        .collect()
}

#[test]
fn each_tracked_change_keeps_the_date_word_gave_it() {
    let project = import_docx_bytes(Path::new("redlined.docx"), &redlined_docx(219));
    let changes = tracked(&project);
    assert_eq!(changes.len(), 219);
    for (index, change) in changes.iter().enumerate() {
        assert_eq!(change.created, change_date(index), "{}", change.body);
    }
    // Imported on the epoch (import_handmade): no change is dated at the import.
    assert!(changes.iter().all(|c| c.created != Timestamp::UNIX_EPOCH));
}

#[test]
fn an_insertion_or_deletion_of_no_visible_text_is_no_change() {
    let paragraph = format!(
        r#"<w:p><w:r><w:t xml:space="preserve">Some words </w:t></w:r><w:ins w:id="1" w:author="Bea" w:date="2024-05-01T09:00:00Z"><w:r><w:t xml:space="preserve"> </w:t></w:r></w:ins><w:r><w:t xml:space="preserve">stay </w:t></w:r><w:ins w:id="2" w:author="Bea" w:date="2024-05-01T09:01:00Z"><w:r><w:tab/></w:r></w:ins><w:r><w:t xml:space="preserve">and </w:t></w:r><w:del w:id="3" w:author="Bea" w:date="2024-05-01T09:02:00Z"><w:r><w:delText xml:space="preserve">  </w:delText></w:r></w:del><w:r><w:t xml:space="preserve">more </w:t></w:r><w:ins w:id="4" w:author="Bea" w:date="2024-05-01T09:03:00Z"><w:r><w:t>{zero_width}</w:t></w:r></w:ins><w:ins w:id="5" w:author="Bea" w:date="2024-05-01T09:04:00Z"><w:r><w:rPr><w:b/></w:rPr></w:r></w:ins><w:r><w:t xml:space="preserve">here </w:t></w:r><w:ins w:id="6" w:author="Bea" w:date="2024-05-01T09:05:00Z"><w:r><w:t>real</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>"#,
        zero_width = "\u{200b}"
    );
    let project = import_handmade(&[
        ("word/document.xml", document_of(&paragraph)),
        ("word/styles.xml", STYLES.to_owned()),
    ]);
    let bodies: Vec<&str> = tracked(&project).iter().map(|c| c.body.as_str()).collect();
    assert_eq!(
        bodies,
        ["Inserted “real” (tracked change, accepted on import)"]
    );
    let counts = &project.draft.tracked_changes;
    assert_eq!(counts.len(), 1);
    assert_eq!((counts[0].insertions, counts[0].deletions), (1, 0));
}

#[test]
fn a_change_word_did_not_date_takes_the_document_s_own_date() {
    let paragraph = r#"<w:p><w:r><w:t xml:space="preserve">Words </w:t></w:r><w:ins w:id="1" w:author="Bea"><w:r><w:t>undated</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:ins w:id="2" w:author="Bea" w:date="2024-05-01T09:00:00Z"><w:r><w:t>dated</w:t></w:r></w:ins></w:p>"#;
    let core = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Bea</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-04-30T08:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-02T17:30:00Z</dcterms:modified></cp:coreProperties>"#;
    let project = import_handmade(&[
        ("word/document.xml", document_of(paragraph)),
        ("word/styles.xml", STYLES.to_owned()),
        ("docProps/core.xml", core.to_owned()),
    ]);
    let dates: Vec<String> = tracked(&project)
        .iter()
        .map(|c| c.created.to_string())
        .collect();
    assert_eq!(dates, ["2024-05-02T17:30:00Z", "2024-05-01T09:00:00Z"]);
}

#[test]
fn the_gate_counts_tracked_changes_as_one_line_until_they_are_acknowledged() {
    let project = import_docx_bytes(Path::new("redlined.docx"), &redlined_docx(219));
    let open = open_items(&project);
    let lines: Vec<String> = open.iter().map(ToString::to_string).collect();
    assert!(
        lines.contains(&"219 tracked changes not yet reviewed".to_owned()),
        "{lines:#?}"
    );
    assert!(
        !open
            .iter()
            .any(|item| matches!(item, OpenItem::Comment { .. })),
        "no change is a comment line of its own: {lines:#?}"
    );
    // The one section (not approved) and the changes.
    assert_eq!(open.len(), 2, "{lines:#?}");

    let memo = copydesk::memo::markdown_memo(&project, &[]);
    assert!(
        memo.contains("219 tracked changes not yet reviewed"),
        "{memo}"
    );
    assert!(memo.contains("0 open comments"), "{memo}");
    let report = String::from_utf8(
        copydesk::export::export_bytes(&project, copydesk::export::ExportFormat::Markdown).unwrap(),
    )
    .unwrap();
    assert!(
        report.contains("219 tracked changes not yet reviewed"),
        "{report}"
    );

    // One author's changes, then everyone's: each one step, undone as one.
    let mut document = Document::new(project);
    let stamp = copydesk::model::Stamp::new(&Reviewer::named("Ana"), Timestamp::UNIX_EPOCH);
    let bea = Reviewer::named("Bea Writer").id;
    let edit = acknowledge_edit(document.project(), &ChangeScope::By(bea), &stamp).unwrap();
    document.apply(edit).unwrap();
    assert_eq!(unreviewed_changes(document.project()), 219 - 73);
    let edit = acknowledge_edit(document.project(), &ChangeScope::All, &stamp).unwrap();
    document.apply(edit).unwrap();
    assert_eq!(unreviewed_changes(document.project()), 0);
    let lines: Vec<String> = open_items(document.project())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(lines.len(), 1, "only the section is left: {lines:#?}");
    assert_eq!(
        acknowledge_edit(document.project(), &ChangeScope::All, &stamp),
        None,
        "nothing left to acknowledge"
    );
    assert_eq!(
        document.undo().as_deref(),
        Some("acknowledge 146 tracked changes")
    );
    assert_eq!(unreviewed_changes(document.project()), 146);
}

/// The corpus's tracked changes: each dated as in its file (checked by hand in each
/// word/document.xml), and the gate holding them as one line.
#[test]
fn the_corpus_s_tracked_changes_keep_their_dates_and_are_one_gate_line() {
    let Some(corpus) = shared_file("corpus/docx") else {
        return;
    };
    let cases = [
        ("track_changes_insertion", 1, "2014-06-25T10:40:00Z"),
        ("track_changes_deletion", 1, "2014-06-25T10:42:00Z"),
        ("track_changes_move", 2, "2016-04-16T08:20:00Z"),
        ("paragraph_insertion_deletion", 2, "2017-09-17T16:39:00Z"),
    ];
    for (name, count, date) in cases {
        let project = import_docx(&corpus.join(format!("{name}.docx")));
        let changes = tracked(&project);
        assert_eq!(changes.len(), count, "{name}");
        for change in changes {
            assert_eq!(change.created.to_string(), date, "{name}: {}", change.body);
        }
        let open = open_items(&project);
        let lines: Vec<String> = open.iter().map(ToString::to_string).collect();
        let expected = if count == 1 {
            "1 tracked change not yet reviewed".to_owned()
        } else {
            format!("{count} tracked changes not yet reviewed")
        };
        assert!(lines.contains(&expected), "{name}: {lines:#?}");
        assert!(
            !open
                .iter()
                .any(|item| matches!(item, OpenItem::Comment { .. })),
            "{name}: {lines:#?}"
        );
    }
}
