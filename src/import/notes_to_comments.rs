//! The notes an outline carried (a Word file's comments and tracked changes) turned into the
//! project's comments on their passages, the tally of tracked changes by author, and the
//! message saying what the file brought besides its text.

use jiff::Timestamp;

use super::OutlineNote;
use crate::model::{
    Comment, Passage, Project, Reply, Resolution, Reviewer, Section, TrackedChanges,
};

/// The notes as comments, each on its passage in its section.
pub(super) fn comments_from_notes(
    sections: &[Section],
    notes: &[OutlineNote],
    now: Timestamp,
) -> Vec<Comment> {
    let indexes: Vec<CharIndex<'_>> = sections.iter().map(|s| CharIndex::new(&s.text)).collect();
    notes
        .iter()
        .filter_map(|note| comment_from_note(sections, &indexes, note, now))
        .collect()
}

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

/// A note the file carried, as a comment on its passage (or on its whole section when the
/// passage is empty or only white space, as for a deletion at the end of a paragraph).
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
    // Word knows its authors by name only: the same name is the same reviewer.
    let mut comment = Comment::new(
        section.id.clone(),
        passage,
        &Reviewer::named(author),
        created,
    );
    comment.body.clone_from(&note.body);
    comment.origin = Some(note.kind);
    comment.replies = note
        .replies
        .iter()
        .map(|reply| {
            Reply::new(
                &Reviewer::named(&reply.author),
                reply.created.unwrap_or(created),
                &reply.body,
            )
        })
        .collect();
    if note.resolved {
        comment.resolved = Some(Resolution::new(
            &Reviewer::named("Word (marked done)"),
            created,
        ));
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
pub(super) fn tracked_changes_by_author(notes: &[OutlineNote]) -> Vec<TrackedChanges> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::tests::import;

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
                by_id: Reviewer::named("Word (marked done)").id,
                by: "Word (marked done)".to_owned(),
                at: created
            })
        );
    }
}
