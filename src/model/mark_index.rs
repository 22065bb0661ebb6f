//! Which marks belong to which section, and how many are open, counted once per change.
//!
//! The desk asks these questions every frame (the outline's counts, the cards of the current
//! section, the progress bar); scanning 10,000 marks for each of them made every frame of a
//! book cost milliseconds. The index is built once after each edit and answers by lookup.

use std::collections::HashMap;

use super::{Claim, Comment, Project, ReviewProgress, ReviewStatus, SectionId};

/// The marks of one section, as positions in the project's lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectionMarks {
    pub comments: Vec<usize>,
    pub claims: Vec<usize>,
    pub open_comments: usize,
    pub open_claims: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkIndex {
    by_section: HashMap<SectionId, SectionMarks>,
    progress: ReviewProgress,
    needing_attention: usize,
}

impl MarkIndex {
    /// One pass over the project's marks.
    pub fn of(project: &Project) -> Self {
        let position: HashMap<&SectionId, usize> = project
            .sections
            .iter()
            .enumerate()
            .map(|(index, section)| (&section.id, index))
            .collect();
        let mut sections = vec![SectionMarks::default(); project.sections.len()];
        let mut progress = ReviewProgress {
            sections: project.sections.len(),
            approved: project
                .sections
                .iter()
                .filter(|s| s.status == ReviewStatus::Approved)
                .count(),
            ..ReviewProgress::default()
        };
        let mut needing_attention = 0;
        for (index, comment) in project.comments.iter().enumerate() {
            let open = comment.is_open();
            progress.open_comments += usize::from(open);
            needing_attention += usize::from(comment.needs_attention());
            if let Some(marks) = position.get(&comment.section).map(|&i| &mut sections[i]) {
                marks.comments.push(index);
                marks.open_comments += usize::from(open);
            }
        }
        for (index, claim) in project.claims.iter().enumerate() {
            let open = claim.is_open();
            progress.open_claims += usize::from(open);
            needing_attention += usize::from(claim.needs_attention());
            if let Some(marks) = position.get(&claim.section).map(|&i| &mut sections[i]) {
                marks.claims.push(index);
                marks.open_claims += usize::from(open);
            }
        }
        let by_section = project
            .sections
            .iter()
            .zip(sections)
            .filter(|(_, marks)| !marks.comments.is_empty() || !marks.claims.is_empty())
            .map(|(section, marks)| (section.id.clone(), marks))
            .collect();
        Self {
            by_section,
            progress,
            needing_attention,
        }
    }

    /// The marks of `section` (none for a section without marks or not in the project).
    pub fn section(&self, section: &SectionId) -> &SectionMarks {
        static NONE: std::sync::LazyLock<SectionMarks> =
            std::sync::LazyLock::new(SectionMarks::default);
        self.by_section.get(section).unwrap_or(&NONE)
    }

    pub fn comments_in<'a>(
        &'a self,
        project: &'a Project,
        section: &SectionId,
    ) -> impl Iterator<Item = &'a Comment> {
        let positions = &self.section(section).comments;
        positions.iter().filter_map(|&i| project.comments.get(i))
    }

    pub fn claims_in<'a>(
        &'a self,
        project: &'a Project,
        section: &SectionId,
    ) -> impl Iterator<Item = &'a Claim> {
        let positions = &self.section(section).claims;
        positions.iter().filter_map(|&i| project.claims.get(i))
    }

    /// The same as [`Project::progress`].
    pub fn progress(&self) -> ReviewProgress {
        self.progress
    }

    /// The same as [`Project::marks_needing_attention`].
    pub fn marks_needing_attention(&self) -> usize {
        self.needing_attention
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_project;

    #[test]
    fn the_index_answers_as_the_project_does() {
        let mut project = sample_project(jiff::Timestamp::now()).unwrap();
        project.claims[0].status = crate::model::ClaimStatus::Verified;
        project.sections[1].status = ReviewStatus::Approved;
        let index = MarkIndex::of(&project);
        assert_eq!(index.progress(), project.progress());
        assert_eq!(
            index.marks_needing_attention(),
            project.marks_needing_attention()
        );
        let mut marks = 0;
        for section in &project.sections {
            let comments: Vec<_> = index.comments_in(&project, &section.id).collect();
            let claims: Vec<_> = index.claims_in(&project, &section.id).collect();
            assert_eq!(
                comments,
                project.comments_in(&section.id).collect::<Vec<_>>()
            );
            assert_eq!(claims, project.claims_in(&section.id).collect::<Vec<_>>());
            assert_eq!(
                (
                    index.section(&section.id).open_claims,
                    index.section(&section.id).open_comments
                ),
                project.open_claims_and_comments_in(&section.id)
            );
            marks += comments.len() + claims.len();
        }
        assert_eq!(marks, project.comments.len() + project.claims.len());
        assert!(marks > 0, "the sample has marks to index");
    }
}
