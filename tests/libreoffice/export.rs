//! Exported reviews read by LibreOffice Writer: every comment, claim and reply of the seed's
//! review and of the bundled sample is an annotation on the same words, with its author, its
//! words and its resolved state; a reply sits on its parent's words.

use copydesk::export::{ExportFormat, export_bytes};
use copydesk::model::Project;
use copydesk::sample::sample_project;
use jiff::Timestamp;

use super::{Annotation, annotations_of, convert, part_of, soffice};
use crate::common::temp_dir;

/// What LibreOffice should show for one mark or reply.
#[derive(Debug)]
struct Expected {
    author: String,
    first_line: String,
    words: String,
    resolved: bool,
    /// For a reply, the first line of the comment it answers.
    parent: Option<String>,
}

/// The words a mark is on as LibreOffice's text has them: a passage's quote, or a whole
/// section's heading (the title for the untitled opening).
fn words_of(
    project: &Project,
    section: &copydesk::model::SectionId,
    quote: Option<&str>,
) -> String {
    if let Some(quote) = quote {
        return quote.to_owned();
    }
    let section = project.sections.iter().find(|s| &s.id == section).unwrap();
    section
        .heading
        .clone()
        .unwrap_or_else(|| project.title.clone())
}

fn expected_of(project: &Project) -> Vec<Expected> {
    let mut expected = Vec::new();
    for comment in &project.comments {
        let words = words_of(
            project,
            &comment.section,
            comment.placed_passage().map(|p| p.quote.as_str()),
        );
        let first_line = comment.body.lines().next().unwrap_or_default().to_owned();
        for reply in &comment.replies {
            expected.push(Expected {
                author: reply.author.clone(),
                first_line: reply.body.lines().next().unwrap_or_default().to_owned(),
                words: words.clone(),
                resolved: !comment.is_open(),
                parent: Some(first_line.clone()),
            });
        }
        expected.push(Expected {
            author: comment.author.clone(),
            first_line,
            words,
            resolved: !comment.is_open(),
            parent: None,
        });
    }
    for claim in &project.claims {
        expected.push(Expected {
            author: claim.author.clone(),
            first_line: format!("Fact-check: {}", claim.status.label()),
            words: claim.passage.quote.clone(),
            resolved: !claim.is_open(),
            parent: None,
        });
    }
    expected
}

/// Line breaks and runs of spaces as one space: a passage across paragraphs is the same
/// words whichever way the break is written.
fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_libreoffice_shows_every_mark(project: &Project, what: &str) {
    let Some(soffice) = soffice() else {
        return;
    };
    let folder = temp_dir();
    let docx = folder.path().join("review.docx");
    std::fs::write(&docx, export_bytes(project, ExportFormat::Docx).unwrap()).unwrap();
    let odt = convert(&soffice, &docx, "odt", "odt");
    let annotations = annotations_of(&part_of(&odt, "content.xml"));
    let expected = expected_of(project);
    assert!(
        expected.iter().any(|e| e.parent.is_some()),
        "{what}: the review has a reply to check"
    );
    assert_eq!(
        annotations.len(),
        expected.len(),
        "{what}: LibreOffice shows {} comments of {}: {annotations:#?}",
        annotations.len(),
        expected.len()
    );
    let mut unmatched: Vec<Annotation> = annotations.clone();
    for mark in &expected {
        let found = unmatched.iter().position(|a| {
            a.author == mark.author
                && a.paragraphs.first().map(|p| normalized(p)) == Some(normalized(&mark.first_line))
        });
        let Some(found) = found else {
            panic!(
                "{what}: no comment by {} saying “{}” in {unmatched:#?}",
                mark.author, mark.first_line
            );
        };
        let annotation = unmatched.remove(found);
        assert_eq!(
            normalized(&annotation.words),
            normalized(&mark.words),
            "{what}: “{}” is on other words",
            mark.first_line
        );
        assert_eq!(
            annotation.resolved, mark.resolved,
            "{what}: “{}” resolved",
            mark.first_line
        );
        assert!(
            !annotation.date.is_empty(),
            "{what}: “{}” has no date",
            mark.first_line
        );
        if let (Some(parent_line), Some(parent_name)) = (&mark.parent, &annotation.parent) {
            // Where LibreOffice keeps threads, the reply names its parent.
            let parent = annotations
                .iter()
                .find(|a| &a.name == parent_name)
                .expect("the parent is a comment");
            assert_eq!(parent.paragraphs.first(), Some(parent_line));
        }
    }
}

#[test]
fn libreoffice_shows_every_comment_and_reply_of_the_exported_seed_review() {
    let Some(project) = crate::export::reviewed_seed() else {
        return;
    };
    assert_libreoffice_shows_every_mark(&project, "the seed's review");
}

#[test]
fn libreoffice_shows_every_comment_and_reply_of_the_exported_sample() {
    let project = sample_project(Timestamp::from_second(1_790_000_000).unwrap()).unwrap();
    assert_libreoffice_shows_every_mark(&project, "the sample");
}
