//! Word documents (.docx): the article's text, headings, lists, tables, quotes and notes,
//! with the writer's comments and tracked changes.
//!
//! The pieces, each in its own file: the zip container read within [`Limits`]
//! (`archive`), XML parsed safely into a small tree (`xml`), styles deciding headings
//! (`styles`), list markers (`numbering`), the characters of a run (`inline`), footnotes
//! and endnotes (`notes`), comments and their threads (`comments`), tracked changes
//! (`changes`), the body read into blocks (`body`) and those blocks placed into the outline
//! with their notes (`placing`), dated by the document's own date where Word gave a note
//! none (`properties`).

mod archive;
mod body;
mod changes;
mod comments;
mod inline;
mod notes;
mod numbering;
mod placing;
mod properties;
mod styles;
mod symbol;
mod xml;

use thiserror::Error;

pub use archive::Limits;
pub use changes::change_from_note_body;

use super::ArticleOutline;

/// Why a .docx could not be read. Messages read well after "story.docx: ".
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DocxError {
    #[error("this is not a Word document (.docx): it is not a zip archive")]
    NotAZip,
    #[error(
        "this is an older Word document (.doc) or a password-protected one, not a .docx; save it from Word as .docx without a password"
    )]
    OldWordOrEncrypted,
    #[error(
        "the Word document is password-protected; remove the password in Word and save it again"
    )]
    Encrypted,
    #[error("the Word document is damaged or incomplete ({0})")]
    Damaged(String),
    #[error("this zip archive is not a Word document (it has no word/document.xml)")]
    NoDocument,
    #[error(
        "the Word document is suspiciously large when unpacked (it holds {count} files; the limit is {limit})"
    )]
    TooManyEntries { count: usize, limit: usize },
    #[error(
        "the Word document is suspiciously large when unpacked ({part} would be over {limit_mib} MiB)"
    )]
    TooLarge { part: String, limit_mib: u64 },
    #[error(
        "the Word document is suspiciously large when unpacked (its parts would be over {limit_mib} MiB together)"
    )]
    TotalTooLarge { limit_mib: u64 },
    #[error(
        "the Word document is suspiciously large when unpacked ({part} is compressed more than {ratio} to 1, like a zip bomb)"
    )]
    CompressionBomb { part: String, ratio: u64 },
    #[error("the Word document is damaged ({part} is not well-formed XML: {reason})")]
    InvalidXml { part: String, reason: String },
    #[error(
        "the Word document is unsafe to read ({part} declares XML entities, which Word never writes)"
    )]
    XmlEntities { part: String },
    #[error("the Word document is damaged ({part} nests its elements more than {limit} deep)")]
    TooDeep { part: String, limit: usize },
    #[error("the Word document is too complex to read ({part} has more than {limit} XML elements)")]
    TooManyElements { part: String, limit: usize },
    #[error(
        "the Word document is too complex to read ({part} has more than {limit} XML attributes)"
    )]
    TooManyAttributes { part: String, limit: usize },
    #[error(
        "the Word document is suspiciously large when read (its text would be over {limit_mib} MiB)"
    )]
    TooMuchText { limit_mib: u64 },
}

const DOCUMENT: &str = "word/document.xml";

/// Reads a .docx from its bytes, within the default [`Limits`].
pub fn outline_from_docx(bytes: &[u8]) -> Result<ArticleOutline, DocxError> {
    outline_from_docx_within(bytes, &Limits::DEFAULT)
}

/// Reads a .docx from its bytes, within `limits`.
pub fn outline_from_docx_within(
    bytes: &[u8],
    limits: &Limits,
) -> Result<ArticleOutline, DocxError> {
    let mut archive = archive::Archive::open(bytes, *limits)?;
    let document_bytes = archive.part(DOCUMENT)?.ok_or(DocxError::NoDocument)?;
    let document = xml::parse(DOCUMENT, &document_bytes, limits)?;
    drop(document_bytes);
    let mut optional_part = |name: &str| -> Result<Option<xml::Element>, DocxError> {
        archive
            .part(name)?
            .map(|bytes| xml::parse(name, &bytes, limits))
            .transpose()
    };
    let styles = optional_part("word/styles.xml")?
        .map(|root| styles::Styles::from_xml(&root))
        .unwrap_or_default();
    let numbering = optional_part("word/numbering.xml")?
        .map(|root| numbering::Numbering::from_xml(&root))
        .unwrap_or_default();
    let footnotes = optional_part("word/footnotes.xml")?
        .map(|root| notes::NoteTexts::from_xml(&root))
        .unwrap_or_default();
    let endnotes = optional_part("word/endnotes.xml")?
        .map(|root| notes::NoteTexts::from_xml(&root))
        .unwrap_or_default();
    let mut comments = optional_part("word/comments.xml")?
        .map(|root| comments::comments_from_xml(&root))
        .unwrap_or_default();
    let extended = optional_part("word/commentsExtended.xml")?
        .map(|root| comments::CommentsExtended::from_xml(&root))
        .unwrap_or_default();
    extended.mark_done(&mut comments);
    let context = body::Context {
        styles: &styles,
        numbering: &numbering,
        footnotes: &footnotes,
        endnotes: &endnotes,
        max_text_bytes: usize::try_from(limits.max_text_bytes).unwrap_or(usize::MAX),
    };
    let blocks = body::blocks_from_document(&document, &context).ok_or(DocxError::TooMuchText {
        limit_mib: limits.max_text_bytes / (1024 * 1024),
    })?;
    let roots = comments::thread_roots(&comments, &extended.parents);
    let mut outline = placing::outline_from_blocks(&blocks, &comments, &roots);
    // Only dates are read from it: a damaged or outsized one is no reason to refuse the text.
    let saved = optional_part("docProps/core.xml")
        .ok()
        .flatten()
        .as_ref()
        .and_then(properties::document_date);
    if let Some(saved) = saved {
        for note in &mut outline.notes {
            note.created.get_or_insert(saved);
        }
    }
    Ok(outline)
}
