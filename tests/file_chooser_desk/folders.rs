//! Where file dialogs start: in the review's folder, or its article's, for every purpose —
//! not in the folder copydesk happened to be started from.

use std::path::PathBuf;

use copydesk::app::prefs::Preferences;
use copydesk::app::{DialogPurpose, ScriptedFileDialogs};
use egui::Key;
use egui_kittest::kittest::Queryable as _;

use super::{chooser_is_open, desk_with, reviewer};
use crate::common::desk::{CTRL, CTRL_SHIFT, Desk, desk, press, settle};
use crate::common::{temp_dir, write};

/// Asks for every file dialog the desk has: import, revised draft, open, merge, save as,
/// export (each cancelled).
fn ask_every_dialog(harness: &mut Desk) {
    press(harness, CTRL, Key::I);
    press(harness, CTRL_SHIFT, Key::I);
    press(harness, CTRL, Key::O);
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label_contains("Merge another review…")
        .click();
    harness.run();
    press(harness, CTRL_SHIFT, Key::S);
    press(harness, CTRL, Key::E);
    harness.get_by_label("Export…").click();
    harness.run();
}

#[test]
fn every_file_dialog_starts_in_the_articles_folder_then_the_reviews() {
    let articles = temp_dir();
    let article = articles.path().join("story.md");
    write(&article, "# Story\n\nA short draft about bridges.\n");
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(article), Some("Bo"), &dialogs);
    ask_every_dialog(&mut harness);
    let asked = dialogs.asked();
    assert_eq!(asked.len(), 6, "{asked:?}");
    let folder = Some(articles.path().to_owned());
    assert_eq!(dialogs.folders_asked(), vec![folder; 6]);
    assert!(matches!(
        &asked[4],
        DialogPurpose::SaveProject { suggested } if *suggested == articles.path().join("story.copydesk.ron")
    ));

    // Saved elsewhere, the review's folder is where its dialogs start.
    let reviews = temp_dir();
    dialogs.answer_next(Some(reviews.path().join("story.copydesk.ron")));
    press(&mut harness, CTRL_SHIFT, Key::S);
    settle(&mut harness);
    ask_every_dialog(&mut harness);
    let folders = dialogs.folders_asked();
    assert_eq!(
        folders[7..],
        vec![Some(reviews.path().to_owned()); 6],
        "{folders:?}"
    );
}

#[test]
fn without_a_folder_of_its_own_the_sample_starts_in_the_most_recent_files_folder() {
    let recent = temp_dir();
    let earlier = recent.path().join("earlier.md");
    write(&earlier, "# Earlier\n\nText.\n");
    let prefs = Preferences {
        recent_files: vec![earlier],
        ..reviewer()
    };
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk_with(Box::new(dialogs.clone()), prefs);
    press(&mut harness, CTRL_SHIFT, Key::S);
    assert_eq!(
        dialogs.folders_asked(),
        vec![Some(recent.path().to_owned())]
    );
    let suggested = match dialogs.asked().pop() {
        Some(DialogPurpose::SaveProject { suggested }) => suggested,
        other => panic!("{other:?}"),
    };
    assert_eq!(suggested, recent.path().join("sample-article.copydesk.ron"));
}

#[test]
fn copydesks_own_chooser_starts_in_the_articles_folder_and_offers_its_places() {
    let articles = temp_dir();
    let article = articles.path().join("story.md");
    write(&article, "# Story\n\nA short draft about bridges.\n");
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(article), Some("Bo"), &dialogs);
    harness.state_mut().state_mut().prefs.own_file_chooser = true;
    press(&mut harness, CTRL, Key::O);
    assert!(chooser_is_open(&harness));
    let chooser = harness.state().state().files.chooser().unwrap();
    assert_eq!(chooser.folder(), articles.path());
    let places: Vec<(String, PathBuf)> = chooser
        .places()
        .iter()
        .map(|place| (place.label.clone(), place.folder.clone()))
        .collect();
    assert_eq!(
        places[0],
        (
            "The article's folder".to_owned(),
            articles.path().to_owned()
        )
    );
    assert!(
        places.iter().any(|(label, _)| label == "Home"),
        "{places:?}"
    );
    // Each place is a button that shows its folder.
    harness.get_by_label("🗀 The article's folder");
    harness.get_by_label("🗀 Home");
}
