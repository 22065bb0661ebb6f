//! `copydesk import`: an article, or a page at a web address, into a new project file, without
//! opening the desk.

use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;

use super::output::{lines_after_saving, print_then_exit};
use super::{CliError, same_file};
use crate::fetch::{FetchLimits, import_from_address, is_web_address};
use crate::import::{import_file, what_the_file_carried};
use crate::project_file::is_project_path;
use crate::storage::{Safekeeping, SaveRequest, save_keeping_backup};
use crate::text::{counted, readable_timestamp};

/// Imports `article` (a file, or an http or https address to fetch) into `output`, which must
/// not exist unless `force` (a project it replaces is kept as a backup first).
pub fn run(article: &Path, output: &Path, force: bool) -> Result<ExitCode, CliError> {
    let address = article.to_str().filter(|a| is_web_address(a));
    if address.is_none() && same_file(article, output) {
        return Err(CliError::Refused(format!(
            "{}: is the article itself; write the project to another file",
            output.display()
        )));
    }
    if output.exists() && !force {
        let what = if is_project_path(output) {
            "replace it and lose its review"
        } else {
            "replace it"
        };
        return Err(CliError::Refused(format!(
            "{}: already exists; choose another name, or add --force to {what}",
            output.display()
        )));
    }
    let project = match address {
        Some(address) => import_from_address(address, fetch_limits(), Timestamp::now())?,
        None => import_file(article, Timestamp::now())?,
    };
    let saved = save_keeping_backup(
        &Safekeeping::for_this_user(),
        SaveRequest::new(&project, output),
        Timestamp::now(),
    )?;
    let progress = project.progress();
    let fetched = project
        .draft
        .fetched
        .as_ref()
        .map(|f| format!(" (fetched {})", readable_timestamp(f.at)))
        .unwrap_or_default();
    print_then_exit(
        &format!(
            "Imported {}{fetched} into {}: {}.{}\n{}",
            article.display(),
            output.display(),
            counted(progress.sections, "section", "sections"),
            what_the_file_carried(&project),
            lines_after_saving(&saved),
        ),
        ExitCode::SUCCESS,
    )
}

/// The limits of a fetch; `COPYDESK_FETCH_TIMEOUT_MS` shortens the timeout (the tests' slow
/// server would otherwise hold them for the default's 30 seconds).
fn fetch_limits() -> FetchLimits {
    let mut limits = FetchLimits::default();
    if let Some(ms) = std::env::var("COPYDESK_FETCH_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        limits.timeout = std::time::Duration::from_millis(ms);
    }
    limits
}
