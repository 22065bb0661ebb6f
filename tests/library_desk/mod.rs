//! The claim library in the desk (issue 20): a claim checked in one review is recognised in
//! the next, its figure difference said in words; its sources and verdict are reused in one
//! click and one undo; the library is built from a folder with a progress bar, a corrupt
//! review named and skipped; the Library tab searches it.
//!
//! `an_earlier_check_*` and `the_library_is_built_*` need the real store and matching
//! (`Library` and `Matcher` are placeholders on this branch until the other parts are
//! merged); the rest run against a `Matcher` built in memory.

mod folders;

use std::path::{Path, PathBuf};

use copydesk::app::ScriptedFileDialogs;
use copydesk::import::import_bytes;
use copydesk::library::record::sentence_around;
use copydesk::library::{LibraryClaim, Matcher};
use copydesk::model::{Claim, ClaimId, ClaimStatus, DraftFormat, Project, Reviewer, Source};
use copydesk::storage::SaveRequest;
use egui::Key;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use jiff::Timestamp;

use crate::common::desk::{CTRL, Desk, click, click_passage, desk, press, project};
use crate::common::safekeeping::run_until;
use crate::common::{passage_of, temp_dir};

/// The sentence checked in the earlier review.
const CHECKED_TEXT: &str = "# Fighters moved across the border\n\nThe Islamic State moved \
     about 5,700 fighters from Syria to Iraq in March, the defence ministry said.\n\nAid \
     groups asked for safe corridors near the border.\n";
const CHECKED_QUOTE: &str = "about 5,700 fighters";

/// The same claim in a later article, reworded, with another figure.
const DRAFT_TEXT: &str = "# The transfer, one month on\n\nIn March the Islamic State sent more \
     than 4,000 fighters from Syria into Iraq, according to the defence ministry.\n\nThe \
     border crossings stayed closed for most of April.\n";
const DRAFT_QUOTE: &str = "more than 4,000 fighters";

const WIRE_REPORT: &str = "https://wire.example.org/2026/03/fighters-moved";

/// An article imported from markdown, with a claim flagged on `quote`.
fn review_with_claim(text: &str, title: &str, quote: &str) -> Project {
    let mut project = import_bytes(
        Path::new("article.md"),
        text.as_bytes(),
        DraftFormat::Markdown,
        Timestamp::now(),
    )
    .unwrap();
    title.clone_into(&mut project.title);
    let (section, passage) = passage_of(&project, quote);
    let claim = Claim::new(section, passage, &Reviewer::named("Ana"), Timestamp::now());
    project.claims.push(claim);
    project
}

/// The earlier review: the figure verified against a wire report.
fn checked_review() -> Project {
    let mut project = review_with_claim(
        CHECKED_TEXT,
        "Fighters moved across the border",
        CHECKED_QUOTE,
    );
    let claim = &mut project.claims[0];
    claim.status = ClaimStatus::Verified;
    claim.sources.push(Source {
        url: WIRE_REPORT.to_owned(),
        title: "Wire report: fighters moved".to_owned(),
        ..Source::default()
    });
    "The wire report gives about 5,700, citing the ministry.".clone_into(&mut claim.note);
    project
}

fn save(project: &Project, path: &Path) -> PathBuf {
    SaveRequest::new(project, path).save().unwrap();
    path.to_owned()
}

/// The library's claim of the earlier review, as the library would keep it, saying the draft's
/// sentence word for word (what the in-memory matcher of this branch recognises).
fn checked_as_in_draft(draft: &Project) -> LibraryClaim {
    let checked = checked_review();
    let claim = &checked.claims[0];
    let (section, passage) = passage_of(draft, DRAFT_QUOTE);
    let text = &draft.section(&section).unwrap().text;
    LibraryClaim {
        review: PathBuf::from("/team/reviews/fighters.copydesk.ron"),
        claim: claim.id.clone(),
        article: checked.title.clone(),
        quote: CHECKED_QUOTE.to_owned(),
        sentence: sentence_around(text, passage.range()),
        status: ClaimStatus::Verified,
        sources: claim.sources.clone(),
        note: claim.note.clone(),
        checked_by: "Ana".to_owned(),
        checked_at: Timestamp::now(),
    }
}

fn draft_claim(harness: &Desk) -> &Claim {
    project(harness)
        .claims
        .iter()
        .find(|claim| claim.passage.quote == DRAFT_QUOTE)
        .unwrap()
}

fn draft_claim_id(harness: &Desk) -> ClaimId {
    draft_claim(harness).id.clone()
}

/// Waits until the draft's claim matches the library, then shows its card.
fn show_checked_card(harness: &mut Desk) {
    let id = draft_claim_id(harness);
    run_until(harness, "the draft's claim is recognised", |harness| {
        !harness
            .state()
            .state()
            .library
            .matches()
            .for_claim(&id)
            .is_empty()
    });
    harness.run();
    click_passage(harness, DRAFT_QUOTE);
    assert!(
        harness
            .query_all_by_label_contains("Checked before")
            .next()
            .is_some(),
        "the card says the claim was checked before"
    );
}

/// Reuses the check from the card, then undoes it: one click, one undo.
fn reuse_then_undo(harness: &mut Desk) {
    click(
        harness,
        &format!("Reuse sources and verdict for claim “{DRAFT_QUOTE}”"),
    );
    let claim = draft_claim(harness);
    assert_eq!(claim.status, ClaimStatus::InProgress);
    assert_eq!(claim.sources.len(), 1);
    assert_eq!(claim.sources[0].url, WIRE_REPORT);
    assert!(
        claim
            .note
            .contains("Checked before in “Fighters moved across the border”"),
        "{}",
        claim.note
    );
    press(harness, CTRL, Key::Z);
    let claim = draft_claim(harness);
    assert_eq!(claim.status, ClaimStatus::NeedsSource);
    assert!(claim.sources.is_empty());
    assert!(claim.note.is_empty(), "{}", claim.note);
    let (said, _) = crate::common::desk::notice(harness);
    assert!(said.starts_with("Undid: reuse the check of"), "{said}");
}

#[test]
fn a_check_matched_in_memory_shows_on_the_card_and_is_reused_in_one_undoable_step() {
    let dir = temp_dir();
    let draft = review_with_claim(DRAFT_TEXT, "The transfer, one month on", DRAFT_QUOTE);
    let path = save(&draft, &dir.path().join("transfer.copydesk.ron"));
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(path), Some("Bea"), &dialogs);
    let matcher = Matcher::new(vec![checked_as_in_draft(project(&harness))]);
    harness.state_mut().state_mut().library.use_matcher(matcher);
    show_checked_card(&mut harness);
    assert!(
        harness
            .query_all_by_label_contains("Wire report: fighters moved")
            .next()
            .is_some(),
        "the card names the source"
    );
    reuse_then_undo(&mut harness);
}

#[test]
fn a_claim_of_the_open_review_itself_is_not_a_check_made_before() {
    let dir = temp_dir();
    let draft = review_with_claim(DRAFT_TEXT, "The transfer, one month on", DRAFT_QUOTE);
    let path = save(&draft, &dir.path().join("transfer.copydesk.ron"));
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(path), Some("Bea"), &dialogs);
    // The same claim, as another copy of this review holds it.
    let mut own = checked_as_in_draft(project(&harness));
    own.claim = draft_claim_id(&harness);
    let matcher = Matcher::new(vec![own]);
    harness.state_mut().state_mut().library.use_matcher(matcher);
    run_until(&mut harness, "the matches are found", |harness| {
        !harness.state().state().library.matches().is_finding()
    });
    harness.run();
    let id = draft_claim_id(&harness);
    assert!(
        harness
            .state()
            .state()
            .library
            .matches()
            .for_claim(&id)
            .is_empty()
    );
}

#[test]
fn an_earlier_check_is_recognised_with_its_figure_difference_and_reused_in_one_step() {
    // Needs the real store and matching.
    let data = temp_dir();
    let dir = temp_dir();
    let checked = checked_review();
    let checked_path = save(&checked, &dir.path().join("fighters.copydesk.ron"));
    let mut library = copydesk::library::Library::open_in(data.path()).unwrap();
    library.add_review(&checked_path, &checked).unwrap();
    drop(library);
    let draft = review_with_claim(DRAFT_TEXT, "The transfer, one month on", DRAFT_QUOTE);
    let path = save(&draft, &dir.path().join("transfer.copydesk.ron"));
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = crate::common::desk::desk_keeping(
        Some(path),
        Some("Bea"),
        &dialogs,
        crate::common::safekeeping::keeping_in(data.path()),
    );
    show_checked_card(&mut harness);
    let warning = harness
        .query_all_by_label_contains("Last checked as about 5,700 (verified, 1 source)")
        .next()
        .map(|node| {
            // egui gives a label's words as the node's value.
            let node = node.accesskit_node();
            node.label().or_else(|| node.value()).unwrap_or_default()
        });
    let warning = warning.expect("the figure difference is said");
    assert!(
        warning.contains("this draft says more than 4,000"),
        "{warning}"
    );
    reuse_then_undo(&mut harness);
}
