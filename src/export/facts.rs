//! The words both review reports say, as plain text: the Markdown and the HTML report format
//! the same facts, so they are worded once, here (and a source as a Word comment says it).

use crate::model::{AnchorState, Carried, Claim, Project, Source, SourceRank};
use crate::text::{counted, one_line, readable_timestamp};

/// Which draft the review is of: "Draft 2: essay.docx (Word document), imported …", and for a
/// page imported from a web address, which version of it: ", fetched from ADDRESS on DATE".
pub fn draft_line(project: &Project) -> String {
    let draft = &project.draft;
    let mut line = format!(
        "Draft {}: {} ({}), imported {}",
        draft.number,
        draft.file_name,
        draft.format.label(),
        readable_timestamp(draft.imported_at)
    );
    if let Some(fetched) = &draft.fetched {
        line.push_str(&format!(
            ", fetched from {} on {}",
            fetched.address,
            readable_timestamp(fetched.at)
        ));
    }
    line
}

/// The totals of the summary, one line each; lines about revisions and tracked changes only
/// when there are some.
pub fn totals(project: &Project) -> Vec<String> {
    let progress = project.progress();
    let unreviewed = crate::query::unreviewed_changes(project);
    let mut lines = vec![
        format!(
            "{} of {} approved",
            progress.approved,
            counted(progress.sections, "section", "sections")
        ),
        counted(progress.open_claims, "open claim", "open claims"),
        // Tracked changes are counted apart from the comments they are kept as.
        counted(
            progress.open_comments.saturating_sub(unreviewed),
            "open comment",
            "open comments",
        ),
    ];
    if unreviewed > 0 {
        lines.push(format!(
            "{} not yet reviewed",
            counted(unreviewed, "tracked change", "tracked changes")
        ));
    }
    let to_confirm = project.marks_needing_attention();
    if to_confirm > 0 {
        lines.push(format!(
            "{} still to confirm or re-attach after the revision",
            counted(to_confirm, "mark", "marks")
        ));
    }
    if !project.draft.tracked_changes.is_empty() {
        let by_author: Vec<String> = project
            .draft
            .tracked_changes
            .iter()
            .map(|t| {
                format!(
                    "{} ({}, {})",
                    one_line(&t.author),
                    counted(t.insertions, "insertion", "insertions"),
                    counted(t.deletions, "deletion", "deletions")
                )
            })
            .collect();
        lines.push(format!(
            "Tracked changes pending at import (accepted into this text): {}",
            by_author.join("; ")
        ));
    }
    lines
}

/// Whether the article can go out, and the sentence that says so.
pub fn readiness(project: &Project) -> (bool, String) {
    let open = crate::check::open_items(project).len();
    if open == 0 {
        (
            true,
            "Ready to publish: every section is approved and nothing is open.".to_owned(),
        )
    } else {
        (
            false,
            format!(
                "Not ready to publish: {} still open.",
                counted(open, "item is", "items are")
            ),
        )
    }
}

/// What a reader must know about where a mark sits after a revised draft; nothing when it sits
/// where it was made, or a person already settled it.
pub fn placement_note(carried: Option<&Carried>) -> Option<String> {
    let carried = carried?;
    let from = carried.from_draft;
    match carried.state {
        AnchorState::Exact | AnchorState::Confirmed | AnchorState::Reattached => None,
        AnchorState::Moved => Some(format!("Moved to another place since draft {from}")),
        AnchorState::Fuzzy => Some(match carried.similarity {
            Some(percent) => {
                format!("Placed on similar text ({percent}% alike) since draft {from}: to confirm")
            }
            None => format!("Placed on similar text since draft {from}: to confirm"),
        }),
        AnchorState::Orphaned => Some(format!(
            "Not placed in this draft: its passage from draft {from} was not found"
        )),
        AnchorState::Removed => Some(format!(
            "Its passage from draft {from} is no longer in the article"
        )),
    }
}

/// For an incorrect or unverifiable claim, what was done about it in the text.
pub fn dealt_with_text(claim: &Claim) -> Option<String> {
    if !claim.status.can_be_dealt_with() {
        return None;
    }
    Some(match claim.dealt_with {
        Some(dealt_with) => format!("Dealt with: {}", dealt_with.label().to_lowercase()),
        None => "Not yet corrected or cut".to_owned(),
    })
}

/// A source's rank, the day it was consulted and its note, as far as they are known.
pub fn source_details(source: &Source) -> Vec<String> {
    let mut details = Vec::new();
    if source.rank != SourceRank::Unspecified {
        details.push(format!("{} source", source.rank.label().to_lowercase()));
    }
    if let Some(accessed) = source.accessed {
        details.push(format!("accessed {accessed}"));
    }
    if !source.note.trim().is_empty() {
        details.push(one_line(&source.note));
    }
    details
}

/// A source in one line, as a Word comment gives it to the writer: "Source (Primary): title
/// <address>, accessed 2026-03-02"; the rank only when someone set it.
pub fn source_line(source: &Source) -> String {
    let mut line = match source.rank {
        SourceRank::Unspecified => "Source: ".to_owned(),
        rank => format!("Source ({}): ", rank.label()),
    };
    let (title, url) = (source.title.trim(), source.url.trim());
    match (title.is_empty(), url.is_empty()) {
        (false, false) => line.push_str(&format!("{title} <{url}>")),
        (false, true) => line.push_str(title),
        _ => line.push_str(url),
    }
    if let Some(accessed) = source.accessed {
        line.push_str(&format!(", accessed {accessed}"));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_line_leaves_out_a_rank_nobody_set() {
        let source = Source {
            url: " https://example.org/a ".to_owned(),
            title: "Minutes".to_owned(),
            ..Source::default()
        };
        assert_eq!(
            source_line(&source),
            "Source: Minutes <https://example.org/a>"
        );
        let ranked = Source {
            rank: SourceRank::Secondary,
            title: String::new(),
            ..source
        };
        assert_eq!(
            source_line(&ranked),
            "Source (Secondary): https://example.org/a"
        );
    }
}
