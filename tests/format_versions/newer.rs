//! Files from a newer format version open read-only with what this version understands, or
//! are refused as newer — never called damaged.

use std::path::Path;

use copydesk::project_file::{
    FORMAT_VERSION, ProjectFileError, load_project, project_from_ron, read_project,
    read_project_bytes,
};

use crate::common::{replaced, temp_dir, write};

use super::{golden, golden_text};

/// Version 4's sample as a "version 5" file: extra fields at the top level and inside
/// sections, claims and sources, of shapes version 4 never wrote.
fn from_version_5() -> String {
    let text = golden_text("v4.copydesk.ron");
    let text = replaced(
        &text,
        "    version: 4,\n",
        "    version: 5,\n    reviewers: [(name: \"Ana\", role: Editor, since: Some(\"2027-01-01\"))],\n    settings: {\"house style\": \"AP\", \"locale\": \"en-GB\"},\n",
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
    write(&path, from_version_5());
    let read = read_project(&path).unwrap();
    assert_eq!(read.version, 5);
    assert!(read.is_from_newer_version());
    assert!(!read.is_from_older_version());
    // Everything version 4 knows is there; the rest was skipped.
    assert_eq!(read.project, golden("v4.copydesk.ron"));

    // The commands that write refuse it: saving would drop what this version skipped.
    for error in [
        load_project(&path).unwrap_err(),
        project_from_ron(&path, &from_version_5()).unwrap_err(),
    ] {
        assert_refused_as_from_version_5(&error);
    }
}

fn assert_refused_as_from_version_5(error: &ProjectFileError) {
    assert!(
        matches!(
            error,
            ProjectFileError::NewerVersion {
                found: 5,
                supported: FORMAT_VERSION,
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn a_newer_file_with_a_value_this_version_does_not_know_is_refused_as_newer() {
    // A claim status from the future: an enum variant version 4 cannot take.
    let future = replaced(
        &from_version_5(),
        "status: InProgress,",
        "status: Disputed,",
    );
    let path = Path::new("future.copydesk.ron");
    let error = read_project_bytes(path, future.as_bytes()).unwrap_err();
    assert_refused_as_from_version_5(&error);
    let message = error.to_string();
    assert!(message.starts_with("future.copydesk.ron: "), "{message}");
    assert!(message.contains("newer copydesk"), "{message}");
    assert!(message.contains("format version 5"), "{message}");
    assert!(message.contains("update copydesk"), "{message}");

    // The same value in a file that claims this version is damage, and said to be.
    let damaged = replaced(&future, "version: 5,", "version: 4,");
    let error = read_project_bytes(path, damaged.as_bytes()).unwrap_err();
    let ProjectFileError::Syntax { message, .. } = &error else {
        panic!("expected a syntax error, got {error}");
    };
    assert!(message.contains("Disputed"), "{message}");
}

#[test]
fn a_newer_file_this_version_finds_inconsistent_is_refused_as_newer_not_damaged() {
    // Version 5 might allow a claim on a whole section; to version 4 it names no section.
    let text = golden_text("v4.copydesk.ron");
    let claim_section = golden("v4.copydesk.ron").claims[0].section.to_string();
    let future = replaced(
        &replaced(&text, "version: 4,", "version: 5,"),
        &format!(
            "section: \"{claim_section}\",\n            passage: (\n                start: 88,"
        ),
        "section: \"s-000000000000\",\n            passage: (\n                start: 88,",
    );
    let error = read_project_bytes(Path::new("f.copydesk.ron"), future.as_bytes()).unwrap_err();
    assert!(
        matches!(error, ProjectFileError::NewerVersion { found: 5, .. }),
        "{error}"
    );
}
