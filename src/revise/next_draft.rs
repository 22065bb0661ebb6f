//! Reading a file as the next draft of a review: the one path the desk (on a worker thread)
//! and `copydesk revise` both take from a file name to a revised project.

use std::path::Path;

use jiff::Timestamp;

use super::{ReviseOptions, Revised, revise};
use crate::import::{ImportError, import_file};
use crate::model::Project;
use crate::progress::Progress;

/// A revised draft read and its marks carried over, not yet applied to the review.
#[derive(Debug)]
pub enum NextDraft {
    /// The file holds the draft the review is already on (the same content): nothing to
    /// carry over.
    AlreadyOpen {
        file_name: String,
    },
    Revised(Box<Revised>),
}

/// Reads `path` as the next draft of `old` and carries every mark over. Touches nothing but
/// its arguments, so it can run on a worker thread; its two phases, reading and placing the
/// marks, are told to `progress`.
pub fn read_next_draft(
    old: &Project,
    path: &Path,
    progress: &Progress,
) -> Result<NextDraft, ImportError> {
    progress.begin_phase(0, 2, 0);
    let new_draft = import_file(path, Timestamp::now())?;
    if new_draft.draft.sha256 == old.draft.sha256 {
        return Ok(NextDraft::AlreadyOpen {
            file_name: new_draft.draft.file_name,
        });
    }
    progress.begin_phase(1, 2, 0);
    let revised = revise(old, new_draft, ReviseOptions::default());
    Ok(NextDraft::Revised(Box::new(revised)))
}
