//! The filesystem seam: every step of a safe save goes through [`FileSystem`], so tests can
//! make any one of them fail (or fill the disk) and check that nothing is lost.
//!
//! [`RealFileSystem`] is what copydesk uses. [`FaultyFileSystem`] wraps it and fails one
//! chosen step; it is public because the promise it checks is part of the product's contract
//! (docs/RELIABILITY.md), and the integration tests use it.

use std::fs::{File, Permissions};
use std::io::{self, Write as _};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The steps of writing a file safely, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SaveStep {
    /// Creating the temporary file beside the target.
    CreateTemporary,
    /// Writing the new content into it.
    Write,
    /// Flushing it to the disk.
    Flush,
    /// Giving it the permissions of the file it replaces.
    KeepPermissions,
    /// Renaming it over the target.
    Rename,
    /// Making the rename itself durable.
    SyncFolder,
}

impl SaveStep {
    pub const ALL: [Self; 6] = [
        Self::CreateTemporary,
        Self::Write,
        Self::Flush,
        Self::KeepPermissions,
        Self::Rename,
        Self::SyncFolder,
    ];
}

/// The operations a safe save needs, one per [`SaveStep`] (plus removing a temporary file).
pub trait FileSystem: Send + Sync + std::fmt::Debug {
    /// Creates a file that must not exist yet, with `permissions` (unix mode bits) if given.
    fn create_new(&self, path: &Path, mode: Option<u32>) -> io::Result<File>;
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()>;
    fn flush(&self, file: &File) -> io::Result<()>;
    fn set_permissions(&self, path: &Path, permissions: Permissions) -> io::Result<()>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn sync_folder(&self, folder: &Path) -> io::Result<()>;
    fn remove_file(&self, path: &Path) -> io::Result<()>;
}

/// The real filesystem.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFileSystem;

impl RealFileSystem {
    /// The shared handle most callers want.
    pub fn shared() -> Arc<dyn FileSystem> {
        Arc::new(Self)
    }
}

impl FileSystem for RealFileSystem {
    fn create_new(&self, path: &Path, mode: Option<u32>) -> io::Result<File> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if let Some(mode) = mode {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(mode);
        }
        #[cfg(not(unix))]
        let _ = mode;
        options.open(path)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }

    fn flush(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn set_permissions(&self, path: &Path, permissions: Permissions) -> io::Result<()> {
        std::fs::set_permissions(path, permissions)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    fn sync_folder(&self, folder: &Path) -> io::Result<()> {
        #[cfg(unix)]
        {
            File::open(folder)?.sync_all()
        }
        // Windows cannot open a folder as a file; its rename is already durable enough.
        #[cfg(not(unix))]
        {
            let _ = folder;
            Ok(())
        }
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// How a [`FaultyFileSystem`] fails its chosen step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The step returns this error and does nothing.
    Error(io::ErrorKind),
    /// The disk fills up: a write puts down this many bytes, then fails with "no space left";
    /// any other step fails with "no space left" at once.
    DiskFull { bytes_written: usize },
}

/// The real filesystem, except that one step fails the `nth` time it is reached (counting
/// from 0), for every write that goes through it.
#[derive(Debug)]
pub struct FaultyFileSystem {
    step: SaveStep,
    fault: Fault,
    nth: usize,
    reached: AtomicUsize,
}

impl FaultyFileSystem {
    /// Fails `step` the first time it is reached.
    pub fn failing(step: SaveStep, fault: Fault) -> Self {
        Self::failing_nth(step, fault, 0)
    }

    /// Fails `step` the `nth` time it is reached (0 is the first).
    pub fn failing_nth(step: SaveStep, fault: Fault, nth: usize) -> Self {
        Self {
            step,
            fault,
            nth,
            reached: AtomicUsize::new(0),
        }
    }

    /// Whether this step fails now; counts the visit.
    fn fails(&self, step: SaveStep) -> bool {
        step == self.step && self.reached.fetch_add(1, Ordering::SeqCst) == self.nth
    }

    fn error(&self) -> io::Error {
        match self.fault {
            Fault::Error(kind) => io::Error::new(kind, "injected fault"),
            Fault::DiskFull { .. } => {
                io::Error::new(io::ErrorKind::StorageFull, "no space left on device")
            }
        }
    }
}

impl FileSystem for FaultyFileSystem {
    fn create_new(&self, path: &Path, mode: Option<u32>) -> io::Result<File> {
        if self.fails(SaveStep::CreateTemporary) {
            return Err(self.error());
        }
        RealFileSystem.create_new(path, mode)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        if self.fails(SaveStep::Write) {
            if let Fault::DiskFull { bytes_written } = self.fault {
                file.write_all(&bytes[..bytes_written.min(bytes.len())])?;
            }
            return Err(self.error());
        }
        RealFileSystem.write_all(file, bytes)
    }

    fn flush(&self, file: &File) -> io::Result<()> {
        if self.fails(SaveStep::Flush) {
            return Err(self.error());
        }
        RealFileSystem.flush(file)
    }

    fn set_permissions(&self, path: &Path, permissions: Permissions) -> io::Result<()> {
        if self.fails(SaveStep::KeepPermissions) {
            return Err(self.error());
        }
        RealFileSystem.set_permissions(path, permissions)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        if self.fails(SaveStep::Rename) {
            return Err(self.error());
        }
        RealFileSystem.rename(from, to)
    }

    fn sync_folder(&self, folder: &Path) -> io::Result<()> {
        if self.fails(SaveStep::SyncFolder) {
            return Err(self.error());
        }
        RealFileSystem.sync_folder(folder)
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        RealFileSystem.remove_file(path)
    }
}
