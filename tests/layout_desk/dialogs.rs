//! Dialogs at every window size: inside the window, their buttons in reach, and a list longer
//! than the window (the keyboard shortcuts) scrolls.

use egui::Key;
use egui::accesskit::Role;
use egui::{Modifiers, Vec2};
use egui_kittest::kittest::Queryable as _;

use super::geometry::container_rects;
use super::{SIZES, assert_fits, desk_at};
use crate::common::desk::{CTRL, Desk, press};

fn assert_dialog_fits(harness: &Desk, size: Vec2, what: &str, buttons: &[&str]) {
    let window = harness.ctx.content_rect();
    let dialogs = container_rects(harness, Role::Dialog);
    assert!(!dialogs.is_empty(), "{what}: no dialog");
    for dialog in dialogs {
        assert!(
            window.contains_rect(dialog),
            "at {size:?} {what} is cut off: {dialog:?} in {window:?}"
        );
    }
    for label in buttons {
        let button = harness.get_by_label(label).rect();
        assert!(
            window.contains_rect(button),
            "at {size:?} {what}: “{label}” is out of reach at {button:?}"
        );
    }
    assert_fits(harness, size, what);
}

#[test]
fn dialogs_fit_every_window_and_long_ones_scroll() {
    for size in SIZES {
        let mut harness = desk_at(size, None);
        press(&mut harness, Modifiers::NONE, Key::F1);
        assert_dialog_fits(&harness, size, "the shortcuts", &["Close"]);
        // The end of the list can be scrolled to.
        harness.get_by_label("Double / triple click").scroll_to_me();
        harness.run();
        let last = harness.get_by_label("Double / triple click").rect();
        let in_view = container_rects(&harness, Role::Dialog)
            .iter()
            .any(|dialog| dialog.contains_rect(last));
        assert!(
            in_view && harness.ctx.content_rect().contains_rect(last),
            "at {size:?} the last shortcut cannot be brought into view: {last:?}"
        );
        assert_dialog_fits(&harness, size, "the shortcuts, scrolled", &["Close"]);
        harness.get_by_label("Close").click();
        harness.run();
        assert!(
            harness.state().state().dialogs.modal().is_none(),
            "at {size:?} Close left the shortcuts open: {:?} {:?}",
            harness.get_by_label("Close").rect(),
            container_rects(&harness, Role::Dialog)
        );

        press(&mut harness, CTRL, Key::E);
        assert_dialog_fits(&harness, size, "the export dialog", &["Export…", "Cancel"]);
        harness.get_by_label("Cancel").click();
        harness.run();
        assert!(harness.state().state().dialogs.modal().is_none());

        // Go to section lists every section with Go and Cancel under the list, never over it.
        press(&mut harness, CTRL, Key::G);
        assert_dialog_fits(&harness, size, "go to section", &["Go", "Cancel"]);
        harness.get_by_label("Cancel").click();
        harness.run();
        assert!(harness.state().state().dialogs.modal().is_none());
    }
}
