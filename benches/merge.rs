//! How fast two reviewers' copies of a book-length review merge: prints figures, asserts
//! nothing. Target: two copies of the book's 10,000-mark review, each with 1,000 marks
//! changed, merged with their base in at most 200 ms.
//!
//! Run with `cargo bench -- merge`. The book is the one every book-scale target is measured on
//! (`support/book.rs`). Each copy changes 1,000 marks of its own — claim statuses (recorded in
//! their history), comment texts and resolutions, claim notes, new comments and replies,
//! deletions with their tombstones — and sets 50 section statuses; 50 of the marks and 10 of
//! the sections are changed on both copies, differently, so the merge also finds conflicts.

use std::time::{Duration, Instant};

use copydesk::edit::Edit;
use copydesk::merge::{MergeInput, Merged, merge_reviews};
use copydesk::model::{
    ClaimStatus, Comment, CommentId, Project, Reply, ReplyId, ReviewStatus, Reviewer, Stamp,
};
use jiff::{SignedDuration, Timestamp};

use crate::support::book::Book;
use crate::support::manuscript::median;

const RUNS: usize = 7;
const CHANGED_MARKS: usize = 1_000;
/// Marks (and, a fifth as many, sections) both copies change differently.
const CHANGED_ON_BOTH: usize = 50;
const TARGET_MS: f64 = 200.0;

/// The base with `CHANGED_MARKS` marks changed by `who`; `offset` picks which marks (the two
/// copies use different ones, but for the first `CHANGED_ON_BOTH`).
fn changed_copy(base: &Project, who: &str, offset: usize) -> Project {
    let reviewer = Reviewer::named(who);
    let at = |step: usize| {
        "2026-12-01T09:00:00Z".parse::<Timestamp>().unwrap()
            + SignedDuration::from_secs(step as i64 * 7 + offset as i64)
    };
    let mut edits = Vec::new();
    let marks = base.comments.len().min(base.claims.len());
    for step in 0..CHANGED_MARKS {
        // Both copies take the same marks for the first steps, then marks of their own.
        let index = if step < CHANGED_ON_BOTH {
            (marks - 2 * CHANGED_ON_BOTH + 2 * step) % marks
        } else {
            (step * 4 + offset) % marks
        };
        let comment = &base.comments[index];
        let claim = &base.claims[index];
        let edit = match step % 6 {
            0 => Edit::claim_status_change(
                claim,
                ClaimStatus::ALL[(step + offset) % 5],
                &reviewer,
                at(step),
            ),
            1 => Edit::SetCommentBody {
                id: comment.id.clone(),
                body: format!("{who} rewrote this note ({step})."),
            },
            2 => Edit::SetClaimNote {
                id: claim.id.clone(),
                note: format!("{who} checked the records ({step})."),
            },
            3 => Edit::add_comment(Comment {
                id: CommentId::from_text(format!("c-{who}-{step}")),
                body: format!("{who} asks for a source ({step})."),
                ..Comment::new(comment.section.clone(), None, &reviewer, at(step))
            }),
            4 if step < CHANGED_ON_BOTH => Edit::SetCommentResolved {
                id: comment.id.clone(),
                resolved: comment.is_open().then(|| Stamp::new(&reviewer, at(step))),
            },
            4 => Edit::add_reply(
                comment.id.clone(),
                Reply {
                    id: ReplyId::from_text(format!("r-{who}-{step}")),
                    ..Reply::new(&reviewer, at(step), "Done.")
                },
            ),
            _ if step < CHANGED_ON_BOTH => Edit::SetCommentBody {
                id: comment.id.clone(),
                body: format!("{who} rewrote this one too ({step})."),
            },
            _ if step % 2 == 0 => {
                Edit::delete_comment(comment.id.clone(), Stamp::new(&reviewer, at(step)))
            }
            _ => Edit::delete_claim(claim.id.clone(), Stamp::new(&reviewer, at(step))),
        };
        edits.push(edit);
    }
    let sections = base.sections.len();
    for step in 0..CHANGED_ON_BOTH {
        let index = if step < CHANGED_ON_BOTH / 5 {
            step * 31 % sections
        } else {
            (500 + step * 7 + offset * 3) % sections
        };
        edits.push(Edit::section_status(
            base.sections[index].id.clone(),
            ReviewStatus::ALL[(step + offset) % 4],
            Stamp::new(&reviewer, at(step)),
        ));
    }
    let mut project = base.clone();
    for edit in edits {
        // A mark deleted by an earlier step is not changed again: that edit fails, harmlessly.
        let _ = edit.apply(&mut project);
    }
    project
}

fn merged(base: Option<&Project>, ours: &Project, theirs: &Project) -> Merged {
    merge_reviews(MergeInput {
        base,
        ours,
        theirs,
        ours_from: "editor.copydesk.ron".to_owned(),
        theirs_from: "checker.copydesk.ron".to_owned(),
        now: Timestamp::now(),
    })
    .unwrap()
}

/// Times the merge; prints its median beside the target, when it has one.
fn time_merge(
    label: &str,
    base: Option<&Project>,
    ours: &Project,
    theirs: &Project,
    target_ms: Option<f64>,
) -> Merged {
    let mut times: Vec<Duration> = Vec::new();
    let mut result = None;
    for _ in 0..RUNS {
        let started = Instant::now();
        let merged = merged(base, ours, theirs);
        times.push(started.elapsed());
        result = Some(merged);
    }
    let figure = median(times).as_secs_f64() * 1e3;
    match target_ms {
        Some(target) => {
            let verdict = if figure <= target { "met" } else { "MISSED" };
            println!("{label:<58} {figure:>9.1} ms  target ≤ {target} {verdict}");
        }
        None => println!("{label:<58} {figure:>9.1} ms"),
    }
    result.unwrap()
}

/// Runs the group, printing its figures.
pub fn run() {
    let book = Book::generate();
    let base = book.project;
    let editor = changed_copy(&base, "Editor", 0);
    let checker = changed_copy(&base, "Checker", 1);
    println!(
        "book: {} sections, {} comments + {} claims; each copy changes {CHANGED_MARKS} marks and {CHANGED_ON_BOTH} section statuses ({CHANGED_ON_BOTH} marks and {} sections on both); median of {RUNS} runs",
        base.sections.len(),
        base.comments.len(),
        base.claims.len(),
        CHANGED_ON_BOTH / 5,
    );
    let with_base = time_merge(
        "merge two changed copies with their base",
        Some(&base),
        &editor,
        &checker,
        Some(TARGET_MS),
    );
    println!("  {}", with_base.summary);
    let without = time_merge(
        "merge the same two copies without a base",
        None,
        &editor,
        &checker,
        None,
    );
    println!("  {}", without.summary);
}
