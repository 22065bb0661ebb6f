//! The Library tab: every claim checked before, searched as it is typed (the quote, the
//! verdict, the article, who checked it and when, the sources); the folders of reviews the
//! library reads, with Add folder…, Update library and Remove; what it holds; and the reviews
//! the last update could not read, each with why. Every control is named for screen readers.

use egui::{RichText, ScrollArea, TextEdit, Ui};

use super::checked_before_ui::{sources_ui, verdict_ui};
use super::state::{Action, AppState, CardRequests, LibraryAction, folder_name, with_thousands};
use super::widgets::card_frame;
use crate::library::{LibraryClaim, LibraryStats};
use crate::text::{file_name, shortened};

pub fn library_ui(
    ui: &mut Ui,
    state: &AppState,
    requests: &CardRequests,
    actions: &mut Vec<Action>,
) {
    let library = &state.library;
    ui.label(RichText::new("Claim library").strong().size(15.0));
    if !library.is_kept() {
        ui.add(
            egui::Label::new(
                "This desk has no data folder, so it keeps no claim library (set \
                 COPYDESK_DATA_DIR to keep one).",
            )
            .wrap(),
        );
        return;
    }
    let figures = match (library.stats(), library.unusable()) {
        (_, Some(reason)) => RichText::new(format!("The library cannot be used: {reason}."))
            .color(ui.visuals().error_fg_color),
        (Some(stats), None) => RichText::new(holds(stats)),
        (None, None) => RichText::new("Loading the claim library…").weak(),
    };
    ui.add(egui::Label::new(figures.size(12.5)).wrap());
    ScrollArea::vertical()
        .id_salt("library tab")
        .auto_shrink(false)
        .show(ui, |ui| {
            search_ui(ui, state, requests.focus_library_search, actions);
            ui.separator();
            folders_ui(ui, state, actions);
            skipped_ui(ui, state);
        });
}

/// "412 claims from 37 reviews".
fn holds(stats: &LibraryStats) -> String {
    let claims = if stats.claims == 1 { "claim" } else { "claims" };
    let reviews = if stats.reviews == 1 {
        "review"
    } else {
        "reviews"
    };
    format!(
        "{} {claims} from {} {reviews}",
        with_thousands(stats.claims),
        with_thousands(stats.reviews)
    )
}

/// The search field; `take_focus`: the keyboard goes to it (the tab was just asked for).
fn search_ui(ui: &mut Ui, state: &AppState, take_focus: bool, actions: &mut Vec<Action>) {
    let library = &state.library;
    let mut query = library.search_query().to_owned();
    let field = ui
        .add(
            TextEdit::singleline(&mut query)
                .hint_text("Search claims checked before…")
                .desired_width(f32::INFINITY),
        )
        .accessible_name("Search the claim library");
    if take_focus {
        field.request_focus();
    }
    if field.changed() {
        actions.push(Action::Library(LibraryAction::Search(query)));
    }
    if library.is_searching() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(RichText::new("Searching…").size(12.0).weak());
        });
    } else if let Some(problem) = library.search_problem() {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    } else if !library.search_query().trim().is_empty() {
        let count = library.search_results().len();
        ui.label(
            RichText::new(match count {
                0 => "No claim checked before says that.".to_owned(),
                1 => "1 claim checked before".to_owned(),
                count => format!("{count} claims checked before, best first"),
            })
            .size(12.0)
            .weak(),
        );
    }
    for checked in library.search_results() {
        result_ui(ui, checked);
        ui.add_space(4.0);
    }
}

/// A claim found: its quote and sentence, verdict and article, who and when, its sources.
fn result_ui(ui: &mut Ui, checked: &LibraryClaim) {
    card_frame(ui, false).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.add(
            egui::Label::new(
                RichText::new(format!("“{}”", shortened(&checked.quote, 200))).italics(),
            )
            .wrap(),
        );
        if checked.sentence.trim() != checked.quote.trim() {
            // The sentence says what the figure or words were about.
            ui.add(
                egui::Label::new(
                    RichText::new(shortened(&checked.sentence, 240))
                        .size(12.0)
                        .weak(),
                )
                .wrap(),
            );
        }
        verdict_ui(ui, checked);
        sources_ui(ui, &checked.sources);
    });
}

fn folders_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let library = &state.library;
    ui.label(RichText::new("Folders of reviews").strong().size(13.0));
    if library.folders().is_empty() {
        ui.add(
            egui::Label::new(
                RichText::new(
                    "None yet: the library holds the reviews opened and saved here. Add the \
                     team's shared folder (or git checkout) of reviews to recognise every claim \
                     it checked.",
                )
                .size(12.0)
                .weak(),
            )
            .wrap(),
        );
    }
    for folder in library.folders() {
        ui.horizontal(|ui| {
            let path = folder.display().to_string();
            // The name gives way (shortened) so the button after it stays in the panel.
            let name_width = (ui.available_width() - 80.0).max(40.0);
            ui.scope(|ui| {
                ui.set_max_width(name_width);
                ui.add(egui::Label::new(format!("🗀 {}", folder_name(folder))).truncate())
                    .on_hover_text(&path);
            });
            if ui
                .small_button("Remove")
                .accessible_name(format!("Remove folder {path} from the library"))
                .on_hover_text("Stop reading this folder; its reviews' claims are taken out")
                .clicked()
            {
                actions.push(Action::Library(LibraryAction::RemoveFolder(folder.clone())));
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Add folder…")
            .accessible_name("Add folder to the library")
            .on_hover_text(
                "Choose a folder of reviews (the team's shared folder, a git checkout): every \
                 review in it and below it is read",
            )
            .clicked()
        {
            actions.push(Action::Library(LibraryAction::AskFolder));
        }
        let updating = library.is_updating();
        let update = ui
            .add_enabled(!updating, egui::Button::new("Update library"))
            .on_hover_text("Read the folders again: only the reviews that changed are read");
        if update.clicked() {
            actions.push(Action::Library(LibraryAction::Update));
        }
        if updating {
            ui.spinner();
            ui.label(RichText::new("Updating…").size(12.0).weak());
        }
    });
}

/// The reviews the last update could not read, each named with why.
fn skipped_ui(ui: &mut Ui, state: &AppState) {
    let Some(report) = state.library.last_update() else {
        return;
    };
    if report.skipped.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!(
            "⚠ Skipped in the last update ({})",
            report.skipped.len()
        ))
        .strong()
        .size(13.0)
        .color(super::look::attention_color(ui.visuals())),
    );
    for skipped in &report.skipped {
        ui.add(
            egui::Label::new(
                RichText::new(format!("{}: {}", file_name(&skipped.path), skipped.reason))
                    .size(12.0),
            )
            .wrap(),
        )
        .on_hover_text(skipped.path.display().to_string());
    }
}
