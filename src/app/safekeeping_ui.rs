//! The questions copydesk asks to keep a review safe: a project file changed on disk, a
//! project open elsewhere, and the reviews a crashed desk left to recover.

use std::path::Path;

use egui::{RichText, Ui};

use super::state::{Action, AppState, DiskChoice, ElsewhereChoice};
use crate::text::file_name;

pub fn changed_on_disk_ui(ui: &mut Ui, path: &Path, actions: &mut Vec<Action>) {
    ui.heading(format!("“{}” changed on disk", file_name(path)));
    ui.add_space(4.0);
    ui.label(
        "Someone or something changed the project file since you opened it. Saving now would \
         replace their changes with yours.",
    );
    ui.add_space(10.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(RichText::new("Merge their changes").strong())
            .on_hover_text(
                "Bring their changes into your review, keeping yours; what you both changed \
                 differently waits in the Conflicts tab. Then save.",
            )
            .clicked()
        {
            actions.push(Action::AnswerChangedOnDisk(DiskChoice::Merge));
        }
        if ui
            .button("Save as…")
            .on_hover_text("Keep both: save your review under another name")
            .clicked()
        {
            actions.push(Action::AnswerChangedOnDisk(DiskChoice::SaveAs));
        }
        if ui
            .button("Reload")
            .on_hover_text("Open the file as it is now; your unsaved changes are dropped")
            .clicked()
        {
            actions.push(Action::AnswerChangedOnDisk(DiskChoice::Reload));
        }
        if ui
            .button("Overwrite")
            .on_hover_text("Replace the file with your review (a backup of it is kept)")
            .clicked()
        {
            actions.push(Action::AnswerChangedOnDisk(DiskChoice::Overwrite));
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::AnswerChangedOnDisk(DiskChoice::Cancel));
        }
    });
}

pub fn open_elsewhere_ui(ui: &mut Ui, path: &Path, owner: &str, actions: &mut Vec<Action>) {
    ui.heading(format!("“{}” is already open", file_name(path)));
    ui.add_space(4.0);
    ui.label(format!(
        "It is open for {owner}. If you both change it, one of you will overwrite the other."
    ));
    ui.add_space(10.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(RichText::new("Open read-only").strong())
            .on_hover_text("Read it here without changing it; Save as… keeps a copy of your own")
            .clicked()
        {
            actions.push(Action::AnswerOpenElsewhere(ElsewhereChoice::ReadOnly));
        }
        if ui
            .button("Open anyway")
            .on_hover_text("Take the lock: choose this if that window or computer is gone")
            .clicked()
        {
            actions.push(Action::AnswerOpenElsewhere(ElsewhereChoice::OpenAnyway));
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::AnswerOpenElsewhere(ElsewhereChoice::Cancel));
        }
    });
}

pub fn recover_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.heading("Recover unsaved work?");
    ui.add_space(4.0);
    ui.label("copydesk did not close normally last time. These changes were autosaved:");
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            for offer in state.files.recovery_offers() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(&offer.name).strong());
                    let place = offer
                        .project_path
                        .as_ref()
                        .map(|path| format!(" — {}", path.display()))
                        .unwrap_or_else(|| " — not saved yet".to_owned());
                    ui.weak(format!("Autosaved {}{place}", offer.when()));
                    for line in &offer.what {
                        ui.label(format!("• {line}"));
                    }
                    ui.horizontal(|ui| {
                        if ui
                            .button(RichText::new("Restore").strong())
                            .on_hover_text("Open these changes, unsaved; save to keep them")
                            .clicked()
                        {
                            actions.push(Action::Restore(offer.journal.clone()));
                        }
                        if ui
                            .button("Discard")
                            .on_hover_text("Throw these changes away for good")
                            .clicked()
                        {
                            actions.push(Action::DiscardRecovery(offer.journal.clone()));
                        }
                    });
                });
            }
        });
    ui.add_space(8.0);
    if ui
        .button("Decide later")
        .on_hover_text("Keep them; they are offered again at the next start")
        .clicked()
    {
        actions.push(Action::PostponeRecovery);
    }
}
