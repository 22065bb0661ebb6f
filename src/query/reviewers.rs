//! Who did what in a review: the people who worked on it, and one reviewer's marks on their
//! own — what the desk's reviewer filter shows and exports, and what `--reviewer` selects on
//! the command line.

use std::collections::HashSet;

use crate::model::{Project, Reviewer, ReviewerId};

/// Everyone who worked on the review: those it lists (with the name and role each goes by
/// now), then any other author of a comment, reply or claim, by the name on their record.
pub fn reviewers_in(project: &Project) -> Vec<Reviewer> {
    let mut seen: HashSet<&ReviewerId> = HashSet::new();
    let mut reviewers = Vec::new();
    for reviewer in &project.reviewers {
        if !reviewer.id.is_unset() && seen.insert(&reviewer.id) {
            reviewers.push(reviewer.clone());
        }
    }
    let authors = project
        .comments
        .iter()
        .flat_map(|comment| {
            std::iter::once((&comment.author_id, &comment.author)).chain(
                comment
                    .replies
                    .iter()
                    .map(|reply| (&reply.author_id, &reply.author)),
            )
        })
        .chain(
            project
                .claims
                .iter()
                .map(|claim| (&claim.author_id, &claim.author)),
        );
    for (id, name) in authors {
        if !id.is_unset() && seen.insert(id) {
            reviewers.push(Reviewer {
                id: id.clone(),
                name: name.clone(),
                role: None,
            });
        }
    }
    reviewers
}

/// The review with only the comments and claims `reviewer` made (and the conflicts about
/// what is left): the rest of the review — the text, statuses, who worked on it — as it is.
pub fn marks_by(project: &Project, reviewer: &ReviewerId) -> Project {
    let mut only = Project {
        title: project.title.clone(),
        draft: project.draft.clone(),
        sections: project.sections.clone(),
        comments: project
            .comments
            .iter()
            .filter(|comment| &comment.author_id == reviewer)
            .cloned()
            .collect(),
        claims: project
            .claims
            .iter()
            .filter(|claim| &claim.author_id == reviewer)
            .cloned()
            .collect(),
        dismissed: project.dismissed.clone(),
        earlier_drafts: project.earlier_drafts.clone(),
        reviewers: project.reviewers.clone(),
        deleted: project.deleted.clone(),
        conflicts: Vec::new(),
    };
    // A conflict about a mark left out would name a mark the review no longer shows.
    only.conflicts = project
        .conflicts
        .iter()
        .filter(|conflict| conflict.section(&only).is_some())
        .cloned()
        .collect();
    only
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::{marks_by, reviewers_in};
    use crate::model::{Claim, Comment, Passage, Reply, Reviewer, Role};

    #[test]
    fn a_reviewers_marks_are_theirs_alone_and_everyone_is_listed_once() {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let ana = Reviewer::new("Ana", Some(Role::Editor));
        let bo = Reviewer::named("Bo");
        project.reviewers = vec![ana.clone()];
        project.comments.clear();
        project.claims.clear();
        let section = project.sections[0].id.clone();
        let passage = Passage::from_section_text(&project.sections[0].text, 0..5).unwrap();
        let mut comment = Comment::new(section.clone(), None, &bo, Timestamp::UNIX_EPOCH);
        comment
            .replies
            .push(Reply::new(&ana, Timestamp::UNIX_EPOCH, "Agreed."));
        project.comments.push(comment.clone());
        project.comments.push(Comment::new(
            section.clone(),
            None,
            &ana,
            Timestamp::UNIX_EPOCH,
        ));
        project
            .claims
            .push(Claim::new(section, passage, &ana, Timestamp::UNIX_EPOCH));

        let listed = reviewers_in(&project);
        assert_eq!(listed, [ana.clone(), bo.clone()]);

        let anas = marks_by(&project, &ana.id);
        assert_eq!(anas.comments.len(), 1);
        assert_eq!(anas.comments[0].author_id, ana.id);
        assert_eq!(anas.claims, project.claims);
        assert_eq!(anas.sections, project.sections);
        let bos = marks_by(&project, &bo.id);
        assert_eq!(bos.comments, [comment]);
        assert!(bos.claims.is_empty());
        assert!(bos.validate().is_ok());
    }
}
