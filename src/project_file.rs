//! The project file: the whole review, article text included, as readable RON.
//!
//! Reading is careful: files from older versions are upgraded step by step; a file from a
//! newer copydesk is read as far as this version understands it (the desk opens it
//! read-only, the command line refuses to write it back); syntax errors are reported with
//! line and column, size and nesting are limited, and the project is checked for dangling
//! references before anyone sees it. Writing the file safely is `storage`'s concern.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{
    Claim, Comment, Conflict, Dismissal, Draft, EarlierDraft, InvalidProject, Project, Reviewer,
    Section, Tombstone,
};

pub use migrations::name_reviewers_of_records;

/// The `format` field every project file carries.
pub const FORMAT_NAME: &str = "copydesk-project";
/// The format version this build writes, and the newest it fully understands.
///
/// Older files are brought up to it by the migration chain (`MIGRATIONS`), one step per
/// version; what each version added is told there and in docs/FORMAT.md. Files from a newer
/// version are read as far as this one understands them, to be opened read-only.
pub const FORMAT_VERSION: u32 = 6;
/// Who set a status, for statuses set before copydesk kept a history (format version 1).
pub const UNKNOWN_BEFORE_HISTORY: &str = "unknown (before history was kept)";
/// The usual file name ending of a project.
pub const PROJECT_EXTENSION: &str = ".copydesk.ron";
/// Project files larger than this are refused rather than read (a book with 10,000 marks is
/// ~10 MB).
pub const MAX_PROJECT_BYTES: u64 = 256 * 1024 * 1024;
/// How deeply a project file's RON may nest, as the RON reader counts levels (a struct, a
/// list and its items, `Some(…)`, a field's value each count); deeper is refused as "nested
/// too deeply". Reading recurses once per level, so without a limit a small hostile file
/// (`[[[[…`) would overflow the stack.
///
/// A real project nests at most 15 levels (an earlier draft's section's revision's list of
/// section ids, in a project on its third draft; 10 to 12 for the golden files, checked by a
/// unit test). The limit leaves room for deeper structures in later versions, whose files are
/// read as far as this version understands them, and stays far below what the stack takes,
/// even in a debug build.
pub const MAX_NESTING_DEPTH: usize = 64;

#[derive(Debug, Error)]
pub enum ProjectFileError {
    #[error("{path}: cannot read the file: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is too large to be a project ({size} bytes)")]
    TooLarge { path: PathBuf, size: u64 },
    #[error(
        "{path}:{line}:{column}: the project file is damaged: it is nested too deeply (more than {limit} levels)"
    )]
    TooDeep {
        path: PathBuf,
        line: usize,
        column: usize,
        limit: usize,
    },
    #[error("{path}: not a copydesk project, or a damaged one (it is not UTF-8 text)")]
    NotText { path: PathBuf },
    #[error("{path}:{line}:{column}: the project file is damaged: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: not a copydesk project (it has no `format: \"{FORMAT_NAME}\"` and `version`); an article must be imported first"
    )]
    NotAProject { path: PathBuf },
    #[error(
        "{path}: made by a newer copydesk (format version {found}; this copydesk reads up to version {supported}); update copydesk to open it"
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path}: the project file is inconsistent: {problem}")]
    Invalid {
        path: PathBuf,
        #[source]
        problem: InvalidProject,
    },
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    title: &'a str,
    draft: &'a Draft,
    sections: &'a [Section],
    comments: &'a [Comment],
    claims: &'a [Claim],
    #[serde(skip_serializing_if = "<[Dismissal]>::is_empty")]
    dismissed: &'a [Dismissal],
    #[serde(skip_serializing_if = "<[EarlierDraft]>::is_empty")]
    earlier_drafts: &'a [EarlierDraft],
    #[serde(skip_serializing_if = "<[Reviewer]>::is_empty")]
    reviewers: &'a [Reviewer],
    #[serde(skip_serializing_if = "<[Tombstone]>::is_empty")]
    deleted: &'a [Tombstone],
    #[serde(skip_serializing_if = "<[Conflict]>::is_empty")]
    conflicts: &'a [Conflict],
}

#[derive(Deserialize)]
struct FileIn {
    /// Empty when the file has no `format` field.
    #[serde(default)]
    format: String,
    /// 0 when the file has no `version` field (versions start at 1).
    #[serde(default)]
    version: u32,
    title: String,
    draft: Draft,
    sections: Vec<Section>,
    #[serde(default)]
    comments: Vec<Comment>,
    #[serde(default)]
    claims: Vec<Claim>,
    #[serde(default)]
    dismissed: Vec<Dismissal>,
    #[serde(default)]
    earlier_drafts: Vec<EarlierDraft>,
    #[serde(default)]
    reviewers: Vec<Reviewer>,
    #[serde(default)]
    deleted: Vec<Tombstone>,
    #[serde(default)]
    conflicts: Vec<Conflict>,
}

/// The two fields read before anything else, to decide whether and how to read the rest.
#[derive(Deserialize)]
struct Header {
    /// Empty when the file has no `format` field.
    #[serde(default)]
    format: String,
    /// 0 when the file has no `version` field (versions start at 1).
    #[serde(default)]
    version: u32,
}

/// The project as the text of a project file.
pub fn ron_from_project(project: &Project) -> Result<String, ron::Error> {
    let file = FileOut {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        title: &project.title,
        draft: &project.draft,
        sections: &project.sections,
        comments: &project.comments,
        claims: &project.claims,
        dismissed: &project.dismissed,
        earlier_drafts: &project.earlier_drafts,
        reviewers: &project.reviewers,
        deleted: &project.deleted,
        conflicts: &project.conflicts,
    };
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(false)
        .compact_arrays(false)
        .escape_strings(false);
    let body = ron::ser::to_string_pretty(&file, config)?;
    Ok(format!(
        "// copydesk project, format version {FORMAT_VERSION}; see docs/FORMAT.md\n{body}\n"
    ))
}

/// A project as read from its file, and the format version it was written in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadProject {
    pub project: Project,
    /// The file's `version`: at most [`FORMAT_VERSION`] unless the file is from a newer
    /// copydesk.
    pub version: u32,
}

impl ReadProject {
    /// Whether the file was written by a newer copydesk: the project holds what this version
    /// understands of it, and saving it would lose the rest, so it is to be opened read-only.
    pub fn is_from_newer_version(&self) -> bool {
        self.version > FORMAT_VERSION
    }

    /// Whether the file was written in an older format version: saving it writes the current
    /// one, which the copydesk that wrote it may not read.
    pub fn is_from_older_version(&self) -> bool {
        self.version < FORMAT_VERSION
    }
}

/// Reads a project from a file's bytes (UTF-8, a byte-order mark tolerated); `path` names it in
/// errors.
///
/// A file from a NEWER version is read as far as this version understands it (unknown fields
/// ignored) and returned with its version, so the caller can open it read-only; only when even
/// that fails is it [`ProjectFileError::NewerVersion`]. A file from an older version is brought
/// up to the current one by the migration chain.
pub fn read_project_bytes(path: &Path, bytes: &[u8]) -> Result<ReadProject, ProjectFileError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_PROJECT_BYTES {
        return Err(ProjectFileError::TooLarge {
            path: path.to_owned(),
            size,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ProjectFileError::NotText {
        path: path.to_owned(),
    })?;
    // Some editors put a byte-order mark in front of UTF-8; RON does not expect one.
    read_project_text(path, text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Reads a project file, as [`read_project_bytes`] does: a file from a newer version comes back
/// read as far as this version understands it, for the caller to open read-only.
pub fn read_project(path: &Path) -> Result<ReadProject, ProjectFileError> {
    read_project_bytes(path, &project_file_bytes(path)?)
}

/// The bytes of a project file, refusing one larger than [`MAX_PROJECT_BYTES`] before reading
/// it (and never reading more than one byte past the limit, whatever its size said).
pub fn project_file_bytes(path: &Path) -> Result<Vec<u8>, ProjectFileError> {
    let read_error = |source| ProjectFileError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_PROJECT_BYTES {
        return Err(ProjectFileError::TooLarge {
            path: path.to_owned(),
            size,
        });
    }
    // The size on disk may be wrong (a device, a pipe, a file still growing).
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, MAX_PROJECT_BYTES + 1),
        &mut bytes,
    )
    .map_err(read_error)?;
    Ok(bytes)
}

/// Reads a project from the text of a project file; `path` names it in errors. A file from a
/// newer version is refused ([`ProjectFileError::NewerVersion`]): what is written back must
/// not lose what this version does not understand.
pub fn project_from_ron(path: &Path, text: &str) -> Result<Project, ProjectFileError> {
    current_or_older(path, read_project_bytes(path, text.as_bytes())?)
}

/// Loads a project file to work on: like [`project_from_ron`], a file from a newer version is
/// refused ([`ProjectFileError::NewerVersion`]), so the commands that write never save over
/// it. To open such a file read-only, use [`read_project`].
pub fn load_project(path: &Path) -> Result<Project, ProjectFileError> {
    current_or_older(path, read_project(path)?)
}

/// The project, unless its file is from a newer version.
fn current_or_older(path: &Path, read: ReadProject) -> Result<Project, ProjectFileError> {
    if read.is_from_newer_version() {
        return Err(ProjectFileError::NewerVersion {
            path: path.to_owned(),
            found: read.version,
            supported: FORMAT_VERSION,
        });
    }
    Ok(read.project)
}

/// Reads a project from the text of a project file, byte-order mark removed.
fn read_project_text(path: &Path, text: &str) -> Result<ReadProject, ProjectFileError> {
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING_DEPTH);
    let newer = |found| ProjectFileError::NewerVersion {
        path: path.to_owned(),
        found,
        supported: FORMAT_VERSION,
    };
    // A file that does not even name the format is something else (an article, another
    // program's RON): say so, rather than report where it stops looking like a project.
    if !text.contains(FORMAT_NAME) {
        return Err(ProjectFileError::NotAProject {
            path: path.to_owned(),
        });
    }
    // One pass over the text: a book's file is ~10 MB, and reading it twice (the header for
    // the version, then the whole) doubled the time to open it. The header is read on its own
    // only to explain a file that does not read.
    let file: FileIn = match options.from_str(text) {
        Ok(file) => file,
        Err(error) => return Err(unreadable(path, text, &options, &error)),
    };
    if file.format != FORMAT_NAME || file.version == 0 {
        return Err(ProjectFileError::NotAProject {
            path: path.to_owned(),
        });
    }
    let version = file.version;
    let from_newer = version > FORMAT_VERSION;
    let mut project = Project {
        title: file.title,
        draft: file.draft,
        sections: file.sections,
        comments: file.comments,
        claims: file.claims,
        dismissed: file.dismissed,
        earlier_drafts: file.earlier_drafts,
        reviewers: file.reviewers,
        deleted: file.deleted,
        conflicts: file.conflicts,
    };
    migrations::migrate(&mut project, version);
    project.validate().map_err(|problem| {
        // A newer version may allow what this one does not (a new kind of passage, say): its
        // file is not damaged, only beyond this version.
        if from_newer {
            newer(version)
        } else {
            ProjectFileError::Invalid {
                path: path.to_owned(),
                problem,
            }
        }
    })?;
    Ok(ReadProject { project, version })
}

/// Why a project file did not read as a project: not one at all, one from a newer copydesk
/// (which may write what this one cannot parse: say so, not "damaged"), or a damaged one.
/// A newer file is read as far as this version understands it (serde skips the fields it does
/// not know, as no struct here denies unknown fields), but a value it cannot take (an unknown
/// enum variant, a field whose type changed) fails the whole read.
fn unreadable(
    path: &Path,
    text: &str,
    options: &ron::Options,
    error: &ron::error::SpannedError,
) -> ProjectFileError {
    let newer = |found| ProjectFileError::NewerVersion {
        path: path.to_owned(),
        found,
        supported: FORMAT_VERSION,
    };
    match options.from_str::<Header>(text) {
        Err(header_error) => match version_written_in(text) {
            // Too deep is too deep: no copydesk writes such a file, whatever it claims.
            Some(found) if found > FORMAT_VERSION && !is_too_deep(&header_error) => newer(found),
            _ => parse_error(path, &header_error),
        },
        Ok(header) if header.format != FORMAT_NAME || header.version == 0 => {
            ProjectFileError::NotAProject {
                path: path.to_owned(),
            }
        }
        Ok(header) if header.version > FORMAT_VERSION && !is_too_deep(error) => {
            newer(header.version)
        }
        Ok(_) => parse_error(path, error),
    }
}

fn is_too_deep(error: &ron::error::SpannedError) -> bool {
    error.code == ron::Error::ExceededRecursionLimit
}

/// The error for RON that does not parse (or does not fit the model), where it happened.
fn parse_error(path: &Path, error: &ron::error::SpannedError) -> ProjectFileError {
    if is_too_deep(error) {
        return ProjectFileError::TooDeep {
            path: path.to_owned(),
            line: error.span.start.line,
            column: error.span.start.col,
            limit: MAX_NESTING_DEPTH,
        };
    }
    ProjectFileError::Syntax {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    }
}

/// One step of the migration chain: brings a project read from a file of one format version
/// up to the next.
///
/// Every version so far only added fields, each with a default, so an older file deserialises
/// into the current model as it is and the steps work on the [`Project`]; a step fills in what
/// the older version could not say. A version that renames or restructures a field would need
/// its step to work on the file's RON before the model sees it.
/// The `version: N` line near the top of a project file, read as text: a last resort for a
/// file whose RON this version cannot parse.
fn version_written_in(text: &str) -> Option<u32> {
    text.lines().take(10).find_map(|line| {
        let value = line.trim().strip_prefix("version:")?;
        value.trim().trim_end_matches(',').trim().parse().ok()
    })
}

mod migrations;
#[cfg(test)]
mod tests;

/// The project file name offered for an article: `story.txt` → `story.copydesk.ron`.
pub fn project_path_for_article(article: &Path) -> PathBuf {
    let stem = article
        .file_stem()
        .map_or_else(|| "review".to_owned(), |s| s.to_string_lossy().into_owned());
    article.with_file_name(format!("{stem}{PROJECT_EXTENSION}"))
}

/// Whether a path names a project file rather than an article (by its name, then by its
/// first bytes).
pub fn is_project_path(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(".ron") {
        return true;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(512);
    let _ = std::io::Read::read_to_end(&mut std::io::Read::take(file, 512), &mut head);
    String::from_utf8_lossy(&head).contains(&format!("format: \"{FORMAT_NAME}\""))
}
