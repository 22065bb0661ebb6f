//! Two reviewers in the desk: the conflicts a merge left, settled in the Conflicts tab;
//! another reviewer's copy merged in; a file changed on disk merged rather than overwritten;
//! and one reviewer's marks shown, listed and exported on their own.

mod conflicts;
mod merging;
mod reviewers;

use std::path::{Path, PathBuf};

use copydesk::model::{
    Conflict, ConflictId, ConflictSide, ConflictTarget, ConflictValue, Project, ReviewStatus,
    Reviewer, Role, Stamp,
};
use copydesk::storage::SaveRequest;
use egui_kittest::kittest::Queryable as _;
use jiff::Timestamp;

use crate::common::desk::Desk;

/// The editor and the fact-checker whose copies the tests merge.
pub(crate) fn ana() -> Reviewer {
    Reviewer::new("Ana", Some(Role::Editor))
}

pub(crate) fn bo() -> Reviewer {
    Reviewer::named("Bo")
}

/// The sample with two conflicts a merge of Ana's and Bo's copies left: the status of
/// “Opening” (Ana approved it, Bo found it needs changes: it holds the more cautious value),
/// and the text of the comment on “Experts note” (it holds Ana's).
pub(crate) fn sample_with_two_conflicts() -> Project {
    let (ana, bo) = (ana(), bo());
    let mut project = copydesk::sample::sample_project(Timestamp::now()).unwrap();
    let opening = project.sections[0].id.clone();
    project.sections[0].status = ReviewStatus::NeedsChanges;
    let experts = project.comments[1].id.clone();
    let base_body = project.comments[1].body.clone();
    project.comments[1].body = "Name the experts.".to_owned();
    project.reviewers.extend([ana.clone(), bo.clone()]);
    let side = |from: &str, who: &Reviewer, value| ConflictSide {
        from: from.to_owned(),
        value,
        by: Some(Stamp::new(who, Timestamp::now())),
    };
    project.conflicts = vec![
        Conflict {
            id: ConflictId::random(),
            target: ConflictTarget::SectionStatus(opening),
            base: Some(ConflictValue::SectionStatus(ReviewStatus::InReview)),
            ours: side(
                "ana.copydesk.ron",
                &ana,
                ConflictValue::SectionStatus(ReviewStatus::Approved),
            ),
            theirs: side(
                "bo.copydesk.ron",
                &bo,
                ConflictValue::SectionStatus(ReviewStatus::NeedsChanges),
            ),
            found: Timestamp::now(),
        },
        Conflict {
            id: ConflictId::random(),
            target: ConflictTarget::CommentBody(experts),
            base: Some(ConflictValue::Text(base_body)),
            ours: side(
                "ana.copydesk.ron",
                &ana,
                ConflictValue::Text("Name the experts.".to_owned()),
            ),
            theirs: side(
                "bo.copydesk.ron",
                &bo,
                ConflictValue::Text("Cut the experts line.".to_owned()),
            ),
            found: Timestamp::now(),
        },
    ];
    project.validate().unwrap();
    project
}

/// Whether the desk shows a text containing `text` (a label's words are its value).
pub(crate) fn shows(harness: &Desk, text: &str) -> bool {
    harness
        .query_all_by(|node| node.value().is_some_and(|value| value.contains(text)))
        .next()
        .is_some()
}

/// `project` saved as `name` in `dir`.
pub(crate) fn saved(dir: &Path, name: &str, project: &Project) -> PathBuf {
    let path = dir.join(name);
    SaveRequest::new(project, &path).save().unwrap();
    path
}
