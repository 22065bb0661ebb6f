//! What the desk remembers between runs: who the reviewer is, recent files, the theme, which
//! suggestions are offered, the side panels shown.
//!
//! Kept in eframe's storage, never in the project: preferences belong to the person, the
//! project belongs to the article.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Reviewer, ReviewerId, Role};
use crate::suggest::SuggestionStrength;

/// The key under which preferences live in eframe's storage.
pub const PREFERENCES_KEY: &str = "copydesk-preferences";
const MAX_RECENT_FILES: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Written on every comment and claim; empty until the reviewer has been asked.
    pub reviewer_name: String,
    /// Who the reviewer is, whatever name they give: made once, the first time the desk
    /// runs (preferences from before reviewer ids get one when read).
    pub reviewer_id: ReviewerId,
    /// What the reviewer does (editor, fact-checker, writer), if they said.
    pub reviewer_role: Option<Role>,
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    pub theme: Theme,
    /// Whether suggested sentences are underlined in the text.
    pub show_suggestions: bool,
    /// Which suggestions are offered: all, or only the strong ones (a dense text suggests
    /// nearly every sentence).
    pub suggestion_strength: SuggestionStrength,
    /// Which side panels the reviewer wants shown (a narrow window may fold one for room).
    pub panels: ShownPanels,
    /// Whether file dialogs are copydesk's own even where the system's could appear.
    pub own_file_chooser: bool,
}

/// The side panels the reviewer wants shown; both, unless they hid one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShownPanels {
    /// The outline of sections, on the left.
    pub outline: bool,
    /// The cards, claims, suggestions… on the right.
    pub side_panel: bool,
}

impl Default for ShownPanels {
    fn default() -> Self {
        Self {
            outline: true,
            side_panel: true,
        }
    }
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            reviewer_name: String::new(),
            reviewer_id: ReviewerId::random(),
            reviewer_role: None,
            recent_files: Vec::new(),
            theme: Theme::default(),
            show_suggestions: true,
            suggestion_strength: SuggestionStrength::All,
            panels: ShownPanels::default(),
            own_file_chooser: false,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    System,
    /// The default: the desk is for reading, and reads like paper.
    #[default]
    Light,
    Dark,
}

impl Preferences {
    /// The reviewer as records name them.
    pub fn reviewer(&self) -> Reviewer {
        Reviewer {
            id: self.reviewer_id.clone(),
            name: self.reviewer_name.clone(),
            role: self.reviewer_role,
        }
    }

    /// Preferences as read from storage: ones from before reviewer ids get an id now.
    pub fn with_reviewer_id(mut self) -> Self {
        if self.reviewer_id.is_unset() {
            self.reviewer_id = ReviewerId::random();
        }
        self
    }

    pub fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent_files.retain(|p| p != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT_FILES);
    }

    pub fn forget_recent(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
    }

    /// The review worked on last: the most recent project among the recent files that
    /// still exists.
    pub fn last_review(&self) -> Option<&Path> {
        self.recent_reviews().next()
    }

    /// The projects among the recent files that still exist, most recent first.
    pub fn recent_reviews(&self) -> impl Iterator<Item = &Path> {
        self.recent_files
            .iter()
            .map(PathBuf::as_path)
            .filter(|path| is_project_name(path) && path.is_file())
    }
}

/// Whether a file's name says it is a project (without reading it: the start page lists
/// recent files every frame).
fn is_project_name(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().to_lowercase().ends_with(".ron"))
}

/// A name to offer when asking the reviewer for theirs.
pub fn suggested_reviewer_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|key| {
            std::env::var(key)
                .ok()
                .filter(|name| !name.trim().is_empty())
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_most_recent_first_without_repeats() {
        let mut prefs = Preferences::default();
        for name in ["a", "b", "a"] {
            prefs.remember_recent(Path::new(&format!("/nonexistent/{name}.copydesk.ron")));
        }
        assert_eq!(
            prefs.recent_files,
            [
                PathBuf::from("/nonexistent/a.copydesk.ron"),
                PathBuf::from("/nonexistent/b.copydesk.ron")
            ]
        );
        for index in 0..20 {
            prefs.remember_recent(Path::new(&format!("/nonexistent/{index}")));
        }
        assert_eq!(prefs.recent_files.len(), MAX_RECENT_FILES);
    }

    #[test]
    fn which_suggestions_are_offered_is_kept_and_defaults_to_all() {
        let earlier: Preferences = ron::from_str(r#"(reviewer_name: "Ana")"#).unwrap();
        assert_eq!(earlier.suggestion_strength, SuggestionStrength::All);
        let prefs = Preferences {
            suggestion_strength: SuggestionStrength::Strong,
            ..Preferences::default()
        };
        let kept: Preferences = ron::from_str(&ron::to_string(&prefs).unwrap()).unwrap();
        assert_eq!(kept, prefs);
    }

    #[test]
    fn the_last_review_is_the_most_recent_project_that_still_exists() {
        let folder = tempfile::tempdir().unwrap();
        let older = folder.path().join("older.copydesk.ron");
        let article = folder.path().join("draft.md");
        std::fs::write(&older, "").unwrap();
        std::fs::write(&article, "").unwrap();
        let mut prefs = Preferences::default();
        assert_eq!(prefs.last_review(), None);
        prefs.remember_recent(&older);
        prefs.remember_recent(&folder.path().join("gone.copydesk.ron"));
        prefs.remember_recent(&article);
        let older = std::fs::canonicalize(&older).unwrap();
        assert_eq!(prefs.last_review(), Some(older.as_path()));
        std::fs::remove_file(&older).unwrap();
        assert_eq!(prefs.last_review(), None);
    }

    #[test]
    fn backups_and_journals_stay_in_the_folder_the_desk_keeps_its_preferences_in() {
        // Earlier versions asked eframe for the data folder; users' backups are there.
        assert_eq!(
            crate::storage::data_folder_for_this_user(),
            eframe::storage_dir("copydesk")
        );
    }
}
