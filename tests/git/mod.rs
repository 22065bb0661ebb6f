//! Reviews merged by real git with copydesk's merge driver, registered by `copydesk git-setup`:
//! an editor and a fact-checker on two branches (`parallel`), the driver on inputs it cannot
//! use and on a review both branches added (`driver`), and the setup itself (`setup`).
//!
//! Every git (and every copydesk that runs git) is kept away from the user's own git config:
//! a HOME of its own, no system config, and no repository found above the test's folder.

mod driver;
mod parallel;
mod setup;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use copydesk::edit::Edit;
use copydesk::model::Project;
use copydesk::project_file::load_project;
use copydesk::storage::SaveRequest;

use crate::common::cli::stderr;
use crate::common::{copydesk, seed_article, temp_dir};

/// Where the review lives in the test repositories.
const REVIEW: &str = "seed.copydesk.ron";

/// A git repository in a folder of its own, with a HOME of its own beside it.
struct Repo {
    dir: tempfile::TempDir,
    root: PathBuf,
}

impl Repo {
    /// A new repository on branch `main`, with a committer named in its own config.
    fn new() -> Self {
        let dir = temp_dir();
        let root = dir.path().join("repo");
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        std::fs::create_dir_all(&root).unwrap();
        let repo = Self { dir, root };
        repo.git_ok(&["init", "-q", "-b", "main"]);
        repo.git_ok(&["config", "user.name", "Test Runner"]);
        repo.git_ok(&["config", "user.email", "tests@copydesk.invalid"]);
        repo.git_ok(&["config", "commit.gpgsign", "false"]);
        repo
    }

    /// A repository holding the seed's review, committed on `main`, with the driver set up
    /// (and .gitattributes committed); `None` when the seed is missing (see `shared_file`).
    fn with_seed_review() -> Option<Self> {
        let seed = seed_article()?;
        let repo = Self::new();
        let imported = repo.copydesk(&["import", seed.to_str().unwrap(), "-o", REVIEW]);
        assert!(imported.status.success(), "{}", stderr(&imported));
        repo.commit_all("The seed, imported for review");
        let setup = repo.copydesk(&["git-setup"]);
        assert!(setup.status.success(), "{}", stderr(&setup));
        repo.commit_all("Reviews are merged by copydesk");
        Some(repo)
    }

    /// The folder the repository and its HOME are in.
    fn outside(&self) -> &Path {
        self.dir.path()
    }

    /// `command`, kept away from the user's git config and any repository above ours.
    fn isolated<'a>(&self, command: &'a mut Command) -> &'a mut Command {
        let home = self.outside().join("home");
        command
            .current_dir(&self.root)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CEILING_DIRECTORIES", self.outside())
            .env("LC_ALL", "C")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("GIT_CONFIG_GLOBAL")
            .env_remove("GIT_CONFIG")
    }

    /// `git ARGS` in the repository, run to the end.
    fn git(&self, args: &[&str]) -> Output {
        self.isolated(&mut Command::new("git"))
            .args(args)
            .output()
            .unwrap()
    }

    /// `git ARGS`, which must succeed; what it printed.
    fn git_ok(&self, args: &[&str]) -> String {
        let output = self.git(args);
        assert!(
            output.status.success(),
            "git {args:?} failed:\n{}{}",
            said(&output.stdout),
            said(&output.stderr)
        );
        said(&output.stdout)
    }

    /// The real `copydesk ARGS`, run in the repository as a person would.
    fn copydesk(&self, args: &[&str]) -> Output {
        self.isolated(&mut copydesk()).args(args).output().unwrap()
    }

    fn commit_all(&self, message: &str) {
        self.git_ok(&["add", "--all"]);
        self.git_ok(&["commit", "-q", "-m", message]);
    }

    fn path(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// The review as the work tree has it; it must open.
    fn review(&self) -> Project {
        load_project(&self.path(REVIEW)).unwrap()
    }

    /// The review with `edits` applied, saved as a desk saves it.
    fn change_review(&self, edits: Vec<Edit>) {
        let mut project = self.review();
        for edit in edits {
            edit.apply(&mut project).unwrap();
        }
        SaveRequest::new(&project, &self.path(REVIEW))
            .save()
            .unwrap();
    }
}

/// Bytes a process printed, as text.
fn said(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Everything a git command printed, stdout and stderr (the driver writes to stderr).
fn everything_said(output: &Output) -> String {
    format!("{}{}", said(&output.stdout), said(&output.stderr))
}
