//! `copydesk suggest`: the sentences worth checking, as TSV or JSON; for a project, only those
//! nobody has accepted or dismissed yet. With `--library`, each with the claims of the claim
//! library it says again.

use std::path::Path;
use std::process::ExitCode;

use super::library::{json_with_library_matches, open_library, tsv_with_library_matches};
use super::output::print_then_exit;
use super::{CliError, SuggestFormat};
use crate::open::project_from_path;
use crate::suggest::listing::{json_from_suggestions, tsv_from_suggestions};
use crate::suggest::suggestions_for_project;

/// Lists the suggestions for the article or project at `path`; with `library`, with the
/// library claims each matches.
pub fn run(path: &Path, format: SuggestFormat, library: bool) -> Result<ExitCode, CliError> {
    let project = project_from_path(path)?;
    let suggestions = suggestions_for_project(&project);
    let text = if library {
        let matcher = open_library()?.matcher()?;
        match format {
            SuggestFormat::Tsv => tsv_with_library_matches(&project, &suggestions, &matcher),
            SuggestFormat::Json => json_with_library_matches(&project, &suggestions, &matcher),
        }
    } else {
        match format {
            SuggestFormat::Tsv => tsv_from_suggestions(&project, &suggestions),
            SuggestFormat::Json => json_from_suggestions(&project, &suggestions),
        }
    };
    print_then_exit(&text, ExitCode::SUCCESS)
}
