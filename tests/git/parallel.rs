//! The editor and the fact-checker, as issue 16's "Done when" tells it: they review the seed
//! in parallel on two git branches; `git merge` (copydesk's driver) is clean and the merged
//! review has both. In a second round both change the same section's status: git reports a
//! conflict, the review holds it, `copydesk check` lists it; settled and committed, and the
//! rest approved and verified, `copydesk check` passes.

use std::time::Instant;

use copydesk::edit::Edit;
use copydesk::merge::{Pick, resolution_edit};
use copydesk::model::{
    ClaimStatus, Comment, ConflictTarget, Project, ReviewStatus, Reviewer, Role, SectionId, Source,
    Stamp,
};
use copydesk::suggest::suggestions_for_project;
use jiff::Timestamp;

use super::{REVIEW, Repo, everything_said};
use crate::common::cli::{stderr, stdout};
use crate::common::passage_of;

const EXPERTS_NOTE: &str = "Experts note that while security";
const EXPERTS_COMMENT: &str = "Which experts? Name them, or say who they are.";
const FIGURE: &str = "more than 4,000";

fn edna() -> Reviewer {
    Reviewer::new("Edna Editor", Some(Role::Editor))
}

fn farah() -> Reviewer {
    Reviewer::new("Farah Factchecker", Some(Role::FactChecker))
}

/// The section holding the "Experts note" paragraph.
fn experts_section(project: &Project) -> SectionId {
    passage_of(project, EXPERTS_NOTE).0
}

/// The editor's first pass: every section approved but the one with "Experts note", which
/// gets a comment and goes back to the writer.
fn editors_pass(project: &Project, edna: &Reviewer) -> Vec<Edit> {
    let now = Timestamp::now();
    let experts = experts_section(project);
    let mut edits = vec![Edit::NoteReviewer {
        reviewer: edna.clone(),
    }];
    for section in &project.sections {
        let status = if section.id == experts {
            ReviewStatus::NeedsChanges
        } else {
            ReviewStatus::Approved
        };
        edits.push(Edit::section_status(
            section.id.clone(),
            status,
            Stamp::new(edna, now),
        ));
    }
    let (section, passage) = passage_of(project, EXPERTS_NOTE);
    edits.push(Edit::add_comment(Comment {
        body: EXPERTS_COMMENT.to_owned(),
        ..Comment::new(section, Some(passage), edna, now)
    }));
    edits
}

/// The fact-checker's first pass, made on `project` itself: every suggestion accepted, then
/// the claim on "more than 4,000" verified with a source.
fn fact_checkers_pass(project: &mut Project, farah: &Reviewer) {
    let now = Timestamp::now();
    Edit::NoteReviewer {
        reviewer: farah.clone(),
    }
    .apply(project)
    .unwrap();
    let suggestions = suggestions_for_project(project);
    assert!(suggestions.len() > 3, "{suggestions:?}");
    for suggestion in &suggestions {
        if let Some(edit) = suggestion.accept_edit(project, farah, now) {
            edit.apply(project).unwrap();
        }
    }
    let claim = project
        .claims
        .iter()
        .find(|claim| claim.passage.quote.contains(FIGURE))
        .expect("a suggestion covers “more than 4,000”")
        .clone();
    let edits = vec![
        Edit::AddSource {
            claim: claim.id.clone(),
            index: 0,
            source: Source {
                url: "https://example.org/ministry-of-justice/detainee-transfer".to_owned(),
                title: "Ministry of Justice: the transfer of detainees".to_owned(),
                ..Source::new(farah, now)
            },
        },
        Edit::SetClaimNote {
            id: claim.id.clone(),
            note: "The ministry's statement gives 4,021.".to_owned(),
        },
        Edit::claim_status_change(&claim, ClaimStatus::Verified, farah, now),
    ];
    for edit in edits {
        edit.apply(project).unwrap();
    }
}

/// What is left once the conflict is settled: every section approved, every claim verified,
/// every comment resolved — by the editor and the fact-checker.
fn everything_else(project: &Project, edna: &Reviewer, farah: &Reviewer) -> Vec<Edit> {
    let now = Timestamp::now();
    let mut edits = Vec::new();
    for section in &project.sections {
        if section.status != ReviewStatus::Approved {
            edits.push(Edit::section_status(
                section.id.clone(),
                ReviewStatus::Approved,
                Stamp::new(edna, now),
            ));
        }
    }
    for claim in project.claims.iter().filter(|claim| claim.is_open()) {
        edits.push(Edit::claim_status_change(
            claim,
            ClaimStatus::Verified,
            farah,
            now,
        ));
    }
    for comment in project.comments.iter().filter(|comment| comment.is_open()) {
        edits.push(Edit::SetCommentResolved {
            id: comment.id.clone(),
            resolved: Some(Stamp::new(edna, now)),
        });
    }
    edits
}

#[test]
fn an_editor_and_a_fact_checker_on_two_branches_merge_with_git_and_settle_a_conflict() {
    let started = Instant::now();
    let Some(repo) = Repo::with_seed_review() else {
        return;
    };
    let (edna, farah) = (edna(), farah());

    // Round one: each on a branch of their own, from the same commit.
    repo.git_ok(&["branch", "editor"]);
    repo.git_ok(&["branch", "factcheck"]);
    repo.git_ok(&["checkout", "-q", "editor"]);
    repo.change_review(editors_pass(&repo.review(), &edna));
    repo.commit_all("Edna: sections approved, a question on “Experts note”");
    let editors = repo.review();

    repo.git_ok(&["checkout", "-q", "factcheck"]);
    let mut project = repo.review();
    fact_checkers_pass(&mut project, &farah);
    copydesk::storage::SaveRequest::new(&project, &repo.path(REVIEW))
        .save()
        .unwrap();
    repo.commit_all("Farah: suggestions accepted, the 4,000 figure verified");
    let fact_checkers = repo.review();

    repo.git_ok(&["checkout", "-q", "main"]);
    repo.git_ok(&["merge", "-q", "editor"]);
    let merge = repo.git(&["merge", "--no-edit", "factcheck"]);
    let said = everything_said(&merge);
    assert_eq!(merge.status.code(), Some(0), "{said}");
    assert!(
        said.contains("copydesk merged seed.copydesk.ron") && said.contains("No conflicts."),
        "the driver merged the review: {said}"
    );
    assert!(!said.contains("CONFLICT"), "{said}");
    assert_eq!(repo.git_ok(&["status", "--porcelain"]), "");

    let merged = repo.review();
    merged.validate().unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let experts = experts_section(&merged);
    for section in &merged.sections {
        let expected = if section.id == experts {
            ReviewStatus::NeedsChanges
        } else {
            ReviewStatus::Approved
        };
        assert_eq!(section.status, expected, "{}", section.title());
        assert_eq!(section.status_set.as_ref().unwrap().by, "Edna Editor");
    }
    let comment = merged
        .comments
        .iter()
        .find(|comment| comment.body == EXPERTS_COMMENT)
        .expect("the editor's comment");
    assert_eq!(comment.author, "Edna Editor");
    assert!(
        comment
            .passage
            .as_ref()
            .unwrap()
            .quote
            .contains("Experts note")
    );
    for claim in &fact_checkers.claims {
        assert!(
            merged.claims.contains(claim),
            "the fact-checker's claim on “{}” is merged as she left it",
            claim.passage.quote
        );
    }
    for comment in editors.comments.iter().chain(&fact_checkers.comments) {
        assert!(merged.comments.contains(comment), "{}", comment.body);
    }
    let figure = merged
        .claims
        .iter()
        .find(|claim| claim.passage.quote.contains(FIGURE))
        .unwrap();
    assert_eq!(figure.status, ClaimStatus::Verified);
    assert_eq!(figure.sources.len(), 1);
    assert_eq!(figure.history.last().unwrap().by, "Farah Factchecker");
    assert!(merged.reviewers.contains(&edna) && merged.reviewers.contains(&farah));

    // Round two: the editor sends the first section back; the fact-checker, who has found a
    // figure to check there, marks it in review.
    let first = merged.sections[0].id.clone();
    let now = Timestamp::now();
    repo.git_ok(&["checkout", "-q", "editor"]);
    repo.git_ok(&["merge", "-q", "--ff-only", "main"]);
    repo.change_review(vec![Edit::section_status(
        first.clone(),
        ReviewStatus::NeedsChanges,
        Stamp::new(&edna, now),
    )]);
    repo.commit_all("Edna: the opening needs another look");
    repo.git_ok(&["checkout", "-q", "factcheck"]);
    repo.git_ok(&["merge", "-q", "--ff-only", "main"]);
    repo.change_review(vec![Edit::section_status(
        first.clone(),
        ReviewStatus::InReview,
        Stamp::new(&farah, now),
    )]);
    repo.commit_all("Farah: checking the opening's figures");

    repo.git_ok(&["checkout", "-q", "main"]);
    repo.git_ok(&["merge", "-q", "editor"]);
    let merge = repo.git(&["merge", "--no-edit", "factcheck"]);
    let said = everything_said(&merge);
    assert_ne!(
        merge.status.code(),
        Some(0),
        "git reports the conflict: {said}"
    );
    assert!(
        said.contains("CONFLICT (content): Merge conflict in seed.copydesk.ron"),
        "{said}"
    );
    assert!(
        said.contains("1 conflict kept in the review")
            && said.contains("Needs changes (our branch) / In review (the branch merged in)"),
        "the driver lists the conflict: {said}"
    );
    assert_eq!(
        repo.git_ok(&["diff", "--name-only", "--diff-filter=U"])
            .trim(),
        REVIEW
    );
    let text = std::fs::read_to_string(repo.path(REVIEW)).unwrap();
    assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"));
    let conflicted = repo.review();
    conflicted.validate().unwrap();
    assert_eq!(conflicted.conflicts.len(), 1, "{:?}", conflicted.conflicts);
    let conflict = &conflicted.conflicts[0];
    assert_eq!(
        conflict.target,
        ConflictTarget::SectionStatus(first.clone())
    );
    assert_eq!(conflict.ours.by.as_ref().unwrap().by, "Edna Editor");
    assert_eq!(conflict.theirs.by.as_ref().unwrap().by, "Farah Factchecker");
    assert_eq!(
        conflicted.section(&first).unwrap().status,
        ReviewStatus::NeedsChanges,
        "until settled, the more cautious status"
    );
    let check = repo.copydesk(&["check", REVIEW]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    assert!(
        stdout(&check).contains(&conflict.describe(&conflicted)),
        "{}",
        stdout(&check)
    );

    // Settled as the desk settles it (the fact-checker's status), saved, added, committed.
    let mut settled = conflicted.clone();
    resolution_edit(&settled, &conflict.id, Pick::Theirs)
        .unwrap()
        .apply(&mut settled)
        .unwrap();
    copydesk::storage::SaveRequest::new(&settled, &repo.path(REVIEW))
        .save()
        .unwrap();
    repo.git_ok(&["add", REVIEW]);
    repo.git_ok(&["commit", "-q", "--no-edit"]);
    assert_eq!(repo.git_ok(&["status", "--porcelain"]), "");
    let after = repo.review();
    assert!(after.conflicts.is_empty());
    assert_eq!(
        after.section(&first).unwrap().status,
        ReviewStatus::InReview
    );
    let check = repo.copydesk(&["check", REVIEW]);
    assert_eq!(check.status.code(), Some(1), "the rest is still open");
    assert!(!stdout(&check).contains("Needs changes (our branch)"));

    repo.change_review(everything_else(&after, &edna, &farah));
    repo.commit_all("Everything approved and verified");
    let check = repo.copydesk(&["check", REVIEW]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}{}",
        stdout(&check),
        stderr(&check)
    );
    assert!(stdout(&check).contains("ready"), "{}", stdout(&check));
    eprintln!(
        "two reviewers, two rounds of git merges: {} ms",
        started.elapsed().as_millis()
    );
}
