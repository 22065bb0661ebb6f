//! `copydesk suggest`: the sentences worth checking, as TSV or JSON; for a project, only those
//! nobody has accepted or dismissed yet.

use std::path::Path;
use std::process::ExitCode;

use super::output::print_then_exit;
use super::{CliError, SuggestFormat};
use crate::open::project_from_path;
use crate::suggest::listing::{json_from_suggestions, tsv_from_suggestions};
use crate::suggest::suggestions_for_project;

/// Lists the suggestions for the article or project at `path`.
pub fn run(path: &Path, format: SuggestFormat) -> Result<ExitCode, CliError> {
    let project = project_from_path(path)?;
    let suggestions = suggestions_for_project(&project);
    let text = match format {
        SuggestFormat::Tsv => tsv_from_suggestions(&project, &suggestions),
        SuggestFormat::Json => json_from_suggestions(&project, &suggestions),
    };
    print_then_exit(&text, ExitCode::SUCCESS)
}
