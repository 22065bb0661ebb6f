//! The fact-checker's views: which tab the side panel shows, the claims view's filters and
//! order, whose marks are shown, and the suggestions of the text — with the edits that
//! decide a suggestion.

use jiff::Timestamp;

use super::review::OpenReview;
use super::suggestion_cache::SuggestionCache;
use crate::app::side_panel::SidePanel;
use crate::edit::Edit;
use crate::model::{CheckKind, MarkId, Project, Reviewer, ReviewerId, SectionId};
use crate::query::ClaimQuery;
use crate::suggest::{SuggestionKey, SuggestionStrength};
use crate::text::counted;

/// A decision about a suggestion, ready to apply.
#[derive(Debug)]
pub(super) struct Decision {
    pub edit: Edit,
    /// What to tell the reviewer once it is made.
    pub message: String,
}

/// The fact-checker's side of the desk.
#[derive(Debug, Default)]
pub struct FactCheckViews {
    side_panel: SidePanel,
    claims_view: ClaimQuery,
    suggestions: SuggestionCache,
    /// Whose marks are shown (in the text, the cards, the claims view) and exported; `None`:
    /// everyone's.
    marks_by: Option<ReviewerId>,
}

impl FactCheckViews {
    pub fn side_panel(&self) -> SidePanel {
        self.side_panel
    }

    pub fn claims_view(&self) -> &ClaimQuery {
        &self.claims_view
    }

    pub fn suggestions(&self) -> &SuggestionCache {
        &self.suggestions
    }

    /// The reviewer whose marks alone are shown and exported; `None`: everyone's.
    pub fn marks_by(&self) -> Option<&ReviewerId> {
        self.marks_by.as_ref()
    }

    /// Whether a mark by `author` is shown.
    pub fn shows_marks_of(&self, author: &ReviewerId) -> bool {
        self.marks_by.as_ref().is_none_or(|by| by == author)
    }

    pub(super) fn show_marks_by(&mut self, reviewer: Option<ReviewerId>) {
        self.claims_view.by.clone_from(&reviewer);
        self.marks_by = reviewer;
    }

    pub(super) fn show(&mut self, panel: SidePanel) {
        self.side_panel = panel;
    }

    /// Makes the side panel show a mark's card: the claims view opens a claim it lists in
    /// place; any other tab without the card gives way to the Section tab.
    pub(super) fn show_card_of(&mut self, project: &Project, mark: &MarkId) {
        let shown = match (self.side_panel, mark) {
            (SidePanel::Section, _) => true,
            (SidePanel::Claims, MarkId::Claim(id)) => self
                .claims_view
                .claims(project)
                .iter()
                .any(|claim| &claim.id == id),
            _ => false,
        };
        if !shown {
            self.side_panel = SidePanel::Section;
        }
    }

    pub(super) fn set_claims_view(&mut self, view: ClaimQuery) {
        self.claims_view = ClaimQuery {
            by: self.marks_by.clone(),
            ..view
        };
    }

    /// A review was shown: its claims are listed unfiltered, and what a merge left to
    /// settle, if anything, is shown first.
    pub(super) fn start_on(&mut self, review: &OpenReview) {
        self.claims_view = ClaimQuery::default();
        self.marks_by = None;
        if !review.project().conflicts.is_empty() {
            self.side_panel = SidePanel::Conflicts;
        } else if matches!(self.side_panel, SidePanel::Conflicts | SidePanel::Revision) {
            // Those tabs were about the review that was closed; the working tabs (claims,
            // comments, suggestions) stay as the reviewer chose them.
            self.side_panel = SidePanel::Section;
        }
        self.suggestions.refresh(Some(review));
    }

    /// Which suggestions are offered (from the preferences).
    pub(super) fn offer_suggestions(&mut self, strength: SuggestionStrength) {
        self.suggestions.offer(strength);
    }

    /// Brings the suggestions up to date with the review.
    pub(super) fn refresh(&mut self, review: Option<&OpenReview>) {
        self.suggestions.refresh(review);
    }

    /// The claims view's query while it is shown: stepping through open claims follows it.
    pub(super) fn listed_claims(&self) -> Option<&ClaimQuery> {
        (self.side_panel == SidePanel::Claims).then_some(&self.claims_view)
    }

    /// The kinds of the undecided suggestion a new claim on `range` of `section` falls in:
    /// a passage inside a suggested sentence is a claim of that sentence's kinds.
    pub(super) fn kinds_at(
        &self,
        section: &SectionId,
        range: &std::ops::Range<usize>,
    ) -> Vec<CheckKind> {
        self.suggestions
            .undecided()
            .find(|s| {
                &s.section == section && s.range.start < range.end && range.start < s.range.end
            })
            .map(|s| s.kinds())
            .unwrap_or_default()
    }

    /// The edit that accepts a suggestion: a claim that needs a source, or for a promotional
    /// line a comment proposing to cut it.
    pub(super) fn accept(
        &self,
        key: &SuggestionKey,
        project: &Project,
        reviewer: &Reviewer,
    ) -> Option<Decision> {
        let edit = self
            .suggestions
            .find(key)?
            .accept_edit(project, reviewer, Timestamp::now())?;
        let made = match &edit {
            Edit::AddComment { .. } => "a comment proposing to cut it",
            _ => "a claim that needs a source",
        };
        Some(Decision {
            edit,
            message: format!("Accepted as {made}."),
        })
    }

    /// The edit that turns a suggestion down for good.
    pub(super) fn dismiss(&self, key: &SuggestionKey, reviewer: &Reviewer) -> Option<Decision> {
        let edit = self
            .suggestions
            .find(key)?
            .dismiss_edit(reviewer, Timestamp::now());
        Some(Decision {
            edit,
            message: "Dismissed: it will not be suggested again in this review.".to_owned(),
        })
    }

    /// One edit that accepts every undecided suggestion of `kind`.
    pub(super) fn accept_all(
        &self,
        kind: CheckKind,
        project: &Project,
        reviewer: &Reviewer,
    ) -> Option<Decision> {
        let now = Timestamp::now();
        let edits: Vec<Edit> = self
            .suggestions
            .undecided()
            .filter(|s| s.main_kind() == kind)
            .filter_map(|s| s.accept_edit(project, reviewer, now))
            .collect();
        if edits.is_empty() {
            return None;
        }
        let count = counted(edits.len(), "suggestion", "suggestions");
        Some(Decision {
            edit: Edit::Batch {
                label: format!("accept {count} ({})", kind.label().to_lowercase()),
                edits,
            },
            message: format!(
                "Accepted {count} of kind “{}” (Ctrl+Z undoes it).",
                kind.label()
            ),
        })
    }
}
