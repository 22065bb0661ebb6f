//! Merging another reviewer's copy into the open review, off the window's thread: File →
//! Merge another review… (with no common version known, unless the file chosen is the
//! review's own file), and "Merge their changes" when a save finds the review's file changed
//! on disk (the version the desk last read or saved is then the common one). The merged
//! review comes in as one undoable edit; what both changed differently waits in the
//! Conflicts tab. When the file merged is the review's own, the desk takes what it holds now
//! as read: the next save compares with it, and the next merge starts from it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::app::side_panel::SidePanel;
use crate::app::state::AppState;
use crate::edit::Edit;
use crate::merge::{MergeInput, Merged, merge_reviews};
use crate::model::Project;
use crate::open::{ProjectOnDisk, open_path};
use crate::project_file::is_project_path;
use crate::text::file_name;

/// What a merge job needs, owned: it runs off the window's thread.
pub(super) struct MergeWork {
    path: PathBuf,
    base: Option<Arc<Project>>,
    ours: Project,
    ours_from: String,
    theirs_from: String,
}

/// A merge computed off the window's thread, with what their file held.
pub(super) struct MergedFile {
    merged: Merged,
    /// Their review as read, and what its file held: after merging the review's own file,
    /// what the next save compares with and the next merge starts from.
    theirs: Arc<Project>,
    on_disk: ProjectOnDisk,
}

impl std::fmt::Debug for MergedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MergedFile")
            .field("new_conflicts", &self.merged.new_conflicts)
            .field("on_disk", &self.on_disk)
            .finish_non_exhaustive()
    }
}

impl MergeWork {
    /// Reads their review and merges it with ours; the error, for people, names the file.
    pub(super) fn run(self) -> Result<MergedFile, String> {
        let name = file_name(&self.path);
        if !is_project_path(&self.path) {
            return Err(format!(
                "{name} is not a review (a .copydesk.ron file): only another copy of this review can be merged. Nothing was changed."
            ));
        }
        let opened =
            open_path(&self.path).map_err(|error| format!("{error}. Nothing was changed."))?;
        let Some(on_disk) = opened.file else {
            return Err(format!("{name} is not a review. Nothing was changed."));
        };
        if on_disk.is_newer_version() {
            return Err(format!(
                "{name} was saved by a newer copydesk (format version {}): update copydesk to merge it. Nothing was changed.",
                on_disk.version
            ));
        }
        let theirs = Arc::new(opened.project);
        let merged = merge_reviews(MergeInput {
            base: self.base.as_deref(),
            ours: &self.ours,
            theirs: &theirs,
            ours_from: self.ours_from,
            theirs_from: self.theirs_from,
            now: jiff::Timestamp::now(),
        })
        .map_err(|error| format!("{name} could not be merged: {error}. Nothing was changed."))?;
        Ok(MergedFile {
            merged,
            theirs,
            on_disk,
        })
    }
}

impl AppState {
    /// Merges the review in `path` into the open one, off the window's thread; it lands as
    /// one undo step once ready ([`Self::poll_work`]), if the review is still the one open.
    pub fn start_merge(&mut self, path: &Path) {
        if self.refuse_while_busy() || !self.can_take_a_merge() {
            return;
        }
        let Some(review) = &self.review else {
            return;
        };
        let own_file = review.path().is_some_and(|own| same_file(own, path));
        let name = file_name(path);
        let reviewer = self.prefs.reviewer_name.trim();
        let work = MergeWork {
            path: path.to_owned(),
            // Only the review's own file is known to have started from what the desk read.
            base: review.base.clone().filter(|_| own_file),
            ours: review.project().clone(),
            ours_from: if reviewer.is_empty() {
                "your copy".to_owned()
            } else {
                format!("{reviewer}'s copy")
            },
            theirs_from: if own_file {
                format!("{name} on disk")
            } else {
                name
            },
        };
        self.start_merge_job(path, own_file, work);
    }

    /// Whether another copy can be merged in: a review is open and may be changed; says why
    /// not otherwise.
    pub(in crate::app::state) fn can_take_a_merge(&mut self) -> bool {
        let Some(review) = &self.review else {
            self.dialogs.show_error(
                "Open a review first: another reviewer's copy is merged into the open review.",
            );
            return false;
        };
        if let Some(read_only) = review.read_only() {
            let message = format!("Nothing was merged: {}.", read_only.explanation());
            self.dialogs.show_error(message);
            return false;
        }
        true
    }

    /// Applies a merge computed for the open review as one undo step, and says what came in
    /// and what is left to settle.
    pub(super) fn bring_in_merge(
        &mut self,
        path: &Path,
        own_file: bool,
        merged: Result<MergedFile, String>,
    ) {
        let MergedFile {
            merged,
            theirs,
            on_disk,
        } = match merged {
            Ok(merged) => merged,
            Err(message) => {
                self.dialogs.show_error(message);
                return;
            }
        };
        let Merged {
            project, summary, ..
        } = merged;
        let to_settle = project.conflicts.len();
        let from = file_name(path);
        if !self.apply(Edit::Merge {
            project: Box::new(project),
            from,
        }) {
            return;
        }
        if let Some(review) = &mut self.review {
            if own_file {
                review.on_disk = Some(on_disk);
                review.base = Some(theirs);
            }
            self.navigation.forget_missing_marks(review.project());
        }
        let mut message = sentence(&summary.to_string());
        if to_settle > 0 {
            self.views.show(SidePanel::Conflicts);
            message.push_str(&match to_settle {
                1 => " Settle the conflict in the Conflicts tab.".to_owned(),
                count => format!(" Settle the {count} conflicts in the Conflicts tab."),
            });
        }
        if own_file {
            message.push_str(" Save to keep the merged review.");
        }
        self.dialogs.show_info(message);
    }
}

/// `text` ending as a sentence does.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// Whether two paths name the same file (through links and relative parts, when it exists).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
