//! Saving a project under injected faults: at every step of every file a save writes (the
//! backup's folder note, the backup, the project), with an error or a full disk, the project
//! file is exactly the old version or exactly the new one, and no temporary file is left.

use copydesk::model::ReviewStatus;
use copydesk::project_file::{load_project, ron_from_project};
use copydesk::storage::backups::Backups;
use copydesk::storage::save::{Expectation, SaveRequest, save_project};
use copydesk::storage::{ContentHash, Fault, FaultyFileSystem, RealFileSystem, SaveStep};

use crate::common::{names_in, temp_dir};

#[test]
fn every_failure_point_leaves_the_old_file_or_the_new_one() {
    let old = copydesk::sample::sample_project(jiff::Timestamp::now()).unwrap();
    let mut new = old.clone();
    new.sections[0].status = ReviewStatus::Approved;
    new.comments[0].body = "A longer body, so the new file is larger than the old one.".repeat(20);
    let old_bytes = ron_from_project(&old).unwrap().into_bytes();
    let new_bytes = ron_from_project(&new).unwrap().into_bytes();
    let faults = [
        Fault::Error(std::io::ErrorKind::Other),
        Fault::Error(std::io::ErrorKind::PermissionDenied),
        Fault::DiskFull { bytes_written: 0 },
        Fault::DiskFull {
            bytes_written: 4096,
        },
    ];
    let mut cases = 0;
    let mut failed_saves = 0;
    for step in SaveStep::ALL {
        // A save writes up to three files (the backup folder's note, the backup, the
        // project): fail the step in each of them in turn.
        for nth in 0..3 {
            for fault in faults {
                for with_backups in [false, true] {
                    cases += 1;
                    let dir = temp_dir();
                    let data = temp_dir();
                    let path = dir.path().join("review.copydesk.ron");
                    std::fs::write(&path, &old_bytes).unwrap();
                    let backups = Backups::in_data_dir(data.path());
                    let fs = FaultyFileSystem::failing_nth(step, fault, nth);
                    let outcome = save_project(
                        &fs,
                        SaveRequest {
                            project: &new,
                            path: &path,
                            expect: Expectation::Unchanged(ContentHash::of(&old_bytes)),
                            backups: with_backups.then_some(&backups),
                            upgrading_from: None,
                        },
                        jiff::Timestamp::now(),
                    );
                    let on_disk = std::fs::read(&path).unwrap();
                    let case = format!("{step:?} #{nth} {fault:?} backups: {with_backups}");
                    assert!(
                        on_disk == old_bytes || on_disk == new_bytes,
                        "{case}: a mix on disk"
                    );
                    match &outcome {
                        // The rename happened but could not be made durable: new content, and
                        // the reviewer is told it is not confirmed.
                        Err(_) if step == SaveStep::SyncFolder => {
                            assert_eq!(on_disk, new_bytes, "{case}");
                        }
                        Err(error) => {
                            failed_saves += 1;
                            assert_eq!(on_disk, old_bytes, "{case}: {error}");
                            assert!(error.to_string().contains("review.copydesk.ron"), "{error}");
                        }
                        Ok(saved) => {
                            assert_eq!(on_disk, new_bytes, "{case}");
                            assert_eq!(saved.hash, ContentHash::of(&new_bytes));
                        }
                    }
                    assert_eq!(
                        names_in(dir.path()),
                        ["review.copydesk.ron"],
                        "{case}: a temporary file was left"
                    );
                    if with_backups && let Ok(saved) = &outcome {
                        // A backup that failed is said, not silently missing.
                        match &saved.backup {
                            Some(backup) => {
                                assert_eq!(std::fs::read(backup).unwrap(), old_bytes, "{case}");
                            }
                            None => assert!(saved.backup_problem.is_some(), "{case}"),
                        }
                    }
                    assert!(load_project(&path).is_ok(), "{case}");
                }
            }
        }
    }
    assert!(failed_saves > 0 && cases == 6 * 3 * 4 * 2);
    println!("fault injection: {cases} cases, {failed_saves} saves refused with the old file kept");
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_files_permissions_and_writes_through_a_symbolic_link() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir();
    let real = dir.path().join("shared").join("review.copydesk.ron");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    let project = copydesk::sample::sample_project(jiff::Timestamp::now()).unwrap();
    std::fs::write(&real, ron_from_project(&project).unwrap()).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.copydesk.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut edited = project;
    edited.sections[0].status = ReviewStatus::Approved;
    save_project(
        &RealFileSystem,
        SaveRequest {
            project: &edited,
            path: &link,
            expect: Expectation::Overwrite,
            backups: None,
            upgrading_from: None,
        },
        jiff::Timestamp::now(),
    )
    .unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load_project(&real).unwrap(), edited);
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}
