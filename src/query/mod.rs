//! Questions the desk asks of a review, answered without the desk: which claims or comments
//! a view lists and in what order, what comes next in reading order (the next open claim or
//! comment, the next suggestion), who did what (everyone who worked on a review, one
//! reviewer's marks), the tracked changes a Word draft brought, by author, and where a piece
//! of text occurs (find).
//! Also which sections a few typed letters of a heading mean.
//! Kept in the core so they are tested on plain projects and serve the command line as well.

mod claims;
mod comments;
mod find;
mod reading_order;
mod reviewers;
mod sections;
mod tracked_changes;

pub use claims::{ClaimOrder, ClaimQuery, StatusFilter};
pub use comments::{
    CommentOrder, CommentQuery, Origin, OriginFilter, ResolvedFilter, next_open_comment,
};
pub use find::{
    FindAnchor, FindCorpus, FindMatch, FindPlace, FindQuery, FindResults, SourcePart, find_in,
};
pub use reading_order::{ReadingPoint, next_open_claim, next_suggestion};
pub use reviewers::{ReviewerError, marks_by, reviewer_named, reviewers_in};
pub use sections::sections_matching;
pub use tracked_changes::{
    ChangeScope, ChangesBy, acknowledge_edit, changes_by_author, unreviewed_changes, what_changed,
};
