//! `copydesk library`: the claim library on the command line: folders added and removed,
//! the reviews read again, the claims searched, listed and counted, as text or JSON.

mod checked_before;
mod output;

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::output::print_then_exit;
use super::{CliError, EXIT_OPEN, LibraryCommand, LibraryFormat};
use crate::library::{Library, UpdateReport};
use crate::progress::Progress;
use crate::storage::Safekeeping;

pub use checked_before::{json_with_library_matches, tsv_with_library_matches};

/// Runs one `library` command.
pub fn run(command: LibraryCommand) -> Result<ExitCode, CliError> {
    let mut library = open_library()?;
    match command {
        LibraryCommand::Add { folders, format } => {
            // Every folder is checked before any is added: a typo adds nothing.
            for folder in &folders {
                if !folder.is_dir() {
                    return Err(crate::library::LibraryError::NoSuchFolder {
                        path: folder.clone(),
                    }
                    .into());
                }
            }
            for folder in &folders {
                library.add_folder(folder)?;
            }
            update(&mut library, format)
        }
        LibraryCommand::Update { format } => update(&mut library, format),
        LibraryCommand::Remove { folder, format } => {
            library.remove_folder(&folder)?;
            let stats = library.stats()?;
            let text = match format {
                LibraryFormat::Text => format!(
                    "Removed {} from the library.\n{}",
                    folder.display(),
                    output::text_from_stats(&stats)
                ),
                LibraryFormat::Json => output::json_from_stats(library.path(), &stats),
            };
            print_then_exit(&text, ExitCode::SUCCESS)
        }
        LibraryCommand::Search {
            text,
            limit,
            format,
        } => {
            let claims = library.search(&text.join(" "), limit)?;
            print_then_exit(&output::claims(&claims, format), ExitCode::SUCCESS)
        }
        LibraryCommand::List { format } => {
            print_then_exit(&output::claims(&library.list()?, format), ExitCode::SUCCESS)
        }
        LibraryCommand::Stats { format } => {
            let stats = library.stats()?;
            let text = match format {
                LibraryFormat::Text => output::text_from_stats(&stats),
                LibraryFormat::Json => output::json_from_stats(library.path(), &stats),
            };
            print_then_exit(&text, ExitCode::SUCCESS)
        }
    }
}

/// The library of this user's data folder (`COPYDESK_DATA_DIR`, or the system's place).
pub fn open_library() -> Result<Library, CliError> {
    let data_folder: Option<PathBuf> = Safekeeping::for_this_user().data_dir;
    let Some(data_folder) = data_folder else {
        return Err(CliError::Refused(
            "this system has no folder for copydesk's data, where the claim library is kept (set COPYDESK_DATA_DIR to one)"
                .to_owned(),
        ));
    };
    Ok(Library::open_in(&data_folder)?)
}

/// Reads the folders again, showing how far it has come on stderr, and prints the report:
/// exit 0 when every review was read, [`EXIT_OPEN`] when some were skipped.
fn update(library: &mut Library, format: LibraryFormat) -> Result<ExitCode, CliError> {
    let progress = Progress::new();
    let report = with_progress_shown(&progress, || library.update(&progress))?;
    let text = match format {
        LibraryFormat::Text => output::text_from_update(&report),
        LibraryFormat::Json => output::json_from_update(&report),
    };
    let code = if report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_OPEN)
    };
    print_then_exit(&text, code)
}

/// Runs `work`, showing `progress` on stderr meanwhile when stderr is a terminal (a log
/// file gets no progress lines).
fn with_progress_shown(
    progress: &Progress,
    work: impl FnOnce() -> Result<UpdateReport, crate::library::LibraryError>,
) -> Result<UpdateReport, crate::library::LibraryError> {
    if !std::io::stderr().is_terminal() {
        return work();
    }
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                if let Some(fraction) = progress.fraction() {
                    let _ = write!(
                        std::io::stderr(),
                        "\rReading reviews: {:3.0}%",
                        fraction * 100.0
                    );
                }
                std::thread::sleep(Duration::from_millis(200));
            }
            let _ = write!(std::io::stderr(), "\r{:30}\r", "");
        });
        let result = work();
        done.store(true, Ordering::Relaxed);
        result
    })
}
