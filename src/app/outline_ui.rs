//! The outline on the left: overall progress, and every section with its status and counts,
//! and the conflicts a merge left about it, in words.

use std::sync::Arc;

use egui::{
    Align2, Color32, FontId, Galley, ProgressBar, Rect, RichText, ScrollArea, Sense, Ui,
    WidgetText, pos2, vec2,
};

use super::command::UiCommand;
use super::look;
use super::reading_text::reading_text;
use super::side_panel::SidePanel;
use super::state::{Action, AppState};

use crate::model::{Project, ReviewProgress, Section, SectionId};
use crate::text::counted;

pub fn outline_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some(project) = state.project() else {
        ui.weak("No review open.");
        return;
    };
    let progress = state
        .review
        .as_ref()
        .map_or_else(|| project.progress(), |review| review.marks().progress());
    progress_ui(ui, project, progress);
    ui.add_space(8.0);
    ui.separator();
    // Only the rows in view are drawn (a book has a thousand sections or more), and their
    // heights are measured once per width and list of titles, not every frame.
    ScrollArea::vertical()
        .id_salt("outline")
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            let width = ui.available_width();
            let rows = row_tops(ui, project, width);
            ui.set_height(rows.total);
            let origin = ui.min_rect().min;
            let current = state.navigation.current_section();
            let current_changed = remember_current(ui, current);
            if current_changed
                && let Some(index) = current.and_then(|id| project.section_index(id))
                && let (Some(top), Some(bottom)) = (rows.tops.get(index), rows.tops.get(index + 1))
            {
                let rect = Rect::from_min_size(
                    origin + vec2(0.0, *top),
                    vec2(width, bottom - top - ROW_GAP),
                );
                ui.scroll_to_rect(rect, None);
            }
            let first = rows
                .tops
                .partition_point(|&top| top <= viewport.top())
                .saturating_sub(1);
            let end = rows.tops.partition_point(|&top| top < viewport.bottom());
            for index in first..end.min(project.sections.len()) {
                let (Some(section), Some(top), Some(bottom)) = (
                    project.sections.get(index),
                    rows.tops.get(index),
                    rows.tops.get(index + 1),
                ) else {
                    continue;
                };
                let title = title_galley(ui, section, title_width(section, width));
                let rect = Rect::from_min_size(
                    origin + vec2(0.0, *top),
                    vec2(width, bottom - top - ROW_GAP),
                );
                let is_current = current == Some(&section.id);
                let counts = state
                    .review
                    .as_ref()
                    .map_or_else(RowCounts::default, |review| {
                        let marks = review.marks().section(&section.id);
                        RowCounts {
                            open_comments: marks.open_comments,
                            open_claims: marks.open_claims,
                            conflicts: review.conflicts().in_section(&section.id),
                        }
                    });
                row_ui(ui, rect, section, &title, is_current, counts, actions);
            }
        });
}

/// What a row counts beside its section's status.
#[derive(Clone, Copy, Debug, Default)]
struct RowCounts {
    open_comments: usize,
    open_claims: usize,
    /// Conflicts a merge left about the section or its marks.
    conflicts: usize,
}

/// Where each outline row starts; one more entry at the end, where the last row ends.
#[derive(Clone, Default)]
struct RowTops {
    key: u64,
    tops: Arc<Vec<f32>>,
    total: f32,
}

fn row_tops(ui: &Ui, project: &Project, width: f32) -> RowTops {
    let key = crate::fingerprint::hash_of(&(
        width.to_bits(),
        ui.pixels_per_point().to_bits(),
        project
            .sections
            .iter()
            .map(|s| (&s.heading, s.level))
            .collect::<Vec<_>>(),
    ));
    let id = ui.make_persistent_id("outline row tops");
    if let Some(rows) = ui.data(|d| d.get_temp::<RowTops>(id))
        && rows.key == key
    {
        return rows;
    }
    let mut tops = Vec::with_capacity(project.sections.len() + 1);
    let mut total = 0.0;
    for section in &project.sections {
        tops.push(total);
        total += row_height(&title_galley(ui, section, title_width(section, width)));
    }
    tops.push(total);
    let rows = RowTops {
        key,
        tops: Arc::new(tops),
        total,
    };
    ui.data_mut(|d| d.insert_temp(id, rows.clone()));
    rows
}

fn title_width(section: &Section, width: f32) -> f32 {
    width - ICON_WIDTH - indent(section) - 8.0
}

const ICON_WIDTH: f32 = 24.0;
const ROW_PADDING: f32 = 6.0;
const STATUS_LINE_HEIGHT: f32 = 18.0;
const ROW_GAP: f32 = 2.0;

fn title_galley(ui: &Ui, section: &Section, width: f32) -> Arc<Galley> {
    let title = RichText::new(section.title())
        .font(FontId::proportional(14.0))
        .color(ui.visuals().strong_text_color());
    if let WidgetText::Galley(galley) = reading_text(ui, title, width) {
        return galley;
    }
    let mut job = egui::text::LayoutJob::simple(
        section.title().to_owned(),
        FontId::proportional(14.0),
        ui.visuals().strong_text_color(),
        width,
    );
    if section.heading.is_none()
        && let Some(format) = job.sections.first_mut().map(|s| &mut s.format)
    {
        format.italics = true;
    }
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// Sub-sections (level 3 and below) are indented under their parent.
fn indent(section: &Section) -> f32 {
    f32::from(section.level.saturating_sub(2).min(3)) * 12.0
}

fn row_height(title: &Galley) -> f32 {
    2.0 * ROW_PADDING + title.size().y + STATUS_LINE_HEIGHT + ROW_GAP
}

/// Whether the current section changed since the last frame (to bring its row into view).
fn remember_current(ui: &Ui, current: Option<&SectionId>) -> bool {
    let id = ui.make_persistent_id("outline current section");
    let current = current.cloned();
    ui.data_mut(|d| {
        let last = d.get_temp_mut_or_default::<Option<SectionId>>(id);
        let changed = *last != current;
        *last = current;
        changed
    })
}

fn row_ui(
    ui: &mut Ui,
    rect: Rect,
    section: &Section,
    title: &Arc<Galley>,
    is_current: bool,
    counts: RowCounts,
    actions: &mut Vec<Action>,
) {
    let RowCounts {
        open_comments,
        open_claims,
        conflicts,
    } = counts;
    let conflicts_text = counted(conflicts, "conflict", "conflicts");
    let response = ui
        .interact(
            rect,
            ui.make_persistent_id(("outline", &section.id)),
            Sense::click(),
        )
        .on_hover_text(format!(
            "{} — {}{}, {}, {}{}. Click to go there.",
            section.title(),
            section.status.label(),
            if section.changed_since_approval() {
                " (changed since approval)"
            } else {
                ""
            },
            counted(open_comments, "open comment", "open comments"),
            counted(open_claims, "open claim", "open claims"),
            if conflicts > 0 {
                format!(", {conflicts_text} to settle")
            } else {
                String::new()
            },
        ));
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Go to {}", section.title()),
        )
    });
    if response.hovered() {
        ui.set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if response.clicked() {
        actions.push(Action::GoToSection(section.id.clone()));
    }

    let visuals = ui.visuals();
    let painter = ui.painter();
    let fill = if is_current {
        visuals.selection.bg_fill.gamma_multiply(0.35)
    } else if response.hovered() {
        visuals.widgets.hovered.weak_bg_fill
    } else {
        Color32::TRANSPARENT
    };
    painter.rect_filled(rect, 4.0, fill);
    let status_color = look::review_status_color(section.status, visuals);
    let text_left = rect.left() + ICON_WIDTH + indent(section);
    painter.text(
        pos2(
            rect.left() + 6.0 + indent(section),
            rect.top() + ROW_PADDING,
        ),
        Align2::LEFT_TOP,
        look::review_status_icon(section.status),
        FontId::proportional(15.0),
        status_color,
    );
    painter.galley(
        pos2(text_left, rect.top() + ROW_PADDING),
        title.clone(),
        visuals.text_color(),
    );
    let status_line = rect.top() + ROW_PADDING + title.size().y + STATUS_LINE_HEIGHT * 0.5;
    let status = painter.text(
        pos2(text_left, status_line),
        Align2::LEFT_CENTER,
        section.status.label(),
        FontId::proportional(11.5),
        status_color,
    );
    let revision_note = section.revision.as_ref().and_then(|revision| {
        if revision.changed_since_approval() {
            Some("changed since approval")
        } else if revision.is_new() {
            Some("new")
        } else if revision.text_changed {
            Some("changed")
        } else {
            None
        }
    });
    // The counts first, from the right edge: the words on the left give way to them in a
    // narrow outline.
    let mut right = rect.right() - 6.0;
    for (count, icon, color) in [
        (
            open_claims,
            look::CLAIM_ICON,
            look::claim_status_color(crate::model::ClaimStatus::NeedsSource, visuals),
        ),
        (open_comments, look::COMMENT_ICON, visuals.text_color()),
    ] {
        if count == 0 {
            continue;
        }
        let drawn = painter.text(
            pos2(right, status_line),
            Align2::RIGHT_CENTER,
            format!("{icon} {count}"),
            FontId::proportional(11.5),
            color,
        );
        right = drawn.left() - 8.0;
    }
    let font = FontId::proportional(11.5);
    let attention = look::attention_color(visuals);
    // The longest of `texts` that fits before the counts (the last one regardless).
    let fitting = |texts: &[String], left: f32| -> String {
        texts
            .iter()
            .find(|text| {
                let width = painter
                    .layout_no_wrap((*text).clone(), font.clone(), attention)
                    .size()
                    .x;
                left + 4.0 + width <= right
            })
            .or(texts.last())
            .cloned()
            .unwrap_or_default()
    };
    let mut left = status.right();
    if let Some(note) = revision_note {
        // “Approved · changed” still says it when “since approval” has no room.
        let short = note.split(" since").next().unwrap_or(note);
        let text = fitting(&[format!("· {note}"), format!("· {short}")], left);
        left = painter
            .text(
                pos2(left + 4.0, status_line),
                Align2::LEFT_CENTER,
                text,
                font.clone(),
                attention,
            )
            .right();
    }
    if conflicts > 0 {
        let icon = look::CONFLICT_ICON;
        let text = fitting(
            &[
                format!("· {icon} {conflicts_text}"),
                format!("· {icon} {conflicts}"),
            ],
            left,
        );
        let marker = painter.text(
            pos2(left + 4.0, status_line),
            Align2::LEFT_CENTER,
            text,
            font,
            attention,
        );
        conflict_marker_ui(ui, marker, section, &conflicts_text, actions);
    }
}

/// The outline's word for a section's conflicts, as a button to them for screen readers,
/// tests and the mouse: it shows the Conflicts tab.
fn conflict_marker_ui(
    ui: &Ui,
    marker: Rect,
    section: &Section,
    conflicts: &str,
    actions: &mut Vec<Action>,
) {
    let response = ui
        .interact(
            marker,
            ui.make_persistent_id(("outline conflicts", &section.id)),
            Sense::click(),
        )
        .on_hover_text("Settle them in the Conflicts tab");
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("{}: {conflicts} to settle", section.title()),
        )
    });
    if response.hovered() {
        ui.set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if response.clicked() {
        actions.push(Action::GoToSection(section.id.clone()));
        actions.push(Action::Command(UiCommand::ShowPanel(SidePanel::Conflicts)));
    }
}

fn progress_ui(ui: &mut Ui, project: &Project, progress: ReviewProgress) {
    ui.add_space(4.0);
    let title = RichText::new(&project.title).strong().size(15.0);
    ui.label(reading_text(ui, title, ui.available_width()));
    ui.add_space(6.0);
    let fraction = if progress.sections == 0 {
        0.0
    } else {
        progress.approved as f32 / progress.sections as f32
    };
    let summary = format!(
        "{} of {} approved · {}",
        progress.approved,
        progress.sections,
        counted(progress.open_claims, "open claim", "open claims")
    );
    ui.add(
        ProgressBar::new(fraction)
            .fill(look::review_status_color(
                crate::model::ReviewStatus::Approved,
                ui.visuals(),
            ))
            .desired_height(6.0),
    )
    .accessible_name(format!("Review progress: {summary}"));
    ui.label(RichText::new(summary).size(12.5));
    // A Word draft's tracked changes are counted apart from the comments
    // they are kept as, as the gate counts them.
    let unreviewed = crate::query::unreviewed_changes(project);
    let open_comments = progress.open_comments.saturating_sub(unreviewed);
    let mut open = Vec::new();
    if open_comments > 0 {
        open.push(counted(open_comments, "open comment", "open comments"));
    }
    if unreviewed > 0 {
        open.push(counted(
            unreviewed,
            "tracked change to review",
            "tracked changes to review",
        ));
    }
    if !open.is_empty() {
        ui.label(RichText::new(open.join(" · ")).size(12.5).weak());
    }
}
