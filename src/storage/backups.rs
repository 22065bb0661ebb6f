//! Previous versions of a project, kept in copydesk's data folder before each save replaces
//! the file: a few of them, the oldest dropped first.
//!
//! Each project gets its own folder, named after the file *and* a hash of its full path, so
//! two `review.copydesk.ron` in different folders never overwrite each other's backups. A file
//! from an older format version is also kept once, as it was, before it is first upgraded.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::ContentHash;
use super::atomic::{WriteError, create_private_folder, write_privately};
use super::fs::FileSystem;
use super::resolved_path;
use crate::project_file::PROJECT_EXTENSION;

/// How many rotating backups are kept per project.
pub const KEPT_BACKUPS: usize = 5;
/// What every rotating backup's name has between the project's name and the time.
const BACKUP_MARK: &str = ".backup-";
/// A file in each backup folder saying which project it belongs to.
const ORIGIN_FILE: &str = "PROJECT.txt";

/// The backups under one data folder.
#[derive(Clone, Debug)]
pub struct Backups {
    root: PathBuf,
}

impl Backups {
    /// Backups kept under `data_dir/backups`.
    pub fn in_data_dir(data_dir: &Path) -> Self {
        Self {
            root: data_dir.join("backups"),
        }
    }

    /// The folder holding `project`'s backups.
    pub fn folder_for(&self, project: &Path) -> PathBuf {
        let full = resolved_path(project);
        let key = ContentHash::of(full.to_string_lossy().as_bytes()).hex();
        self.root
            .join(format!("{}-{}", project_stem(project), &key[..12]))
    }

    /// Keeps `bytes` (the project file as it is before a save) as the newest backup and drops
    /// the oldest beyond [`KEPT_BACKUPS`]. Returns the backup's path.
    pub fn keep(
        &self,
        fs: &dyn FileSystem,
        project: &Path,
        bytes: &[u8],
        now: Timestamp,
    ) -> Result<PathBuf, WriteError> {
        let folder = self.prepare_folder(fs, project)?;
        let stem = project_stem(project);
        let time = format!(
            "{}-{:03}",
            now.strftime("%Y%m%d-%H%M%S"),
            now.subsec_millisecond()
        );
        // A fixed-width counter keeps saves within one millisecond in order when sorted.
        let name =
            |counter: u32| format!("{stem}{BACKUP_MARK}{time}-{counter:03}{PROJECT_EXTENSION}");
        let mut counter = 0;
        let mut backup = folder.join(name(counter));
        while backup.exists() {
            counter += 1;
            backup = folder.join(name(counter));
        }
        write_privately(fs, &backup, bytes)?;
        for old in self.list(project).into_iter().skip(KEPT_BACKUPS) {
            let _ = fs.remove_file(&old);
        }
        Ok(backup)
    }

    /// Keeps a file written in an older format `version` as it was, once: the first upgrade
    /// is the one that must be undoable. Returns the backup's path.
    pub fn keep_original(
        &self,
        fs: &dyn FileSystem,
        project: &Path,
        bytes: &[u8],
        version: u32,
    ) -> Result<PathBuf, WriteError> {
        let folder = self.prepare_folder(fs, project)?;
        let backup = folder.join(format!(
            "{}.format-v{version}-original{PROJECT_EXTENSION}",
            project_stem(project)
        ));
        if !backup.exists() {
            write_privately(fs, &backup, bytes)?;
        }
        Ok(backup)
    }

    /// `project`'s rotating backups, newest first.
    pub fn list(&self, project: &Path) -> Vec<PathBuf> {
        let prefix = format!("{}{BACKUP_MARK}", project_stem(project));
        let Ok(entries) = std::fs::read_dir(self.folder_for(project)) else {
            return Vec::new();
        };
        let mut backups: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with(&prefix))
            })
            .collect();
        // The names hold the time, most significant first.
        backups.sort();
        backups.reverse();
        backups
    }

    fn prepare_folder(&self, fs: &dyn FileSystem, project: &Path) -> Result<PathBuf, WriteError> {
        let folder = self.folder_for(project);
        create_private_folder(&folder)?;
        let origin = folder.join(ORIGIN_FILE);
        if !origin.exists() {
            // Only a help for someone browsing the folder: failing to write it is no failure.
            let text = format!(
                "Backups of {}, kept by copydesk before each save (newest {KEPT_BACKUPS}).\n",
                resolved_path(project).display()
            );
            let _ = write_privately(fs, &origin, text.as_bytes());
        }
        Ok(folder)
    }
}

/// `review.copydesk.ron` → `review`; any other name loses its last extension. Named after
/// the file a symbolic link leads to, so the link and its file share one backup folder.
fn project_stem(project: &Path) -> String {
    let project = resolved_path(project);
    let name = project
        .file_name()
        .map_or_else(|| "review".to_owned(), |n| n.to_string_lossy().into_owned());
    if let Some(stem) = name.strip_suffix(PROJECT_EXTENSION) {
        return stem.to_owned();
    }
    project
        .file_stem()
        .map_or(name, |s| s.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::fs::RealFileSystem;

    #[test]
    fn two_projects_with_the_same_name_keep_separate_backups() {
        let data = tempfile::tempdir().unwrap();
        let work = tempfile::tempdir().unwrap();
        let backups = Backups::in_data_dir(data.path());
        let first = work.path().join("spring").join("review.copydesk.ron");
        let second = work.path().join("autumn").join("review.copydesk.ron");
        for path in [&first, &second] {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        }
        let now = Timestamp::now();
        backups
            .keep(&RealFileSystem, &first, b"spring", now)
            .unwrap();
        backups
            .keep(&RealFileSystem, &second, b"autumn", now)
            .unwrap();
        assert_ne!(backups.folder_for(&first), backups.folder_for(&second));
        let read = |path: &Path| std::fs::read_to_string(&backups.list(path)[0]).unwrap();
        assert_eq!(read(&first), "spring");
        assert_eq!(read(&second), "autumn");
    }

    #[test]
    fn only_the_newest_backups_are_kept() {
        let data = tempfile::tempdir().unwrap();
        let backups = Backups::in_data_dir(data.path());
        let project = data.path().join("story.copydesk.ron");
        let start = Timestamp::now();
        for index in 0..KEPT_BACKUPS + 3 {
            let at = start + jiff::SignedDuration::from_secs(index as i64);
            backups
                .keep(
                    &RealFileSystem,
                    &project,
                    format!("v{index}").as_bytes(),
                    at,
                )
                .unwrap();
        }
        let kept = backups.list(&project);
        assert_eq!(kept.len(), KEPT_BACKUPS);
        assert_eq!(
            std::fs::read_to_string(&kept[0]).unwrap(),
            format!("v{}", KEPT_BACKUPS + 2)
        );
        assert_eq!(std::fs::read_to_string(kept.last().unwrap()).unwrap(), "v3");
    }

    #[test]
    fn saves_in_the_same_millisecond_do_not_overwrite_each_other() {
        let data = tempfile::tempdir().unwrap();
        let backups = Backups::in_data_dir(data.path());
        let project = data.path().join("story.copydesk.ron");
        let now = Timestamp::now();
        backups
            .keep(&RealFileSystem, &project, b"one", now)
            .unwrap();
        backups
            .keep(&RealFileSystem, &project, b"two", now)
            .unwrap();
        assert_eq!(backups.list(&project).len(), 2);
    }

    #[test]
    fn the_original_of_an_older_version_is_kept_once() {
        let data = tempfile::tempdir().unwrap();
        let backups = Backups::in_data_dir(data.path());
        let project = data.path().join("old.copydesk.ron");
        let kept = backups
            .keep_original(&RealFileSystem, &project, b"version 1", 1)
            .unwrap();
        backups
            .keep_original(&RealFileSystem, &project, b"later", 1)
            .unwrap();
        assert_eq!(std::fs::read_to_string(kept).unwrap(), "version 1");
        assert!(backups.list(&project).is_empty(), "not a rotating backup");
    }
}
