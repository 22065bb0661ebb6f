//! Sections in a revised draft: reordered, they keep their approval and marks; split and
//! merged, the id stays under its heading and the most urgent status wins.

use copydesk::model::{AnchorState, Project};
use copydesk::revise::{ReviseOptions, revise};
use jiff::Timestamp;

use crate::common::replaced;

use super::project_from_text;

#[test]
fn reordered_sections_keep_their_approval_and_marks() {
    let old = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let sample = include_str!("../../assets/sample-article.md");
    let costs_start = sample.find("## Costs and Funding").unwrap();
    let riders_start = sample.find("## What Riders Can Expect").unwrap();
    // The promo footer belongs to the last section, so it moves with it.
    let reordered = format!(
        "{}{}\n\n{}",
        &sample[..costs_start],
        sample[riders_start..].trim_end(),
        &sample[costs_start..riders_start],
    );
    let revised = revise(
        &old,
        project_from_text("reordered.md", &reordered),
        ReviseOptions::default(),
    );
    let project = &revised.project;
    let titles: Vec<&str> = project.sections.iter().map(|s| s.title()).collect();
    assert_eq!(
        titles,
        [
            "Opening",
            "Why the East Side",
            "What Riders Can Expect",
            "Costs and Funding"
        ]
    );
    let riders = &project.sections[2];
    assert_eq!(riders.status, copydesk::model::ReviewStatus::Approved);
    assert!(!riders.revision.as_ref().unwrap().text_changed);
    assert_eq!(revised.summary.changed, 0, "{}", revised.summary);
    // Every mark is still on its own words; the section comment stays with its section.
    for comment in &project.comments {
        let carried = comment.carried.as_ref().unwrap();
        assert!(
            matches!(carried.state, AnchorState::Exact | AnchorState::Moved),
            "{comment:?}"
        );
        assert_eq!(
            comment.passage.as_ref().map(|p| &p.quote),
            carried.passage_before.as_ref().map(|p| &p.quote)
        );
    }
    assert_eq!(project.marks_needing_attention(), 0);
}

#[test]
fn split_and_merged_sections_keep_the_id_under_their_heading_and_the_most_urgent_status() {
    let old = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let id_of = |project: &Project, title: &str| {
        project
            .sections
            .iter()
            .find(|s| s.title() == title)
            .unwrap()
            .id
            .clone()
    };
    let sample = include_str!("../../assets/sample-article.md");
    // "Why the East Side" (needs changes) merged into the opening (in review): the request for
    // changes still stands.
    let merged = revise(
        &old,
        project_from_text(
            "merged.md",
            &replaced(sample, "## Why the East Side\n\n", ""),
        ),
        ReviseOptions::default(),
    )
    .project;
    let opening = &merged.sections[0];
    assert_eq!(opening.id, id_of(&old, "Opening"));
    assert_eq!(opening.status, copydesk::model::ReviewStatus::NeedsChanges);
    assert_eq!(opening.revision.as_ref().unwrap().from.len(), 2);
    assert!(opening.revision.as_ref().unwrap().heading_before.is_none());
    // "Costs and Funding" split, its second (longer) part under a new heading: the part under
    // the old heading keeps the id, so its section comment stays there.
    let split = revise(
        &old,
        project_from_text(
            "split.md",
            &replaced(
                sample,
                "Critics argue that",
                "## The Critics\n\nCritics argue, at length and with many examples of other cities whose schemes failed, that",
            ),
        ),
        ReviseOptions::default(),
    )
    .project;
    assert_eq!(
        id_of(&split, "Costs and Funding"),
        id_of(&old, "Costs and Funding")
    );
    let critics = split
        .sections
        .iter()
        .find(|s| s.title() == "The Critics")
        .unwrap();
    assert!(critics.revision.as_ref().unwrap().heading_before.is_none());
    let section_comment = split.comments.iter().find(|c| c.passage.is_none()).unwrap();
    assert_eq!(
        split.section_title(&section_comment.section),
        "Costs and Funding"
    );
}
