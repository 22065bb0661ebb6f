//! The pieces every card is built from: its title, the quoted passage (and, for a mark
//! carried over from an earlier draft, its placement line), the byline, and what typing in
//! a card's text field sends.

use egui::{RichText, Sense, Ui};

use super::look;
use super::placement_ui::placement_ui;
use super::state::{Action, AppState, CardRequests};
use super::widgets::link_text_ui;
use crate::model::{Carried, MarkId, Passage, Project, ReviewerId};
use crate::text::shortened;

/// A card's title; like its quote, clicking it shows the passage in the text.
pub fn card_title_ui(ui: &mut Ui, title: &str, mark: &MarkId, actions: &mut Vec<Action>) {
    let response = ui
        .add(
            egui::Label::new(RichText::new(title).strong())
                .sense(Sense::click())
                .selectable(false),
        )
        .on_hover_text("Show in the text");
    show_passage_on_click(ui, &response, mark, actions);
}

/// The quoted passage (clicking it scrolls the text there), then, for a mark carried over
/// from an earlier draft, how it came through and the buttons to settle it.
pub fn quote_ui(
    ui: &mut Ui,
    state: &AppState,
    passage: Option<&Passage>,
    carried: Option<&Carried>,
    mark: &MarkId,
    actions: &mut Vec<Action>,
) {
    // An orphan's words are not in this draft: the placement line says what it was on.
    if carried.is_none_or(|c| c.state.is_placed()) {
        let text = match passage {
            Some(passage) => {
                RichText::new(format!("“{}”", shortened(&passage.quote, 220))).italics()
            }
            None => RichText::new("On the whole section").italics().weak(),
        };
        let response = link_text_ui(ui, text, "Show in the text");
        if response.clicked() {
            actions.push(Action::ShowMark(mark.clone()));
        }
    }
    if let (Some(carried), Some(project)) = (carried, state.project()) {
        placement_ui(
            ui,
            project,
            mark,
            carried,
            // The passage is shown just above.
            None,
            state.navigation.text_selection().is_some(),
            actions,
        );
    }
}

/// A card's title and quote are links to the passage in the text.
fn show_passage_on_click(
    ui: &Ui,
    response: &egui::Response,
    mark: &MarkId,
    actions: &mut Vec<Action>,
) {
    if response.hovered() {
        ui.set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if response.clicked() {
        actions.push(Action::ShowMark(mark.clone()));
    }
}

/// Who wrote a mark or reply (with their role, when the review knows it) and when; once the
/// review spans drafts, also on which draft.
pub fn byline_ui(
    ui: &mut Ui,
    project: Option<&Project>,
    prefix: &str,
    (author, author_id): (&str, &ReviewerId),
    when: jiff::Timestamp,
) {
    let author = with_role(project, author, author_id);
    let draft = project
        .filter(|p| !p.earlier_drafts.is_empty())
        .map_or_else(String::new, |p| {
            format!(" · on draft {}", p.draft_number_at(when))
        });
    ui.label(
        RichText::new(format!(
            "{prefix}{author} · {}{draft}",
            look::time_for_people(when)
        ))
        .size(11.5)
        .weak(),
    );
}

/// A reviewer's name, with their role when the review knows it: "Ana (Editor)".
pub fn with_role(project: Option<&Project>, name: &str, id: &ReviewerId) -> String {
    let role = project
        .and_then(|p| p.reviewers.iter().find(|r| &r.id == id))
        .and_then(|r| r.role);
    match role {
        Some(role) => format!("{name} ({})", role.label()),
        None => name.to_owned(),
    }
}

/// What a mark's text fields are called for screen readers and tests.
pub fn mark_name(passage: Option<&Passage>) -> String {
    match passage {
        Some(passage) => format!("“{}”", shortened(&passage.quote, 40)),
        None => "the section".to_owned(),
    }
}

/// Keeps the history tidy around a text field: one undo step per visit, the card selected
/// while it is edited, and the keyboard placed in a freshly made card.
pub fn text_field_actions(
    response: &egui::Response,
    mark: &MarkId,
    requests: &CardRequests,
    actions: &mut Vec<Action>,
) {
    if requests.focus.as_ref() == Some(mark) {
        response.request_focus();
    }
    if response.gained_focus() {
        actions.push(Action::ShowMark(mark.clone()));
    }
    if response.lost_focus() {
        actions.push(Action::EndTyping);
    }
}

/// An address the browser can open: http or https with a host.
pub fn is_web_address(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && host.contains('.') && !rest.chars().any(char::is_whitespace)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_recognised() {
        assert!(is_web_address("https://example.org/report.pdf"));
        assert!(is_web_address("http://data.gov.uk?q=1"));
        assert!(!is_web_address("example.org"));
        assert!(!is_web_address("https://"));
        assert!(!is_web_address("https://exa mple.org"));
        assert!(!is_web_address("javascript:alert(1)"));
    }
}
