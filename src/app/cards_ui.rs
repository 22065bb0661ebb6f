//! The side panel on the right: the current section's comments and claims as cards, and
//! whether the card of a comment just made still has the keyboard.

use egui::{Align, Layout, RichText, ScrollArea, TextEdit, Ui};

use super::card_parts_ui::{byline_ui, card_title_ui, mark_name, quote_ui, text_field_actions};
use super::command::UiCommand;
use super::command::shortcut_text;
use super::look;
use super::state::{Action, AppState, CardRequests};
use super::widgets::card_frame;
use crate::edit::Edit;
use crate::model::{Claim, ClaimStatus, Comment, CommentId, MarkId, MarkIndex, Section};

pub fn cards_ui(ui: &mut Ui, state: &AppState, requests: &CardRequests, actions: &mut Vec<Action>) {
    let (Some(project), Some(section)) = (
        state.project(),
        state
            .navigation
            .current_section()
            .and_then(|id| state.project().and_then(|p| p.section(id))),
    ) else {
        ui.weak("Select a section to see its comments and claims.");
        return;
    };
    let Some(marks) = state.review.as_ref().map(|review| review.marks()) else {
        return;
    };
    header_ui(ui, marks, section, actions);
    super::revision_ui::section_changes_ui(ui, project, section);
    ui.separator();

    /// A card's mark, as found through the index (looking marks up by id would scan the
    /// project's lists once per card, every frame).
    enum Card<'a> {
        Comment(&'a Comment),
        Claim(&'a Claim),
    }
    // With a reviewer chosen, only their marks.
    let shown = |author| state.views.shows_marks_of(author);
    let mut cards: Vec<(usize, MarkId, Card<'_>)> = marks
        .claims_in(project, &section.id)
        .filter(|c| shown(&c.author_id))
        .map(|c| (c.passage.start, MarkId::Claim(c.id.clone()), Card::Claim(c)))
        .chain(
            marks
                .comments_in(project, &section.id)
                .filter(|c| shown(&c.author_id))
                .map(|c| {
                    (
                        c.passage.as_ref().map_or(0, |p| p.start),
                        MarkId::Comment(c.id.clone()),
                        Card::Comment(c),
                    )
                }),
        )
        .collect();
    cards.sort_by_key(|(start, _, _)| *start);

    ScrollArea::vertical()
        .id_salt("cards")
        .auto_shrink(false)
        .show(ui, |ui| {
            if cards.is_empty() {
                ui.add_space(12.0);
                ui.weak(if state.views.marks_by().is_some() {
                    "None of this reviewer's comments or claims are in this section.\n\nChoose \
                     Everyone above to see all of them."
                } else {
                    "No comments or claims here yet.\n\nSelect a passage in the text, then choose \
                     Comment or Flag claim."
                });
            }
            for (_, mark, card) in &cards {
                let selected = state.navigation.selected_mark() == Some(mark);
                let response = card_frame(ui, selected)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        match card {
                            Card::Comment(comment) => {
                                comment_card_ui(ui, state, comment, requests, actions);
                            }
                            Card::Claim(claim) => {
                                super::claim_card_ui::claim_card_ui(
                                    ui, state, claim, requests, actions,
                                );
                            }
                        }
                    })
                    .response;
                if requests.reveal.as_ref() == Some(mark) {
                    response.scroll_to_me(Some(Align::Center));
                }
                ui.add_space(8.0);
            }
        });
}

/// Where the keyboard goes in a comment's card, its text and its reply: named by the comment
/// alone (when the panel shows another section, the keyboard must not carry over into a
/// stranger's card), so the desk can tell after drawing whether the card still has it.
fn comment_field_ids(comment: &CommentId) -> [egui::Id; 2] {
    [
        egui::Id::unique(("comment body", comment)),
        egui::Id::unique(("reply draft", comment)),
    ]
}

/// Once the keyboard has left the card of the comment just made (a click elsewhere, Escape,
/// another tab or section), says so: a comment left empty is taken back.
pub fn new_comment_left(ctx: &egui::Context, state: &AppState) -> Option<Action> {
    let comment = state.navigation.unwritten_comment()?;
    let [body, reply] = comment_field_ids(comment);
    let holds = ctx.memory(|memory| memory.has_focus(body) || memory.has_focus(reply));
    (!holds).then(|| Action::LeaveNewComment(comment.clone()))
}

fn header_ui(ui: &mut Ui, marks: &MarkIndex, section: &Section, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    let title = RichText::new(section.title()).strong().size(15.0);
    ui.label(super::reading_text::reading_text(
        ui,
        title,
        ui.available_width(),
    ));
    ui.horizontal(|ui| {
        ui.label(look::review_status_text(section.status, ui.visuals()).size(12.5));
        let comments = marks.section(&section.id).comments.len();
        let claims = marks.section(&section.id).claims.len();
        ui.weak(format!(
            "· {} · {}",
            crate::text::counted(claims, "claim", "claims"),
            crate::text::counted(comments, "comment", "comments")
        ));
    });
    ui.add_space(2.0);
    if ui
        .button(format!("{} Comment on this section", look::COMMENT_ICON))
        .on_hover_text(format!(
            "{} ({})",
            UiCommand::CommentOnSection.tooltip(),
            shortcut_text(ui, UiCommand::CommentOnSection)
        ))
        .clicked()
    {
        actions.push(Action::Command(UiCommand::CommentOnSection));
    }
    ui.add_space(4.0);
}

/// A comment's card: in the current section's list, and opened in place in the comments
/// view.
pub(super) fn comment_card_ui(
    ui: &mut Ui,
    state: &AppState,
    comment: &Comment,
    requests: &CardRequests,
    actions: &mut Vec<Action>,
) {
    let mark = MarkId::Comment(comment.id.clone());
    let name = mark_name(comment.passage.as_ref());
    ui.horizontal(|ui| {
        card_title_ui(
            ui,
            &format!("{} Comment", look::COMMENT_ICON),
            &mark,
            actions,
        );
        if let Some(resolution) = &comment.resolved {
            ui.label(
                RichText::new("✔ Resolved")
                    .size(11.5)
                    .color(look::claim_status_color(
                        ClaimStatus::Verified,
                        ui.visuals(),
                    )),
            )
            .on_hover_text(format!(
                "Resolved by {} · {}",
                resolution.by,
                look::time_for_people(resolution.at)
            ));
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .small_button("🗑")
                .accessible_name(format!("Delete comment on {name}"))
                .on_hover_text("Delete this comment (undo brings it back)")
                .clicked()
            {
                actions.push(Action::Edit(Edit::delete_comment(
                    comment.id.clone(),
                    state.stamp(),
                )));
            }
        });
    });
    quote_ui(
        ui,
        state,
        comment.passage.as_ref(),
        comment.carried.as_ref(),
        &mark,
        actions,
    );
    byline_ui(
        ui,
        state.project(),
        "",
        (&comment.author, &comment.author_id),
        comment.created,
    );
    if let Some(origin) = comment.origin {
        ui.label(
            RichText::new(format!("From the draft's file: {}", origin.label()))
                .size(11.5)
                .weak(),
        )
        .on_hover_text(
            "The writer's file carried this note; copydesk made it a comment when importing.",
        );
    }

    let mut body = comment.body.clone();
    let [body_id, reply_id] = comment_field_ids(&comment.id);
    let editing = ui.memory(|memory| memory.has_focus(body_id));
    let response = if crate::bidi::has_right_to_left(&body) && !editing {
        // egui's text field shows letters in the order typed: a comment in Arabic or Hebrew
        // is shown as it reads until it is clicked (or reached with Tab) to be edited.
        super::reading_text::reading_field_ui(ui, body_id, &body)
    } else {
        ui.add(
            TextEdit::multiline(&mut body)
                .id(body_id)
                .hint_text("Write your comment…")
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
    }
    .accessible_name(format!("Comment on {name}"));
    text_field_actions(&response, &mark, requests, actions);
    if response.changed() {
        actions.push(Action::Edit(Edit::SetCommentBody {
            id: comment.id.clone(),
            body,
        }));
    }

    for reply in &comment.replies {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.add_space(12.0);
            ui.vertical(|ui| {
                byline_ui(
                    ui,
                    state.project(),
                    "↪ ",
                    (&reply.author, &reply.author_id),
                    reply.created,
                );
                let width = ui.available_width();
                ui.label(super::reading_text::reading_text(ui, &reply.body, width));
            });
        });
    }

    ui.add_space(4.0);
    let mut draft = state
        .navigation
        .reply_draft(&comment.id)
        .unwrap_or_default()
        .to_owned();
    ui.horizontal(|ui| {
        let resolve_label = if comment.resolved.is_some() {
            "Reopen"
        } else {
            "Resolve"
        };
        let resolve = ui
            .button(resolve_label)
            .accessible_name(format!("{resolve_label} comment on {name}"))
            .on_hover_text(if comment.resolved.is_some() {
                "Open this comment again"
            } else {
                "Mark this comment as dealt with"
            });
        if resolve.clicked() {
            actions.push(Action::ResolveComment {
                comment: comment.id.clone(),
                resolve: comment.resolved.is_none(),
            });
        }
        let reply_field = ui
            .add(
                TextEdit::singleline(&mut draft)
                    .id(reply_id)
                    .hint_text("Reply…")
                    .desired_width(ui.available_width() - 60.0),
            )
            .accessible_name(format!("Reply to comment on {name}"));
        if reply_field.changed() {
            actions.push(Action::SetReplyDraft {
                comment: comment.id.clone(),
                text: draft.clone(),
            });
        }
        let pressed_enter =
            reply_field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let send = ui
            .add_enabled(!draft.trim().is_empty(), egui::Button::new("Reply"))
            .accessible_name(format!("Send reply to comment on {name}"));
        if (send.clicked() || pressed_enter) && !draft.trim().is_empty() {
            actions.push(Action::SendReply(comment.id.clone()));
        }
    });
}
