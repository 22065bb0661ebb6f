//! What a revision did, in numbers and in a sentence: the message a user sees after
//! importing the next draft, and the first lines `copydesk revise` prints.

use std::fmt;

use super::sections::SectionMatch;
use crate::model::{AnchorState, Project, Section, SectionRevision};

/// How many marks ended up in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MarkCounts {
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: usize,
    pub orphaned: usize,
}

impl MarkCounts {
    pub(super) fn count(&mut self, state: AnchorState) {
        match state {
            AnchorState::Exact | AnchorState::Confirmed | AnchorState::Reattached => {
                self.exact += 1;
            }
            AnchorState::Moved => self.moved += 1,
            AnchorState::Fuzzy => self.fuzzy += 1,
            AnchorState::Orphaned => self.orphaned += 1,
            // Settled by a person in an earlier revision: nothing to report again.
            AnchorState::Removed => {}
        }
    }

    pub fn total(&self) -> usize {
        self.exact + self.moved + self.fuzzy + self.orphaned
    }
}

/// What a revision did, for the message the user sees.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RevisionSummary {
    pub draft: u32,
    pub file_name: String,
    pub sections: usize,
    pub unchanged: usize,
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
    pub renamed: usize,
    pub split: usize,
    pub merged: usize,
    /// Titles of approved sections whose text changed (sent back to review).
    pub changed_since_approval: Vec<String>,
    pub marks: MarkCounts,
    /// Whether a bound cut the work short (more marks fuzzy or orphaned than needed).
    pub cut_short: bool,
}

pub(super) fn summary_of(
    old: &Project,
    new: &Project,
    new_sections: &[Section],
    matched: &SectionMatch,
    marks: MarkCounts,
    cut_short: bool,
) -> RevisionSummary {
    let revisions = || new_sections.iter().filter_map(|s| s.revision.as_ref());
    let old_count = old.sections.len();
    RevisionSummary {
        draft: old.draft.number + 1,
        file_name: new.draft.file_name.clone(),
        sections: new_sections.len(),
        unchanged: revisions()
            .filter(|r| !r.text_changed && !r.is_new())
            .count(),
        changed: revisions()
            .filter(|r| r.text_changed && !r.is_new())
            .count(),
        added: revisions().filter(|r| r.is_new()).count(),
        removed: matched.removed().len(),
        renamed: revisions().filter(|r| r.heading_before.is_some()).count(),
        split: (0..old_count)
            .filter(|&s| matched.continuations_of(s).len() > 1)
            .count(),
        merged: matched.from.iter().filter(|f| f.len() > 1).count(),
        changed_since_approval: new_sections
            .iter()
            .filter(|s| {
                s.revision
                    .as_ref()
                    .is_some_and(SectionRevision::changed_since_approval)
            })
            .map(|s| s.title().to_owned())
            .collect(),
        marks,
        cut_short,
    }
}

impl fmt::Display for RevisionSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "Draft {} ({}): {}",
            self.draft,
            self.file_name,
            plural(self.sections, "section", "sections")
        )?;
        let changes: Vec<String> = [
            (self.changed, "changed"),
            (self.added, "added"),
            (self.removed, "removed"),
            (self.renamed, "renamed"),
            (self.split, "split"),
            (self.merged, "merged"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if changes.is_empty() {
            write!(f, ", none changed")?;
        } else {
            write!(f, " ({})", changes.join(", "))?;
        }
        let marks = self.marks;
        write!(
            f,
            "; {}: {} exact, {} moved, {} fuzzy, {} orphaned",
            plural(marks.total(), "mark", "marks"),
            marks.exact,
            marks.moved,
            marks.fuzzy,
            marks.orphaned
        )?;
        if !self.changed_since_approval.is_empty() {
            write!(
                f,
                "; changed since approval: {}",
                self.changed_since_approval.join(", ")
            )?;
        }
        if self.cut_short {
            write!(
                f,
                " (the drafts differ so much that the comparison was cut short: check the fuzzy and orphaned marks)"
            )?;
        }
        Ok(())
    }
}
