//! Questions the desk asks of a review, answered without the desk: which claims a view lists
//! and in what order, and what comes next in reading order (the next open claim, the next
//! suggestion). Kept in the core so they are tested on plain projects and could serve the
//! command line as well.

mod claims;
mod reading_order;

pub use claims::{ClaimOrder, ClaimQuery, StatusFilter};
pub use reading_order::{ReadingPoint, next_open_claim, next_suggestion};
