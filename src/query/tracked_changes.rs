//! The tracked changes a redlined Word draft brought in, as a reviewer works through them:
//! grouped by author in reading order, what each changed, how many nobody has looked at yet,
//! and the edit that acknowledges one change, one author's or all of them as one undoable
//! step.
//!
//! Import keeps each change as a comment on its passage (`origin` a tracked insertion or
//! deletion, dated as Word dated the change); acknowledging one is resolving that comment,
//! so it goes through the edit stream like every other decision, and merges and undoes as
//! one.

use std::collections::HashMap;

use crate::edit::Edit;
use crate::import::docx::change_from_note_body;
use crate::model::{Comment, CommentId, Project, Resolution, ReviewerId, SectionId};
use crate::text::counted;

/// Which tracked changes to acknowledge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeScope {
    One(CommentId),
    /// Every change by one author.
    By(ReviewerId),
    All,
}

/// One author's tracked changes, in reading order.
#[derive(Debug)]
pub struct ChangesBy<'a> {
    pub author: &'a str,
    pub author_id: &'a ReviewerId,
    pub changes: Vec<&'a Comment>,
}

impl ChangesBy<'_> {
    /// How many of them nobody has acknowledged yet.
    pub fn unreviewed(&self) -> usize {
        self.changes.iter().filter(|c| c.is_open()).count()
    }
}

/// What a change did, as its note says it: "Inserted “two exciting”", "Deleted “a word”".
pub fn what_changed(change: &Comment) -> &str {
    change_from_note_body(change.body.trim())
}

/// Every tracked change, grouped by author (in the order their first change comes in the
/// text), each group in reading order.
pub fn changes_by_author(project: &Project) -> Vec<ChangesBy<'_>> {
    let mut changes: Vec<&Comment> = project
        .comments
        .iter()
        .filter(|c| c.is_tracked_change())
        .collect();
    let sections = section_positions(project);
    changes.sort_by_key(|change| reading_position(&sections, change));
    let mut groups: Vec<ChangesBy<'_>> = Vec::new();
    // Where each author's group is (a long draft may have many authors).
    let mut group_of: HashMap<&ReviewerId, usize> = HashMap::new();
    for change in changes {
        match group_of
            .get(&change.author_id)
            .and_then(|&at| groups.get_mut(at))
        {
            Some(group) => group.changes.push(change),
            None => {
                group_of.insert(&change.author_id, groups.len());
                groups.push(ChangesBy {
                    author: &change.author,
                    author_id: &change.author_id,
                    changes: vec![change],
                });
            }
        }
    }
    groups
}

/// How many tracked changes nobody has acknowledged yet.
pub fn unreviewed_changes(project: &Project) -> usize {
    project
        .comments
        .iter()
        .filter(|c| c.is_tracked_change() && c.is_open())
        .count()
}

/// The one edit that acknowledges the changes in `scope` not yet acknowledged, stamped with
/// who did it and when; `None` when there is none.
pub fn acknowledge_edit(
    project: &Project,
    scope: &ChangeScope,
    resolution: &Resolution,
) -> Option<Edit> {
    let in_scope = |change: &&Comment| match scope {
        ChangeScope::One(id) => &change.id == id,
        ChangeScope::By(author) => &change.author_id == author,
        ChangeScope::All => true,
    };
    let changes: Vec<&Comment> = project
        .comments
        .iter()
        .filter(|c| c.is_tracked_change() && c.is_open())
        .filter(in_scope)
        .collect();
    let first = changes.first()?;
    let count = counted(changes.len(), "tracked change", "tracked changes");
    let label = match scope {
        ChangeScope::By(_) => format!("acknowledge {count} by {}", first.author),
        ChangeScope::One(_) | ChangeScope::All => format!("acknowledge {count}"),
    };
    let edits = changes
        .iter()
        .map(|change| Edit::SetCommentResolved {
            id: change.id.clone(),
            resolved: Some(resolution.clone()),
        })
        .collect();
    Some(Edit::Batch { label, edits })
}

/// Each section's place in the article, looked up once rather than once per comment.
pub(super) fn section_positions(project: &Project) -> HashMap<&SectionId, usize> {
    project
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| (&section.id, index))
        .collect()
}

/// Where a comment comes in reading order: its section, then where its passage starts (a
/// comment on the whole section first).
pub(super) fn reading_position(
    sections: &HashMap<&SectionId, usize>,
    comment: &Comment,
) -> (usize, usize) {
    (
        sections
            .get(&comment.section)
            .copied()
            .unwrap_or(usize::MAX),
        comment.passage.as_ref().map_or(0, |p| p.start),
    )
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::{CommentOrigin, Passage, Reviewer, Stamp};

    /// The sample with four tracked changes (Bea: an insertion in section 1, a deletion in
    /// section 0 at 20; Cal: an insertion in section 0 at 5, already acknowledged) and a
    /// comment typed in copydesk.
    fn project_with_changes() -> Project {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        project.comments.clear();
        let change = |section: usize, start: usize, author: &str, origin, body: &str| {
            let section = &project.sections[section];
            let passage = Passage::from_section_text(&section.text, start..start + 4).unwrap();
            let mut comment = Comment::new(
                section.id.clone(),
                Some(passage),
                &Reviewer::named(author),
                Timestamp::UNIX_EPOCH,
            );
            comment.origin = origin;
            comment.body = format!("{body} (tracked change, accepted on import)");
            comment
        };
        let mut acknowledged = change(
            0,
            5,
            "Cal",
            Some(CommentOrigin::TrackedInsertion),
            "Inserted “abcd”",
        );
        acknowledged.resolved = Some(Stamp::new(&Reviewer::named("Ana"), Timestamp::UNIX_EPOCH));
        project.comments = vec![
            change(
                1,
                10,
                "Bea",
                Some(CommentOrigin::TrackedInsertion),
                "Inserted “efgh”",
            ),
            change(
                0,
                20,
                "Bea",
                Some(CommentOrigin::TrackedDeletion),
                "Deleted “gone”",
            ),
            acknowledged,
            change(0, 30, "Ana", None, "A remark"),
        ];
        project
    }

    #[test]
    fn changes_are_grouped_by_author_in_reading_order() {
        let project = project_with_changes();
        let groups = changes_by_author(&project);
        let shown: Vec<(&str, Vec<&str>, usize)> = groups
            .iter()
            .map(|g| {
                let what = g.changes.iter().map(|c| what_changed(c)).collect();
                (g.author, what, g.unreviewed())
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("Cal", vec!["Inserted “abcd”"], 0),
                ("Bea", vec!["Deleted “gone”", "Inserted “efgh”"], 2),
            ]
        );
        assert_eq!(unreviewed_changes(&project), 2);
    }

    #[test]
    fn acknowledging_is_one_edit_over_the_changes_still_open() {
        let mut project = project_with_changes();
        let stamp = Stamp::new(&Reviewer::named("Ana"), Timestamp::UNIX_EPOCH);
        let one = project.comments[1].id.clone();
        let Some(Edit::Batch { label, edits }) =
            acknowledge_edit(&project, &ChangeScope::One(one), &stamp)
        else {
            panic!("an edit");
        };
        assert_eq!(label, "acknowledge 1 tracked change");
        assert_eq!(edits.len(), 1);
        let bea = Reviewer::named("Bea").id;
        let by_bea = acknowledge_edit(&project, &ChangeScope::By(bea), &stamp).unwrap();
        assert_eq!(
            by_bea.describe(&project),
            "acknowledge 2 tracked changes by Bea"
        );
        by_bea.apply(&mut project).unwrap();
        assert_eq!(unreviewed_changes(&project), 0);
        assert!(
            project.comments[3].is_open(),
            "a typed comment is no change"
        );
        assert_eq!(acknowledge_edit(&project, &ChangeScope::All, &stamp), None);
    }
}
