//! Where and how reviews are kept safe: the filesystem every write goes through, copydesk's
//! data folder (backups and recovery journals) and the journal's timing. The desk and the
//! command line both start from [`Safekeeping::for_this_user`], so they agree on one folder.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::backups::Backups;
use super::journal::Journals;
use super::{FileSystem, RealFileSystem};

/// The application's name in the data folder's path.
const APP_FOLDER: &str = "copydesk";

/// Where and how reviews are kept safe.
#[derive(Clone, Debug)]
pub struct Safekeeping {
    pub fs: Arc<dyn FileSystem>,
    /// copydesk's data folder, for backups and recovery journals; `None` keeps neither.
    pub data_dir: Option<PathBuf>,
    /// How long after the last change the recovery journal is written.
    pub journal_delay: Duration,
    /// The longest a change waits for the journal while changes keep coming.
    pub journal_max_delay: Duration,
}

impl Safekeeping {
    /// The data folder of this user (`COPYDESK_DATA_DIR` if set, else
    /// [`data_folder_for_this_user`]), on the real filesystem.
    pub fn for_this_user() -> Self {
        let data_dir = std::env::var_os("COPYDESK_DATA_DIR")
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from)
            .or_else(data_folder_for_this_user);
        Self::in_data_dir(data_dir)
    }

    /// Keeps backups and journals in `data_dir`.
    pub fn in_data_dir(data_dir: Option<PathBuf>) -> Self {
        Self {
            fs: RealFileSystem::shared(),
            data_dir,
            journal_delay: Duration::from_millis(1500),
            journal_max_delay: Duration::from_secs(5),
        }
    }

    pub fn backups(&self) -> Option<Backups> {
        self.data_dir.as_deref().map(Backups::in_data_dir)
    }

    pub fn journals(&self) -> Option<Journals> {
        self.data_dir.as_deref().map(Journals::in_data_dir)
    }
}

/// The system's place for copydesk's data: `$XDG_DATA_HOME/copydesk` or
/// `~/.local/share/copydesk` on Linux and BSD, `~/Library/Application Support/copydesk` on
/// macOS, `%APPDATA%\copydesk\data` on Windows — the folder the desk keeps its
/// preferences in, where earlier versions kept backups and journals (a desk test checks
/// that the two agree).
pub fn data_folder_for_this_user() -> Option<PathBuf> {
    let absolute = |path: PathBuf| path.is_absolute().then_some(path);
    if cfg!(windows) {
        std::env::var_os("APPDATA")
            .map(PathBuf::from)
            .and_then(absolute)
            .map(|roaming| roaming.join(APP_FOLDER).join("data"))
    } else if cfg!(target_os = "macos") {
        std::env::home_dir().map(|home| {
            home.join("Library")
                .join("Application Support")
                .join(APP_FOLDER)
        })
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .and_then(absolute)
            .or_else(|| std::env::home_dir().map(|home| home.join(".local").join("share")))
            .map(|data| data.join(APP_FOLDER))
    }
}
