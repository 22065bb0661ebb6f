//! Why two reviews cannot be merged. The messages name no file: the command line and the desk
//! know which files they read and say so.

use thiserror::Error;

use crate::model::InvalidProject;

#[derive(Debug, Error)]
pub enum MergeError {
    /// No section, comment or claim in common: reviews of different articles, or of separate
    /// imports of one.
    #[error(
        "these are not copies of one review: they share no section, comment or claim (reviews of different articles, or of separate imports of one draft)"
    )]
    NotTheSameReview,
    /// Both on the same draft file, split into different sections (by different versions of
    /// the importer): their marks cannot be matched section by section.
    #[error(
        "the two reviews hold the same draft file split into different sections, so their marks cannot be matched section by section"
    )]
    SeparateImports,
    /// Each side is on a draft the other has never seen.
    #[error(
        "the reviews are on two different drafts, “{ours}” and “{theirs}”, and neither was carried over from the other; carry one to the other's draft first (copydesk revise)"
    )]
    DifferentDrafts { ours: String, theirs: String },
    /// The common version is on a draft neither side came from.
    #[error(
        "the common version is on a draft (“{base}”) that neither review was carried over from"
    )]
    BaseOnAnotherDraft { base: String },
    /// The merge made a review that does not hold together: a bug, reported rather than
    /// written.
    #[error("the merged review would be inconsistent ({0}): a bug in copydesk")]
    Inconsistent(InvalidProject),
}
