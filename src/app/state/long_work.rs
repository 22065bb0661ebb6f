//! Opening, importing and revising on a worker thread, so the window keeps drawing while a
//! book is read (a 300,000-word project takes a quarter of a second to open, and its next
//! draft as long to bring in), and what the status bar shows of any long work.
//!
//! One such job at a time: another open or revision asked for meanwhile is refused with a
//! message. A result lands only on the review that was open when the job started, unchanged:
//!
//! - The review cannot change while the job runs: every change goes through
//!   [`AppState::apply`] or undo and redo, which refuse it with a message saying why. A
//!   revision replaces the whole project with one computed from the project as it was, so an
//!   edit made meanwhile would be lost silently when it lands; an open replaces the review,
//!   and the person was asked about its unsaved changes before the open began. Refusing
//!   keeps both promises and loses nothing (the refused change is named, to make again in a
//!   moment); discarding a finished revision instead would throw away the longer wait.
//! - If the review was replaced anyway (another review restored meanwhile, say), the result
//!   is dropped with a message: a revised draft computed for one review is never applied to
//!   another, and an open never closes a review it did not ask about.
//! - While a question is open in a dialog, a finished result waits for the answer: the
//!   question is about the review as it is, and an open may ask one of its own.
//!   It also waits while a save that carries on with something (save, then quit) is
//!   written, and never lands once quitting is confirmed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::AppState;
use super::files::file_name;
use crate::import::ImportError;
use crate::open::{OpenError, Opened, open_path};
use crate::progress::Progress;
use crate::project_file::is_project_path;
use crate::revise::{NextDraft, read_next_draft};

/// Work that ends within a frame or two shows no progress bar, so opening a short article
/// does not flicker one.
pub const SHOW_PROGRESS_AFTER: Duration = Duration::from_millis(150);

/// An open or a revision running on its worker thread.
#[derive(Debug)]
pub(super) struct RunningJob {
    job: Job,
    /// The review open when the job started (serial and document revision): the result
    /// lands on it alone.
    review: Option<(u64, u64)>,
    started: Instant,
    progress: Arc<Progress>,
    outcome: Receiver<Outcome>,
}

#[derive(Debug)]
enum Job {
    /// A project to open, or an article to import as a new review.
    Open { path: PathBuf },
    /// The next draft of the open review, which holds `marks` comments and claims.
    Revise { path: PathBuf, marks: usize },
}

#[derive(Debug)]
enum Outcome {
    Opened(Box<Result<Opened, OpenError>>),
    Revised(Result<NextDraft, ImportError>),
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
    fn path(&self) -> &Path {
        match self {
            Self::Open { path } | Self::Revise { path, .. } => path,
        }
    }

    /// What the job is doing now, for the progress display.
    fn stage(&self, phase: usize) -> String {
        let name = file_name(self.path());
        match self {
            Self::Open { path } if is_project_path(path) => format!("Opening {name}…"),
            Self::Open { .. } => format!("Importing {name}…"),
            Self::Revise { .. } if phase == 0 => "Reading the revised draft…".to_owned(),
            Self::Revise { marks: 0, .. } => "Comparing the drafts…".to_owned(),
            Self::Revise { marks: 1, .. } => "Placing 1 mark…".to_owned(),
            Self::Revise { marks, .. } => format!("Placing {} marks…", with_thousands(*marks)),
        }
    }

    /// The job as the subject of a sentence saying what must wait for it.
    fn describe(&self) -> String {
        let name = file_name(self.path());
        match self {
            Self::Open { path } if is_project_path(path) => format!("{name} is being opened"),
            Self::Open { .. } => format!("{name} is being imported"),
            Self::Revise { .. } => format!("the revised draft {name} is being brought in"),
        }
    }
}

impl AppState {
    /// Opens a project or imports an article on a worker thread; what it gives is shown as
    /// [`Self::open_now`] would, once it is ready ([`Self::poll_work`]).
    pub fn start_open(&mut self, path: &Path) {
        if self.refuse_while_busy() {
            return;
        }
        let target = path.to_owned();
        self.start_job(
            Job::Open {
                path: path.to_owned(),
            },
            move |_| Outcome::Opened(Box::new(open_path(&target))),
        );
    }

    /// Reads `path` as the next draft of the open review on a worker thread; it is applied
    /// as [`Self::revise_now`] would, once it is ready ([`Self::poll_work`]), if that review is
    /// still the one open.
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
        self.start_job(
            Job::Revise {
                path: path.to_owned(),
                marks,
            },
            move |progress| Outcome::Revised(read_next_draft(&old, &target, progress)),
        );
    }

    fn start_job(&mut self, job: Job, work: impl FnOnce(&Progress) -> Outcome + Send + 'static) {
        let progress = Arc::new(Progress::new());
        let counted = Arc::clone(&progress);
        let (sender, outcome) = channel();
        let spawned = std::thread::Builder::new()
            .name("long work".to_owned())
            .spawn(move || {
                // The desk may have been closed meanwhile: then nobody listens.
                let _ = sender.send(work(&counted));
            });
        if let Err(error) = spawned {
            self.show_error(format!(
                "Cannot start reading {}: {error}.",
                file_name(job.path())
            ));
            return;
        }
        self.running_job = Some(RunningJob {
            job,
            review: self.review_key(),
            started: Instant::now(),
            progress,
            outcome,
        });
    }

    /// The open review, as a job must find it to land: its serial and document revision.
    fn review_key(&self) -> Option<(u64, u64)> {
        self.review
            .as_ref()
            .map(|review| (review.serial, review.document.change_count()))
    }

    /// Whether an open or a revision is running (the desk keeps repainting until it is done).
    pub fn is_opening_or_revising(&self) -> bool {
        self.running_job.is_some()
    }

    /// Refuses, with a message, to start another open or revision while one runs; returns
    /// whether it did.
    pub(super) fn refuse_while_busy(&mut self) -> bool {
        let Some(running) = &self.running_job else {
            return false;
        };
        let message = format!(
            "Wait a moment: {}. Try again once it is done.",
            running.job.describe()
        );
        self.show_info(message);
        true
    }

    /// Why changes to the review must wait, while an open or a revision runs.
    pub(super) fn changes_on_hold(&self) -> Option<String> {
        self.running_job
            .as_ref()
            .map(|running| running.job.describe())
    }

    /// Picks up the result of an open or a revision, if it has come and no question is open.
    pub fn poll_work(&mut self) {
        let Some(running) = &self.running_job else {
            return;
        };
        // A question open, or a save that carries on with something (quitting, say): the
        // result waits. Once quitting is confirmed it never lands: the window would close
        // on a review changed after its save began, unsaved.
        let save_then_more = self.saving.as_ref().is_some_and(|save| save.then.is_some());
        if self.modal.is_some() || save_then_more || self.quit_confirmed {
            return;
        }
        let outcome = match running.outcome.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                let message = format!(
                    "{} stopped before it was done; the review is as it was.",
                    file_name(running.job.path())
                );
                self.running_job = None;
                self.show_error(message);
                return;
            }
        };
        let Some(running) = self.running_job.take() else {
            return;
        };
        if self.review_key() != running.review {
            let what = match &running.job {
                Job::Open { path } => format!("{} was not opened", file_name(path)),
                Job::Revise { path, .. } => {
                    format!("The revised draft {} was not brought in", file_name(path))
                }
            };
            self.show_error(format!(
                "{what}: the review open when it was asked for was replaced meanwhile. Try again if you still want it."
            ));
            return;
        }
        match (running.job, outcome) {
            (Job::Open { path }, Outcome::Opened(opened)) => self.show_opened(&path, *opened),
            (Job::Revise { .. }, Outcome::Revised(next)) => self.bring_in_next_draft(next),
            // Each job sends its own kind of outcome.
            (job, _) => self.show_error(format!(
                "{} could not be read; the review is as it was.",
                file_name(job.path())
            )),
        }
    }

    /// The long work running off the window's thread for long enough to show
    /// ([`SHOW_PROGRESS_AFTER`]): an open or a revision, an export, the suggestion pass.
    pub fn work_in_progress(&self) -> Vec<WorkInProgress> {
        let mut work = Vec::new();
        if let Some(running) = &self.running_job
            && running.started.elapsed() >= SHOW_PROGRESS_AFTER
        {
            work.push(WorkInProgress {
                what: running.job.stage(running.progress.phase()),
                fraction: running.progress.fraction(),
            });
        }
        if let Some((path, running_for)) = self.export_under_way()
            && running_for >= SHOW_PROGRESS_AFTER
        {
            work.push(WorkInProgress {
                what: format!("Exporting to {}…", file_name(path)),
                fraction: None,
            });
        }
        if let Some((running_for, fraction)) = self.suggestions.reading_progress()
            && running_for >= SHOW_PROGRESS_AFTER
        {
            work.push(WorkInProgress {
                what: "Finding check-worthy sentences…".to_owned(),
                fraction,
            });
        }
        work
    }
}

/// 10000 → "10,000", as people write counts.
fn with_thousands(count: usize) -> String {
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
