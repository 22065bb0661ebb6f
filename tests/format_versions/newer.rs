//! Files from a newer format version open read-only with what this version understands, or
//! are refused as newer — never called damaged.

use std::path::Path;

use copydesk::model::Project;
use copydesk::project_file::{
    FORMAT_VERSION, ProjectFileError, load_project, project_from_ron, read_project,
    read_project_bytes, ron_from_project,
};

use crate::common::{replaced, temp_dir, write};

use super::golden;

/// The version this copydesk does not know yet.
const NEXT: u32 = FORMAT_VERSION + 1;

/// The golden sample as this version writes it.
fn current() -> (Project, String) {
    let project = golden("v4.copydesk.ron");
    let text = ron_from_project(&project).unwrap();
    (project, text)
}

/// The sample as a file of the next version: extra fields at the top level and inside
/// sections, claims and sources, of shapes this version never wrote.
fn from_the_next_version() -> String {
    let (_, text) = current();
    let text = replaced(
        &text,
        &format!("    version: {FORMAT_VERSION},\n"),
        &format!(
            "    version: {NEXT},\n    assignments: [(name: \"Ana\", desk: Copy, since: Some(\"2027-01-01\"))],\n    settings: {{\"house style\": \"AP\", \"locale\": \"en-GB\"}},\n"
        ),
    );
    let text = replaced(
        &text,
        "            level: 0,\n",
        "            level: 0,\n            word_count: 74,\n            labels: [Breaking, Local(\"east\")],\n",
    );
    let text = replaced(
        &text,
        "            note: \"Table 3.\",\n",
        "            note: \"Table 3.\",\n            confidence: 0.95,\n            reviewed_with: Some((tool: \"checker\", version: (2, 1))),\n",
    );
    replaced(
        &text,
        "                    rank: Primary,\n",
        "                    rank: Primary,\n                    archived: \"https://web.archive.org/…\",\n",
    )
}

#[test]
fn a_file_from_a_newer_version_opens_read_only_with_what_this_version_understands() {
    let dir = temp_dir();
    let path = dir.path().join("future.copydesk.ron");
    write(&path, from_the_next_version());
    let read = read_project(&path).unwrap();
    assert_eq!(read.version, NEXT);
    assert!(read.is_from_newer_version());
    assert!(!read.is_from_older_version());
    // Everything this version knows is there; the rest was skipped.
    assert_eq!(read.project, current().0);

    // The commands that write refuse it: saving would drop what this version skipped.
    for error in [
        load_project(&path).unwrap_err(),
        project_from_ron(&path, &from_the_next_version()).unwrap_err(),
    ] {
        assert_refused_as_from_the_next_version(&error);
    }
}

fn assert_refused_as_from_the_next_version(error: &ProjectFileError) {
    assert!(
        matches!(
            error,
            ProjectFileError::NewerVersion {
                found: NEXT,
                supported: FORMAT_VERSION,
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn a_newer_file_with_a_value_this_version_does_not_know_is_refused_as_newer() {
    // A claim status from the future: an enum variant this version cannot take.
    let future = replaced(
        &from_the_next_version(),
        "status: InProgress,",
        "status: Disputed,",
    );
    let path = Path::new("future.copydesk.ron");
    let error = read_project_bytes(path, future.as_bytes()).unwrap_err();
    assert_refused_as_from_the_next_version(&error);
    let message = error.to_string();
    assert!(message.starts_with("future.copydesk.ron: "), "{message}");
    assert!(message.contains("newer copydesk"), "{message}");
    assert!(
        message.contains(&format!("format version {NEXT}")),
        "{message}"
    );
    assert!(message.contains("update copydesk"), "{message}");

    // The same value in a file that claims this version is damage, and said to be.
    let damaged = replaced(
        &future,
        &format!("version: {NEXT},"),
        &format!("version: {FORMAT_VERSION},"),
    );
    let error = read_project_bytes(path, damaged.as_bytes()).unwrap_err();
    let ProjectFileError::Syntax { message, .. } = &error else {
        panic!("expected a syntax error, got {error}");
    };
    assert!(message.contains("Disputed"), "{message}");
}

#[test]
fn a_newer_file_this_version_finds_inconsistent_is_refused_as_newer_not_damaged() {
    // A later version might allow a claim on a whole section; to this one it names no section.
    let (project, text) = current();
    let claim_section = project.claims[0].section.to_string();
    let future = replaced(
        &replaced(
            &text,
            &format!("version: {FORMAT_VERSION},"),
            &format!("version: {NEXT},"),
        ),
        &format!(
            "section: \"{claim_section}\",\n            passage: (\n                start: 88,"
        ),
        "section: \"s-000000000000\",\n            passage: (\n                start: 88,",
    );
    let error = read_project_bytes(Path::new("f.copydesk.ron"), future.as_bytes()).unwrap_err();
    assert!(
        matches!(error, ProjectFileError::NewerVersion { found: NEXT, .. }),
        "{error}"
    );
}
