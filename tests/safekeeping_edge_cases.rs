//! Edge cases of keeping a review safe, each found by an adversarial review of the first
//! version (a way a reviewer could still lose work or be misled) and kept as a regression test.
//! Each test's comment describes the failure it guards against.

use std::fs::{File, Permissions};
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use copydesk::app::{Modal, ScriptedFileDialogs};
use copydesk::model::ReviewStatus;
use copydesk::project_file::load_project;
use copydesk::storage::Safekeeping;
use copydesk::storage::SaveRequest;
use copydesk::storage::backups::Backups;
use copydesk::storage::journal::{JournalMeta, Journals, write_journal};
use copydesk::storage::lock::{self, LockOutcome, LockOwner, lock_path};
use copydesk::storage::{FileSystem, RealFileSystem};
use egui::Key;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{ALT, CTRL, Desk, desk_keeping, press, project, settle};
use crate::common::safekeeping::{
    OtherDesk, Workspace, approve_and_wait_for_journal, as_if_crashed, desk_journaling, keeping_in,
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

/// RELIABILITY.md §3: "Opening a project someone else has open ... asks". Not when either of
/// them opens it through a symbolic link: `lock_path` puts the lock beside the name given
/// (`.link.copydesk.ron.lock`), not beside the file written (save follows the link), so the two
/// locks never meet.
#[test]
fn a_project_opened_through_a_symbolic_link_sees_the_lock_of_the_real_file() {
    let dir = temp_dir();
    let real = saved_sample(dir.path());
    let link = dir.path().join("link.copydesk.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let other = OtherDesk::holding(&real);
    let outcome = lock::acquire(&link);
    drop(other);
    assert!(
        matches!(outcome, LockOutcome::HeldElsewhere(_)),
        "bea has the file open: {outcome:?}"
    );
}

/// RELIABILITY.md §4: "Each project has its own backup folder, named after the file and a hash
/// of its full path". The hash follows the link but the name does not (folder_for uses the
/// link's stem), so one file gets two backup folders, each rotating its own 5.
#[test]
fn a_symbolic_link_and_its_file_share_one_backup_folder() {
    let dir = temp_dir();
    let data = temp_dir();
    let real = saved_sample(dir.path());
    let link = dir.path().join("link.copydesk.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let backups = Backups::in_data_dir(data.path());
    assert_eq!(backups.folder_for(&link), backups.folder_for(&real));
}

/// Backups made in the same millisecond get `-2`, `-3`… after the time; `list` sorts by name
/// and `-` sorts before `.`, so the SECOND backup is listed as the OLDER one ("newest first" is
/// wrong), and rotation drops it first.
#[test]
fn the_second_backup_of_a_millisecond_is_listed_as_the_newer() {
    let data = temp_dir();
    let backups = Backups::in_data_dir(data.path());
    let project = data.path().join("story.copydesk.ron");
    let now = jiff::Timestamp::now();
    backups
        .keep(&RealFileSystem, &project, b"one", now)
        .unwrap();
    backups
        .keep(&RealFileSystem, &project, b"two", now)
        .unwrap();
    let newest = backups.list(&project).remove(0);
    assert_eq!(std::fs::read_to_string(newest).unwrap(), "two");
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

/// Backups hold the whole review but are created with the mode of any new file (0666 less the
/// umask), whatever the project's own permissions: a 0600 review gets 0644 copies in the data
/// folder. (Journals likewise.)
#[test]
fn a_backup_of_a_private_project_is_not_readable_by_others() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir();
    let data = temp_dir();
    let path = saved_sample(dir.path());
    std::fs::set_permissions(&path, Permissions::from_mode(0o600)).unwrap();
    let mut project = load_project(&path).unwrap();
    project.title = "Changed".to_owned();
    let backups = Backups::in_data_dir(data.path());
    let saved = copydesk::storage::save::save_project(
        &RealFileSystem,
        SaveRequest {
            project: &project,
            path: &path,
            expect: copydesk::storage::save::Expectation::Overwrite,
            backups: Some(&backups),
            upgrading_from: None,
        },
        jiff::Timestamp::now(),
    )
    .unwrap();
    let backup = saved.backup.unwrap();
    let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & 0o077, 0, "backup mode {mode:o}");
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

/// A review restored from a crash whose project file is gone meanwhile is saved back to its
/// path, but no lock is taken (restore_now locks only an existing file; the save locks only
/// when the path "moved"): a second desk opens the file without any question.
#[test]
fn a_restored_review_saved_to_its_missing_file_holds_the_lock() {
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
    std::fs::remove_file(&path).unwrap();

    let mut harness = desk_keeping(None, Some("Ana"), &dialogs, keeping_in(data.path()));
    harness.get_by_label("Restore").click();
    harness.run();
    press(&mut harness, CTRL, Key::S);
    assert!(path.exists(), "saved back to its file");
    assert!(
        lock_path(&path).exists(),
        "the desk that has it open holds its lock"
    );
}

/// Save as… onto a project another running desk has open replaces it first and only then says
/// "Careful: it is also open for bea" (saving.rs locks after the write). Nothing asks before
/// a colleague's open file is overwritten.
#[test]
fn save_as_onto_a_project_open_elsewhere_asks_before_replacing_it() {
    let dir = temp_dir();
    let path = saved_sample(dir.path());
    let theirs = dir.path().join("theirs.copydesk.ron");
    let mut their_project = load_project(&path).unwrap();
    their_project.title = "Bea's review".to_owned();
    SaveRequest::new(&their_project, &theirs).save().unwrap();
    let before = std::fs::read(&theirs).unwrap();
    let other = OtherDesk::holding(&theirs);

    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_keeping(
        Some(path),
        Some("Ana"),
        &dialogs,
        Safekeeping::in_data_dir(None),
    );
    dialogs.answer_next(Some(theirs.clone()));
    press(&mut harness, crate::common::desk::CTRL_SHIFT, Key::S);
    let after = std::fs::read(&theirs).unwrap();
    let notice = harness.state().state().dialogs.notice().cloned().unwrap();
    drop(other);
    assert!(
        after == before,
        "bea's open project was replaced without a question; the desk said: {}",
        notice.text
    );
}
