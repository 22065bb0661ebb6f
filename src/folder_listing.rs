//! What a folder holds, for the desk's own file chooser (used where no system file dialog can
//! appear): its folders, then the files of the kinds asked for, each group sorted by name as
//! a person reads a list (case ignored). Kept out of the desk so it is tested on plain folders.

use std::path::{Path, PathBuf};

/// One thing in a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
    /// A folder (or a link to one): entered, not chosen.
    pub is_folder: bool,
}

/// The folders in `folder` and the files whose extension is one of `extensions` (any file
/// when it is empty), folders first; names starting with a dot only when `show_hidden`.
pub fn list_folder(
    folder: &Path,
    extensions: &[&str],
    show_hidden: bool,
) -> std::io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .filter_map(|item| {
            let name = item.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && !show_hidden {
                return None;
            }
            let path = item.path();
            // Following links: a link to a folder is entered like one.
            let is_folder = path.is_dir();
            let listed = is_folder || path.is_file() && has_extension(&name, extensions);
            if !listed {
                return None;
            }
            Some(Entry {
                name,
                path,
                is_folder,
            })
        })
        .collect();
    entries.sort_by_cached_key(|entry| (!entry.is_folder, entry.name.to_lowercase()));
    Ok(entries)
}

/// Whether `name` ends in one of `extensions` (case ignored); any name when there are none.
pub fn has_extension(name: &str, extensions: &[&str]) -> bool {
    let name = name.to_lowercase();
    extensions.is_empty()
        || extensions
            .iter()
            .any(|extension| name.ends_with(&format!(".{}", extension.to_lowercase())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|entry| entry.name.as_str()).collect()
    }

    #[test]
    fn folders_come_first_then_the_files_asked_for_by_name() {
        let folder = tempfile::tempdir().unwrap();
        for name in ["b.copydesk.ron", "A.RON", "notes.txt", ".hidden.ron"] {
            std::fs::write(folder.path().join(name), "").unwrap();
        }
        for name in ["zeta", "Alpha", ".git"] {
            std::fs::create_dir(folder.path().join(name)).unwrap();
        }
        let listed = list_folder(folder.path(), &["ron"], false).unwrap();
        assert_eq!(names(&listed), ["Alpha", "zeta", "A.RON", "b.copydesk.ron"]);
        assert!(listed[0].is_folder && !listed[2].is_folder);
        assert_eq!(listed[3].path, folder.path().join("b.copydesk.ron"));

        let everything = list_folder(folder.path(), &[], true).unwrap();
        assert_eq!(
            names(&everything),
            [
                ".git",
                "Alpha",
                "zeta",
                ".hidden.ron",
                "A.RON",
                "b.copydesk.ron",
                "notes.txt"
            ]
        );
    }

    #[test]
    fn a_folder_that_cannot_be_read_says_why() {
        let folder = tempfile::tempdir().unwrap();
        assert!(list_folder(&folder.path().join("gone"), &[], false).is_err());
    }
}
