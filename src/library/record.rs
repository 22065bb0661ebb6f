//! What the library keeps of a checked claim: its words and the sentence they sit in, its
//! verdict, sources and note, and where and by whom it was checked.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::model::{ClaimId, ClaimStatus, Project, Source};

/// A claim checked in a review, as the library keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryClaim {
    /// The review file it was checked in (as the library found it: absolute where it could be).
    pub review: PathBuf,
    /// The claim's id in that review: the same claim in another copy of the review (a
    /// colleague's, a later draft's) has the same id.
    pub claim: ClaimId,
    /// The review's title: the article the claim was made in.
    pub article: String,
    /// The words flagged.
    pub quote: String,
    /// The sentence (or sentences) the words sit in, which matching compares.
    pub sentence: String,
    /// The verdict: verified, incorrect, unverifiable, or in progress (not settled yet).
    pub status: ClaimStatus,
    pub sources: Vec<Source>,
    /// The verdict note.
    pub note: String,
    /// Who set the status last, and when (the claim's author and creation without a history).
    pub checked_by: String,
    pub checked_at: Timestamp,
}

impl LibraryClaim {
    /// Whether the verdict is settled (verified, incorrect or unverifiable), not in progress.
    pub fn is_settled(&self) -> bool {
        matches!(
            self.status,
            ClaimStatus::Verified | ClaimStatus::Incorrect | ClaimStatus::Unverifiable
        )
    }
}

/// The claims of a project the library keeps: those with a verdict, and those in progress
/// (marked so by their status). A claim that still needs a source has nothing to reuse.
pub fn claims_of_project(project: &Project, review: &Path) -> Vec<LibraryClaim> {
    project
        .claims
        .iter()
        .filter(|claim| claim.status != ClaimStatus::NeedsSource)
        .map(|claim| {
            let sentence = project
                .section(&claim.section)
                .map(|section| sentence_around(&section.text, claim.passage.range()))
                .filter(|sentence| !sentence.trim().is_empty())
                .unwrap_or_else(|| claim.passage.quote.clone());
            let (checked_by, checked_at) = claim.history.last().map_or_else(
                || (claim.author.clone(), claim.created),
                |change| (change.by.clone(), change.at),
            );
            LibraryClaim {
                review: review.to_path_buf(),
                claim: claim.id.clone(),
                article: project.title.clone(),
                quote: claim.passage.quote.clone(),
                sentence,
                status: claim.status,
                sources: claim.sources.clone(),
                note: claim.note.clone(),
                checked_by,
                checked_at,
            }
        })
        .collect()
}

/// The sentences of `text` that the character range `range` touches, joined.
pub fn sentence_around(text: &str, range: std::ops::Range<usize>) -> String {
    let sentences = crate::suggest::segment::sentence_ranges(text);
    let touching: Vec<&std::ops::Range<usize>> = sentences
        .iter()
        .filter(|sentence| {
            sentence.start < range.end.max(range.start + 1) && range.start < sentence.end
        })
        .collect();
    let (Some(first), Some(last)) = (touching.first(), touching.last()) else {
        return crate::text::slice_chars(text, range).to_owned();
    };
    crate::text::slice_chars(text, first.start..last.end)
        .trim()
        .to_owned()
}
