//! A claim checked before, reused: its sources and verdict copied into a claim of the open
//! review as one undoable edit. The status becomes In progress, not the old verdict: the
//! reviewer confirms it for this draft, and the note says where the sources came from.

use jiff::Timestamp;

use super::record::LibraryClaim;
use crate::edit::Edit;
use crate::model::{Claim, ClaimStatus, Reviewer, Source, SourceId, Stamp};

/// The edit that copies `checked`'s sources and verdict into `claim`: each source added (with
/// a new id, stamped as added now by `by`), the status set to In progress (recorded in its
/// history) unless the claim is already settled, and a line appended to the note naming the
/// article, the verdict, who checked it and when, and the verdict note.
pub fn reuse_edit(claim: &Claim, checked: &LibraryClaim, by: &Reviewer, now: Timestamp) -> Edit {
    let mut edits = Vec::new();
    let known_urls: Vec<&str> = claim
        .sources
        .iter()
        .map(|source| source.url.as_str())
        .filter(|url| !url.is_empty())
        .collect();
    for source in &checked.sources {
        if !source.url.is_empty() && known_urls.contains(&source.url.as_str()) {
            continue;
        }
        edits.push(Edit::AddSource {
            claim: claim.id.clone(),
            index: usize::MAX,
            source: Source {
                id: SourceId::random(),
                added: Some(Stamp::new(by, now)),
                ..source.clone()
            },
        });
    }
    if matches!(claim.status, ClaimStatus::NeedsSource) {
        if let Edit::Batch { edits: status, .. } =
            Edit::claim_status_change(claim, ClaimStatus::InProgress, by, now)
        {
            edits.extend(status);
        }
    }
    let line = reused_note(checked);
    let note = if claim.note.trim().is_empty() {
        line
    } else {
        format!("{}\n{line}", claim.note.trim_end())
    };
    edits.push(Edit::SetClaimNote {
        id: claim.id.clone(),
        note,
    });
    Edit::Batch {
        label: format!(
            "reuse the check of “{}”",
            crate::text::shortened(&checked.quote, 30)
        ),
        edits,
    }
}

/// The note's line saying where reused sources and verdict came from.
pub fn reused_note(checked: &LibraryClaim) -> String {
    let mut line = format!(
        "Checked before in “{}”: {} by {} on {} ({}).",
        checked.article,
        checked.status.label().to_lowercase(),
        checked.checked_by,
        checked.checked_at.strftime("%Y-%m-%d"),
        crate::text::counted(checked.sources.len(), "source", "sources"),
    );
    if !checked.note.trim().is_empty() {
        line.push_str(&format!(
            " Their note: {}",
            crate::text::one_line(&checked.note)
        ));
    }
    line.push_str(" Confirm for this draft.");
    line
}
