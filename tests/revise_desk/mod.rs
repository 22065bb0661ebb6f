//! The writer's next draft in the desk, driven through its accessible labels: the re-import,
//! confirming and rejecting a fuzzy mark, re-attaching and resolving orphans, undo.

mod sections;

use copydesk::app::ScriptedFileDialogs;
use copydesk::app::side_panel::SidePanel;
use copydesk::model::{AnchorState, Comment, MarkId, Project, ReviewStatus};
use egui::Key;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{
    ALT, CTRL, CTRL_ALT, CTRL_SHIFT, Desk, click, desk, drag_select, press, project, type_into,
};
use crate::common::{replaced, sample_draft_2, seed_article, seed_next_draft, temp_dir, write};

fn comment_on<'a>(project: &'a Project, body_start: &str) -> &'a Comment {
    project
        .comments
        .iter()
        .find(|c| c.body.starts_with(body_start))
        .unwrap()
}

fn state_of_comment(harness: &Desk, body_start: &str) -> AnchorState {
    comment_on(project(harness), body_start)
        .carried
        .as_ref()
        .unwrap()
        .state
}

/// How many changes the open review has seen, and the step Undo would take back.
fn review_changes(harness: &Desk) -> (u64, Option<String>) {
    let document = harness.state().state().review.as_ref().unwrap().document();
    (
        document.change_count(),
        document.undo_label().map(str::to_owned),
    )
}

/// Imports the sample's second draft through File → Import revised draft (Ctrl+Shift+I).
fn revise_sample(harness: &mut Desk, dialogs: &ScriptedFileDialogs) {
    dialogs.answer_next(Some(sample_draft_2()));
    press(harness, CTRL_SHIFT, Key::I);
}

#[test]
fn a_revised_draft_comes_in_as_one_undoable_step() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Ana Reviewer"), &dialogs);
    let before = project(&harness).clone();
    assert_eq!(before.draft.number, 1);

    // A broken file is refused with a message naming it; the review stays as it was.
    let folder = temp_dir();
    let broken = folder.path().join("draft-2.md");
    write(&broken, [0_u8, 159, 146, 150, 0, 1, 2]);
    dialogs.answer_next(Some(broken));
    press(&mut harness, CTRL_SHIFT, Key::I);
    let notice = harness.state().state().dialogs.notice().cloned().unwrap();
    assert!(notice.is_error);
    assert!(notice.text.contains("draft-2.md"), "{}", notice.text);
    assert_eq!(project(&harness), &before);
    assert!(!harness.state().state().is_dirty());

    revise_sample(&mut harness, &dialogs);
    let revised = project(&harness);
    assert_eq!(revised.draft.number, 2);
    assert_eq!(revised.draft.file_name, "sample-article-draft-2.md");
    assert_eq!(revised.earlier_drafts.len(), 1);
    assert_eq!(revised.earlier_drafts[0].sections, before.sections);
    assert!(revised.sections[0].text.contains("adding 1,400 bicycles"));
    // Nothing is lost: every comment and claim is still there.
    assert_eq!(revised.comments.len(), before.comments.len());
    assert_eq!(revised.claims.len(), before.claims.len());
    // The claim on the changed figure is proposed on the new words, flagged fuzzy.
    let figure = revised
        .claims
        .iter()
        .find(|c| c.passage.quote.contains("bicycles"))
        .unwrap();
    assert_eq!(figure.carried.as_ref().unwrap().state, AnchorState::Fuzzy);
    assert_eq!(
        figure.passage.quote,
        "adding 1,400 bicycles and 85 docking stations"
    );
    // The approved section the writer changed is back in review, and says why.
    let riders = revised
        .sections
        .iter()
        .find(|s| s.title() == "What Riders Can Expect")
        .unwrap();
    assert_eq!(riders.status, ReviewStatus::InReview);
    assert!(riders.revision.as_ref().unwrap().changed_since_approval());
    // The renamed section kept its id, status and section comment.
    let who_pays = revised
        .sections
        .iter()
        .find(|s| s.title() == "Who Pays")
        .unwrap();
    assert_eq!(
        who_pays.id,
        before
            .sections
            .iter()
            .find(|s| s.title() == "Costs and Funding")
            .unwrap()
            .id
    );
    assert!(
        revised
            .comments_in(&who_pays.id)
            .any(|c| c.passage.is_none())
    );
    // The desk shows the Revision tab with what needs a look.
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Revision
    );
    assert_eq!(revised.marks_needing_attention(), 3);
    let notice = harness.state().state().dialogs.notice().cloned().unwrap();
    assert!(
        notice.text.contains("2 fuzzy, 1 orphaned"),
        "{}",
        notice.text
    );

    // One undo takes the whole re-import back; redo brings it again.
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(project(&harness), &before);
    press(&mut harness, CTRL_SHIFT, Key::Z);
    assert_eq!(project(&harness).draft.number, 2);

    // The same draft again is not a revision: nothing changes, nothing to undo, and the desk
    // says so plainly (a notice, not an error).
    let changes = review_changes(&harness);
    revise_sample(&mut harness, &dialogs);
    assert_eq!(project(&harness).draft.number, 2);
    assert_eq!(review_changes(&harness), changes);
    let notice = harness.state().state().dialogs.notice().cloned().unwrap();
    assert!(notice.text.contains("already open"), "{}", notice.text);
    assert!(notice.text.contains("nothing changed"), "{}", notice.text);
    assert!(!notice.is_error);
}

#[test]
fn fuzzy_marks_are_confirmed_or_rejected_and_orphans_reattached_or_resolved() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Ana Reviewer"), &dialogs);
    revise_sample(&mut harness, &dialogs);

    // The figure changed from 1,200 to 1,400: the claim still belongs on it.
    click(
        &mut harness,
        "Confirm new place of “adding 1,200 bicycles and 85 docking st…”",
    );
    let figure = project(&harness)
        .claims
        .iter()
        .find(|c| c.passage.quote.contains("bicycles"))
        .unwrap()
        .clone();
    let carried = figure.carried.clone().unwrap();
    assert_eq!(carried.state, AnchorState::Confirmed);
    assert_eq!(carried.decided.unwrap().by, "Ana Reviewer");
    assert!(
        figure.is_open(),
        "confirming the place does not verify the claim"
    );

    // The superlative was rewritten with a named official: this reviewer says the comment
    // was about the old wording, and rejects the proposed place.
    click(
        &mut harness,
        "Reject new place of “Officials described it as the most ambi…”",
    );
    assert_eq!(
        state_of_comment(&harness, "Which officials"),
        AnchorState::Orphaned
    );
    let rejected = comment_on(project(&harness), "Which officials");
    assert!(rejected.placed_passage().is_none());
    assert_eq!(
        rejected.passage.as_ref().unwrap().quote,
        "Officials described it as the most ambitious cycling investment in the city's history."
    );
    assert_eq!(project(&harness).marks_needing_attention(), 2);

    // "Experts note" was cut from the draft: the orphan is re-attached to the sentence that
    // now carries the unnamed source.
    click(&mut harness, "Go to Who Pays");
    drag_select(&mut harness, "Analysts suggest");
    click(&mut harness, "Re-attach “Experts note” to selection");
    let reattached = comment_on(project(&harness), "Which experts");
    assert_eq!(
        reattached.carried.as_ref().unwrap().state,
        AnchorState::Reattached
    );
    assert_eq!(
        reattached.placed_passage().unwrap().quote,
        "Analysts suggest"
    );
    assert_eq!(
        project(&harness).section_title(&reattached.section),
        "Who Pays"
    );

    // The rejected comment's passage is gone: resolve it.
    click(
        &mut harness,
        "Resolve orphan “Officials described it as the most ambi…”",
    );
    let resolved = comment_on(project(&harness), "Which officials");
    assert_eq!(
        resolved.carried.as_ref().unwrap().state,
        AnchorState::Removed
    );
    assert!(!resolved.is_open());
    assert_eq!(project(&harness).marks_needing_attention(), 0);
    harness.get_by_label_contains("Every mark is placed");

    // Each decision is its own undo step.
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(
        state_of_comment(&harness, "Which officials"),
        AnchorState::Orphaned
    );
    assert!(comment_on(project(&harness), "Which officials").is_open());
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(
        state_of_comment(&harness, "Which experts"),
        AnchorState::Orphaned
    );
}

/// The seed, reviewed and marked in the desk, then its next draft: a figure changed, a
/// paragraph moved to another section, a heading renamed, the promo footer removed, a
/// claim's sentence rewritten.
#[test]
fn the_seed_reviewed_then_revised_lands_every_mark_or_flags_it() {
    let Some(seed) = seed_article() else { return };
    let text = std::fs::read_to_string(&seed).unwrap();
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(seed), Some("Ana Reviewer"), &dialogs);

    // Brings the quote's section on screen, as a reviewer scrolls to it, and selects it.
    let select = |harness: &mut Desk, quote: &str| {
        let (section, _) = crate::common::passage_of(project(harness), quote);
        let title = project(harness).section_title(&section).to_owned();
        click(harness, &format!("Go to {title}"));
        drag_select(harness, quote);
    };
    let flag = |harness: &mut Desk, quote: &str| {
        select(harness, quote);
        press(harness, CTRL_ALT, Key::F);
    };
    // A comment with words in it: one left empty is taken back.
    let comment = |harness: &mut Desk, quote: &str| {
        select(harness, quote);
        press(harness, CTRL_ALT, Key::M);
        let name = copydesk::text::shortened(quote, 40);
        type_into(harness, &format!("Comment on “{name}”"), "Source?");
    };
    flag(&mut harness, "more than 4,000 Islamic State (IS) detainees");
    flag(
        &mut harness,
        "Officials described the effort as a demonstration of the growing partnership",
    );
    comment(
        &mut harness,
        "Experts note that while security remains a top priority",
    );
    comment(&mut harness, "Do Follow Gulf Magazine on Instagram");
    comment(
        &mut harness,
        "Iraq has established specialized detention centers",
    );
    // Approve two sections: one the writer will change, one they will not touch.
    for heading in [
        "Strategic Importance of the Transfer",
        "Challenges and Future Steps",
    ] {
        click(&mut harness, &format!("Go to {heading}"));
        press(&mut harness, ALT, Key::Num4);
    }
    for heading in [
        "Strategic Importance of the Transfer",
        "Challenges and Future Steps",
    ] {
        let section = project(&harness)
            .sections
            .iter()
            .find(|s| s.heading.as_deref() == Some(heading))
            .unwrap();
        assert_eq!(section.status, ReviewStatus::Approved);
    }
    let marked = project(&harness).clone();
    assert_eq!(marked.claims.len() + marked.comments.len(), 5);

    // The seed's next draft, with one more edit: a word added inside a commented passage.
    let revised_text = replaced(
        &seed_next_draft(&text),
        "Iraq has established",
        "Iraq has recently established",
    );
    let folder = temp_dir();
    let next_draft = folder.path().join("seed-draft-2.txt");
    write(&next_draft, revised_text);

    dialogs.answer_next(Some(next_draft));
    press(&mut harness, CTRL_SHIFT, Key::I);
    let revised = project(&harness).clone();
    assert_eq!(revised.draft.number, 2);
    // The new file's name (“seed-draft-2”) is not a new title for the article.
    assert_eq!(revised.title, marked.title);
    // How the mark first made on words starting with `quote_start` came through, and the words
    // it is on now.
    let state_of = |quote_start: &str| {
        let claims = revised
            .claims
            .iter()
            .map(|c| (c.carried.as_ref(), c.placed_passage()));
        let comments = revised
            .comments
            .iter()
            .map(|c| (c.carried.as_ref(), c.placed_passage()));
        claims
            .chain(comments)
            .find(|(carried, _)| {
                carried
                    .and_then(|k| k.passage_before.as_ref())
                    .is_some_and(|p| p.quote.starts_with(quote_start))
            })
            .map(|(carried, now)| (carried.unwrap().state, now.map(|p| p.quote.clone())))
            .unwrap()
    };
    assert_eq!(
        state_of("more than 4,000"),
        (
            AnchorState::Fuzzy,
            Some("more than 4,200 Islamic State (IS) detainees".to_owned())
        )
    );
    let (rewritten, now) = state_of("Officials described the effort");
    assert_eq!(rewritten, AnchorState::Fuzzy);
    assert!(
        now.unwrap()
            .starts_with("Officials called the effort proof")
    );
    let (moved_state, moved_quote) = state_of("Experts note that while security");
    assert_eq!(moved_state, AnchorState::Moved);
    let moved_comment = revised
        .comments
        .iter()
        .find(|c| {
            c.placed_passage()
                .is_some_and(|p| p.quote.starts_with("Experts note"))
        })
        .unwrap();
    assert_eq!(
        revised.section_title(&moved_comment.section),
        "International Cooperation and Coordination"
    );
    assert!(moved_quote.is_some());
    assert_eq!(
        state_of("Do Follow Gulf Magazine"),
        (AnchorState::Orphaned, None)
    );
    let (edited, _) = state_of("Iraq has established");
    assert_eq!(edited, AnchorState::Fuzzy);

    // The renamed, changed section lost its approval and says so; the untouched one kept it.
    let renamed = revised
        .sections
        .iter()
        .find(|s| s.title() == "Why Iraq Took the Detainees")
        .unwrap();
    let revision = renamed.revision.as_ref().unwrap();
    assert_eq!(
        revision.heading_before.as_deref(),
        Some("Strategic Importance of the Transfer")
    );
    assert!(revision.changed_since_approval());
    assert_eq!(renamed.status, ReviewStatus::InReview);
    let untouched = revised
        .sections
        .iter()
        .find(|s| s.title() == "Challenges and Future Steps")
        .unwrap();
    assert_eq!(untouched.status, ReviewStatus::Approved);

    // The section view shows the notice and the word diff.
    click(&mut harness, "Go to Why Iraq Took the Detainees");
    click(&mut harness, "Section tab");
    harness.get_by_label_contains("Changed since approval");
    harness.get_by_label_contains("What changed since draft 1");
    let selected_claim = revised
        .claims
        .iter()
        .find(|c| c.passage.quote.contains("4,200"))
        .map(|c| MarkId::Claim(c.id.clone()));
    assert!(selected_claim.is_some());
}
