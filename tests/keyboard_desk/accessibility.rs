//! The desk as a screen reader meets it: every node a person can act on (click, focus, type
//! into, toggle, pick from) has a name and a role, with the sample open in each side panel
//! tab, with each menu open and with each dialog shown.

use copydesk::app::side_panel::SidePanel;
use copydesk::app::{ScriptedFileDialogs, UiCommand};
use copydesk::storage::Safekeeping;
use egui::Key;
use egui::accesskit::{Action, Role};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common::desk::{ALT, CTRL, Desk, desk, desk_keeping, press};
use crate::common::safekeeping::{
    OtherDesk, Workspace, approve_and_wait_for_journal, as_if_crashed, desk_journaling,
};

/// Every node a person can act on that lacks a name or a role, described for the message.
fn nameless_or_roleless(harness: &Desk) -> Vec<String> {
    harness
        .root()
        .children_recursive()
        .map(|node| node.accesskit_node())
        .filter(|node| !node.is_hidden())
        .filter(|node| {
            let data = node.data();
            egui::accessibility::is_input(node.role())
                || data.supports_action(Action::Click)
                || data.supports_action(Action::Focus)
        })
        // egui's scroll bars are announced by their role, orientation and position, and egui
        // offers no way to name them.
        .filter(|node| node.role() != Role::ScrollBar)
        .filter(|node| {
            let has_role = !matches!(node.role(), Role::Unknown | Role::GenericContainer);
            !has_role || !is_named(node)
        })
        .map(|node| {
            let inside = std::iter::successors(node.parent(), |n| n.parent())
                .find_map(|n| n.label())
                .unwrap_or_default();
            format!(
                "{:?} {:?} at {:?} inside {inside:?}",
                node.role(),
                node.label(),
                node.raw_bounds()
            )
        })
        .collect()
}

/// A label or, for a piece of text, the text itself.
fn is_named(node: &egui_kittest::kittest::AccessKitNode<'_>) -> bool {
    let text = match node.role() {
        Role::Label => node.value(),
        _ => None,
    };
    node.label()
        .or(text)
        .is_some_and(|name| !name.trim().is_empty())
}

#[track_caller]
fn assert_all_named(harness: &Desk, shown: &str) {
    let missing = nameless_or_roleless(harness);
    assert!(
        missing.is_empty(),
        "{shown}: {} node(s) without a name or a role:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn every_node_of_the_desk_that_can_be_acted_on_has_a_name_and_a_role() {
    let mut harness = desk(None, Some("Ana"), &ScriptedFileDialogs::default());
    assert_all_named(&harness, "the sample");
    // A selection brings its Comment and Flag claim buttons; a caret is placed.
    press(&mut harness, CTRL, Key::G);
    harness.event(egui::Event::Text("east".to_owned()));
    harness.run();
    assert_all_named(&harness, "the Go to section dialog");
    press(&mut harness, egui::Modifiers::NONE, Key::Enter);
    press(
        &mut harness,
        CTRL.plus(egui::Modifiers::SHIFT),
        Key::ArrowRight,
    );
    assert!(
        harness
            .state()
            .state()
            .navigation
            .text_selection()
            .is_some()
    );
    assert_all_named(&harness, "a selection");

    for panel in SidePanel::ALL {
        let shortcut = UiCommand::ShowPanel(panel).shortcut().unwrap();
        press(&mut harness, shortcut.modifiers, shortcut.logical_key);
        assert_eq!(harness.state().state().views.side_panel(), panel);
        assert_all_named(&harness, &format!("the {} tab", panel.label()));
    }
    for menu in ["File", "Edit", "Review", "Fact-check", "View", "Help"] {
        if let Some(button) = harness.query_by_label(menu) {
            button.click();
            harness.run();
            assert_all_named(&harness, &format!("the {menu} menu"));
            press(&mut harness, egui::Modifiers::NONE, Key::Escape);
        }
    }
    press(&mut harness, egui::Modifiers::NONE, Key::F1);
    assert_all_named(&harness, "the shortcuts");
    press(&mut harness, egui::Modifiers::NONE, Key::Escape);
    press(&mut harness, CTRL, Key::E);
    assert_all_named(&harness, "the export dialog");
    press(&mut harness, egui::Modifiers::NONE, Key::Escape);
    press(&mut harness, ALT, Key::Num4);
    press(&mut harness, CTRL, Key::Q);
    assert!(harness.state().state().dialogs.modal().is_some());
    assert_all_named(&harness, "the unsaved-changes question");
}

#[test]
fn the_first_start_and_the_questions_about_files_have_names_and_roles_too() {
    let first_start = desk(None, None, &ScriptedFileDialogs::default());
    assert!(first_start.state().state().dialogs.modal().is_some());
    assert_all_named(&first_start, "the reviewer-name dialog");

    // Someone else has the review open.
    let workspace = Workspace::new();
    let other = OtherDesk::holding(&workspace.path);
    let elsewhere = desk_keeping(
        Some(workspace.path.clone()),
        Some("Ana"),
        &workspace.dialogs,
        Safekeeping::in_data_dir(None),
    );
    assert!(elsewhere.state().state().dialogs.modal().is_some());
    assert_all_named(&elsewhere, "the open-elsewhere question");
    drop(elsewhere);
    drop(other);

    // The file changed on disk since it was opened.
    let Workspace {
        dir: _folder,
        path,
        data,
        journals,
        dialogs,
    } = Workspace::new();
    let mut harness = desk_journaling(&path, data.path(), &dialogs);
    let journal = approve_and_wait_for_journal(&mut harness, &journals);
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("Riverton", "Rivertown", 1);
    std::fs::write(&path, theirs).unwrap();
    press(&mut harness, CTRL, Key::S);
    assert!(harness.state().state().dialogs.modal().is_some());
    assert_all_named(&harness, "the changed-on-disk question");

    // A desk that died left its work: offered back.
    drop(harness);
    as_if_crashed(&journal);
    let recovering = desk_journaling(&path, data.path(), &dialogs);
    assert!(recovering.state().state().dialogs.modal().is_some());
    assert_all_named(&recovering, "the recovery question");
}
