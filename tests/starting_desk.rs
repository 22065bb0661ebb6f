//! How the desk starts without a file — the review worked on last, or a start page with the
//! recent reviews, Open…, Import… and the sample — and what opening an article that already
//! has a review beside it asks.

use std::path::{Path, PathBuf};

use copydesk::app::prefs::Preferences;
use copydesk::app::{CopydeskApp, DeskOptions, ScriptedFileDialogs, Start};
use copydesk::storage::{Safekeeping, SaveRequest};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{Desk, click, desk, drop_file, notice, project, settle};
use crate::common::{temp_dir, write};

/// The desk as a person starts it, with no file: `start: LastReview`.
fn desk_as_started(recent_files: Vec<PathBuf>) -> Desk {
    let prefs = Preferences {
        reviewer_name: "Bo".to_owned(),
        recent_files,
        ..Preferences::default()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(120)
        .build_eframe(move |cc| {
            CopydeskApp::new(
                cc,
                DeskOptions {
                    file: None,
                    start: Start::LastReview,
                    prefs: Some(prefs),
                    dialogs: Box::new(ScriptedFileDialogs::default()),
                    safekeeping: Safekeeping::in_data_dir(None),
                },
            )
        });
    harness.run();
    settle(&mut harness);
    harness
}

fn save_sample_as(path: &Path, title: &str) {
    let mut project = copydesk::sample::sample_project(jiff::Timestamp::now()).unwrap();
    title.clone_into(&mut project.title);
    SaveRequest::new(&project, path).save().unwrap();
}

fn review_path(harness: &Desk) -> Option<PathBuf> {
    let review = harness.state().state().review.as_ref().expect("a review");
    review.path().map(Path::to_owned)
}

#[test]
fn with_no_file_the_desk_reopens_the_last_review() {
    let dir = temp_dir();
    let last = dir.path().join("last.copydesk.ron");
    let older = dir.path().join("older.copydesk.ron");
    let article = dir.path().join("draft.md");
    save_sample_as(&last, "The last review");
    save_sample_as(&older, "An older review");
    write(&article, "# Draft\n\nText.\n");
    // Most recent first: an article imported since, a review since deleted, then the last one.
    let recent = vec![
        article,
        dir.path().join("deleted.copydesk.ron"),
        last.clone(),
        older,
    ];
    let harness = desk_as_started(recent);
    assert_eq!(project(&harness).title, "The last review");
    assert_eq!(review_path(&harness), Some(last));
}

#[test]
fn with_no_review_to_reopen_the_start_page_offers_open_import_and_the_sample() {
    let dir = temp_dir();
    let mut harness = desk_as_started(vec![dir.path().join("deleted.copydesk.ron")]);
    assert!(harness.state().state().review.is_none(), "not the sample");
    harness.get_by_label("Open project…");
    harness.get_by_label("Import article…");
    click(&mut harness, "Try the sample");
    assert_eq!(
        project(&harness).title,
        "Riverton Doubles Its Bike-Share Network"
    );
}

#[test]
fn a_last_review_that_cannot_be_read_leaves_the_start_page_listing_it() {
    let dir = temp_dir();
    let broken = dir.path().join("broken.copydesk.ron");
    let earlier = dir.path().join("earlier.copydesk.ron");
    write(
        &broken,
        "(format: \"copydesk-project\", version: 1, title: \"x\"",
    );
    save_sample_as(&earlier, "An earlier review");
    let mut harness = desk_as_started(vec![broken, earlier.clone()]);
    assert!(harness.state().state().review.is_none());
    let (text, is_error) = notice(&harness);
    assert!(is_error && text.contains("broken.copydesk.ron"), "{text}");
    // The recent reviews, each a click away.
    harness.get_by_label("broken.copydesk.ron");
    click(&mut harness, "earlier.copydesk.ron");
    settle(&mut harness);
    assert_eq!(project(&harness).title, "An earlier review");
    assert_eq!(review_path(&harness), Some(earlier));
}

/// An article, and its review saved beside it as `story.copydesk.ron`.
fn article_with_review(dir: &Path) -> (PathBuf, PathBuf) {
    let article = dir.join("story.md");
    write(&article, "# A Story\n\nA short draft about bridges.\n");
    let review = dir.join("story.copydesk.ron");
    save_sample_as(&review, "The review of the story");
    (article, review)
}

#[test]
fn opening_an_article_with_a_review_beside_it_asks_which_to_open() {
    let dir = temp_dir();
    let (article, review) = article_with_review(dir.path());
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());

    drop_file(&mut harness, &article);
    harness.get_by_label("story.md has a review");
    click(&mut harness, "Open the review");
    settle(&mut harness);
    assert_eq!(project(&harness).title, "The review of the story");
    assert_eq!(review_path(&harness), Some(review));

    drop_file(&mut harness, &article);
    click(&mut harness, "Cancel");
    settle(&mut harness);
    assert_eq!(project(&harness).title, "The review of the story");

    drop_file(&mut harness, &article);
    click(&mut harness, "Import as a new review");
    settle(&mut harness);
    assert_eq!(project(&harness).title, "A Story");
    assert_eq!(review_path(&harness), None);
}

#[test]
fn an_article_named_at_start_with_a_review_beside_it_asks_too() {
    let dir = temp_dir();
    let (article, review) = article_with_review(dir.path());
    let mut harness = desk(Some(article), Some("Bo"), &ScriptedFileDialogs::default());
    assert!(
        harness.state().state().review.is_none(),
        "nothing opened unasked"
    );
    click(&mut harness, "Open the review");
    settle(&mut harness);
    assert_eq!(review_path(&harness), Some(review));
}
