//! `copydesk sample`: the bundled sample review written to a project file, to try the other
//! commands on.

use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;

use super::CliError;
use super::output::print_then_exit;
use crate::sample::sample_project;
use crate::storage::SaveRequest;

/// Writes the sample review to `output`, which must not exist.
pub fn run(output: &Path) -> Result<ExitCode, CliError> {
    if output.exists() {
        return Err(CliError::Refused(format!(
            "{}: already exists; choose another name",
            output.display()
        )));
    }
    let project = sample_project(Timestamp::now())?;
    SaveRequest::new(&project, output).save()?;
    print_then_exit(
        &format!("Wrote the sample review to {}.\n", output.display()),
        ExitCode::SUCCESS,
    )
}
