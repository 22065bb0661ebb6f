//! A lock file beside a project, saying who has it open: the person, the machine and the
//! process. A second window, or a colleague on a shared folder, is told instead of both
//! saving over each other. A lock left by a process that no longer runs on this machine is
//! stale and taken over; one from another machine cannot be checked, so the person decides.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::atomic::write_atomically;
use super::fs::RealFileSystem;

/// Who holds a lock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockOwner {
    pub user: String,
    pub host: String,
    pub pid: u32,
    pub since: Timestamp,
}

impl LockOwner {
    /// This process, now.
    pub fn this_process() -> Self {
        Self {
            user: user_name(),
            host: host_name(),
            pid: std::process::id(),
            since: Timestamp::now(),
        }
    }

    /// "ana on newsroom-7 (process 4242), since 2026-11-30 10:42 UTC".
    pub fn describe(&self) -> String {
        format!(
            "{} on {} (process {}), since {}",
            self.user,
            self.host,
            self.pid,
            self.since.strftime("%Y-%m-%d %H:%M UTC")
        )
    }

    /// Whether this lock was written by this very process.
    pub fn is_this_process(&self) -> bool {
        self.pid == std::process::id() && self.host == host_name()
    }

    /// Whether the process that wrote the lock still runs, as far as can be told.
    pub fn liveness(&self) -> Liveness {
        if self.host != host_name() {
            return Liveness::Unknown;
        }
        if self.pid == std::process::id() {
            return Liveness::Alive;
        }
        process_liveness(self.pid)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Liveness {
    Alive,
    Gone,
    /// Another machine's process, or a system where processes cannot be looked up.
    Unknown,
}

#[cfg(target_os = "linux")]
fn process_liveness(pid: u32) -> Liveness {
    if pid == 0 {
        return Liveness::Gone;
    }
    // A process that has exited but not been reaped yet (a zombie, state Z or X) still has
    // its /proc entry, but will never touch the file again.
    match std::fs::read_to_string(Path::new("/proc").join(pid.to_string()).join("stat")) {
        Ok(stat) => match stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.trim_start().chars().next())
        {
            Some('Z' | 'X') => Liveness::Gone,
            _ => Liveness::Alive,
        },
        Err(_) => Liveness::Gone,
    }
}

#[cfg(not(target_os = "linux"))]
fn process_liveness(_pid: u32) -> Liveness {
    Liveness::Unknown
}

fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "someone".to_owned())
}

fn host_name() -> String {
    let name = gethostname::gethostname().to_string_lossy().into_owned();
    if name.is_empty() {
        "this computer".to_owned()
    } else {
        name
    }
}

/// The lock file of a project: `.review.copydesk.ron.lock` beside `review.copydesk.ron` —
/// beside the file itself when the project is reached through a symbolic link, so every way
/// to the file finds the same lock.
pub fn lock_path(project: &Path) -> PathBuf {
    let project = super::resolved_path(project);
    let name = project
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    project.with_file_name(format!(".{name}.lock"))
}

/// What trying to lock a project gave.
#[derive(Debug)]
pub enum LockOutcome {
    Locked(ProjectLock),
    /// The lock was left by a process that is gone; it is ours now.
    TookOverStale {
        lock: ProjectLock,
        stale: LockOwner,
    },
    /// Someone else has the project open (or may have: another machine's lock).
    HeldElsewhere(LockOwner),
    /// No lock could be written (a read-only folder, say); the project opens without one.
    Unavailable(String),
}

/// A held lock; dropping it removes the lock file, unless someone has taken it over since.
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
    owner: LockOwner,
}

impl ProjectLock {
    pub fn owner(&self) -> &LockOwner {
        &self.owner
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        if read_owner(&self.path).is_some_and(|owner| owner == self.owner) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The owner written in a lock file; `None` when there is none or it cannot be read.
pub fn read_owner(lock: &Path) -> Option<LockOwner> {
    let text = std::fs::read_to_string(lock).ok()?;
    serde_json::from_str(&text).ok()
}

/// Locks `project` for this process, taking over a stale lock.
pub fn acquire(project: &Path) -> LockOutcome {
    let path = lock_path(project);
    let owner = LockOwner::this_process();
    let text = match serde_json::to_string_pretty(&owner) {
        Ok(text) => text,
        Err(error) => return LockOutcome::Unavailable(error.to_string()),
    };
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    match created {
        Ok(mut file) => {
            if let Err(error) = file
                .write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
            {
                let _ = std::fs::remove_file(&path);
                return LockOutcome::Unavailable(error.to_string());
            }
            LockOutcome::Locked(ProjectLock { path, owner })
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            match read_owner(&path) {
                Some(holder) if holder.is_this_process() => take_over(project),
                Some(holder) if holder.liveness() == Liveness::Gone => match take_over(project) {
                    LockOutcome::Locked(lock) => LockOutcome::TookOverStale {
                        lock,
                        stale: holder,
                    },
                    other => other,
                },
                Some(holder) => LockOutcome::HeldElsewhere(holder),
                // Half-written by a process that is writing it right now, or damaged: someone
                // may hold it, and the person decides.
                None => LockOutcome::HeldElsewhere(LockOwner {
                    user: "someone".to_owned(),
                    host: "an unknown computer".to_owned(),
                    pid: 0,
                    since: std::fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|time| Timestamp::try_from(time).ok())
                        .unwrap_or_else(Timestamp::now),
                }),
            }
        }
        Err(error) => LockOutcome::Unavailable(error.to_string()),
    }
}

/// Locks `project` for this process whoever held it: the person chose to open it anyway.
pub fn take_over(project: &Path) -> LockOutcome {
    let path = lock_path(project);
    let owner = LockOwner::this_process();
    let written = serde_json::to_string_pretty(&owner)
        .map_err(|error| error.to_string())
        .and_then(|text| {
            write_atomically(&RealFileSystem, &path, text.as_bytes())
                .map_err(|error| error.to_string())
        });
    match written {
        Ok(()) => LockOutcome::Locked(ProjectLock { path, owner }),
        Err(error) => LockOutcome::Unavailable(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_lock(project: &Path, owner: &LockOwner) {
        std::fs::write(lock_path(project), serde_json::to_string(owner).unwrap()).unwrap();
    }

    #[test]
    fn a_lock_is_released_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("review.copydesk.ron");
        let LockOutcome::Locked(lock) = acquire(&project) else {
            panic!("an unlocked project locks");
        };
        assert_eq!(
            read_owner(&lock_path(&project)).unwrap().pid,
            std::process::id()
        );
        drop(lock);
        assert!(!lock_path(&project).exists());
    }

    #[test]
    fn a_live_process_on_this_machine_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("review.copydesk.ron");
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let holder = LockOwner {
            pid: child.id(),
            ..LockOwner::this_process()
        };
        write_lock(&project, &holder);
        let outcome = acquire(&project);
        let _ = child.kill();
        let _ = child.wait();
        match outcome {
            LockOutcome::HeldElsewhere(owner) => assert_eq!(owner, holder),
            other => panic!("expected the lock to be held: {other:?}"),
        }
    }

    #[test]
    fn a_lock_left_by_a_process_that_is_gone_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("review.copydesk.ron");
        let mut child = std::process::Command::new("true").spawn().unwrap();
        child.wait().unwrap();
        let holder = LockOwner {
            pid: child.id(),
            ..LockOwner::this_process()
        };
        write_lock(&project, &holder);
        match acquire(&project) {
            LockOutcome::TookOverStale { lock, stale } => {
                assert_eq!(stale, holder);
                assert_eq!(lock.owner().pid, std::process::id());
            }
            other => panic!("expected a stale takeover: {other:?}"),
        }
    }

    #[test]
    fn a_process_that_has_exited_but_is_not_reaped_is_gone() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        // Not waited for yet: a zombie until `wait`.
        std::thread::sleep(std::time::Duration::from_millis(200));
        let owner = LockOwner {
            pid: child.id(),
            ..LockOwner::this_process()
        };
        assert_eq!(owner.liveness(), Liveness::Gone);
        child.wait().unwrap();
        assert_eq!(owner.liveness(), Liveness::Gone);
    }

    #[test]
    fn another_machines_lock_is_left_to_the_person() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("review.copydesk.ron");
        let holder = LockOwner {
            host: "another-machine-on-the-share".to_owned(),
            pid: 1,
            ..LockOwner::this_process()
        };
        write_lock(&project, &holder);
        assert!(matches!(acquire(&project), LockOutcome::HeldElsewhere(_)));
        let LockOutcome::Locked(lock) = take_over(&project) else {
            panic!("the person may open it anyway");
        };
        assert_eq!(
            read_owner(&lock_path(&project)).as_ref(),
            Some(lock.owner())
        );
    }

    #[test]
    fn a_taken_over_lock_is_not_removed_by_its_former_holder() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("review.copydesk.ron");
        let LockOutcome::Locked(first) = acquire(&project) else {
            panic!("locks");
        };
        let other = LockOwner {
            host: "elsewhere".to_owned(),
            ..LockOwner::this_process()
        };
        write_lock(&project, &other);
        drop(first);
        assert_eq!(read_owner(&lock_path(&project)), Some(other));
    }
}
