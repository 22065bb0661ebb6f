//! Opening, importing, revising and merging off the window's thread, so the window keeps
//! drawing while a book is read (a 300,000-word project takes a quarter of a second to open,
//! and its next draft as long to bring in), and what the status bar shows of any long work.
//!
//! One such job at a time: another open, revision or merge asked for meanwhile is refused
//! with a message. The review cannot change while the job runs: every change goes through
//! `AppState::apply` or undo and redo, which refuse it with a message saying why. A revision
//! replaces the whole project with one computed from the project as it was, so an edit made
//! meanwhile would be lost silently when it lands; an open replaces the review, and the
//! person was asked about its unsaved changes before the open began. Refusing keeps both
//! promises and loses nothing (the refused change is named, to make again in a moment). When
//! the result may land is decided in one place: [`super::landing`].

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;

use super::landing::{Gate, Landing, landing};
use super::merging::{MergeWork, MergedFile};
use crate::app::background::{Polled, Task};
use crate::app::side_panel::SidePanel;
use crate::app::state::AppState;
use crate::edit::Edit;
use crate::fetch::{FetchError, FetchLimits, import_from_address};
use crate::import::ImportError;
use crate::model::Project;
use crate::open::{OpenError, Opened, open_path};
use crate::project_file::is_project_path;
use crate::revise::{NextDraft, read_next_draft};
use crate::text::file_name;

/// Work that ends within a frame or two shows no progress bar, so opening a short article
/// does not flicker one.
pub const SHOW_PROGRESS_AFTER: Duration = Duration::from_millis(150);

/// An open or a revision running off the window's thread.
#[derive(Debug)]
pub(super) struct RunningJob {
    job: Job,
    task: Task<Outcome>,
}

#[derive(Debug)]
enum Job {
    /// A project to open, or an article to import as a new review.
    Open { path: PathBuf },
    /// A page to fetch from its web address and import as a new review.
    Fetch { address: String },
    /// The next draft of the open review, which holds `marks` comments and claims.
    Revise { path: PathBuf, marks: usize },
    /// Another copy of the open review to merge into it; `own_file` when it is the
    /// review's own file (changed on disk since the desk read or saved it).
    Merge { path: PathBuf, own_file: bool },
}

#[derive(Debug)]
enum Outcome {
    Opened(Box<Result<Opened, OpenError>>),
    Revised(Result<NextDraft, ImportError>),
    Fetched(Box<Result<Project, FetchError>>),
    Merged(Box<Result<MergedFile, String>>),
}

/// Long work under way, as the status bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkInProgress {
    /// What is being done, e.g. "Opening the-long-inquiry.copydesk.ron…".
    pub what: String,
    /// How far it has come (0 to 1), when that can be told.
    pub fraction: Option<f32>,
}

impl Job {
    /// The file's name, or the page's address.
    fn name(&self) -> String {
        match self {
            Self::Open { path } | Self::Revise { path, .. } | Self::Merge { path, .. } => {
                file_name(path)
            }
            Self::Fetch { address } => address.clone(),
        }
    }

    /// What the job is doing now, for the progress display.
    fn stage(&self, phase: usize) -> String {
        let name = self.name();
        match self {
            Self::Fetch { .. } => format!("Fetching {name}…"),
            Self::Open { path } if is_project_path(path) => format!("Opening {name}…"),
            Self::Open { .. } => format!("Importing {name}…"),
            Self::Revise { .. } if phase == 0 => "Reading the revised draft…".to_owned(),
            Self::Revise { marks: 0, .. } => "Comparing the drafts…".to_owned(),
            Self::Revise { marks: 1, .. } => "Placing 1 mark…".to_owned(),
            Self::Revise { marks, .. } => format!("Placing {} marks…", with_thousands(*marks)),
            Self::Merge { .. } => format!("Merging {name}…"),
        }
    }

    /// The job as the subject of a sentence saying what must wait for it.
    fn describe(&self) -> String {
        let name = self.name();
        match self {
            Self::Fetch { .. } => format!("{name} is being fetched"),
            Self::Open { path } if is_project_path(path) => format!("{name} is being opened"),
            Self::Open { .. } => format!("{name} is being imported"),
            Self::Revise { .. } => format!("the revised draft {name} is being brought in"),
            Self::Merge { .. } => format!("{name} is being merged into this review"),
        }
    }

    /// Why its result did not land on a review replaced meanwhile.
    fn not_landed(&self) -> String {
        match self {
            Self::Open { path } => format!("{} was not opened", file_name(path)),
            Self::Fetch { address } => format!("{address} was not imported"),
            Self::Revise { path, .. } => {
                format!("The revised draft {} was not brought in", file_name(path))
            }
            Self::Merge { path, .. } => format!("{} was not merged", file_name(path)),
        }
    }
}

impl AppState {
    /// Opens a project or imports an article off the window's thread; what it gives is
    /// shown as [`Self::open_now`] would, once it is ready ([`Self::poll_work`]).
    pub fn start_open(&mut self, path: &Path) {
        if self.refuse_while_busy() {
            return;
        }
        let target = path.to_owned();
        let job = Job::Open {
            path: path.to_owned(),
        };
        self.start_job(job, move |_| Outcome::Opened(Box::new(open_path(&target))));
    }

    /// Fetches the page at `address` and imports it off the window's thread; it is shown as a
    /// new review once it is ready (the person was asked about unsaved changes before).
    pub fn start_fetch(&mut self, address: &str) {
        if self.refuse_while_busy() {
            return;
        }
        self.dialogs.take_modal();
        let target = address.trim().to_owned();
        let job = Job::Fetch {
            address: target.clone(),
        };
        let limits = FetchLimits::default();
        self.start_job(job, move |_| {
            Outcome::Fetched(Box::new(import_from_address(
                &target,
                limits,
                Timestamp::now(),
            )))
        });
    }

    /// Reads `path` as the next draft of the open review off the window's thread; it is
    /// applied as [`Self::revise_now`] would, once it is ready, if that review is still the
    /// one open and unchanged.
    pub fn start_revise(&mut self, path: &Path) {
        if self.refuse_while_busy() || !self.can_take_a_revision() {
            return;
        }
        let Some(project) = self.project() else {
            return;
        };
        // The worker reads its own copy: the review stays on screen meanwhile.
        let old = project.clone();
        let marks = old.comments.len() + old.claims.len();
        let target = path.to_owned();
        let job = Job::Revise {
            path: path.to_owned(),
            marks,
        };
        self.start_job(job, move |progress| {
            Outcome::Revised(read_next_draft(&old, &target, progress))
        });
    }

    /// Imports `path` as the next draft of the open review before returning (the desk itself
    /// does it off the window's thread: [`Self::start_revise`]). One undo step; on failure
    /// the review stays as it was.
    pub fn revise_now(&mut self, path: &Path) {
        if self.refuse_while_busy() || !self.can_take_a_revision() {
            return;
        }
        let Some(project) = self.project() else {
            return;
        };
        let next = read_next_draft(project, path, &crate::progress::Progress::new());
        self.bring_in_next_draft(next);
    }

    /// Runs a merge as the long job (see `merging`).
    pub(super) fn start_merge_job(&mut self, path: &Path, own_file: bool, work: MergeWork) {
        let job = Job::Merge {
            path: path.to_owned(),
            own_file,
        };
        self.start_job(job, move |_| Outcome::Merged(Box::new(work.run())));
    }

    fn start_job(
        &mut self,
        job: Job,
        work: impl FnOnce(&crate::progress::Progress) -> Outcome + Send + 'static,
    ) {
        let review = self.review.as_ref().map(|review| review.key());
        let task = Task::spawn("long work", review, work);
        self.files.job = Some(RunningJob { job, task });
    }

    /// Refuses, with a message, to start another open or revision while one runs; returns
    /// whether it did.
    pub(in crate::app::state) fn refuse_while_busy(&mut self) -> bool {
        let Some(running) = &self.files.job else {
            return false;
        };
        let message = format!(
            "Wait a moment: {}. Try again once it is done.",
            running.job.describe()
        );
        self.dialogs.show_info(message);
        true
    }

    /// Why changes to the review must wait, while an open or a revision runs.
    pub(in crate::app::state) fn changes_on_hold(&self) -> Option<String> {
        self.files
            .job
            .as_ref()
            .map(|running| running.job.describe())
    }

    /// Picks up the result of an open or a revision, if it has come and may land.
    pub fn poll_work(&mut self) {
        let Some(running) = &self.files.job else {
            return;
        };
        let gate = Gate {
            question_open: self.dialogs.is_asking(),
            saving_then_more: self.files.saving_then_more(),
            quitting: self.dialogs.quit_confirmed(),
        };
        let open_now = self.review.as_ref().map(|review| review.key());
        let decision = landing(gate, running.task.review(), open_now);
        if matches!(decision, Landing::Wait | Landing::Never) {
            return;
        }
        let outcome = match running.task.poll() {
            Polled::Running => return,
            Polled::Done(outcome) => outcome,
            Polled::Lost => {
                let message = format!(
                    "{} stopped before it was done; the review is as it was.",
                    running.job.name()
                );
                self.files.job = None;
                self.dialogs.show_error(message);
                return;
            }
        };
        let Some(running) = self.files.job.take() else {
            return;
        };
        if decision == Landing::Drop {
            self.dialogs.show_error(format!(
                "{}: the review open when it was asked for was replaced meanwhile. Try again if you still want it.",
                running.job.not_landed()
            ));
            return;
        }
        match (running.job, outcome) {
            (Job::Open { path }, Outcome::Opened(opened)) => self.show_opened(&path, *opened),
            (Job::Fetch { .. }, Outcome::Fetched(fetched)) => self.show_fetched(*fetched),
            (Job::Revise { .. }, Outcome::Revised(next)) => self.bring_in_next_draft(next),
            (Job::Merge { path, own_file }, Outcome::Merged(merged)) => {
                self.bring_in_merge(&path, own_file, *merged);
            }
            // Each job sends its own kind of outcome.
            (job, _) => self.dialogs.show_error(format!(
                "{} could not be read; the review is as it was.",
                job.name()
            )),
        }
    }

    /// Whether a revised draft can come in: a review is open and may be changed; says why
    /// not otherwise.
    fn can_take_a_revision(&mut self) -> bool {
        let Some(review) = &self.review else {
            self.dialogs
                .show_error("Open a review first: a revised draft continues an existing review.");
            return false;
        };
        if let Some(read_only) = review.read_only() {
            let message = format!("That change was not made: {}.", read_only.explanation());
            self.dialogs.show_error(message);
            return false;
        }
        true
    }

    /// Applies a revised draft read by [`read_next_draft`] to the open review (the one it
    /// was read for) as one undo step, and says what happened to the marks.
    fn bring_in_next_draft(&mut self, next: Result<NextDraft, ImportError>) {
        let revised = match next {
            Ok(NextDraft::Revised(revised)) => *revised,
            Ok(NextDraft::AlreadyOpen { file_name }) => {
                self.dialogs.show_info(format!(
                    "{file_name} is the draft already open (the same file content): nothing changed, and there is nothing to undo."
                ));
                return;
            }
            Err(error) => {
                self.dialogs.show_error(error.to_string());
                return;
            }
        };
        let needs_attention = revised.project.marks_needing_attention();
        let summary = revised.summary.to_string();
        if self.apply(Edit::Revise {
            project: Box::new(revised.project),
        }) {
            self.navigation.clear_mark_and_text();
            self.views.show(SidePanel::Revision);
            let next = if needs_attention > 0 {
                " Confirm or re-attach the marks in the Revision tab."
            } else {
                ""
            };
            self.dialogs.show_info(format!("{summary}.{next}"));
        }
    }

    /// The long work running off the window's thread for long enough to show
    /// ([`SHOW_PROGRESS_AFTER`]): an open or a revision, an export, the suggestion pass, an
    /// update of the claim library.
    pub fn work_in_progress(&self) -> Vec<WorkInProgress> {
        let mut work = Vec::new();
        if let Some(running) = &self.files.job
            && running.task.running_for() >= SHOW_PROGRESS_AFTER
        {
            work.push(WorkInProgress {
                what: running.job.stage(running.task.progress().phase()),
                fraction: running.task.progress().fraction(),
            });
        }
        if let Some((path, running_for)) = self.files.export_under_way()
            && running_for >= SHOW_PROGRESS_AFTER
        {
            work.push(WorkInProgress {
                what: format!("Exporting to {}…", file_name(path)),
                fraction: None,
            });
        }
        if let Some((running_for, fraction)) = self.views.suggestions().reading_progress()
            && running_for >= SHOW_PROGRESS_AFTER
        {
            work.push(WorkInProgress {
                what: "Finding check-worthy sentences…".to_owned(),
                fraction,
            });
        }
        work.extend(self.library_work());
        work
    }
}

/// 10000 → "10,000", as people write counts.
pub(crate) fn with_thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::{Job, with_thousands};
    use std::path::PathBuf;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(with_thousands(0), "0");
        assert_eq!(with_thousands(999), "999");
        assert_eq!(with_thousands(1_000), "1,000");
        assert_eq!(with_thousands(10_000), "10,000");
        assert_eq!(with_thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn stages_name_the_file_and_the_marks() {
        let open = Job::Open {
            path: PathBuf::from("/books/the-long-inquiry.copydesk.ron"),
        };
        assert_eq!(open.stage(0), "Opening the-long-inquiry.copydesk.ron…");
        let import = Job::Open {
            path: PathBuf::from("story.docx"),
        };
        assert_eq!(import.stage(0), "Importing story.docx…");
        let revise = Job::Revise {
            path: PathBuf::from("draft-2.md"),
            marks: 10_000,
        };
        assert_eq!(revise.stage(0), "Reading the revised draft…");
        assert_eq!(revise.stage(1), "Placing 10,000 marks…");
    }
}
