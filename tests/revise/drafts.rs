//! What a revised project keeps: its earlier drafts and the marks' states through saving and a
//! second revision, a bounded comparison of drafts with nothing in common, a fuzzy mark left
//! unconfirmed, and words that merely recur never taking a mark.

use copydesk::model::{AnchorState, Comment, Passage};
use copydesk::revise::{ReviseOptions, revise};
use jiff::Timestamp;

use crate::common::replaced;

use super::{Case, occurrence_of, project_from_text};
use copydesk::model::Reviewer;

#[test]
fn a_revised_project_saves_and_loads_with_its_drafts_and_mark_states() {
    let old = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let new = project_from_text(
        "sample-article-draft-2.md",
        include_str!("../../assets/sample-article-draft-2.md"),
    );
    let revised = revise(&old, new, ReviseOptions::default()).project;
    let dir = crate::common::temp_dir();
    let path = dir.path().join("revised.copydesk.ron");
    copydesk::storage::SaveRequest::new(&revised, &path)
        .save()
        .unwrap();
    let loaded = copydesk::project_file::load_project(&path).unwrap();
    assert_eq!(loaded, revised);
    assert_eq!(loaded.earlier_drafts[0].sections, old.sections);
    assert!(loaded.comments.iter().all(|c| c.carried.is_some()));
    // An orphan keeps its old passage even though it lies outside its section now.
    let orphan = loaded
        .comments
        .iter()
        .find(|c| c.carried.as_ref().unwrap().state == AnchorState::Orphaned)
        .unwrap();
    assert_eq!(orphan.passage.as_ref().unwrap().quote, "Experts note");
    assert_eq!(loaded.section_title(&orphan.section), "Why the East Side");
}

#[test]
fn a_project_revised_twice_keeps_both_earlier_drafts_and_refinds_an_orphan() {
    let old = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let draft_2 = include_str!("../../assets/sample-article-draft-2.md");
    let second = revise(
        &old,
        project_from_text("draft-2.md", draft_2),
        ReviseOptions::default(),
    )
    .project;
    // The writer puts the unnamed-source sentence back in the third draft.
    let draft_3 = replaced(
        draft_2,
        "## Who Pays",
        "Experts note that bike-share schemes tend to succeed when stations are no more than 300 metres apart, a spacing the new plan largely follows.\n\n## Who Pays",
    );
    let third = revise(
        &second,
        project_from_text("draft-3.md", &draft_3),
        ReviseOptions::default(),
    )
    .project;
    assert_eq!(third.draft.number, 3);
    let numbers: Vec<u32> = third
        .earlier_drafts
        .iter()
        .map(|d| d.draft.number)
        .collect();
    assert_eq!(numbers, [1, 2]);
    let experts = third
        .comments
        .iter()
        .find(|c| c.body.starts_with("Which experts"))
        .unwrap();
    assert_eq!(
        experts.placed_passage().map(|p| p.quote.as_str()),
        Some("Experts note")
    );
    assert!(experts.carried.as_ref().unwrap().state.is_placed());
}

#[test]
fn the_comparison_is_bounded_when_the_drafts_have_nothing_in_common() {
    let old = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let unrelated = "A different article.\n\nNothing here is like the sample at all, and no mark can be found in it.";
    let revised = revise(
        &old,
        project_from_text("other.txt", unrelated),
        ReviseOptions::default(),
    );
    let counts = revised.summary.marks;
    assert_eq!(counts.exact + counts.moved, 0);
    assert_eq!(counts.total(), old.comments.len() + old.claims.len());
    revised.project.validate().unwrap();
    // With no time at all, the result is coarser but never wrong.
    let rushed = revise(
        &old,
        project_from_text(
            "draft-2.md",
            include_str!("../../assets/sample-article-draft-2.md"),
        ),
        ReviseOptions {
            diff_deadline: std::time::Duration::ZERO,
            search_budget: 0,
        },
    );
    rushed.project.validate().unwrap();
    for comment in &rushed.project.comments {
        if let Some(passage) = comment.placed_passage()
            && comment.carried.as_ref().unwrap().state == AnchorState::Exact
        {
            let before = comment
                .carried
                .as_ref()
                .unwrap()
                .passage_before
                .as_ref()
                .unwrap();
            assert_eq!(passage.quote, before.quote);
        }
    }
}

/// Marks on words that only happen to recur must never be placed silently (exact or moved)
/// on the recurrence.
#[test]
fn words_that_merely_recur_never_silently_take_a_mark() {
    let cases = [
        (
            "Opening line here.\nRobin said the plan would work. Robin was wrong.",
            "Opening line here.\nRobin was wrong.",
            "Robin",
            0,
        ),
        (
            "Opening line here.\nRobin Hood met Robin Williams.",
            "Opening line here.\nRobin Williams.",
            "Robin",
            0,
        ),
        (
            "Opening line here.\nThe mayor lied, according to the police report, about taxes.",
            "Opening line here.\nA boy was hurt, according to the police report, in the crash.",
            "according to the police report,",
            0,
        ),
        // Found again only in new text whose context agrees in commas and full stops, or in
        // a word or two: not the same sentence.
        (
            "Opening line here.\nI met the captain, Robin, at noon.\nMiddle paragraph stays.",
            "Opening line here.\nMiddle paragraph stays.\nHer brother, Robin, was late.",
            "Robin",
            0,
        ),
        (
            "Opening line here.\nRobin, the captain, left early.\nMiddle paragraph stays.",
            "Opening line here.\nMiddle paragraph stays.\nRobin, her brother, came back.",
            "Robin",
            0,
        ),
        (
            "Opening line here.\nThe mayor said no to the budget.\nMiddle paragraph stays.",
            "Opening line here.\nMiddle paragraph stays.\nAsked about parking, the mayor said no again.",
            "said",
            0,
        ),
        (
            "Opening line here.\nThe council met. Robin said no. The vote failed.\nMiddle paragraph stays.",
            "Opening line here.\nMiddle paragraph stays.\nAt the party. Robin said no. Everyone laughed.",
            "Robin said no",
            0,
        ),
        // Two near-identical paragraphs, one deleted and the other edited: the mark in the
        // deleted one must not take the edited one's words.
        (
            "Opening line here.\nOn Monday the board met, and Robin voted no.\nOn Tuesday the board met, and Robin voted no.\nClosing line.",
            "Opening line here.\nOn Monday the board convened, and Robin voted no.\nClosing line.",
            "Robin voted no",
            1,
        ),
        // The same tokens, but not the same text: a space inside a figure, an accent.
        (
            "Opening line here.\nOfficials counted 4,000 people.",
            "Opening line here.\nOfficials counted 4, 000 people.",
            "4,000",
            0,
        ),
        (
            "Opening line here.\nThe Cafe Robin opened.",
            "Opening line here.\nThe Cafe\u{301} Robin opened.",
            "Cafe",
            0,
        ),
    ];
    for (old_text, new_text, quote, occurrence) in cases {
        let case = Case {
            name: "recurring words",
            old: old_text.to_owned(),
            new: new_text.to_owned(),
            marks: Vec::new(),
        };
        let mut old = project_from_text("old.txt", &case.old);
        let (section, range) = occurrence_of(&old, quote, occurrence);
        let passage = Passage::from_section_text(&old.sections[section].text, range).unwrap();
        old.comments.push(Comment::new(
            old.sections[section].id.clone(),
            Some(passage),
            &Reviewer::named("Ana"),
            Timestamp::UNIX_EPOCH,
        ));
        let revised = revise(
            &old,
            project_from_text("new.txt", &case.new),
            ReviseOptions::default(),
        );
        let state = revised.project.comments[0].carried.as_ref().unwrap().state;
        assert!(
            matches!(state, AnchorState::Fuzzy | AnchorState::Orphaned),
            "“{quote}” in {old_text:?} → {new_text:?}: {state:?}"
        );
    }
}

#[test]
fn an_unconfirmed_fuzzy_mark_stays_fuzzy_and_keeps_its_first_passage() {
    let mut old = project_from_text(
        "d1.txt",
        "Intro line here.\nOfficials counted more than 4,000 detainees in March.",
    );
    let (section, range) = occurrence_of(&old, "more than 4,000 detainees", 0);
    let passage = Passage::from_section_text(&old.sections[section].text, range).unwrap();
    old.comments.push(Comment::new(
        old.sections[section].id.clone(),
        Some(passage),
        &Reviewer::named("Ana"),
        Timestamp::UNIX_EPOCH,
    ));
    let second_text = "Intro line here.\nOfficials counted more than 4,200 detainees in March.";
    let second = revise(
        &old,
        project_from_text("d2.txt", second_text),
        ReviseOptions::default(),
    )
    .project;
    assert_eq!(
        second.comments[0].carried.as_ref().unwrap().state,
        AnchorState::Fuzzy
    );
    // The next draft leaves the sentence alone: nobody confirmed the place, so it stays fuzzy,
    // and still remembers the words the reviewer marked.
    let third = revise(
        &second,
        project_from_text("d3.txt", second_text),
        ReviseOptions::default(),
    )
    .project;
    let carried = third.comments[0].carried.as_ref().unwrap();
    assert_eq!(carried.state, AnchorState::Fuzzy);
    assert_eq!(carried.from_draft, 1);
    assert_eq!(
        carried.passage_before.as_ref().unwrap().quote,
        "more than 4,000 detainees"
    );
    assert_eq!(
        third.comments[0].passage.as_ref().unwrap().quote,
        "more than 4,200 detainees"
    );
}
