//! Questions the desk asks of a review, answered without the desk: which claims a view lists
//! and in what order, what comes next in reading order (the next open claim, the next
//! suggestion), who did what (everyone who worked on a review, one reviewer's marks), and
//! which sections a few typed letters of a heading mean.
//! Kept in the core so they are tested on plain projects and serve the command line as well.

mod claims;
mod reading_order;
mod reviewers;
mod sections;

pub use claims::{ClaimOrder, ClaimQuery, StatusFilter};
pub use reading_order::{ReadingPoint, next_open_claim, next_suggestion};
pub use reviewers::{ReviewerError, marks_by, reviewer_named, reviewers_in};
pub use sections::sections_matching;
