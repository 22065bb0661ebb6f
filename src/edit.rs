//! Every change to a review, as a value.
//!
//! The desk never changes a [`Project`] directly: it emits an [`Edit`], and
//! [`crate::document::Document`] applies it. Applying an edit returns its inverse, so undo,
//! redo, autosave, tests and (later) merging all see the same stream of values.

use thiserror::Error;

use jiff::Timestamp;

use crate::model::{
    AnchorState, Carried, Claim, ClaimId, ClaimStatus, Comment, CommentId, DealtWith, Dismissal,
    InvalidProject, MarkId, Passage, Project, Reply, ReplyId, Resolution, ReviewStatus, SectionId,
    Source, StatusChange,
};
use crate::text::{char_count, shortened};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    SetSectionStatus {
        section: SectionId,
        status: ReviewStatus,
    },
    /// Inserts a comment at `index` in the project's list (clamped to its end).
    AddComment {
        index: usize,
        comment: Box<Comment>,
    },
    RemoveComment {
        id: CommentId,
    },
    SetCommentBody {
        id: CommentId,
        body: String,
    },
    SetCommentResolved {
        id: CommentId,
        resolved: Option<Resolution>,
    },
    AddReply {
        comment: CommentId,
        index: usize,
        reply: Reply,
    },
    RemoveReply {
        comment: CommentId,
        reply: ReplyId,
    },
    SetReplyBody {
        comment: CommentId,
        reply: ReplyId,
        body: String,
    },
    /// Inserts a claim at `index` in the project's list (clamped to its end).
    AddClaim {
        index: usize,
        claim: Box<Claim>,
    },
    RemoveClaim {
        id: ClaimId,
    },
    SetClaimStatus {
        id: ClaimId,
        status: ClaimStatus,
    },
    /// Appends a step to a claim's status history.
    RecordStatusChange {
        claim: ClaimId,
        change: StatusChange,
    },
    /// Removes the newest step of a claim's status history (the inverse of recording it).
    ForgetStatusChange {
        claim: ClaimId,
    },
    SetClaimNote {
        id: ClaimId,
        note: String,
    },
    SetClaimDealtWith {
        id: ClaimId,
        dealt_with: Option<DealtWith>,
    },
    AddSource {
        claim: ClaimId,
        index: usize,
        source: Source,
    },
    RemoveSource {
        claim: ClaimId,
        index: usize,
    },
    SetSource {
        claim: ClaimId,
        index: usize,
        source: Source,
    },
    /// Remembers a suggestion as turned down, at `index` in the list (clamped to its end).
    Dismiss {
        index: usize,
        dismissal: Dismissal,
    },
    /// Forgets that a sentence's suggestion was turned down.
    Undismiss {
        sentence: String,
    },
    /// Puts a mark on a passage, or records what a person decided about where a revised
    /// draft put it.
    SetPlacement {
        mark: MarkId,
        section: SectionId,
        /// Required for a claim; `None` makes a comment one on the whole section.
        passage: Option<Passage>,
        carried: Option<Box<Carried>>,
    },
    /// Replaces the whole project: a revised draft coming in (its inverse puts the previous
    /// draft back), so a re-import is undone as one step.
    Revise {
        project: Box<Project>,
    },
    /// Several edits applied, and undone, as one step.
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
}

impl Edit {
    /// Whether the edit changes only the words of a comment, a reply, a claim's note or a
    /// source: nothing about the text, where marks sit, whether they are open, or what is
    /// decided. Views derived from those (highlights, counts, the marks of each section)
    /// stay valid, so typing a comment in a book does not rebuild them at every key.
    pub fn changes_only_words(&self) -> bool {
        match self {
            Self::SetCommentBody { .. }
            | Self::SetReplyBody { .. }
            | Self::SetClaimNote { .. }
            | Self::SetSource { .. } => true,
            Self::Batch { edits, .. } => edits.iter().all(Self::changes_only_words),
            _ => false,
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    #[error("there is no section {0}")]
    UnknownSection(SectionId),
    #[error("there is no comment {0}")]
    UnknownComment(CommentId),
    #[error("there is no reply {reply} in comment {comment}")]
    UnknownReply { comment: CommentId, reply: ReplyId },
    #[error("there is no claim {0}")]
    UnknownClaim(ClaimId),
    #[error("claim {0} has no status history to take back")]
    NoStatusHistory(ClaimId),
    #[error("the sentence “{0}” is already dismissed")]
    AlreadyDismissed(String),
    #[error("the sentence “{0}” was not dismissed")]
    NotDismissed(String),
    #[error("claim {claim} has no source number {index}")]
    UnknownSource { claim: ClaimId, index: usize },
    #[error("the id {0} is already in use")]
    DuplicateId(String),
    #[error("a claim must keep a passage")]
    ClaimWithoutPassage(ClaimId),
    #[error("the revised project is inconsistent: {0}")]
    InvalidRevision(InvalidProject),
    #[error("the passage {start}..{end} lies outside its section ({len} characters)")]
    PassageOutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
}

impl Edit {
    /// Appends `comment` to the project's comments.
    pub fn add_comment(comment: Comment) -> Self {
        Self::AddComment {
            index: usize::MAX,
            comment: Box::new(comment),
        }
    }

    /// Appends `claim` to the project's claims.
    pub fn add_claim(claim: Claim) -> Self {
        Self::AddClaim {
            index: usize::MAX,
            claim: Box::new(claim),
        }
    }

    /// Sets a claim's status and records who did it when, as one step.
    pub fn claim_status_change(
        claim: &Claim,
        status: ClaimStatus,
        by: &str,
        at: Timestamp,
    ) -> Self {
        Self::Batch {
            label: format!(
                "mark claim “{}” {}",
                shortened(&claim.passage.quote, 30),
                status.label().to_lowercase()
            ),
            edits: vec![
                Self::SetClaimStatus {
                    id: claim.id.clone(),
                    status,
                },
                Self::RecordStatusChange {
                    claim: claim.id.clone(),
                    change: StatusChange {
                        status,
                        by: by.to_owned(),
                        at,
                    },
                },
            ],
        }
    }

    /// Appends `reply` to a comment's thread.
    pub fn add_reply(comment: CommentId, reply: Reply) -> Self {
        Self::AddReply {
            comment,
            index: usize::MAX,
            reply,
        }
    }

    /// Applies the edit and returns the edit that undoes it.
    ///
    /// On error the project is unchanged (a failing [`Edit::Batch`] rolls back what it did).
    pub fn apply(self, project: &mut Project) -> Result<Self, EditError> {
        match self {
            Self::SetSectionStatus { section, status } => {
                let target = section_mut(project, &section)?;
                let old = std::mem::replace(&mut target.status, status);
                Ok(Self::SetSectionStatus {
                    section,
                    status: old,
                })
            }
            Self::AddComment { index, comment } => {
                check_new_mark(project, comment.id.as_str(), &comment.section)?;
                if let Some(passage) = comment.placed_passage() {
                    check_passage(project, &comment.section, passage.start, passage.end)?;
                }
                for reply in &comment.replies {
                    check_unused_id(project, reply.id.as_str())?;
                }
                let index = index.min(project.comments.len());
                let id = comment.id.clone();
                project.comments.insert(index, *comment);
                Ok(Self::RemoveComment { id })
            }
            Self::RemoveComment { id } => {
                let index = comment_index(project, &id)?;
                let comment = project.comments.remove(index);
                Ok(Self::AddComment {
                    index,
                    comment: Box::new(comment),
                })
            }
            Self::SetCommentBody { id, body } => {
                let comment = comment_mut(project, &id)?;
                let old = std::mem::replace(&mut comment.body, body);
                Ok(Self::SetCommentBody { id, body: old })
            }
            Self::SetCommentResolved { id, resolved } => {
                let comment = comment_mut(project, &id)?;
                let old = std::mem::replace(&mut comment.resolved, resolved);
                Ok(Self::SetCommentResolved { id, resolved: old })
            }
            Self::AddReply {
                comment,
                index,
                reply,
            } => {
                check_unused_id(project, reply.id.as_str())?;
                let thread = comment_mut(project, &comment)?;
                let index = index.min(thread.replies.len());
                let reply_id = reply.id.clone();
                thread.replies.insert(index, reply);
                Ok(Self::RemoveReply {
                    comment,
                    reply: reply_id,
                })
            }
            Self::RemoveReply { comment, reply } => {
                let thread = comment_mut(project, &comment)?;
                let index = thread
                    .replies
                    .iter()
                    .position(|r| r.id == reply)
                    .ok_or_else(|| EditError::UnknownReply {
                        comment: comment.clone(),
                        reply: reply.clone(),
                    })?;
                let removed = thread.replies.remove(index);
                Ok(Self::AddReply {
                    comment,
                    index,
                    reply: removed,
                })
            }
            Self::SetReplyBody {
                comment,
                reply,
                body,
            } => {
                let thread = comment_mut(project, &comment)?;
                let Some(target) = thread.replies.iter_mut().find(|r| r.id == reply) else {
                    return Err(EditError::UnknownReply { comment, reply });
                };
                let old = std::mem::replace(&mut target.body, body);
                Ok(Self::SetReplyBody {
                    comment,
                    reply,
                    body: old,
                })
            }
            Self::AddClaim { index, claim } => {
                check_new_mark(project, claim.id.as_str(), &claim.section)?;
                if let Some(passage) = claim.placed_passage() {
                    check_passage(project, &claim.section, passage.start, passage.end)?;
                }
                let index = index.min(project.claims.len());
                let id = claim.id.clone();
                project.claims.insert(index, *claim);
                Ok(Self::RemoveClaim { id })
            }
            Self::RemoveClaim { id } => {
                let index = claim_index(project, &id)?;
                let claim = project.claims.remove(index);
                Ok(Self::AddClaim {
                    index,
                    claim: Box::new(claim),
                })
            }
            Self::SetClaimStatus { id, status } => {
                let claim = claim_mut(project, &id)?;
                let old = std::mem::replace(&mut claim.status, status);
                Ok(Self::SetClaimStatus { id, status: old })
            }
            Self::RecordStatusChange { claim, change } => {
                claim_mut(project, &claim)?.history.push(change);
                Ok(Self::ForgetStatusChange { claim })
            }
            Self::ForgetStatusChange { claim } => {
                let Some(change) = claim_mut(project, &claim)?.history.pop() else {
                    return Err(EditError::NoStatusHistory(claim));
                };
                Ok(Self::RecordStatusChange { claim, change })
            }
            Self::Dismiss { index, dismissal } => {
                if project.is_dismissed(&dismissal.sentence) {
                    return Err(EditError::AlreadyDismissed(dismissal.sentence));
                }
                let sentence = dismissal.sentence.clone();
                let index = index.min(project.dismissed.len());
                project.dismissed.insert(index, dismissal);
                Ok(Self::Undismiss { sentence })
            }
            Self::Undismiss { sentence } => {
                let key = Dismissal::key_from_sentence(&sentence);
                let Some(index) = project.dismissed.iter().position(|d| d.sentence == key) else {
                    return Err(EditError::NotDismissed(sentence));
                };
                let dismissal = project.dismissed.remove(index);
                Ok(Self::Dismiss { index, dismissal })
            }
            Self::SetClaimNote { id, note } => {
                let claim = claim_mut(project, &id)?;
                let old = std::mem::replace(&mut claim.note, note);
                Ok(Self::SetClaimNote { id, note: old })
            }
            Self::SetClaimDealtWith { id, dealt_with } => {
                let claim = claim_mut(project, &id)?;
                let old = std::mem::replace(&mut claim.dealt_with, dealt_with);
                Ok(Self::SetClaimDealtWith {
                    id,
                    dealt_with: old,
                })
            }
            Self::AddSource {
                claim,
                index,
                source,
            } => {
                let target = claim_mut(project, &claim)?;
                let index = index.min(target.sources.len());
                target.sources.insert(index, source);
                Ok(Self::RemoveSource { claim, index })
            }
            Self::RemoveSource { claim, index } => {
                let target = claim_mut(project, &claim)?;
                if index >= target.sources.len() {
                    return Err(EditError::UnknownSource { claim, index });
                }
                let source = target.sources.remove(index);
                Ok(Self::AddSource {
                    claim,
                    index,
                    source,
                })
            }
            Self::SetSource {
                claim,
                index,
                source,
            } => {
                let target = claim_mut(project, &claim)?;
                let Some(slot) = target.sources.get_mut(index) else {
                    return Err(EditError::UnknownSource { claim, index });
                };
                let old = std::mem::replace(slot, source);
                Ok(Self::SetSource {
                    claim,
                    index,
                    source: old,
                })
            }
            Self::SetPlacement {
                mark,
                section,
                passage,
                carried,
            } => {
                if project.section(&section).is_none() {
                    return Err(EditError::UnknownSection(section));
                }
                let placed = carried.as_ref().is_none_or(|c| c.state.is_placed());
                if let Some(passage) = passage.as_ref().filter(|_| placed) {
                    check_passage(project, &section, passage.start, passage.end)?;
                }
                let carried = carried.map(|c| *c);
                let (old_section, old_passage, old_carried) = match &mark {
                    MarkId::Comment(id) => {
                        let comment = comment_mut(project, id)?;
                        (
                            std::mem::replace(&mut comment.section, section),
                            std::mem::replace(&mut comment.passage, passage),
                            std::mem::replace(&mut comment.carried, carried),
                        )
                    }
                    MarkId::Claim(id) => {
                        let Some(passage) = passage else {
                            return Err(EditError::ClaimWithoutPassage(id.clone()));
                        };
                        let claim = claim_mut(project, id)?;
                        (
                            std::mem::replace(&mut claim.section, section),
                            Some(std::mem::replace(&mut claim.passage, passage)),
                            std::mem::replace(&mut claim.carried, carried),
                        )
                    }
                };
                Ok(Self::SetPlacement {
                    mark,
                    section: old_section,
                    passage: old_passage,
                    carried: old_carried.map(Box::new),
                })
            }
            Self::Revise { project: revised } => {
                revised.validate().map_err(EditError::InvalidRevision)?;
                let old = std::mem::replace(project, *revised);
                Ok(Self::Revise {
                    project: Box::new(old),
                })
            }
            Self::Batch { label, edits } => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(project) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            for inverse in inverses.into_iter().rev() {
                                // Each inverse was produced against exactly this state, so it applies.
                                let _ = inverse.apply(project);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Self::Batch {
                    label,
                    edits: inverses,
                })
            }
        }
    }

    /// Whether this edit, following `earlier`, continues the same change (typing in the
    /// same field) and should be undone together with it.
    pub fn continues(&self, earlier: &Self) -> bool {
        match (self, earlier) {
            (Self::SetCommentBody { id: a, .. }, Self::SetCommentBody { id: b, .. }) => a == b,
            (Self::SetClaimNote { id: a, .. }, Self::SetClaimNote { id: b, .. }) => a == b,
            (
                Self::SetReplyBody {
                    comment: a,
                    reply: ra,
                    ..
                },
                Self::SetReplyBody {
                    comment: b,
                    reply: rb,
                    ..
                },
            ) => a == b && ra == rb,
            (
                Self::SetSource {
                    claim: a,
                    index: ia,
                    ..
                },
                Self::SetSource {
                    claim: b,
                    index: ib,
                    ..
                },
            ) => a == b && ia == ib,
            _ => false,
        }
    }

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
            Self::SetSectionStatus { section, status } => format!(
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
            Self::RemoveClaim { id } => format!("remove claim “{}”", claim_quote(id)),
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
            Self::Batch { label, .. } => label.clone(),
        }
    }
}

fn section_mut<'a>(
    project: &'a mut Project,
    id: &SectionId,
) -> Result<&'a mut crate::model::Section, EditError> {
    project
        .sections
        .iter_mut()
        .find(|s| &s.id == id)
        .ok_or_else(|| EditError::UnknownSection(id.clone()))
}

fn comment_index(project: &Project, id: &CommentId) -> Result<usize, EditError> {
    project
        .comments
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| EditError::UnknownComment(id.clone()))
}

fn comment_mut<'a>(project: &'a mut Project, id: &CommentId) -> Result<&'a mut Comment, EditError> {
    let index = comment_index(project, id)?;
    Ok(&mut project.comments[index])
}

fn claim_index(project: &Project, id: &ClaimId) -> Result<usize, EditError> {
    project
        .claims
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| EditError::UnknownClaim(id.clone()))
}

fn claim_mut<'a>(project: &'a mut Project, id: &ClaimId) -> Result<&'a mut Claim, EditError> {
    let index = claim_index(project, id)?;
    Ok(&mut project.claims[index])
}

fn check_unused_id(project: &Project, id: &str) -> Result<(), EditError> {
    let used = project.sections.iter().any(|s| s.id.as_str() == id)
        || project
            .comments
            .iter()
            .any(|c| c.id.as_str() == id || c.replies.iter().any(|r| r.id.as_str() == id))
        || project.claims.iter().any(|c| c.id.as_str() == id);
    if used {
        Err(EditError::DuplicateId(id.to_owned()))
    } else {
        Ok(())
    }
}

fn check_new_mark(project: &Project, id: &str, section: &SectionId) -> Result<(), EditError> {
    check_unused_id(project, id)?;
    if project.section(section).is_none() {
        return Err(EditError::UnknownSection(section.clone()));
    }
    Ok(())
}

fn check_passage(
    project: &Project,
    section: &SectionId,
    start: usize,
    end: usize,
) -> Result<(), EditError> {
    let len = project.section(section).map_or(0, |s| char_count(&s.text));
    if start >= end || end > len {
        return Err(EditError::PassageOutOfBounds { start, end, len });
    }
    Ok(())
}
