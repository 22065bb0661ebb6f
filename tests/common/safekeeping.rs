//! Where the safekeeping tests start and what they wait for: a saved sample review with a
//! data folder for its backups and journals, a desk journaling there, a journal made to look
//! left by a crash, and another desk holding a project's lock.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use copydesk::app::ScriptedFileDialogs;
use copydesk::storage::Safekeeping;
use copydesk::storage::SaveRequest;
use copydesk::storage::journal::{JournalMeta, Journals, read_journal, write_journal};
use copydesk::storage::lock::{LockOwner, lock_path};
use egui::Key;
use tempfile::TempDir;

use crate::common::desk::{ALT, Desk, desk_keeping, press, settle};
use crate::common::temp_dir;

/// A saved sample review in `dir`.
pub(crate) fn saved_sample(dir: &Path) -> PathBuf {
    let path = dir.join("review.copydesk.ron");
    let sample = copydesk::sample::sample_project(jiff::Timestamp::now()).unwrap();
    SaveRequest::new(&sample, &path).save().unwrap();
    path
}

/// Backups and journals in `data`, the journal written 50 ms after a change.
pub(crate) fn keeping_in(data: &Path) -> Safekeeping {
    Safekeeping {
        journal_delay: Duration::from_millis(50),
        journal_max_delay: Duration::from_millis(200),
        ..Safekeeping::in_data_dir(Some(data.to_owned()))
    }
}

/// Runs frames (letting the clock move) until `done`, for at most 10 seconds.
pub(crate) fn run_until(harness: &mut Desk, what: &str, done: impl Fn(&Desk) -> bool) {
    let started = Instant::now();
    while !done(harness) {
        assert!(started.elapsed() < Duration::from_secs(10), "{what}");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
}

/// Makes a desk's journal look like one left by a process that is gone (a crash).
pub(crate) fn as_if_crashed(journal: &Path) {
    let (meta, project) = read_journal(journal).unwrap();
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    gone.wait().unwrap();
    let dead = JournalMeta {
        writer: LockOwner {
            pid: gone.id(),
            ..meta.writer.clone()
        },
        ..meta
    };
    write_journal(&copydesk::storage::RealFileSystem, journal, &dead, &project).unwrap();
}

/// A saved sample review in a folder of its own, a data folder for its backups and journals,
/// and the file dialogs' scripted answers: where most of these tests start. The folders last
/// as long as their fields are bound (as `dir: _folder` where a test does not use it).
pub(crate) struct Workspace {
    pub(crate) dir: TempDir,
    pub(crate) path: PathBuf,
    pub(crate) data: TempDir,
    pub(crate) journals: Journals,
    pub(crate) dialogs: ScriptedFileDialogs,
}

impl Workspace {
    pub(crate) fn new() -> Self {
        let dir = temp_dir();
        let path = saved_sample(dir.path());
        let data = temp_dir();
        let journals = Journals::in_data_dir(data.path());
        Self {
            dir,
            path,
            data,
            journals,
            dialogs: ScriptedFileDialogs::default(),
        }
    }
}

/// A desk on the project at `path`, keeping its journal and backups in `data`.
pub(crate) fn desk_journaling(path: &Path, data: &Path, dialogs: &ScriptedFileDialogs) -> Desk {
    desk_keeping(
        Some(path.to_owned()),
        Some("Ana"),
        dialogs,
        keeping_in(data),
    )
}

/// Approves the first section and waits until the journal holds the change; returns the
/// journal.
pub(crate) fn approve_and_wait_for_journal(harness: &mut Desk, journals: &Journals) -> PathBuf {
    press(harness, ALT, Key::Num4);
    run_until(harness, "the journal is written", |_| {
        journals.all().len() == 1
    });
    settle(harness);
    journals.all().remove(0).path
}

/// Another desk, still running, that has a project open: a live process named in its lock.
/// The process ends when this is dropped.
pub(crate) struct OtherDesk {
    process: std::process::Child,
}

impl OtherDesk {
    /// Bea's desk, holding `project`'s lock.
    pub(crate) fn holding(project: &Path) -> Self {
        let process = std::process::Command::new("sleep")
            .arg("60")
            .spawn()
            .unwrap();
        let holder = LockOwner {
            user: "bea".to_owned(),
            pid: process.id(),
            ..LockOwner::this_process()
        };
        std::fs::write(lock_path(project), serde_json::to_string(&holder).unwrap()).unwrap();
        Self { process }
    }
}

impl Drop for OtherDesk {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}
