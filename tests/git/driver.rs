//! The merge driver where git's usual merge would go wrong: a damaged review on one branch
//! (ours is left as it was, valid, and git reports a conflict naming nothing but the file),
//! the same review added on both branches (git has no common version: merged without one),
//! and reviews of different articles added under one name (refused).

use copydesk::edit::Edit;
use copydesk::model::{Comment, ReviewStatus, Reviewer, Stamp};
use copydesk::project_file::load_project;
use copydesk::storage::SaveRequest;
use jiff::Timestamp;

use super::{REVIEW, Repo, everything_said};
use crate::common::cli::stderr;
use crate::common::seed_article;

fn approve_first_section(repo: &Repo, by: &str) {
    let first = repo.review().sections[0].id.clone();
    repo.change_review(vec![Edit::section_status(
        first,
        ReviewStatus::Approved,
        Stamp::new(&Reviewer::named(by), Timestamp::now()),
    )]);
}

#[test]
fn a_damaged_review_on_the_branch_merged_in_leaves_ours_valid_and_git_reports_a_conflict() {
    let Some(repo) = Repo::with_seed_review() else {
        return;
    };
    repo.git_ok(&["checkout", "-q", "-b", "broken"]);
    let text = std::fs::read_to_string(repo.path(REVIEW)).unwrap();
    std::fs::write(repo.path(REVIEW), &text[..text.len() / 2]).unwrap();
    repo.commit_all("A review cut in half by a bad copy");
    repo.git_ok(&["checkout", "-q", "main"]);
    approve_first_section(&repo, "Edna Editor");
    repo.commit_all("Edna approves the opening");
    let ours = std::fs::read(repo.path(REVIEW)).unwrap();

    let merge = repo.git(&["merge", "--no-edit", "broken"]);
    let said = everything_said(&merge);
    assert_ne!(merge.status.code(), Some(0), "{said}");
    assert!(
        said.contains("seed.copydesk.ron: not merged: the version of the branch merged in (theirs) cannot be used: seed.copydesk.ron:"),
        "the driver says why, naming the review by its path: {said}"
    );
    assert!(said.contains("the project file is damaged"), "{said}");
    assert!(!said.contains(".merge_file"), "no temporary name: {said}");
    assert!(said.contains("CONFLICT"), "{said}");
    assert_eq!(
        std::fs::read(repo.path(REVIEW)).unwrap(),
        ours,
        "ours is left exactly as it was"
    );
    assert_eq!(
        repo.review().sections[0].status,
        ReviewStatus::Approved,
        "and it opens"
    );
    repo.git_ok(&["merge", "--abort"]);
}

#[test]
fn a_damaged_review_on_our_branch_is_left_as_it_is() {
    let Some(repo) = Repo::with_seed_review() else {
        return;
    };
    repo.git_ok(&["checkout", "-q", "-b", "editor"]);
    approve_first_section(&repo, "Edna Editor");
    repo.commit_all("Edna approves the opening");
    repo.git_ok(&["checkout", "-q", "main"]);
    std::fs::write(
        repo.path(REVIEW),
        "(format: \"copydesk-project\", version: 99",
    )
    .unwrap();
    repo.commit_all("Someone broke the review");

    let merge = repo.git(&["merge", "--no-edit", "editor"]);
    let said = everything_said(&merge);
    assert_ne!(merge.status.code(), Some(0), "{said}");
    assert!(
        said.contains("seed.copydesk.ron: not merged: our branch's version (ours) cannot be used"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(repo.path(REVIEW)).unwrap(),
        "(format: \"copydesk-project\", version: 99",
        "what was there is not made worse"
    );
}

#[test]
fn the_same_review_added_on_two_branches_merges_without_a_common_version() {
    let Some(seed) = seed_article() else {
        return;
    };
    let repo = Repo::new();
    let setup = repo.copydesk(&["git-setup"]);
    assert!(setup.status.success(), "{}", stderr(&setup));
    repo.commit_all("Reviews are merged by copydesk");
    // One import, copied to both branches (e-mailed to two reviewers), each adding it.
    let shared = repo.outside().join("shared.copydesk.ron");
    let imported = repo.copydesk(&[
        "import",
        seed.to_str().unwrap(),
        "-o",
        shared.to_str().unwrap(),
    ]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let project = load_project(&shared).unwrap();
    let now = Timestamp::now();

    repo.git_ok(&["checkout", "-q", "-b", "editor"]);
    let mut editors = project.clone();
    Edit::add_comment(Comment {
        body: "Tighten the opening.".to_owned(),
        ..Comment::new(
            project.sections[0].id.clone(),
            None,
            &Reviewer::named("Edna Editor"),
            now,
        )
    })
    .apply(&mut editors)
    .unwrap();
    SaveRequest::new(&editors, &repo.path(REVIEW))
        .save()
        .unwrap();
    repo.commit_all("Edna adds the review");

    repo.git_ok(&["checkout", "-q", "-b", "factcheck", "main"]);
    let mut fact_checkers = project.clone();
    Edit::add_comment(Comment {
        body: "The date needs a source.".to_owned(),
        ..Comment::new(
            project.sections[1].id.clone(),
            None,
            &Reviewer::named("Farah Factchecker"),
            now,
        )
    })
    .apply(&mut fact_checkers)
    .unwrap();
    SaveRequest::new(&fact_checkers, &repo.path(REVIEW))
        .save()
        .unwrap();
    repo.commit_all("Farah adds the review");

    let merge = repo.git(&["merge", "--no-edit", "editor"]);
    let said = everything_said(&merge);
    assert_eq!(merge.status.code(), Some(0), "{said}");
    assert!(said.contains("copydesk merged seed.copydesk.ron"), "{said}");
    let merged = repo.review();
    let bodies: Vec<&str> = merged.comments.iter().map(|c| c.body.as_str()).collect();
    assert!(
        bodies.contains(&"Tighten the opening.") && bodies.contains(&"The date needs a source."),
        "{bodies:?}"
    );
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
}

#[test]
fn reviews_of_different_articles_under_one_name_are_refused() {
    let Some(seed) = seed_article() else {
        return;
    };
    let repo = Repo::new();
    let setup = repo.copydesk(&["git-setup"]);
    assert!(setup.status.success(), "{}", stderr(&setup));
    repo.commit_all("Reviews are merged by copydesk");
    repo.git_ok(&["checkout", "-q", "-b", "seed"]);
    let imported = repo.copydesk(&["import", seed.to_str().unwrap(), "-o", REVIEW]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    repo.commit_all("The seed's review");
    repo.git_ok(&["checkout", "-q", "-b", "sample", "main"]);
    let sample = repo.copydesk(&["sample", "-o", REVIEW]);
    assert!(sample.status.success(), "{}", stderr(&sample));
    repo.commit_all("The sample's review, under the same name");
    let ours = std::fs::read(repo.path(REVIEW)).unwrap();

    let merge = repo.git(&["merge", "--no-edit", "seed"]);
    let said = everything_said(&merge);
    assert_ne!(merge.status.code(), Some(0), "{said}");
    assert!(
        said.contains("seed.copydesk.ron: not merged: these are not copies of one review"),
        "{said}"
    );
    assert_eq!(std::fs::read(repo.path(REVIEW)).unwrap(), ours);
}
