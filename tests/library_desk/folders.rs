//! The Library tab: folders of reviews added (through the system's dialog or copydesk's own
//! chooser), read with the status bar's progress bar, a review that cannot be read named
//! with why; and a desk whose library cannot be used saying so once and working on.

use std::path::Path;

use copydesk::app::side_panel::SidePanel;
use copydesk::app::{DialogPurpose, ScriptedFileDialogs};
use egui::Key;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{CTRL, Desk, click, desk, desk_keeping, press, type_into};
use crate::common::safekeeping::{keeping_in, run_until};
use crate::common::temp_dir;

use super::{checked_review, save};

fn show_library_tab(harness: &mut Desk) {
    press(harness, CTRL, Key::Num7);
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Library
    );
}

/// A folder of the team's reviews: `count` good ones, each with `paragraphs` more paragraphs
/// of background (so reading them takes a while), and one that is not a review.
fn team_folder(folder: &Path, count: usize, paragraphs: usize) {
    let mut review = checked_review();
    let background: Vec<String> = (0..paragraphs)
        .map(|index| {
            format!(
                "Background paragraph {index}: the ministry's figures for the border \
                 crossings were published weekly, with the numbers of people moved, the \
                 prisons they were moved to and the officials who signed each order."
            )
        })
        .collect();
    review.sections.push(copydesk::model::Section::new(
        Some("Background".to_owned()),
        1,
        &background,
    ));
    for index in 0..count {
        save(
            &review,
            &folder.join(format!("fighters-{index:03}.copydesk.ron")),
        );
    }
    std::fs::write(
        folder.join("broken.copydesk.ron"),
        "(version: 7, title: \"half a review",
    )
    .unwrap();
}

fn shows(harness: &Desk, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn the_library_is_built_from_a_folder_with_a_progress_bar_and_a_corrupt_review_named() {
    // Needs the real store.
    let data = temp_dir();
    let reviews = temp_dir();
    // Enough to read for the bar to show (150 ms) even on a fast machine: 300 reviews of
    // some 12,000 words each.
    team_folder(reviews.path(), 300, 400);
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_keeping(None, Some("Ana"), &dialogs, keeping_in(data.path()));
    show_library_tab(&mut harness);
    dialogs.answer_next(Some(reviews.path().to_owned()));
    // Clicked and then stepped frame by frame: `harness.run()` would run frames until the
    // update is over, and the bar would never be seen.
    harness.get_by_label("Add folder to the library").click();
    // The folder comes back from the dialog's thread, then the update starts.
    run_until(&mut harness, "the update started", |harness| {
        harness.state().state().library.is_updating()
    });
    assert_eq!(dialogs.asked(), [DialogPurpose::LibraryFolder]);
    // The bar shows once the update has run 150 ms; 300 reviews take longer than that.
    let mut bar_shown = false;
    let started = std::time::Instant::now();
    while harness.state().state().library.is_updating() {
        bar_shown |= shows(&harness, "Updating the claim library");
        assert!(started.elapsed().as_secs() < 60, "the update never ended");
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    assert!(bar_shown, "the status bar showed the update's progress");
    let library = &harness.state().state().library;
    assert_eq!(library.folders(), [reviews.path().canonicalize().unwrap()]);
    let report = library.last_update().expect("the update reported");
    assert_eq!(report.skipped.len(), 1, "{report:?}");
    assert!(report.skipped[0].path.ends_with("broken.copydesk.ron"));
    assert!(
        shows(&harness, "broken.copydesk.ron:"),
        "the tab names the skipped review"
    );
    assert!(
        shows(&harness, "from 300 reviews"),
        "the tab says what the library holds"
    );
    let (said, _) = crate::common::desk::notice(&harness);
    assert!(said.contains("skipped: broken.copydesk.ron"), "{said}");
}

#[test]
fn a_folder_picked_in_copydesks_own_chooser_is_read() {
    // Needs the real store.
    let data = temp_dir();
    let reviews = temp_dir();
    team_folder(reviews.path(), 2, 0);
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_keeping(None, Some("Ana"), &dialogs, keeping_in(data.path()));
    harness.state_mut().state_mut().prefs.own_file_chooser = true;
    show_library_tab(&mut harness);
    click(&mut harness, "Add folder to the library");
    assert!(
        dialogs.asked().is_empty(),
        "copydesk's own chooser, not the system's"
    );
    press(&mut harness, CTRL, Key::A);
    type_into(&mut harness, "Path", &reviews.path().display().to_string());
    click(&mut harness, "Add this folder");
    assert!(harness.state().state().files.chooser().is_none());
    run_until(&mut harness, "the folder is read", |harness| {
        !harness.state().state().library.folders().is_empty()
            && !harness.state().state().library.is_updating()
    });
}

#[test]
fn without_a_data_folder_the_library_tab_says_why_there_is_no_library() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Ana"), &dialogs);
    show_library_tab(&mut harness);
    assert!(shows(&harness, "keeps no claim library"));
    assert!(
        harness
            .query_by_label("Add folder to the library")
            .is_none()
    );
}

#[test]
fn the_library_tab_is_laid_out_in_a_small_window_and_reached_with_the_keyboard() {
    let data = temp_dir();
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_keeping(None, Some("Ana"), &dialogs, keeping_in(data.path()));
    harness.set_size(egui::vec2(1024.0, 700.0));
    harness.run();
    show_library_tab(&mut harness);
    for label in [
        "Search the claim library",
        "Add folder to the library",
        "Update library",
    ] {
        let node = harness.get_by_label(label);
        let rect = node.rect();
        assert!(
            rect.max.x <= 1024.0 && rect.max.y <= 700.0,
            "{label} is inside the window: {rect:?}"
        );
    }
    // Ctrl+7 put the keyboard in the search field: typing searches, no click needed.
    harness.event(egui::Event::Text("fighters".to_owned()));
    harness.run();
    assert_eq!(harness.state().state().library.search_query(), "fighters");
    // And the field takes what is typed into it after a click too.
    type_into(&mut harness, "Search the claim library", " moved");
    assert!(
        harness
            .state()
            .state()
            .library
            .search_query()
            .ends_with("moved")
    );
}
