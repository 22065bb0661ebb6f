//! Edge cases of locks, symbolic links and backups: a link and its file share one lock and one
//! backup folder, backups of one millisecond keep their order, a private project's backup stays
//! private, and a file written back or saved over holds or respects the lock.

use std::fs::Permissions;

use copydesk::app::ScriptedFileDialogs;
use copydesk::project_file::load_project;
use copydesk::storage::RealFileSystem;
use copydesk::storage::Safekeeping;
use copydesk::storage::SaveRequest;
use copydesk::storage::backups::Backups;
use copydesk::storage::lock::{self, LockOutcome, lock_path};
use egui::Key;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{CTRL, desk_keeping, press};
use crate::common::safekeeping::{
    OtherDesk, Workspace, approve_and_wait_for_journal, as_if_crashed, desk_journaling, keeping_in,
    saved_sample,
};
use crate::common::temp_dir;

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
