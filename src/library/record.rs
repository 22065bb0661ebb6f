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
    // Sentences come as byte ranges; the passage is in characters.
    let bytes = crate::text::byte_range_from_char_range(text, range);
    let sentences = crate::suggest::segment::sentence_ranges(text);
    let touching: Vec<&std::ops::Range<usize>> = sentences
        .iter()
        .filter(|sentence| {
            sentence.start < bytes.end.max(bytes.start + 1) && bytes.start < sentence.end
        })
        .collect();
    let (Some(first), Some(last)) = (touching.first(), touching.last()) else {
        return text.get(bytes).unwrap_or_default().trim().to_owned();
    };
    text.get(first.start..last.end)
        .unwrap_or_default()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use jiff::Timestamp;

    use super::*;
    use crate::model::{Claim, DraftFormat, Passage, Reviewer, StatusChange};

    const TEXT: &str = "Officials met on Monday. More than 4,000 fighters crossed into Iraq \
                        last year, the report said. Talks resume in May.";

    fn project_with_claim(status: ClaimStatus) -> Project {
        let mut project = crate::import::import_bytes(
            Path::new("draft.txt"),
            format!("Crossings\n\n{TEXT}\n").as_bytes(),
            DraftFormat::PlainText,
            Timestamp::UNIX_EPOCH,
        )
        .expect("imports");
        let section = project
            .sections
            .iter()
            .find(|section| section.text.contains("4,000"))
            .expect("a section with the figure");
        let start = section.text.find("More than").expect("the claim");
        let start = crate::text::char_offset_from_byte_offset(&section.text, start);
        let passage =
            Passage::from_section_text(&section.text, start..start + 15).expect("a passage");
        let ana = Reviewer::named("Ana Reyes");
        let mut claim = Claim::new(section.id.clone(), passage, &ana, Timestamp::UNIX_EPOCH);
        claim.status = status;
        let checked_at = Timestamp::from_second(1_800_000_000).expect("a time");
        claim.history.push(StatusChange::new(
            status,
            &Reviewer::named("Ben Ode"),
            checked_at,
        ));
        project.claims.push(claim);
        project
    }

    #[test]
    fn a_checked_claim_is_kept_with_its_sentence_and_who_checked_it_last() {
        let project = project_with_claim(ClaimStatus::Verified);
        let kept = claims_of_project(&project, Path::new("/reviews/a.copydesk.ron"));
        assert_eq!(kept.len(), 1);
        let claim = &kept[0];
        assert_eq!(claim.quote, "More than 4,000");
        assert_eq!(
            claim.sentence,
            "More than 4,000 fighters crossed into Iraq last year, the report said."
        );
        assert_eq!(claim.checked_by, "Ben Ode");
        assert_eq!(claim.review, Path::new("/reviews/a.copydesk.ron"));
        assert!(claim.is_settled());
    }

    #[test]
    fn claims_in_progress_are_kept_and_those_needing_a_source_are_not() {
        let in_progress = project_with_claim(ClaimStatus::InProgress);
        let kept = claims_of_project(&in_progress, Path::new("a.ron"));
        assert_eq!(kept.len(), 1);
        assert!(!kept[0].is_settled());
        let unchecked = project_with_claim(ClaimStatus::NeedsSource);
        assert!(claims_of_project(&unchecked, Path::new("a.ron")).is_empty());
    }

    #[test]
    fn a_passage_across_two_sentences_keeps_both() {
        let text = "One. Two words here. Three.";
        assert_eq!(sentence_around(text, 2..8), "One. Two words here.");
        assert_eq!(sentence_around(text, 5..5), "Two words here.");
        // Offsets are characters: letters of several bytes before the passage move nothing.
        let text = "It costs €14.6 million – a third of it. Officials agreed.";
        assert_eq!(
            sentence_around(text, 9..21),
            "It costs €14.6 million – a third of it."
        );
    }
}
