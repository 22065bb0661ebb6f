//! The claims checked before that the open review says again: for each of its claims and each
//! undecided suggestion, the library claims its sentence matches, best first.
//!
//! Found once per change to the review's text or marks (`structure_change_count`), per
//! matcher loaded and per list of undecided suggestions, on a background task: a book's
//! thousands of sentences take longer than a frame. Until a new answer lands the previous
//! one is shown (a claim looks its matches up by id, so one removed meanwhile finds none). A
//! library claim with the id of one of the review's own claims is the same claim in another
//! copy of this review (a colleague's, an earlier save), not a check made before: left out.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::review::OpenReview;
use super::suggestion_cache::SuggestionCache;
use crate::app::background::{Polled, Task};
use crate::library::record::sentence_around;
use crate::library::{ClaimMatch, LibraryClaim, Matcher};
use crate::model::{ClaimId, SectionId};
use crate::progress::Progress;
use crate::suggest::SuggestionKey;

/// What the matches were found for: the review (serial and structure change count), the
/// matcher (its generation) and the undecided suggestions (their generation).
type MatchKey = (u64, u64, u64, u64);

/// A library claim a sentence of the review says again, with how.
#[derive(Clone, Copy, Debug)]
pub struct CheckedBefore<'a> {
    pub matched: &'a ClaimMatch,
    pub checked: &'a LibraryClaim,
}

/// The matches found, with the matcher their indices point into.
#[derive(Debug, Default)]
struct Found {
    matcher: Option<Arc<Matcher>>,
    claims: HashMap<ClaimId, Vec<ClaimMatch>>,
    suggestions: HashMap<SuggestionKey, Vec<ClaimMatch>>,
}

/// What a matching task is given: owned, so it runs without the review.
struct Sentences {
    texts: HashMap<SectionId, String>,
    claims: Vec<(ClaimId, SectionId, Range<usize>)>,
    suggestions: Vec<(SuggestionKey, String)>,
    own_claims: HashSet<ClaimId>,
}

/// The open review's matches in the library.
#[derive(Debug, Default)]
pub struct LibraryMatches {
    key: Option<MatchKey>,
    finding: Option<Task<Found>>,
    found: Found,
}

impl LibraryMatches {
    /// The library claims `claim` says again, best first.
    pub fn for_claim(&self, claim: &ClaimId) -> Vec<CheckedBefore<'_>> {
        self.checked(self.found.claims.get(claim))
    }

    /// The library claims an undecided suggestion's sentence says again, best first.
    pub fn for_suggestion(&self, key: &SuggestionKey) -> Vec<CheckedBefore<'_>> {
        self.checked(self.found.suggestions.get(key))
    }

    /// Whether the matches are being found.
    pub fn is_finding(&self) -> bool {
        self.finding.is_some()
    }

    /// Every library claim matched, for looking one up by where it was checked.
    pub(super) fn checked_claims(&self) -> impl Iterator<Item = &LibraryClaim> {
        let matcher = self.found.matcher.as_deref();
        self.found
            .claims
            .values()
            .chain(self.found.suggestions.values())
            .flatten()
            .filter_map(move |matched| matcher?.claims().get(matched.claim))
    }

    fn checked<'a>(&'a self, matches: Option<&'a Vec<ClaimMatch>>) -> Vec<CheckedBefore<'a>> {
        let (Some(matches), Some(matcher)) = (matches, self.found.matcher.as_deref()) else {
            return Vec::new();
        };
        matches
            .iter()
            .filter_map(|matched| {
                let checked = matcher.claims().get(matched.claim)?;
                Some(CheckedBefore { matched, checked })
            })
            .collect()
    }

    pub(super) fn refresh(
        &mut self,
        review: Option<&OpenReview>,
        suggestions: &SuggestionCache,
        matcher: Option<&Arc<Matcher>>,
        generation: u64,
    ) {
        let (Some(review), Some(matcher)) = (review, matcher.filter(|m| !m.is_empty())) else {
            if self.key.is_some() || self.finding.is_some() {
                *self = Self::default();
            }
            return;
        };
        let key = (
            review.serial(),
            review.document().structure_change_count(),
            generation,
            suggestions.generation(),
        );
        if self.key != Some(key) {
            if self.key.is_some_and(|old| old.0 != key.0) {
                // Another review: the last one's matches mean nothing here.
                self.found = Found::default();
            }
            self.key = Some(key);
            let sentences = sentences_of(review, suggestions);
            let matcher = Arc::clone(matcher);
            self.finding = Some(Task::spawn("library matches", None, move |progress| {
                find(&matcher, &sentences, progress)
            }));
        }
        if let Some(finding) = &self.finding {
            match finding.poll() {
                Polled::Running => {}
                Polled::Done(found) => {
                    self.found = found;
                    self.finding = None;
                }
                Polled::Lost => self.finding = None,
            }
        }
    }
}

/// The sentences to match: only the texts of sections with claims are copied.
fn sentences_of(review: &OpenReview, suggestions: &SuggestionCache) -> Sentences {
    let project = review.project();
    let claims: Vec<(ClaimId, SectionId, Range<usize>)> = project
        .claims
        .iter()
        .map(|claim| {
            (
                claim.id.clone(),
                claim.section.clone(),
                claim.passage.range(),
            )
        })
        .collect();
    let texts = claims
        .iter()
        .filter_map(|(_, section, _)| {
            let text = &project.section(section)?.text;
            Some((section.clone(), text.clone()))
        })
        .collect();
    Sentences {
        texts,
        own_claims: claims.iter().map(|(id, _, _)| id.clone()).collect(),
        claims,
        suggestions: suggestions
            .undecided()
            .map(|s| (SuggestionKey::of(s), s.sentence.clone()))
            .collect(),
    }
}

fn find(matcher: &Arc<Matcher>, sentences: &Sentences, progress: &Progress) -> Found {
    let total = sentences.claims.len() + sentences.suggestions.len();
    progress.begin_phase(0, 1, total);
    let matches_for = |sentence: &str| -> Vec<ClaimMatch> {
        matcher
            .matches_for(sentence)
            .into_iter()
            .filter(|matched| {
                matcher
                    .claims()
                    .get(matched.claim)
                    .is_some_and(|checked| !sentences.own_claims.contains(&checked.claim))
            })
            .collect()
    };
    let mut found = Found {
        matcher: Some(Arc::clone(matcher)),
        ..Found::default()
    };
    for (index, (id, section, range)) in sentences.claims.iter().enumerate() {
        let Some(text) = sentences.texts.get(section) else {
            continue;
        };
        let matches = matches_for(&sentence_around(text, range.clone()));
        if !matches.is_empty() {
            found.claims.insert(id.clone(), matches);
        }
        if index % 64 == 63 {
            progress.advance(64);
            if progress.is_cancelled() {
                return found;
            }
        }
    }
    for (key, sentence) in &sentences.suggestions {
        let matches = matches_for(sentence);
        if !matches.is_empty() {
            found.suggestions.insert(key.clone(), matches);
        }
    }
    progress.advance(total);
    found
}
