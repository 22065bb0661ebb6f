//! A section of the article: an optional heading, its body text and its review status.

use serde::{Deserialize, Serialize};

use super::ids::SectionId;
use super::stamp::Stamp;

/// Where a section stands in the review. The order is the order of the workflow.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ReviewStatus {
    #[default]
    Unreviewed,
    InReview,
    NeedsChanges,
    Approved,
}

impl ReviewStatus {
    pub const ALL: [Self; 4] = [
        Self::Unreviewed,
        Self::InReview,
        Self::NeedsChanges,
        Self::Approved,
    ];

    /// The word shown to people, in the desk and in reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unreviewed => "Unreviewed",
            Self::InReview => "In review",
            Self::NeedsChanges => "Needs changes",
            Self::Approved => "Approved",
        }
    }

    /// A stable machine name, used in the JSON report.
    pub fn key(self) -> &'static str {
        match self {
            Self::Unreviewed => "unreviewed",
            Self::InReview => "in_review",
            Self::NeedsChanges => "needs_changes",
            Self::Approved => "approved",
        }
    }
}

/// One section of the article. The untitled opening has no heading.
///
/// `text` holds the body, one paragraph per line (`'\n'` between paragraphs). Mark positions
/// are character (not byte) offsets into it. In the project file it is written as a list of
/// paragraphs, which keeps long articles readable and diffable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: SectionId,
    #[serde(default)]
    pub heading: Option<String>,
    /// Heading level, 1 (top) to 6; 0 for the untitled opening.
    #[serde(default)]
    pub level: u8,
    #[serde(default)]
    pub status: ReviewStatus,
    /// Who set the status, and when; `None` until someone sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_set: Option<Stamp>,
    #[serde(rename = "paragraphs", with = "paragraph_list")]
    pub text: String,
    /// Where the section came from in the previous draft, when the project has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<SectionRevision>,
}

/// How a section of a revised draft relates to the draft before it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionRevision {
    /// The draft (numbered from 1) it is compared with.
    pub from_draft: u32,
    /// The sections of that draft its text came from: none for a new section, several when
    /// sections were merged. Ids of [`crate::model::EarlierDraft::sections`].
    #[serde(default)]
    pub from: Vec<SectionId>,
    /// Its status before the revision.
    pub status_before: ReviewStatus,
    /// Its heading before, when the heading changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading_before: Option<String>,
    /// Whether its text differs (beyond white space and typographic quotes) from the text of
    /// the sections it came from.
    pub text_changed: bool,
}

impl SectionRevision {
    /// An approved section whose text the writer changed: its approval was withdrawn.
    pub fn changed_since_approval(&self) -> bool {
        self.status_before == ReviewStatus::Approved && self.text_changed
    }

    pub fn is_new(&self) -> bool {
        self.from.is_empty()
    }
}

impl Section {
    pub fn new(heading: Option<String>, level: u8, paragraphs: &[String]) -> Self {
        Self {
            id: SectionId::random(),
            heading,
            level,
            status: ReviewStatus::Unreviewed,
            status_set: None,
            text: paragraphs.join("\n"),
            revision: None,
        }
    }

    /// Whether a revised draft changed this section's words after it was approved.
    pub fn changed_since_approval(&self) -> bool {
        self.revision
            .as_ref()
            .is_some_and(SectionRevision::changed_since_approval)
    }

    /// The heading, or a stand-in for the untitled opening, for lists and messages.
    pub fn title(&self) -> &str {
        self.heading.as_deref().unwrap_or("Opening")
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text.split('\n')
    }

    /// Length of the body in characters: the upper bound of mark positions.
    pub fn char_count(&self) -> usize {
        self.text.chars().count()
    }
}

/// Writes `text` as a list of paragraphs and reads it back.
mod paragraph_list {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
        if text.is_empty() {
            return serializer.collect_seq(std::iter::empty::<&str>());
        }
        serializer.collect_seq(text.split('\n'))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        let paragraphs = Vec::<String>::deserialize(deserializer)?;
        if let Some(bad) = paragraphs.iter().position(|p| p.contains('\n')) {
            return Err(serde::de::Error::custom(format!(
                "paragraph {} contains a line break; each paragraph is one string",
                bad + 1
            )));
        }
        Ok(paragraphs.join("\n"))
    }
}
