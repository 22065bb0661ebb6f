//! Find (Ctrl+F): whether the find bar is open, what is looked for, the texts searched and
//! the matches, and which match is current.
//!
//! The texts are gathered from the review once per change of it (and of whose marks are
//! shown), and only while the bar is open; a query that grows narrows the matches it had
//! (`query::FindResults::refined`), so typing in a book keeps up. Typing in a card changes
//! only words, never the article: the texts are gathered again once the typing pauses (or at
//! once when find is used), so each key typed in a note does not search a whole book.

use std::time::{Duration, Instant};

use super::navigation::TextSelection;
use super::review::OpenReview;
use crate::app::find_highlights::FoundSpan;
use crate::model::ReviewerId;
use crate::query::{FindAnchor, FindCorpus, FindMatch, FindQuery, FindResults};

/// How long typing in a card must pause before the texts are gathered again.
const GATHER_AFTER_TYPING: Duration = Duration::from_millis(300);

/// What the texts were gathered from, but for words typed in cards: the review (its serial
/// and structure change count) and whose marks were shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct CorpusKey {
    review: u64,
    structure_change_count: u64,
    marks_by: Option<ReviewerId>,
}

#[derive(Debug)]
struct Searched {
    key: CorpusKey,
    /// The review's change count the texts were gathered at (words typed included).
    change_count: u64,
    corpus: FindCorpus,
    results: FindResults,
}

/// The find bar and its matches.
#[derive(Debug, Default)]
pub struct Find {
    open: bool,
    /// Kept while the bar is closed: Ctrl+F and F3 take it up again.
    query: FindQuery,
    searched: Option<Searched>,
    /// The number of the current match.
    current: Option<usize>,
    /// Put the keyboard in the query field on the next frame.
    focus_requested: bool,
    /// The text selection made for the current match: taken back when the match moves out
    /// of the text, left for Comment or Flag claim when the bar closes.
    selection_made: Option<TextSelection>,
    /// The review's change count last seen, and when it was first seen: typing in a card
    /// pauses once it has stayed the same for a while.
    last_change: Option<(u64, Instant)>,
}

impl Find {
    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn query(&self) -> &FindQuery {
        &self.query
    }

    /// How many matches there are.
    pub fn count(&self) -> usize {
        self.searched.as_ref().map_or(0, |s| s.results.len())
    }

    /// The number (from 0) of the current match.
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    pub fn current_match(&self) -> Option<FindMatch> {
        let searched = self.searched.as_ref()?;
        searched.results.get(&searched.corpus, self.current?)
    }

    /// Whether the keyboard goes to the query field this frame (asked once).
    pub fn take_focus_request(&mut self) -> bool {
        std::mem::take(&mut self.focus_requested)
    }

    /// The matches to highlight in section `section`'s text, or with `heading` in its heading.
    pub fn highlights(&self, section: usize, heading: bool) -> Vec<FoundSpan> {
        let Some(searched) = self.searched.as_ref().filter(|_| self.open) else {
            return Vec::new();
        };
        searched
            .results
            .in_section(&searched.corpus, section, heading)
            .into_iter()
            .map(|(number, range)| FoundSpan {
                range,
                current: Some(number) == self.current,
            })
            .collect()
    }

    /// Opens the bar (or, open, takes the keyboard back to it).
    pub(super) fn open(&mut self) {
        self.open = true;
        self.focus_requested = true;
    }

    /// Closes the bar; the query stays for next time.
    pub(super) fn close(&mut self) {
        self.open = false;
        self.searched = None;
        self.current = None;
        self.selection_made = None;
    }

    /// Whether words typed in a card wait to be searched (the desk keeps drawing frames
    /// until they are).
    pub fn is_behind(&self) -> bool {
        self.searched
            .as_ref()
            .zip(self.last_change)
            .is_some_and(|(searched, (seen, _))| searched.change_count != seen)
    }

    /// Keeps the texts searched in step with the review: gathered again after a change (the
    /// current match stays where it was, nothing scrolls) — after words typed in a card only
    /// once the typing has paused, unless `at_once` —, dropped while the bar is closed.
    pub(super) fn refresh(
        &mut self,
        review: Option<&OpenReview>,
        marks_by: Option<&ReviewerId>,
        now: Instant,
        at_once: bool,
    ) {
        let Some(review) = review.filter(|_| self.open) else {
            self.searched = None;
            self.current = None;
            return;
        };
        let key = CorpusKey {
            review: review.serial(),
            structure_change_count: review.document().structure_change_count(),
            marks_by: marks_by.cloned(),
        };
        let change_count = review.document().change_count();
        let changed_at = match self.last_change {
            Some((seen, at)) if seen == change_count => at,
            _ => {
                self.last_change = Some((change_count, now));
                now
            }
        };
        if let Some(searched) = &self.searched
            && searched.key == key
            && (searched.change_count == change_count
                || (!at_once && now.duration_since(changed_at) < GATHER_AFTER_TYPING))
        {
            return;
        }
        let anchor = self.current_anchor();
        let same_review = self
            .searched
            .as_ref()
            .is_some_and(|s| s.key.review == key.review);
        let corpus = FindCorpus::new(review.project(), |author| {
            marks_by.is_none_or(|by| by == author)
        });
        let results = FindResults::search(&corpus, self.query.clone());
        self.current = anchor
            .filter(|_| same_review)
            .and_then(|anchor| results.first_from(&corpus, &anchor));
        self.searched = Some(Searched {
            key,
            change_count,
            corpus,
            results,
        });
    }

    /// A new query (or new options): the current match becomes the first at or after the
    /// one there was, or else after `from`.
    pub(super) fn set_query(&mut self, query: FindQuery, from: FindAnchor) {
        let anchor = self.current_anchor().unwrap_or(from);
        self.query = query.clone();
        if let Some(searched) = &mut self.searched {
            let results = std::mem::take(&mut searched.results);
            searched.results = results.refined(&searched.corpus, query);
            self.current = searched.results.first_from(&searched.corpus, &anchor);
        }
    }

    /// Goes to the next (or previous) match, wrapping around; the first from `from` when
    /// none is current.
    pub(super) fn step(&mut self, forward: bool, from: &FindAnchor) {
        let Some(searched) = &self.searched else {
            return;
        };
        let count = searched.results.len();
        if count == 0 {
            self.current = None;
            return;
        }
        self.current = Some(match self.current {
            Some(current) if forward => (current + 1) % count,
            Some(current) => (current + count - 1) % count,
            None => {
                let first = searched.results.first_from(&searched.corpus, from);
                let first = first.unwrap_or(0);
                if forward {
                    first
                } else {
                    (first + count - 1) % count
                }
            }
        });
    }

    /// Where the current match is, to find from again.
    fn current_anchor(&self) -> Option<FindAnchor> {
        let searched = self.searched.as_ref()?;
        searched.results.anchor(&searched.corpus, self.current?)
    }

    /// Remembers the selection made for the current match; returns the one made before, if
    /// any, to take back.
    pub(super) fn replace_selection_made(
        &mut self,
        selection: Option<TextSelection>,
    ) -> Option<TextSelection> {
        std::mem::replace(&mut self.selection_made, selection)
    }
}
