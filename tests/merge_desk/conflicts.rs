//! The Conflicts tab: each conflict with both sides, a pick is one undoable step, and the
//! status bar, the tab and the outline count what is left.

use copydesk::app::ScriptedFileDialogs;
use copydesk::app::side_panel::SidePanel;
use copydesk::model::ReviewStatus;
use egui::Key;
use egui_kittest::kittest::Queryable as _;

use super::{sample_with_two_conflicts, saved, shows};
use crate::common::desk::{CTRL, click, desk, press, project, settle};
use crate::common::temp_dir;

/// The status bar's count (the tab's header says no number, the outline counts by section).
const STATUS_BAR_TWO: &str = "⚡ 2 conflicts to settle";
const STATUS_BAR_ONE: &str = "⚡ 1 conflict to settle";
const OPENING_STATUS: &str = "the status of section “Opening”";
const EXPERTS_TEXT: &str = "the text of the comment on “Experts note”";

#[test]
fn conflicts_are_listed_settled_one_step_each_and_undone() {
    let dir = temp_dir();
    let path = saved(
        dir.path(),
        "merged.copydesk.ron",
        &sample_with_two_conflicts(),
    );
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(path), Some("Cy"), &dialogs);

    // A review with conflicts opens on the Conflicts tab, and says how many everywhere.
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Conflicts
    );
    harness.get_by_label("Conflicts tab");
    assert!(shows(&harness, STATUS_BAR_TWO));
    assert!(shows(&harness, "It has 2 conflicts to settle"));
    harness.get_by_label("Opening: 1 conflict to settle");
    harness.get_by_label("Why the East Side: 1 conflict to settle");
    assert!(
        harness
            .query_by_label("Costs and Funding: 1 conflict to settle")
            .is_none()
    );
    // Each side with where it came from and who changed it.
    assert!(shows(&harness, "by Ana (Editor) · "));
    assert!(shows(&harness, "by Bo · "));
    assert!(shows(&harness, "Before: In review"));
    // Keeping both is only for texts.
    assert!(
        harness
            .query_by_label(&format!("Keep both for {OPENING_STATUS}"))
            .is_none()
    );

    // Theirs for the status: the section takes Bo's status, and one conflict is left.
    click(&mut harness, &format!("Keep theirs for {OPENING_STATUS}"));
    assert_eq!(
        project(&harness).sections[0].status,
        ReviewStatus::NeedsChanges
    );
    assert_eq!(project(&harness).conflicts.len(), 1);
    assert!(shows(&harness, STATUS_BAR_ONE));
    assert!(
        harness
            .query_by_label("Opening: 1 conflict to settle")
            .is_none()
    );

    // Ctrl+Z brings the conflict back; then ours: Ana's approval, stamped as hers.
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(project(&harness).conflicts.len(), 2);
    assert!(shows(&harness, STATUS_BAR_TWO));
    click(&mut harness, &format!("Keep ours for {OPENING_STATUS}"));
    let opening = &project(&harness).sections[0];
    assert_eq!(opening.status, ReviewStatus::Approved);
    assert_eq!(opening.status_set.as_ref().unwrap().by, "Ana");

    // Both texts: Ana's stays on the comment, Bo's becomes a second comment beside it.
    let comments_before = project(&harness).comments.len();
    click(&mut harness, &format!("Keep both for {EXPERTS_TEXT}"));
    let comments = &project(&harness).comments;
    assert_eq!(comments.len(), comments_before + 1);
    assert_eq!(comments[1].body, "Name the experts.");
    let added = comments.last().unwrap();
    assert_eq!(added.body, "Cut the experts line.");
    assert_eq!(added.section, comments[1].section);
    assert!(project(&harness).conflicts.is_empty());
    assert!(!shows(&harness, "⚡"), "nothing says a conflict is left");
    assert!(shows(&harness, "No conflicts"));

    // Each pick was one step: two undos bring both conflicts back.
    press(&mut harness, CTRL, Key::Z);
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(project(&harness).conflicts.len(), 2);
    assert_eq!(project(&harness).comments.len(), comments_before);
    assert_eq!(
        project(&harness).sections[0].status,
        ReviewStatus::NeedsChanges
    );
}

#[test]
fn a_conflicts_title_goes_to_what_it_is_about() {
    let dir = temp_dir();
    let path = saved(
        dir.path(),
        "merged.copydesk.ron",
        &sample_with_two_conflicts(),
    );
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(path), Some("Cy"), &dialogs);
    let experts = project(&harness).comments[1].clone();
    click(&mut harness, &format!("Show {EXPERTS_TEXT}"));
    let navigation = &harness.state().state().navigation;
    assert_eq!(navigation.current_section(), Some(&experts.section));
    assert_eq!(
        navigation.selected_mark(),
        Some(&copydesk::model::MarkId::Comment(experts.id))
    );
    // The outline's word for a section's conflicts goes to the section and the tab.
    press(&mut harness, CTRL, Key::Num1);
    click(&mut harness, "Opening: 1 conflict to settle");
    let state = harness.state().state();
    assert_eq!(state.views.side_panel(), SidePanel::Conflicts);
    assert_eq!(
        state.navigation.current_section(),
        Some(&project(&harness).sections[0].id)
    );
}

#[test]
fn the_next_review_without_conflicts_opens_on_the_section_tab() {
    let dir = temp_dir();
    let path = saved(
        dir.path(),
        "merged.copydesk.ron",
        &sample_with_two_conflicts(),
    );
    let article = dir.path().join("next.md");
    std::fs::write(&article, "# Next story\n\nThe council met on Monday.\n").unwrap();
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(path), Some("Cy"), &dialogs);
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Conflicts
    );
    // The Conflicts tab was about the review closed: the next one starts on its sections.
    dialogs.answer_next(Some(article));
    press(&mut harness, CTRL, Key::I);
    settle(&mut harness);
    assert_eq!(project(&harness).title, "Next story");
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Section
    );
}
