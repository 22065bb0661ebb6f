//! The suggestions list: sentences copydesk thinks deserve a check, grouped by their main
//! kind, each with its reasons (and what the claim library knows of it), to accept (one, or a
//! whole kind at once) or dismiss.

use egui::{Align, Layout, RichText, ScrollArea, Ui};

use super::checked_before_ui::suggestion_checked_before_ui;
use super::command::UiCommand;
use super::command::shortcut_text;
use super::look;
use super::state::CardRequests;
use super::state::{Action, AppState};
use super::widgets::{card_frame, link_text_ui};
use crate::model::{CheckKind, Project};
use crate::suggest::Suggestion;
use crate::suggest::{SuggestionKey, SuggestionStrength};
use crate::text::shortened;

pub fn suggestions_ui(
    ui: &mut Ui,
    state: &AppState,
    requests: &CardRequests,
    actions: &mut Vec<Action>,
) {
    let Some(project) = state.project() else {
        ui.weak("Open an article to see what copydesk suggests checking.");
        return;
    };
    if state.views.suggestions().is_reading() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Reading the text for sentences worth checking…");
        });
        return;
    }
    let count = state.views.suggestions().undecided_count();
    ui.label(
        RichText::new(format!(
            "{} {} to decide",
            look::SUGGESTIONS_ICON,
            crate::text::counted(count, "suggestion", "suggestions")
        ))
        .strong(),
    );
    ui.label(
        RichText::new(
            "Sentences with figures, sources, superlatives or promotion. Accept one to make it \
             a claim that needs a source; dismiss it to stop suggesting it.",
        )
        .size(11.5)
        .weak(),
    );
    if !state.prefs.show_suggestions {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Hidden in the text.").size(11.5).weak());
            if ui.small_button("Show them").clicked() {
                actions.push(Action::Command(UiCommand::ToggleSuggestions));
            }
        });
    }
    if state.views.suggestions().strength() == SuggestionStrength::Strong {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new("Only the strong ones are offered.")
                    .size(11.5)
                    .weak(),
            );
            let all = UiCommand::OfferSuggestions(SuggestionStrength::All);
            if ui
                .small_button("Offer all")
                .on_hover_text(all.tooltip())
                .clicked()
            {
                actions.push(Action::Command(all));
            }
        });
    }
    ui.separator();
    ScrollArea::vertical()
        .id_salt("suggestions list")
        .auto_shrink(false)
        .show(ui, |ui| {
            if count == 0 {
                ui.add_space(12.0);
                ui.weak("Nothing left to decide: every suggestion was accepted or dismissed.");
            }
            for kind in CheckKind::ALL {
                let group: Vec<&Suggestion> = state
                    .views
                    .suggestions()
                    .undecided()
                    .filter(|s| s.main_kind() == kind)
                    .collect();
                if group.is_empty() {
                    continue;
                }
                group_header_ui(ui, kind, group.len(), actions);
                for suggestion in group {
                    let key = SuggestionKey::of(suggestion);
                    let selected = state.navigation.selected_suggestion() == Some(&key);
                    let response = card_frame(ui, selected)
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            suggestion_ui(ui, project, suggestion, &key, selected, actions);
                            let checked_before = state.library.matches().for_suggestion(&key);
                            suggestion_checked_before_ui(ui, &checked_before);
                        })
                        .response;
                    if requests.reveal_suggestion.as_ref() == Some(&key) {
                        response.scroll_to_me(Some(Align::Center));
                    }
                    ui.add_space(4.0);
                }
                ui.add_space(6.0);
            }
        });
}

fn group_header_ui(ui: &mut Ui, kind: CheckKind, count: usize, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        // The dot has the colour of these sentences' underline in the text.
        ui.label(
            RichText::new(look::SUGGESTION_ICON).color(look::suggestion_color(kind, ui.visuals())),
        );
        ui.label(
            RichText::new(format!("{} ({count})", kind.label()))
                .strong()
                .size(13.0),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let label = if kind == CheckKind::Promotional {
                format!("Propose cutting all {count}")
            } else {
                format!("Accept all {count}")
            };
            if ui
                .small_button(label)
                .accessible_name(format!("Accept all {} suggestions", kind.label()))
                .on_hover_text(if kind == CheckKind::Promotional {
                    "Comment on each of these lines that it should be cut (one undo step)"
                } else {
                    "Make each of these a claim that needs a source (one undo step)"
                })
                .clicked()
            {
                actions.push(Action::AcceptAllOfKind(kind));
            }
        });
    });
}

fn suggestion_ui(
    ui: &mut Ui,
    project: &Project,
    suggestion: &Suggestion,
    key: &SuggestionKey,
    selected: bool,
    actions: &mut Vec<Action>,
) {
    let length = if selected { 600 } else { 150 };
    let response = link_text_ui(
        ui,
        RichText::new(format!("“{}”", shortened(&suggestion.sentence, length))).italics(),
        "Show this sentence in the text",
    );
    if response.clicked() {
        actions.push(Action::SelectSuggestion(key.clone()));
    }
    let section = project.section_title(&suggestion.section);
    if selected {
        for signal in &suggestion.assessment.signals {
            ui.label(
                RichText::new(format!("{}: {}", signal.kind.label(), signal.reason)).size(12.0),
            );
        }
        ui.label(
            RichText::new(format!("In “{}”", shortened(section, 40)))
                .size(11.5)
                .weak(),
        );
        ui.horizontal(|ui| {
            let (accept_label, accept_tip) = if suggestion.has_kind(CheckKind::Promotional) {
                (
                    "Propose cut",
                    "Comment that this line should be cut before publishing",
                )
            } else {
                ("Accept as claim", UiCommand::AcceptSuggestion.tooltip())
            };
            if ui
                .button(accept_label)
                .on_hover_text(format!(
                    "{accept_tip} ({})",
                    shortcut_text(ui, UiCommand::AcceptSuggestion)
                ))
                .clicked()
            {
                actions.push(Action::AcceptSuggestion(key.clone()));
            }
            if ui
                .button("Dismiss")
                .on_hover_text(format!(
                    "{} ({})",
                    UiCommand::DismissSuggestion.tooltip(),
                    shortcut_text(ui, UiCommand::DismissSuggestion)
                ))
                .clicked()
            {
                actions.push(Action::DismissSuggestion(key.clone()));
            }
        });
    } else {
        // Every reason, wrapped: which one matters is for the reader to judge.
        ui.label(
            RichText::new(format!(
                "{} · {}",
                suggestion.reasons(),
                shortened(section, 30)
            ))
            .size(11.5)
            .weak(),
        );
    }
}
