//! Dialogs inside the window: the reviewer's name and role, unsaved changes, the shortcut list, what
//! to export (and, in `safekeeping_ui`, the questions about files on disk).

use egui::{Key, RichText, Ui};

use super::command::UiCommand;
use super::go_to_section_ui;
use super::state::{
    Action, AfterUnsaved, AppState, BesideChoice, DiskChoice, ElsewhereChoice, Modal, UnsavedChoice,
};
use super::{safekeeping_ui, start_page_ui, web_address_ui};
use crate::export::ExportFormat;
use crate::model::Role;

pub fn modal_ui(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(modal) = &state.dialogs.modal() else {
        ctx.data_mut(|d| {
            d.remove::<bool>(focus_flag_id());
            d.remove::<egui::Rect>(dialog_rect_id());
        });
        return;
    };
    // A dialog never reaches past the window: what does not fit scrolls, and the window's
    // edges keep a margin.
    let window = ctx.content_rect();
    let max_height = window.height() - 2.0 * DIALOG_MARGIN;
    let response = egui::Modal::new(egui::Id::unique("copydesk modal")).show(ctx, |ui| {
        ui.set_max_width(440.0_f32.min(window.width() - 2.0 * DIALOG_MARGIN));
        // These two have a list of their own that scrolls, so their buttons stay in view (a
        // list scrolling inside a scrolling dialog would be measured a frame late, under them).
        match modal {
            Modal::Shortcuts => {
                shortcuts_ui(ui, max_height, actions);
                return;
            }
            Modal::GoToSection { query, highlighted } => {
                let first_frame = !ui.data_mut(|d| {
                    std::mem::replace(d.get_temp_mut_or_default::<bool>(focus_flag_id()), true)
                });
                go_to_section_ui::go_to_section_ui(
                    ui,
                    state,
                    query,
                    *highlighted,
                    first_frame,
                    max_height,
                    actions,
                );
                return;
            }
            _ => {}
        }
        egui::ScrollArea::vertical()
            .id_salt("dialog")
            .max_height(max_height)
            .show(ui, |ui| match modal {
                Modal::ReviewerName { draft, role } => {
                    reviewer_name_ui(ui, draft, *role, state, actions);
                }
                Modal::UnsavedChanges { then } => unsaved_changes_ui(ui, state, then, actions),
                Modal::Export { format } => export_ui(ui, *format, actions),
                Modal::ChangedOnDisk { path, .. } => {
                    safekeeping_ui::changed_on_disk_ui(ui, path, actions);
                }
                Modal::OpenElsewhere { path, owner } => {
                    safekeeping_ui::open_elsewhere_ui(ui, path, owner, actions);
                }
                Modal::Recover => safekeeping_ui::recover_ui(ui, state, actions),
                Modal::WebAddress { address } => {
                    let first_frame = !ui.data_mut(|d| {
                        std::mem::replace(d.get_temp_mut_or_default::<bool>(focus_flag_id()), true)
                    });
                    web_address_ui::web_address_ui(ui, address, first_frame, actions);
                }
                Modal::ReviewBeside { article, review } => {
                    start_page_ui::review_beside_ui(ui, article, review, actions);
                }
                Modal::Shortcuts | Modal::GoToSection { .. } => {}
            });
    });
    // A list in a dialog takes a few frames to find its height (the dialog is centred on
    // its last size): keep drawing until it stops moving, or Close would wait for the mouse.
    let rect = response.response.rect;
    let settled = ctx.data_mut(|d| d.get_temp::<egui::Rect>(dialog_rect_id()) == Some(rect));
    if !settled {
        ctx.data_mut(|d| d.insert_temp(dialog_rect_id(), rect));
        ctx.request_repaint();
    }
    if response.should_close() {
        match modal {
            Modal::UnsavedChanges { .. } => {
                actions.push(Action::AnswerUnsaved(UnsavedChoice::Cancel));
            }
            Modal::ChangedOnDisk { .. } => {
                actions.push(Action::AnswerChangedOnDisk(DiskChoice::Cancel));
            }
            Modal::OpenElsewhere { .. } => {
                actions.push(Action::AnswerOpenElsewhere(ElsewhereChoice::Cancel));
            }
            Modal::Recover => actions.push(Action::PostponeRecovery),
            Modal::ReviewBeside { .. } => {
                actions.push(Action::AnswerReviewBeside(BesideChoice::Cancel));
            }
            _ => actions.push(Action::CloseModal),
        }
    }
}

/// Where the open dialog was drawn in the last frame.
fn dialog_rect_id() -> egui::Id {
    egui::Id::unique("dialog rect")
}

/// Remembers that the open dialog already took the keyboard.
fn focus_flag_id() -> egui::Id {
    egui::Id::unique("modal took the keyboard")
}

fn reviewer_name_ui(
    ui: &mut Ui,
    draft: &str,
    role: Option<Role>,
    state: &AppState,
    actions: &mut Vec<Action>,
) {
    ui.heading("Who is reviewing?");
    ui.add_space(4.0);
    ui.label(
        "Your name is written on every comment and claim you make, and your role beside it \
         where others see who did what. Both are kept on this computer.",
    );
    ui.add_space(8.0);
    let mut name = draft.to_owned();
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut name)
                .hint_text("Your name")
                .desired_width(300.0),
        )
        .accessible_name("Your name");
    // Put the keyboard in the field once, when the dialog opens (asking every frame would
    // keep the window repainting while it is not focused).
    let focus_given = ui
        .data_mut(|d| std::mem::replace(d.get_temp_mut_or_default::<bool>(focus_flag_id()), true));
    if !focus_given {
        field.request_focus();
    }
    if field.changed() {
        actions.push(Action::EditReviewerNameDraft(name.clone()));
    }
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    ui.add_space(6.0);
    ui.label("What do you do on this review?");
    ui.horizontal_wrapped(|ui| {
        let choices = Role::ALL.map(Some).into_iter().chain([None]);
        for choice in choices {
            let label = choice.map_or("Not said", Role::label);
            let response = ui
                .radio(role == choice, label)
                .accessible_name(format!("Role: {label}"));
            if response.clicked() && role != choice {
                actions.push(Action::EditReviewerRoleDraft(choice));
            }
        }
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ok = ui.add_enabled(!name.trim().is_empty(), egui::Button::new("Continue"));
        if (ok.clicked() || entered) && !name.trim().is_empty() {
            actions.push(Action::SetReviewerName(name.clone()));
        }
        if !state.prefs.reviewer_name.is_empty() && ui.button("Cancel").clicked() {
            actions.push(Action::CloseModal);
        }
    });
}

fn unsaved_changes_ui(
    ui: &mut Ui,
    state: &AppState,
    then: &AfterUnsaved,
    actions: &mut Vec<Action>,
) {
    let name = state
        .review
        .as_ref()
        .map(|r| r.display_name())
        .unwrap_or_default();
    let doing = match then {
        AfterUnsaved::Quit => "closing",
        AfterUnsaved::Open(_) | AfterUnsaved::AskOpen => "opening another file",
        AfterUnsaved::AskImport | AfterUnsaved::AskAddress(_) => "importing another article",
        AfterUnsaved::Restore(_) => "restoring the autosaved review",
    };
    ui.heading(format!("Save the review of “{name}”?"));
    ui.add_space(4.0);
    ui.label(format!(
        "It has changes that are not saved. Save them before {doing}?"
    ));
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button(RichText::new("Save").strong()).clicked() {
            actions.push(Action::AnswerUnsaved(UnsavedChoice::Save));
        }
        if ui.button("Don't save").clicked() {
            actions.push(Action::AnswerUnsaved(UnsavedChoice::Discard));
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::AnswerUnsaved(UnsavedChoice::Cancel));
        }
    });
}

/// Room kept between a dialog and the window's edges.
const DIALOG_MARGIN: f32 = 32.0;

fn shortcuts_ui(ui: &mut Ui, max_height: f32, actions: &mut Vec<Action>) {
    ui.heading("Keyboard shortcuts");
    ui.add_space(6.0);
    // The heading and the Close button take about this much of the dialog's height.
    let around_the_list = 90.0;
    egui::ScrollArea::vertical()
        .id_salt("shortcuts")
        .max_height((max_height - around_the_list).max(100.0))
        .show(ui, shortcut_list_ui);
    ui.add_space(8.0);
    if ui.button("Close").clicked() {
        actions.push(Action::CloseModal);
    }
}

fn shortcut_list_ui(ui: &mut Ui) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for command in UiCommand::ALL {
                if command.shortcut().is_some() {
                    ui.label(command.label());
                    let shortcuts = super::command::shortcut_text(ui, command);
                    ui.label(RichText::new(shortcuts).monospace());
                    ui.end_row();
                }
            }
            ui.label("Select a word / paragraph");
            ui.label(RichText::new("Double / triple click").monospace());
            ui.end_row();
            ui.label("In the find bar: next / previous match, close it");
            ui.label(RichText::new("Enter / Shift+Enter, Esc").monospace());
            ui.end_row();
            for (what, keys) in [
                ("Move the caret in the text", "← → ↑ ↓  Home End"),
                (
                    "… by word, to the section's ends",
                    "Ctrl+← →  Ctrl+Home End",
                ),
                ("Select from the caret", "Shift + those keys"),
            ] {
                ui.label(what);
                ui.label(RichText::new(keys).monospace());
                ui.end_row();
            }
        });
}

fn export_ui(ui: &mut Ui, chosen: ExportFormat, actions: &mut Vec<Action>) {
    ui.heading("Export the review");
    ui.add_space(6.0);
    for format in ExportFormat::ALL {
        let response = ui
            .radio(format == chosen, format.label())
            .on_hover_text(export_description(format));
        if response.clicked() {
            actions.push(Action::ChooseExportFormat(format));
        }
    }
    ui.add_space(4.0);
    ui.weak(export_description(chosen));
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button(RichText::new("Export…").strong()).clicked() {
            actions.push(Action::ExportAs(chosen));
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::CloseModal);
        }
    });
}

fn export_description(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Markdown => {
            "Progress per section, then each section with its claims and comments, as Markdown."
        }
        ExportFormat::Html => {
            "The same report as a single web page: no scripts, nothing fetched; prints well."
        }
        ExportFormat::AnnotatedHtml => {
            "The article with the marked passages highlighted and numbered notes beside them, \
             to send to the writer."
        }
        ExportFormat::Json => "Everything in the review, for other tools (see docs/FORMAT.md).",
        ExportFormat::Docx => {
            "The article as a Word document; comments and claims become Word comments on \
             their passages, so the writer can answer in Word."
        }
    }
}
