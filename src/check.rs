//! The publishing gate: what still stands between the review and publication.

use std::fmt;

use crate::model::{ClaimStatus, Project, ReviewStatus};
use crate::text::shortened;

/// One thing that keeps the article from being ready.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenItem {
    Section {
        title: String,
        status: ReviewStatus,
    },
    Comment {
        section: String,
        quote: Option<String>,
        author: String,
        body: String,
    },
    Claim {
        section: String,
        quote: String,
        status: ClaimStatus,
    },
}

/// Everything still open, in reading order: sections not approved, unresolved comments,
/// claims neither verified nor dealt with.
pub fn open_items(project: &Project) -> Vec<OpenItem> {
    let mut items = Vec::new();
    for section in &project.sections {
        if section.status != ReviewStatus::Approved {
            items.push(OpenItem::Section {
                title: section.title().to_owned(),
                status: section.status,
            });
        }
    }
    for section in &project.sections {
        for comment in project.comments_in(&section.id).filter(|c| c.is_open()) {
            items.push(OpenItem::Comment {
                section: section.title().to_owned(),
                quote: comment.passage.as_ref().map(|p| p.quote.clone()),
                author: comment.author.clone(),
                body: comment.body.clone(),
            });
        }
        for claim in project.claims_in(&section.id).filter(|c| c.is_open()) {
            items.push(OpenItem::Claim {
                section: section.title().to_owned(),
                quote: claim.passage.quote.clone(),
                status: claim.status,
            });
        }
    }
    items
}

impl fmt::Display for OpenItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Section { title, status } => write!(
                f,
                "section “{title}” is not approved ({})",
                status.label().to_lowercase()
            ),
            Self::Comment {
                section,
                quote,
                author,
                body,
            } => {
                let on = quote.as_deref().map_or_else(
                    || "the section".to_owned(),
                    |q| format!("“{}”", shortened(q, 60)),
                );
                write!(
                    f,
                    "open comment by {author} on {on} in “{section}”: {}",
                    shortened(body.trim(), 80)
                )
            }
            Self::Claim {
                section,
                quote,
                status,
            } => {
                let state = if status.can_be_dealt_with() {
                    format!(
                        "{}, not yet corrected or cut",
                        status.label().to_lowercase()
                    )
                } else {
                    status.label().to_lowercase()
                };
                write!(
                    f,
                    "claim “{}” in “{section}”: {state}",
                    shortened(quote, 200)
                )
            }
        }
    }
}
