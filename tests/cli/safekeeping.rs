//! The command line keeps reviews safe: it never writes over a review, its article or
//! something that is not a file unless told to, output it cannot write is an error (never a
//! panic), `revise` keeps the previous version as a backup, and `recover` answers plainly.

use std::path::Path;

use copydesk::model::ReviewStatus;
use copydesk::project_file::load_project;
use copydesk::storage::SaveRequest;
use jiff::Timestamp;

use crate::common::cli::{fails_with, run, stderr, stdout};
use crate::common::{copydesk, temp_dir, write};

#[test]
fn import_never_overwrites_a_review_unless_told_to() {
    let dir = temp_dir();
    let article = dir.path().join("a.md");
    write(&article, "# Title\n\nText.\n");
    let target = dir.path().join("a.copydesk.ron");
    write(&target, "precious review");
    let output = run(&[
        "import",
        article.to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
    ]);
    fails_with(&output, "already exists");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious review");

    let output = run(&[
        "import",
        article.to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
        "--force",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(load_project(&target).unwrap().title, "Title");

    // An empty article writes nothing.
    let empty = dir.path().join("empty.txt");
    write(&empty, "");
    let none = dir.path().join("none.copydesk.ron");
    let output = run(&[
        "import",
        empty.to_str().unwrap(),
        "-o",
        none.to_str().unwrap(),
    ]);
    fails_with(&output, "empty.txt: the file is empty");
    assert!(!none.exists());
}

/// A project where everything is approved and nothing is open.
fn ready_project(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("ready.copydesk.ron");
    let mut project = copydesk::sample::sample_project(Timestamp::now()).unwrap();
    for section in &mut project.sections {
        section.status = ReviewStatus::Approved;
    }
    project.comments.clear();
    project.claims.clear();
    SaveRequest::new(&project, &path).save().unwrap();
    path
}

#[test]
fn output_that_cannot_be_written_is_an_error_not_a_panic() {
    let dir = temp_dir();
    let ready = ready_project(dir.path());
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else {
        return; // not a Linux-like system
    };
    let output = copydesk()
        .args(["check", ready.to_str().unwrap()])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot write the output"),
        "{}",
        stderr(&output)
    );

    // A reader that stops early (`| grep -q ready`) is no error: the gate's answer stands.
    for (project, expected) in [(ready, 0), (dir.path().join("open.copydesk.ron"), 1)] {
        if expected == 1 {
            let open = copydesk::sample::sample_project(Timestamp::now()).unwrap();
            SaveRequest::new(&open, &project).save().unwrap();
        }
        let mut child = copydesk()
            .args(["check", project.to_str().unwrap()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(expected));
    }
}

#[test]
fn import_never_writes_over_its_article_or_something_that_is_not_a_file() {
    let dir = temp_dir();
    let article = dir.path().join("draft.txt");
    write(&article, "A line of text.\n");
    let output = run(&[
        "import",
        article.to_str().unwrap(),
        "-o",
        article.to_str().unwrap(),
        "--force",
    ]);
    fails_with(&output, "is the article itself");
    assert_eq!(
        std::fs::read_to_string(&article).unwrap(),
        "A line of text.\n"
    );

    let folder = dir.path().join("a folder.copydesk.ron");
    std::fs::create_dir(&folder).unwrap();
    let output = run(&[
        "import",
        article.to_str().unwrap(),
        "-o",
        folder.to_str().unwrap(),
        "--force",
    ]);
    fails_with(&output, "not a regular file");
    assert!(folder.is_dir());

    let nowhere = dir.path().join("missing folder").join("p.copydesk.ron");
    let output = run(&[
        "import",
        article.to_str().unwrap(),
        "-o",
        nowhere.to_str().unwrap(),
    ]);
    fails_with(&output, "does not exist");
    assert!(
        !stderr(&output).contains(".p.copydesk.ron."),
        "{}",
        stderr(&output)
    );
}

#[test]
fn recover_lists_nothing_when_nothing_was_left_and_refuses_half_a_request() {
    let data = temp_dir();
    let listed = copydesk()
        .env("COPYDESK_DATA_DIR", data.path())
        .arg("recover")
        .output()
        .unwrap();
    assert!(listed.status.success());
    assert!(
        stdout(&listed).contains("Nothing to recover"),
        "{}",
        stdout(&listed)
    );
    // A damaged file in the folder is named, and left alone.
    let recovery = data.path().join("recovery");
    std::fs::create_dir_all(&recovery).unwrap();
    write(&recovery.join("1-x.copydesk.ron"), "garbage");
    let listed = copydesk()
        .env("COPYDESK_DATA_DIR", data.path())
        .arg("recover")
        .output()
        .unwrap();
    let text = stdout(&listed);
    assert!(
        text.contains("1-x.copydesk.ron: cannot be read as a recovery journal"),
        "{text}"
    );
    assert!(text.contains("Nothing to recover"), "{text}");
    assert!(recovery.join("1-x.copydesk.ron").exists());
    let half = copydesk()
        .env("COPYDESK_DATA_DIR", data.path())
        .args(["recover", "1"])
        .output()
        .unwrap();
    assert_eq!(half.status.code(), Some(2));
    let missing = copydesk()
        .env("COPYDESK_DATA_DIR", data.path())
        .args(["recover", "3", "-o"])
        .arg(data.path().join("x.copydesk.ron"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no autosaved review number 3"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn revise_over_the_project_keeps_the_previous_version_as_a_backup() {
    let dir = temp_dir();
    let data = temp_dir();
    let project_path = dir.path().join("sample.copydesk.ron");
    let project_arg = project_path.to_str().unwrap();
    assert!(run(&["sample", "-o", project_arg]).status.success());
    let before = std::fs::read(&project_path).unwrap();
    let draft_2 = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-article-draft-2.md");
    let output = copydesk()
        .env("COPYDESK_DATA_DIR", data.path())
        .args(["revise", project_arg, draft_2.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("The previous version is kept in"), "{text}");
    let backups = copydesk::storage::backups::Backups::in_data_dir(data.path());
    let kept = backups.list(&project_path);
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read(&kept[0]).unwrap(), before);
    assert_eq!(load_project(&project_path).unwrap().draft.number, 2);

    // Importing over a project with --force keeps the review it replaces too.
    let revised = std::fs::read(&project_path).unwrap();
    let output = copydesk()
        .env("COPYDESK_DATA_DIR", data.path())
        .args([
            "import",
            draft_2.to_str().unwrap(),
            "-o",
            project_arg,
            "--force",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("The previous version is kept in"));
    assert_eq!(
        std::fs::read(&backups.list(&project_path)[0]).unwrap(),
        revised
    );
}
