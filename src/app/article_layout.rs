//! The laid-out article, cached per section, so long articles stay smooth.
//!
//! A section is laid out again only when its text, the column width or the theme changes,
//! and for its highlights only when its marks change while it is on screen. Sections not yet
//! laid out (a book just opened) or laid out for another width (after a resize) stand in with
//! a guessed or an old height while a small per-frame budget works through them, so the
//! window never stalls.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{FontId, Galley, Ui};

use super::look;
use super::section_text::SpanTarget;
use super::section_text::{MarkKind, MarkSpan, ParagraphMap, section_galley};
use super::state::OpenReview;
use super::state::{SuggestionCache, SuggestionKey};
use crate::model::{MarkId, Project, Section, SectionId};

pub const SECTION_GAP: f32 = 40.0;
pub const HEADING_GAP: f32 = 8.0;
pub const STATUS_ROW_HEIGHT: f32 = 26.0;
pub const STATUS_ROW_GAP: f32 = 12.0;
/// Time a frame may spend laying out sections that are off screen.
const OFF_SCREEN_LAYOUT_BUDGET: Duration = Duration::from_millis(6);

pub struct SectionLayout {
    text_key: u64,
    style_key: u64,
    pub heading: Option<Arc<Galley>>,
    pub body: Arc<Galley>,
    pub map: ParagraphMap,
}

impl SectionLayout {
    /// Distance from the top of the section's block to the top of its text.
    pub fn body_offset(&self) -> f32 {
        let heading = self
            .heading
            .as_ref()
            .map_or(0.0, |g| g.size().y + HEADING_GAP);
        SECTION_GAP + heading + STATUS_ROW_HEIGHT + STATUS_ROW_GAP
    }

    pub fn height(&self) -> f32 {
        self.body_offset() + self.body.size().y
    }
}

/// What the view needs laid out this frame.
pub struct LayoutRequest<'a> {
    pub width: f32,
    /// The part of the article in view (plus a margin), in article coordinates.
    pub visible: Range<f32>,
    /// Where the first section starts.
    pub first_top: f32,
    /// A section about to be scrolled to: it must be exact now.
    pub must_lay_out: Option<&'a SectionId>,
    pub selected: Option<&'a SpanTarget>,
}

/// Every section's layout (or guessed height) and its marks' spans, for one review.
#[derive(Default)]
pub struct ArticleLayout {
    layouts: HashMap<SectionId, SectionLayout>,
    estimated_heights: HashMap<SectionId, (u32, f32)>,
    marks: HashMap<SectionId, Vec<MarkSpan>>,
    marks_key: Option<(u64, u64)>,
    text_hashes: HashMap<SectionId, u64>,
    text_hashes_revision: Option<u64>,
}

impl ArticleLayout {
    pub fn section(&self, id: &SectionId) -> Option<&SectionLayout> {
        self.layouts.get(id)
    }

    pub fn laid_out_count(&self) -> usize {
        self.layouts.len()
    }

    pub fn spans(&self, id: &SectionId) -> &[MarkSpan] {
        self.marks.get(id).map_or(&[][..], Vec::as_slice)
    }

    /// Catches up with the review's changes: marks to highlight, texts that changed.
    /// `suggestions` are underlined when given (the reviewer may hide them).
    pub fn refresh(
        &mut self,
        review: &OpenReview,
        selected: Option<&SpanTarget>,
        suggestions: Option<&SuggestionCache>,
    ) {
        let revision = review.document.revision();
        let project = review.project();
        let marks_key = (
            revision,
            hash_of(&(selected, suggestions.map(SuggestionCache::generation))),
        );
        if self.marks_key != Some(marks_key) {
            self.marks_key = Some(marks_key);
            self.marks = spans_by_section(project, suggestions);
        }
        if self.text_hashes_revision != Some(revision) {
            self.text_hashes_revision = Some(revision);
            self.text_hashes = project
                .sections
                .iter()
                .map(|s| (s.id.clone(), hash_of(&(&s.heading, &s.text))))
                .collect();
        }
    }

    /// Lays out what must be laid out; returns whether sections off screen still wait.
    pub fn lay_out(&mut self, ui: &Ui, project: &Project, request: &LayoutRequest<'_>) -> bool {
        let started = Instant::now();
        let width = request.width;
        let dark_mode = ui.visuals().dark_mode;
        let pixels_per_point = ui.pixels_per_point();
        let mut top = request.first_top;
        let mut waiting = false;
        for section in &project.sections {
            let text_hash = self
                .text_hashes
                .get(&section.id)
                .copied()
                .unwrap_or_default();
            let text_key = hash_of(&(
                text_hash,
                width.to_bits(),
                pixels_per_point.to_bits(),
                dark_mode,
            ));
            let spans = self.marks.get(&section.id).map_or(&[][..], Vec::as_slice);
            let selected = request
                .selected
                .filter(|m| spans.iter().any(|s| &s.target == *m));
            let style_key = hash_of(&(spans, selected));
            let existing = self.layouts.get(&section.id);
            let height_guess = match existing {
                Some(layout) => layout.height(),
                None => estimated_height(&mut self.estimated_heights, section, width),
            };
            let on_screen = top < request.visible.end && top + height_guess > request.visible.start
                || request.must_lay_out == Some(&section.id);
            let within_budget = started.elapsed() < OFF_SCREEN_LAYOUT_BUDGET;
            let stale_text = existing.is_none_or(|layout| layout.text_key != text_key);
            let relayout = if stale_text {
                // Now if it is in view, otherwise as the frame's budget allows.
                on_screen || within_budget
            } else {
                // Only the highlights changed: they matter only where they are seen.
                existing.is_some_and(|layout| layout.style_key != style_key) && on_screen
            };
            if relayout {
                let layout = SectionLayout {
                    text_key,
                    style_key,
                    heading: section
                        .heading
                        .as_ref()
                        .map(|heading| heading_galley(ui, heading, section.level, width)),
                    body: section_galley(ui, &section.text, spans, selected, width),
                    map: ParagraphMap::new(&section.text),
                };
                self.layouts.insert(section.id.clone(), layout);
                self.estimated_heights.remove(&section.id);
            } else if stale_text {
                waiting = true;
            }
            top += self.height(&section.id);
        }
        waiting
    }

    /// The height of a section's block: laid out, or guessed until it is.
    pub fn height(&self, section: &SectionId) -> f32 {
        match self.layouts.get(section) {
            Some(layout) => layout.height(),
            None => self
                .estimated_heights
                .get(section)
                .map_or(0.0, |(_, height)| *height),
        }
    }

    /// Where each section starts, in article coordinates.
    pub fn tops(&self, project: &Project, first_top: f32) -> Vec<f32> {
        let mut top = first_top;
        project
            .sections
            .iter()
            .map(|section| {
                let this = top;
                top += self.height(&section.id);
                this
            })
            .collect()
    }
}

fn heading_galley(ui: &Ui, heading: &str, level: u8, width: f32) -> Arc<Galley> {
    ui.fonts_mut(|fonts| {
        fonts.layout(
            heading.to_owned(),
            FontId::proportional(look::heading_font_size(level)),
            ui.visuals().strong_text_color(),
            width,
        )
    })
}

fn spans_by_section(
    project: &Project,
    suggestions: Option<&SuggestionCache>,
) -> HashMap<SectionId, Vec<MarkSpan>> {
    let mut marks: HashMap<SectionId, Vec<MarkSpan>> = HashMap::new();
    for suggestion in suggestions.into_iter().flat_map(SuggestionCache::undecided) {
        marks
            .entry(suggestion.section.clone())
            .or_default()
            .push(MarkSpan {
                target: SpanTarget::Suggestion(SuggestionKey::of(suggestion)),
                range: suggestion.range.clone(),
                kind: MarkKind::Suggestion(suggestion.main_kind()),
                fuzzy: false,
            });
    }
    for comment in &project.comments {
        // An orphan's passage belongs to an earlier draft: it has no place in this text.
        if let Some(passage) = comment.placed_passage() {
            marks
                .entry(comment.section.clone())
                .or_default()
                .push(MarkSpan {
                    target: SpanTarget::Mark(MarkId::Comment(comment.id.clone())),
                    range: passage.range(),
                    kind: MarkKind::Comment {
                        resolved: !comment.is_open(),
                    },
                    fuzzy: comment.needs_attention(),
                });
        }
    }
    for claim in &project.claims {
        if let Some(passage) = claim.placed_passage() {
            marks
                .entry(claim.section.clone())
                .or_default()
                .push(MarkSpan {
                    target: SpanTarget::Mark(MarkId::Claim(claim.id.clone())),
                    range: passage.range(),
                    kind: MarkKind::Claim(claim.status),
                    fuzzy: claim.needs_attention(),
                });
        }
    }
    marks
}

/// A guess at a section's height from its length, so the scroll bar is about right before
/// every section has been laid out.
fn estimated_height(
    estimates: &mut HashMap<SectionId, (u32, f32)>,
    section: &Section,
    width: f32,
) -> f32 {
    if let Some((for_width, height)) = estimates.get(&section.id)
        && *for_width == width.to_bits()
    {
        return *height;
    }
    let chars_per_line = (width / (look::BODY_FONT_SIZE * 0.47)).max(20.0);
    let mut lines = 0.0;
    let mut paragraphs: u32 = 0;
    for paragraph in section.paragraphs() {
        lines += (paragraph.chars().count() as f32 / chars_per_line)
            .ceil()
            .max(1.0);
        paragraphs += 1;
    }
    let gaps = paragraphs.saturating_sub(1) as f32 * look::BODY_LINE_HEIGHT * 0.45;
    let heading = if section.heading.is_some() {
        look::HEADING_FONT_SIZE * 1.35 + HEADING_GAP
    } else {
        0.0
    };
    let height = SECTION_GAP
        + heading
        + STATUS_ROW_HEIGHT
        + STATUS_ROW_GAP
        + lines * look::BODY_LINE_HEIGHT
        + gaps;
    estimates.insert(section.id.clone(), (width.to_bits(), height));
    height
}

pub fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
