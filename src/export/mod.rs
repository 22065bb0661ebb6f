//! The review in files to send on: a review report (Markdown or a self-contained HTML page),
//! the annotated article (HTML, for the writer), the JSON report for tools, and the article as
//! a Word document with the review's comments and claims as Word comments.
//!
//! Everything here is a pure function of the project: the command line writes the bytes to a
//! file, the desk does the same off the UI thread.

mod annotated_html;
mod docx;
mod facts;
mod html;
mod json_report;
mod notes;
mod report_html;
mod report_markdown;

use thiserror::Error;

pub use json_report::{REPORT_FORMAT, REPORT_VERSION, json_report};

use crate::model::Project;
use crate::suggest::{Suggestion, suggestions_for_project};

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// The review report as Markdown.
    Markdown,
    /// The review report as a self-contained HTML page.
    Html,
    /// The article with highlighted passages and numbered margin notes, as HTML.
    AnnotatedHtml,
    /// The JSON report (docs/FORMAT.md).
    Json,
    /// The article as a Word document, the marks as Word comments.
    Docx,
}

impl ExportFormat {
    pub const ALL: [Self; 5] = [
        Self::Markdown,
        Self::Html,
        Self::AnnotatedHtml,
        Self::Json,
        Self::Docx,
    ];

    /// What a person picks from a list.
    pub fn label(self) -> &'static str {
        match self {
            Self::Markdown => "Review report (Markdown)",
            Self::Html => "Review report (web page)",
            Self::AnnotatedHtml => "Annotated article (web page, for the writer)",
            Self::Json => "Review data (JSON, for tools)",
            Self::Docx => "Article with comments (Word)",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html | Self::AnnotatedHtml => "html",
            Self::Json => "json",
            Self::Docx => "docx",
        }
    }

    /// The file name an export gets by default, beside a project named `stem`.
    pub fn default_file_name(self, stem: &str) -> String {
        match self {
            Self::Markdown | Self::Html => format!("{stem}-review.{}", self.extension()),
            Self::AnnotatedHtml => format!("{stem}-annotated.html"),
            Self::Json => format!("{stem}-review.json"),
            Self::Docx => format!("{stem}-reviewed.docx"),
        }
    }
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("cannot write the Word document: {0}")]
    Docx(String),
}

/// The export's bytes.
pub fn export_bytes(project: &Project, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    export_bytes_of_part(project, project, format)
}

/// The export of `part`, some of `whole`'s marks (one reviewer's), with the suggestions still
/// undecided in `whole`: a sentence another reviewer made a claim of is decided.
pub fn export_bytes_of_part(
    part: &Project,
    whole: &Project,
    format: ExportFormat,
) -> Result<Vec<u8>, ExportError> {
    let project = part;
    if format == ExportFormat::Docx {
        return docx::docx_from_project(project);
    }
    let undecided_suggestions = suggestions_for_project(whole);
    let undecided: Vec<&Suggestion> = undecided_suggestions.iter().collect();
    let text = match format {
        ExportFormat::Markdown => report_markdown::review_report_markdown(project, &undecided),
        ExportFormat::Html => report_html::review_report_html(project, &undecided),
        ExportFormat::AnnotatedHtml => annotated_html::annotated_article_html(project),
        ExportFormat::Json | ExportFormat::Docx => json_report(project, &undecided),
    };
    Ok(text.into_bytes())
}
