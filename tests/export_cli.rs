//! `copydesk export` on the seed review and the sample, and the Word document's round trip:
//! what copydesk writes as Word comments, copydesk reads back as the same comments on the
//! same passages.

use copydesk::export::{ExportFormat, export_bytes};
use copydesk::import::import_bytes;
use copydesk::model::{DraftFormat, Project};
use copydesk::project_file::load_project;
use copydesk::sample::sample_project;
use copydesk::storage::SaveRequest;
use jiff::Timestamp;

use crate::common::cli::{fails_with, run, stdout};
use crate::common::{seed_article, temp_dir};
use copydesk::model::Reviewer;

/// What a comment says and where, in terms that survive a round trip through Word: the
/// section's heading, the passage's offsets and quote, the author, the text.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct CommentAsRead {
    section: Option<String>,
    passage: Option<(usize, usize, String)>,
    author: String,
    body: String,
    replies: Vec<(String, String)>,
}

fn comments_as_read(project: &Project) -> Vec<CommentAsRead> {
    let heading_of = |id| {
        project
            .sections
            .iter()
            .find(|s| &s.id == id)
            .and_then(|s| s.heading.clone())
    };
    let mut read: Vec<CommentAsRead> = project
        .comments
        .iter()
        .map(|c| CommentAsRead {
            section: heading_of(&c.section),
            passage: c
                .passage
                .as_ref()
                .map(|p| (p.start, p.end, p.quote.clone())),
            author: c.author.clone(),
            body: c.body.clone(),
            replies: c
                .replies
                .iter()
                .map(|r| (r.author.clone(), r.body.clone()))
                .collect(),
        })
        .collect();
    read.sort();
    read
}

/// The project exported as a Word document and imported again.
fn through_word(project: &Project) -> Project {
    let bytes = export_bytes(project, ExportFormat::Docx).unwrap();
    import_bytes(
        std::path::Path::new("reviewed.docx"),
        &bytes,
        DraftFormat::Docx,
        Timestamp::UNIX_EPOCH,
    )
    .unwrap()
}

#[test]
fn the_word_document_round_trips_its_comments_and_claims() {
    let project = sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let back = through_word(&project);

    // The same article: title, headings, text.
    assert_eq!(back.title, project.title);
    let outline = |p: &Project| -> Vec<(Option<String>, String)> {
        p.sections
            .iter()
            .map(|s| (s.heading.clone(), s.text.clone()))
            .collect()
    };
    assert_eq!(outline(&back), outline(&project));

    // Every comment comes back on the same passage with its thread; a claim comes back as a
    // comment on its passage saying where the check stands.
    let mut expected = comments_as_read(&project);
    for claim in &project.claims {
        expected.push(CommentAsRead {
            section: project
                .sections
                .iter()
                .find(|s| s.id == claim.section)
                .and_then(|s| s.heading.clone()),
            passage: Some((
                claim.passage.start,
                claim.passage.end,
                claim.passage.quote.clone(),
            )),
            author: claim.author.clone(),
            body: String::new(),
            replies: Vec::new(),
        });
    }
    expected.sort();
    let mut read = comments_as_read(&back);
    for comment in &mut read {
        if comment.body.starts_with("Fact-check: ") {
            let status = comment.body.lines().next().unwrap_or_default().to_owned();
            assert!(
                project
                    .claims
                    .iter()
                    .any(|c| status == format!("Fact-check: {}", c.status.label())),
                "{status}"
            );
            comment.body.clear();
        }
    }
    read.sort();
    assert_eq!(read, expected);
    assert!(project.comments.iter().any(|c| !c.replies.is_empty()));
    assert!(project.comments.iter().any(|c| c.passage.is_none()));
}

#[test]
fn a_word_comment_names_a_source_s_rank_only_when_it_is_set() {
    let mut project = sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let claim = project
        .claims
        .iter_mut()
        .find(|c| c.passage.quote == "€14.6 million")
        .unwrap();
    claim.sources.push(copydesk::model::Source {
        url: "https://example.org/authority-budget".to_owned(),
        title: "Authority budget".to_owned(),
        ..copydesk::model::Source::new(&Reviewer::named("Fay"), Timestamp::UNIX_EPOCH)
    });
    let back = through_word(&project);
    let body = &back
        .comments
        .iter()
        .find(|c| {
            c.passage
                .as_ref()
                .is_some_and(|p| p.quote == "€14.6 million")
        })
        .unwrap()
        .body;
    assert!(
        body.contains("Source (Primary): Council minutes, March session <"),
        "{body}"
    );
    assert!(
        body.contains("Source: Authority budget <https://example.org/authority-budget>"),
        "{body}"
    );
    assert!(!body.contains("Not set"), "{body}");
}

#[test]
fn export_writes_every_format_of_the_seed_review() {
    let Some(seed) = seed_article() else { return };
    let dir = temp_dir();
    let project_path = dir.path().join("seed.copydesk.ron");
    let project_arg = project_path.to_str().unwrap();
    assert!(
        run(&["import", seed.to_str().unwrap(), "-o", project_arg])
            .status
            .success()
    );
    // A claim, so every format has a mark to show.
    let mut project = load_project(&project_path).unwrap();
    let (section, passage) = crate::common::passage_of(&project, "more than 4,000");
    project.claims.push(copydesk::model::Claim::new(
        section,
        passage,
        &Reviewer::named("Fay Checker"),
        Timestamp::UNIX_EPOCH,
    ));
    SaveRequest::new(&project, &project_path).save().unwrap();

    for (format, file, looks_like) in [
        ("markdown", "seed-review.md", "more than 4,000"),
        ("html", "seed-review.html", "<!DOCTYPE html>"),
        ("annotated", "seed-annotated.html", "<mark"),
        ("json", "seed-review.json", "\"copydesk-report\""),
    ] {
        let out = dir.path().join(file);
        let output = run(&[
            "export",
            project_arg,
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(output.status.success(), "{format}: {output:?}");
        assert!(stdout(&output).contains("Exported"), "{}", stdout(&output));
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains(looks_like), "{format}: {text}");
    }
    let docx = dir.path().join("seed-reviewed.docx");
    let output = run(&[
        "export",
        project_arg,
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let back = import_bytes(&docx, &bytes, DraftFormat::Docx, Timestamp::UNIX_EPOCH).unwrap();
    assert_eq!(back.comments.len(), 1);
    assert_eq!(
        back.comments[0].passage.as_ref().unwrap().quote,
        "more than 4,000"
    );
}

#[test]
fn export_never_writes_over_a_project_and_reports_bad_input() {
    let dir = temp_dir();
    let project_path = dir.path().join("s.copydesk.ron");
    let project_arg = project_path.to_str().unwrap();
    assert!(run(&["sample", "-o", project_arg]).status.success());
    let before = std::fs::read(&project_path).unwrap();

    let output = run(&["export", project_arg, "--format", "html", "-o", project_arg]);
    fails_with(&output, "an export never replaces a project");
    let other = dir.path().join("other.copydesk.ron");
    let output = run(&[
        "export",
        project_arg,
        "--format",
        "json",
        "-o",
        other.to_str().unwrap(),
    ]);
    fails_with(&output, "an export never replaces a project");
    assert!(!other.exists());
    assert_eq!(std::fs::read(&project_path).unwrap(), before);

    let output = run(&[
        "export",
        "/nonexistent/review.copydesk.ron",
        "--format",
        "html",
        "-o",
        dir.path().join("x.html").to_str().unwrap(),
    ]);
    fails_with(&output, "/nonexistent/review.copydesk.ron");
    let output = run(&[
        "export",
        project_arg,
        "--format",
        "docx",
        "-o",
        "/nonexistent-folder/x.docx",
    ]);
    fails_with(&output, "does not exist");
    let output = run(&["export", project_arg, "--format", "pdf", "-o", "x.pdf"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_web_page_is_imported_from_the_command_line() {
    let dir = temp_dir();
    let page = dir.path().join("story.html");
    std::fs::write(
        &page,
        "<html><head><title>Ignored site title</title><script>alert(1)</script></head><body>\
         <nav>Home · News</nav><article><h1>Harbour reopens</h1>\
         <p>The harbour reopened on Monday after <b>two years</b>.</p>\
         <h2>Costs</h2><p>It cost more than 4,000 euros.</p></article></body></html>",
    )
    .unwrap();
    let project_path = dir.path().join("story.copydesk.ron");
    let output = run(&[
        "import",
        page.to_str().unwrap(),
        "-o",
        project_path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let project = load_project(&project_path).unwrap();
    assert_eq!(project.title, "Harbour reopens");
    assert_eq!(project.draft.format, DraftFormat::Html);
    assert_eq!(
        project.sections[0].text,
        "The harbour reopened on Monday after two years."
    );
    assert_eq!(project.sections[1].heading.as_deref(), Some("Costs"));
    assert!(!project.sections.iter().any(|s| s.text.contains("alert")));
}

#[test]
fn whole_section_comments_on_the_opening_and_orphans_survive_the_word_round_trip() {
    use copydesk::model::{AnchorState, Carried, Comment};

    let mut project = sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let opening = project.sections[0].clone();
    assert!(opening.heading.is_none());
    let mut on_opening = Comment::new(
        opening.id,
        None,
        &Reviewer::named("Ana"),
        Timestamp::UNIX_EPOCH,
    );
    on_opening.body = "The opening buries the news.".to_owned();
    project.comments.push(on_opening);
    // A comment a revised draft could not place: its passage is from the earlier draft.
    let (section, passage) = crate::common::passage_of(&project, "Riverton will double");
    let mut orphan = Comment::new(
        section.clone(),
        Some(passage.clone()),
        &Reviewer::named("Ana"),
        Timestamp::UNIX_EPOCH,
    );
    orphan.body = "Which year?".to_owned();
    orphan.carried = Some(Carried {
        state: AnchorState::Orphaned,
        from_draft: 1,
        section_before: section,
        passage_before: Some(passage),
        similarity: None,
        decided: None,
    });
    project.comments.push(orphan);

    let back = through_word(&project);
    let comment = |start: &str| {
        back.comments
            .iter()
            .find(|c| c.body.starts_with(start))
            .unwrap_or_else(|| panic!("no comment starting “{start}”"))
    };
    let buried = comment("The opening buries the news.");
    assert_eq!(buried.section, back.sections[0].id);
    assert_eq!(buried.passage, None);
    let orphan = comment("Not in this draft: the passage “Riverton will double”");
    assert_eq!(orphan.passage, None);
    assert!(orphan.body.ends_with("Which year?"), "{}", orphan.body);
}
