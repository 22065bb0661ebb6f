//! Edge cases of keeping a review safe, each found by an adversarial review of the first
//! version (a way a reviewer could still lose work or be misled) and kept as a regression test.
//! Each test's comment describes the failure it guards against. This module holds journals,
//! restoring and saving; `locks_and_backups` the locks, symbolic links and backups.

mod locks_and_backups;

use std::fs::{File, Permissions};
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use copydesk::app::{Modal, ScriptedFileDialogs};
use copydesk::model::ReviewStatus;
use copydesk::project_file::load_project;
use copydesk::storage::Safekeeping;
use copydesk::storage::backups::Backups;
use copydesk::storage::journal::{JournalMeta, Journals, write_journal};
use copydesk::storage::lock::LockOwner;
use copydesk::storage::{FileSystem, RealFileSystem};
use egui::Key;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{ALT, CTRL, Desk, desk_keeping, press, project, settle};
use crate::common::safekeeping::{
    Workspace, approve_and_wait_for_journal, as_if_crashed, desk_journaling, keeping_in,
    saved_sample,
};
use crate::common::temp_dir;

/// Runs frames for `how_long`, letting the clock move (autosave would fire meanwhile).
fn run_for(harness: &mut Desk, how_long: Duration) {
    let started = Instant::now();
    while started.elapsed() < how_long {
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    settle(harness);
}

/// The real filesystem, with every flush taking `delay`: a big book on a slow disk.
#[derive(Debug)]
struct SlowFileSystem {
    delay: Duration,
}

impl FileSystem for SlowFileSystem {
    fn create_new(&self, path: &Path, mode: Option<u32>) -> io::Result<File> {
        RealFileSystem.create_new(path, mode)
    }
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        RealFileSystem.write_all(file, bytes)
    }
    fn flush(&self, file: &File) -> io::Result<()> {
        std::thread::sleep(self.delay);
        RealFileSystem.flush(file)
    }
    fn set_permissions(&self, path: &Path, permissions: Permissions) -> io::Result<()> {
        RealFileSystem.set_permissions(path, permissions)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        RealFileSystem.rename(from, to)
    }
    fn sync_folder(&self, folder: &Path) -> io::Result<()> {
        RealFileSystem.sync_folder(folder)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        RealFileSystem.remove_file(path)
    }
}

/// RELIABILITY.md §5: "before the first save over an older file its original is kept in the
/// backup folder as NAME.format-vN-original.copydesk.ron". Not when the review was restored
/// from a crash: restore_now (src/app/state/recovery.rs) records the file as
/// `version: FORMAT_VERSION`, so the save upgrades the version-1 file without keeping it.
#[test]
fn a_restored_review_of_an_older_file_still_keeps_the_original_before_upgrading_it() {
    let dir = temp_dir();
    let data = temp_dir();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/format/v1.copydesk.ron");
    let path = dir.path().join("review.copydesk.ron");
    std::fs::copy(&golden, &path).unwrap();
    let original = std::fs::read(&path).unwrap();
    let journals = Journals::in_data_dir(data.path());
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    let journal = approve_and_wait_for_journal(&mut harness, &journals);
    drop(harness);
    as_if_crashed(&journal);

    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    harness.get_by_label("Restore").click();
    harness.run();
    press(&mut harness, CTRL, Key::S);
    assert_eq!(
        load_project(&path).unwrap().sections[0].status,
        ReviewStatus::Approved,
        "saved"
    );
    let kept = Backups::in_data_dir(data.path())
        .folder_for(&path)
        .join("review.format-v1-original.copydesk.ron");
    assert!(
        std::fs::read(&kept).ok() == Some(original),
        "the version-1 original is kept before the upgrade: {} holds {:?}",
        kept.display(),
        std::fs::read_dir(kept.parent().unwrap())
            .map(|entries| entries
                .filter_map(Result::ok)
                .map(|e| e.file_name())
                .collect::<Vec<_>>())
            .unwrap_or_default()
    );
}

/// "Don't save" removes the journal at once (answer_unsaved → discard_journal), before the
/// open/restore it was asked for has happened. When that does not happen — the file dialog is
/// cancelled, the file is broken, it is open elsewhere and the person cancels — the review stays
/// open, dirty, "unsaved changes" in the title, with no journal, and none is written again until
/// the next edit: a crash now loses all of it.
#[test]
fn a_dirty_review_left_open_after_an_abandoned_open_keeps_its_journal() {
    let Workspace {
        dir: _folder,
        path,
        data,
        journals,
        dialogs,
    } = Workspace::new();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    approve_and_wait_for_journal(&mut harness, &journals);

    // Ctrl+O → "Don't save" → the file dialog is cancelled.
    dialogs.answer_next(None);
    press(&mut harness, CTRL, Key::O);
    harness.get_by_label("Don't save").click();
    harness.run();
    run_for(&mut harness, Duration::from_millis(500));

    assert!(
        harness.state().state().is_dirty(),
        "the review is still open with its changes"
    );
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::Approved);
    assert_eq!(
        journals.all().len(),
        1,
        "…so its journal must still be there for a crash"
    );
}

/// The same through a broken file: the open fails, the review "stays open" (as promised in
/// §6), but its journal was already deleted.
#[test]
fn a_dirty_review_left_open_after_a_failed_open_keeps_its_journal() {
    let dir = temp_dir();
    let path = saved_sample(dir.path());
    let broken = dir.path().join("broken.copydesk.ron");
    std::fs::write(&broken, "(format: \"copydesk\", version: 4, oops").unwrap();
    let data = temp_dir();
    let journals = Journals::in_data_dir(data.path());
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    approve_and_wait_for_journal(&mut harness, &journals);

    dialogs.answer_next(Some(broken));
    press(&mut harness, CTRL, Key::O);
    harness.get_by_label("Don't save").click();
    harness.run();
    // The dialog's answer asks about the (still dirty) review again.
    if harness.query_by_label("Don't save").is_some() {
        harness.get_by_label("Don't save").click();
        harness.run();
    }
    run_for(&mut harness, Duration::from_millis(500));
    let notice = harness.state().state().dialogs.notice().cloned().unwrap();
    assert!(notice.is_error, "the open failed: {}", notice.text);
    assert!(harness.state().state().is_dirty());
    assert_eq!(
        journals.all().len(),
        1,
        "the review that stays open keeps its journal"
    );
}

/// A journal written while a save is on its way carries the hash of the file BEFORE the save
/// (autosave computes `base_hash` on the UI thread when it sends the job). When no edit follows
/// the save, the journal is never rewritten; after a crash, restoring it and saving says the
/// file "was changed on disk ... by another program or person" — it was this desk's own save —
/// and the dialog's "Reload" then drops the restored work.
#[test]
fn a_journal_written_during_a_save_does_not_make_the_restored_review_claim_a_change_on_disk() {
    let Workspace {
        dir: _folder,
        path,
        data,
        journals,
        dialogs,
    } = Workspace::new();
    let safekeeping = Safekeeping {
        fs: Arc::new(SlowFileSystem {
            delay: Duration::from_millis(400),
        }),
        ..keeping_in(data.path())
    };
    let mut harness = desk_keeping(Some(path.clone()), Some("Ana"), &dialogs, safekeeping);
    press(&mut harness, ALT, Key::Num4);
    // Save, and change something else while the save is being written.
    harness.key_press_modifiers(CTRL, Key::S);
    harness.run();
    assert!(
        harness.state().state().files.saving_to().is_some(),
        "save in flight"
    );
    harness.key_press_modifiers(ALT, Key::Num3);
    harness.run();
    run_for(&mut harness, Duration::from_millis(1500));
    assert!(
        harness.state().state().is_dirty(),
        "the second change is unsaved"
    );
    assert_eq!(journals.all().len(), 1, "and journaled");
    let edited = project(&harness).clone();
    let journal = journals.all().remove(0).path;
    drop(harness);
    as_if_crashed(&journal);

    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(project(&harness), &edited);
    press(&mut harness, CTRL, Key::S);
    assert!(
        !matches!(
            harness.state().state().dialogs.modal().cloned(),
            Some(Modal::ChangedOnDisk { .. })
        ),
        "nobody else changed the file: the crashed desk saved it itself"
    );
    assert_eq!(load_project(&path).unwrap(), edited);
}

/// RELIABILITY.md §2 / storage::journal: "only journals of processes that are gone are
/// offered". `orphaned` keeps every journal whose writer is not known to be alive: another
/// computer's desk sharing the data folder (a roaming or network home), and on macOS and
/// Windows every other running desk (liveness is Unknown there). Restore/Discard then act on
/// a journal a running desk is still writing.
#[test]
fn a_journal_of_a_desk_that_may_be_running_is_not_offered_as_left_by_a_crash() {
    let data = temp_dir();
    let journals = Journals::in_data_dir(data.path());
    let project = copydesk::sample::sample_project(jiff::Timestamp::now()).unwrap();
    let meta = JournalMeta {
        project_path: None,
        article_path: None,
        name: "sample".to_owned(),
        base_hash: None,
        base_version: None,
        writer: LockOwner {
            host: "another-machine-sharing-the-home".to_owned(),
            ..LockOwner::this_process()
        },
        written_at: jiff::Timestamp::now(),
    };
    write_journal(
        &RealFileSystem,
        &journals.new_journal_path(),
        &meta,
        &project,
    )
    .unwrap();
    assert!(
        journals.orphaned().is_empty(),
        "a desk on another computer may be running: its journal is not a crash's"
    );
}

/// A journal of a saved project whose file cannot be read now (moved, on an unmounted share) is
/// described as "A review never saved", which it is not.
#[test]
fn the_journal_of_a_saved_project_whose_file_is_gone_is_not_called_never_saved() {
    let Workspace {
        dir,
        path,
        data,
        journals,
        dialogs,
    } = Workspace::new();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    let journal = approve_and_wait_for_journal(&mut harness, &journals);
    drop(harness);
    as_if_crashed(&journal);
    std::fs::rename(&path, dir.path().join("moved.copydesk.ron")).unwrap();

    let harness = desk_keeping(None, Some("Ana"), &dialogs, keeping_in(data.path()));
    let offers = &harness.state().state().files.recovery_offers();
    assert_eq!(offers.len(), 1);
    assert!(
        !offers[0]
            .what
            .iter()
            .any(|line| line.contains("never saved")),
        "{:?}",
        offers[0].what
    );
}

/// A restored review adopts the crashed desk's journal but does not rewrite it until the next
/// edit, so the journal keeps naming the dead process: a second desk started meanwhile offers
/// the first desk's open review as "left by a crash", and its Discard deletes the only crash
/// copy of the restored work (its Restore makes two desks share one journal).
#[test]
fn a_restored_review_is_not_offered_again_by_a_second_desk() {
    let Workspace {
        dir: _folder,
        path,
        data,
        journals,
        dialogs,
    } = Workspace::new();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    let journal = approve_and_wait_for_journal(&mut harness, &journals);
    drop(harness);
    as_if_crashed(&journal);

    let mut first = desk_journaling(&path, data.path(), &dialogs);
    first.get_by_label("Restore").click();
    first.run();
    run_for(&mut first, Duration::from_millis(500));
    assert!(first.state().state().is_dirty());

    let second = desk_keeping(None, Some("Ana"), &dialogs, keeping_in(data.path()));
    assert_eq!(
        second.state().state().files.recovery_offers(),
        Vec::new(),
        "the review is open in a running desk"
    );
    drop(first);
}

/// Promise check (passes): Ctrl+Q with unsaved changes → Save → the desk quits once the save,
/// made on the file thread, is on disk.
#[test]
fn quitting_with_save_quits_after_the_save_lands() {
    let dir = temp_dir();
    let path = saved_sample(dir.path());
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_keeping(
        Some(path.clone()),
        Some("Ana"),
        &dialogs,
        Safekeeping::in_data_dir(None),
    );
    press(&mut harness, ALT, Key::Num4);
    press(&mut harness, CTRL, Key::Q);
    harness.get_by_label("Save").click();
    harness.run();
    settle(&mut harness);
    assert!(harness.state().state().dialogs.quit_confirmed());
    assert_eq!(
        load_project(&path).unwrap().sections[0].status,
        ReviewStatus::Approved
    );
}
