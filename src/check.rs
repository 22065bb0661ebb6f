//! The publishing gate: what still stands between the review and publication.

use std::fmt;

use crate::model::{AnchorState, Carried, ClaimStatus, Project, ReviewStatus};
use crate::text::shortened;

/// One thing that keeps the article from being ready.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenItem {
    Section {
        title: String,
        status: ReviewStatus,
        /// It was approved, and the revised draft changed its text.
        changed_since_approval: bool,
    },
    Comment {
        section: String,
        quote: Option<String>,
        author: String,
        body: String,
        /// Fuzzy or orphaned after a revision: its place waits for a person.
        unsettled: Option<AnchorState>,
    },
    Claim {
        section: String,
        quote: String,
        status: ClaimStatus,
        /// Fuzzy or orphaned after a revision: its place waits for a person.
        unsettled: Option<AnchorState>,
    },
    /// Two reviewers' changes a merge could not reconcile, until a person picks one.
    Conflict {
        /// The conflict in words ([`crate::model::Conflict::describe`]).
        described: String,
    },
    /// The tracked changes of the imported Word draft nobody has acknowledged yet: accepted
    /// into the text on import, so words nobody in the review has read as a change. One
    /// item for all of them, however many a redlined draft brought.
    TrackedChanges { count: usize },
}

fn unsettled(carried: Option<&Carried>) -> Option<AnchorState> {
    carried.map(|c| c.state).filter(|s| s.needs_attention())
}

/// Everything still open, in reading order: sections not approved, unresolved comments,
/// claims neither verified nor dealt with — and claims whose place in a revised draft nobody
/// has confirmed, verified or not (the verified words may be gone) — then the tracked changes
/// not yet acknowledged, as one item, and, last, the conflicts a merge left for a person to
/// settle.
pub fn open_items(project: &Project) -> Vec<OpenItem> {
    let mut items = Vec::new();
    for section in &project.sections {
        if section.status != ReviewStatus::Approved {
            items.push(OpenItem::Section {
                title: section.title().to_owned(),
                status: section.status,
                changed_since_approval: section.changed_since_approval(),
            });
        }
    }
    for section in &project.sections {
        let remarks = project
            .comments_in(&section.id)
            .filter(|c| c.is_open() && !c.is_tracked_change());
        for comment in remarks {
            items.push(OpenItem::Comment {
                section: section.title().to_owned(),
                quote: comment.passage.as_ref().map(|p| p.quote.clone()),
                author: comment.author.clone(),
                body: comment.body.clone(),
                unsettled: unsettled(comment.carried.as_ref()),
            });
        }
        for claim in project
            .claims_in(&section.id)
            .filter(|c| c.is_open() || c.needs_attention())
        {
            items.push(OpenItem::Claim {
                section: section.title().to_owned(),
                quote: claim.passage.quote.clone(),
                status: claim.status,
                unsettled: unsettled(claim.carried.as_ref()),
            });
        }
    }
    let unreviewed = crate::query::unreviewed_changes(project);
    if unreviewed > 0 {
        items.push(OpenItem::TrackedChanges { count: unreviewed });
    }
    items.extend(project.conflicts.iter().map(|conflict| OpenItem::Conflict {
        described: conflict.describe(project),
    }));
    items
}

impl fmt::Display for OpenItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Section {
                title,
                status,
                changed_since_approval,
            } => {
                write!(
                    f,
                    "section “{title}” is not approved ({})",
                    status.label().to_lowercase()
                )?;
                if *changed_since_approval {
                    write!(f, " — changed since approval")?;
                }
                Ok(())
            }
            Self::Comment {
                section,
                quote,
                author,
                body,
                unsettled,
            } => {
                let on = quote.as_deref().map_or_else(
                    || "the section".to_owned(),
                    |q| format!("“{}”", shortened(q, 60)),
                );
                write!(
                    f,
                    "open comment by {author} on {on} in “{section}”: {}",
                    shortened(body.trim(), 80)
                )?;
                write_unsettled(f, *unsettled)
            }
            Self::Claim {
                section,
                quote,
                status,
                unsettled,
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
                )?;
                write_unsettled(f, *unsettled)
            }
            Self::Conflict { described } => write!(f, "merge conflict on {described}"),
            Self::TrackedChanges { count } => write!(
                f,
                "{} not yet reviewed",
                crate::text::counted(*count, "tracked change", "tracked changes")
            ),
        }
    }
}

fn write_unsettled(f: &mut fmt::Formatter<'_>, unsettled: Option<AnchorState>) -> fmt::Result {
    match unsettled {
        Some(AnchorState::Fuzzy) => write!(f, " — fuzzy after the revision: confirm its new place"),
        Some(_) => write!(f, " — orphaned by the revision: re-attach it or resolve it"),
        None => Ok(()),
    }
}
