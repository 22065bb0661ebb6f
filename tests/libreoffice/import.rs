//! A document LibreOffice writes as .docx, imported by copydesk: a flat OpenDocument file
//! with comments (one resolved, one answering another on the same words, as LibreOffice's
//! Reply makes them) and tracked changes by two authors is converted by LibreOffice, and
//! copydesk brings in every comment on its words, by its author, and every change dated as
//! LibreOffice dated it.
//!
//! LibreOffice 7.4 (Debian 12) keeps no reply threads in its documents: its Reply is a
//! comment of its own on the same words, and it writes it to .docx so. copydesk imports it
//! as such — a comment on the same passage, by the person who replied.

use copydesk::import::import_file;
use copydesk::model::CommentOrigin;
use copydesk::query::{changes_by_author, what_changed};
use jiff::Timestamp;

use super::{convert, soffice};
use crate::common::temp_dir;

const REDLINED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:tracked-changes>
<text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>Bea Writer</dc:creator><dc:date>2026-11-02T09:15:00</dc:date></office:change-info></text:insertion></text:changed-region>
<text:changed-region text:id="ct2"><text:deletion><office:change-info><dc:creator>Cal Editor</dc:creator><dc:date>2026-11-03T10:20:00</dc:date></office:change-info><text:p>about </text:p></text:deletion></text:changed-region>
</text:tracked-changes>
<text:h text:outline-level="1">Riverton doubles its bike-share</text:h>
<text:p>Riverton will double the size of its network, <office:annotation office:name="c1"><dc:creator>Ana Ortiz</dc:creator><dc:date>2026-11-01T08:00:00</dc:date><text:p>Which year?</text:p></office:annotation><office:annotation office:name="c3"><dc:creator>Bea Writer</dc:creator><dc:date>2026-11-02T09:00:00</dc:date><text:p>Next year: 2027.</text:p></office:annotation>adding 1,200 bicycles<office:annotation-end office:name="c1"/><office:annotation-end office:name="c3"/> by next year.</text:p>
<text:p>The plan costs <text:change text:change-id="ct2"/>€14.6 million<text:change-start text:change-id="ct1"/>, the council said<text:change-end text:change-id="ct1"/>.</text:p>
<text:p><office:annotation office:name="c2" loext:resolved="true"><dc:creator>Bo Lindqvist</dc:creator><dc:date>2026-11-01T09:00:00</dc:date><text:p>Checked against the budget.</text:p></office:annotation>Ticket revenue covered 61%<office:annotation-end office:name="c2"/> of costs.</text:p>
</office:text></office:body></office:document>
"#;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

#[test]
fn a_document_libreoffice_writes_as_docx_comes_in_with_every_comment_and_change() {
    let Some(soffice) = soffice() else {
        return;
    };
    let folder = temp_dir();
    let fodt = folder.path().join("redlined.fodt");
    std::fs::write(&fodt, REDLINED).unwrap();
    let docx = convert(&soffice, &fodt, r#"docx:MS Word 2007 XML"#, "docx");
    let project = import_file(&docx, Timestamp::UNIX_EPOCH).unwrap();

    let remarks: Vec<_> = project
        .comments
        .iter()
        .filter(|c| c.origin == Some(CommentOrigin::WordComment))
        .collect();
    let remark = |body: &str| {
        remarks
            .iter()
            .find(|c| c.body == body)
            .unwrap_or_else(|| panic!("no comment “{body}” in {remarks:#?}"))
    };
    assert_eq!(remarks.len(), 3, "{remarks:#?}");
    for (body, author, quote, date, resolved) in [
        (
            "Which year?",
            "Ana Ortiz",
            "adding 1,200 bicycles",
            "2026-11-01T08:00:00Z",
            false,
        ),
        (
            "Next year: 2027.",
            "Bea Writer",
            "adding 1,200 bicycles",
            "2026-11-02T09:00:00Z",
            false,
        ),
        (
            "Checked against the budget.",
            "Bo Lindqvist",
            "Ticket revenue covered 61%",
            "2026-11-01T09:00:00Z",
            true,
        ),
    ] {
        let comment = remark(body);
        assert_eq!(comment.author, author, "{body}");
        assert_eq!(
            comment.passage.as_ref().map(|p| p.quote.as_str()),
            Some(quote),
            "{body}"
        );
        assert_eq!(comment.created, at(date), "{body}");
        assert_eq!(comment.is_open(), !resolved, "{body}");
    }

    // The changes, by author, dated as LibreOffice dated them; the text as accepted.
    let groups = changes_by_author(&project);
    let by = |author: &str| {
        groups
            .iter()
            .find(|g| g.author == author)
            .unwrap_or_else(|| panic!("no changes by {author}"))
    };
    let inserted = by("Bea Writer");
    assert_eq!(inserted.changes.len(), 1);
    assert_eq!(
        inserted.changes[0].origin,
        Some(CommentOrigin::TrackedInsertion)
    );
    assert!(what_changed(inserted.changes[0]).contains(", the council said"));
    assert_eq!(inserted.changes[0].created, at("2026-11-02T09:15:00Z"));
    let deleted = by("Cal Editor");
    assert_eq!(deleted.changes.len(), 1);
    assert_eq!(
        deleted.changes[0].origin,
        Some(CommentOrigin::TrackedDeletion)
    );
    assert!(what_changed(deleted.changes[0]).contains("about"));
    assert_eq!(deleted.changes[0].created, at("2026-11-03T10:20:00Z"));
    let text: String = project.sections.iter().map(|s| s.text.as_str()).collect();
    assert!(
        text.contains("The plan costs €14.6 million, the council said."),
        "{text}"
    );
}
