//! `copydesk evaluate`: the suggestions measured against labelled sentences (precision,
//! recall, F1), to see how well they work on a kind of writing: one article, or a folder of
//! articles labelled in one file, with the figures per kind and the reason for every error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CliError;
use super::args::EvaluateFormat;
use super::output::print_then_exit;
use crate::open::project_from_path;
use crate::suggest::evaluate::report::{
    ArticleEvaluation, ReportOptions, json_from_evaluations, text_from_evaluation,
    text_from_evaluations,
};
use crate::suggest::evaluate::{Labelled, evaluate, files_named, labels_from_tsv};

/// The kinds of article a folder's labelled files may be, tried in this order.
const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "docx"];

/// Measures the suggestions for `article` (a file, or a folder of the articles the labels
/// name) against the TSV at `labels`.
pub fn run(
    article: &Path,
    labels: &Path,
    options: ReportOptions,
    format: EvaluateFormat,
) -> Result<ExitCode, CliError> {
    let labelled = read_labels(labels)?;
    let articles = if article.is_dir() {
        evaluate_folder(article, labels, &labelled)?
    } else {
        vec![evaluate_article(article, &labelled)?]
    };
    let text = match format {
        EvaluateFormat::Json => json_from_evaluations(&articles),
        EvaluateFormat::Text if article.is_dir() => text_from_evaluations(&articles, options),
        EvaluateFormat::Text => text_from_evaluation(&articles[0].evaluation, options),
    };
    print_then_exit(&text, ExitCode::SUCCESS)
}

fn read_labels(labels: &Path) -> Result<Vec<Labelled>, CliError> {
    let bytes = std::fs::read(labels).map_err(|source| CliError::LabelsUnreadable {
        path: labels.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| CliError::LabelsNotText {
        path: labels.to_owned(),
    })?;
    labels_from_tsv(&text).map_err(|source| CliError::Labels {
        path: labels.to_owned(),
        source,
    })
}

/// One article: against the labels for it when they name articles and this is one of
/// them, else against all of them.
fn evaluate_article(article: &Path, labelled: &[Labelled]) -> Result<ArticleEvaluation, CliError> {
    let project = project_from_path(article)?;
    let name = article
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let own: Vec<Labelled> = labelled
        .iter()
        .filter(|label| label.file.as_deref() == Some(name.as_str()))
        .cloned()
        .collect();
    let evaluation = evaluate(&project, if own.is_empty() { labelled } else { &own });
    Ok(ArticleEvaluation { name, evaluation })
}

/// Every article the labels name, found in `folder`, each against its own labels.
fn evaluate_folder(
    folder: &Path,
    labels: &Path,
    labelled: &[Labelled],
) -> Result<Vec<ArticleEvaluation>, CliError> {
    let files = files_named(labelled);
    if files.is_empty() {
        return Err(CliError::LabelsNameNoFiles {
            path: labels.to_owned(),
        });
    }
    files
        .into_iter()
        .map(|file| {
            let path =
                article_in(folder, file).ok_or_else(|| CliError::LabelledArticleMissing {
                    folder: folder.to_owned(),
                    file: file.to_owned(),
                })?;
            let project = project_from_path(&path)?;
            let own: Vec<Labelled> = labelled
                .iter()
                .filter(|label| label.file.as_deref() == Some(file))
                .cloned()
                .collect();
            Ok(ArticleEvaluation {
                name: file.to_owned(),
                evaluation: evaluate(&project, &own),
            })
        })
        .collect()
}

/// The article named `file` in `folder`: `file.txt` (or another kind copydesk imports), or
/// `file` itself when the labels give its extension.
fn article_in(folder: &Path, file: &str) -> Option<PathBuf> {
    ARTICLE_EXTENSIONS
        .iter()
        .map(|extension| folder.join(format!("{file}.{extension}")))
        .chain([folder.join(file)])
        .find(|path| path.is_file())
}
