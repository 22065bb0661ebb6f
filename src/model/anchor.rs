//! How a mark came through the latest revised draft.
//!
//! When the writer sends a new draft, every comment and claim is looked for in the new text.
//! The result is kept on the mark, with the passage it had before, so the desk can show a
//! reviewer what moved, what needs confirming and what could not be found — instead of
//! quietly attaching a note to a passage it was never written about.

use serde::{Deserialize, Serialize};

use super::ids::SectionId;
use super::passage::Passage;
use super::stamp::Resolution;

/// Where a mark landed in the revised draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnchorState {
    /// The same text at the place the comparison of the drafts expects it, with a kept word
    /// beside it (or long enough to need none).
    Exact,
    /// The same text, found elsewhere (another paragraph or section).
    Moved,
    /// Similar text at the expected place, or the same text where the context does not
    /// decide: placed there, but a person must confirm it.
    Fuzzy,
    /// Not found in the new draft; the mark keeps its old passage until a person re-attaches
    /// or resolves it.
    Orphaned,
    /// A fuzzy placement a person confirmed.
    Confirmed,
    /// An orphan a person attached to new text.
    Reattached,
    /// An orphan a person resolved: its passage is no longer in the article.
    Removed,
}

impl AnchorState {
    pub const ALL: [Self; 7] = [
        Self::Exact,
        Self::Moved,
        Self::Fuzzy,
        Self::Orphaned,
        Self::Confirmed,
        Self::Reattached,
        Self::Removed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Moved => "moved",
            Self::Fuzzy => "fuzzy",
            Self::Orphaned => "orphaned",
            Self::Confirmed => "confirmed",
            Self::Reattached => "re-attached",
            Self::Removed => "removed",
        }
    }

    /// A stable machine name, used in reports.
    pub fn key(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Moved => "moved",
            Self::Fuzzy => "fuzzy",
            Self::Orphaned => "orphaned",
            Self::Confirmed => "confirmed",
            Self::Reattached => "reattached",
            Self::Removed => "removed",
        }
    }

    /// Whether the mark has a passage in the current text.
    pub fn is_placed(self) -> bool {
        !matches!(self, Self::Orphaned | Self::Removed)
    }

    /// Whether a person still has to look at the mark's new place.
    pub fn needs_attention(self) -> bool {
        matches!(self, Self::Fuzzy | Self::Orphaned)
    }
}

/// What happened to a mark in the latest revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carried {
    pub state: AnchorState,
    /// The draft (numbered from 1) the mark was carried over from.
    pub from_draft: u32,
    /// The section the mark was in on that draft (an id of
    /// [`crate::model::EarlierDraft::sections`]).
    pub section_before: SectionId,
    /// The passage on that draft; `None` for a comment on a whole section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage_before: Option<Passage>,
    /// For a fuzzy placement, how alike the old and new passages are, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<u8>,
    /// Who confirmed, re-attached or resolved it, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Resolution>,
}

impl Carried {
    /// The same record in a new state, decided by someone.
    pub fn decided_as(&self, state: AnchorState, decided: Resolution) -> Self {
        Self {
            state,
            decided: Some(decided),
            ..self.clone()
        }
    }
}

/// Whether a mark with this record (or none: never carried over) has a passage in the text.
pub fn is_placed(carried: Option<&Carried>) -> bool {
    carried.is_none_or(|c| c.state.is_placed())
}

/// Whether a mark with this record waits for a person's decision.
pub fn needs_attention(carried: Option<&Carried>) -> bool {
    carried.is_some_and(|c| c.state.needs_attention())
}
