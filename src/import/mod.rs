//! Turning a draft file into a project: reading it safely, then splitting it into sections.
//!
//! Reading is strict about what it accepts — a binary file, an empty file or a format we
//! cannot read gets an error naming the file and the problem — and exact about what it keeps:
//! the text is stored as written (Unicode, right-to-left scripts, typographic quotes).

pub mod docx;
pub mod html;
mod markdown;
mod outline;
mod plain;

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use sha2::{Digest, Sha256};
use thiserror::Error;

pub use markdown::outline_from_markdown;
pub use outline::{ArticleOutline, OutlineNote, OutlineReply, OutlineSection};
pub use plain::outline_from_plain_text;

use crate::model::{
    Comment, Draft, DraftFormat, Passage, Project, Reply, Resolution, Section, TrackedChanges,
};

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
    let indexes: Vec<CharIndex<'_>> = sections.iter().map(|s| CharIndex::new(&s.text)).collect();
    let comments = outline
        .notes
        .iter()
        .filter_map(|note| comment_from_note(&sections, &indexes, note, now))
        .collect();
    Ok(Project {
        title,
        draft: Draft {
            file_name,
            format,
            sha256: sha256_hex(bytes),
            imported_at: now,
            number: 1,
            tracked_changes: tracked_changes_by_author(&outline.notes),
        },
        sections,
        comments,
        claims: Vec::new(),
        dismissed: Vec::new(),
        earlier_drafts: Vec::new(),
    })
}

/// A note the file carried, as a comment on its passage (or on its whole section when the
/// passage is empty or only white space, as for a deletion at the end of a paragraph).
/// Byte offsets of every [`CharIndex::STEP`]th character of a section's text, so a note's
/// passage is found in time independent of where it lies: a Word file may carry hundreds of
/// thousands of tracked changes in one long section.
struct CharIndex<'t> {
    text: &'t str,
    checkpoints: Vec<usize>,
    chars: usize,
}

impl<'t> CharIndex<'t> {
    const STEP: usize = 1024;
    /// Characters either side of a note's range looked at for its passage: more than the
    /// passage's context and any real grapheme cluster at its ends.
    const MARGIN: usize = 256;

    fn new(text: &'t str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STEP + 1);
        let mut chars = 0;
        for (byte, _) in text.char_indices() {
            if chars % Self::STEP == 0 {
                checkpoints.push(byte);
            }
            chars += 1;
        }
        Self {
            text,
            checkpoints,
            chars,
        }
    }

    fn byte_offset(&self, char_offset: usize) -> usize {
        let from = self
            .checkpoints
            .get(char_offset / Self::STEP)
            .copied()
            .unwrap_or(self.text.len());
        let rest = self.text.get(from..).unwrap_or_default();
        from + rest
            .char_indices()
            .nth(char_offset % Self::STEP)
            .map_or(rest.len(), |(byte, _)| byte)
    }

    /// The passage of `range`, read from a window of the text around it.
    fn passage(&self, range: std::ops::Range<usize>) -> Option<Passage> {
        if range.start >= range.end || range.end > self.chars {
            return None;
        }
        let window_start = range.start.saturating_sub(Self::MARGIN);
        let window_end = range.end.saturating_add(Self::MARGIN).min(self.chars);
        let window = self
            .text
            .get(self.byte_offset(window_start)..self.byte_offset(window_end))?;
        let mut passage = Passage::from_section_text(
            window,
            range.start - window_start..range.end - window_start,
        )
        .ok()?;
        passage.start += window_start;
        passage.end += window_start;
        Some(passage)
    }
}

fn comment_from_note(
    sections: &[Section],
    indexes: &[CharIndex<'_>],
    note: &OutlineNote,
    now: Timestamp,
) -> Option<Comment> {
    let section = sections.get(note.section)?;
    let passage = indexes.get(note.section)?.passage(note.range.clone());
    let created = note.created.unwrap_or(now);
    let author = if note.author.trim().is_empty() {
        "Unknown author"
    } else {
        note.author.trim()
    };
    let mut comment = Comment::new(section.id.clone(), passage, author, created);
    comment.body.clone_from(&note.body);
    comment.origin = Some(note.kind);
    comment.replies = note
        .replies
        .iter()
        .map(|reply| Reply::new(&reply.author, reply.created.unwrap_or(created), &reply.body))
        .collect();
    if note.resolved {
        comment.resolved = Some(Resolution {
            by: "Word (marked done)".to_owned(),
            at: created,
        });
    }
    Some(comment)
}

/// What an imported file brought besides its text, for the message after the import: its
/// comments and its pending tracked changes, by author. Empty when there was nothing.
pub fn what_the_file_carried(project: &Project) -> String {
    use std::fmt::Write as _;

    use crate::model::CommentOrigin;
    use crate::text::counted;
    let word_comments = project
        .comments
        .iter()
        .filter(|c| c.origin == Some(CommentOrigin::WordComment))
        .count();
    let mut said = String::new();
    if word_comments > 0 {
        let _ = write!(
            said,
            " It came with {}, now comments here.",
            counted(word_comments, "Word comment", "Word comments")
        );
    }
    let changes = &project.draft.tracked_changes;
    if !changes.is_empty() {
        let total: usize = changes.iter().map(|c| c.insertions + c.deletions).sum();
        let by: Vec<String> = changes
            .iter()
            .map(|c| {
                let kinds: Vec<String> = [
                    (c.insertions, "insertion", "insertions"),
                    (c.deletions, "deletion", "deletions"),
                ]
                .into_iter()
                .filter(|(count, _, _)| *count > 0)
                .map(|(count, one, many)| counted(count, one, many))
                .collect();
                format!("{}: {}", c.author, kinds.join(" and "))
            })
            .collect();
        let _ = write!(
            said,
            " {} pending ({}); accepted in this text, {} now a comment on its passage.",
            counted(total, "tracked change was", "tracked changes were"),
            by.join("; "),
            if total == 1 { "it is" } else { "each is" },
        );
    }
    said
}

/// How many insertions and deletions each author had pending, in order of first appearance.
fn tracked_changes_by_author(notes: &[OutlineNote]) -> Vec<TrackedChanges> {
    let mut by_author: Vec<TrackedChanges> = Vec::new();
    // Where each author's entry is (a file may name thousands of authors).
    let mut position: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for note in notes {
        let (insertions, deletions) = match note.kind {
            crate::model::CommentOrigin::TrackedInsertion => (1, 0),
            crate::model::CommentOrigin::TrackedDeletion => (0, 1),
            crate::model::CommentOrigin::WordComment => continue,
        };
        let author = note.author.trim();
        let author = if author.is_empty() {
            "Unknown author"
        } else {
            author
        };
        match position.get(author).and_then(|&at| by_author.get_mut(at)) {
            Some(entry) => {
                entry.insertions += insertions;
                entry.deletions += deletions;
            }
            None => {
                position.insert(author.to_owned(), by_author.len());
                by_author.push(TrackedChanges {
                    author: author.to_owned(),
                    insertions,
                    deletions,
                });
            }
        }
    }
    by_author
}

/// Decodes a draft's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with one.
pub(super) fn text_from_bytes(path: &Path, bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let utf16 = |bytes: &[u8], from: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| from([c[0], c[1]])).collect();
        String::from_utf16(&units).ok()
    };
    let decoded = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        std::str::from_utf8(rest)
            .map(str::to_owned)
            .map_err(|e| e.valid_up_to() + 3)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes).ok_or(0)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes).ok_or(0)
    } else {
        if looks_binary(bytes) {
            return Err(ImportError::Binary {
                path: path.to_owned(),
            });
        }
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|e| e.valid_up_to())
    };
    let text = decoded.map_err(|bad_byte| ImportError::NotUtf8 {
        path: path.to_owned(),
        line: 1 + bytes[..bad_byte.min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
    })?;
    text_with_content(path, text)
}

/// Decoded text, refused when it is binary data after all or only white space.
pub(super) fn text_with_content(path: &Path, text: String) -> Result<String, ImportError> {
    if looks_binary(text.as_bytes()) {
        return Err(ImportError::Binary {
            path: path.to_owned(),
        });
    }
    if text.trim().is_empty() {
        return Err(ImportError::OnlyWhitespace {
            path: path.to_owned(),
        });
    }
    Ok(text)
}

/// Binary data: a NUL byte, or many control characters that text never holds.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 100 > sample.len()
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

    fn import(name: &str, bytes: &[u8]) -> Result<Project, ImportError> {
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
    fn byte_order_marks_are_understood() {
        let project = import("bom.txt", "\u{feff}Héllo.".as_bytes()).unwrap();
        assert_eq!(project.sections[0].text, "Héllo.");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Ça va.".encode_utf16().flat_map(u16::to_le_bytes));
        let project = import("utf16.txt", &utf16).unwrap();
        assert_eq!(project.sections[0].text, "Ça va.");
    }

    #[test]
    fn web_pages_in_older_encodings_are_decoded() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>Caf".to_vec();
        page.extend([0xE9, b' ', 0x80, b'4']);
        page.extend(b"</p></body></html>");
        let project = import("page.html", &page).unwrap();
        // ISO-8859-1 is read as windows-1252, as browsers do: 0x80 is the euro sign.
        assert_eq!(project.sections[0].text, "Café €4");

        // No declaration and not UTF-8: windows-1252.
        let mut undeclared = b"<p>na".to_vec();
        undeclared.extend([0xEF, b'v', b'e', 0x93, b'!', 0x94]);
        let project = import("page.htm", &undeclared).unwrap();
        assert_eq!(project.sections[0].text, "naïve“!”");

        // UTF-8 stays UTF-8, declared or not.
        let project = import(
            "page.html",
            "<meta charset=utf-8><p>Ça va – 4 000 €</p>".as_bytes(),
        )
        .unwrap();
        assert_eq!(project.sections[0].text, "Ça va – 4 000 €");
        assert!(matches!(
            import("page.html", b"<p>\0\0\0\x01\x02binary"),
            Err(ImportError::Binary { .. })
        ));
    }

    #[test]
    fn the_import_says_what_the_file_carried() {
        let mut project = import("story.md", b"Text.\n").unwrap();
        assert_eq!(what_the_file_carried(&project), "");
        project.draft.tracked_changes = vec![TrackedChanges {
            author: "eng-dept".to_owned(),
            insertions: 0,
            deletions: 1,
        }];
        assert_eq!(
            what_the_file_carried(&project),
            " 1 tracked change was pending (eng-dept: 1 deletion); accepted in this text, it is now a comment on its passage."
        );
        project.draft.tracked_changes.push(TrackedChanges {
            author: "Ana".to_owned(),
            insertions: 2,
            deletions: 1,
        });
        assert!(
            what_the_file_carried(&project)
                .contains("4 tracked changes were pending (eng-dept: 1 deletion; Ana: 2 insertions and 1 deletion); accepted in this text, each is"),
            "{}",
            what_the_file_carried(&project)
        );
    }

    #[test]
    fn passages_from_the_index_match_the_whole_text() {
        let text: String = (0..3000)
            .map(|i| {
                if i % 7 == 0 {
                    "e\u{301} ".to_owned()
                } else {
                    format!("w{i} ")
                }
            })
            .collect();
        let index = CharIndex::new(&text);
        let len = text.chars().count();
        for range in [
            0..5,
            1..2,
            1020..1030,
            2047..2049,
            5000..5100,
            len - 3..len,
            0..len,
        ] {
            assert_eq!(
                index.passage(range.clone()),
                Passage::from_section_text(&text, range.clone()).ok(),
                "{range:?}"
            );
        }
        assert_eq!(index.passage(len..len + 1), None);
        assert_eq!(index.passage(4..4), None);
    }

    #[test]
    fn a_note_marked_done_comes_in_resolved() {
        let sections = vec![Section::new(None, 1, &["Some text here.".to_owned()])];
        let created = Timestamp::from_second(1_700_000_000).unwrap();
        let mut note = OutlineNote {
            kind: crate::model::CommentOrigin::WordComment,
            section: 0,
            range: 0..4,
            author: "Ann".to_owned(),
            created: Some(created),
            body: "Fixed?".to_owned(),
            replies: Vec::new(),
            resolved: false,
        };
        let indexes = [CharIndex::new(&sections[0].text)];
        let open = comment_from_note(&sections, &indexes, &note, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(open.resolved, None);
        note.resolved = true;
        let done = comment_from_note(&sections, &indexes, &note, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(
            done.resolved,
            Some(Resolution {
                by: "Word (marked done)".to_owned(),
                at: created
            })
        );
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
