//! Why a command failed: the core's errors, which already name the file they are about, with
//! the context the command adds, and the refusals the command line makes itself. Shown once,
//! by [`super::finish`].

use std::path::PathBuf;

use thiserror::Error;

use super::{GitSetupError, MergeDriverError};
use crate::export::ExportError;
use crate::fetch::FetchError;
use crate::import::ImportError;
use crate::library::LibraryError;
use crate::merge::MergeError;
use crate::open::OpenError;
use crate::project_file::ProjectFileError;
use crate::query::ReviewerError;
use crate::storage::journal::JournalError;
use crate::storage::{SaveError, WriteError};
use crate::suggest::evaluate::LabelsError;

#[derive(Debug, Error)]
pub enum CliError {
    #[error(transparent)]
    ProjectFile(#[from] ProjectFileError),
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A page imported from a web address could not be fetched or imported.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Save(#[from] SaveError),
    /// An export file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// The claim library could not be used, or was given a folder that does not exist.
    #[error(transparent)]
    Library(#[from] LibraryError),
    /// The export could not be made; `path` is where it was to go.
    #[error("{path}: {source}")]
    Export {
        path: PathBuf,
        #[source]
        source: ExportError,
    },
    /// Two reviews that cannot be merged; `files` names them.
    #[error("cannot merge {files}: {source}")]
    Merge {
        files: String,
        #[source]
        source: MergeError,
    },
    /// Git's merge driver left ours as it was.
    #[error(transparent)]
    MergeDriver(#[from] MergeDriverError),
    /// The merge driver could not be registered in a git repository.
    #[error(transparent)]
    GitSetup(#[from] GitSetupError),
    /// `--reviewer` names nobody in the project at `path`.
    #[error("{path}: {source}")]
    Reviewer {
        path: PathBuf,
        #[source]
        source: ReviewerError,
    },
    #[error("{path}: cannot read the labels: {source}")]
    LabelsUnreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: cannot read the labels: not UTF-8 text (expected a tab-separated file)")]
    LabelsNotText { path: PathBuf },
    #[error("{path}: {source}")]
    Labels {
        path: PathBuf,
        #[source]
        source: LabelsError,
    },
    /// `copydesk evaluate` was given a folder, but the labels say which article each
    /// sentence is from in no `file` column.
    #[error(
        "{path}: to evaluate a folder, the labels need a `file` column naming each sentence's article"
    )]
    LabelsNameNoFiles { path: PathBuf },
    /// The labels name an article the folder does not hold.
    #[error(
        "{folder}: the labels name the article “{file}”, but there is no {file}.txt (or .md, .html, .docx) here"
    )]
    LabelledArticleMissing { folder: PathBuf, file: String },
    /// Standard output failed for another reason than a reader that stopped early.
    #[error("cannot write the output: {0}")]
    Output(#[source] std::io::Error),
    /// The desk could not be started (the binary starts it; the command line only reports it).
    #[error(transparent)]
    Desk(Box<dyn std::error::Error + Send + Sync>),
    /// A refusal made here, about the command's own arguments (an output that already exists,
    /// the article given as the project, …).
    #[error("{0}")]
    Refused(String),
}
