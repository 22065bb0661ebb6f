//! Who did something to a review, and when: kept on what a person decided (a comment
//! resolved, a mark's new place confirmed), so a report and a merge can say who.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Who resolved a comment or settled a mark's place, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub by: String,
    pub at: Timestamp,
}
