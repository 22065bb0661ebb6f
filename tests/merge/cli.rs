//! `copydesk merge` as a script or a person at a terminal runs it: exit 0 when clean, 1 with
//! the conflicts listed, 2 with a message naming the file when an input cannot be used — and
//! then nothing written; never over an input; an existing output only with --force, kept as
//! a backup. Also one reviewer's memo and export (`--reviewer`).

use std::path::{Path, PathBuf};

use copydesk::edit::Edit;
use copydesk::model::{Comment, Project, ReviewStatus, Reviewer, Stamp};
use copydesk::project_file::{FORMAT_VERSION, load_project, ron_from_project};
use copydesk::storage::SaveRequest;
use jiff::Timestamp;

use crate::common::cli::{fails_with, run, stderr, stdout};
use crate::common::{temp_dir, write};

/// The sample saved as the base, and two copies changed by `ours` and `theirs`.
struct Reviews {
    _dir: tempfile::TempDir,
    folder: PathBuf,
    base: Project,
}

impl Reviews {
    fn new() -> Self {
        let dir = temp_dir();
        let folder = dir.path().to_owned();
        let base = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let reviews = Self {
            _dir: dir,
            folder,
            base,
        };
        reviews.save("base.copydesk.ron", &reviews.base);
        reviews
    }

    fn path(&self, name: &str) -> PathBuf {
        self.folder.join(name)
    }

    fn arg(&self, name: &str) -> String {
        self.path(name).to_str().unwrap().to_owned()
    }

    fn save(&self, name: &str, project: &Project) {
        SaveRequest::new(project, &self.path(name)).save().unwrap();
    }

    /// The base with `edits`, saved as `name`.
    fn changed(&self, name: &str, edits: Vec<Edit>) {
        let mut project = self.base.clone();
        for edit in edits {
            edit.apply(&mut project).unwrap();
        }
        self.save(name, &project);
    }

    fn status(&self, section: usize, status: ReviewStatus, by: &str) -> Edit {
        Edit::section_status(
            self.base.sections[section].id.clone(),
            status,
            Stamp::new(&Reviewer::named(by), Timestamp::UNIX_EPOCH),
        )
    }

    fn comment(&self, by: &str, body: &str) -> Edit {
        Edit::add_comment(Comment {
            body: body.to_owned(),
            ..Comment::new(
                self.base.sections[0].id.clone(),
                None,
                &Reviewer::named(by),
                Timestamp::UNIX_EPOCH,
            )
        })
    }
}

fn merge(reviews: &Reviews, names: &[&str], out: &str) -> std::process::Output {
    let mut args = vec!["merge".to_owned()];
    args.extend(names.iter().map(|name| reviews.arg(name)));
    args.extend(["-o".to_owned(), reviews.arg(out)]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&args)
}

#[test]
fn an_editors_and_a_fact_checkers_copies_merge_cleanly_with_exit_0() {
    let reviews = Reviews::new();
    reviews.changed(
        "editor.copydesk.ron",
        vec![reviews.status(0, ReviewStatus::Approved, "Ana")],
    );
    reviews.changed(
        "checker.copydesk.ron",
        vec![reviews.comment("Bo", "Source for this?")],
    );
    let output = merge(
        &reviews,
        &[
            "base.copydesk.ron",
            "editor.copydesk.ron",
            "checker.copydesk.ron",
        ],
        "merged.copydesk.ron",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = stdout(&output);
    assert!(
        said.contains("Took 1 change from editor.copydesk.ron and 0 from checker.copydesk.ron"),
        "{said}"
    );
    assert!(said.contains("No conflicts."), "{said}");
    let merged = load_project(&reviews.path("merged.copydesk.ron")).unwrap();
    assert_eq!(merged.sections[0].status, ReviewStatus::Approved);
    assert!(merged.comments.iter().any(|c| c.body == "Source for this?"));

    // Without the base, the comment new on one side is kept, but the status the two copies
    // hold differently is a conflict: nothing tells which side changed it.
    let output = merge(
        &reviews,
        &["editor.copydesk.ron", "checker.copydesk.ron"],
        "no-base.copydesk.ron",
    );
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let merged = load_project(&reviews.path("no-base.copydesk.ron")).unwrap();
    assert!(merged.comments.iter().any(|c| c.body == "Source for this?"));
    assert_eq!(merged.sections[0].status, reviews.base.sections[0].status);
}

#[test]
fn conflicts_give_exit_1_each_listed_on_a_line_and_the_file_is_written() {
    let reviews = Reviews::new();
    reviews.changed(
        "editor.copydesk.ron",
        vec![reviews.status(1, ReviewStatus::Approved, "Ana")],
    );
    reviews.changed(
        "checker.copydesk.ron",
        vec![reviews.status(1, ReviewStatus::InReview, "Bo")],
    );
    let output = merge(
        &reviews,
        &[
            "base.copydesk.ron",
            "editor.copydesk.ron",
            "checker.copydesk.ron",
        ],
        "merged.copydesk.ron",
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let said = stdout(&output);
    let title = reviews.base.sections[1].title();
    assert!(
        said.contains(&format!(
            "  - the status of section “{title}”: Approved (editor.copydesk.ron) / In review (checker.copydesk.ron)"
        )),
        "{said}"
    );
    let merged = load_project(&reviews.path("merged.copydesk.ron")).unwrap();
    assert_eq!(merged.sections[1].status, ReviewStatus::InReview);
    assert_eq!(merged.conflicts.len(), 1);
    // The gate lists it as open.
    let output = run(&["check", &reviews.arg("merged.copydesk.ron")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("merge conflict on the status of section"));
}

/// The command failed with status 2 naming `named`, and wrote nothing to `out`.
fn refused(output: &std::process::Output, named: &str, out: &Path) {
    fails_with(output, named);
    assert!(!out.exists(), "{} was written", out.display());
}

#[test]
fn unusable_input_is_refused_naming_the_file_and_nothing_is_written() {
    let reviews = Reviews::new();
    reviews.changed("ours.copydesk.ron", vec![]);
    let out = reviews.path("merged.copydesk.ron");

    let missing = merge(
        &reviews,
        &["ours.copydesk.ron", "missing.copydesk.ron"],
        "merged.copydesk.ron",
    );
    refused(&missing, &reviews.arg("missing.copydesk.ron"), &out);

    write(
        &reviews.path("corrupt.copydesk.ron"),
        "(format: \"copydesk-project\", vers",
    );
    let corrupt = merge(
        &reviews,
        &["ours.copydesk.ron", "corrupt.copydesk.ron"],
        "merged.copydesk.ron",
    );
    refused(&corrupt, &reviews.arg("corrupt.copydesk.ron"), &out);

    let newer = ron_from_project(&reviews.base).unwrap().replacen(
        &format!("version: {FORMAT_VERSION},"),
        "version: 99,",
        1,
    );
    write(&reviews.path("newer.copydesk.ron"), newer);
    let from_newer = merge(
        &reviews,
        &["ours.copydesk.ron", "newer.copydesk.ron"],
        "merged.copydesk.ron",
    );
    refused(&from_newer, &reviews.arg("newer.copydesk.ron"), &out);

    // A review of the same article imported apart: nothing in common.
    let other = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    reviews.save("other.copydesk.ron", &other);
    let unrelated = merge(
        &reviews,
        &["ours.copydesk.ron", "other.copydesk.ron"],
        "merged.copydesk.ron",
    );
    refused(&unrelated, "not copies of one review", &out);
    let message = stderr(&unrelated);
    assert!(
        message.contains(&reviews.arg("ours.copydesk.ron"))
            && message.contains(&reviews.arg("other.copydesk.ron")),
        "{message}"
    );
}

#[test]
fn the_output_is_never_an_input_and_replaces_a_file_only_with_force() {
    let reviews = Reviews::new();
    reviews.changed(
        "ours.copydesk.ron",
        vec![reviews.status(0, ReviewStatus::Approved, "Ana")],
    );
    let before = std::fs::read(reviews.path("ours.copydesk.ron")).unwrap();
    let over_input = merge(
        &reviews,
        &[
            "base.copydesk.ron",
            "ours.copydesk.ron",
            "base.copydesk.ron",
        ],
        "ours.copydesk.ron",
    );
    fails_with(&over_input, "is one of the reviews being merged");
    assert!(std::fs::read(reviews.path("ours.copydesk.ron")).unwrap() == before);

    let taken = std::fs::read(reviews.path("base.copydesk.ron")).unwrap();
    write(&reviews.path("taken.copydesk.ron"), &taken);
    let exists = merge(
        &reviews,
        &["ours.copydesk.ron", "base.copydesk.ron"],
        "taken.copydesk.ron",
    );
    fails_with(&exists, "already exists");
    assert!(std::fs::read(reviews.path("taken.copydesk.ron")).unwrap() == taken);

    let mut args = vec![
        "merge".to_owned(),
        reviews.arg("base.copydesk.ron"),
        reviews.arg("ours.copydesk.ron"),
        reviews.arg("base.copydesk.ron"),
        "-o".to_owned(),
        reviews.arg("taken.copydesk.ron"),
        "--force".to_owned(),
    ];
    let forced = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(
        stdout(&forced).contains("The previous version is kept in"),
        "{}",
        stdout(&forced)
    );
    // One file, or four, is a mistake clap answers.
    args.truncate(2);
    let output = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn one_reviewers_memo_and_export_hold_only_their_marks() {
    let reviews = Reviews::new();
    reviews.changed(
        "merged.copydesk.ron",
        vec![
            reviews.comment("Ana", "Ana asks who said so."),
            reviews.comment("Bo", "Bo wants a figure."),
        ],
    );
    let project = reviews.arg("merged.copydesk.ron");
    let output = run(&["memo", &project, "--reviewer", "ana"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let memo = stdout(&output);
    assert!(memo.contains("Ana asks who said so."), "{memo}");
    assert!(!memo.contains("Bo wants a figure."), "{memo}");
    assert!(!memo.contains("Which experts?"), "{memo}");

    let exported = reviews.path("ana.md");
    let output = run(&[
        "export",
        &project,
        "--format",
        "markdown",
        "-o",
        exported.to_str().unwrap(),
        "--reviewer",
        "ANA",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = std::fs::read_to_string(&exported).unwrap();
    assert!(report.contains("Ana asks who said so."));
    assert!(!report.contains("Bo wants a figure."));

    let output = run(&["memo", &project, "--reviewer", "Cy"]);
    fails_with(
        &output,
        "no reviewer “Cy” in this review; its reviewers are: ",
    );
    let message = stderr(&output);
    assert!(message.contains(&project), "{message}");
    assert!(
        message.contains("Sample reviewer (p-") && message.contains("Bo (p-"),
        "{message}"
    );
}
