//! The whole review: the article's sections and every mark on them.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::claim::Claim;
use super::comment::Comment;
use super::conflict::Conflict;
use super::ids::{ClaimId, CommentId, MarkId, ReviewerId, SectionId};
use super::reviewer::Reviewer;
use super::section::{ReviewStatus, Section};
use super::tombstone::Tombstone;

/// The kind of file a draft was imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DraftFormat {
    PlainText,
    Markdown,
    /// A Word document (.docx).
    Docx,
    /// A saved web page or a CMS export (.html).
    Html,
}

impl DraftFormat {
    pub fn label(self) -> &'static str {
        match self {
            Self::PlainText => "plain text",
            Self::Markdown => "Markdown",
            Self::Docx => "Word document",
            Self::Html => "web page",
        }
    }

    /// The name other tools read in the JSON report.
    pub fn key(self) -> &'static str {
        match self {
            Self::PlainText => "plain_text",
            Self::Markdown => "markdown",
            Self::Docx => "docx",
            Self::Html => "html",
        }
    }
}

/// Tracked changes one author had pending in an imported Word document. The text is
/// imported with them accepted; each also became a comment on its passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackedChanges {
    pub author: String,
    pub insertions: usize,
    pub deletions: usize,
}

/// Which draft the text came from, so later drafts can be told apart from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The file name it was imported from (no folder: the project may travel).
    pub file_name: String,
    pub format: DraftFormat,
    /// SHA-256 of the imported file's bytes, in hex.
    pub sha256: String,
    pub imported_at: Timestamp,
    /// Which draft of the article this is, counting from 1.
    #[serde(default = "first_draft", skip_serializing_if = "is_first_draft")]
    pub number: u32,
    /// The tracked changes the file had pending, by author (Word documents only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracked_changes: Vec<TrackedChanges>,
    /// The web address the draft was fetched from and when (drafts imported from an address
    /// only): a fact-check must say which version of a published page it checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<Fetched>,
}

/// Where and when a draft imported from a web address was fetched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fetched {
    /// The address as given (before any redirect).
    pub address: String,
    pub at: Timestamp,
}

fn first_draft() -> u32 {
    1
}

fn is_first_draft(number: &u32) -> bool {
    *number == 1
}

/// A draft the review has moved past, kept so marks can be traced to the text they were made
/// on and the drafts compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierDraft {
    pub draft: Draft,
    pub title: String,
    /// Its sections as they were when the next draft came in, with their statuses.
    pub sections: Vec<Section>,
}

impl EarlierDraft {
    pub fn section(&self, id: &SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| &s.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub title: String,
    pub draft: Draft,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub comments: Vec<Comment>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Suggested sentences the reviewers turned down.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<Dismissal>,
    /// The drafts before the current one, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_drafts: Vec<EarlierDraft>,
    /// Everyone who worked on the review: the name and role each goes by now.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewers: Vec<Reviewer>,
    /// Comments, replies, claims and sources deleted, so a merge knows they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
    /// What a merge could not decide, until a person does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// A suggestion turned down, remembered by its sentence (whitespace normalised) rather than by
/// its position, so it stays dismissed when a revised draft keeps the sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissal {
    pub sentence: String,
    pub by: String,
    #[serde(default)]
    pub by_id: ReviewerId,
    pub at: Timestamp,
}

impl Dismissal {
    pub fn new(sentence: &str, by: &Reviewer, at: Timestamp) -> Self {
        Self {
            sentence: Self::key_from_sentence(sentence),
            by: by.name.clone(),
            by_id: by.id.clone(),
            at,
        }
    }

    /// The form a sentence is remembered in: trimmed, runs of whitespace as one space.
    pub fn key_from_sentence(sentence: &str) -> String {
        sentence.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// What a loaded project got wrong, found by [`Project::validate`].
#[derive(Debug, Error, PartialEq, Eq)]
pub enum InvalidProject {
    #[error("the project has no sections")]
    NoSections,
    #[error("the id {0} is used twice")]
    DuplicateId(String),
    #[error("{what} {id} refers to section {section}, which does not exist")]
    UnknownSection {
        what: &'static str,
        id: String,
        section: String,
    },
    #[error("{what} {id} covers an empty passage ({start}..{end})")]
    EmptyPassage {
        what: &'static str,
        id: String,
        start: usize,
        end: usize,
    },
    #[error("{what} {id} covers characters {start}..{end}, outside its section ({len} characters)")]
    PassageOutOfBounds {
        what: &'static str,
        id: String,
        start: usize,
        end: usize,
        len: usize,
    },
}

/// Counts shown in the outline and in reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReviewProgress {
    pub sections: usize,
    pub approved: usize,
    pub open_comments: usize,
    pub open_claims: usize,
}

impl Project {
    pub fn section(&self, id: &SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| &s.id == id)
    }

    pub fn section_index(&self, id: &SectionId) -> Option<usize> {
        self.sections.iter().position(|s| &s.id == id)
    }

    /// The title of a section, or nothing when there is no such section.
    pub fn section_title(&self, id: &SectionId) -> &str {
        self.section(id).map_or("", Section::title)
    }

    /// Where a character of a section comes in reading order: comparable across sections.
    pub fn reading_position(&self, section: &SectionId, offset: usize) -> (usize, usize) {
        (self.section_index(section).unwrap_or(usize::MAX), offset)
    }

    pub fn comment(&self, id: &CommentId) -> Option<&Comment> {
        self.comments.iter().find(|c| &c.id == id)
    }

    pub fn claim(&self, id: &ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|c| &c.id == id)
    }

    /// An earlier draft by its number.
    pub fn earlier_draft(&self, number: u32) -> Option<&EarlierDraft> {
        self.earlier_drafts
            .iter()
            .find(|d| d.draft.number == number)
    }

    /// The draft that was current at `time`: the one a mark created then was made on.
    pub fn draft_number_at(&self, time: Timestamp) -> u32 {
        self.earlier_drafts
            .iter()
            .map(|d| &d.draft)
            .chain([&self.draft])
            .rev()
            .find(|d| d.imported_at <= time)
            .or_else(|| self.earlier_drafts.first().map(|d| &d.draft))
            .map_or(self.draft.number, |d| d.number)
    }

    /// The text a section had before the latest revision (its earlier sections joined), for
    /// showing what changed.
    pub fn text_before(&self, section: &Section) -> Option<String> {
        let revision = section.revision.as_ref()?;
        let earlier = self.earlier_draft(revision.from_draft)?;
        let texts: Vec<&str> = revision
            .from
            .iter()
            .filter_map(|id| earlier.section(id))
            .map(|s| s.text.as_str())
            .collect();
        Some(texts.join("\n"))
    }

    /// Marks whose place in the revised draft waits for a person: fuzzy or orphaned.
    pub fn marks_needing_attention(&self) -> usize {
        self.comments.iter().filter(|c| c.needs_attention()).count()
            + self.claims.iter().filter(|c| c.needs_attention()).count()
    }

    /// Whether a suggested sentence was dismissed (compared as [`Dismissal::key_from_sentence`]).
    pub fn is_dismissed(&self, sentence: &str) -> bool {
        let key = Dismissal::key_from_sentence(sentence);
        self.dismissed.iter().any(|d| d.sentence == key)
    }

    /// The section a mark belongs to.
    pub fn section_of_mark(&self, mark: &MarkId) -> Option<&SectionId> {
        match mark {
            MarkId::Comment(id) => self.comment(id).map(|c| &c.section),
            MarkId::Claim(id) => self.claim(id).map(|c| &c.section),
        }
    }

    pub fn comments_in<'a>(&'a self, section: &'a SectionId) -> impl Iterator<Item = &'a Comment> {
        self.comments.iter().filter(move |c| &c.section == section)
    }

    pub fn claims_in<'a>(&'a self, section: &'a SectionId) -> impl Iterator<Item = &'a Claim> {
        self.claims.iter().filter(move |c| &c.section == section)
    }

    /// How many claims and how many comments of a section are still open.
    pub fn open_claims_and_comments_in(&self, section: &SectionId) -> (usize, usize) {
        (
            self.claims_in(section).filter(|c| c.is_open()).count(),
            self.comments_in(section).filter(|c| c.is_open()).count(),
        )
    }

    pub fn progress(&self) -> ReviewProgress {
        ReviewProgress {
            sections: self.sections.len(),
            approved: self
                .sections
                .iter()
                .filter(|s| s.status == ReviewStatus::Approved)
                .count(),
            open_comments: self.comments.iter().filter(|c| c.is_open()).count(),
            open_claims: self.claims.iter().filter(|c| c.is_open()).count(),
        }
    }

    /// Checks what the type system cannot: unique ids, marks pointing at existing sections,
    /// passages inside their section's text.
    pub fn validate(&self) -> Result<(), InvalidProject> {
        if self.sections.is_empty() {
            return Err(InvalidProject::NoSections);
        }
        let mut seen = HashSet::new();
        let mut unique = |id: &str| {
            if seen.insert(id.to_owned()) {
                Ok(())
            } else {
                Err(InvalidProject::DuplicateId(id.to_owned()))
            }
        };
        for section in &self.sections {
            unique(section.id.as_str())?;
        }
        for comment in &self.comments {
            unique(comment.id.as_str())?;
            for reply in &comment.replies {
                unique(reply.id.as_str())?;
            }
        }
        for claim in &self.claims {
            unique(claim.id.as_str())?;
            // Sources are told apart within their claim (ids unset only before an upgrade).
            for source in claim.sources.iter().filter(|s| !s.id.is_unset()) {
                unique(&format!("{}/{}", claim.id, source.id))?;
            }
        }
        for conflict in &self.conflicts {
            unique(conflict.id.as_str())?;
        }
        let passages = self
            .comments
            .iter()
            .map(|c| ("comment", c.id.as_str(), &c.section, c.placed_passage()))
            .chain(
                self.claims
                    .iter()
                    .map(|c| ("claim", c.id.as_str(), &c.section, c.placed_passage())),
            );
        // Each section's length, counted once: a long section with many marks (a hostile file
        // of a few megabytes) must not cost its length once per mark.
        let lengths: HashMap<&SectionId, usize> = self
            .sections
            .iter()
            .map(|section| (&section.id, section.char_count()))
            .collect();
        for (what, id, section_id, passage) in passages {
            let Some(&len) = lengths.get(section_id) else {
                return Err(InvalidProject::UnknownSection {
                    what,
                    id: id.to_owned(),
                    section: section_id.to_string(),
                });
            };
            if let Some(passage) = passage {
                if passage.start >= passage.end {
                    return Err(InvalidProject::EmptyPassage {
                        what,
                        id: id.to_owned(),
                        start: passage.start,
                        end: passage.end,
                    });
                }
                if passage.end > len {
                    return Err(InvalidProject::PassageOutOfBounds {
                        what,
                        id: id.to_owned(),
                        start: passage.start,
                        end: passage.end,
                        len,
                    });
                }
            }
        }
        Ok(())
    }
}
