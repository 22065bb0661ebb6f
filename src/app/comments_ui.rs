//! The Comments tab: every comment of the article with its thread in one list, filtered by
//! whether it is resolved, who wrote it, where it came from and its section, in reading
//! order or by date; the selected comment's card opens in place. Its other view lists the
//! tracked changes of a Word draft (`tracked_changes_ui`).

use egui::{Align, RichText, ScrollArea, Ui};

use super::card_parts_ui::with_role;
use super::cards_ui::comment_card_ui;
use super::command::{UiCommand, shortcut_text};
use super::look;
use super::state::{Action, AppState, CardRequests};
use super::tracked_changes_ui::tracked_changes_ui;
use super::widgets::{card_frame, link_text_ui};
use crate::model::{ClaimStatus, Comment, MarkId, Project};
use crate::query::{
    CommentOrder, CommentQuery, Origin, OriginFilter, ResolvedFilter, reviewers_in,
    unreviewed_changes,
};
use crate::text::{counted, one_line, shortened};

pub fn comments_ui(
    ui: &mut Ui,
    state: &AppState,
    requests: &CardRequests,
    actions: &mut Vec<Action>,
) {
    let Some(project) = state.project() else {
        ui.weak("Open an article to see its comments.");
        return;
    };
    view_switch_ui(
        ui,
        project,
        state.comment_views.shows_tracked_changes(),
        actions,
    );
    if state.comment_views.shows_tracked_changes() {
        tracked_changes_ui(ui, state, project, requests, actions);
        return;
    }
    let view = state.comment_views.query();
    filters_ui(ui, project, view, actions);
    let comments = view.comments(project);
    let open = comments.iter().filter(|c| c.is_open()).count();
    ui.horizontal(|ui| {
        ui.weak(format!("{} shown · {open} open", comments.len()));
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            for (command, label) in [
                (UiCommand::NextOpenComment, "Next open ⏷"),
                (UiCommand::PreviousOpenComment, "⏶ Previous"),
            ] {
                if ui
                    .small_button(label)
                    .accessible_name(command.label())
                    .on_hover_text(format!(
                        "{} ({})",
                        command.tooltip(),
                        shortcut_text(ui, command)
                    ))
                    .clicked()
                {
                    actions.push(Action::Command(command));
                }
            }
        });
    });
    ui.separator();
    ScrollArea::vertical()
        .id_salt("comments list")
        .auto_shrink(false)
        .show(ui, |ui| {
            if comments.is_empty() {
                ui.add_space(12.0);
                let only_changes = project.comments.iter().all(Comment::is_tracked_change);
                ui.weak(if project.comments.is_empty() {
                    "No comments yet.\n\nSelect a passage in the text, then choose Comment."
                } else if only_changes && view.origin == OriginFilter::Remarks {
                    "No comments yet: the Word draft's tracked changes are listed under \
                     Tracked changes, above.\n\nSelect a passage in the text, then choose \
                     Comment."
                } else {
                    "No comment matches these filters."
                });
            }
            for comment in comments {
                let mark = MarkId::Comment(comment.id.clone());
                let selected = state.navigation.selected_mark() == Some(&mark);
                let response = card_frame(ui, selected)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        if selected {
                            comment_card_ui(ui, state, comment, requests, actions);
                        } else {
                            comment_row_ui(ui, project, comment, actions);
                        }
                    })
                    .response;
                if requests.reveal.as_ref() == Some(&mark) {
                    response.scroll_to_me(Some(Align::Center));
                }
                ui.add_space(6.0);
            }
        });
}

/// Comments, or the tracked changes: offered once the draft brought tracked changes.
fn view_switch_ui(
    ui: &mut Ui,
    project: &Project,
    showing_changes: bool,
    actions: &mut Vec<Action>,
) {
    let changes = project
        .comments
        .iter()
        .filter(|c| c.is_tracked_change())
        .count();
    if changes == 0 && !showing_changes {
        return;
    }
    let unreviewed = unreviewed_changes(project);
    ui.horizontal_wrapped(|ui| {
        let remarks = project.comments.len() - changes;
        if ui
            .selectable_label(!showing_changes, format!("Comments ({remarks})"))
            .accessible_name("Show comments")
            .on_hover_text("Comments typed here and the Word draft's own comments")
            .clicked()
        {
            actions.push(Action::ShowTrackedChanges(false));
        }
        let label = if unreviewed > 0 {
            format!("Tracked changes ({unreviewed} to review)")
        } else {
            format!("Tracked changes ({changes}, all acknowledged)")
        };
        if ui
            .selectable_label(showing_changes, label)
            .accessible_name("Show tracked changes")
            .on_hover_text(UiCommand::ShowTrackedChanges.tooltip())
            .clicked()
        {
            actions.push(Action::ShowTrackedChanges(true));
        }
    });
    ui.separator();
}

fn comment_row_ui(ui: &mut Ui, project: &Project, comment: &Comment, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        let (status, color) = if comment.is_open() {
            ("Open", ui.visuals().text_color())
        } else {
            (
                "✔ Resolved",
                look::claim_status_color(ClaimStatus::Verified, ui.visuals()),
            )
        };
        ui.label(RichText::new(status).size(12.0).color(color));
        let origin = match Origin::of(comment) {
            Origin::Typed => None,
            Origin::WordComment => Some("Word comment"),
            Origin::TrackedChange => Some("tracked change"),
        };
        if let Some(origin) = origin {
            ui.weak(RichText::new(format!("· {origin}")).size(12.0));
        }
        if !comment.replies.is_empty() {
            let replies = counted(comment.replies.len(), "reply", "replies");
            ui.weak(RichText::new(format!("· {replies}")).size(12.0));
        }
    });
    let on = match &comment.passage {
        Some(passage) => RichText::new(format!("“{}”", shortened(&passage.quote, 140))).italics(),
        None => RichText::new("On the whole section").italics().weak(),
    };
    let response = link_text_ui(ui, on, "Open this comment and show it in the text");
    if response.clicked() {
        actions.push(Action::ShowMark(MarkId::Comment(comment.id.clone())));
    }
    let body = one_line(comment.body.trim());
    if body.is_empty() {
        ui.weak("(nothing written yet)");
    } else {
        let width = ui.available_width();
        let body = super::reading_text::reading_text(ui, shortened(&body, 200), width);
        ui.add(egui::Label::new(body).wrap());
    }
    let section = project.section_title(&comment.section);
    ui.label(
        RichText::new(format!(
            "{} · by {} · {}",
            shortened(section, 40),
            with_role(Some(project), &comment.author, &comment.author_id),
            look::time_for_people(comment.created)
        ))
        .size(11.5)
        .weak(),
    );
}

fn filters_ui(ui: &mut Ui, project: &Project, view: &CommentQuery, actions: &mut Vec<Action>) {
    let mut changed = view.clone();
    egui::Grid::new("comments filters")
        .num_columns(2)
        .spacing([6.0, 4.0])
        .show(ui, |ui| {
            ui.label("Show");
            egui::ComboBox::from_id_salt("comments status filter")
                .selected_text(view.resolved.label())
                .width(170.0)
                .show_ui(ui, |ui| {
                    for option in ResolvedFilter::ALL {
                        ui.selectable_value(&mut changed.resolved, option, option.label());
                    }
                })
                .response
                .accessible_name("Filter comments by status");
            ui.end_row();

            ui.label("By");
            let name = view
                .by
                .as_ref()
                .map_or_else(|| "Everyone".to_owned(), |id| reviewer_name(project, id));
            egui::ComboBox::from_id_salt("comments reviewer filter")
                .selected_text(shortened(&name, 26))
                .width(170.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut changed.by, None, "Everyone");
                    // Listed only while the list is open: it reads every mark.
                    for reviewer in &reviewers_in(project) {
                        ui.selectable_value(
                            &mut changed.by,
                            Some(reviewer.id.clone()),
                            with_role(Some(project), &reviewer.name, &reviewer.id),
                        );
                    }
                })
                .response
                .accessible_name("Filter comments by reviewer");
            ui.end_row();

            ui.label("From");
            egui::ComboBox::from_id_salt("comments origin filter")
                .selected_text(view.origin.label())
                .width(170.0)
                .show_ui(ui, |ui| {
                    for option in OriginFilter::ALL {
                        ui.selectable_value(&mut changed.origin, option, option.label());
                    }
                })
                .response
                .accessible_name("Filter comments by origin");
            ui.end_row();

            ui.label("Section");
            let section_label = view
                .section
                .as_ref()
                .and_then(|id| project.section(id))
                .map_or_else(|| "All".to_owned(), |s| shortened(s.title(), 26));
            egui::ComboBox::from_id_salt("comments section filter")
                .selected_text(section_label)
                .width(170.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut changed.section, None, "All");
                    for section in &project.sections {
                        ui.selectable_value(
                            &mut changed.section,
                            Some(section.id.clone()),
                            shortened(section.title(), 40),
                        );
                    }
                })
                .response
                .accessible_name("Filter comments by section");
            ui.end_row();

            ui.label("Sort");
            egui::ComboBox::from_id_salt("comments order")
                .selected_text(view.order.label())
                .width(170.0)
                .show_ui(ui, |ui| {
                    for order in CommentOrder::ALL {
                        ui.selectable_value(&mut changed.order, order, order.label());
                    }
                })
                .response
                .accessible_name("Sort comments");
            ui.end_row();
        });
    if &changed != view {
        actions.push(Action::SetCommentsView(changed));
    }
}

/// Who a reviewer id stands for, with their role: from the review's list of reviewers, else
/// the name on a comment of theirs.
fn reviewer_name(project: &Project, id: &crate::model::ReviewerId) -> String {
    let name = project
        .reviewers
        .iter()
        .find(|r| &r.id == id)
        .map(|r| r.name.as_str())
        .or_else(|| {
            project
                .comments
                .iter()
                .find(|c| &c.author_id == id)
                .map(|c| c.author.as_str())
        });
    name.map_or_else(|| id.to_string(), |name| with_role(Some(project), name, id))
}
