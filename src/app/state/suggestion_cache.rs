//! The suggestions of the open text: found once per text (on a background task for a long
//! one, so opening a book never waits for them), then filtered after each change by what the
//! reviewers decided, and by how strong a suggestion must be to be offered.

use std::ops::Range;
use std::time::Duration;

use super::review::OpenReview;
use crate::app::background::{Polled, Task};
use crate::fingerprint::hash_of;
use crate::model::{Project, SectionId};
use crate::suggest::{
    Suggestion, SuggestionKey, SuggestionStrength, decisions_fingerprint, detect_in_project,
    detect_in_project_with, undecided_indices,
};

/// Texts longer than this (about 35,000 words) are read for suggestions on a worker thread,
/// so opening a book never waits for the suggestion pass; shorter ones are read at once.
const READ_IN_BACKGROUND_ABOVE: usize = 200_000;

/// Every suggestion of the open text, found once, and the undecided ones, refreshed after
/// each change to the review.
#[derive(Debug, Default)]
pub struct SuggestionCache {
    /// Review serial and a hash of the sections (ids and text) the suggestions were found
    /// for: the text only changes with a new review or a new draft.
    text_key: Option<(u64, u64)>,
    /// The review serial and `structure_change_count` the text key was computed at (hashing
    /// a book's text at every key typed in a comment would be wasted).
    text_key_change_count: Option<(u64, u64)>,
    all: Vec<Suggestion>,
    /// The suggestion pass reading a long text; dropping it stops the pass.
    reading: Option<Task<Vec<Suggestion>>>,
    decided_key: Option<(u64, u64)>,
    /// [`decisions_fingerprint`] as of a change count of the review's document.
    decisions: u64,
    decided_change_count: Option<(u64, u64)>,
    undecided: Vec<usize>,
    /// Which suggestions are offered: the undecided ones too weak for it are left out.
    strength: SuggestionStrength,
    /// Counts the changes to the undecided list, so views know when to redraw highlights.
    generation: u64,
}

/// What the suggestions are found from: each section's id and text.
fn sections_hash(project: &Project) -> u64 {
    hash_of(
        &project
            .sections
            .iter()
            .map(|s| (&s.id, &s.text))
            .collect::<Vec<_>>(),
    )
}

impl SuggestionCache {
    pub fn refresh(&mut self, review: Option<&OpenReview>) {
        let Some(review) = review else {
            *self = Self::default();
            return;
        };
        let project = review.project();
        let changes = (review.serial(), review.document().structure_change_count());
        let text_key = match self.text_key {
            Some(key) if self.text_key_change_count == Some(changes) => key,
            _ => (review.serial(), sections_hash(project)),
        };
        self.text_key_change_count = Some(changes);
        if self.text_key != Some(text_key) {
            self.text_key = Some(text_key);
            self.read(project);
        }
        if let Some(reading) = &self.reading {
            match reading.poll() {
                Polled::Running => {}
                Polled::Done(all) => {
                    self.all = all;
                    self.reading = None;
                    self.decided_key = None;
                }
                Polled::Lost => self.reading = None,
            }
        }
        if self.decided_change_count != Some(changes) {
            self.decided_change_count = Some(changes);
            self.decisions = decisions_fingerprint(project);
        }
        let decided_key = (review.serial(), self.decisions);
        if self.decided_key != Some(decided_key) {
            self.decided_key = Some(decided_key);
            let strength = self.strength;
            self.undecided = undecided_indices(&self.all, project)
                .into_iter()
                .filter(|&index| strength.admits(&self.all[index]))
                .collect();
            self.generation += 1;
        }
    }

    /// Finds the suggestions of a new text: at once for an article, on a background task for
    /// a book. A pass still running for the previous text is dropped, which stops it.
    fn read(&mut self, project: &Project) {
        self.all.clear();
        self.decided_key = None;
        self.reading = None;
        let text_length: usize = project.sections.iter().map(|s| s.text.len()).sum();
        if text_length <= READ_IN_BACKGROUND_ABOVE {
            self.all = detect_in_project(project);
            return;
        }
        // The pass reads only the text: copying the marks and earlier drafts too would cost a
        // book's window ~10 ms and its memory tens of megabytes.
        let text_only = Project {
            title: project.title.clone(),
            draft: project.draft.clone(),
            sections: project.sections.clone(),
            comments: Vec::new(),
            claims: Vec::new(),
            dismissed: Vec::new(),
            earlier_drafts: Vec::new(),
            reviewers: Vec::new(),
            deleted: Vec::new(),
            conflicts: Vec::new(),
        };
        self.reading = Some(Task::spawn("suggestions", None, move |progress| {
            detect_in_project_with(&text_only, progress)
        }));
    }

    /// Offers every suggestion, or only the strong ones, from the next refresh on.
    pub fn offer(&mut self, strength: SuggestionStrength) {
        if self.strength != strength {
            self.strength = strength;
            self.decided_key = None;
        }
    }

    /// Which suggestions are offered.
    pub fn strength(&self) -> SuggestionStrength {
        self.strength
    }

    /// Whether the suggestion pass is still reading a long text.
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// How long the suggestion pass has been reading, and how far it has come (0 to 1).
    pub fn reading_progress(&self) -> Option<(Duration, Option<f32>)> {
        self.reading
            .as_ref()
            .map(|task| (task.running_for(), task.progress().fraction()))
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Suggestions nobody has decided yet (of the strength offered), in reading order.
    pub fn undecided(&self) -> impl Iterator<Item = &Suggestion> {
        self.undecided.iter().map(|&index| &self.all[index])
    }

    pub fn undecided_count(&self) -> usize {
        self.undecided.len()
    }

    /// The keys of the undecided suggestions, in reading order.
    pub fn undecided_keys(&self) -> Vec<SuggestionKey> {
        self.undecided().map(SuggestionKey::of).collect()
    }

    pub fn find(&self, key: &SuggestionKey) -> Option<&Suggestion> {
        self.undecided()
            .find(|s| s.section == key.section && s.range.start == key.start)
    }

    /// Undecided suggestions in one section, for highlighting.
    pub fn in_section<'a>(
        &'a self,
        section: &'a SectionId,
    ) -> impl Iterator<Item = (SuggestionKey, Range<usize>, &'a Suggestion)> {
        self.undecided()
            .filter(move |s| &s.section == section)
            .map(|s| (SuggestionKey::of(s), s.range.clone(), s))
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::SuggestionCache;
    use crate::app::state::OpenReview;
    use crate::document::Document;
    use crate::edit::Edit;

    #[test]
    fn a_new_draft_of_the_same_length_is_read_again_for_suggestions() {
        let project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let mut review = OpenReview::new(Document::new(project.clone()), None, None);
        let mut cache = SuggestionCache::default();
        cache.refresh(Some(&review));
        let before: Vec<String> = cache.undecided().map(|s| s.sentence.clone()).collect();
        assert!(!before.is_empty());
        // The same sections, each the same length, with other words.
        let mut next = project;
        for section in &mut next.sections {
            let length = section.text.len();
            let filler = "The council spent 4,000 dollars in March. ".repeat(length / 40 + 1);
            section.text = filler[..length].to_owned();
        }
        review
            .document_mut()
            .apply(Edit::Revise {
                project: Box::new(next.clone()),
            })
            .unwrap();
        cache.refresh(Some(&review));
        let after: Vec<String> = cache.undecided().map(|s| s.sentence.clone()).collect();
        assert_ne!(after, before, "the new words were read");
        assert!(
            after.iter().all(|sentence| next
                .sections
                .iter()
                .any(|section| section.text.contains(sentence.as_str()))),
            "{after:?}"
        );
    }
}
