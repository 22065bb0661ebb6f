//! The desk keeps a review safe: a failed save, a file changed on disk, a project open
//! elsewhere, a newer file, autosave and the offer to restore after a crash — driven through
//! the desk as a reviewer would meet them.

use std::path::Path;

use std::sync::Arc;

use copydesk::app::{Modal, ScriptedFileDialogs};
use copydesk::model::{Project, ReviewStatus};
use copydesk::project_file::load_project;
use copydesk::storage::Safekeeping;
use copydesk::storage::SaveRequest;
use copydesk::storage::backups::Backups;
use copydesk::storage::journal::read_journal;
use copydesk::storage::lock::{LockOwner, lock_path};
use copydesk::storage::{Fault, FaultyFileSystem, SaveStep};
use egui::Key;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{
    ALT, CTRL, CTRL_SHIFT, Desk, desk_keeping, notice, press, project, settle,
};
use crate::common::safekeeping::{
    OtherDesk, Workspace, approve_and_wait_for_journal, as_if_crashed, desk_journaling, run_until,
    saved_sample,
};
use crate::common::{names_in, temp_dir};

fn first_status(harness: &Desk) -> ReviewStatus {
    project(harness).sections[0].status
}

#[test]
fn a_save_that_fails_at_any_step_leaves_the_file_and_keeps_the_review_unsaved() {
    for (step, fault) in [
        (SaveStep::Write, Fault::DiskFull { bytes_written: 100 }),
        (SaveStep::Flush, Fault::Error(std::io::ErrorKind::Other)),
        (
            SaveStep::Rename,
            Fault::Error(std::io::ErrorKind::PermissionDenied),
        ),
    ] {
        let dir = temp_dir();
        let path = saved_sample(dir.path());
        let before = std::fs::read(&path).unwrap();
        let safekeeping = Safekeeping {
            fs: Arc::new(FaultyFileSystem::failing(step, fault)),
            ..Safekeeping::in_data_dir(None)
        };
        let dialogs = ScriptedFileDialogs::default();
        let mut harness = desk_keeping(Some(path.clone()), Some("Ana"), &dialogs, safekeeping);
        press(&mut harness, ALT, Key::Num4);
        press(&mut harness, CTRL, Key::S);
        let (text, is_error) = notice(&harness);
        assert!(is_error, "{step:?}: {text}");
        assert!(text.contains("review.copydesk.ron"), "{text}");
        assert!(text.contains("still open and unsaved"), "{text}");
        if matches!(fault, Fault::DiskFull { .. }) {
            assert!(text.contains("disk is full"), "{text}");
        }
        assert!(harness.state().state().is_dirty(), "{step:?}");
        assert!(harness.state().window_title().contains("unsaved changes"));
        assert_eq!(std::fs::read(&path).unwrap(), before, "{step:?}");
        assert_eq!(
            names_in(dir.path()),
            [".review.copydesk.ron.lock", "review.copydesk.ron"],
            "no temporary file is left ({step:?})"
        );
    }
}

#[test]
fn a_same_size_change_on_disk_is_not_overwritten_and_can_be_saved_as() {
    let dir = temp_dir();
    let path = saved_sample(dir.path());
    let dialogs = ScriptedFileDialogs::default();
    let data = temp_dir();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    press(&mut harness, ALT, Key::Num4);
    // A colleague changes one letter of the file: same size, and the same modification time.
    let modified_at = std::fs::metadata(&path).unwrap().modified().unwrap();
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("Riverton", "Rivertan", 1);
    std::fs::write(&path, &theirs).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified_at)
        .unwrap();

    press(&mut harness, CTRL, Key::S);
    assert!(matches!(
        harness.state().state().dialogs.modal().cloned(),
        Some(Modal::ChangedOnDisk { .. })
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    harness.get_by_label_contains("review.copydesk.ron” changed on disk");

    let mine = dir.path().join("mine.copydesk.ron");
    dialogs.answer_next(Some(mine.clone()));
    harness.get_by_label("Save as…").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "theirs kept"
    );
    assert_eq!(
        load_project(&mine).unwrap().sections[0].status,
        ReviewStatus::Approved
    );
    assert!(!harness.state().state().is_dirty());
    assert!(
        harness
            .state()
            .window_title()
            .starts_with("mine.copydesk.ron")
    );
}

#[test]
fn a_changed_file_can_be_reloaded_or_overwritten_with_a_backup_kept() {
    let dir = temp_dir();
    let path = saved_sample(dir.path());
    let dialogs = ScriptedFileDialogs::default();
    let data = temp_dir();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    let change_on_disk = |status: &str| {
        let mut theirs = load_project(&path).unwrap();
        theirs.title = format!("Their title {status}");
        SaveRequest::new(&theirs, &path).save().unwrap();
        std::fs::read(&path).unwrap()
    };

    // Reload: their version replaces mine.
    press(&mut harness, ALT, Key::Num4);
    change_on_disk("one");
    press(&mut harness, CTRL, Key::S);
    harness.get_by_label("Reload").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(project(&harness).title, "Their title one");
    assert_ne!(first_status(&harness), ReviewStatus::Approved);
    assert!(!harness.state().state().is_dirty());

    // Overwrite: mine replaces theirs, and theirs is kept as a backup.
    press(&mut harness, ALT, Key::Num4);
    let theirs = change_on_disk("two");
    press(&mut harness, CTRL, Key::S);
    harness.get_by_label("Overwrite").click();
    harness.run();
    settle(&mut harness);
    assert!(!harness.state().state().is_dirty());
    let saved = load_project(&path).unwrap();
    assert_eq!(saved.title, "Their title one");
    assert_eq!(saved.sections[0].status, ReviewStatus::Approved);
    let backups = Backups::in_data_dir(data.path()).list(&path);
    assert_eq!(std::fs::read(&backups[0]).unwrap(), theirs);
}

#[test]
fn a_project_open_elsewhere_opens_read_only_on_request() {
    let dir = temp_dir();
    let path = saved_sample(dir.path());
    let before = std::fs::read(&path).unwrap();
    // Another desk, still running, holds the lock.
    let other = OtherDesk::holding(&path);

    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_keeping(
        Some(path.clone()),
        Some("Ana"),
        &dialogs,
        Safekeeping::in_data_dir(None),
    );
    assert!(matches!(
        harness.state().state().dialogs.modal().cloned(),
        Some(Modal::OpenElsewhere { .. })
    ));
    harness.get_by_label_contains("It is open for bea on");
    harness.get_by_label("Open read-only").click();
    harness.run();
    assert!(harness.state().window_title().contains("(read-only)"));

    let status = first_status(&harness);
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(first_status(&harness), status, "no change is made");
    let (text, is_error) = notice(&harness);
    assert!(is_error && text.contains("read-only"), "{text}");
    press(&mut harness, CTRL, Key::S);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let (text, _) = notice(&harness);
    assert!(text.starts_with("Not saved"), "{text}");
    // Save as… makes a copy of one's own, which can then be changed.
    let mine = dir.path().join("mine.copydesk.ron");
    dialogs.answer_next(Some(mine.clone()));
    press(&mut harness, CTRL_SHIFT, Key::S);
    assert!(
        harness
            .state()
            .window_title()
            .starts_with("mine.copydesk.ron")
    );
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(first_status(&harness), ReviewStatus::Approved);
    press(&mut harness, CTRL, Key::S);
    assert_eq!(
        load_project(&mine).unwrap().sections[0].status,
        ReviewStatus::Approved
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // The other desk's lock is left alone.
    drop(harness);
    assert!(lock_path(&path).exists());
    assert!(!lock_path(&mine).exists());
    drop(other);
}

#[test]
fn opening_anyway_takes_the_lock_and_a_stale_lock_is_taken_over_silently() {
    let dir = temp_dir();
    let path = saved_sample(dir.path());
    let holder = LockOwner {
        host: "another-machine".to_owned(),
        ..LockOwner::this_process()
    };
    std::fs::write(lock_path(&path), serde_json::to_string(&holder).unwrap()).unwrap();
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_keeping(
        Some(path.clone()),
        Some("Ana"),
        &dialogs,
        Safekeeping::in_data_dir(None),
    );
    harness.get_by_label("Open anyway").click();
    harness.run();
    let owner = copydesk::storage::lock::read_owner(&lock_path(&path)).unwrap();
    assert_eq!(owner.pid, std::process::id());
    press(&mut harness, ALT, Key::Num4);
    press(&mut harness, CTRL, Key::S);
    assert_eq!(
        load_project(&path).unwrap().sections[0].status,
        ReviewStatus::Approved
    );
    drop(harness);
    assert!(!lock_path(&path).exists(), "the lock goes with the desk");

    // A lock left by a process that is gone: no question asked.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    gone.wait().unwrap();
    let stale = LockOwner {
        pid: gone.id(),
        ..LockOwner::this_process()
    };
    std::fs::write(lock_path(&path), serde_json::to_string(&stale).unwrap()).unwrap();
    let harness = desk_keeping(
        Some(path),
        Some("Ana"),
        &dialogs,
        Safekeeping::in_data_dir(None),
    );
    assert_eq!(harness.state().state().dialogs.modal().cloned(), None);
    let (text, _) = notice(&harness);
    assert!(text.contains("no longer running"), "{text}");
}

#[test]
fn changes_are_journaled_and_offered_back_after_a_crash() {
    let Workspace {
        dir: _folder,
        path,
        data,
        journals,
        dialogs,
    } = Workspace::new();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    approve_and_wait_for_journal(&mut harness, &journals);
    let entry = journals.all().remove(0);
    let (meta, journaled) = read_journal(&entry.path).unwrap();
    assert_eq!(journaled.sections[0].status, ReviewStatus::Approved);
    assert_eq!(meta.project_path.as_deref(), Some(path.as_path()));
    let edited: Project = project(&harness).clone();

    // The desk dies without saving: its journal stays, and names a process that is gone.
    drop(harness);
    as_if_crashed(&entry.path);

    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    assert_eq!(
        harness.state().state().dialogs.modal().cloned(),
        Some(Modal::Recover)
    );
    harness.get_by_label("Recover unsaved work?");
    harness.get_by_label_contains(": approved (was ");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(project(&harness), &edited);
    assert!(
        harness.state().state().is_dirty(),
        "restored, not saved yet"
    );
    let (text, _) = notice(&harness);
    assert!(text.contains("Restored the unsaved changes"), "{text}");

    press(&mut harness, CTRL, Key::S);
    run_until(&mut harness, "saving removes the journal", |_| {
        journals.all().is_empty()
    });
    assert_eq!(load_project(&path).unwrap(), edited);
}

#[test]
fn a_journal_is_discarded_on_request_and_when_changes_are_undone() {
    let Workspace {
        dir: _folder,
        path,
        data,
        journals,
        dialogs,
    } = Workspace::new();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    approve_and_wait_for_journal(&mut harness, &journals);
    press(&mut harness, CTRL, Key::Z);
    run_until(
        &mut harness,
        "undoing to the saved state removes it",
        |_| journals.all().is_empty(),
    );
    // The claim library (which the opened review went into) is the data folder's too.
    assert_eq!(
        names_in(data.path()),
        ["library", "recovery"],
        "nothing else was written"
    );
}

#[test]
fn a_file_from_a_newer_copydesk_opens_read_only_and_is_never_written() {
    let dir = temp_dir();
    let path = saved_sample(dir.path());
    let current = format!("version: {},", copydesk::project_file::FORMAT_VERSION);
    let newer = std::fs::read_to_string(&path).unwrap().replacen(
        &current,
        "version: 99,\n    reviewers_online: [\"bea\"],",
        1,
    );
    std::fs::write(&path, &newer).unwrap();
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_keeping(
        Some(path.clone()),
        Some("Ana"),
        &dialogs,
        Safekeeping::in_data_dir(None),
    );
    assert!(harness.state().window_title().contains("(read-only)"));
    let (text, is_error) = notice(&harness);
    assert!(is_error, "{text}");
    assert!(text.contains("newer copydesk (format version 99"), "{text}");
    let status = first_status(&harness);
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(first_status(&harness), status);
    press(&mut harness, CTRL, Key::S);
    dialogs.answer_next(Some(dir.path().join("copy.copydesk.ron")));
    press(&mut harness, CTRL_SHIFT, Key::S);
    settle(&mut harness);
    assert!(dialogs.asked().is_empty(), "no save dialog is offered");
    let (text, _) = notice(&harness);
    assert!(
        text.starts_with("Not saved: this review was saved by a newer"),
        "{text}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
    assert!(!dir.path().join("copy.copydesk.ron").exists());
}

#[test]
fn an_older_file_is_upgraded_on_save_and_its_original_kept() {
    let dir = temp_dir();
    let data = temp_dir();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/format/v1.copydesk.ron");
    let path = dir.path().join("review.copydesk.ron");
    std::fs::copy(&golden, &path).unwrap();
    let original = std::fs::read(&path).unwrap();
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    let (text, is_error) = notice(&harness);
    assert!(!is_error);
    assert!(text.contains("older copydesk (format version 1)"), "{text}");
    press(&mut harness, ALT, Key::Num4);
    press(&mut harness, CTRL, Key::S);
    let saved = std::fs::read_to_string(&path).unwrap();
    let current = format!("version: {},", copydesk::project_file::FORMAT_VERSION);
    assert!(saved.contains(&current));
    let kept = Backups::in_data_dir(data.path())
        .folder_for(&path)
        .join("review.format-v1-original.copydesk.ron");
    assert_eq!(std::fs::read(kept).unwrap(), original);
    assert_eq!(
        load_project(&path).unwrap().sections[0].status,
        ReviewStatus::Approved
    );
}

#[test]
fn a_save_not_confirmed_on_disk_stays_unsaved_and_saving_again_does_not_take_it_for_a_change() {
    let dir = temp_dir();
    let path = saved_sample(dir.path());
    let safekeeping = Safekeeping {
        fs: Arc::new(FaultyFileSystem::failing(
            SaveStep::SyncFolder,
            Fault::Error(std::io::ErrorKind::Other),
        )),
        ..Safekeeping::in_data_dir(None)
    };
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_keeping(Some(path.clone()), Some("Ana"), &dialogs, safekeeping);
    press(&mut harness, ALT, Key::Num4);
    press(&mut harness, CTRL, Key::S);
    let (text, is_error) = notice(&harness);
    assert!(
        is_error && text.contains("may not survive a power cut"),
        "{text}"
    );
    assert!(harness.state().state().is_dirty());
    // The new version is in place; saving again confirms it rather than asking about it.
    press(&mut harness, CTRL, Key::S);
    assert_eq!(harness.state().state().dialogs.modal().cloned(), None);
    assert!(!harness.state().state().is_dirty());
    assert_eq!(
        load_project(&path).unwrap().sections[0].status,
        ReviewStatus::Approved
    );
}
