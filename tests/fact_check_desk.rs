//! The fact-checker's desk, driven through its accessible labels: suggestions accepted and
//! dismissed, clicked in the text and offered all or only the strong ones, the claims view
//! filtered, open claims visited from the keyboard.

use copydesk::app::ScriptedFileDialogs;
use copydesk::app::side_panel::SidePanel;
use copydesk::memo::markdown_memo;
use copydesk::model::{CheckKind, ClaimStatus, MarkId};
use copydesk::project_file::load_project;
use copydesk::query::StatusFilter;
use copydesk::suggest::{STRONG_SCORE, SuggestionStrength, detect_in_project, undecided};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{
    CTRL, CTRL_ALT, CTRL_SHIFT, Desk, click, click_at, desk, press, project, type_into,
};
use crate::common::{seed_article, temp_dir};

fn undecided_count(harness: &Desk) -> usize {
    harness
        .state()
        .state()
        .views
        .suggestions()
        .undecided_count()
}

#[test]
fn a_fact_checker_works_the_seed_from_suggestions_to_the_memo() {
    let Some(seed) = seed_article() else { return };
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(seed), Some("Fay Checker"), &dialogs);
    let at_start = undecided_count(&harness);
    assert!(at_start >= 15, "{at_start} suggestions");

    // The suggestions list, grouped by kind; accept every figure at once, and undo it.
    click(&mut harness, "Suggestions tab");
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Suggestions
    );
    click(&mut harness, "Accept all Figure suggestions");
    let claims = &project(&harness).claims;
    assert_eq!(claims.len(), 3);
    assert!(claims.iter().all(|c| c.kinds.contains(&CheckKind::Figure)
        && c.status == ClaimStatus::NeedsSource
        && c.author == "Fay Checker"));
    press(&mut harness, CTRL, Key::Z);
    assert!(project(&harness).claims.is_empty());
    assert_eq!(undecided_count(&harness), at_start);

    // Work down the list from the keyboard: next, dismiss, next, accept.
    press(&mut harness, Modifiers::NONE, Key::F9);
    let first = harness
        .state()
        .state()
        .navigation
        .selected_suggestion()
        .cloned()
        .unwrap();
    let first_sentence = harness
        .state()
        .state()
        .views
        .suggestions()
        .find(&first)
        .unwrap()
        .sentence
        .clone();
    assert!(
        first_sentence.contains("more than 4,000"),
        "{first_sentence}"
    );
    press(&mut harness, CTRL_ALT, Key::D);
    assert_eq!(project(&harness).dismissed.len(), 1);
    assert!(first_sentence.starts_with(&project(&harness).dismissed[0].sentence[..20]));
    // Deciding moves on to the next suggestion by itself.
    let second = harness
        .state()
        .state()
        .navigation
        .selected_suggestion()
        .cloned()
        .unwrap();
    assert_ne!(second, first);
    click(&mut harness, "Accept as claim");
    assert_eq!(project(&harness).claims.len(), 1);
    // Undo the dismissal too: the first sentence is suggested again.
    press(&mut harness, CTRL, Key::Z);
    press(&mut harness, CTRL, Key::Z);
    assert!(project(&harness).dismissed.is_empty() && project(&harness).claims.is_empty());
    press(&mut harness, CTRL_SHIFT, Key::Z);
    assert_eq!(project(&harness).dismissed.len(), 1);

    // Accept the promotional footer: it becomes a comment proposing the cut.
    click(&mut harness, "Accept all Promotional line suggestions");
    let promo_comments = project(&harness)
        .comments
        .iter()
        .filter(|c| c.body.contains("Promotional"))
        .count();
    assert_eq!(promo_comments, 2);
    click(&mut harness, "Accept all Figure suggestions");
    click(&mut harness, "Accept all Unnamed source suggestions");
    let claims = project(&harness).claims.len();
    assert!(claims >= 8, "{claims} claims");

    // The claims view: filter by kind, by status; next open claim by keyboard.
    click(&mut harness, "Claims tab");
    click(&mut harness, "Filter claims by kind");
    click(&mut harness, "Unnamed source");
    let view = harness.state().state().views.claims_view().clone();
    let project_now = project(&harness).clone();
    let listed = view.claims(&project_now);
    assert!(!listed.is_empty());
    assert!(
        listed
            .iter()
            .all(|c| c.kinds.contains(&CheckKind::UnnamedSource))
    );
    assert!(listed.len() < claims);

    press(&mut harness, Modifiers::NONE, Key::F8);
    let Some(MarkId::Claim(first_open)) =
        harness.state().state().navigation.selected_mark().cloned()
    else {
        panic!("F8 selects a claim");
    };
    // The first open claim in reading order.
    let first_claim = project(&harness).claim(&first_open).unwrap().clone();
    let earliest = project(&harness)
        .claims
        .iter()
        .min_by_key(|c| (project(&harness).section_index(&c.section), c.passage.start))
        .unwrap();
    assert_eq!(earliest.id, first_open);
    let scrolled_to = harness
        .state()
        .article_view()
        .char_screen_pos(&first_claim.section, first_claim.passage.start);
    assert!(scrolled_to.is_some(), "the text shows the claim");

    // Its card opens in the claims view: verify it with a source.
    click(&mut harness, "Filter claims by kind");
    click(&mut harness, "Any");
    let name = format!(
        "“{}”",
        copydesk::text::shortened(&first_claim.passage.quote, 40)
    );
    click(&mut harness, &format!("Claim status {name}"));
    click(&mut harness, "Verified");
    click(&mut harness, &format!("Add source to claim {name}"));
    type_into(
        &mut harness,
        &format!("Source 1 URL for claim {name}"),
        "https://example.org/centcom-release",
    );
    click(&mut harness, &format!("Source 1 Primary: claim {name}"));
    click(
        &mut harness,
        &format!("Source 1 accessed today: claim {name}"),
    );
    let claim = project(&harness).claim(&first_open).unwrap().clone();
    assert_eq!(claim.status, ClaimStatus::Verified);
    assert_eq!(claim.history.len(), 2);
    assert_eq!(claim.history[1].by, "Fay Checker");
    assert_eq!(claim.sources[0].url, "https://example.org/centcom-release");
    assert_eq!(claim.sources[0].rank, copydesk::model::SourceRank::Primary);
    assert!(claim.sources[0].accessed.is_some());

    // F8 moves on past the verified claim; Shift+F8 goes back.
    press(&mut harness, Modifiers::NONE, Key::F8);
    let Some(MarkId::Claim(next_open)) =
        harness.state().state().navigation.selected_mark().cloned()
    else {
        panic!("F8 selects a claim");
    };
    assert_ne!(next_open, first_open);
    assert!(project(&harness).claim(&next_open).unwrap().is_open());
    click(&mut harness, "Filter claims by status");
    click(&mut harness, "Open (blocking)");
    assert_eq!(
        harness.state().state().views.claims_view().status,
        StatusFilter::Open
    );
    let project_now = project(&harness).clone();
    assert!(
        !harness
            .state()
            .state()
            .views
            .claims_view()
            .claims(&project_now)
            .iter()
            .any(|c| c.id == first_open)
    );

    // Save, reopen: decisions, history and sources are all there; the memo shows them.
    let dir = temp_dir();
    let saved = dir.path().join("seed.copydesk.ron");
    dialogs.answer_next(Some(saved.clone()));
    press(&mut harness, CTRL, Key::S);
    let reopened = load_project(&saved).unwrap();
    assert_eq!(&reopened, project(&harness));
    let all = detect_in_project(&reopened);
    let left = undecided(&all, &reopened);
    assert!(!left.iter().any(|s| s.sentence == first_sentence));
    let memo = markdown_memo(&reopened, &left);
    assert!(memo.contains("### Verified (1)"));
    assert!(memo.contains("https://example.org/centcom-release"));
    assert!(memo.contains("### Suggestions not yet decided"));
}

#[test]
fn suggestions_can_be_hidden_and_clicked_in_the_text() {
    let Some(seed) = seed_article() else { return };
    let mut harness = desk(Some(seed), Some("Fay"), &ScriptedFileDialogs::default());
    assert!(harness.state().state().prefs.show_suggestions);
    press(&mut harness, Modifiers::NONE, Key::F7);
    assert!(!harness.state().state().prefs.show_suggestions);
    press(&mut harness, Modifiers::NONE, Key::F7);

    // Clicking a suggested sentence's underline opens it in the suggestions list.
    let suggestion = harness
        .state()
        .state()
        .views
        .suggestions()
        .undecided()
        .next()
        .unwrap()
        .clone();
    let line = harness
        .state()
        .article_view()
        .char_screen_rect(&suggestion.section, suggestion.range.start + 5)
        .expect("the first suggestion is on screen");
    click_at(
        &mut harness,
        egui::pos2(line.center().x, line.bottom() - 1.0),
    );
    let state = harness.state().state();
    assert_eq!(state.views.side_panel(), SidePanel::Suggestions);
    assert_eq!(
        state.navigation.selected_suggestion().map(|k| k.start),
        Some(suggestion.range.start)
    );
    harness.get_by_label("Dismiss");
}

#[test]
fn a_suggested_sentence_leads_to_the_suggestions_from_its_underline_not_its_words() {
    let mut harness = desk(None, Some("Fay"), &ScriptedFileDialogs::default());
    let on_screen = {
        let state = harness.state();
        state
            .state()
            .views
            .suggestions()
            .undecided()
            .find_map(|suggestion| {
                let middle = (suggestion.range.start + suggestion.range.end) / 2;
                let line = state
                    .article_view()
                    .char_screen_rect(&suggestion.section, middle)?;
                Some((suggestion.clone(), line))
            })
    };
    let (suggestion, line) = on_screen.expect("a suggested sentence on screen");
    let selected = |harness: &Desk| {
        harness
            .state()
            .state()
            .navigation
            .selected_suggestion()
            .cloned()
    };

    // Its words are text like any other: a click there leaves the side panel alone.
    click_at(&mut harness, line.center());
    assert_eq!(selected(&harness), None);
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Section
    );

    // Its underline leads to it in the suggestions list.
    click_at(
        &mut harness,
        egui::pos2(line.center().x, line.bottom() - 1.0),
    );
    assert_eq!(
        selected(&harness).map(|key| key.start),
        Some(suggestion.range.start)
    );
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Suggestions
    );
}

#[test]
fn next_open_claim_visits_every_open_claim_even_those_sharing_a_start() {
    let mut harness = desk(None, Some("Fay"), &ScriptedFileDialogs::default());
    // The sample has two open claims; flag a third that starts where the first does.
    crate::common::desk::drag_select(&mut harness, "adding 1,200 bicycles");
    press(&mut harness, CTRL_ALT, Key::F);
    let open: Vec<_> = project(&harness)
        .claims
        .iter()
        .filter(|c| c.is_open())
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(open.len(), 3);
    let mut visited = Vec::new();
    for _ in 0..3 {
        press(&mut harness, Modifiers::NONE, Key::F8);
        let Some(MarkId::Claim(id)) = harness.state().state().navigation.selected_mark().cloned()
        else {
            panic!("F8 selects a claim");
        };
        visited.push(id);
    }
    visited.sort();
    let mut expected = open;
    expected.sort();
    assert_eq!(
        visited, expected,
        "three presses, three different open claims"
    );

    // In the claims view, F8 keeps to the listed claims: here the section with only a
    // verified claim has none open.
    click(&mut harness, "Claims tab");
    click(&mut harness, "Filter claims by section");
    // The heading in the article has the same name; the option is the one in the side panel.
    harness
        .get_all_by_label("Why the East Side")
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .state()
            .state()
            .views
            .claims_view()
            .section
            .is_some()
    );
    let before = harness.state().state().navigation.selected_mark().cloned();
    press(&mut harness, Modifiers::NONE, Key::F8);
    assert_eq!(
        harness.state().state().navigation.selected_mark().cloned(),
        before
    );
    let notice = harness.state().state().dialogs.notice().cloned().unwrap();
    assert!(
        notice
            .text
            .contains("No open claim among the claims listed")
    );
}

#[test]
fn the_view_menu_offers_only_the_strong_suggestions_and_back() {
    let mut harness = desk(None, Some("Fay"), &ScriptedFileDialogs::default());
    let all = undecided_count(&harness);
    let choose = |harness: &mut Desk, label: &str| {
        harness.get_by_label("View").click();
        harness.run();
        harness.get_by_label_contains(label).click();
        harness.run();
    };
    choose(&mut harness, "Suggestions: strong only");
    let state = harness.state().state();
    assert_eq!(state.prefs.suggestion_strength, SuggestionStrength::Strong);
    let strong = undecided_count(&harness);
    assert!(0 < strong && strong < all, "{strong} of {all}");
    assert!(
        state
            .views
            .suggestions()
            .undecided()
            .all(|s| s.score() >= STRONG_SCORE)
    );
    choose(&mut harness, "Suggestions: all");
    assert_eq!(undecided_count(&harness), all);
}
