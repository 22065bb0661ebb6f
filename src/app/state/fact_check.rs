//! The fact-checker's side of the desk state: suggestions (found once per text, filtered by
//! what the reviewers decided), accepting and dismissing them, the claims view's filters, and
//! moving from one open claim or suggestion to the next.

use std::ops::Range;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use jiff::Timestamp;

use super::{AppState, OpenReview, ScrollTarget};
use crate::edit::Edit;
use crate::model::{CheckKind, ClaimId, ClaimStatus, MarkId, Project, SectionId};
use crate::progress::Progress;
use crate::suggest::{
    Suggestion, decisions_fingerprint, detect_in_project, detect_in_project_with, undecided_indices,
};

/// Which list the side panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SidePanel {
    /// The current section's comments and claims, as cards.
    #[default]
    Section,
    /// Every claim of the article, filterable and sortable.
    Claims,
    /// The suggested sentences nobody has decided yet.
    Suggestions,
    /// What the latest revised draft changed, and the marks it could not place for certain.
    Revision,
}

impl SidePanel {
    pub const ALL: [Self; 4] = [Self::Section, Self::Claims, Self::Suggestions, Self::Revision];

    pub fn label(self) -> &'static str {
        match self {
            Self::Section => "Section",
            Self::Claims => "Claims",
            Self::Suggestions => "Suggestions",
            Self::Revision => "Revision",
        }
    }
}

/// A suggestion, named by where its sentence starts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SuggestionKey {
    pub section: SectionId,
    pub start: usize,
}

impl SuggestionKey {
    pub fn of(suggestion: &Suggestion) -> Self {
        Self {
            section: suggestion.section.clone(),
            start: suggestion.range.start,
        }
    }
}

/// Which claims the claims view lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    /// Blocking publication: needs source, in progress, or not yet corrected or cut.
    Open,
    Is(ClaimStatus),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClaimOrder {
    #[default]
    Reading,
    Status,
    Newest,
    Oldest,
    FewestSources,
}

impl ClaimOrder {
    pub const ALL: [Self; 5] = [
        Self::Reading,
        Self::Status,
        Self::Newest,
        Self::Oldest,
        Self::FewestSources,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Reading => "Reading order",
            Self::Status => "Status",
            Self::Newest => "Newest first",
            Self::Oldest => "Oldest first",
            Self::FewestSources => "Fewest sources",
        }
    }
}

/// The claims view's filters and order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimsView {
    pub status: StatusFilter,
    /// `Some(None)` lists claims of no known kind (flagged by hand).
    pub kind: Option<Option<CheckKind>>,
    pub section: Option<SectionId>,
    pub order: ClaimOrder,
}

impl ClaimsView {
    /// The claims to list, in the chosen order.
    pub fn claims<'a>(&self, project: &'a Project) -> Vec<&'a crate::model::Claim> {
        let mut claims: Vec<_> = project
            .claims
            .iter()
            .filter(|claim| match self.status {
                StatusFilter::All => true,
                StatusFilter::Open => claim.is_open(),
                StatusFilter::Is(status) => claim.status == status,
            })
            .filter(|claim| match self.kind {
                None => true,
                Some(None) => claim.kinds.is_empty(),
                Some(Some(kind)) => claim.kinds.contains(&kind),
            })
            .filter(|claim| self.section.as_ref().is_none_or(|s| &claim.section == s))
            .collect();
        let position = |claim: &crate::model::Claim| {
            project.reading_position(&claim.section, claim.passage.start)
        };
        match self.order {
            ClaimOrder::Reading => claims.sort_by_key(|claim| position(claim)),
            ClaimOrder::Status => {
                claims.sort_by_key(|claim| (claim.status.attention_rank(), position(claim)));
            }
            ClaimOrder::Newest => claims.sort_by_key(|claim| std::cmp::Reverse(claim.created)),
            ClaimOrder::Oldest => claims.sort_by_key(|claim| claim.created),
            ClaimOrder::FewestSources => {
                claims.sort_by_key(|claim| (claim.sources.len(), position(claim)));
            }
        }
        claims
    }
}

/// Texts longer than this (about 35,000 words) are read for suggestions on a worker thread,
/// so opening a book never waits for the suggestion pass; shorter ones are read at once.
const READ_IN_BACKGROUND_ABOVE: usize = 200_000;

/// The suggestion pass reading a long text on a worker thread. Dropping it stops the pass:
/// nobody waits for what it finds any more.
#[derive(Debug)]
struct PendingPass {
    found: mpsc::Receiver<Vec<Suggestion>>,
    progress: Arc<Progress>,
    started: Instant,
}

impl PendingPass {
    fn start(project: Project) -> Self {
        let progress = Arc::new(Progress::new());
        let counted = Arc::clone(&progress);
        let (sender, found) = mpsc::channel();
        std::thread::spawn(move || {
            let all = detect_in_project_with(&project, &counted);
            // A pass cut short found only part of the text: never pass that off as all.
            if !counted.is_cancelled() {
                let _ = sender.send(all);
            }
        });
        Self {
            found,
            progress,
            started: Instant::now(),
        }
    }
}

impl Drop for PendingPass {
    fn drop(&mut self) {
        self.progress.cancel();
    }
}

/// Every suggestion of the open text, found once, and the undecided ones, refreshed after
/// each change to the review.
#[derive(Debug, Default)]
pub struct SuggestionCache {
    /// Review serial and a hash of the sections (ids and text) the suggestions were found
    /// for: the text only changes with a new review or a new draft.
    text_key: Option<(u64, u64)>,
    /// The review serial and `structure_change_count` the text key was computed at (hashing a
    /// book's text at every key typed in a comment would be wasted).
    text_key_change_count: Option<(u64, u64)>,
    all: Vec<Suggestion>,
    /// The suggestion pass running on a worker thread, for a long text.
    pending: Option<PendingPass>,
    decided_key: Option<(u64, u64)>,
    /// [`decisions_fingerprint`] as of a revision of the review's document.
    decisions: u64,
    decided_change_count: Option<(u64, u64)>,
    undecided: Vec<usize>,
    /// Counts the changes to the undecided list, so views know when to redraw highlights.
    generation: u64,
}

/// What the suggestions are found from: each section's id and text.
fn sections_hash(project: &Project) -> u64 {
    crate::fingerprint::hash_of(
        &project
            .sections
            .iter()
            .map(|s| (&s.id, &s.text))
            .collect::<Vec<_>>(),
    )
}

impl SuggestionCache {
    pub fn refresh(&mut self, review: Option<&OpenReview>) {
        let Some(review) = review else {
            *self = Self::default();
            return;
        };
        let project = review.project();
        let revision = (review.serial, review.document.structure_change_count());
        let text_key = match self.text_key {
            Some(key) if self.text_key_change_count == Some(revision) => key,
            _ => (review.serial, sections_hash(project)),
        };
        self.text_key_change_count = Some(revision);
        if self.text_key != Some(text_key) {
            self.text_key = Some(text_key);
            let text_length: usize = project.sections.iter().map(|s| s.text.len()).sum();
            self.all.clear();
            self.decided_key = None;
            // A pass still running for the previous text is dropped, which stops it.
            self.pending = None;
            if text_length > READ_IN_BACKGROUND_ABOVE {
                // The pass reads only the text: copying the marks and earlier drafts too would
                // cost a book's window ~10 ms and its memory tens of megabytes.
                let text_only = Project {
                    title: project.title.clone(),
                    draft: project.draft.clone(),
                    sections: project.sections.clone(),
                    comments: Vec::new(),
                    claims: Vec::new(),
                    dismissed: Vec::new(),
                    earlier_drafts: Vec::new(),
                };
                self.pending = Some(PendingPass::start(text_only));
            } else {
                self.all = detect_in_project(project);
            }
        }
        if let Some(pass) = &self.pending {
            match pass.found.try_recv() {
                Ok(all) => {
                    self.all = all;
                    self.pending = None;
                    self.decided_key = None;
                }
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => self.pending = None,
            }
        }
        if self.decided_change_count != Some(revision) {
            self.decided_change_count = Some(revision);
            self.decisions = decisions_fingerprint(project);
        }
        let decided_key = (review.serial, self.decisions);
        if self.decided_key != Some(decided_key) {
            self.decided_key = Some(decided_key);
            self.undecided = undecided_indices(&self.all, project);
            self.generation += 1;
        }
    }

    /// Whether the suggestion pass is still reading a long text.
    pub fn is_reading(&self) -> bool {
        self.pending.is_some()
    }

    /// How long the suggestion pass has been reading, and how far it has come (0 to 1).
    pub fn reading_progress(&self) -> Option<(Duration, Option<f32>)> {
        self.pending
            .as_ref()
            .map(|pass| (pass.started.elapsed(), pass.progress.fraction()))
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Suggestions nobody has decided yet, in reading order.
    pub fn undecided(&self) -> impl Iterator<Item = &Suggestion> {
        self.undecided.iter().map(|&index| &self.all[index])
    }

    pub fn undecided_count(&self) -> usize {
        self.undecided.len()
    }

    pub fn find(&self, key: &SuggestionKey) -> Option<&Suggestion> {
        self.undecided()
            .find(|s| s.section == key.section && s.range.start == key.start)
    }

    /// Undecided suggestions in one section, for highlighting.
    pub fn in_section<'a>(
        &'a self,
        section: &'a SectionId,
    ) -> impl Iterator<Item = (SuggestionKey, Range<usize>, &'a Suggestion)> {
        self.undecided()
            .filter(move |s| &s.section == section)
            .map(|s| (SuggestionKey::of(s), s.range.clone(), s))
    }
}

impl AppState {
    pub(super) fn select_suggestion(&mut self, key: SuggestionKey) {
        self.scroll_to = Some(ScrollTarget {
            section: key.section.clone(),
            char_offset: Some(key.start),
        });
        self.current_section = Some(key.section.clone());
        self.side_panel = SidePanel::Suggestions;
        self.selected_mark = None;
        self.reveal_suggestion = Some(key.clone());
        self.selected_suggestion = Some(key);
    }

    pub(super) fn accept_suggestion(&mut self, key: &SuggestionKey) {
        let Some(review) = &self.review else {
            return;
        };
        let Some(edit) = self.suggestions.find(key).and_then(|suggestion| {
            suggestion.accept_edit(
                review.project(),
                &self.prefs.reviewer_name,
                Timestamp::now(),
            )
        }) else {
            return;
        };
        let made = match &edit {
            Edit::AddComment { .. } => "a comment proposing to cut it",
            _ => "a claim that needs a source",
        };
        self.decide_then_move_on(key, edit, &format!("Accepted as {made}."));
    }

    pub(super) fn dismiss_suggestion(&mut self, key: &SuggestionKey) {
        let Some(edit) = self
            .suggestions
            .find(key)
            .map(|s| s.dismiss_edit(&self.prefs.reviewer_name, Timestamp::now()))
        else {
            return;
        };
        self.decide_then_move_on(
            key,
            edit,
            "Dismissed: it will not be suggested again in this review.",
        );
    }

    /// Applies a decision and selects the next undecided suggestion, so a fact-checker can
    /// work down the list from the keyboard.
    fn decide_then_move_on(&mut self, key: &SuggestionKey, edit: Edit, message: &str) {
        let next = self.neighbour_suggestion(Some(key), 1);
        if !self.apply(edit) {
            return;
        }
        self.suggestions.refresh(self.review.as_ref());
        self.selected_suggestion = None;
        if let Some(next) = next.filter(|next| next != key)
            && self.suggestions.find(&next).is_some()
        {
            self.select_suggestion(next);
        }
        self.show_info(format!("{message} (Ctrl+Z undoes it)"));
    }

    pub(super) fn accept_all_of_kind(&mut self, kind: CheckKind) {
        let Some(review) = &self.review else {
            return;
        };
        let now = Timestamp::now();
        let edits: Vec<Edit> = self
            .suggestions
            .undecided()
            .filter(|s| s.main_kind() == kind)
            .filter_map(|s| s.accept_edit(review.project(), &self.prefs.reviewer_name, now))
            .collect();
        if edits.is_empty() {
            return;
        }
        let count = edits.len();
        let applied = self.apply(Edit::Batch {
            label: format!(
                "accept {} ({})",
                crate::text::counted(count, "suggestion", "suggestions"),
                kind.label().to_lowercase()
            ),
            edits,
        });
        if !applied {
            return;
        }
        self.selected_suggestion = None;
        self.show_info(format!(
            "Accepted {} of kind “{}” (Ctrl+Z undoes it).",
            crate::text::counted(count, "suggestion", "suggestions"),
            kind.label()
        ));
    }

    /// The undecided suggestion `step` places after (or before) `from` in reading order.
    fn neighbour_suggestion(
        &self,
        from: Option<&SuggestionKey>,
        step: isize,
    ) -> Option<SuggestionKey> {
        let project = self.project()?;
        let keys: Vec<SuggestionKey> = self
            .suggestions
            .undecided()
            .map(SuggestionKey::of)
            .collect();
        if keys.is_empty() {
            return None;
        }
        let position = |key: &SuggestionKey| project.reading_position(&key.section, key.start);
        let positions: Vec<(usize, usize)> = keys.iter().map(position).collect();
        let anchor = match from {
            Some(key) => Some((position(key), false)),
            None => self.current_section_start(project),
        };
        let found = neighbour(&positions, anchor, step > 0);
        found.map(|index| keys[index].clone())
    }

    pub(super) fn step_suggestion(&mut self, step: isize) {
        // Going through suggestions means seeing them.
        self.prefs.show_suggestions = true;
        match self.neighbour_suggestion(self.selected_suggestion.clone().as_ref(), step) {
            Some(key) => self.select_suggestion(key),
            None => self.show_info("No suggestions left to decide."),
        }
    }

    /// Selects the next (or previous) open claim, wrapping around: in the claims view's
    /// filter and order while that view is shown, otherwise in reading order.
    pub(super) fn step_open_claim(&mut self, step: isize) {
        let Some(project) = self.project() else {
            return;
        };
        let position = |claim: &crate::model::Claim| {
            project.reading_position(&claim.section, claim.passage.start)
        };
        let in_view = self.side_panel == SidePanel::Claims;
        let open: Vec<&crate::model::Claim> = if in_view {
            self.claims_view
                .claims(project)
                .into_iter()
                .filter(|claim| claim.is_open())
                .collect()
        } else {
            let mut open: Vec<_> = project.claims.iter().filter(|c| c.is_open()).collect();
            // Claims starting at the same character are told apart by id, so none is skipped.
            open.sort_by(|a, b| (position(a), &a.id).cmp(&(position(b), &b.id)));
            open
        };
        if open.is_empty() {
            self.show_info(if in_view {
                "No open claim among the claims listed."
            } else {
                "No open claims: every claim is verified or dealt with."
            });
            return;
        }
        let selected = match &self.selected_mark {
            Some(MarkId::Claim(id)) => open.iter().position(|claim| &claim.id == id),
            _ => None,
        };
        let index = match selected {
            Some(index) => {
                let count = open.len() as isize;
                (index as isize + step.signum()).rem_euclid(count) as usize
            }
            None if in_view => {
                if step > 0 {
                    0
                } else {
                    open.len() - 1
                }
            }
            None => {
                let anchor = match &self.selected_mark {
                    Some(MarkId::Claim(id)) => {
                        project.claim(id).map(|claim| (position(claim), false))
                    }
                    _ => None,
                }
                .or_else(|| self.current_section_start(project));
                let positions: Vec<(usize, usize)> = open.iter().map(|c| position(c)).collect();
                neighbour(&positions, anchor, step > 0).unwrap_or(0)
            }
        };
        let id = open[index].id.clone();
        if self.side_panel == SidePanel::Suggestions {
            self.side_panel = SidePanel::Section;
        }
        self.select_mark(MarkId::Claim(id.clone()), true);
        self.reveal_card = Some(MarkId::Claim(id));
    }

    /// The start of the current section, as an anchor that counts as "before" what is there.
    fn current_section_start(&self, project: &Project) -> Option<((usize, usize), bool)> {
        self.current_section
            .as_ref()
            .and_then(|s| project.section_index(s))
            .map(|index| ((index, 0), true))
    }

    pub(super) fn set_claim_status(&mut self, claim: &ClaimId, status: ClaimStatus) {
        let Some(claim) = self.project().and_then(|p| p.claim(claim)) else {
            return;
        };
        if claim.status == status {
            return;
        }
        let edit =
            Edit::claim_status_change(claim, status, &self.prefs.reviewer_name, Timestamp::now());
        self.apply(edit);
    }
}

/// The index in sorted `positions` of the next (or previous) one after `anchor`, wrapping
/// around; an inclusive anchor also matches a position equal to it.
fn neighbour(
    positions: &[(usize, usize)],
    anchor: Option<((usize, usize), bool)>,
    forward: bool,
) -> Option<usize> {
    if positions.is_empty() {
        return None;
    }
    let Some((anchor, inclusive)) = anchor else {
        return Some(if forward { 0 } else { positions.len() - 1 });
    };
    let after = |p: &(usize, usize)| *p > anchor || inclusive && *p == anchor;
    let before = |p: &(usize, usize)| *p < anchor;
    if forward {
        Some(positions.iter().position(after).unwrap_or(0))
    } else {
        Some(
            positions
                .iter()
                .rposition(before)
                .unwrap_or(positions.len() - 1),
        )
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::{ClaimOrder, ClaimsView, StatusFilter, neighbour};
    use crate::model::{CheckKind, Claim, ClaimStatus, Passage, Project, Source};

    fn project_with_claims() -> Project {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let sections: Vec<_> = project.sections.iter().map(|s| s.id.clone()).collect();
        let texts: Vec<String> = project.sections.iter().map(|s| s.text.clone()).collect();
        let claim = |section: usize, start: usize, status, kinds: Vec<CheckKind>, sources, at| {
            let passage = Passage::from_section_text(&texts[section], start..start + 5).unwrap();
            Claim {
                status,
                kinds,
                sources: vec![Source::default(); sources],
                ..Claim::new(
                    sections[section].clone(),
                    passage,
                    "Fay",
                    Timestamp::from_second(at).unwrap(),
                )
            }
        };
        project.claims = vec![
            claim(1, 10, ClaimStatus::Verified, vec![CheckKind::Figure], 2, 30),
            claim(0, 40, ClaimStatus::NeedsSource, vec![], 0, 10),
            claim(
                0,
                5,
                ClaimStatus::Incorrect,
                vec![CheckKind::Figure, CheckKind::Event],
                1,
                20,
            ),
        ];
        project
    }

    #[test]
    fn a_new_draft_of_the_same_length_is_read_again_for_suggestions() {
        use super::super::OpenReview;
        use crate::document::Document;
        use crate::edit::Edit;
        let project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let mut review = OpenReview::new(Document::new(project.clone()), None, None);
        let mut cache = super::SuggestionCache::default();
        cache.refresh(Some(&review));
        let before: Vec<String> = cache.undecided().map(|s| s.sentence.clone()).collect();
        assert!(!before.is_empty());
        // The same sections, each the same length, with other words.
        let mut next = project;
        for section in &mut next.sections {
            let length = section.text.len();
            let filler = "The council spent 4,000 dollars in March. ".repeat(length / 40 + 1);
            section.text = filler[..length].to_owned();
        }
        review
            .document
            .apply(Edit::Revise {
                project: Box::new(next.clone()),
            })
            .unwrap();
        cache.refresh(Some(&review));
        let after: Vec<String> = cache.undecided().map(|s| s.sentence.clone()).collect();
        assert_ne!(after, before, "the new words were read");
        assert!(
            after.iter().all(|sentence| next
                .sections
                .iter()
                .any(|section| section.text.contains(sentence.as_str()))),
            "{after:?}"
        );
    }

    fn starts(view: &ClaimsView, project: &Project) -> Vec<(usize, usize)> {
        view.claims(project)
            .iter()
            .map(|c| (project.section_index(&c.section).unwrap(), c.passage.start))
            .collect()
    }

    #[test]
    fn the_claims_view_filters_and_sorts() {
        let project = project_with_claims();
        let mut view = ClaimsView::default();
        assert_eq!(starts(&view, &project), [(0, 5), (0, 40), (1, 10)]);
        view.order = ClaimOrder::Status;
        assert_eq!(starts(&view, &project), [(0, 40), (0, 5), (1, 10)]);
        view.order = ClaimOrder::Newest;
        assert_eq!(starts(&view, &project), [(1, 10), (0, 5), (0, 40)]);
        view.order = ClaimOrder::FewestSources;
        assert_eq!(starts(&view, &project), [(0, 40), (0, 5), (1, 10)]);
        view.order = ClaimOrder::Reading;
        view.status = StatusFilter::Open;
        assert_eq!(starts(&view, &project), [(0, 5), (0, 40)]);
        view.status = StatusFilter::All;
        view.kind = Some(Some(CheckKind::Figure));
        assert_eq!(starts(&view, &project), [(0, 5), (1, 10)]);
        view.kind = Some(None);
        assert_eq!(starts(&view, &project), [(0, 40)]);
        view.kind = None;
        view.section = Some(project.sections[1].id.clone());
        assert_eq!(starts(&view, &project), [(1, 10)]);
    }

    #[test]
    fn neighbours_wrap_around_and_respect_inclusive_anchors() {
        let positions = [(0, 0), (0, 10), (2, 5)];
        assert_eq!(neighbour(&positions, Some(((0, 0), true)), true), Some(0));
        assert_eq!(neighbour(&positions, Some(((0, 0), false)), true), Some(1));
        assert_eq!(neighbour(&positions, Some(((2, 5), false)), true), Some(0));
        assert_eq!(
            neighbour(&positions, Some(((0, 10), false)), false),
            Some(0)
        );
        assert_eq!(neighbour(&positions, Some(((0, 0), false)), false), Some(2));
        assert_eq!(neighbour(&positions, None, false), Some(2));
        assert_eq!(neighbour(&[], None, true), None);
    }
}
