//! The project file: round trips, damaged and foreign files, newer versions, safe saving.

use copydesk::model::{Claim, Comment, ReviewStatus, Source};
use copydesk::project_file::{
    FORMAT_VERSION, ProjectFileError, load_project, project_from_ron, ron_from_project,
};
use copydesk::storage::SaveRequest;
use jiff::Timestamp;

use crate::common::{passage_of, temp_dir, write};
use copydesk::model::{Reviewer, SourceId};

fn reviewed_sample() -> copydesk::model::Project {
    let mut project = copydesk::sample::sample_project(Timestamp::now()).unwrap();
    let (section, passage) = passage_of(&project, "31–9 vote");
    project.claims.push(Claim {
        sources: vec![Source {
            added: None,
            id: SourceId::random(),
            url: "https://example.org/a?b=c&d=\"e\"".to_owned(),
            title: "Quotes \" and \\ backslashes".to_owned(),
            note: "Line one\nline two".to_owned(),
            rank: copydesk::model::SourceRank::Secondary,
            accessed: Some(jiff::civil::date(2026, 11, 2)),
        }],
        ..Claim::new(
            section.clone(),
            passage,
            &Reviewer::named("Zoë"),
            Timestamp::now(),
        )
    });
    project.comments.push(Comment {
        body: "RTL: العربية — and “quotes”".to_owned(),
        ..Comment::new(section, None, &Reviewer::named("Ana"), Timestamp::now())
    });
    project.sections[0].status = ReviewStatus::Approved;
    project
}

#[test]
fn a_saved_project_reopens_exactly_as_left() {
    let mut project = reviewed_sample();
    // Text with every kind of character the file must carry.
    project.sections[0]
        .text
        .push_str("\nالعربية «guillemets» “curly” 4,000 \u{200f}mark");
    let dir = temp_dir();
    let path = dir.path().join("review.copydesk.ron");
    SaveRequest::new(&project, &path).save().unwrap();
    let loaded = load_project(&path).unwrap();
    assert_eq!(loaded, project);

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format: \"copydesk-project\""), "{text}");
    assert!(text.contains(&format!("version: {FORMAT_VERSION}")));
    assert!(
        text.contains("paragraphs: ["),
        "the text is stored as paragraphs"
    );
    assert!(
        text.contains("العربية"),
        "non-ASCII text is written as itself"
    );
    // Stable order: saving the same project twice writes the same bytes.
    SaveRequest::new(&loaded, &path).save().unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn damaged_files_are_reported_with_line_and_column() {
    let project = reviewed_sample();
    let text = ron_from_project(&project).unwrap();
    let truncated = &text[..text.len() / 2];
    let dir = temp_dir();
    let path = dir.path().join("broken.copydesk.ron");
    write(&path, truncated);
    let error = load_project(&path).unwrap_err();
    let ProjectFileError::Syntax { line, column, .. } = &error else {
        panic!("expected a syntax error, got {error}");
    };
    assert!(*line > 1 && *column >= 1, "{error}");
    let message = error.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("damaged"), "{message}");

    let garbage = text.replacen("sections: [", "sections: {", 1);
    let error = project_from_ron(&path, &garbage).unwrap_err();
    assert!(matches!(error, ProjectFileError::Syntax { .. }), "{error}");
}

#[test]
fn files_from_a_newer_copydesk_are_refused_not_misread() {
    let text = ron_from_project(&reviewed_sample()).unwrap().replacen(
        &format!("version: {FORMAT_VERSION},"),
        "version: 99,\n    a_field_from_the_future: [1, 2, 3],",
        1,
    );
    let dir = temp_dir();
    let path = dir.path().join("future.copydesk.ron");
    write(&path, &text);
    let error = load_project(&path).unwrap_err();
    assert!(
        matches!(
            error,
            ProjectFileError::NewerVersion {
                found: 99,
                supported: FORMAT_VERSION,
                ..
            }
        ),
        "{error}"
    );
    assert!(error.to_string().contains("newer copydesk"), "{error}");
}

#[test]
fn other_files_are_not_taken_for_projects() {
    let dir = temp_dir();
    let path = dir.path().join("settings.ron");
    write(&path, "(window: (width: 800), theme: \"dark\")");
    let error = load_project(&path).unwrap_err();
    assert!(
        matches!(error, ProjectFileError::NotAProject { .. }),
        "{error}"
    );

    let binary = dir.path().join("image.copydesk.ron");
    write(&binary, b"\x89PNG\r\n\x1a\n\xff\xfe\0\0");
    let error = load_project(&binary).unwrap_err();
    assert!(matches!(error, ProjectFileError::NotText { .. }), "{error}");
}

#[test]
fn inconsistent_projects_are_refused_with_the_reason() {
    let project = reviewed_sample();
    let missing_section = ron_from_project(&project).unwrap().replace(
        &format!("section: \"{}\"", project.claims[0].section),
        "section: \"s-000000000000\"",
    );
    let dir = temp_dir();
    let path = dir.path().join("dangling.copydesk.ron");
    let error = project_from_ron(&path, &missing_section).unwrap_err();
    assert!(matches!(error, ProjectFileError::Invalid { .. }), "{error}");
    assert!(error.to_string().contains("s-000000000000"), "{error}");
}

#[test]
fn saving_replaces_the_file_whole_and_leaves_no_temporary_file() {
    let dir = temp_dir();
    let path = dir.path().join("review.copydesk.ron");
    write(&path, "old contents");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let project = reviewed_sample();
    SaveRequest::new(&project, &path).save().unwrap();
    assert_eq!(load_project(&path).unwrap(), project);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["review.copydesk.ron"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "the file keeps its permissions");
    }
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_writes_the_real_file() {
    let dir = temp_dir();
    let real = dir.path().join("real.copydesk.ron");
    let link = dir.path().join("link.copydesk.ron");
    let project = reviewed_sample();
    SaveRequest::new(&project, &real).save().unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut changed = project;
    changed.sections[1].status = ReviewStatus::Approved;
    SaveRequest::new(&changed, &link).save().unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load_project(&real).unwrap(), changed);
}

#[test]
fn a_save_into_a_missing_folder_writes_nothing() {
    let dir = temp_dir();
    let missing_folder = dir
        .path()
        .join("no such folder")
        .join("review.copydesk.ron");
    let error = SaveRequest::new(&reviewed_sample(), &missing_folder)
        .save()
        .unwrap_err();
    assert!(
        matches!(
            error,
            copydesk::storage::SaveError::Write(copydesk::storage::WriteError::NoFolder { .. })
        ),
        "{error}"
    );
    assert!(error.to_string().contains("no such folder"), "{error}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Whatever characters a reviewer types or a draft contains, the file gives them back.
    #[test]
    fn any_text_survives_a_round_trip(
        body in "\\PC*",
        paragraph in "[^\n]*",
        raw in proptest::collection::vec(proptest::prelude::any::<char>(), 0..40),
    ) {
        let mut project = reviewed_sample();
        project.comments[0].body = body;
        project.claims[0].note = raw.into_iter().collect();
        project.sections[3].text.push('\n');
        project.sections[3].text.push_str(&paragraph);
        let path = std::path::Path::new("round-trip.copydesk.ron");
        let text = ron_from_project(&project).unwrap();
        let loaded = project_from_ron(path, &text);
        proptest::prop_assert!(loaded.is_ok(), "{:?}\n{}", loaded.err(), text);
        proptest::prop_assert_eq!(loaded.unwrap(), project);
    }
}

#[test]
fn the_example_in_the_format_documentation_loads() {
    let doc = include_str!("../docs/FORMAT.md");
    let start = doc
        .find("```ron\n")
        .expect("docs/FORMAT.md has a RON example")
        + "```ron\n".len();
    let end = start + doc[start..].find("\n```").unwrap();
    let example = &doc[start..end];
    let project = project_from_ron(std::path::Path::new("docs/FORMAT.md"), example).unwrap();
    assert_eq!(project.title, "Riverton Doubles Its Bike-Share Network");
    assert_eq!(project.claims.len(), 3);
    for claim in &project.claims {
        assert!(
            claim
                .passage
                .matches(&project.section(&claim.section).unwrap().text)
        );
    }
}

#[test]
fn a_byte_order_mark_from_an_editor_is_no_problem() {
    let project = reviewed_sample();
    let dir = temp_dir();
    let path = dir.path().join("bom.copydesk.ron");
    write(
        &path,
        format!("\u{feff}{}", ron_from_project(&project).unwrap()),
    );
    assert_eq!(load_project(&path).unwrap(), project);
}

#[test]
fn a_read_only_project_is_not_overwritten() {
    let dir = temp_dir();
    let path = dir.path().join("locked.copydesk.ron");
    let project = reviewed_sample();
    SaveRequest::new(&project, &path).save().unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let mut changed = project;
    changed.sections[0].status = ReviewStatus::Approved;
    let error = SaveRequest::new(&changed, &path).save().unwrap_err();
    assert!(
        matches!(
            error,
            copydesk::storage::SaveError::Write(copydesk::storage::WriteError::ReadOnly { .. })
        ),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_new_project_gets_the_permissions_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir();
    let plain = dir.path().join("plain file");
    std::fs::File::create(&plain).unwrap();
    let path = dir.path().join("new.copydesk.ron");
    SaveRequest::new(&reviewed_sample(), &path).save().unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(&path),
        mode(&plain),
        "not the temporary file's private 0600"
    );
}

#[test]
fn a_newer_file_this_version_cannot_even_parse_is_still_recognised() {
    let text = "// copydesk project, format version 7\n(\n    format: \"copydesk-project\",\n    version: 7,\n    sections: <a syntax from the future>,\n)\n";
    let error = project_from_ron(std::path::Path::new("future.copydesk.ron"), text).unwrap_err();
    assert!(
        matches!(error, ProjectFileError::NewerVersion { found: 7, .. }),
        "{error}"
    );
}
