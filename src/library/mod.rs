//! The claim library: every claim a team has checked, gathered from the reviews the user opens
//! and from folders the user names (a shared folder, a git checkout of reviews), so a claim
//! checked once is recognised in every later draft.
//!
//! The review files stay the truth: the library is an index of them in the data folder
//! (`store`, SQLite with FTS5), brought up to date by each file's content hash (`scan`), and
//! rebuilt from the files when it is damaged. `record` says what a library claim is and reads
//! them out of a project; `matching` finds the library claims a sentence says again (the same
//! claim reworded, or the same claim with another figure) and explains each match; `reuse`
//! turns a match into the one edit that copies its sources and verdict into a claim.

pub mod matching;
pub mod record;
pub mod reuse;
pub mod scan;
pub mod store;

pub use matching::{ClaimMatch, MatchKind, Matcher};
pub use record::{LibraryClaim, claims_of_project};
pub use reuse::reuse_edit;
pub use scan::{SkippedReview, UpdateReport};
pub use store::{Library, LibraryError, LibraryStats};
