//! One reviewer's marks: who worked on a review (the desk's reviewer filter lists them), who a
//! name or id given on the command line stands for, and the review cut down to that person's
//! comments and claims — for a memo or an export of one person's work after two reviews were
//! merged.

use std::collections::HashSet;

use thiserror::Error;

use crate::model::{Project, Reviewer, ReviewerId};

/// A name or id that names nobody in the review (or more than one person).
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ReviewerError {
    #[error("no reviewer “{wanted}” in this review; its reviewers are: {}", listed(.known))]
    Unknown { wanted: String, known: Vec<String> },
    #[error("“{wanted}” is the name of more than one reviewer; give one of their ids: {}", listed(.ids))]
    Ambiguous { wanted: String, ids: Vec<String> },
}

fn listed(names: &[String]) -> String {
    if names.is_empty() {
        "none yet".to_owned()
    } else {
        names.join(", ")
    }
}

/// Everyone the review names, as (id, name): its list of reviewers, then the authors of
/// comments and claims not on it, each once.
fn everyone(project: &Project) -> Vec<(&ReviewerId, &str)> {
    let listed = project.reviewers.iter().map(|r| (&r.id, r.name.as_str()));
    let authors = project
        .comments
        .iter()
        .map(|c| (&c.author_id, c.author.as_str()))
        .chain(
            project
                .claims
                .iter()
                .map(|c| (&c.author_id, c.author.as_str())),
        );
    let mut seen = HashSet::new();
    listed
        .chain(authors)
        .filter(|(id, _)| !id.is_unset() && seen.insert(*id))
        .collect()
}

/// Everyone who worked on the review, each once: its list of reviewers (with the name and
/// role each goes by now), then the authors of comments and claims not on it, by the name on
/// their records.
pub fn reviewers_in(project: &Project) -> Vec<Reviewer> {
    everyone(project)
        .into_iter()
        .map(|(id, name)| {
            project
                .reviewers
                .iter()
                .find(|reviewer| &reviewer.id == id)
                .cloned()
                .unwrap_or_else(|| Reviewer {
                    id: id.clone(),
                    name: name.to_owned(),
                    role: None,
                })
        })
        .collect()
}

/// The reviewer `name_or_id` stands for: an id as written, or a name in any case.
pub fn reviewer_named(project: &Project, name_or_id: &str) -> Result<ReviewerId, ReviewerError> {
    let wanted = name_or_id.trim();
    let people = everyone(project);
    if let Some((id, _)) = people.iter().find(|(id, _)| id.as_str() == wanted) {
        return Ok((*id).clone());
    }
    let named: Vec<&ReviewerId> = people
        .iter()
        .filter(|(_, name)| name.to_lowercase() == wanted.to_lowercase())
        .map(|(id, _)| *id)
        .collect();
    match named.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(ReviewerError::Unknown {
            wanted: wanted.to_owned(),
            known: people
                .iter()
                .map(|(id, name)| format!("{name} ({id})"))
                .collect(),
        }),
        several => Err(ReviewerError::Ambiguous {
            wanted: wanted.to_owned(),
            ids: several.iter().map(ToString::to_string).collect(),
        }),
    }
}

/// The review with only the comments and claims `reviewer` made (replies by others to their
/// comments stay: they are the thread), and the conflicts about what is left.
pub fn marks_by(project: &Project, reviewer: &ReviewerId) -> Project {
    let mut marks = Project {
        comments: project
            .comments
            .iter()
            .filter(|c| &c.author_id == reviewer)
            .cloned()
            .collect(),
        claims: project
            .claims
            .iter()
            .filter(|c| &c.author_id == reviewer)
            .cloned()
            .collect(),
        conflicts: Vec::new(),
        ..project.clone()
    };
    marks.conflicts = project
        .conflicts
        .iter()
        .filter(|conflict| conflict.section(&marks).is_some())
        .cloned()
        .collect();
    marks
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::edit::Edit;
    use crate::model::{Comment, Reviewer};

    fn sample_with_ana() -> Project {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let comment = Comment::new(
            project.sections[0].id.clone(),
            None,
            &Reviewer::named("Ana"),
            Timestamp::UNIX_EPOCH,
        );
        Edit::add_comment(comment).apply(&mut project).unwrap();
        project
    }

    #[test]
    fn a_reviewer_is_found_by_id_or_by_name_in_any_case() {
        let project = sample_with_ana();
        let ana = Reviewer::named("Ana").id;
        assert_eq!(reviewer_named(&project, "ana"), Ok(ana.clone()));
        assert_eq!(reviewer_named(&project, ana.as_str()), Ok(ana));
        let sample = &project.reviewers[0];
        assert_eq!(
            reviewer_named(&project, &sample.name.to_uppercase()),
            Ok(sample.id.clone())
        );
    }

    #[test]
    fn an_unknown_reviewer_is_answered_with_the_list() {
        let project = sample_with_ana();
        let error = reviewer_named(&project, "Cy").unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("no reviewer “Cy” in this review"),
            "{message}"
        );
        assert!(message.contains("Sample reviewer (p-"), "{message}");
        assert!(message.contains("Ana (p-"), "{message}");
    }

    #[test]
    fn one_reviewers_marks_are_their_comments_and_claims() {
        let project = sample_with_ana();
        let ana = marks_by(&project, &Reviewer::named("Ana").id);
        assert_eq!(ana.comments.len(), 1);
        assert!(ana.claims.is_empty());
        assert_eq!(ana.sections, project.sections);
        let sample = marks_by(&project, &project.reviewers[0].id);
        assert_eq!(
            (sample.comments.len(), sample.claims.len()),
            (project.comments.len() - 1, project.claims.len())
        );
    }

    #[test]
    fn everyone_who_worked_on_the_review_is_listed_once_with_their_role() {
        let mut project = sample_with_ana();
        let bo = Reviewer::new("Bo", Some(crate::model::Role::Editor));
        project.reviewers.push(bo.clone());
        let comment = Comment::new(
            project.sections[1].id.clone(),
            None,
            &bo,
            Timestamp::UNIX_EPOCH,
        );
        Edit::add_comment(comment).apply(&mut project).unwrap();
        let listed = reviewers_in(&project);
        let names: Vec<&str> = listed.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Sample reviewer", "Sample writer", "Bo", "Ana"]);
        assert_eq!(listed[2], bo);
        assert_eq!(listed[3].role, None, "known only by the name on a comment");
    }
}
