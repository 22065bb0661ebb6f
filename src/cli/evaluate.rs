//! `copydesk evaluate`: the suggestions measured against labelled sentences (precision,
//! recall, F1), to see how well they work on a kind of writing.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;
use super::output::print_then_exit;
use crate::open::project_from_path;
use crate::suggest::evaluate::{evaluate, labels_from_tsv};
use crate::suggest::listing::text_from_evaluation;

/// Measures the suggestions for `article` against the TSV at `labels`.
pub fn run(article: &Path, labels: &Path, show_errors: bool) -> Result<ExitCode, CliError> {
    let project = project_from_path(article)?;
    let bytes = std::fs::read(labels).map_err(|source| CliError::LabelsUnreadable {
        path: labels.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| CliError::LabelsNotText {
        path: labels.to_owned(),
    })?;
    let labelled = labels_from_tsv(&text).map_err(|source| CliError::Labels {
        path: labels.to_owned(),
        source,
    })?;
    let evaluation = evaluate(&project, &labelled);
    print_then_exit(
        &text_from_evaluation(&evaluation, show_errors),
        ExitCode::SUCCESS,
    )
}
