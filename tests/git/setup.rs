//! `copydesk git-setup`: what it writes (the .gitattributes line, once; the .gitignore line
//! that keeps the desk's lock files out of commits; the driver in the repository's config), that running it again changes nothing and says so, and its errors
//! (not a repository, no git) with exit status 2; a fresh clone, which has the attributes but
//! not the driver, gets only the driver.

use super::Repo;
use crate::common::cli::{fails_with, stderr, stdout};

#[test]
fn git_setup_registers_the_driver_once_and_a_second_run_changes_nothing() {
    let repo = Repo::new();
    let first = repo.copydesk(&["git-setup"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let said = stdout(&first);
    assert!(
        said.contains(".gitattributes: created, with “*.copydesk.ron merge=copydesk”"),
        "{said}"
    );
    for reminder in [
        "commit .gitattributes and .gitignore",
        "every clone runs `copydesk git-setup` once",
        "hosted merge buttons (GitHub's, GitLab's) ignore custom merge drivers",
    ] {
        assert!(said.contains(reminder), "{said}");
    }
    assert_eq!(
        std::fs::read_to_string(repo.path(".gitattributes")).unwrap(),
        "*.copydesk.ron merge=copydesk\n"
    );
    assert!(
        said.contains(".gitignore: created, with “.*.copydesk.ron.lock”"),
        "{said}"
    );
    // A desk's lock file beside a review is not something git offers to commit.
    std::fs::write(repo.path(".seed.copydesk.ron.lock"), "open for someone").unwrap();
    assert_eq!(
        repo.git_ok(&["status", "--porcelain", "--", ".seed.copydesk.ron.lock"]),
        ""
    );
    let ignore = std::fs::read(repo.path(".gitignore")).unwrap();
    let driver = repo.git_ok(&["config", "--local", "--get", "merge.copydesk.driver"]);
    let executable = env!("CARGO_BIN_EXE_copydesk");
    assert_eq!(
        driver.trim(),
        format!("'{executable}' merge-driver %O %A %B %P")
    );
    assert!(
        !repo
            .git_ok(&["config", "--local", "--get", "merge.copydesk.name"])
            .trim()
            .is_empty()
    );
    let attributes = std::fs::read(repo.path(".gitattributes")).unwrap();
    let config = std::fs::read(repo.path(".git/config")).unwrap();

    let second = repo.copydesk(&["git-setup", repo.root.to_str().unwrap()]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(
        stdout(&second).starts_with("Nothing to change"),
        "{}",
        stdout(&second)
    );
    assert_eq!(
        std::fs::read(repo.path(".gitattributes")).unwrap(),
        attributes
    );
    assert_eq!(std::fs::read(repo.path(".git/config")).unwrap(), config);
    assert_eq!(std::fs::read(repo.path(".gitignore")).unwrap(), ignore);
    assert!(
        !repo.outside().join("home/.gitconfig").exists(),
        "nothing goes to the user's own config"
    );
}

#[test]
fn git_setup_adds_its_line_to_existing_attributes_from_a_subfolder() {
    let repo = Repo::new();
    std::fs::write(repo.path(".gitattributes"), "*.png binary").unwrap();
    std::fs::create_dir_all(repo.path("reviews/2026")).unwrap();
    let output = repo.copydesk(&["git-setup", "reviews/2026"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(".gitattributes: “*.copydesk.ron merge=copydesk” added"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        std::fs::read_to_string(repo.path(".gitattributes")).unwrap(),
        "*.png binary\n*.copydesk.ron merge=copydesk\n",
        "at the top of the work tree, on a line of its own"
    );
    let attribute = repo.git_ok(&["check-attr", "merge", "--", "reviews/2026/a.copydesk.ron"]);
    assert!(attribute.contains("merge: copydesk"), "{attribute}");
}

#[test]
fn git_setup_outside_a_repository_or_without_git_says_so_with_status_2() {
    let repo = Repo::new();
    let elsewhere = repo.outside().join("not-a-repository");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let output = repo.copydesk(&["git-setup", elsewhere.to_str().unwrap()]);
    fails_with(&output, "not-a-repository: not in a git repository");
    assert!(!elsewhere.join(".gitattributes").exists());

    let no_git = repo.outside().join("no-git-here");
    std::fs::create_dir_all(&no_git).unwrap();
    let output = repo
        .isolated(&mut crate::common::copydesk())
        .env("PATH", &no_git)
        .arg("git-setup")
        .output()
        .unwrap();
    fails_with(&output, "cannot run git");
    assert!(!repo.path(".gitattributes").exists());
}

#[test]
fn a_fresh_clone_has_the_attributes_and_gets_the_driver_from_git_setup() {
    let repo = Repo::new();
    let setup = repo.copydesk(&["git-setup"]);
    assert_eq!(setup.status.code(), Some(0), "{}", stderr(&setup));
    repo.commit_all("Reviews are merged by copydesk");
    let clone = repo.outside().join("clone");
    repo.git_ok(&["clone", "-q", ".", clone.to_str().unwrap()]);
    let in_clone = repo.git(&[
        "-C",
        clone.to_str().unwrap(),
        "config",
        "--get",
        "merge.copydesk.driver",
    ]);
    assert!(
        !in_clone.status.success(),
        "a clone does not copy the config"
    );

    let output = repo.copydesk(&["git-setup", clone.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = stdout(&output);
    assert!(
        said.contains(".gitattributes: already has “*.copydesk.ron merge=copydesk”")
            && said.contains("merge.copydesk.driver: set to"),
        "{said}"
    );
    let status = repo.git_ok(&["-C", clone.to_str().unwrap(), "status", "--porcelain"]);
    assert_eq!(status, "", "nothing to commit in the clone");
}
