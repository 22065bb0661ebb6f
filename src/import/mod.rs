//! Turning a draft file into a project: reading it safely, then splitting it into sections.
//!
//! Reading is strict about what it accepts — a binary file, an empty file or a format we
//! cannot read gets an error naming the file and the problem — and exact about what it keeps:
//! the text is stored as written (Unicode, right-to-left scripts, typographic quotes).
//!
//! Each format has its reader (`plain`, `markdown`, `html`, `docx`), all giving an
//! [`ArticleOutline`] (`outline`); bytes become text in `decode`, and the notes a file carried
//! become comments in `notes_to_comments`. This file picks the reader and builds the project.

mod decode;
pub mod docx;
pub mod html;
mod markdown;
mod notes_to_comments;
mod outline;
mod plain;

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use sha2::{Digest, Sha256};
use thiserror::Error;

use decode::text_from_bytes;
pub use markdown::outline_from_markdown;
pub use notes_to_comments::what_the_file_carried;
use notes_to_comments::{comments_from_notes, tracked_changes_by_author};
pub use outline::{ArticleOutline, OutlineNote, OutlineReply, OutlineSection};
pub use plain::outline_from_plain_text;

use crate::model::{Draft, DraftFormat, Project, Section};

/// Drafts larger than this are refused rather than read into memory (a book is ~3 MB).
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{path}: cannot read the file: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: the file holds no text, only white space")]
    OnlyWhitespace { path: PathBuf },
    #[error("{path}: the article has a title (“{title}”) but no text to review")]
    TitleOnly { path: PathBuf, title: String },
    #[error(
        "{path}: this is not a text file (it contains binary data); copydesk imports plain text (.txt), Markdown (.md), Word (.docx) and web pages (.html)"
    )]
    Binary { path: PathBuf },
    #[error(
        "{path}: the text is not UTF-8 (an invalid byte on line {line}); save it as UTF-8 and import it again"
    )]
    NotUtf8 { path: PathBuf, line: usize },
    #[error(
        "{path}: {kind} cannot be imported; copydesk imports plain text (.txt), Markdown (.md), Word (.docx) and web pages (.html)"
    )]
    Unsupported { path: PathBuf, kind: String },
    #[error("{path}: {source}")]
    Docx {
        path: PathBuf,
        #[source]
        source: docx::DocxError,
    },
    #[error("{path}: {source}")]
    Html {
        path: PathBuf,
        #[source]
        source: html::HtmlError,
    },
    #[error("{path}: this is a copydesk project, not an article; open it instead of importing it")]
    IsProject { path: PathBuf },
    #[error("{path}: the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
}

/// The format of an article file, judged by its extension (files without one are taken as
/// plain text).
pub fn draft_format_from_path(path: &Path) -> Result<DraftFormat, ImportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(".copydesk.ron") || name.ends_with(".ron") {
        return Err(ImportError::IsProject {
            path: path.to_owned(),
        });
    }
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    match extension.as_deref() {
        None | Some("txt" | "text") => Ok(DraftFormat::PlainText),
        Some("md" | "markdown" | "mdown" | "mkd" | "mdwn") => Ok(DraftFormat::Markdown),
        Some("docx") => Ok(DraftFormat::Docx),
        Some("html" | "htm" | "xhtml") => Ok(DraftFormat::Html),
        Some(other) => Err(ImportError::Unsupported {
            path: path.to_owned(),
            kind: describe_extension(other),
        }),
    }
}

fn describe_extension(extension: &str) -> String {
    match extension {
        "doc" => "Word 97–2003 documents (.{ext}; save it as .docx)",
        "odt" => "OpenDocument texts (.{ext})",
        "pdf" => "PDF (.{ext})",
        "rtf" => "Rich Text (.{ext})",
        _ => ".{ext} files",
    }
    .replace("{ext}", extension)
}

/// Reads and imports an article file.
pub fn import_file(path: &Path, now: Timestamp) -> Result<Project, ImportError> {
    let format = draft_format_from_path(path)?;
    let read_error = |source| ImportError::Read {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    import_bytes(path, &bytes, format, now)
}

/// Imports an article from its bytes; `path` names it in messages and in the project.
pub fn import_bytes(
    path: &Path,
    bytes: &[u8],
    format: DraftFormat,
    now: Timestamp,
) -> Result<Project, ImportError> {
    let outline = match format {
        DraftFormat::PlainText => outline_from_plain_text(&text_from_bytes(path, bytes)?),
        DraftFormat::Markdown => outline_from_markdown(&text_from_bytes(path, bytes)?),
        DraftFormat::Html => html::outline_from_html(&html::text_from_page_bytes(path, bytes)?)
            .map_err(|source| ImportError::Html {
                path: path.to_owned(),
                source,
            })?,
        DraftFormat::Docx => {
            docx::outline_from_docx(bytes).map_err(|source| ImportError::Docx {
                path: path.to_owned(),
                source,
            })?
        }
    };
    if outline.sections.iter().all(|s| s.paragraphs.is_empty()) {
        let title = outline
            .title
            .clone()
            .or_else(|| outline.sections.iter().find_map(|s| s.heading.clone()));
        return Err(match title {
            Some(title) => ImportError::TitleOnly {
                path: path.to_owned(),
                title,
            },
            None => ImportError::OnlyWhitespace {
                path: path.to_owned(),
            },
        });
    }
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let title = outline
        .title
        .clone()
        .unwrap_or_else(|| title_from_file_name(path));
    let sections: Vec<Section> = outline
        .sections
        .iter()
        .map(|s| Section::new(s.heading.clone(), s.level, &s.paragraphs))
        .collect();
    let comments = comments_from_notes(&sections, &outline.notes, now);
    let mut project = Project {
        title,
        draft: Draft {
            file_name,
            format,
            sha256: sha256_hex(bytes),
            imported_at: now,
            number: 1,
            tracked_changes: tracked_changes_by_author(&outline.notes),
            fetched: None,
        },
        sections,
        comments,
        claims: Vec::new(),
        dismissed: Vec::new(),
        earlier_drafts: Vec::new(),
        reviewers: Vec::new(),
        deleted: Vec::new(),
        conflicts: Vec::new(),
    };
    // The authors of the Word comments and changes the file carried.
    crate::project_file::name_reviewers_of_records(&mut project);
    Ok(project)
}

/// The title an article without one of its own gets: its file name without the extension.
pub fn title_from_file_name(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "Untitled".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Imports `bytes` as a file named `name`, in the format its extension says; the other
    /// files' tests use it too.
    pub(super) fn import(name: &str, bytes: &[u8]) -> Result<Project, ImportError> {
        let path = Path::new(name);
        import_bytes(
            path,
            bytes,
            draft_format_from_path(path)?,
            Timestamp::UNIX_EPOCH,
        )
    }

    #[test]
    fn extensions_pick_the_format() {
        assert_eq!(
            draft_format_from_path(Path::new("a.TXT")).unwrap(),
            DraftFormat::PlainText
        );
        assert_eq!(
            draft_format_from_path(Path::new("README")).unwrap(),
            DraftFormat::PlainText
        );
        assert_eq!(
            draft_format_from_path(Path::new("a.md")).unwrap(),
            DraftFormat::Markdown
        );
        assert_eq!(
            draft_format_from_path(Path::new("Story.DOCX")).unwrap(),
            DraftFormat::Docx
        );
        assert_eq!(
            draft_format_from_path(Path::new("page.htm")).unwrap(),
            DraftFormat::Html
        );
        let error = draft_format_from_path(Path::new("story.odt")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "story.odt: OpenDocument texts (.odt) cannot be imported; copydesk imports plain text (.txt), Markdown (.md), Word (.docx) and web pages (.html)"
        );
        assert!(matches!(
            draft_format_from_path(Path::new("x.copydesk.ron")),
            Err(ImportError::IsProject { .. })
        ));
    }

    #[test]
    fn bad_bytes_get_clear_errors() {
        assert!(matches!(
            import("e.txt", b""),
            Err(ImportError::Empty { .. })
        ));
        assert!(matches!(
            import("w.txt", b" \n\t\n"),
            Err(ImportError::OnlyWhitespace { .. })
        ));
        let error = import("t.md", b"---\ntitle: Draft\n---\n# Draft\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "t.md: the article has a title (“Draft”) but no text to review"
        );
        assert!(matches!(
            import("b.txt", b"PK\x03\x04\0\0binary"),
            Err(ImportError::Binary { .. })
        ));
        let error = import("l.txt", b"line one\nline two \xff\xfe oops\n").unwrap_err();
        assert!(
            matches!(error, ImportError::NotUtf8 { line: 2, .. }),
            "{error}"
        );
        assert!(error.to_string().starts_with("l.txt: "), "{error}");
    }

    #[test]
    fn the_project_remembers_its_draft() {
        let project = import("drafts/story.md", b"Lede.\n\n## Part\n\nText.\n").unwrap();
        assert_eq!(project.title, "story");
        assert_eq!(project.draft.file_name, "story.md");
        assert_eq!(project.draft.format, DraftFormat::Markdown);
        assert_eq!(
            project.draft.sha256,
            sha256_hex(b"Lede.\n\n## Part\n\nText.\n")
        );
        assert_eq!(project.sections.len(), 2);
        assert_ne!(project.sections[0].id, project.sections[1].id);
    }
}
