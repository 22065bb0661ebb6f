//! Word documents (.docx): the article's text, headings, lists, tables, quotes and notes,
//! with the writer's comments and tracked changes.

use thiserror::Error;

use super::ArticleOutline;

/// Why a .docx could not be read.
#[derive(Debug, Error)]
pub enum DocxError {
    #[error("this is not a Word document (.docx): {0}")]
    NotAnArchive(String),
}

/// Reads a .docx from its bytes.
pub fn outline_from_docx(_bytes: &[u8]) -> Result<ArticleOutline, DocxError> {
    Err(DocxError::NotAnArchive("not yet implemented".to_owned()))
}
