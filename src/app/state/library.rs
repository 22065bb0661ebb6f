//! The claim library as the desk holds it: its matcher (loaded at start, reloaded after each
//! change), its folders and figures, the last update's skipped reviews, the search typed in
//! the Library tab, and the matches of the open review (`library_matches`).
//!
//! Everything that reads or writes the library runs off the window's thread. Changes (an
//! update of the folders, a folder added or removed, a review opened or saved) run one after
//! another on the library's own worker, never on the thread that opens files, so a long
//! update never delays an open; each ends by loading the library again, and the last to land
//! is what the desk shows. Each job opens the library itself: nothing of it is shared
//! between threads. A library that cannot be used is said once and otherwise left alone.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::library_matches::LibraryMatches;
use super::review::OpenReview;
use super::suggestion_cache::SuggestionCache;
use crate::app::background::{Polled, SerialWorker, Task};
use crate::library::{Library, LibraryClaim, LibraryError, LibraryStats, Matcher, UpdateReport};
use crate::model::{ClaimId, Project};
use crate::progress::Progress;

/// How many results a search of the library lists.
const SEARCH_LIMIT: usize = 50;

/// A change to the library, run on its worker.
#[derive(Debug)]
enum Change {
    /// Nothing changed: the library loaded (at start).
    Load,
    /// The folders read again.
    Update,
    AddFolder(PathBuf),
    RemoveFolder(PathBuf),
    /// A review opened or saved, with the project as it is in its file.
    AddReview(PathBuf, Arc<Project>),
}

impl Change {
    /// Whether it reads the folders (and so shows progress and reports).
    fn updates(&self) -> bool {
        matches!(
            self,
            Self::Update | Self::AddFolder(_) | Self::RemoveFolder(_)
        )
    }
}

/// What the library holds after a change.
#[derive(Debug)]
struct Loaded {
    matcher: Matcher,
    folders: Vec<PathBuf>,
    stats: LibraryStats,
    /// What reading the folders did, when the change read them.
    report: Option<UpdateReport>,
}

#[derive(Debug)]
struct RunningChange {
    updates: bool,
    task: Task<Result<Loaded, String>>,
}

/// A search of the library under way or done.
#[derive(Debug, Default)]
struct Search {
    query: String,
    running: Option<Task<Result<Vec<LibraryClaim>, String>>>,
    results: Vec<LibraryClaim>,
    problem: Option<String>,
}

/// The claim library in the desk.
#[derive(Debug, Default)]
pub struct LibraryState {
    /// The data folder the library is in; `None`: the desk keeps no library.
    data_folder: Option<PathBuf>,
    worker: Option<SerialWorker>,
    changes: Vec<RunningChange>,
    matcher: Option<Arc<Matcher>>,
    /// Counts the matchers loaded, so the matches are found again for a new one.
    generation: u64,
    folders: Vec<PathBuf>,
    stats: Option<LibraryStats>,
    last_update: Option<UpdateReport>,
    /// Why the library cannot be used, from the last change that failed.
    unusable: Option<String>,
    /// Whether that was said in a notice (once a session).
    unusable_said: bool,
    /// What an update that landed has to say, once.
    update_notice: Option<String>,
    search: Search,
    matches: LibraryMatches,
}

impl LibraryState {
    /// The library of `data_folder`, loading on its worker; none without a data folder.
    pub(super) fn in_data_folder(data_folder: Option<PathBuf>) -> Self {
        let mut state = Self {
            worker: data_folder.as_ref().map(|_| SerialWorker::start("library")),
            data_folder,
            ..Self::default()
        };
        state.change(Change::Load);
        state
    }

    /// Uses `matcher` as the library's, as if it had been loaded: for tests and benchmarks
    /// that match against claims built in memory.
    pub fn use_matcher(&mut self, matcher: Matcher) {
        self.matcher = Some(Arc::new(matcher));
        self.generation += 1;
    }

    /// Whether the desk keeps a library (it has a data folder).
    pub fn is_kept(&self) -> bool {
        self.data_folder.is_some()
    }

    pub fn matcher(&self) -> Option<&Arc<Matcher>> {
        self.matcher.as_ref()
    }

    pub fn matches(&self) -> &LibraryMatches {
        &self.matches
    }

    pub fn folders(&self) -> &[PathBuf] {
        &self.folders
    }

    pub fn stats(&self) -> Option<&LibraryStats> {
        self.stats.as_ref()
    }

    /// What the last update of the folders did (its skipped reviews, named with why).
    pub fn last_update(&self) -> Option<&UpdateReport> {
        self.last_update.as_ref()
    }

    /// Why the library cannot be used, if it cannot.
    pub fn unusable(&self) -> Option<&str> {
        self.unusable.as_deref()
    }

    /// Whether the library is loading (at start) or changing.
    pub fn is_loading(&self) -> bool {
        !self.changes.is_empty()
    }

    /// Whether the folders are being read.
    pub fn is_updating(&self) -> bool {
        self.changes.iter().any(|change| change.updates)
    }

    /// The update under way: how long it has run and how far it has come.
    pub fn update_progress(&self) -> Option<(Duration, &Progress)> {
        self.changes
            .iter()
            .find(|change| change.updates)
            .map(|change| (change.task.running_for(), change.task.progress()))
    }

    pub fn search_query(&self) -> &str {
        &self.search.query
    }

    pub fn search_results(&self) -> &[LibraryClaim] {
        &self.search.results
    }

    pub fn is_searching(&self) -> bool {
        self.search.running.is_some()
    }

    /// Why the last search found nothing to show, if it failed.
    pub fn search_problem(&self) -> Option<&str> {
        self.search.problem.as_deref()
    }

    /// Whether anything runs off the window's thread that the desk must poll for.
    pub fn is_busy(&self) -> bool {
        !self.changes.is_empty() || self.search.running.is_some() || self.matches.is_finding()
    }

    /// The library claim `claim` of `review`, among those loaded or matched.
    pub fn checked_claim(&self, review: &Path, claim: &ClaimId) -> Option<&LibraryClaim> {
        let is_it = |checked: &&LibraryClaim| checked.review == review && &checked.claim == claim;
        self.matches
            .checked_claims()
            .find(is_it)
            .or_else(|| self.matcher.as_ref()?.claims().iter().find(is_it))
    }

    pub(super) fn update(&mut self) {
        self.change(Change::Update);
    }

    pub(super) fn add_folder(&mut self, folder: PathBuf) {
        self.change(Change::AddFolder(folder));
    }

    pub(super) fn remove_folder(&mut self, folder: PathBuf) {
        self.change(Change::RemoveFolder(folder));
    }

    /// A review was opened or saved: its claims go into the library.
    pub(super) fn add_review(&mut self, path: &Path, project: Arc<Project>) {
        self.change(Change::AddReview(path.to_owned(), project));
    }

    /// Searches the library for `query` as typed; a search still running for what was typed
    /// before is dropped.
    pub(super) fn search(&mut self, query: String) {
        self.search.running = None;
        self.search.problem = None;
        self.search.query = query;
        let text = self.search.query.trim().to_owned();
        let Some(data_folder) = self.data_folder.clone().filter(|_| !text.is_empty()) else {
            self.search.results.clear();
            return;
        };
        self.search.running = Some(Task::spawn("library search", None, move |_| {
            Library::open_in(&data_folder)
                .and_then(|library| library.search(&text, SEARCH_LIMIT))
                .map_err(|error| error.to_string())
        }));
    }

    /// What an update that landed did, to say once.
    pub(super) fn take_update_notice(&mut self) -> Option<String> {
        self.update_notice.take()
    }

    /// Why the library cannot be used, to say once (again after it worked meanwhile, or
    /// after an update the person asked for failed).
    pub(super) fn take_unusable_notice(&mut self) -> Option<String> {
        if self.unusable_said {
            return None;
        }
        let reason = self.unusable.clone()?;
        self.unusable_said = true;
        Some(format!(
            "The claim library is not available, so claims checked before are not shown: \
             {reason}."
        ))
    }

    /// Picks up changes and searches that finished, and finds the open review's matches
    /// again when it or the matcher changed.
    pub(super) fn refresh(&mut self, review: Option<&OpenReview>, suggestions: &SuggestionCache) {
        self.poll_changes();
        if let Some(running) = &self.search.running {
            match running.poll() {
                Polled::Running => {}
                Polled::Done(Ok(results)) => {
                    self.search.results = results;
                    self.search.running = None;
                }
                Polled::Done(Err(problem)) => {
                    self.search.results.clear();
                    self.search.problem = Some(problem);
                    self.search.running = None;
                }
                Polled::Lost => self.search.running = None,
            }
        }
        self.matches
            .refresh(review, suggestions, self.matcher.as_ref(), self.generation);
    }

    fn poll_changes(&mut self) {
        let mut index = 0;
        while index < self.changes.len() {
            let polled = self.changes[index].task.poll();
            let updates = self.changes[index].updates;
            match polled {
                Polled::Running => {
                    index += 1;
                    continue;
                }
                Polled::Done(Ok(loaded)) => self.loaded(loaded),
                Polled::Done(Err(reason)) => {
                    self.unusable = Some(reason);
                    if updates {
                        self.unusable_said = false;
                    }
                }
                Polled::Lost => {
                    self.unusable = Some("the work on it stopped before it was done".to_owned());
                }
            }
            self.changes.remove(index);
        }
    }

    fn loaded(&mut self, loaded: Loaded) {
        self.unusable = None;
        self.unusable_said = false;
        self.matcher = Some(Arc::new(loaded.matcher));
        self.generation += 1;
        self.folders = loaded.folders;
        if let Some(report) = loaded.report {
            self.update_notice = Some(update_said(&report));
            self.last_update = Some(report);
        }
        self.stats = Some(loaded.stats);
    }

    fn change(&mut self, change: Change) {
        let (Some(data_folder), Some(worker)) = (self.data_folder.clone(), &self.worker) else {
            return;
        };
        let updates = change.updates();
        let task = Task::queue(worker, None, move |progress| {
            run_change(&data_folder, change, progress).map_err(|error| error.to_string())
        });
        self.changes.push(RunningChange { updates, task });
    }
}

/// Makes `change` to the library in `data_folder` and loads it again.
fn run_change(
    data_folder: &Path,
    change: Change,
    progress: &Progress,
) -> Result<Loaded, LibraryError> {
    let mut library = Library::open_in(data_folder)?;
    let report = match change {
        Change::Load => None,
        Change::Update => Some(library.update(progress)?),
        Change::AddFolder(folder) => {
            library.add_folder(&folder)?;
            Some(library.update(progress)?)
        }
        Change::RemoveFolder(folder) => {
            library.remove_folder(&folder)?;
            Some(library.update(progress)?)
        }
        Change::AddReview(path, project) => {
            library.add_review(&path, &project)?;
            None
        }
    };
    Ok(Loaded {
        matcher: library.matcher()?,
        folders: library.folders()?,
        stats: library.stats()?,
        report,
    })
}

/// What an update of the folders did, in a sentence for the notice.
pub fn update_said(report: &UpdateReport) -> String {
    use crate::text::counted;
    let mut said = format!(
        "The claim library was updated: {} read, {} unchanged",
        counted(report.indexed, "review", "reviews"),
        report.unchanged
    );
    if report.removed > 0 {
        said.push_str(&format!(", {} gone from the folders", report.removed));
    }
    said.push_str(&format!(
        "; it holds {}.",
        counted(report.claims, "claim", "claims")
    ));
    if report.rebuilt {
        said.push_str(" Its index was damaged and was rebuilt from the reviews.");
    }
    match report.skipped.len() {
        0 => {}
        1 => said.push_str(&format!(
            " 1 review could not be read and was skipped: {} (the Library tab says why).",
            crate::text::file_name(&report.skipped[0].path)
        )),
        count => said.push_str(&format!(
            " {count} reviews could not be read and were skipped: the Library tab names them."
        )),
    }
    said
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::update_said;
    use crate::library::{SkippedReview, UpdateReport};

    #[test]
    fn an_update_names_the_review_it_skipped() {
        let report = UpdateReport {
            indexed: 3,
            unchanged: 34,
            claims: 412,
            skipped: vec![SkippedReview {
                path: PathBuf::from("/team/reviews/broken.copydesk.ron"),
                reason: "line 3: expected a project".to_owned(),
            }],
            ..UpdateReport::default()
        };
        let said = update_said(&report);
        assert!(said.contains("3 reviews read, 34 unchanged"), "{said}");
        assert!(said.contains("412 claims"), "{said}");
        assert!(said.contains("skipped: broken.copydesk.ron"), "{said}");
    }
}
