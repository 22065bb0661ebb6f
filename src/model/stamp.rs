//! Who did something to a review, and when: kept on every record a person makes or decides
//! (a comment resolved, a status set, a source added, a mark's place settled, a deletion),
//! so a report can say who, and a merge can say who changed what.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::ids::ReviewerId;
use super::reviewer::Reviewer;

/// Who did something, and when. `by` is the name they went by then; `by_id` who they are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub by: String,
    /// Unset only in a record read from a file older than reviewer ids, before upgrading.
    #[serde(default)]
    pub by_id: ReviewerId,
    pub at: Timestamp,
}

impl Stamp {
    pub fn new(by: &Reviewer, at: Timestamp) -> Self {
        Self {
            by: by.name.clone(),
            by_id: by.id.clone(),
            at,
        }
    }
}

/// Who resolved a comment or settled a mark's place, and when.
pub type Resolution = Stamp;
