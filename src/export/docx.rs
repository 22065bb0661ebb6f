//! The article as a Word document, with the review's comments and claims as Word comments.

use crate::model::Project;

use super::ExportError;

pub fn docx_from_project(_project: &Project) -> Result<Vec<u8>, ExportError> {
    Err(ExportError::Docx("not yet written".to_owned()))
}
