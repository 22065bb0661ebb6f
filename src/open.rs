//! Opening a file the user named, whichever kind it is: a project, or an article to import.

use std::path::Path;

use jiff::Timestamp;

use crate::import::{ImportError, import_file};
use crate::model::Project;
use crate::project_file::{ProjectFileError, is_project_path, load_project};

/// Either way a file can fail to open.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Project(#[from] ProjectFileError),
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// Reads a project file, or imports an article, judging by the file.
pub fn project_from_path(path: &Path) -> Result<Project, OpenError> {
    if is_project_path(path) {
        Ok(load_project(path)?)
    } else {
        Ok(import_file(path, Timestamp::now())?)
    }
}
