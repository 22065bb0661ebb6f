//! Which sections have conflicts a merge left, and which mark each conflict is about. The
//! outline marks those sections every frame; finding a mark by id scans the project's lists,
//! and a merged book has 10,000 marks and may have hundreds of conflicts, so the answer is
//! worked out once per change, beside the review's `MarkIndex`.

use std::collections::HashMap;

use crate::model::{ConflictTarget, Deleted, MarkId, Project, SectionId};

/// The review's conflicts by section.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConflictIndex {
    by_section: HashMap<SectionId, usize>,
}

impl ConflictIndex {
    /// One pass over the project's marks, and only when it has conflicts.
    pub fn of(project: &Project) -> Self {
        if project.conflicts.is_empty() {
            return Self::default();
        }
        let comments: HashMap<_, _> = project
            .comments
            .iter()
            .map(|comment| (&comment.id, &comment.section))
            .collect();
        let claims: HashMap<_, _> = project
            .claims
            .iter()
            .map(|claim| (&claim.id, &claim.section))
            .collect();
        let mut by_section: HashMap<SectionId, usize> = HashMap::new();
        for conflict in &project.conflicts {
            let section = match (&conflict.target, conflict_mark(&conflict.target)) {
                (ConflictTarget::SectionStatus(section), _) => Some(section),
                (_, Some(MarkId::Comment(id))) => comments.get(&id).copied(),
                (_, Some(MarkId::Claim(id))) => claims.get(&id).copied(),
                (_, None) => None,
            };
            if let Some(section) = section {
                *by_section.entry(section.clone()).or_default() += 1;
            }
        }
        Self { by_section }
    }

    /// How many conflicts are about `section` or a mark in it.
    pub fn in_section(&self, section: &SectionId) -> usize {
        self.by_section.get(section).copied().unwrap_or_default()
    }
}

/// The comment or claim a conflict is about; `None` for a section's status.
pub fn conflict_mark(target: &ConflictTarget) -> Option<MarkId> {
    match target {
        ConflictTarget::SectionStatus(_) => None,
        ConflictTarget::ClaimStatus(claim)
        | ConflictTarget::ClaimNote(claim)
        | ConflictTarget::ClaimDealtWith(claim)
        | ConflictTarget::Source { claim, .. }
        | ConflictTarget::ClaimPlacement(claim)
        | ConflictTarget::Record(Deleted::Claim(claim) | Deleted::Source { claim, .. }) => {
            Some(MarkId::Claim(claim.clone()))
        }
        ConflictTarget::CommentBody(comment)
        | ConflictTarget::CommentResolved(comment)
        | ConflictTarget::ReplyBody { comment, .. }
        | ConflictTarget::CommentPlacement(comment)
        | ConflictTarget::Record(Deleted::Comment(comment) | Deleted::Reply { comment, .. }) => {
            Some(MarkId::Comment(comment.clone()))
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::{ConflictIndex, conflict_mark};
    use crate::model::{
        Conflict, ConflictId, ConflictSide, ConflictTarget, ConflictValue, MarkId, ReviewStatus,
    };

    #[test]
    fn conflicts_are_counted_in_the_section_of_what_they_are_about() {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(ConflictIndex::of(&project), ConflictIndex::default());
        let comment = project.comments[0].clone();
        let side = |value| ConflictSide {
            from: "a copy".to_owned(),
            value,
            by: None,
        };
        let status = ConflictValue::SectionStatus(ReviewStatus::Approved);
        for target in [
            ConflictTarget::SectionStatus(comment.section.clone()),
            ConflictTarget::CommentBody(comment.id.clone()),
            ConflictTarget::SectionStatus(project.sections[2].id.clone()),
        ] {
            project.conflicts.push(Conflict {
                id: ConflictId::random(),
                target,
                base: None,
                ours: side(status.clone()),
                theirs: side(status.clone()),
                found: Timestamp::UNIX_EPOCH,
            });
        }
        let index = ConflictIndex::of(&project);
        assert_eq!(index.in_section(&comment.section), 2);
        assert_eq!(index.in_section(&project.sections[2].id), 1);
        assert_eq!(
            conflict_mark(&project.conflicts[1].target),
            Some(MarkId::Comment(comment.id))
        );
        assert_eq!(conflict_mark(&project.conflicts[0].target), None);
    }
}
