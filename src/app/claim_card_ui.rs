//! A claim's card: its status and history, what the claim library knows of it ("Checked
//! before"), sources, verdict note and whether an incorrect or unverifiable claim was dealt
//! with.

use egui::{Align, Frame, Layout, RichText, TextEdit, Ui};

use super::card_parts_ui::{
    byline_ui, card_title_ui, is_web_address, mark_name, quote_ui, text_field_actions,
};
use super::checked_before_ui::claim_checked_before_ui;
use super::look;
use super::state::CardRequests;
use super::state::{Action, AppState};
use crate::edit::Edit;
use crate::model::{Claim, ClaimStatus, DealtWith, MarkId, Source, SourceRank};
use crate::text::shortened;

pub fn claim_card_ui(
    ui: &mut Ui,
    state: &AppState,
    claim: &Claim,
    requests: &CardRequests,
    actions: &mut Vec<Action>,
) {
    let mark = MarkId::Claim(claim.id.clone());
    let name = mark_name(Some(&claim.passage));
    ui.horizontal(|ui| {
        card_title_ui(ui, &format!("{} Claim", look::CLAIM_ICON), &mark, actions);
        ui.label(look::claim_status_text(claim.status, ui.visuals()).size(11.5));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .small_button("🗑")
                .accessible_name(format!("Remove claim {name}"))
                .on_hover_text("Remove this claim, its sources and note (undo brings them back)")
                .clicked()
            {
                actions.push(Action::RemoveClaim(claim.id.clone()));
            }
        });
    });
    quote_ui(
        ui,
        state,
        Some(&claim.passage),
        claim.carried.as_ref(),
        &mark,
        actions,
    );
    byline_ui(
        ui,
        state.project(),
        "Flagged by ",
        (&claim.author, &claim.author_id),
        claim.created,
    );
    if !claim.kinds.is_empty() {
        let kinds: Vec<&str> = claim.kinds.iter().map(|kind| kind.label()).collect();
        ui.label(RichText::new(kinds.join(" · ")).size(11.5).weak());
    }
    let checked_before = state.library.matches().for_claim(&claim.id);
    claim_checked_before_ui(ui, claim, &name, &checked_before, actions);
    ui.add_space(4.0);

    ui.horizontal(|ui| {
        ui.label("Status");
        let combo = egui::ComboBox::from_id_salt(("claim status", &claim.id))
            .selected_text(look::claim_status_text(claim.status, ui.visuals()))
            .width(ui.available_width().min(150.0))
            .show_ui(ui, |ui| {
                for status in ClaimStatus::ALL {
                    let response = ui
                        .selectable_label(
                            claim.status == status,
                            look::claim_status_text(status, ui.visuals()),
                        )
                        .accessible_name(status.label());
                    if response.clicked() && claim.status != status {
                        actions.push(Action::SetClaimStatus {
                            claim: claim.id.clone(),
                            status,
                        });
                    }
                }
            });
        let _ = combo
            .response
            .accessible_name(format!("Claim status {name}"));
    });

    if claim.status.can_be_dealt_with() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Dealt with");
            let options = [(None, "Not yet")]
                .into_iter()
                .chain(DealtWith::ALL.map(|d| (Some(d), d.label())));
            for (value, label) in options {
                let response = ui
                    .radio(claim.dealt_with == value, label)
                    .accessible_name(format!("{label}: claim {name}"));
                if response.clicked() && claim.dealt_with != value {
                    actions.push(Action::Edit(Edit::SetClaimDealtWith {
                        id: claim.id.clone(),
                        dealt_with: value,
                    }));
                }
            }
        });
    }

    ui.add_space(4.0);
    ui.label(RichText::new("Sources").strong().size(12.5));
    for (index, source) in claim.sources.iter().enumerate() {
        source_ui(ui, state, claim, index, source, &name, actions);
    }
    if ui
        .button("➕ Add source")
        .accessible_name(format!("Add source to claim {name}"))
        .clicked()
    {
        actions.push(Action::Edit(Edit::AddSource {
            claim: claim.id.clone(),
            index: claim.sources.len(),
            source: Source::new(&state.prefs.reviewer(), jiff::Timestamp::now()),
        }));
    }

    ui.add_space(4.0);
    ui.label(RichText::new("Verdict note").strong().size(12.5));
    let mut note = claim.note.clone();
    let response = ui
        .add(
            TextEdit::multiline(&mut note)
                .id_salt(("claim note", &claim.id))
                .hint_text("What the sources show…")
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .accessible_name(format!("Verdict note for claim {name}"));
    text_field_actions(&response, &mark, requests, actions);
    if response.changed() {
        actions.push(Action::Edit(Edit::SetClaimNote {
            id: claim.id.clone(),
            note,
        }));
    }
    history_ui(ui, claim);
}

/// Who set which status when, newest last.
fn history_ui(ui: &mut Ui, claim: &Claim) {
    if claim.history.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(
        RichText::new(format!("History ({})", claim.history.len())).size(12.5),
    )
    .id_salt(("claim history", &claim.id))
    .show(ui, |ui| {
        for change in &claim.history {
            ui.horizontal_wrapped(|ui| {
                ui.label(look::claim_status_text(change.status, ui.visuals()).size(11.5));
                ui.label(
                    RichText::new(format!(
                        "{} · {}",
                        change.by,
                        look::time_for_people(change.at)
                    ))
                    .size(11.5)
                    .weak(),
                );
            });
        }
    });
}

/// The day a source was consulted: typed as YYYY-MM-DD (kept as a draft until it is a real
/// date), or set to today with one click. Returns whether `edited` changed.
fn accessed_ui(
    ui: &mut Ui,
    claim: &Claim,
    index: usize,
    edited: &mut Source,
    claim_name: &str,
    actions: &mut Vec<Action>,
) -> bool {
    let number = index + 1;
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let id = ui.make_persistent_id(("source accessed", &claim.id, index));
        let saved = edited.accessed.map(|d| d.to_string()).unwrap_or_default();
        let mut draft: String = ui
            .data(|d| d.get_temp::<String>(id))
            .unwrap_or_else(|| saved.clone());
        let response = ui
            .add(
                TextEdit::singleline(&mut draft)
                    .id_salt(("source accessed field", &claim.id, index))
                    .hint_text("YYYY-MM-DD")
                    .desired_width(96.0),
            )
            .accessible_name(format!("Source {number} accessed for claim {claim_name}"));
        let parsed = draft.trim().parse::<jiff::civil::Date>();
        if response.changed() {
            match (&parsed, draft.trim().is_empty()) {
                (_, true) => {
                    edited.accessed = None;
                    changed = true;
                }
                (Ok(date), false) => {
                    edited.accessed = Some(*date);
                    changed = true;
                }
                (Err(_), false) => {}
            }
        }
        if response.has_focus() {
            ui.data_mut(|d| d.insert_temp(id, draft.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        if response.lost_focus() {
            actions.push(Action::EndTyping);
        }
        if !draft.trim().is_empty() && parsed.is_err() {
            ui.label(
                RichText::new("a date like 2026-11-25")
                    .size(11.5)
                    .color(ui.visuals().error_fg_color),
            );
        } else if ui
            .small_button("Today")
            .accessible_name(format!(
                "Source {number} accessed today: claim {claim_name}"
            ))
            .on_hover_text("Set the access date to today")
            .clicked()
        {
            edited.accessed = Some(
                jiff::Timestamp::now()
                    .to_zoned_datetime(jiff::tz::TimeZone::system())
                    .date(),
            );
            changed = true;
        }
    });
    changed
}

fn source_ui(
    ui: &mut Ui,
    state: &AppState,
    claim: &Claim,
    index: usize,
    source: &Source,
    claim_name: &str,
    actions: &mut Vec<Action>,
) {
    Frame::new()
        .inner_margin(6)
        .corner_radius(4.0)
        .fill(
            ui.visuals()
                .widgets
                .inactive
                .weak_bg_fill
                .gamma_multiply(0.5),
        )
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let number = index + 1;
            let mut edited = source.clone();
            let mut changed = false;
            egui::Grid::new(("source", &claim.id, index))
                .num_columns(2)
                .spacing([6.0, 4.0])
                .show(ui, |ui| {
                    for (label, value, hint) in [
                        ("URL", &mut edited.url, "https://…"),
                        ("Title", &mut edited.title, "Report, article, dataset…"),
                        ("Note", &mut edited.note, "Page, table, quote…"),
                    ] {
                        ui.label(RichText::new(label).size(12.0));
                        let response = ui
                            .add(
                                TextEdit::singleline(value)
                                    .id_salt(("source", &claim.id, index, label))
                                    .hint_text(hint)
                                    .desired_width(f32::INFINITY),
                            )
                            .accessible_name(format!(
                                "Source {number} {label} for claim {claim_name}"
                            ));
                        changed |= response.changed();
                        if response.lost_focus() {
                            actions.push(Action::EndTyping);
                        }
                        ui.end_row();
                    }
                    ui.label(RichText::new("Accessed").size(12.0));
                    changed |= accessed_ui(ui, claim, index, &mut edited, claim_name, actions);
                    ui.end_row();
                });
            // Below the grid, wrapped: a narrow panel fits the kinds on two lines (a grid
            // row would not grow to hold the second).
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Kind").size(12.0));
                for rank in SourceRank::ALL {
                    let response =
                        ui.radio(edited.rank == rank, rank.label())
                            .accessible_name(format!(
                                "Source {number} {}: claim {claim_name}",
                                rank.label()
                            ));
                    if response.clicked() && edited.rank != rank {
                        edited.rank = rank;
                        changed = true;
                    }
                }
            });
            // Wrapped, so a long title or address takes more lines, never more width.
            ui.horizontal_wrapped(|ui| {
                let url = source.url.trim();
                if is_web_address(url) {
                    let label = if source.title.trim().is_empty() {
                        shortened(url, 40)
                    } else {
                        shortened(source.title.trim(), 40)
                    };
                    ui.hyperlink_to(format!("{label} ↗"), url)
                        .on_hover_text(format!("Open {url} in the browser"));
                } else if !url.is_empty() {
                    ui.label(
                        RichText::new("Not a web address: it should start with https://")
                            .size(11.5)
                            .color(ui.visuals().error_fg_color),
                    );
                }
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove source {number} of claim {claim_name}"))
                    .clicked()
                {
                    actions.push(Action::Edit(Edit::delete_source(
                        claim.id.clone(),
                        index,
                        state.stamp(),
                    )));
                }
            });
            if changed {
                actions.push(Action::Edit(Edit::SetSource {
                    claim: claim.id.clone(),
                    index,
                    source: edited,
                }));
            }
        });
}
