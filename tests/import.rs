//! Importing articles: the seed, Markdown variants, and files that are not articles.

use std::path::Path;

use copydesk::import::{ImportError, import_file};
use copydesk::model::DraftFormat;
use jiff::Timestamp;

use crate::common::{SEED_HEADINGS, seed_article, temp_dir, write};

#[test]
fn the_seed_opens_as_seven_sections_with_its_six_headings() {
    let Some(seed) = seed_article() else { return };
    let project = import_file(&seed, Timestamp::now()).unwrap();
    assert_eq!(project.sections.len(), 7);
    assert_eq!(
        project.sections[0].heading, None,
        "the untitled opening comes first"
    );
    let headings: Vec<&str> = project.sections[1..]
        .iter()
        .map(|s| s.heading.as_deref().unwrap())
        .collect();
    assert_eq!(headings, SEED_HEADINGS);
    assert_eq!(project.draft.format, DraftFormat::PlainText);
    assert_eq!(project.draft.file_name, "seed-article.txt");
}

#[test]
fn the_seed_text_is_kept_exactly_and_the_footer_stays_in_the_last_section() {
    let Some(seed) = seed_article() else { return };
    let original = std::fs::read_to_string(&seed).unwrap();
    let project = import_file(&seed, Timestamp::now()).unwrap();
    let first_line = original.lines().next().unwrap();
    assert_eq!(project.sections[0].paragraphs().next(), Some(first_line));
    assert!(project.sections[0].text.contains("more than 4,000"));
    let last: Vec<&str> = project.sections[6].paragraphs().collect();
    assert_eq!(
        last[last.len() - 2..],
        [
            "Do Follow Gulf Magazine on Instagram",
            "Read More:- Iraq Triumphs With Full Refining Capacity Boost Across New Plants 2026"
        ]
    );
    // Every non-empty line of the draft is in the project, unchanged (Iraq’s apostrophe too).
    let all_text: Vec<&str> = project
        .sections
        .iter()
        .flat_map(|s| s.heading.as_deref().into_iter().chain(s.paragraphs()))
        .collect();
    let lines: Vec<&str> = original.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(all_text, lines);
}

#[test]
fn markdown_drafts_import_with_headings_and_flat_text() {
    let dir = temp_dir();
    let path = dir.path().join("draft.md");
    write(
        &path,
        "+++\ntitle = \"Budget\"\n+++\n\nThe **council** voted [31–9](https://example.org).\n\nFunding\n=======\n\nIt costs €14.6 million.\n\n### Next steps ###\n\n> “We will see,” she said.\n",
    );
    let project = import_file(&path, Timestamp::now()).unwrap();
    assert_eq!(project.title, "Budget");
    assert_eq!(project.draft.format, DraftFormat::Markdown);
    let sections: Vec<(Option<&str>, &str)> = project
        .sections
        .iter()
        .map(|s| (s.heading.as_deref(), s.text.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            (None, "The council voted 31–9."),
            (Some("Funding"), "It costs €14.6 million."),
            (Some("Next steps"), "“We will see,” she said."),
        ]
    );
    assert_eq!(project.sections[1].level, 1);
    assert_eq!(project.sections[2].level, 3);
}

#[test]
fn right_to_left_text_survives_import() {
    let dir = temp_dir();
    let path = dir.path().join("arabic.txt");
    let text = "نقل أكثر من 4000 محتجز إلى العراق.\nخلفية\nقال المسؤولون إن العملية معقدة.\n";
    write(&path, text);
    let project = import_file(&path, Timestamp::now()).unwrap();
    assert_eq!(project.sections.len(), 2);
    assert_eq!(project.sections[1].heading.as_deref(), Some("خلفية"));
    assert_eq!(
        project.sections[0].text,
        "نقل أكثر من 4000 محتجز إلى العراق."
    );
}

fn import_error(name: &str, contents: &[u8]) -> (String, ImportError) {
    let dir = temp_dir();
    let path = dir.path().join(name);
    write(&path, contents);
    let error = import_file(&path, Timestamp::now()).unwrap_err();
    (error.to_string(), error)
}

#[test]
fn bad_files_get_a_message_naming_the_file_and_the_problem() {
    let (message, error) = import_error("empty.txt", b"");
    assert!(matches!(error, ImportError::Empty { .. }));
    assert!(
        message.contains("empty.txt") && message.contains("empty"),
        "{message}"
    );

    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let (message, error) = import_error("photo.txt", png);
    assert!(matches!(error, ImportError::Binary { .. }), "{message}");
    assert!(
        message.contains("photo.txt") && message.contains("not a text file"),
        "{message}"
    );

    let (message, _) = import_error("latin1.txt", b"caf\xe9 cr\xe8me\n");
    assert!(
        message.contains("latin1.txt") && message.contains("UTF-8"),
        "{message}"
    );

    let (message, _) = import_error("story.docx", b"PK\x03\x04");
    assert!(
        message.contains("story.docx") && message.contains("Word"),
        "{message}"
    );

    let missing = import_file(Path::new("/nonexistent/draft.txt"), Timestamp::now()).unwrap_err();
    assert!(
        missing.to_string().contains("/nonexistent/draft.txt"),
        "{missing}"
    );

    let dir = temp_dir();
    let folder = import_file(dir.path(), Timestamp::now()).unwrap_err();
    assert!(matches!(folder, ImportError::Read { .. }), "{folder}");
}
