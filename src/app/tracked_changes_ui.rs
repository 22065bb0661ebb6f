//! The tracked changes of a Word draft, in the Comments tab: by author, what each inserted
//! or deleted, where, and when Word says it was made; acknowledged one by one, an author's
//! at once or all at once — each an undoable step. They were accepted into the text on
//! import; acknowledging one says a person has read it as a change.

use egui::{Align, CollapsingHeader, RichText, ScrollArea, Ui};

use super::look;
use super::state::{Action, AppState, CardRequests};
use super::widgets::{card_frame, link_text_ui};
use crate::model::{ClaimStatus, Comment, CommentOrigin, MarkId, Project};
use crate::query::{ChangeScope, ChangesBy, changes_by_author, what_changed};
use crate::text::{counted, shortened};

/// A group with more changes than this starts folded: drawing every row of a book-length
/// redline each frame would slow the desk down, and its header says what is inside.
const FOLDED_ABOVE: usize = 300;

pub fn tracked_changes_ui(
    ui: &mut Ui,
    state: &AppState,
    project: &Project,
    requests: &CardRequests,
    actions: &mut Vec<Action>,
) {
    // With a reviewer chosen in "Marks by", only their changes.
    let groups: Vec<ChangesBy<'_>> = changes_by_author(project)
        .into_iter()
        .filter(|group| state.views.shows_marks_of(group.author_id))
        .collect();
    let total: usize = groups.iter().map(|g| g.changes.len()).sum();
    let unreviewed: usize = groups.iter().map(ChangesBy::unreviewed).sum();
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!(
            "{} · {unreviewed} not yet reviewed",
            counted(total, "tracked change", "tracked changes")
        ));
        if unreviewed > 0 {
            let scope = state
                .views
                .marks_by()
                .map_or(ChangeScope::All, |by| ChangeScope::By(by.clone()));
            if ui
                .button(format!("✔ Acknowledge all ({unreviewed})"))
                .accessible_name("Acknowledge all tracked changes")
                .on_hover_text(
                    "Say you have read every change listed here: one step, which Ctrl+Z takes \
                     back",
                )
                .clicked()
            {
                actions.push(Action::AcknowledgeChanges(scope));
            }
        }
    });
    ui.label(
        RichText::new(
            "Accepted into the text on import. The article is not ready to publish until each \
             is acknowledged.",
        )
        .size(11.5)
        .weak(),
    );
    ui.separator();
    ScrollArea::vertical()
        .id_salt("tracked changes")
        .auto_shrink(false)
        .show(ui, |ui| {
            if groups.is_empty() {
                ui.add_space(12.0);
                ui.weak(if state.views.marks_by().is_some() {
                    "None of this reviewer's changes are in this draft.\n\nChoose Everyone \
                     above to see all of them."
                } else {
                    "The draft brought no tracked changes."
                });
            }
            for group in &groups {
                author_group_ui(ui, state, project, group, requests, actions);
            }
        });
}

fn author_group_ui(
    ui: &mut Ui,
    state: &AppState,
    project: &Project,
    group: &ChangesBy<'_>,
    requests: &CardRequests,
    actions: &mut Vec<Action>,
) {
    let insertions = group
        .changes
        .iter()
        .filter(|c| c.origin == Some(CommentOrigin::TrackedInsertion))
        .count();
    let deletions = group.changes.len() - insertions;
    let unreviewed = group.unreviewed();
    let to_review = if unreviewed == 0 {
        "all acknowledged".to_owned()
    } else {
        format!("{unreviewed} to review")
    };
    let title = format!(
        "{} — {}, {} · {to_review}",
        group.author,
        counted(insertions, "insertion", "insertions"),
        counted(deletions, "deletion", "deletions"),
    );
    CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("changes by", group.author_id))
        .default_open(group.changes.len() <= FOLDED_ABOVE)
        .show(ui, |ui| {
            if unreviewed > 0
                && ui
                    .button(format!("✔ Acknowledge all by {}", group.author))
                    .accessible_name(format!(
                        "Acknowledge all tracked changes by {}",
                        group.author
                    ))
                    .on_hover_text("One step, which Ctrl+Z takes back")
                    .clicked()
            {
                actions.push(Action::AcknowledgeChanges(ChangeScope::By(
                    group.author_id.clone(),
                )));
            }
            for change in &group.changes {
                let mark = MarkId::Comment(change.id.clone());
                let selected = state.navigation.selected_mark() == Some(&mark);
                let response = card_frame(ui, selected)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        change_row_ui(ui, project, change, actions);
                    })
                    .response;
                if requests.reveal.as_ref() == Some(&mark) {
                    response.scroll_to_me(Some(Align::Center));
                }
                ui.add_space(4.0);
            }
        });
}

fn change_row_ui(ui: &mut Ui, project: &Project, change: &Comment, actions: &mut Vec<Action>) {
    let what = what_changed(change);
    let response = link_text_ui(
        ui,
        RichText::new(shortened(what, 220)),
        "Show this change in the text",
    );
    if response.clicked() {
        actions.push(Action::ShowMark(MarkId::Comment(change.id.clone())));
    }
    ui.label(
        RichText::new(format!(
            "{} · {}",
            shortened(project.section_title(&change.section), 40),
            look::time_for_people(change.created)
        ))
        .size(11.5)
        .weak(),
    );
    let name = shortened(what, 60);
    match &change.resolved {
        None => {
            if ui
                .small_button("Acknowledge")
                .accessible_name(format!("Acknowledge: {name}"))
                .on_hover_text("Say you have read this change (Ctrl+Z takes it back)")
                .clicked()
            {
                actions.push(Action::AcknowledgeChanges(ChangeScope::One(
                    change.id.clone(),
                )));
            }
        }
        Some(resolution) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("✔ Acknowledged by {}", resolution.by))
                        .size(11.5)
                        .color(look::claim_status_color(
                            ClaimStatus::Verified,
                            ui.visuals(),
                        )),
                )
                .on_hover_text(look::time_for_people(resolution.at));
                if ui
                    .small_button("Reopen")
                    .accessible_name(format!("Reopen: {name}"))
                    .on_hover_text("Count this change as not yet reviewed again")
                    .clicked()
                {
                    actions.push(Action::ResolveComment {
                        comment: change.id.clone(),
                        resolve: false,
                    });
                }
            });
        }
    }
}
