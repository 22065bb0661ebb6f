//! The article in the centre: every section with its heading, status control and text.
//!
//! Only what is in view is drawn; the text itself is laid out and cached by
//! [`ArticleLayout`](super::article_layout::ArticleLayout).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Align2, FontId, Galley, Pos2, Rect, ScrollArea, Ui, pos2, vec2};

use super::article_layout::{ArticleLayout, LayoutRequest, SECTION_GAP};
use super::caret_keys::caret_key_actions;
use super::look;
use super::section_block_ui::section_block_ui;
use super::section_text::{SpanTarget, char_rect};
use super::state::{Action, AppState, Caret, ScrollTarget};
use crate::fingerprint::hash_of;
use crate::model::{MarkId, Project, SectionId};

const TITLE_GAP: f32 = 8.0;
const GUTTER: f32 = 44.0;
/// How long the reader must stop scrolling before the side panel follows: flinging through
/// a book would otherwise redraw the cards of every section that flies past.
const FOLLOW_AFTER: Duration = Duration::from_millis(150);

/// The article view's own memory: the layout cache, scrolling, where things were drawn.
#[derive(Default)]
pub struct ArticleView {
    review_serial: u64,
    layout: ArticleLayout,
    title: Option<(u64, Arc<Galley>)>,
    pending_scroll: Option<ScrollTarget>,
    last_offset: f32,
    viewport_height: f32,
    /// The height of the whole article as last drawn (guessed for sections not laid out).
    total_height: f32,
    /// Whether the reader scrolled in the last frame.
    scrolling: bool,
    /// When the side panel is to follow the reading line (once the reader has stopped
    /// scrolling for [`FOLLOW_AFTER`]), and the section it showed while they scrolled.
    follow_at: Option<(Instant, Option<SectionId>)>,
    /// Where each section's text was drawn in the last frame (screen coordinates).
    drawn_text_origins: HashMap<SectionId, Pos2>,
    /// The horizontal position ↑ and ↓ keep the caret at, and where the caret was then.
    caret_column: Option<(Caret, f32)>,
    /// The keys moved the caret: bring it into view.
    reveal_caret: bool,
}

impl std::fmt::Debug for ArticleView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArticleView")
            .field("cached_sections", &self.layout.laid_out_count())
            .field("offset", &self.last_offset)
            .field("viewport", &self.viewport_height)
            .field("total", &self.total_height)
            .finish_non_exhaustive()
    }
}

impl ArticleView {
    pub fn request_scroll(&mut self, target: ScrollTarget) {
        self.pending_scroll = Some(target);
    }

    /// Whether the last frame showed the end of the article.
    pub fn is_scrolled_to_end(&self) -> bool {
        self.last_offset + self.viewport_height >= self.total_height - 1.0
    }

    /// How many sections currently have a cached layout (for tests and benchmarks).
    pub fn cached_section_count(&self) -> usize {
        self.layout.laid_out_count()
    }

    /// The comments and claims highlighted in the text as of the last frame (for tests: a
    /// reviewer filter hides the others' highlights).
    pub fn highlighted_marks(&self) -> Vec<MarkId> {
        self.layout
            .all_spans()
            .filter_map(|span| match &span.target {
                SpanTarget::Mark(mark) => Some(mark.clone()),
                SpanTarget::Suggestion(_) => None,
            })
            .collect()
    }

    /// The matches of find highlighted in a section's text as last laid out (for tests):
    /// each character range, and whether it is the current match.
    pub fn found_highlights(&self, section: &SectionId) -> Vec<(std::ops::Range<usize>, bool)> {
        self.layout
            .section(section)
            .map_or_else(Vec::new, |layout| {
                layout
                    .found
                    .iter()
                    .map(|span| (span.range.clone(), span.current))
                    .collect()
            })
    }

    /// Where a character of a section's text was drawn in the last frame (the middle of its
    /// left edge, in screen coordinates); `None` when the section was not on screen. Lets UI
    /// tests select text with the pointer as a person would.
    pub fn char_screen_pos(&self, section: &SectionId, char_offset: usize) -> Option<Pos2> {
        let rect = self.char_screen_rect(section, char_offset)?;
        Some(pos2(rect.left(), rect.center().y))
    }

    /// Where a character's line was drawn in the last frame, as tall as the line (its bottom
    /// is where underlines are drawn); `None` when the section was not on screen.
    pub fn char_screen_rect(&self, section: &SectionId, char_offset: usize) -> Option<Rect> {
        let origin = self.drawn_text_origins.get(section)?;
        let layout = self.layout.section(section)?;
        let rect = char_rect(&layout.body, &layout.map, char_offset);
        Some(rect.translate(origin.to_vec2()))
    }
}

pub fn article_ui(
    ui: &mut Ui,
    state: &AppState,
    view: &mut ArticleView,
    actions: &mut Vec<Action>,
) {
    let Some(review) = &state.review else {
        super::start_page_ui::start_page_ui(ui, state, actions);
        return;
    };
    let project = review.project();
    let is_new_review = view.review_serial != review.serial();
    if is_new_review {
        *view = ArticleView {
            review_serial: review.serial(),
            pending_scroll: view.pending_scroll.take(),
            ..ArticleView::default()
        };
    }
    let selected = state
        .navigation
        .selected_mark()
        .cloned()
        .map(SpanTarget::Mark)
        .or_else(|| {
            state
                .navigation
                .selected_suggestion()
                .cloned()
                .map(SpanTarget::Suggestion)
        });
    view.layout.refresh(
        review,
        selected.as_ref(),
        state
            .prefs
            .show_suggestions
            .then_some(state.views.suggestions()),
        state.views.marks_by(),
    );

    let column_width = (ui.available_width() - 2.0 * GUTTER).clamp(200.0, look::READING_WIDTH);
    let title_galley = title_galley(ui, view, project, column_width);
    let title_height = title_galley.size().y + TITLE_GAP + 20.0;
    let visible =
        view.last_offset - 400.0..view.last_offset + view.viewport_height.max(600.0) + 400.0;
    let more_to_lay_out = view.layout.lay_out(
        ui,
        project,
        &LayoutRequest {
            width: column_width,
            visible,
            first_top: title_height,
            // The caret's section too: the arrow keys need its lines.
            must_lay_out: view
                .pending_scroll
                .as_ref()
                .map(|t| &t.section)
                .or(state.navigation.caret().map(|caret| &caret.section)),
            selected: selected.as_ref(),
            scrolling: view.scrolling,
            find: &state.find,
        },
    );
    if more_to_lay_out {
        ui.ctx().request_repaint();
    }
    let caret_moves = caret_key_actions(ui.ctx(), state, &view.layout, &mut view.caret_column);
    let caret_moved = !caret_moves.is_empty();
    actions.extend(caret_moves);

    let total_height = view.layout.bottom() + 80.0;

    let viewport_height = ui.available_height();
    let mut scroll_area = ScrollArea::vertical().id_salt("article").auto_shrink(false);
    let mut scrolled_on_purpose = false;
    if let Some(target) = view.pending_scroll.take()
        && let Some(y) = scroll_target_y(view, project, &target, viewport_height)
    {
        scroll_area = scroll_area.vertical_scroll_offset(y);
        scrolled_on_purpose = true;
    } else if is_new_review {
        // A newly opened article starts at its title, wherever the last one was left.
        scroll_area = scroll_area.vertical_scroll_offset(0.0);
        scrolled_on_purpose = true;
    } else if std::mem::take(&mut view.reveal_caret)
        && let Some(caret) = state.navigation.caret()
        && let Some(y) = caret_scroll_y(view, project, caret, viewport_height)
    {
        scroll_area = scroll_area.vertical_scroll_offset(y);
        scrolled_on_purpose = true;
    }
    // The caret moves once this frame's actions are handled: brought into view next frame.
    view.reveal_caret |= caret_moved;
    view.drawn_text_origins.clear();
    let drawn_text_origins = &mut view.drawn_text_origins;
    let layout_cache = &view.layout;
    let output = scroll_area.show_viewport(ui, |ui, viewport| {
        ui.set_height(total_height);
        let origin = ui.min_rect().min;
        let left = ((ui.available_width() - column_width) / 2.0).max(GUTTER);
        let title_pos = origin + vec2(left, 24.0);
        ui.painter()
            .galley(title_pos, title_galley.clone(), ui.visuals().text_color());
        // A fetched page says where from and when: which version of it is being checked.
        let source = project.draft.fetched.as_ref().map_or_else(
            || project.draft.file_name.clone(),
            |fetched| {
                // One line, never wrapped: a long address is shortened (reports give it whole).
                format!(
                    "{}, fetched {}",
                    crate::text::shortened(&fetched.address, 60),
                    crate::text::readable_timestamp(fetched.at)
                )
            },
        );
        let mut meta = format!(
            "{source} · {} · {}",
            project.draft.format.label(),
            crate::text::counted(project.sections.len(), "section", "sections")
        );
        // Said for as long as the draft is open, not only in the notice after the import:
        // the text shown is not the text the writer's file showed with its changes pending.
        let changes = &project.draft.tracked_changes;
        if !changes.is_empty() {
            let total: usize = changes.iter().map(|c| c.insertions + c.deletions).sum();
            meta.push_str(&format!(
                " · {} accepted on import",
                crate::text::counted(total, "tracked change", "tracked changes"),
            ));
        }
        ui.painter().text(
            title_pos + vec2(0.0, title_galley.size().y + TITLE_GAP),
            Align2::LEFT_TOP,
            meta,
            FontId::proportional(13.0),
            ui.visuals().weak_text_color(),
        );
        let tops = layout_cache.tops();
        for index in layout_cache.sections_in(viewport.min.y - 100.0..viewport.max.y + 100.0) {
            let (Some(section), Some(layout), Some(top)) = (
                project.sections.get(index),
                layout_cache.section_at(index),
                tops.get(index),
            ) else {
                continue;
            };
            let rect = Rect::from_min_size(
                origin + vec2(left, *top),
                vec2(column_width, layout.height()),
            );
            let spans = layout_cache.spans_at(index);
            drawn_text_origins.insert(
                section.id.clone(),
                rect.min + vec2(0.0, layout.body_offset()),
            );
            section_block_ui(ui, rect, section, layout, spans, state, actions);
        }
    });
    view.viewport_height = output.inner_rect.height();
    view.total_height = total_height;
    let offset = output.state.clamped_offset().y;
    let user_scrolled = (offset - view.last_offset).abs() > 0.5 && !scrolled_on_purpose;
    view.scrolling = user_scrolled;
    view.last_offset = offset;
    // Also with words selected (a double click selects one): the selection keeps its own
    // section for Comment and Flag claim, and the reader has moved on from it.
    if user_scrolled {
        view.follow_at = Some((
            Instant::now() + FOLLOW_AFTER,
            state.navigation.current_section().cloned(),
        ));
        ui.ctx().request_repaint_after(FOLLOW_AFTER);
    }
    if let Some((at, shown_while_scrolling)) = &view.follow_at
        && !user_scrolled
    {
        if ui.input(|i| i.pointer.any_down()) {
            // Not in the middle of a drag, which may be selecting words in the section shown:
            // letting go of the button draws a frame that follows then.
        } else if Instant::now() < *at {
            ui.ctx().request_repaint_after(*at - Instant::now());
        } else if state.navigation.current_section() != shown_while_scrolling.as_ref() {
            // The reader chose a section after scrolling (clicked it, went to it): that
            // choice stands over the reading line.
            view.follow_at = None;
        } else {
            view.follow_at = None;
            // The side panel shows the section at the reading line.
            let reading_line = offset + view.viewport_height * 0.25;
            let index = view
                .layout
                .sections_in(reading_line..reading_line + 1.0)
                .start;
            if let Some(section) = project.sections.get(index)
                && state.navigation.current_section() != Some(&section.id)
            {
                actions.push(Action::FocusSection(section.id.clone()));
            }
        }
    }
}

fn title_galley(ui: &Ui, view: &mut ArticleView, project: &Project, width: f32) -> Arc<Galley> {
    let key = hash_of(&(&project.title, width.to_bits(), ui.visuals().dark_mode));
    if let Some((cached_key, galley)) = &view.title
        && *cached_key == key
    {
        return galley.clone();
    }
    let galley = super::reading_text::reading_galley(
        ui,
        &project.title,
        FontId::proportional(look::TITLE_FONT_SIZE),
        ui.visuals().strong_text_color(),
        width,
    );
    view.title = Some((key, galley.clone()));
    galley
}

/// Where to scroll so the caret's line is in view with a line or two around it, scrolling
/// no more than that; `None` when it is in view already.
fn caret_scroll_y(
    view: &ArticleView,
    project: &Project,
    caret: &Caret,
    viewport_height: f32,
) -> Option<f32> {
    let index = project.section_index(&caret.section)?;
    let top = *view.layout.tops().get(index)?;
    let layout = view.layout.section(&caret.section)?;
    let row = char_rect(&layout.body, &layout.map, caret.offset);
    let row_top = top + layout.body_offset() + row.top();
    let row_bottom = top + layout.body_offset() + row.bottom();
    let margin = (look::BODY_LINE_HEIGHT * 2.0).min(viewport_height / 4.0);
    if row_top < view.last_offset + margin {
        Some((row_top - margin).max(0.0))
    } else if row_bottom > view.last_offset + viewport_height - margin {
        Some(row_bottom + margin - viewport_height)
    } else {
        None
    }
}

fn scroll_target_y(
    view: &ArticleView,
    project: &Project,
    target: &ScrollTarget,
    viewport_height: f32,
) -> Option<f32> {
    let index = project.section_index(&target.section)?;
    let top = *view.layout.tops().get(index)?;
    let layout = view.layout.section(&target.section)?;
    let y = match target.char_offset {
        None => top + SECTION_GAP * 0.5,
        Some(offset) => {
            let passage =
                top + layout.body_offset() + char_rect(&layout.body, &layout.map, offset).top();
            // A passage already comfortably in view stays where the reader's eyes are.
            let in_view =
                view.last_offset + viewport_height * 0.1..view.last_offset + viewport_height * 0.85;
            if in_view.contains(&passage) {
                return None;
            }
            passage - viewport_height * 0.3
        }
    };
    Some(y.max(0.0))
}
