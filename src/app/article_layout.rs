//! The laid-out article, cached per section, so long articles stay smooth.
//!
//! A section is laid out again only when its text, the column width or the theme changes,
//! and for its highlights only when its marks change while it is on screen. Sections not yet
//! laid out (a book just opened) or laid out for another width (after a resize) stand in with
//! a guessed or an old height while a small per-frame budget works through them, so the
//! window never stalls.

use std::collections::HashMap;

use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Galley, Ui};

use super::find_highlights::{FoundSpan, heading_galley};
use super::highlights::spans_by_section;
use super::look;
use super::section_galley::section_galley;
use super::section_text::SpanTarget;
use super::section_text::{MarkSpan, TextMap};
use super::state::SuggestionCache;
use super::state::{Find, OpenReview};
use crate::fingerprint::hash_of;
use crate::model::{Project, ReviewerId, Section, SectionId};

pub const SECTION_GAP: f32 = 40.0;
pub const HEADING_GAP: f32 = 8.0;
pub const STATUS_ROW_HEIGHT: f32 = 26.0;
pub const STATUS_ROW_GAP: f32 = 12.0;

pub struct SectionLayout {
    text_key: u64,
    style_key: u64,
    pub heading: Option<Arc<Galley>>,
    pub body: Arc<Galley>,
    pub map: TextMap,
    /// The matches of find the text was laid out with.
    pub found: Vec<FoundSpan>,
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
    /// The reader is scrolling: off-screen work gets a smaller share of the frame.
    pub scrolling: bool,
    /// The matches of find to highlight (none while the find bar is closed).
    pub find: &'a Find,
}

/// One section's place in the article: its height (measured, or guessed until it is) and,
/// while it is near the view, its layout.
struct Entry {
    id: SectionId,
    /// Hash of the heading, its level and the text.
    text_hash: u64,
    height: f32,
    /// The text key the height was measured for; `None` while it is a guess.
    measured_for: Option<u64>,
    /// The width the guess was made for.
    guessed_for_width: Option<u32>,
    layout: Option<SectionLayout>,
}

/// Every section's height and, for the sections near the view, its layout and its marks'
/// spans, for one review.
///
/// Per frame, only the sections in view (found by binary search over their tops) and a few
/// ahead of them are looked at; a cursor works through the rest of the book in the frame's
/// spare time to measure it. Layouts far from the view are dropped (keeping their height):
/// a laid-out 300,000-word book would hold ~300 MB of glyphs.
#[derive(Default)]
pub struct ArticleLayout {
    entries: Vec<Entry>,
    index_of: HashMap<SectionId, usize>,
    tops: Vec<f32>,
    bottom: f32,
    /// The document's `structure_change_count` the entries were last aligned with.
    structure_change_count: Option<u64>,
    marks: Vec<Vec<MarkSpan>>,
    /// The structure change count, and the selection and suggestions, the spans were built for.
    marks_key: Option<(u64, u64)>,
    /// The text key of the whole article (width, density, theme) the measuring pass last
    /// finished for, and where it goes on.
    measured_all_for: Option<(u32, u32, bool, u64)>,
    measure_cursor: usize,
}

/// Laid-out sections kept beyond those in view: ~25 screens of a book.
const KEPT_LAYOUTS: usize = 48;
/// How far ahead of the view (and behind it) sections are laid out before they are needed.
const LOOK_AHEAD: f32 = 2_000.0;
/// Time a frame may spend on sections that are not in view, while idle and while scrolling.
const IDLE_BUDGET: Duration = Duration::from_millis(6);
const SCROLLING_BUDGET: Duration = Duration::from_micros(1_500);

impl ArticleLayout {
    pub fn section(&self, id: &SectionId) -> Option<&SectionLayout> {
        self.section_at(*self.index_of.get(id)?)
    }

    pub fn section_at(&self, index: usize) -> Option<&SectionLayout> {
        self.entries.get(index)?.layout.as_ref()
    }

    pub fn laid_out_count(&self) -> usize {
        self.entries.iter().filter(|e| e.layout.is_some()).count()
    }

    pub fn spans_at(&self, index: usize) -> &[MarkSpan] {
        self.marks.get(index).map_or(&[][..], Vec::as_slice)
    }

    /// Every section's highlights, in reading order.
    pub fn all_spans(&self) -> impl Iterator<Item = &MarkSpan> {
        self.marks.iter().flatten()
    }

    /// Where each section starts, in article coordinates, as of the last layout.
    pub fn tops(&self) -> &[f32] {
        &self.tops
    }

    /// Where the last section ends.
    pub fn bottom(&self) -> f32 {
        self.bottom
    }

    /// The sections that overlap `span` (article coordinates).
    pub fn sections_in(&self, span: Range<f32>) -> Range<usize> {
        let first = self
            .tops
            .partition_point(|&top| top <= span.start)
            .saturating_sub(1);
        let end = self.tops.partition_point(|&top| top < span.end);
        first..end.max(first)
    }

    /// Catches up with the review's changes: marks to highlight, texts that changed.
    /// `suggestions` are underlined when given (the reviewer may hide them); with
    /// `marks_by`, only that reviewer's marks are highlighted.
    pub fn refresh(
        &mut self,
        review: &OpenReview,
        selected: Option<&SpanTarget>,
        suggestions: Option<&SuggestionCache>,
        marks_by: Option<&ReviewerId>,
    ) {
        let changes = review.document().structure_change_count();
        let project = review.project();
        if self.structure_change_count != Some(changes) {
            self.structure_change_count = Some(changes);
            self.align_with(project);
        }
        // Typing a comment's words leaves the structure change count, and so the spans, alone.
        let marks_key = (
            changes,
            hash_of(&(
                selected,
                suggestions.map(SuggestionCache::generation),
                marks_by,
            )),
        );
        if self.marks_key != Some(marks_key) {
            self.marks_key = Some(marks_key);
            self.marks = spans_by_section(project, suggestions, marks_by, &self.index_of);
        }
    }

    /// Keeps every section's layout and height that is still good for the review's sections
    /// (matched by id, so inserting a section does not lose the others').
    fn align_with(&mut self, project: &Project) {
        let same_sections = self.entries.len() == project.sections.len()
            && self
                .entries
                .iter()
                .zip(&project.sections)
                .all(|(entry, section)| entry.id == section.id);
        if !same_sections {
            let mut old: HashMap<SectionId, Entry> = self
                .entries
                .drain(..)
                .map(|entry| (entry.id.clone(), entry))
                .collect();
            self.entries = project
                .sections
                .iter()
                .map(|section| {
                    old.remove(&section.id).unwrap_or_else(|| Entry {
                        id: section.id.clone(),
                        text_hash: 0,
                        height: 0.0,
                        measured_for: None,
                        guessed_for_width: None,
                        layout: None,
                    })
                })
                .collect();
            self.index_of = project
                .sections
                .iter()
                .enumerate()
                .map(|(index, section)| (section.id.clone(), index))
                .collect();
        }
        for (entry, section) in self.entries.iter_mut().zip(&project.sections) {
            let text_hash = hash_of(&(&section.heading, section.level, &section.text));
            if entry.text_hash != text_hash {
                entry.text_hash = text_hash;
                entry.guessed_for_width = None;
                self.measured_all_for = None;
            }
        }
    }

    /// Lays out what must be laid out; returns whether sections off screen still wait.
    pub fn lay_out(&mut self, ui: &Ui, project: &Project, request: &LayoutRequest<'_>) -> bool {
        let started = Instant::now();
        let key = ArticleKey {
            width: request.width.to_bits(),
            pixels_per_point: ui.pixels_per_point().to_bits(),
            dark_mode: ui.visuals().dark_mode,
        };
        if self.entries.len() != project.sections.len() {
            self.align_with(project);
        }
        self.update_tops(project, request);
        let in_view = self.sections_in(request.visible.clone());
        let must = request
            .must_lay_out
            .and_then(|id| self.index_of.get(id).copied());
        for index in in_view.clone().chain(must) {
            self.lay_out_section(ui, project, request, key, index, true);
        }
        let budget = if request.scrolling {
            SCROLLING_BUDGET
        } else {
            IDLE_BUDGET
        };
        let near =
            self.sections_in(request.visible.start - LOOK_AHEAD..request.visible.end + LOOK_AHEAD);
        let ahead = (in_view.end..near.end).chain((near.start..in_view.start).rev());
        let mut waiting = false;
        for index in ahead {
            if self.needs_layout(index, key) {
                if started.elapsed() >= budget {
                    waiting = true;
                    break;
                }
                self.lay_out_section(ui, project, request, key, index, false);
            }
        }
        waiting |= self.measure(ui, project, request, key, budget, started);
        self.drop_far_layouts(&near, must);
        self.update_tops(project, request);
        waiting
    }

    fn needs_layout(&self, index: usize, key: ArticleKey) -> bool {
        let entry = &self.entries[index];
        entry
            .layout
            .as_ref()
            .is_none_or(|layout| layout.text_key != key.for_text(entry.text_hash))
    }

    /// Goes on measuring the sections never laid out (or laid out for another width) from
    /// where the last frame stopped, within the frame's budget; returns whether any wait.
    fn measure(
        &mut self,
        ui: &Ui,
        project: &Project,
        request: &LayoutRequest<'_>,
        key: ArticleKey,
        budget: Duration,
        started: Instant,
    ) -> bool {
        let article_key = (
            key.width,
            key.pixels_per_point,
            key.dark_mode,
            self.structure_change_count.unwrap_or(0),
        );
        if self.measured_all_for == Some(article_key) || self.entries.is_empty() {
            return false;
        }
        let count = self.entries.len();
        for _ in 0..count {
            let index = self.measure_cursor % count;
            let entry = &self.entries[index];
            if entry.measured_for != Some(key.for_text(entry.text_hash)) {
                if started.elapsed() >= budget {
                    return true;
                }
                self.lay_out_section(ui, project, request, key, index, false);
            }
            self.measure_cursor = (index + 1) % count;
        }
        self.measured_all_for = Some(article_key);
        false
    }

    /// Lays out a section whose text (or, when `in_view`, highlights) changed.
    fn lay_out_section(
        &mut self,
        ui: &Ui,
        project: &Project,
        request: &LayoutRequest<'_>,
        key: ArticleKey,
        index: usize,
        in_view: bool,
    ) {
        let (Some(entry), Some(section)) =
            (self.entries.get_mut(index), project.sections.get(index))
        else {
            return;
        };
        let text_key = key.for_text(entry.text_hash);
        let spans = self.marks.get(index).map_or(&[][..], Vec::as_slice);
        let selected = request
            .selected
            .filter(|m| spans.iter().any(|s| &s.target == *m));
        let found = request.find.highlights(index, false);
        let found_in_heading = request.find.highlights(index, true);
        let style_key = hash_of(&(spans, selected, &found, &found_in_heading));
        let up_to_date = entry.layout.as_ref().is_some_and(|layout| {
            layout.text_key == text_key && (!in_view || layout.style_key == style_key)
        });
        if up_to_date {
            return;
        }
        let width = request.width;
        let (body, map) = section_galley(ui, &section.text, (spans, &found), selected, width);
        let layout = SectionLayout {
            text_key,
            style_key,
            heading: section.heading.as_ref().map(|heading| {
                heading_galley(ui, heading, section.level, width, &found_in_heading)
            }),
            body,
            map,
            found,
        };
        entry.height = layout.height();
        entry.measured_for = Some(text_key);
        entry.layout = Some(layout);
    }

    /// Drops the layouts farthest from `near` once more than [`KEPT_LAYOUTS`] are held
    /// outside it; their heights stay. `keep` is about to be scrolled to.
    fn drop_far_layouts(&mut self, near: &Range<usize>, keep: Option<usize>) {
        let mut far: Vec<(usize, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(index, entry)| {
                entry.layout.is_some() && !near.contains(index) && Some(*index) != keep
            })
            .map(|(index, _)| {
                (
                    index.abs_diff(near.start).min(index.abs_diff(near.end)),
                    index,
                )
            })
            .collect();
        if far.len() <= KEPT_LAYOUTS {
            return;
        }
        far.sort_unstable();
        for (_, index) in &far[KEPT_LAYOUTS..] {
            self.entries[*index].layout = None;
        }
    }

    /// Heights of sections not measured yet are guessed from their length.
    fn update_tops(&mut self, project: &Project, request: &LayoutRequest<'_>) {
        let width = request.width.to_bits();
        self.tops.clear();
        let mut top = request.first_top;
        for (entry, section) in self.entries.iter_mut().zip(&project.sections) {
            if entry.measured_for.is_none() && entry.guessed_for_width != Some(width) {
                entry.height = estimated_height(section, request.width);
                entry.guessed_for_width = Some(width);
            }
            self.tops.push(top);
            top += entry.height;
        }
        self.bottom = top;
    }
}

/// What every section's layout depends on besides its own text.
#[derive(Clone, Copy)]
struct ArticleKey {
    width: u32,
    pixels_per_point: u32,
    dark_mode: bool,
}

impl ArticleKey {
    fn for_text(self, text_hash: u64) -> u64 {
        hash_of(&(text_hash, self.width, self.pixels_per_point, self.dark_mode))
    }
}

/// A guess at a section's height from its length, so the scroll bar is about right before
/// every section has been laid out.
fn estimated_height(section: &Section, width: f32) -> f32 {
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
    SECTION_GAP
        + heading
        + STATUS_ROW_HEIGHT
        + STATUS_ROW_GAP
        + lines * look::BODY_LINE_HEIGHT
        + gaps
}
