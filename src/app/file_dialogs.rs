//! File dialogs, always off the UI thread, behind a trait so tests can answer them.
//!
//! rfd talks to the desktop portal (or zenity), which can take seconds or block; running it
//! on the UI thread would freeze the window. Each request runs on its own thread and sends
//! the answer back over a channel; the desk polls for it every frame. Where no system dialog
//! can appear (no portal, no zenity) the desk uses its own chooser instead
//! (`file_chooser_ui`), answering through the same channel.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

/// The extensions offered when picking an article to import.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "docx", "html", "htm"];

/// What a dialog is for; decides its title, filters and default name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    ImportArticle,
    /// The writer's next draft of the open review.
    ImportRevision,
    OpenProject,
    /// Another reviewer's copy of the open review, to merge into it.
    MergeReview,
    SaveProject {
        suggested: PathBuf,
    },
    Export {
        format: crate::export::ExportFormat,
        suggested: PathBuf,
    },
    /// A folder of reviews for the claim library to read.
    LibraryFolder,
}

impl DialogPurpose {
    /// The dialog's title.
    pub fn title(&self) -> String {
        match self {
            Self::ImportArticle => "Import article".to_owned(),
            Self::ImportRevision => "Import revised draft".to_owned(),
            Self::OpenProject => "Open project".to_owned(),
            Self::MergeReview => "Merge another review".to_owned(),
            Self::SaveProject { .. } => "Save review".to_owned(),
            Self::Export { format, .. } => format!("Export: {}", format.label()),
            Self::LibraryFolder => "Add a folder of reviews to the claim library".to_owned(),
        }
    }

    /// Whether the dialog names a file to write (rather than one to read).
    pub fn writes(&self) -> bool {
        matches!(self, Self::SaveProject { .. } | Self::Export { .. })
    }

    /// Whether the dialog picks a folder rather than a file.
    pub fn picks_folder(&self) -> bool {
        matches!(self, Self::LibraryFolder)
    }

    /// The name offered for a file to write.
    pub fn suggested(&self) -> Option<&Path> {
        match self {
            Self::SaveProject { suggested } | Self::Export { suggested, .. } => Some(suggested),
            _ => None,
        }
    }

    /// What kind of file it lists, and by which extensions.
    pub fn filter(&self) -> (String, Vec<&'static str>) {
        match self {
            Self::ImportArticle | Self::ImportRevision => {
                ("Articles".to_owned(), ARTICLE_EXTENSIONS.to_vec())
            }
            Self::OpenProject | Self::MergeReview | Self::SaveProject { .. } => {
                ("copydesk projects".to_owned(), vec!["ron"])
            }
            Self::Export { format, .. } => (format.label().to_owned(), vec![format.extension()]),
            Self::LibraryFolder => ("Folders".to_owned(), Vec::new()),
        }
    }

    /// The file a chosen path writes to: a review saved as `review` goes to
    /// `review.copydesk.ron`; other paths are kept.
    pub fn file_to_write(&self, chosen: PathBuf) -> PathBuf {
        match self {
            Self::SaveProject { .. } => with_project_extension(chosen),
            _ => chosen,
        }
    }

    /// The same dialog, offering its file in `folder` when the name it offers has no folder
    /// of its own (a review never saved, of an article whose folder is not known).
    pub fn placed_in(self, folder: &Path) -> Self {
        let place = |suggested: PathBuf| {
            if suggested.parent().is_some_and(Path::is_dir) && suggested.is_absolute() {
                suggested
            } else {
                folder.join(suggested.file_name().unwrap_or(suggested.as_os_str()))
            }
        };
        match self {
            Self::SaveProject { suggested } => Self::SaveProject {
                suggested: place(suggested),
            },
            Self::Export { format, suggested } => Self::Export {
                format,
                suggested: place(suggested),
            },
            other => other,
        }
    }
}

/// Where a new project file goes by default: `review` → `review.copydesk.ron`; names that
/// already end in `.ron` are kept.
fn with_project_extension(path: PathBuf) -> PathBuf {
    let name = crate::text::file_name(&path);
    if name.to_lowercase().ends_with(".ron") {
        path
    } else {
        path.with_file_name(format!("{name}{}", crate::project_file::PROJECT_EXTENSION))
    }
}

/// A dialog that was started and has not answered yet.
#[derive(Debug)]
pub struct PendingDialog {
    pub purpose: DialogPurpose,
    /// `None` means the user cancelled.
    pub answer: Receiver<Option<PathBuf>>,
}

pub trait FileDialogs {
    /// Opens a dialog for `purpose`, showing `folder` first.
    fn ask(
        &mut self,
        purpose: DialogPurpose,
        folder: Option<&Path>,
        ctx: &egui::Context,
    ) -> PendingDialog;

    /// Why none of these dialogs can appear here, when that can be told before asking.
    fn unavailable_because(&self) -> Option<String> {
        None
    }

    /// Whether a Cancel that comes faster than a person could give it means the dialog never
    /// appeared (rfd answers Cancel at once when neither a portal nor zenity could show one).
    fn quick_cancel_means_failure(&self) -> bool {
        true
    }
}

/// Native dialogs through rfd.
#[derive(Debug, Default)]
pub struct NativeFileDialogs;

impl FileDialogs for NativeFileDialogs {
    fn ask(
        &mut self,
        purpose: DialogPurpose,
        folder: Option<&Path>,
        ctx: &egui::Context,
    ) -> PendingDialog {
        let (sender, answer) = channel();
        let ctx = ctx.clone();
        let request = purpose.clone();
        let folder = folder.map(Path::to_owned);
        // If no thread can be started, the sender is dropped and the desk reads a cancel.
        let _ = std::thread::Builder::new()
            .name("file dialog".to_owned())
            .spawn(move || {
                let (kind, extensions) = request.filter();
                let mut dialog = rfd::FileDialog::new().set_title(request.title());
                if !request.picks_folder() {
                    dialog = dialog.add_filter(kind, &extensions);
                }
                if matches!(
                    request,
                    DialogPurpose::ImportArticle | DialogPurpose::ImportRevision
                ) {
                    dialog = dialog.add_filter("All files", &["*"]);
                }
                if let Some(folder) = folder.filter(|folder| folder.is_dir()) {
                    dialog = dialog.set_directory(folder);
                }
                let path = match request.suggested() {
                    None if request.picks_folder() => dialog.pick_folder(),
                    Some(suggested) => {
                        if let Some(name) = suggested.file_name() {
                            dialog = dialog.set_file_name(name.to_string_lossy());
                        }
                        dialog.save_file()
                    }
                    None => dialog.pick_file(),
                };
                let _ = sender.send(path);
                ctx.request_repaint();
            });
        PendingDialog { purpose, answer }
    }

    fn unavailable_because(&self) -> Option<String> {
        system_dialog_missing(|key| std::env::var_os(key))
    }
}

/// Why no system file dialog can appear, judged from the environment (`variable` reads one of
/// its variables): rfd needs the desktop portal, reached over the session's D-Bus, or else
/// the zenity program. Without a session bus and without zenity, neither can show anything.
/// A bus with no portal behind it cannot be told from here: the desk notices that when the
/// dialog answers at once.
pub fn system_dialog_missing(variable: impl Fn(&str) -> Option<OsString>) -> Option<String> {
    let set = |key: &str| variable(key).filter(|value| !value.is_empty());
    // Without the variable, D-Bus clients try the bus socket in the runtime folder.
    let has_bus = set("DBUS_SESSION_BUS_ADDRESS").is_some()
        || set("XDG_RUNTIME_DIR").is_some_and(|dir| Path::new(&dir).join("bus").exists());
    let has_zenity = set("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file()));
    (!has_bus && !has_zenity).then(|| {
        "No system file dialog is available here (no desktop portal, no zenity): using \
         copydesk's own."
            .to_owned()
    })
}

/// A dialog's answer: the chosen path, or `None` for Cancel.
type Answer = Option<PathBuf>;

/// Dialogs answered from a script, for tests: clone it, hand one copy to the desk and push
/// answers through the other.
#[derive(Clone, Debug, Default)]
pub struct ScriptedFileDialogs {
    answers: Arc<Mutex<VecDeque<Option<PathBuf>>>>,
    asked: Arc<Mutex<Vec<DialogPurpose>>>,
    /// The folder each dialog was asked to show first.
    folders: Arc<Mutex<Vec<Option<PathBuf>>>>,
    /// When set, dialogs wait for [`Self::release`] before answering, like a person who
    /// takes their time while the desk goes on.
    held: Arc<Mutex<Option<Vec<Sender<Answer>>>>>,
}

impl ScriptedFileDialogs {
    /// Dialogs that answer only when released.
    pub fn held() -> Self {
        let dialogs = Self::default();
        if let Ok(mut held) = dialogs.held.lock() {
            *held = Some(Vec::new());
        }
        dialogs
    }

    /// The next dialog will answer `path` (`None`: the user cancels).
    pub fn answer_next(&self, path: Option<PathBuf>) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.push_back(path);
        }
    }

    /// Lets every held dialog answer.
    pub fn release(&self) {
        let waiting = self
            .held
            .lock()
            .ok()
            .and_then(|mut held| held.as_mut().map(std::mem::take))
            .unwrap_or_default();
        for sender in waiting {
            let _ = sender.send(self.next_answer());
        }
    }

    /// Every dialog the desk has opened so far.
    pub fn asked(&self) -> Vec<DialogPurpose> {
        self.asked.lock().map(|a| a.clone()).unwrap_or_default()
    }

    /// The folder each dialog so far was asked to show first, in order.
    pub fn folders_asked(&self) -> Vec<Option<PathBuf>> {
        self.folders.lock().map(|f| f.clone()).unwrap_or_default()
    }

    fn next_answer(&self) -> Option<PathBuf> {
        self.answers
            .lock()
            .ok()
            .and_then(|mut answers| answers.pop_front())
            .flatten()
    }
}

impl FileDialogs for ScriptedFileDialogs {
    fn ask(
        &mut self,
        purpose: DialogPurpose,
        folder: Option<&Path>,
        _ctx: &egui::Context,
    ) -> PendingDialog {
        let (sender, answer) = channel();
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(purpose.clone());
        }
        if let Ok(mut folders) = self.folders.lock() {
            folders.push(folder.map(Path::to_owned));
        }
        let held = self
            .held
            .lock()
            .ok()
            .and_then(|mut held| held.as_mut().map(|waiting| waiting.push(sender.clone())));
        if held.is_none() {
            let _ = sender.send(self.next_answer());
        }
        PendingDialog { purpose, answer }
    }

    /// A scripted Cancel is a person's.
    fn quick_cancel_means_failure(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn environment<'a>(pairs: &'a [(&str, &OsString)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |key| {
            pairs
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, value)| (*value).clone())
        }
    }

    #[test]
    fn without_a_session_bus_and_without_zenity_no_system_dialog_can_appear() {
        let folder = tempfile::tempdir().unwrap();
        let bin = folder.path().join("bin");
        let runtime = folder.path().join("runtime");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::create_dir_all(&runtime).unwrap();
        let path = OsString::from(bin.as_os_str());
        let runtime_dir = OsString::from(runtime.as_os_str());
        let bare = [("PATH", &path), ("XDG_RUNTIME_DIR", &runtime_dir)];
        let reason = system_dialog_missing(environment(&bare)).expect("nothing can appear");
        assert!(reason.contains("no desktop portal, no zenity"), "{reason}");

        let bus = OsString::from("unix:path=/run/user/1000/bus");
        let with_bus = [("PATH", &path), ("DBUS_SESSION_BUS_ADDRESS", &bus)];
        assert_eq!(system_dialog_missing(environment(&with_bus)), None);

        // The bus found where D-Bus clients look when the variable is not set.
        std::fs::write(runtime.join("bus"), "").unwrap();
        assert_eq!(system_dialog_missing(environment(&bare)), None);
        std::fs::remove_file(runtime.join("bus")).unwrap();

        std::fs::write(bin.join("zenity"), "").unwrap();
        assert_eq!(system_dialog_missing(environment(&bare)), None);
    }

    #[test]
    fn a_review_saved_under_a_bare_name_gets_the_project_extension() {
        let save = DialogPurpose::SaveProject {
            suggested: PathBuf::from("story.copydesk.ron"),
        };
        assert_eq!(
            save.file_to_write(PathBuf::from("/tmp/review")),
            PathBuf::from("/tmp/review.copydesk.ron")
        );
        assert_eq!(
            save.file_to_write(PathBuf::from("/tmp/old.ron")),
            PathBuf::from("/tmp/old.ron")
        );
        let open = DialogPurpose::OpenProject;
        assert_eq!(
            open.file_to_write(PathBuf::from("/tmp/review")),
            PathBuf::from("/tmp/review")
        );
    }

    #[test]
    fn a_name_without_a_folder_is_offered_in_the_folder_given() {
        let folder = tempfile::tempdir().unwrap();
        let placed = DialogPurpose::SaveProject {
            suggested: PathBuf::from("sample.copydesk.ron"),
        }
        .placed_in(folder.path());
        assert_eq!(
            placed.suggested(),
            Some(folder.path().join("sample.copydesk.ron").as_path())
        );
    }
}
