//! The Revision tab: what the latest draft changed, the marks whose new place needs a
//! person (fuzzy ones to confirm or reject, orphans to re-attach or resolve), and the
//! word-level diff of a changed section.

use egui::text::LayoutJob;
use egui::{Color32, RichText, ScrollArea, Stroke, TextFormat, Ui};

use super::command::UiCommand;
use super::look;
use super::placement_ui::placement_ui;
use super::state::{Action, AppState};
use super::widgets::{card_frame, link_text_ui};
use crate::model::{AnchorState, Carried, MarkId, Project, Section};
use crate::revise::{PieceKind, word_diff};
use crate::text::shortened;

/// A mark the Revision tab lists, with what it needs to show it.
struct Listed<'a> {
    mark: MarkId,
    what: &'static str,
    /// The passage in the current text, when it has one.
    quote: Option<&'a str>,
    carried: &'a Carried,
    note: String,
}

fn listed_marks(project: &Project) -> Vec<Listed<'_>> {
    let comments = project.comments.iter().filter_map(|c| {
        let carried = c.carried.as_ref()?;
        Some(Listed {
            mark: MarkId::Comment(c.id.clone()),
            what: "Comment",
            quote: c.placed_passage().map(|p| p.quote.as_str()),
            carried,
            note: shortened(c.body.trim(), 80),
        })
    });
    let claims = project.claims.iter().filter_map(|c| {
        let carried = c.carried.as_ref()?;
        Some(Listed {
            mark: MarkId::Claim(c.id.clone()),
            what: "Claim",
            quote: c.placed_passage().map(|p| p.quote.as_str()),
            carried,
            note: c.status.label().to_owned(),
        })
    });
    comments.chain(claims).collect()
}

pub fn revision_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some(project) = state.project() else {
        ui.weak("Open a review to compare it with the writer's next draft.");
        return;
    };
    let Some(previous) = project.earlier_drafts.last() else {
        ui.label(RichText::new("This is the first draft").strong());
        ui.label(
            "When the writer sends the next draft, import it here (or from the File menu): \
             every comment and claim is carried over to the new text, and this tab shows what \
             changed and which marks need a look.",
        );
        if ui
            .button(UiCommand::ImportRevision.label())
            .on_hover_text(UiCommand::ImportRevision.tooltip())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::ImportRevision));
        }
        return;
    };
    ui.label(
        RichText::new(format!(
            "Draft {} ({}), compared with draft {} ({})",
            project.draft.number,
            project.draft.file_name,
            previous.draft.number,
            previous.draft.file_name
        ))
        .strong(),
    );
    let marks = listed_marks(project);
    let count = |states: &[AnchorState]| {
        marks
            .iter()
            .filter(|m| states.contains(&m.carried.state))
            .count()
    };
    ui.label(
        RichText::new(format!(
            "{} exact · {} moved · {} fuzzy · {} orphaned · {} settled by hand",
            count(&[AnchorState::Exact]),
            count(&[AnchorState::Moved]),
            count(&[AnchorState::Fuzzy]),
            count(&[AnchorState::Orphaned]),
            count(&[
                AnchorState::Confirmed,
                AnchorState::Reattached,
                AnchorState::Removed
            ]),
        ))
        .size(11.5)
        .weak(),
    );
    ui.separator();
    let can_reattach = state.navigation.text_selection().is_some();
    ScrollArea::vertical()
        .id_salt("revision list")
        .auto_shrink(false)
        .show(ui, |ui| {
            let fuzzy: Vec<&Listed> = marks
                .iter()
                .filter(|m| m.carried.state == AnchorState::Fuzzy)
                .collect();
            let orphans: Vec<&Listed> = marks
                .iter()
                .filter(|m| m.carried.state == AnchorState::Orphaned)
                .collect();
            if fuzzy.is_empty() && orphans.is_empty() {
                ui.label("✔ Every mark is placed: nothing to confirm.");
            }
            if !fuzzy.is_empty() {
                ui.label(RichText::new(format!("To confirm ({})", fuzzy.len())).strong());
                ui.label(
                    RichText::new(
                        "The words changed: is the new passage still the one the mark is about?",
                    )
                    .size(11.5)
                    .weak(),
                );
                for listed in fuzzy {
                    listed_card_ui(ui, state, project, listed, can_reattach, actions);
                }
                ui.add_space(8.0);
            }
            if !orphans.is_empty() {
                ui.label(RichText::new(format!("Orphans ({})", orphans.len())).strong());
                ui.label(
                    RichText::new(
                        "Not found in the new draft. Select the words in the text and re-attach \
                         the mark, or resolve it if the passage is gone.",
                    )
                    .size(11.5)
                    .weak(),
                );
                for listed in orphans {
                    listed_card_ui(ui, state, project, listed, can_reattach, actions);
                }
                ui.add_space(8.0);
            }
            changed_sections_ui(ui, project, actions);
        });
}

fn listed_card_ui(
    ui: &mut Ui,
    state: &AppState,
    project: &Project,
    listed: &Listed<'_>,
    can_reattach: bool,
    actions: &mut Vec<Action>,
) {
    let selected = state.navigation.selected_mark() == Some(&listed.mark);
    card_frame(ui, selected).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(listed.what).strong());
            ui.label(RichText::new(&listed.note).size(11.5).weak());
        });
        placement_ui(
            ui,
            project,
            &listed.mark,
            listed.carried,
            listed.quote,
            can_reattach,
            actions,
        );
    });
    ui.add_space(4.0);
}

/// The sections whose text changed, new ones, and those the new draft dropped.
fn changed_sections_ui(ui: &mut Ui, project: &Project, actions: &mut Vec<Action>) {
    ui.label(RichText::new("Sections").strong());
    let mut any = false;
    for section in &project.sections {
        let Some(revision) = &section.revision else {
            continue;
        };
        let what = if revision.is_new() {
            "new".to_owned()
        } else if revision.changed_since_approval() {
            "changed since approval".to_owned()
        } else if revision.text_changed {
            "text changed".to_owned()
        } else {
            String::new()
        };
        let renamed = revision
            .heading_before
            .as_ref()
            .map(|before| format!("renamed from “{before}”"));
        let notes: Vec<String> = [Some(what).filter(|w| !w.is_empty()), renamed]
            .into_iter()
            .flatten()
            .collect();
        if notes.is_empty() {
            continue;
        }
        any = true;
        let text = RichText::new(format!("{} — {}", section.title(), notes.join(", ")));
        let text = if revision.changed_since_approval() {
            text.color(look::attention_color(ui.visuals()))
        } else {
            text
        };
        if link_text_ui(ui, text, "Go to the section").clicked() {
            actions.push(Action::GoToSection(section.id.clone()));
        }
    }
    if let Some(previous) = project.earlier_drafts.last() {
        for old in &previous.sections {
            let continued = project.sections.iter().any(|s| {
                s.revision
                    .as_ref()
                    .is_some_and(|r| r.from.contains(&old.id))
            });
            if !continued {
                any = true;
                ui.label(
                    RichText::new(format!("{} — removed", old.title()))
                        .weak()
                        .strikethrough(),
                );
            }
        }
    }
    if !any {
        ui.weak("No section changed.");
    }
}

/// The word-level difference between a section's previous text and its text now, with a
/// notice when the change withdrew its approval. Shown above its cards.
pub fn section_changes_ui(ui: &mut Ui, project: &Project, section: &Section) {
    let Some(revision) = section.revision.as_ref().filter(|r| r.text_changed) else {
        return;
    };
    if revision.is_new() {
        ui.label(
            RichText::new(format!("New in draft {}", project.draft.number))
                .size(11.5)
                .color(look::attention_color(ui.visuals())),
        );
        return;
    }
    if revision.changed_since_approval() {
        ui.label(
            RichText::new(format!(
                "⚠ Changed since approval: it was approved on draft {}; approve it again once \
                 the changes are checked.",
                revision.from_draft
            ))
            .color(look::attention_color(ui.visuals())),
        );
    }
    let Some(before) = project.text_before(section) else {
        return;
    };
    egui::CollapsingHeader::new(format!("What changed since draft {}", revision.from_draft))
        .id_salt(("section diff", section.id.as_str()))
        .default_open(true)
        .show(ui, |ui| {
            ui.label(diff_job(ui, &before, &section.text));
        });
}

fn diff_job(ui: &Ui, old: &str, new: &str) -> LayoutJob {
    let visuals = ui.visuals();
    let font = egui::FontId::proportional(13.0);
    let removed_color = if visuals.dark_mode {
        Color32::from_rgb(0xF0, 0x80, 0x80)
    } else {
        Color32::from_rgb(0xB0, 0x20, 0x20)
    };
    let added_color = if visuals.dark_mode {
        Color32::from_rgb(0x80, 0xE0, 0x90)
    } else {
        Color32::from_rgb(0x10, 0x70, 0x28)
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    for piece in word_diff(old, new) {
        let format = match piece.kind {
            PieceKind::Same => TextFormat::simple(font.clone(), visuals.weak_text_color()),
            PieceKind::Removed => TextFormat {
                strikethrough: Stroke::new(1.0, removed_color),
                ..TextFormat::simple(font.clone(), removed_color)
            },
            PieceKind::Added => TextFormat {
                underline: Stroke::new(1.0, added_color),
                ..TextFormat::simple(font.clone(), added_color)
            },
        };
        job.append(&piece.text.replace('\n', "\n\n"), 0.0, format);
    }
    job
}
