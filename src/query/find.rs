//! Find: every place a piece of text occurs in a review — the article's headings and text,
//! comments and their replies, claims' verdict notes and sources, and the passages of marks
//! a revised draft left without a place — in reading order, as (where, character range).
//!
//! Searching a book must keep up with typing, so the texts are gathered once into a
//! [`FindCorpus`] (folded for searching without case, once), and a query that only grows
//! narrows the matches it had instead of reading the book again ([`FindResults::refined`]).
//! Matching ignores case unless asked not to, one character for one (`fold`), so a match's
//! character offsets are those of the text as written; whole words are told by Unicode's word
//! boundaries (`words`).

mod corpus;
mod fold;
mod words;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::model::{ClaimId, CommentId, MarkId, Project, ReplyId, SectionId};

pub use corpus::FindCorpus;

/// What is looked for, and how.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FindQuery {
    pub text: String,
    /// Upper and lower case count as different.
    pub match_case: bool,
    /// Only where the text is a word (or words) of its own, not part of a longer one.
    pub whole_word: bool,
}

/// Which part of a claim's source a match is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourcePart {
    Url,
    Title,
    Note,
}

/// Where a match is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FindPlace {
    Heading(SectionId),
    /// The section's text (the article itself).
    Text(SectionId),
    /// The passage of a comment that has no place in the current draft (an orphan): a placed
    /// comment's passage is found in the text.
    CommentPassage(CommentId),
    CommentBody(CommentId),
    Reply {
        comment: CommentId,
        reply: ReplyId,
    },
    /// The passage of a claim that has no place in the current draft.
    ClaimPassage(ClaimId),
    /// A claim's source, by its position on the claim's card.
    Source {
        claim: ClaimId,
        index: usize,
        part: SourcePart,
    },
    VerdictNote(ClaimId),
}

impl FindPlace {
    /// The comment or claim whose card holds the match; `None` in the article.
    pub fn mark(&self) -> Option<MarkId> {
        match self {
            Self::Heading(_) | Self::Text(_) => None,
            Self::CommentPassage(id) | Self::CommentBody(id) | Self::Reply { comment: id, .. } => {
                Some(MarkId::Comment(id.clone()))
            }
            Self::ClaimPassage(id) | Self::Source { claim: id, .. } | Self::VerdictNote(id) => {
                Some(MarkId::Claim(id.clone()))
            }
        }
    }

    /// Where the match is, in a few words: "in a heading", "in a reply".
    pub fn description(&self) -> &'static str {
        match self {
            Self::Heading(_) => "in a heading",
            Self::Text(_) => "in the text",
            Self::CommentPassage(_) => "in a comment's passage",
            Self::CommentBody(_) => "in a comment",
            Self::Reply { .. } => "in a reply",
            Self::ClaimPassage(_) => "in a claim's passage",
            Self::Source {
                part: SourcePart::Url,
                ..
            } => "in a source's address",
            Self::Source {
                part: SourcePart::Title,
                ..
            } => "in a source's title",
            Self::Source {
                part: SourcePart::Note,
                ..
            } => "in a source's note",
            Self::VerdictNote(_) => "in a verdict note",
        }
    }
}

/// One match: where, and which characters of that text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FindMatch {
    pub place: FindPlace,
    /// Character offsets into the text of `place`.
    pub range: Range<usize>,
}

/// A place to find from: a field and a character in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindAnchor {
    section: usize,
    place: Option<FindPlace>,
    char_offset: usize,
}

impl FindAnchor {
    /// The start of a section (by index): what is there counts as after it.
    pub fn section_start(section: usize) -> Self {
        Self {
            section,
            place: None,
            char_offset: 0,
        }
    }
}

/// One match, as found: a field and the byte where it starts in the searched text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hit {
    field: usize,
    start: usize,
}

/// The matches of a query in a corpus, in reading order.
#[derive(Debug, Default)]
pub struct FindResults {
    corpus: u64,
    query: FindQuery,
    /// The query as searched for (folded unless case matters).
    needle: String,
    /// Every place the needle occurs, overlapping ones too: what a longer query narrows.
    occurrences: Vec<Hit>,
    /// The matches: occurrences that are whole words when asked, none overlapping the one
    /// before it.
    hits: Vec<Hit>,
}

impl FindResults {
    /// Searches the whole corpus.
    pub fn search(corpus: &FindCorpus, query: FindQuery) -> Self {
        let needle = needle_of(&query);
        let mut occurrences = Vec::new();
        if !needle.is_empty() {
            for (index, field) in corpus.fields.iter().enumerate() {
                let searched = field.searched(query.match_case);
                let mut from = 0;
                while let Some(found) = searched[from..].find(&needle) {
                    let start = from + found;
                    occurrences.push(Hit {
                        field: index,
                        start,
                    });
                    // The next occurrence may overlap this one: step one character.
                    from = start + searched[start..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        Self::from_occurrences(corpus, query, needle, occurrences)
    }

    /// The results of `query`, from these when the query only grew (its matches are among
    /// these occurrences), else from a new search.
    pub fn refined(self, corpus: &FindCorpus, query: FindQuery) -> Self {
        let needle = needle_of(&query);
        let narrows = self.corpus == corpus.id
            && self.query.match_case == query.match_case
            && !self.needle.is_empty()
            && needle.starts_with(&self.needle);
        if !narrows {
            return Self::search(corpus, query);
        }
        let mut occurrences = self.occurrences;
        occurrences.retain(|hit| {
            corpus.fields[hit.field].searched(query.match_case)[hit.start..].starts_with(&needle)
        });
        Self::from_occurrences(corpus, query, needle, occurrences)
    }

    fn from_occurrences(
        corpus: &FindCorpus,
        query: FindQuery,
        needle: String,
        occurrences: Vec<Hit>,
    ) -> Self {
        let mut hits: Vec<Hit> = Vec::new();
        for &hit in &occurrences {
            let searched = corpus.fields[hit.field].searched(query.match_case);
            let end = hit.start + needle.len();
            let overlaps = hits.last().is_some_and(|last| {
                last.field == hit.field && hit.start < last.start + needle.len()
            });
            if overlaps {
                continue;
            }
            if query.whole_word
                && !(words::is_word_boundary(searched, hit.start)
                    && words::is_word_boundary(searched, end))
            {
                continue;
            }
            hits.push(hit);
        }
        Self {
            corpus: corpus.id,
            query,
            needle,
            occurrences,
            hits,
        }
    }

    pub fn query(&self) -> &FindQuery {
        &self.query
    }

    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// Match `number` (from 0).
    pub fn get(&self, corpus: &FindCorpus, number: usize) -> Option<FindMatch> {
        let hit = self.hits.get(number)?;
        let field = corpus.fields.get(hit.field)?;
        let searched = field.searched(self.query.match_case);
        let start = char_offset(searched, 0, 0, hit.start);
        let end = start + self.needle.chars().count();
        Some(FindMatch {
            place: field.place.clone(),
            range: start..end,
        })
    }

    /// Every match, in reading order.
    pub fn all(&self, corpus: &FindCorpus) -> Vec<FindMatch> {
        (0..self.len())
            .filter_map(|number| self.get(corpus, number))
            .collect()
    }

    /// The matches in section `section`'s text (or, with `heading`, its heading): each with
    /// its number and its character range.
    pub fn in_section(
        &self,
        corpus: &FindCorpus,
        section: usize,
        heading: bool,
    ) -> Vec<(usize, Range<usize>)> {
        let mut fields = corpus.fields_of(section);
        let Some(field) = fields.find(|&field| {
            matches!(
                (&corpus.fields[field].place, heading),
                (FindPlace::Heading(_), true) | (FindPlace::Text(_), false)
            )
        }) else {
            return Vec::new();
        };
        let first = self.hits.partition_point(|hit| hit.field < field);
        let searched = corpus.fields[field].searched(self.query.match_case);
        let length = self.needle.chars().count();
        let (mut byte, mut chars) = (0, 0);
        self.hits[first..]
            .iter()
            .take_while(|hit| hit.field == field)
            .enumerate()
            .map(|(offset, hit)| {
                chars = char_offset(searched, byte, chars, hit.start);
                byte = hit.start;
                (first + offset, chars..chars + length)
            })
            .collect()
    }

    /// The number of the first match at or after `anchor`, wrapping around to the first.
    pub fn first_from(&self, corpus: &FindCorpus, anchor: &FindAnchor) -> Option<usize> {
        if self.hits.is_empty() {
            return None;
        }
        let field_and_byte = anchor
            .place
            .as_ref()
            .and_then(|place| corpus.field_at(anchor.section, place))
            .map(|field| {
                let searched = corpus.fields[field].searched(self.query.match_case);
                (
                    field,
                    crate::text::byte_offset_from_char_offset(searched, anchor.char_offset),
                )
            })
            .unwrap_or((corpus.fields_of(anchor.section).start, 0));
        let number = self
            .hits
            .partition_point(|hit| (hit.field, hit.start) < field_and_byte);
        Some(if number < self.hits.len() { number } else { 0 })
    }

    /// Where match `number` is, to find from again once the corpus is rebuilt.
    pub fn anchor(&self, corpus: &FindCorpus, number: usize) -> Option<FindAnchor> {
        let hit = self.hits.get(number)?;
        let found = self.get(corpus, number)?;
        Some(FindAnchor {
            section: corpus.fields[hit.field].section,
            place: Some(found.place),
            char_offset: found.range.start,
        })
    }
}

/// What is searched for: the query's text, folded unless case matters.
fn needle_of(query: &FindQuery) -> String {
    if query.match_case {
        query.text.clone()
    } else {
        fold::folded_always(&query.text)
    }
}

/// The character offset of byte `byte` of `text`, counting on from a known pair (`from_byte`
/// is character `from_chars`) before it.
fn char_offset(text: &str, from_byte: usize, from_chars: usize, byte: usize) -> usize {
    let between = text.get(from_byte..byte).unwrap_or_default();
    if between.is_ascii() {
        from_chars + between.len()
    } else {
        from_chars + between.chars().count()
    }
}

/// Every match of `query` in `project`, in reading order (all reviewers' marks).
pub fn find_in(project: &Project, query: &FindQuery) -> Vec<FindMatch> {
    let corpus = FindCorpus::new(project, |_| true);
    FindResults::search(&corpus, query.clone()).all(&corpus)
}
