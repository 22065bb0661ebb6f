//! What a merge did, counted for the message people read after it: how much came from each
//! side, what was added and deleted, the conflicts left to settle, and whether one side was
//! carried to the other's draft first.

use std::fmt;

use crate::text::counted;

use super::drafts::CarriedOver;

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// How the two sides are named (`MergeInput::ours_from`, `theirs_from`).
    pub ours_from: String,
    pub theirs_from: String,
    /// Fields only ours changed (a status, a text, a place), taken.
    pub from_ours: usize,
    /// Fields only theirs changed, taken.
    pub from_theirs: usize,
    /// Comments, replies, claims and sources only one side has, kept.
    pub added: usize,
    /// Comments, replies, claims and sources one side deleted and the other left alone.
    pub deleted: usize,
    /// Conflicts this merge found.
    pub conflicts: usize,
    /// Conflicts the files already held, still open.
    pub earlier_conflicts_open: usize,
    /// Conflicts the files held that one side had resolved.
    pub earlier_conflicts_settled: usize,
    /// The side carried to the other's draft before merging, if one was.
    pub carried_over: Option<CarriedOver>,
}

impl MergeSummary {
    /// Whether the merge changed nothing of ours.
    pub fn took_nothing_new(&self) -> bool {
        self.from_theirs == 0
            && self.added == 0
            && self.deleted == 0
            && self.conflicts == 0
            && self.earlier_conflicts_settled == 0
            && self.carried_over.is_none()
    }
}

impl fmt::Display for MergeSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(carried) = &self.carried_over {
            write!(
                f,
                "{} was on an earlier draft ({}) and was carried over to {} first. ",
                carried.review, carried.from_draft, carried.to_draft
            )?;
        }
        write!(
            f,
            "Took {} from {} and {} from {}",
            counted(self.from_ours, "change", "changes"),
            self.ours_from,
            self.from_theirs,
            self.theirs_from
        )?;
        if self.added > 0 || self.deleted > 0 {
            write!(
                f,
                "; {} added and {} deleted on one side",
                counted(
                    self.added,
                    "comment, reply, claim or source",
                    "comments, replies, claims or sources"
                ),
                self.deleted
            )?;
        }
        if self.earlier_conflicts_settled > 0 {
            write!(
                f,
                "; {} settled",
                counted(
                    self.earlier_conflicts_settled,
                    "earlier conflict",
                    "earlier conflicts"
                )
            )?;
        }
        write!(f, ". ")?;
        let open = self.conflicts + self.earlier_conflicts_open;
        match (self.conflicts, self.earlier_conflicts_open) {
            (0, 0) => write!(f, "No conflicts."),
            (found, 0) => write!(f, "{} to settle.", counted(found, "conflict", "conflicts")),
            (found, earlier) => write!(
                f,
                "{} to settle ({found} new, {earlier} from before).",
                counted(open, "conflict", "conflicts")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_what_came_from_where_in_a_sentence_or_two() {
        let summary = MergeSummary {
            ours_from: "editor.copydesk.ron".to_owned(),
            theirs_from: "checker.copydesk.ron".to_owned(),
            from_ours: 3,
            from_theirs: 1,
            added: 2,
            deleted: 1,
            conflicts: 1,
            ..MergeSummary::default()
        };
        assert_eq!(
            summary.to_string(),
            "Took 3 changes from editor.copydesk.ron and 1 from checker.copydesk.ron; 2 comments, replies, claims or sources added and 1 deleted on one side. 1 conflict to settle."
        );
        let carried = MergeSummary {
            carried_over: Some(CarriedOver {
                review: "checker.copydesk.ron".to_owned(),
                from_draft: "draft.txt".to_owned(),
                to_draft: "draft-2.txt".to_owned(),
            }),
            conflicts: 0,
            added: 0,
            deleted: 0,
            ..summary
        };
        assert_eq!(
            carried.to_string(),
            "checker.copydesk.ron was on an earlier draft (draft.txt) and was carried over to draft-2.txt first. Took 3 changes from editor.copydesk.ron and 1 from checker.copydesk.ron. No conflicts."
        );
    }
}
