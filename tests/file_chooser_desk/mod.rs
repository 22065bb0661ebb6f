//! Files on a desktop where no system file dialog can appear (no portal, no zenity: i3, sway,
//! minimal installs, X forwarding): the desk notices, says why, and opens, saves and exports
//! through its own chooser — typed paths, the folder list, and a question before a file is
//! written over. Every dialog starts in the review's folder, the system's and copydesk's own.

#[cfg(target_os = "linux")] // Xvfb
mod bare_session;
mod folders;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::channel;

use copydesk::app::file_dialogs::PendingDialog;
use copydesk::app::prefs::Preferences;
use copydesk::app::{CopydeskApp, DeskOptions, DialogPurpose, FileDialogs, Start};
use copydesk::model::ReviewStatus;
use copydesk::project_file::load_project;
use copydesk::storage::Safekeeping;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{CTRL, CTRL_SHIFT, Desk, notice, press, project, settle};
use crate::common::temp_dir;

/// File dialogs as rfd gives them where neither a portal nor zenity can show one: Cancel, at
/// once. `says_so` makes them tell it up front, as the real ones do when the environment
/// shows it (no session bus, no zenity on the PATH).
#[derive(Clone, Default)]
struct NoSystemDialog {
    asked: Arc<AtomicUsize>,
    says_so: bool,
}

impl NoSystemDialog {
    fn saying_so() -> Self {
        Self {
            says_so: true,
            ..Self::default()
        }
    }

    fn asked(&self) -> usize {
        self.asked.load(Ordering::SeqCst)
    }
}

impl FileDialogs for NoSystemDialog {
    fn ask(
        &mut self,
        purpose: DialogPurpose,
        _folder: Option<&Path>,
        _ctx: &egui::Context,
    ) -> PendingDialog {
        self.asked.fetch_add(1, Ordering::SeqCst);
        let (sender, answer) = channel();
        sender.send(None).unwrap();
        PendingDialog { purpose, answer }
    }

    fn unavailable_because(&self) -> Option<String> {
        self.says_so.then(|| {
            copydesk::app::file_dialogs::system_dialog_missing(|_| None)
                .expect("an empty environment has neither")
        })
    }
}

/// The desk on the sample, with these dialogs.
fn desk_with(dialogs: Box<dyn FileDialogs>, prefs: Preferences) -> Desk {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(120)
        .build_eframe(move |cc| {
            CopydeskApp::new(
                cc,
                DeskOptions {
                    file: None,
                    start: Start::Sample,
                    prefs: Some(prefs),
                    dialogs,
                    safekeeping: Safekeeping::in_data_dir(None),
                },
            )
        });
    harness.run();
    harness
}

fn reviewer() -> Preferences {
    Preferences {
        reviewer_name: "Bo".to_owned(),
        ..Preferences::default()
    }
}

/// Types `path` into the chooser's Path field, over what it held, and presses Enter.
fn type_path(harness: &mut Desk, path: &Path) {
    harness.get_by_label("Path").focus();
    harness.run();
    press(harness, CTRL, Key::A);
    harness
        .get_by_label("Path")
        .type_text(&path.display().to_string());
    harness.run();
    press(harness, egui::Modifiers::NONE, Key::Enter);
}

fn chooser_is_open(harness: &Desk) -> bool {
    harness.state().state().files.chooser().is_some()
}

fn review_path(harness: &Desk) -> Option<PathBuf> {
    let review = harness.state().state().review.as_ref().unwrap();
    review.path().map(Path::to_owned)
}

#[test]
fn a_system_dialog_that_cancels_at_once_gives_way_to_copydesks_own_which_saves() {
    let dialogs = NoSystemDialog::default();
    let mut harness = desk_with(Box::new(dialogs.clone()), reviewer());
    press(&mut harness, CTRL, Key::S);
    assert_eq!(dialogs.asked(), 1);
    assert!(chooser_is_open(&harness), "copydesk's own chooser is up");
    let (text, is_error) = notice(&harness);
    assert!(!is_error && text.contains("using copydesk's own"), "{text}");
    // It starts with the name the system dialog would have offered.
    let typed = harness.get_by_label("Path").value().unwrap_or_default();
    assert!(typed.ends_with("sample-article.copydesk.ron"), "{typed}");

    // A typed path without the extension saves as a review.
    let dir = temp_dir();
    type_path(&mut harness, &dir.path().join("riverton"));
    settle(&mut harness);
    let saved = dir.path().join("riverton.copydesk.ron");
    assert_eq!(
        load_project(&saved).unwrap().title,
        "Riverton Doubles Its Bike-Share Network"
    );
    assert_eq!(review_path(&harness), Some(saved.clone()));
    assert!(!chooser_is_open(&harness));

    // Save as… the same name: asked before the file is written over, and only then.
    let status_before = project(&harness).sections[0].status;
    harness.get_by_label("Opening: Approved").click();
    harness.run();
    press(&mut harness, CTRL_SHIFT, Key::S);
    assert_eq!(
        dialogs.asked(),
        1,
        "not asked of the system again this session"
    );
    type_path(&mut harness, &saved);
    harness.get_by_label("Replace riverton.copydesk.ron?");
    harness.get_by_label("Cancel").click();
    harness.run();
    settle(&mut harness);
    assert!(chooser_is_open(&harness), "back in the chooser");
    assert_eq!(
        load_project(&saved).unwrap().sections[0].status,
        status_before
    );
    type_path(&mut harness, &saved);
    harness.get_by_label("Replace").click();
    harness.run();
    settle(&mut harness);
    assert!(!chooser_is_open(&harness));
    assert_eq!(
        load_project(&saved).unwrap().sections[0].status,
        ReviewStatus::Approved
    );
    assert!(!harness.state().state().is_dirty());
}

#[test]
fn where_no_system_dialog_can_appear_opening_and_exporting_use_copydesks_own() {
    let dir = temp_dir();
    let first = dir.path().join("first.copydesk.ron");
    let mut sample = copydesk::sample::sample_project(jiff::Timestamp::now()).unwrap();
    sample.title = "The first review".to_owned();
    copydesk::storage::SaveRequest::new(&sample, &first)
        .save()
        .unwrap();
    let dialogs = NoSystemDialog::saying_so();
    let mut harness = desk_with(Box::new(dialogs.clone()), reviewer());

    // Open: to the folder by its typed path, then the file from the list.
    press(&mut harness, CTRL, Key::O);
    assert_eq!(dialogs.asked(), 0, "no system dialog is asked for");
    let (text, _) = notice(&harness);
    assert_eq!(
        text,
        "No system file dialog is available here (no desktop portal, no zenity): using copydesk's own."
    );
    type_path(&mut harness, dir.path());
    assert!(chooser_is_open(&harness), "a folder is shown, not chosen");
    harness.get_by_label("🗋 first.copydesk.ron").click();
    harness.run();
    let typed = harness.get_by_label("Path").value().unwrap_or_default();
    assert_eq!(typed, first.display().to_string(), "picked");
    harness.get_by_label("Open").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(project(&harness).title, "The first review");
    assert_eq!(review_path(&harness), Some(first));

    // Export: the format, then where, typed.
    press(&mut harness, CTRL, Key::E);
    harness.get_by_label("Export…").click();
    harness.run();
    assert!(chooser_is_open(&harness));
    let report = dir.path().join("report.html");
    type_path(&mut harness, &report);
    let started = std::time::Instant::now();
    while harness.state().state().files.is_exporting() {
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run();
    let written = std::fs::read_to_string(&report).unwrap();
    assert!(written.contains("The first review"), "{written}");
    assert_eq!(dialogs.asked(), 0);
}

#[test]
fn the_quit_questions_save_saves_through_copydesks_own_chooser() {
    let dialogs = NoSystemDialog::saying_so();
    let mut harness = desk_with(Box::new(dialogs), reviewer());
    harness.get_by_label("Opening: Approved").click();
    harness.run();
    press(&mut harness, CTRL, Key::Q);
    harness.get_by_label("Save").click();
    harness.run();
    assert!(chooser_is_open(&harness));
    let dir = temp_dir();
    let target = dir.path().join("before-quitting.copydesk.ron");
    type_path(&mut harness, &target);
    settle(&mut harness);
    assert!(harness.state().state().dialogs.quit_confirmed());
    assert_eq!(
        load_project(&target).unwrap().sections[0].status,
        ReviewStatus::Approved
    );
}

#[test]
fn a_person_may_choose_copydesks_own_chooser_where_the_systems_would_appear() {
    let dialogs = copydesk::app::ScriptedFileDialogs::default();
    let mut harness = desk_with(Box::new(dialogs.clone()), reviewer());
    harness.get_by_label("View").click();
    harness.run();
    harness
        .get_by_label_contains("Use copydesk's own file chooser")
        .click();
    harness.run();
    assert!(harness.state().state().prefs.own_file_chooser);
    press(&mut harness, CTRL, Key::I);
    assert!(
        dialogs.asked().is_empty(),
        "the system's dialog is not asked"
    );
    assert!(chooser_is_open(&harness));
    // No reason to give: the person chose it.
    assert!(harness.state().state().dialogs.notice().is_none());
    // Escape cancels, as in any dialog.
    press(&mut harness, egui::Modifiers::NONE, Key::Escape);
    assert!(!chooser_is_open(&harness));
    assert_eq!(
        project(&harness).title,
        "Riverton Doubles Its Bike-Share Network"
    );
}
