//! The people who review: each with a stable id (made once on their computer), a display
//! name and, if they say, a role. A review lists everyone who worked on it, so a merged
//! review can say who did what.

use serde::{Deserialize, Serialize};

use super::ids::ReviewerId;

/// What a reviewer does on a draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Sets section statuses, comments.
    Editor,
    /// Works the claims: sources, verdicts.
    FactChecker,
    /// Wrote the draft; answers comments.
    Writer,
}

impl Role {
    pub const ALL: [Self; 3] = [Self::Editor, Self::FactChecker, Self::Writer];

    pub fn label(self) -> &'static str {
        match self {
            Self::Editor => "Editor",
            Self::FactChecker => "Fact-checker",
            Self::Writer => "Writer",
        }
    }
}

/// A person who reviews.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewer {
    pub id: ReviewerId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

impl Reviewer {
    /// A reviewer known only by name (a Word comment's author, a file from before reviewers
    /// had ids): the same name always gets the same id.
    pub fn named(name: &str) -> Self {
        Self {
            id: ReviewerId::derived_from(&format!("reviewer:{name}")),
            name: name.to_owned(),
            role: None,
        }
    }

    /// A new reviewer with an id of their own.
    pub fn new(name: &str, role: Option<Role>) -> Self {
        Self {
            id: ReviewerId::random(),
            name: name.to_owned(),
            role,
        }
    }
}
