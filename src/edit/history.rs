//! What the undo history needs to know about an edit before applying it: which text field it
//! types into (consecutive keystrokes in one field fold into one undo step, a word at a
//! time), and whether it would change nothing (then it is no step at all).
//!
//! Both are answered from the edit and the project as they are, so
//! [`crate::document::Document`] never has to keep a copy of an edit to compare with: for a
//! revised draft that copy would be a whole book.

use crate::model::{ClaimId, CommentId, MarkId, Project, ReplyId};

use super::Edit;

/// A text field that is typed into one keystroke at a time, each keystroke an edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextField {
    CommentBody(CommentId),
    ReplyBody { comment: CommentId, reply: ReplyId },
    ClaimNote(ClaimId),
    Source { claim: ClaimId, index: usize },
}

impl Edit {
    /// The text field this edit sets, if it is one typed into key by key.
    pub fn text_field(&self) -> Option<TextField> {
        match self {
            Self::SetCommentBody { id, .. } => Some(TextField::CommentBody(id.clone())),
            Self::SetReplyBody { comment, reply, .. } => Some(TextField::ReplyBody {
                comment: comment.clone(),
                reply: reply.clone(),
            }),
            Self::SetClaimNote { id, .. } => Some(TextField::ClaimNote(id.clone())),
            Self::SetSource { claim, index, .. } => Some(TextField::Source {
                claim: claim.clone(),
                index: *index,
            }),
            _ => None,
        }
    }

    /// Whether this edit, following `earlier`, continues the same change (typing in the
    /// same field) and should be undone together with it.
    pub fn continues(&self, earlier: &Self) -> bool {
        self.text_field()
            .is_some_and(|field| earlier.text_field() == Some(field))
    }

    /// Whether this keystroke, applied to `project`, begins a new word in its field: what it
    /// adds starts with something other than white space, right after white space. Typing is
    /// undone a word at a time, so a new word starts a new undo step.
    pub fn starts_a_word_in(&self, project: &Project) -> bool {
        self.typed_text(project)
            .is_some_and(|(before, after)| begins_a_word(before, after))
    }

    /// The text a keystroke changes, as it is in `project` and as the edit leaves it (for a
    /// source, the first of its address, title and note that differs).
    fn typed_text<'a>(&'a self, project: &'a Project) -> Option<(&'a str, &'a str)> {
        match self {
            Self::SetCommentBody { id, body } => project
                .comment(id)
                .map(|c| (c.body.as_str(), body.as_str())),
            Self::SetReplyBody {
                comment,
                reply,
                body,
            } => project
                .comment(comment)
                .and_then(|c| c.replies.iter().find(|r| r.id == *reply))
                .map(|r| (r.body.as_str(), body.as_str())),
            Self::SetClaimNote { id, note } => {
                project.claim(id).map(|c| (c.note.as_str(), note.as_str()))
            }
            Self::SetSource {
                claim,
                index,
                source,
            } => {
                let before = project.claim(claim)?.sources.get(*index)?;
                [
                    (&before.url, &source.url),
                    (&before.title, &source.title),
                    (&before.note, &source.note),
                ]
                .into_iter()
                .find(|(before, after)| before != after)
                .map(|(before, after)| (before.as_str(), after.as_str()))
            }
            _ => None,
        }
    }

    /// Whether applying the edit to `project` would leave it as it is: a field set to the
    /// value it has, a draft (or a merge) replaced by an equal one, or a batch of such edits.
    ///
    /// An edit that fails changes nothing too, but it is not answered here: it is refused
    /// when applied. A batch that changes something and then changes it back is counted as a
    /// change: telling would take a copy of the project, and undoing it is harmless.
    pub fn changes_nothing_in(&self, project: &Project) -> bool {
        match self {
            Self::SetSectionStatus {
                section,
                status,
                set,
            } => project
                .section(section)
                .is_some_and(|s| s.status == *status && s.status_set == *set),
            Self::SetCommentBody { id, body } => {
                project.comment(id).is_some_and(|c| c.body == *body)
            }
            Self::SetCommentResolved { id, resolved } => {
                project.comment(id).is_some_and(|c| c.resolved == *resolved)
            }
            Self::SetReplyBody {
                comment,
                reply,
                body,
            } => project
                .comment(comment)
                .and_then(|c| c.replies.iter().find(|r| r.id == *reply))
                .is_some_and(|r| r.body == *body),
            Self::SetClaimStatus { id, status } => {
                project.claim(id).is_some_and(|c| c.status == *status)
            }
            Self::SetClaimNote { id, note } => project.claim(id).is_some_and(|c| c.note == *note),
            Self::SetClaimDealtWith { id, dealt_with } => project
                .claim(id)
                .is_some_and(|c| c.dealt_with == *dealt_with),
            Self::SetSource {
                claim,
                index,
                source,
            } => project
                .claim(claim)
                .and_then(|c| c.sources.get(*index))
                .is_some_and(|s| s == source),
            Self::SetPlacement {
                mark,
                section,
                passage,
                carried,
            } => match mark {
                MarkId::Comment(id) => project.comment(id).is_some_and(|c| {
                    c.section == *section
                        && c.passage == *passage
                        && c.carried.as_ref() == carried.as_deref()
                }),
                MarkId::Claim(id) => project.claim(id).is_some_and(|c| {
                    c.section == *section
                        && passage.as_ref() == Some(&c.passage)
                        && c.carried.as_ref() == carried.as_deref()
                }),
            },
            // Compared, never copied; a revised draft differs in its draft number at once.
            Self::Revise { project: revised } => **revised == *project,
            Self::Merge {
                project: merged, ..
            } => **merged == *project,
            // If each edit changes nothing, each meets the project as it was.
            Self::Batch { edits, .. } => edits.iter().all(|edit| edit.changes_nothing_in(project)),
            Self::AddComment { .. }
            | Self::RemoveComment { .. }
            | Self::AddReply { .. }
            | Self::RemoveReply { .. }
            | Self::AddClaim { .. }
            | Self::RemoveClaim { .. }
            | Self::RecordStatusChange { .. }
            | Self::ForgetStatusChange { .. }
            | Self::AddSource { .. }
            | Self::RemoveSource { .. }
            | Self::Dismiss { .. }
            | Self::Undismiss { .. }
            | Self::ForgetReviewer { .. }
            | Self::AddConflict { .. }
            | Self::RemoveConflict { .. } => false,
            Self::NoteReviewer { reviewer } => project.reviewers.contains(reviewer),
        }
    }
}

/// Whether going from `before` to `after` adds text that begins a word: the text added
/// (found between the parts both share at the start and at the end) starts with something
/// other than white space, and what precedes it is white space.
fn begins_a_word(before: &str, after: &str) -> bool {
    let before: Vec<char> = before.chars().collect();
    let after: Vec<char> = after.chars().collect();
    let shared_start = before
        .iter()
        .zip(&after)
        .take_while(|(a, b)| a == b)
        .count();
    let shared_end = before[shared_start..]
        .iter()
        .rev()
        .zip(after[shared_start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let added = &after[shared_start..after.len() - shared_end];
    let preceding = shared_start.checked_sub(1).map(|index| before[index]);
    added.first().is_some_and(|first| !first.is_whitespace())
        && preceding.is_some_and(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::begins_a_word;

    #[test]
    fn a_word_begins_after_white_space() {
        assert!(begins_a_word("Which ", "Which f"));
        assert!(begins_a_word("Which\n", "Which\nf"));
        // Inside a word, at the very start, and white space itself continue the step.
        assert!(!begins_a_word("Whic", "Which"));
        assert!(!begins_a_word("", "W"));
        assert!(!begins_a_word("Which", "Which "));
        // Deleting never begins a word.
        assert!(!begins_a_word("Which f", "Which "));
        // A word typed in the middle of the text, and a paste of several.
        assert!(begins_a_word("Cite figure", "Cite the figure"));
        assert!(begins_a_word("Cite ", "Cite the figure."));
        // The same letter twice: where it was added is ambiguous, not the answer.
        assert!(!begins_a_word("see", "seee"));
    }
}
