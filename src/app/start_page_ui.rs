//! What the desk shows with no review open — at start when there is no last review to reopen,
//! or after one could not be opened: the recent reviews, Open…, Import…, and the sample to
//! try the desk on. And the question asked when an article has a review saved beside it.

use std::path::Path;

use egui::{RichText, Ui};

use super::command::UiCommand;
use super::state::{Action, AppState, BesideChoice};
use crate::text::file_name;

pub fn start_page_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space((ui.available_height() * 0.15).max(24.0));
            ui.heading("copydesk");
            ui.label(
                "Import a draft (.txt, .md, .docx, .html), open a saved review, or drop a file here.",
            );
            ui.add_space(12.0);
            ui.horizontal_wrapped(|ui| {
                ui.add_space((ui.available_width() - 420.0).max(0.0) / 2.0);
                for command in [UiCommand::OpenProject, UiCommand::ImportArticle] {
                    if ui
                        .button(command.label())
                        .on_hover_text(command.tooltip())
                        .clicked()
                    {
                        actions.push(Action::Command(command));
                    }
                }
                if ui
                    .button("Try the sample")
                    .on_hover_text("Open a sample article with a few comments and claims")
                    .clicked()
                {
                    actions.push(Action::OpenSample);
                }
            });
            recent_reviews_ui(ui, state, actions);
        });
    });
}

fn recent_reviews_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let mut recent = state.prefs.recent_reviews().peekable();
    if recent.peek().is_none() {
        return;
    }
    ui.add_space(24.0);
    ui.label(RichText::new("Recent reviews").strong());
    ui.add_space(4.0);
    for path in recent {
        let folder = path.parent().map(|f| f.display().to_string());
        let response = ui
            .link(file_name(path))
            .on_hover_text(folder.unwrap_or_default());
        if response.clicked() {
            actions.push(Action::Open(path.to_owned()));
        }
    }
}

/// The article being opened has a review saved beside it.
pub fn review_beside_ui(ui: &mut Ui, article: &Path, review: &Path, actions: &mut Vec<Action>) {
    ui.heading(format!("{} has a review", file_name(article)));
    ui.add_space(4.0);
    ui.label(format!(
        "{} is saved beside it. Open that review to go on with it, or import the article as a \
         new review, starting over?",
        file_name(review)
    ));
    ui.add_space(10.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(RichText::new("Open the review").strong())
            .clicked()
        {
            actions.push(Action::AnswerReviewBeside(BesideChoice::OpenReview));
        }
        if ui.button("Import as a new review").clicked() {
            actions.push(Action::AnswerReviewBeside(BesideChoice::ImportAnew));
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::AnswerReviewBeside(BesideChoice::Cancel));
        }
    });
}
