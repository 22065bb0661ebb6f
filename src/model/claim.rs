//! Claims: passages a fact-checker must source, and what they found.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::anchor::{self, AnchorState, Carried};
use super::ids::{ClaimId, ReviewerId, SectionId, SourceId};
use super::kind::CheckKind;
use super::passage::Passage;
use super::reviewer::Reviewer;
use super::stamp::Stamp;

/// Where the fact-check of a claim stands.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ClaimStatus {
    #[default]
    NeedsSource,
    InProgress,
    Verified,
    Incorrect,
    Unverifiable,
}

impl ClaimStatus {
    pub const ALL: [Self; 5] = [
        Self::NeedsSource,
        Self::InProgress,
        Self::Verified,
        Self::Incorrect,
        Self::Unverifiable,
    ];

    /// The order a fact-checker wants them in: what blocks publication first, what is settled
    /// last.
    pub const ATTENTION_ORDER: [Self; 5] = [
        Self::NeedsSource,
        Self::InProgress,
        Self::Incorrect,
        Self::Unverifiable,
        Self::Verified,
    ];

    /// Position in [`Self::ATTENTION_ORDER`].
    pub fn attention_rank(self) -> usize {
        Self::ATTENTION_ORDER
            .iter()
            .position(|status| *status == self)
            .unwrap_or(Self::ATTENTION_ORDER.len())
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NeedsSource => "Needs source",
            Self::InProgress => "In progress",
            Self::Verified => "Verified",
            Self::Incorrect => "Incorrect",
            Self::Unverifiable => "Unverifiable",
        }
    }

    /// A stable machine name, used in the JSON report.
    pub fn key(self) -> &'static str {
        match self {
            Self::NeedsSource => "needs_source",
            Self::InProgress => "in_progress",
            Self::Verified => "verified",
            Self::Incorrect => "incorrect",
            Self::Unverifiable => "unverifiable",
        }
    }

    /// Whether a claim in this status can be closed by dealing with it in the text
    /// (correcting or cutting it) instead of verifying it.
    pub fn can_be_dealt_with(self) -> bool {
        matches!(self, Self::Incorrect | Self::Unverifiable)
    }
}

/// What was done in the text about a claim that could not stand as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DealtWith {
    Corrected,
    Cut,
}

impl DealtWith {
    pub const ALL: [Self; 2] = [Self::Corrected, Self::Cut];

    pub fn label(self) -> &'static str {
        match self {
            Self::Corrected => "Corrected",
            Self::Cut => "Cut",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Corrected => "corrected",
            Self::Cut => "cut",
        }
    }
}

/// Whether a source is the origin of the fact or reports it second-hand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceRank {
    #[default]
    Unspecified,
    Primary,
    Secondary,
}

impl SourceRank {
    pub const ALL: [Self; 3] = [Self::Unspecified, Self::Primary, Self::Secondary];

    pub fn label(self) -> &'static str {
        match self {
            Self::Unspecified => "Not set",
            Self::Primary => "Primary",
            Self::Secondary => "Secondary",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Unspecified => "unspecified",
            Self::Primary => "primary",
            Self::Secondary => "secondary",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Tells sources apart when two reviewers' copies are merged (unset only before a file
    /// from before source ids is upgraded).
    #[serde(default)]
    pub id: SourceId,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub note: String,
    #[serde(default, skip_serializing_if = "is_unspecified")]
    pub rank: SourceRank,
    /// The day the fact-checker consulted the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<jiff::civil::Date>,
    /// Who added it, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<Stamp>,
}

impl Source {
    /// A new, empty source added by `by`.
    pub fn new(by: &Reviewer, at: Timestamp) -> Self {
        Self {
            id: SourceId::random(),
            added: Some(Stamp::new(by, at)),
            ..Self::default()
        }
    }
}

fn is_unspecified(rank: &SourceRank) -> bool {
    *rank == SourceRank::Unspecified
}

/// One step in a claim's history: who set which status, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: ClaimStatus,
    pub by: String,
    #[serde(default)]
    pub by_id: ReviewerId,
    pub at: Timestamp,
}

impl StatusChange {
    pub fn new(status: ClaimStatus, by: &Reviewer, at: Timestamp) -> Self {
        Self {
            status,
            by: by.name.clone(),
            by_id: by.id.clone(),
            at,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: ClaimId,
    pub section: SectionId,
    pub passage: Passage,
    /// Who flagged the claim.
    pub author: String,
    #[serde(default)]
    pub author_id: ReviewerId,
    pub created: Timestamp,
    #[serde(default)]
    pub status: ClaimStatus,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The fact-checker's verdict note.
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub dealt_with: Option<DealtWith>,
    /// What kind of statement it is, when known (claims accepted from suggestions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<CheckKind>,
    /// Every status the claim has had, oldest first, starting with its flagging.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusChange>,
    /// How the claim came through the latest revised draft; `None` if it was made on the
    /// current draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried: Option<Carried>,
}

impl Claim {
    pub fn new(
        section: SectionId,
        passage: Passage,
        author: &Reviewer,
        created: Timestamp,
    ) -> Self {
        Self {
            id: ClaimId::random(),
            section,
            passage,
            author: author.name.clone(),
            author_id: author.id.clone(),
            created,
            status: ClaimStatus::NeedsSource,
            sources: Vec::new(),
            note: String::new(),
            dealt_with: None,
            kinds: Vec::new(),
            history: vec![StatusChange::new(ClaimStatus::NeedsSource, author, created)],
            carried: None,
        }
    }

    /// Whether the claim still blocks publication: not verified, and not an incorrect or
    /// unverifiable claim that was corrected or cut, and not a claim whose passage a revised
    /// draft removed.
    pub fn is_open(&self) -> bool {
        if self
            .carried
            .as_ref()
            .is_some_and(|c| c.state == AnchorState::Removed)
        {
            return false;
        }
        match self.status {
            ClaimStatus::Verified => false,
            ClaimStatus::Incorrect | ClaimStatus::Unverifiable => self.dealt_with.is_none(),
            ClaimStatus::NeedsSource | ClaimStatus::InProgress => true,
        }
    }

    /// Whether the claim sits in the current text (an orphan only remembers its old passage).
    pub fn is_placed(&self) -> bool {
        anchor::is_placed(self.carried.as_ref())
    }

    /// The passage in the current text, if the claim is placed there.
    pub fn placed_passage(&self) -> Option<&Passage> {
        Some(&self.passage).filter(|_| self.is_placed())
    }

    /// Whether its place in a revised draft waits for a person's decision.
    pub fn needs_attention(&self) -> bool {
        anchor::needs_attention(self.carried.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(status: ClaimStatus, dealt_with: Option<DealtWith>) -> Claim {
        let passage = Passage::from_section_text("more than 4,000", 0..15).unwrap();
        Claim {
            status,
            dealt_with,
            ..Claim::new(
                SectionId::random(),
                passage,
                &Reviewer::named("Ana"),
                Timestamp::UNIX_EPOCH,
            )
        }
    }

    #[test]
    fn open_claims_are_those_neither_verified_nor_dealt_with() {
        assert!(claim(ClaimStatus::NeedsSource, None).is_open());
        assert!(claim(ClaimStatus::InProgress, None).is_open());
        assert!(!claim(ClaimStatus::Verified, None).is_open());
        assert!(claim(ClaimStatus::Incorrect, None).is_open());
        assert!(!claim(ClaimStatus::Incorrect, Some(DealtWith::Corrected)).is_open());
        assert!(!claim(ClaimStatus::Unverifiable, Some(DealtWith::Cut)).is_open());
        // Being "dealt with" only closes claims that could not be verified.
        assert!(claim(ClaimStatus::NeedsSource, Some(DealtWith::Cut)).is_open());
    }
}
