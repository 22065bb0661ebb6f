//! Work off the window's thread: one type for every piece of it.
//!
//! A book takes longer than a frame to open, revise, read for suggestions, export or save, so
//! the desk never does those on the window's thread. Each is a [`Task`]: started with the work
//! to do, it counts its [`Progress`], can be cancelled, and hands back one result, which the
//! desk polls for once a frame. A task remembers which review it was started for
//! ([`ReviewKey`]), so its result lands only on that review.
//!
//! Most tasks get a thread of their own ([`Task::spawn`]). Saves and recovery journals must
//! reach the disk in the order they were asked for (a journal written after the save that
//! made it unnecessary would be offered back after a crash), so they run one after another on
//! a [`SerialWorker`] ([`Task::queue`]).

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::progress::Progress;

/// Which review, in which state, a task was started for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewKey {
    /// Tells reviews apart: each review shown in the desk gets a new one.
    pub serial: u64,
    /// The review's [`crate::document::Document::change_count`] when the task started.
    pub change_count: u64,
}

/// What polling a task found.
#[derive(Debug, PartialEq, Eq)]
pub enum Polled<T> {
    /// Still working.
    Running,
    Done(T),
    /// The work ended without a result: its thread panicked or could not be started, or it
    /// was cancelled.
    Lost,
}

/// A piece of work running off the window's thread, and its one result.
///
/// Dropping a task cancels it: nobody waits for its result any more, and work that checks
/// [`Progress::is_cancelled`] stops early. A cancelled task never delivers, so a result
/// computed from part of the input is never taken for the whole.
#[derive(Debug)]
pub struct Task<T> {
    result: Receiver<T>,
    progress: Arc<Progress>,
    started: Instant,
    review: Option<ReviewKey>,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a thread of its own named `name`, for `review`.
    pub fn spawn(
        name: &str,
        review: Option<ReviewKey>,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Self {
        let (task, job) = Self::with_job(review, work);
        // A thread that cannot be started drops the job, and with it the sender: the task
        // reads as lost at its first poll, and the desk says so.
        let _ = std::thread::Builder::new().name(name.to_owned()).spawn(job);
        task
    }

    /// Runs `work` on `worker`, after everything queued there before it.
    pub fn queue(
        worker: &SerialWorker,
        review: Option<ReviewKey>,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Self {
        let (task, job) = Self::with_job(review, work);
        worker.run(Box::new(job));
        task
    }

    fn with_job(
        review: Option<ReviewKey>,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> (Self, impl FnOnce() + Send + 'static) {
        let progress = Arc::new(Progress::new());
        let counted = Arc::clone(&progress);
        let (sender, result) = channel();
        let job = move || {
            let outcome = work(&counted);
            if !counted.is_cancelled() {
                // The desk may have been closed meanwhile: then nobody listens.
                let _ = sender.send(outcome);
            }
        };
        let task = Self {
            result,
            progress,
            started: Instant::now(),
            review,
        };
        (task, job)
    }
}

impl<T> Task<T> {
    /// The result, once it has come. After `Done` or `Lost` the task has nothing more to give.
    pub fn poll(&self) -> Polled<T> {
        match self.result.try_recv() {
            Ok(result) => Polled::Done(result),
            Err(TryRecvError::Empty) => Polled::Running,
            Err(TryRecvError::Disconnected) => Polled::Lost,
        }
    }

    /// Asks the work to stop; its result, if it still comes, is not delivered.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// The review the task was started for.
    pub fn review(&self) -> Option<ReviewKey> {
        self.review
    }

    pub fn running_for(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }
}

impl<T> Drop for Task<T> {
    fn drop(&mut self) {
        self.cancel();
    }
}

type Job = Box<dyn FnOnce() + Send>;

/// One thread that runs jobs one after another, in the order they were given: the desk's
/// file writer.
pub struct SerialWorker {
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for SerialWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SerialWorker")
            .field("running", &self.thread.is_some())
            .finish()
    }
}

impl SerialWorker {
    pub fn start(name: &str) -> Self {
        let (jobs, queue) = channel::<Job>();
        let thread = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                for job in queue {
                    job();
                }
            })
            .ok();
        Self {
            jobs: thread.is_some().then_some(jobs),
            thread,
        }
    }

    /// Runs `job` after the jobs given before it; on this thread when the worker's could not
    /// be started (doing it late beats not doing it).
    pub fn run(&self, job: Job) {
        let job = match &self.jobs {
            Some(jobs) => match jobs.send(job) {
                Ok(()) => return,
                Err(std::sync::mpsc::SendError(job)) => job,
            },
            None => job,
        };
        job();
    }
}

impl Drop for SerialWorker {
    /// Lets the thread finish what it was given (a journal removal at quit, say) before the
    /// process ends.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use super::{Polled, SerialWorker, Task};

    fn wait_for<T>(task: &Task<T>) -> Polled<T> {
        for _ in 0..500 {
            match task.poll() {
                Polled::Running => std::thread::sleep(Duration::from_millis(2)),
                done => return done,
            }
        }
        Polled::Running
    }

    #[test]
    fn a_task_hands_back_its_result_once() {
        let task = Task::spawn("test", None, |progress| {
            progress.begin_phase(0, 1, 4);
            6 * 7
        });
        assert_eq!(wait_for(&task), Polled::Done(42));
        assert_eq!(task.poll(), Polled::Lost);
    }

    #[test]
    fn a_cancelled_task_never_delivers() {
        let task = Task::spawn("test", None, |progress| {
            while !progress.is_cancelled() {
                std::thread::sleep(Duration::from_millis(1));
            }
            "only part of the work"
        });
        task.cancel();
        assert_eq!(wait_for(&task), Polled::Lost);
    }

    #[test]
    fn a_panicking_task_is_lost_not_waited_for_forever() {
        let task: Task<u32> = Task::spawn("test", None, |_| panic!("the work failed"));
        assert_eq!(wait_for(&task), Polled::Lost);
    }

    #[test]
    fn queued_tasks_run_in_the_order_they_were_given() {
        let worker = SerialWorker::start("test");
        let order = Arc::new(Mutex::new(Vec::new()));
        let tasks: Vec<Task<()>> = (0..20)
            .map(|index| {
                let order = Arc::clone(&order);
                Task::queue(&worker, None, move |_| {
                    if let Ok(mut order) = order.lock() {
                        order.push(index);
                    }
                })
            })
            .collect();
        drop(worker);
        for task in &tasks {
            assert_eq!(task.poll(), Polled::Done(()));
        }
        let order = order.lock().map(|order| order.clone()).unwrap_or_default();
        assert_eq!(order, (0..20).collect::<Vec<_>>());
    }
}
