//! The texts of a review that find searches, gathered once: in reading order, each folded
//! for searching without case.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{FindPlace, SourcePart, fold};
use crate::model::{ClaimId, CommentId, MarkId, Project, ReviewerId, SectionId};

/// One text to search.
#[derive(Debug)]
pub(super) struct Field {
    pub(super) place: FindPlace,
    /// Index of the section it belongs to.
    pub(super) section: usize,
    text: String,
    /// `text` folded for searching without case; `None` when folding changes nothing.
    folded: Option<String>,
}

impl Field {
    pub(super) fn searched(&self, match_case: bool) -> &str {
        match (&self.folded, match_case) {
            (Some(folded), false) => folded,
            _ => &self.text,
        }
    }
}

/// Every text of a review that can be searched, in reading order: for each section its
/// heading, its text, then its comments and claims as their cards show them (by where their
/// passage starts), each with its fields in the card's order.
#[derive(Debug)]
pub struct FindCorpus {
    /// Tells corpora apart, so results are never narrowed on another corpus's offsets.
    pub(super) id: u64,
    pub(super) fields: Vec<Field>,
    /// Where each section's fields start in `fields` (one past the end: `fields.len()`).
    section_starts: Vec<usize>,
}

static NEXT_CORPUS_ID: AtomicU64 = AtomicU64::new(1);

impl FindCorpus {
    /// The texts of `project`, with only the comments and claims by authors `shown` lets
    /// through (the desk can show one reviewer's marks alone).
    pub fn new(project: &Project, shown: impl Fn(&ReviewerId) -> bool) -> Self {
        let index_of: HashMap<&SectionId, usize> = project
            .sections
            .iter()
            .enumerate()
            .map(|(index, section)| (&section.id, index))
            .collect();
        // Each section's marks, as its cards are ordered: by where the passage starts.
        let mut marks: Vec<Vec<(usize, MarkId)>> = vec![Vec::new(); project.sections.len()];
        for claim in project.claims.iter().filter(|c| shown(&c.author_id)) {
            if let Some(&index) = index_of.get(&claim.section) {
                marks[index].push((claim.passage.start, MarkId::Claim(claim.id.clone())));
            }
        }
        for comment in project.comments.iter().filter(|c| shown(&c.author_id)) {
            if let Some(&index) = index_of.get(&comment.section) {
                let start = comment.passage.as_ref().map_or(0, |p| p.start);
                marks[index].push((start, MarkId::Comment(comment.id.clone())));
            }
        }
        let comments: HashMap<&CommentId, _> =
            project.comments.iter().map(|c| (&c.id, c)).collect();
        let claims: HashMap<&ClaimId, _> = project.claims.iter().map(|c| (&c.id, c)).collect();

        let mut corpus = Self {
            id: NEXT_CORPUS_ID.fetch_add(1, Ordering::Relaxed),
            fields: Vec::new(),
            section_starts: Vec::with_capacity(project.sections.len() + 1),
        };
        for (index, (section, marks)) in project.sections.iter().zip(&mut marks).enumerate() {
            corpus.section_starts.push(corpus.fields.len());
            let mut add = |place: FindPlace, text: &str| corpus.push(index, place, text);
            if let Some(heading) = &section.heading {
                add(FindPlace::Heading(section.id.clone()), heading);
            }
            add(FindPlace::Text(section.id.clone()), &section.text);
            marks.sort_by_key(|(start, _)| *start);
            for (_, mark) in marks.iter() {
                match mark {
                    MarkId::Comment(id) => {
                        let Some(comment) = comments.get(id) else {
                            continue;
                        };
                        if let Some(passage) = &comment.passage
                            && !comment.is_placed()
                        {
                            add(FindPlace::CommentPassage(id.clone()), &passage.quote);
                        }
                        add(FindPlace::CommentBody(id.clone()), &comment.body);
                        for reply in &comment.replies {
                            let place = FindPlace::Reply {
                                comment: id.clone(),
                                reply: reply.id.clone(),
                            };
                            add(place, &reply.body);
                        }
                    }
                    MarkId::Claim(id) => {
                        let Some(claim) = claims.get(id) else {
                            continue;
                        };
                        if !claim.is_placed() {
                            add(FindPlace::ClaimPassage(id.clone()), &claim.passage.quote);
                        }
                        for (index, source) in claim.sources.iter().enumerate() {
                            for (part, text) in [
                                (SourcePart::Url, &source.url),
                                (SourcePart::Title, &source.title),
                                (SourcePart::Note, &source.note),
                            ] {
                                let place = FindPlace::Source {
                                    claim: id.clone(),
                                    index,
                                    part,
                                };
                                add(place, text);
                            }
                        }
                        add(FindPlace::VerdictNote(id.clone()), &claim.note);
                    }
                }
            }
        }
        corpus.section_starts.push(corpus.fields.len());
        corpus
    }

    fn push(&mut self, section: usize, place: FindPlace, text: &str) {
        // An empty text holds no match.
        if text.is_empty() {
            return;
        }
        self.fields.push(Field {
            place,
            section,
            text: text.to_owned(),
            folded: fold::folded(text),
        });
    }

    /// The fields of section `index`.
    pub(super) fn fields_of(&self, section: usize) -> Range<usize> {
        let start = self.section_starts.get(section).copied();
        let end = self.section_starts.get(section + 1).copied();
        match (start, end) {
            (Some(start), Some(end)) => start..end,
            _ => self.fields.len()..self.fields.len(),
        }
    }

    /// The field of section `index` at `place`.
    pub(super) fn field_at(&self, section: usize, place: &FindPlace) -> Option<usize> {
        self.fields_of(section)
            .find(|&field| &self.fields[field].place == place)
    }
}
