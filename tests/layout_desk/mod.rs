//! The desk at laptop and desktop window sizes: no two widgets drawn over each other, nothing
//! cut off, side panels that give way to the article and can be hidden, dialogs that scroll,
//! long addresses and reasons that wrap.

mod dialogs;
mod geometry;
mod panels;
mod selection;

use std::path::{Path, PathBuf};

use copydesk::app::prefs::Preferences;
use copydesk::app::side_panel::SidePanel;
use copydesk::app::{CopydeskApp, DeskOptions, ScriptedFileDialogs, Start, UiCommand};
use copydesk::model::{Reviewer, Source};
use copydesk::project_file::ron_from_project;
use copydesk::storage::Safekeeping;
use egui::{Rect, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{Desk, press, project};
use crate::common::temp_dir;
use geometry::layout_problems;

/// A small laptop, the laptop, a common laptop and a desktop.
const SIZES: [Vec2; 4] = [
    vec2(800.0, 600.0),
    vec2(1024.0, 700.0),
    vec2(1366.0, 768.0),
    vec2(1920.0, 1080.0),
];

/// A source address with no place to break, as copied from a search engine's result.
const LONG_URL: &str = "https://example.org/riverton/council/minutes/2026/03/session-of-the-transport-committee-on-the-eastern-districts-bike-share-expansion-budget-and-grant-conditions-appendix-b-table-12?utm_source=newsletter&utm_medium=email&utm_campaign=march-minutes-2026-full-text";

/// A sentence copydesk finds many things to say about.
const MANY_REASONS: &str = "According to officials who asked not to be named, more than 4,000 \
    riders made 61% of all trips on the world's most ambitious, unprecedented network, which \
    is expected to double ridership, cut emissions by 35 percent and save €3.1 million a year.";

/// A desk on `file` (the sample when `None`) in a window of `size`.
fn desk_at(size: Vec2, file: Option<PathBuf>) -> Desk {
    let prefs = Preferences {
        reviewer_name: "Bo".to_owned(),
        ..Preferences::default()
    };
    desk_with(size, file, prefs)
}

/// A desk started with these preferences, as eframe's storage would give them back, in a
/// window of `size` from its first frame.
fn desk_with(size: Vec2, file: Option<PathBuf>, prefs: Preferences) -> Desk {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(120)
        .build_eframe(move |cc| {
            CopydeskApp::new(
                cc,
                DeskOptions {
                    start: Start::Sample,
                    file,
                    prefs: Some(prefs),
                    dialogs: Box::new(ScriptedFileDialogs::default()),
                    safekeeping: Safekeeping::in_data_dir(None),
                },
            )
        });
    harness.run();
    // What opening said floats over the desk for a few seconds: read, it goes.
    if harness.query_by_label("Dismiss message").is_some() {
        harness.get_by_label("Dismiss message").click();
        harness.run();
    }
    harness
}

/// The sample with long source addresses, notes and titles on a claim and a sentence with
/// many reasons to check it, saved in `folder`.
fn long_review(folder: &Path) -> PathBuf {
    let mut project = copydesk::sample::sample_project(jiff::Timestamp::now()).unwrap();
    let costs = project
        .sections
        .iter_mut()
        .find(|s| s.heading.as_deref() == Some("Costs and Funding"))
        .unwrap();
    costs.text.push_str("\n\n");
    costs.text.push_str(MANY_REASONS);
    let claim = project
        .claims
        .iter_mut()
        .find(|c| c.passage.quote == "€14.6 million")
        .unwrap();
    claim.sources[0].url = LONG_URL.to_owned();
    claim.sources.push(Source {
        url: LONG_URL.replace("minutes", "agenda"),
        note: "Appendix B, table 12, second column; the grant conditions are in the footnotes \
               of the following page, which the committee amended in the session"
            .to_owned(),
        ..Source::new(&Reviewer::named("Bo"), jiff::Timestamp::now())
    });
    let path = folder.join("long.copydesk.ron");
    std::fs::write(&path, ron_from_project(&project).unwrap()).unwrap();
    path
}

/// Where the article's column is: the text of the section named `title`.
fn article_column(harness: &Desk, title: &str) -> Rect {
    harness.get_by_label(&format!("Text of {title}")).rect()
}

fn assert_fits(harness: &Desk, size: Vec2, what: &str) {
    let problems = layout_problems(harness);
    assert!(
        problems.is_empty(),
        "at {}×{}, {what}:\n{}",
        size.x,
        size.y,
        problems.join("\n")
    );
}

fn show_panel(harness: &mut Desk, panel: SidePanel) {
    let shortcut = UiCommand::ShowPanel(panel).shortcut().unwrap();
    press(harness, shortcut.modifiers, shortcut.logical_key);
    assert_eq!(harness.state().state().views.side_panel(), panel);
}

#[test]
fn the_sample_fits_every_window_size() {
    for size in SIZES {
        let mut harness = desk_at(size, None);
        assert_fits(&harness, size, "the sample");
        // The article keeps room to read in.
        let column = article_column(&harness, "Opening");
        assert!(
            column.width() >= 400.0,
            "at {size:?} the article is {} wide",
            column.width()
        );
        for panel in [SidePanel::Claims, SidePanel::Suggestions] {
            show_panel(&mut harness, panel);
            assert_fits(&harness, size, &format!("the {} tab", panel.label()));
        }
    }
}

#[test]
fn long_addresses_and_reasons_wrap_without_widening_a_panel() {
    let folder = temp_dir();
    let long = long_review(folder.path());
    for size in SIZES {
        let sample = desk_at(size, None);
        let mut harness = desk_at(size, Some(long.clone()));
        assert_fits(&harness, size, "a claim with long addresses");
        assert_eq!(
            article_column(&harness, "Opening"),
            article_column(&sample, "Opening"),
            "at {size:?} long addresses moved the article"
        );
        show_panel(&mut harness, SidePanel::Suggestions);
        assert_fits(&harness, size, "suggestions with long reasons");
        assert_eq!(
            article_column(&harness, "Opening"),
            article_column(&sample, "Opening"),
            "at {size:?} long reasons moved the article"
        );
        // Every reason is there to read, not cut short.
        let reasons = harness
            .state()
            .state()
            .views
            .suggestions()
            .undecided()
            .find(|s| s.sentence.starts_with("According to officials who asked"))
            .unwrap()
            .reasons();
        // Longer than the 90 characters a card used to show.
        assert!(reasons.chars().count() > 120, "{reasons}");
        assert!(
            harness.query_by_label_contains(&reasons).is_some(),
            "at {size:?} the reasons are cut short: {reasons}"
        );
        assert_eq!(
            project(&harness).claims.len(),
            project(&sample).claims.len()
        );
    }
}
