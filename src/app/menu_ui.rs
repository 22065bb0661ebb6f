//! The menu bar, the notice banner under it, and the status bar (saved or not, conflicts
//! to settle, long work, who is reviewing).

use egui::{Button, RichText, Ui};

use super::command::UiCommand;
use super::panel_layout::OpenPanels;
use super::prefs::Theme;
use super::side_panel::SidePanel;
use super::state::{Action, AppState, NOTICE_DURATION, Notice};
use crate::model::ReviewStatus;
use crate::suggest::SuggestionStrength;
use crate::text::file_name;

pub fn menu_bar_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let has_review = state.review.is_some();
    // One open or revision at a time: the desk refuses another until it is done.
    let can_read = !state.files.is_opening_or_revising();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            command_button_ui(ui, UiCommand::ImportArticle, can_read, None, actions);
            command_button_ui(ui, UiCommand::ImportFromAddress, can_read, None, actions);
            command_button_ui(
                ui,
                UiCommand::ImportRevision,
                has_review && can_read,
                None,
                actions,
            );
            command_button_ui(ui, UiCommand::OpenProject, can_read, None, actions);
            command_button_ui(
                ui,
                UiCommand::MergeReview,
                has_review && can_read,
                None,
                actions,
            );
            ui.add_enabled_ui(can_read, |ui| {
                ui.menu_button("Open recent", |ui| {
                    if state.prefs.recent_files.is_empty() {
                        ui.weak("No recent files");
                    }
                    for path in &state.prefs.recent_files {
                        if ui
                            .button(file_name(path))
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            actions.push(Action::Open(path.clone()));
                            ui.close();
                        }
                    }
                })
            });
            ui.separator();
            command_button_ui(ui, UiCommand::Save, has_review, None, actions);
            command_button_ui(ui, UiCommand::SaveAs, has_review, None, actions);
            command_button_ui(ui, UiCommand::Export, has_review, None, actions);
            ui.separator();
            command_button_ui(ui, UiCommand::Quit, true, None, actions);
        });
        ui.menu_button("Edit", |ui| {
            let document = state.review.as_ref().map(|r| r.document());
            let undo = document
                .and_then(|d| d.undo_label())
                .map(|l| format!("Undo {l}"));
            let redo = document
                .and_then(|d| d.redo_label())
                .map(|l| format!("Redo {l}"));
            command_button_ui(
                ui,
                UiCommand::Undo,
                undo.is_some(),
                undo.as_deref(),
                actions,
            );
            command_button_ui(
                ui,
                UiCommand::Redo,
                redo.is_some(),
                redo.as_deref(),
                actions,
            );
            ui.separator();
            let has_selection = state.navigation.text_selection().is_some();
            command_button_ui(
                ui,
                UiCommand::CommentOnSelection,
                has_selection,
                None,
                actions,
            );
            command_button_ui(ui, UiCommand::FlagClaim, has_selection, None, actions);
            command_button_ui(ui, UiCommand::CommentOnSection, has_review, None, actions);
            ui.separator();
            for command in [
                UiCommand::Find,
                UiCommand::FindNext,
                UiCommand::FindPrevious,
            ] {
                command_button_ui(ui, command, has_review, None, actions);
            }
            ui.separator();
            command_button_ui(ui, UiCommand::ChangeReviewerName, true, None, actions);
        });
        ui.menu_button("Review", |ui| {
            command_button_ui(ui, UiCommand::PreviousSection, has_review, None, actions);
            command_button_ui(ui, UiCommand::NextSection, has_review, None, actions);
            command_button_ui(
                ui,
                UiCommand::GoToSectionByHeading,
                has_review,
                None,
                actions,
            );
            ui.separator();
            for status in ReviewStatus::ALL {
                command_button_ui(ui, UiCommand::SetStatus(status), has_review, None, actions);
            }
            ui.separator();
            command_button_ui(ui, UiCommand::NextOpenComment, has_review, None, actions);
            command_button_ui(
                ui,
                UiCommand::PreviousOpenComment,
                has_review,
                None,
                actions,
            );
            let has_changes = state
                .project()
                .is_some_and(|p| p.comments.iter().any(|c| c.is_tracked_change()));
            command_button_ui(
                ui,
                UiCommand::ShowTrackedChanges,
                has_changes,
                None,
                actions,
            );
        });
        ui.menu_button("Fact-check", |ui| {
            let has_suggestion = state.navigation.selected_suggestion().is_some();
            command_button_ui(ui, UiCommand::NextSuggestion, has_review, None, actions);
            command_button_ui(ui, UiCommand::PreviousSuggestion, has_review, None, actions);
            command_button_ui(
                ui,
                UiCommand::AcceptSuggestion,
                has_suggestion,
                None,
                actions,
            );
            command_button_ui(
                ui,
                UiCommand::DismissSuggestion,
                has_suggestion,
                None,
                actions,
            );
            ui.separator();
            command_button_ui(ui, UiCommand::NextOpenClaim, has_review, None, actions);
            command_button_ui(ui, UiCommand::PreviousOpenClaim, has_review, None, actions);
        });
        ui.menu_button("View", |ui| {
            let shown = if state.prefs.show_suggestions {
                "✔ "
            } else {
                ""
            };
            let label = format!("{shown}{}", UiCommand::ToggleSuggestions.label());
            command_button_ui(
                ui,
                UiCommand::ToggleSuggestions,
                true,
                Some(&label),
                actions,
            );
            for strength in SuggestionStrength::ALL {
                let command = UiCommand::OfferSuggestions(strength);
                let chosen = state.prefs.suggestion_strength == strength;
                let label = format!("{}{}", if chosen { "✔ " } else { "" }, command.label());
                command_button_ui(ui, command, true, Some(&label), actions);
            }
            let own = if state.prefs.own_file_chooser {
                "✔ "
            } else {
                ""
            };
            let label = format!("{own}{}", UiCommand::UseOwnFileChooser.label());
            command_button_ui(
                ui,
                UiCommand::UseOwnFileChooser,
                true,
                Some(&label),
                actions,
            );
            ui.separator();
            for panel in SidePanel::ALL {
                command_button_ui(ui, UiCommand::ShowPanel(panel), true, None, actions);
            }
            ui.separator();
            let open = OpenPanels::for_window(ui.ctx().content_rect().width(), state.prefs.panels);
            for (command, is_open) in [
                (UiCommand::ToggleOutline, open.outline),
                (UiCommand::ToggleSidePanel, open.side_panel),
            ] {
                let label = format!("{}{}", if is_open { "✔ " } else { "" }, command.label());
                command_button_ui(ui, command, true, Some(&label), actions);
            }
            ui.separator();
            for (theme, label) in [
                (Theme::System, "Follow the system theme"),
                (Theme::Light, "Light theme"),
                (Theme::Dark, "Dark theme"),
            ] {
                if ui.radio(state.prefs.theme == theme, label).clicked() {
                    actions.push(Action::SetTheme(theme));
                    ui.close();
                }
            }
        });
        ui.menu_button("Help", |ui| {
            command_button_ui(ui, UiCommand::ShowShortcuts, true, None, actions);
        });
    });
}

/// A menu item for a command, with its shortcut shown and its tooltip on hover.
fn command_button_ui(
    ui: &mut Ui,
    command: UiCommand,
    enabled: bool,
    label: Option<&str>,
    actions: &mut Vec<Action>,
) {
    // Every shortcut, so Redo shows Ctrl+Y beside Ctrl+Shift+Z.
    let shortcut = super::command::shortcut_text(ui, command);
    let button = Button::new(label.unwrap_or(command.label())).shortcut_text(shortcut);
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip());
    if response.clicked() {
        actions.push(Action::Command(command));
        ui.close();
    }
}

/// A message floating above the status bar, over the content rather than pushing it
/// around. Errors stay until dismissed; other notices fade after a few seconds.
pub fn notice_ui(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(notice) = state.dialogs.notice() else {
        return;
    };
    if !notice.is_error {
        let left = NOTICE_DURATION.saturating_sub(notice.shown_at.elapsed());
        if left.is_zero() {
            actions.push(Action::DismissNotice);
            return;
        }
        ctx.request_repaint_after(left);
    }
    egui::Area::new(egui::Id::unique("notice"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -36.0))
        .show(ctx, |ui| notice_frame_ui(ui, notice, actions));
}

fn notice_frame_ui(ui: &mut Ui, notice: &Notice, actions: &mut Vec<Action>) {
    let visuals = ui.visuals();
    let (stroke, text_color) = if notice.is_error {
        (visuals.error_fg_color, visuals.error_fg_color)
    } else {
        (
            visuals.widgets.noninteractive.bg_stroke.color,
            visuals.text_color(),
        )
    };
    egui::Frame::popup(ui.style())
        .stroke(egui::Stroke::new(1.0, stroke))
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_max_width(680.0);
            ui.horizontal(|ui| {
                let icon = if notice.is_error { "⚠ " } else { "" };
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{icon}{}", notice.text)).color(text_color),
                    )
                    .wrap(),
                );
                if ui
                    .small_button("✖")
                    .accessible_name("Dismiss message")
                    .on_hover_text("Dismiss")
                    .clicked()
                {
                    actions.push(Action::DismissNotice);
                }
            });
        });
}

/// The bottom line: where the review lives, whether it is saved, who is reviewing.
pub fn status_bar_ui(ui: &mut Ui, state: &AppState) {
    ui.horizontal(|ui| {
        match &state.review {
            Some(review) => {
                let (text, strong) = match (review.path(), review.document().is_dirty()) {
                    _ if review.read_only().is_some() => ("Read-only".to_owned(), true),
                    _ if state.files.saving_to().is_some() => ("Saving…".to_owned(), true),
                    (None, _) => ("• Not saved yet".to_owned(), true),
                    (Some(_), true) => ("• Unsaved changes".to_owned(), true),
                    (Some(_), false) => ("Saved".to_owned(), false),
                };
                let text = RichText::new(text).size(12.0);
                ui.label(if strong { text.strong() } else { text.weak() });
                if let Some(path) = review.path() {
                    ui.label(RichText::new(path.display().to_string()).size(12.0).weak());
                }
                if let Some(read_only) = review.read_only() {
                    ui.label(RichText::new(read_only.explanation()).size(12.0).weak());
                }
                let conflicts = review.project().conflicts.len();
                if conflicts > 0 {
                    ui.label(
                        RichText::new(format!(
                            "{} {} to settle",
                            super::look::CONFLICT_ICON,
                            crate::text::counted(conflicts, "conflict", "conflicts")
                        ))
                        .size(12.0)
                        .strong(),
                    );
                }
            }
            None => {
                ui.weak("No review open");
            }
        }
        super::progress_ui::work_in_progress_ui(ui, &state.work_in_progress());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if !state.prefs.reviewer_name.is_empty() {
                let role = state
                    .prefs
                    .reviewer_role
                    .map_or_else(String::new, |role| format!(" ({})", role.label()));
                ui.label(
                    RichText::new(format!("Reviewing as {}{role}", state.prefs.reviewer_name))
                        .size(12.0),
                );
            }
            if state.navigation.text_selection().is_some() {
                ui.label(
                    RichText::new("Passage selected: Comment or Flag claim")
                        .size(12.0)
                        .weak(),
                );
            }
        });
    });
}
