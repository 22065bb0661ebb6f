//! The desk's file writer: one thread that saves projects and writes and removes recovery
//! journals, in the order they were asked for, so the window never waits for a disk and a
//! journal is never written back after the save that made it unnecessary.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;

use jiff::Timestamp;

use crate::document::StateToSave;
use crate::model::Project;
use crate::storage::Safekeeping;
use crate::storage::journal::{JournalClaim, JournalMeta, remove_journal, write_journal};
use crate::storage::save::{Expectation, SaveError, SaveRequest, Saved, save_project};

/// Work for the file thread.
pub(super) enum FileJob {
    Save {
        review_serial: u64,
        state: StateToSave,
        project: Project,
        path: PathBuf,
        expect: Expectation,
        upgrading_from: Option<u32>,
    },
    Journal {
        path: PathBuf,
        meta: JournalMeta,
        project: Project,
    },
    /// Removes a journal, then lets go of its claim.
    RemoveJournal {
        path: PathBuf,
        claim: Option<JournalClaim>,
    },
}

/// What the file thread did.
pub(super) enum FileDone {
    Saved {
        review_serial: u64,
        state: StateToSave,
        path: PathBuf,
        outcome: Result<Saved, SaveError>,
    },
    Journaled {
        path: PathBuf,
        outcome: Result<(), String>,
    },
}

pub(super) struct FileWorker {
    jobs: Option<Sender<FileJob>>,
    done: Receiver<FileDone>,
    /// Where results go when there is no thread (it could not be started).
    done_sender: Sender<FileDone>,
    thread: Option<JoinHandle<()>>,
    safekeeping: Safekeeping,
    /// Jobs sent and not reported yet.
    in_flight: usize,
}

impl std::fmt::Debug for FileWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileWorker")
            .field("in_flight", &self.in_flight)
            .finish_non_exhaustive()
    }
}

impl FileWorker {
    pub(super) fn start(safekeeping: Safekeeping) -> Self {
        let (jobs, job_receiver) = channel::<FileJob>();
        let (done_sender, done) = channel();
        let worker_safekeeping = safekeeping.clone();
        let worker_done = done_sender.clone();
        let thread = std::thread::Builder::new()
            .name("files".to_owned())
            .spawn(move || {
                for job in job_receiver {
                    if let Some(report) = run(&worker_safekeeping, job)
                        && worker_done.send(report).is_err()
                    {
                        break;
                    }
                }
            })
            .ok();
        Self {
            jobs: thread.is_some().then_some(jobs),
            done,
            done_sender,
            thread,
            safekeeping,
            in_flight: 0,
        }
    }

    pub(super) fn safekeeping(&self) -> &Safekeeping {
        &self.safekeeping
    }

    pub(super) fn send(&mut self, job: FileJob) {
        let reports = !matches!(job, FileJob::RemoveJournal { .. });
        if reports {
            self.in_flight += 1;
        }
        let job = match &self.jobs {
            Some(jobs) => match jobs.send(job) {
                Ok(()) => return,
                Err(std::sync::mpsc::SendError(job)) => job,
            },
            None => job,
        };
        // No thread: do it here rather than not at all.
        if let Some(report) = run(&self.safekeeping, job) {
            let _ = self.done_sender.send(report);
        }
    }

    /// The next result, if one has come.
    pub(super) fn poll(&mut self) -> Option<FileDone> {
        match self.done.try_recv() {
            Ok(done) => {
                self.in_flight = self.in_flight.saturating_sub(1);
                Some(done)
            }
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => None,
        }
    }

    /// Whether a save or journal is being written.
    pub(super) fn is_busy(&self) -> bool {
        self.in_flight > 0
    }
}

impl Drop for FileWorker {
    /// Lets the thread finish what it was asked (a journal removal at quit, say) before the
    /// process ends.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(safekeeping: &Safekeeping, job: FileJob) -> Option<FileDone> {
    let fs = safekeeping.fs.as_ref();
    match job {
        FileJob::Save {
            review_serial,
            state,
            project,
            path,
            expect,
            upgrading_from,
        } => {
            let backups = safekeeping.backups();
            let outcome = save_project(
                fs,
                SaveRequest {
                    project: &project,
                    path: &path,
                    expect,
                    backups: backups.as_ref(),
                    upgrading_from,
                },
                Timestamp::now(),
            );
            Some(FileDone::Saved {
                review_serial,
                state,
                path,
                outcome,
            })
        }
        FileJob::Journal {
            path,
            meta,
            project,
        } => {
            let outcome =
                write_journal(fs, &path, &meta, &project).map_err(|error| error.to_string());
            Some(FileDone::Journaled { path, outcome })
        }
        FileJob::RemoveJournal { path, claim } => {
            remove_journal(&path, claim);
            None
        }
    }
}
