//! What an edit does, in words, for the Undo and Redo menu items ("Undo edit comment").
//!
//! Described against the project before the edit is applied, so a removal can still name
//! what it removes.

use crate::model::{AnchorState, ClaimId, Project, SectionId};
use crate::text::shortened;

use super::Edit;

impl Edit {
    /// What the edit does, for the Undo and Redo menu items ("Undo set status of …").
    pub fn describe(&self, project: &Project) -> String {
        let section_title = |id: &SectionId| {
            project
                .section(id)
                .map_or_else(|| id.to_string(), |s| shortened(s.title(), 40))
        };
        let claim_quote = |id: &ClaimId| {
            project
                .claim(id)
                .map_or_else(|| id.to_string(), |c| shortened(&c.passage.quote, 30))
        };
        match self {
            Self::SetSectionStatus {
                section, status, ..
            } => format!(
                "mark “{}” {}",
                section_title(section),
                status.label().to_lowercase()
            ),
            Self::AddComment { comment, .. } => match &comment.passage {
                Some(passage) => format!("comment on “{}”", shortened(&passage.quote, 30)),
                None => format!("comment on section “{}”", section_title(&comment.section)),
            },
            Self::RemoveComment { .. } => "delete comment".to_owned(),
            Self::SetCommentBody { .. } => "edit comment".to_owned(),
            Self::SetCommentResolved { resolved, .. } => {
                if resolved.is_some() {
                    "resolve comment".to_owned()
                } else {
                    "reopen comment".to_owned()
                }
            }
            Self::AddReply { .. } => "reply".to_owned(),
            Self::RemoveReply { .. } => "delete reply".to_owned(),
            Self::SetReplyBody { .. } => "edit reply".to_owned(),
            Self::AddClaim { claim, .. } => {
                format!("flag claim “{}”", shortened(&claim.passage.quote, 30))
            }
            Self::RemoveClaim { id, .. } => format!("remove claim “{}”", claim_quote(id)),
            Self::SetClaimStatus { id, status } => format!(
                "mark claim “{}” {}",
                claim_quote(id),
                status.label().to_lowercase()
            ),
            Self::RecordStatusChange { .. } | Self::ForgetStatusChange { .. } => {
                "claim history".to_owned()
            }
            Self::Dismiss { dismissal, .. } => {
                format!(
                    "dismiss suggestion “{}”",
                    shortened(&dismissal.sentence, 30)
                )
            }
            Self::Undismiss { sentence } => {
                format!("restore suggestion “{}”", shortened(sentence, 30))
            }
            Self::SetClaimNote { .. } => "edit claim note".to_owned(),
            Self::SetClaimDealtWith { .. } => "mark claim dealt with".to_owned(),
            Self::AddSource { .. } => "add source".to_owned(),
            Self::RemoveSource { .. } => "remove source".to_owned(),
            Self::SetSource { .. } => "edit source".to_owned(),
            Self::SetPlacement { carried, .. } => match carried.as_ref().map(|c| c.state) {
                Some(AnchorState::Confirmed) => "confirm a mark's new place",
                Some(AnchorState::Reattached) => "re-attach a mark",
                Some(AnchorState::Removed) => "resolve an orphaned mark",
                Some(AnchorState::Orphaned) => "reject a mark's proposed place",
                _ => "move a mark",
            }
            .to_owned(),
            Self::Revise { project: revised } => format!(
                "import draft {} ({})",
                revised.draft.number, revised.draft.file_name
            ),
            Self::Merge { from, .. } => format!("merge {from}"),
            Self::NoteReviewer { reviewer } => format!("note reviewer {}", reviewer.name),
            Self::ForgetReviewer { .. } => "forget reviewer".to_owned(),
            Self::AddConflict { .. } => "keep a merge conflict".to_owned(),
            Self::RemoveConflict { .. } => "settle a merge conflict".to_owned(),
            Self::Batch { label, .. } => label.clone(),
        }
    }
}
