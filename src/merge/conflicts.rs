//! What a merge keeps track of while it goes through the records: the conflicts it finds
//! (named by what they are about, so merging the same files twice gives the same ids), what
//! it took from each side for the summary, and the conflicts the two files already held.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;

use crate::model::{Conflict, ConflictId, ConflictSide, ConflictTarget, ConflictValue, Deleted};
use crate::model::{Project, Stamp};

use super::present::Present;
use super::three_way::{Outcome, Side};

/// One side's value in a conflict, and who last changed it there when the record says.
pub struct SideValue {
    pub value: ConflictValue,
    pub by: Option<Stamp>,
}

impl SideValue {
    pub fn new(value: ConflictValue, by: Option<Stamp>) -> Self {
        Self { value, by }
    }
}

/// The counts the summary reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub from_ours: usize,
    pub from_theirs: usize,
    pub added: usize,
    pub deleted: usize,
}

/// A merge under way.
pub struct Merging<'a> {
    pub ours_from: &'a str,
    pub theirs_from: &'a str,
    pub found: Timestamp,
    /// With no base, when one side was carried to the other's draft: the side whose marks'
    /// places count, the carried side's places being computed, not chosen by a person.
    pub placement_follows: Option<Side>,
    pub counts: Counts,
    conflicts: Vec<Conflict>,
}

impl<'a> Merging<'a> {
    pub fn new(ours_from: &'a str, theirs_from: &'a str, found: Timestamp) -> Self {
        Self {
            ours_from,
            theirs_from,
            found,
            placement_follows: None,
            counts: Counts::default(),
            conflicts: Vec::new(),
        }
    }

    /// Counts a field's outcome for the summary.
    pub fn took(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Ours => self.counts.from_ours += 1,
            Outcome::Theirs => self.counts.from_theirs += 1,
            Outcome::Unchanged | Outcome::Both | Outcome::Conflict => {}
        }
    }

    /// Counts a record kept from one side only, or deleted.
    pub fn added(&mut self) {
        self.counts.added += 1;
    }

    pub fn deleted(&mut self) {
        self.counts.deleted += 1;
    }

    /// Keeps a conflict on `target`.
    pub fn conflict(
        &mut self,
        target: ConflictTarget,
        base: Option<ConflictValue>,
        ours: SideValue,
        theirs: SideValue,
    ) {
        self.conflicts.push(Conflict {
            id: conflict_id(&target),
            target,
            base,
            ours: ConflictSide {
                from: self.ours_from.to_owned(),
                value: ours.value,
                by: ours.by,
            },
            theirs: ConflictSide {
                from: self.theirs_from.to_owned(),
                value: theirs.value,
                by: theirs.by,
            },
            found: self.found,
        });
    }

    /// A record one side deleted and the other edited: kept, with a conflict saying so.
    pub fn deleted_and_edited(
        &mut self,
        record: Deleted,
        kept_on: Side,
        deleted_by: Option<&Stamp>,
    ) {
        let kept = SideValue::new(ConflictValue::Kept, None);
        let deleted = SideValue::new(ConflictValue::Deleted, deleted_by.cloned());
        let (ours, theirs) = match kept_on {
            Side::Ours => (kept, deleted),
            Side::Theirs => (deleted, kept),
        };
        self.conflict(ConflictTarget::Record(record), None, ours, theirs);
    }

    /// The conflicts found, in the order found.
    pub fn into_parts(self) -> (Vec<Conflict>, Counts) {
        (self.conflicts, self.counts)
    }
}

/// The id of a conflict about `target`: the same for the same record and field, so merging
/// the same files twice gives the same review, and a newer conflict on a field replaces the
/// older one.
pub fn conflict_id(target: &ConflictTarget) -> ConflictId {
    let key = match target {
        ConflictTarget::SectionStatus(id) => format!("section-status/{id}"),
        ConflictTarget::ClaimStatus(id) => format!("claim-status/{id}"),
        ConflictTarget::ClaimNote(id) => format!("claim-note/{id}"),
        ConflictTarget::ClaimDealtWith(id) => format!("claim-dealt-with/{id}"),
        ConflictTarget::CommentBody(id) => format!("comment-body/{id}"),
        ConflictTarget::CommentResolved(id) => format!("comment-resolved/{id}"),
        ConflictTarget::ReplyBody { comment, reply } => format!("reply-body/{comment}/{reply}"),
        ConflictTarget::Source { claim, source } => format!("source/{claim}/{source}"),
        ConflictTarget::CommentPlacement(id) => format!("comment-placement/{id}"),
        ConflictTarget::ClaimPlacement(id) => format!("claim-placement/{id}"),
        ConflictTarget::Record(Deleted::Comment(id)) => format!("record/comment/{id}"),
        ConflictTarget::Record(Deleted::Reply { comment, reply }) => {
            format!("record/reply/{comment}/{reply}")
        }
        ConflictTarget::Record(Deleted::Claim(id)) => format!("record/claim/{id}"),
        ConflictTarget::Record(Deleted::Source { claim, source }) => {
            format!("record/source/{claim}/{source}")
        }
    };
    ConflictId::derived_from(&format!("conflict:{key}"))
}

/// What became of the conflicts the files already held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EarlierConflicts {
    /// Still unresolved on both sides (or new on one), kept.
    pub kept: usize,
    /// Resolved on one side, so resolved.
    pub settled: usize,
}

/// The conflicts of the merged review: those already in either file that neither side
/// resolved, then `found`, which replace an earlier conflict about the same field. A conflict
/// about a record the merged review no longer has is dropped: there is nothing to decide.
pub fn merged_conflicts(
    base: Option<&Project>,
    ours: &Project,
    theirs: &Project,
    found: Vec<Conflict>,
    merged: &Present<'_>,
) -> (Vec<Conflict>, EarlierConflicts) {
    let mut earlier = EarlierConflicts::default();
    let in_base: Option<HashSet<&ConflictId>> =
        base.map(|base| base.conflicts.iter().map(|c| &c.id).collect());
    let in_theirs: HashMap<&ConflictId, &Conflict> =
        theirs.conflicts.iter().map(|c| (&c.id, c)).collect();
    let in_ours: HashSet<&ConflictId> = ours.conflicts.iter().map(|c| &c.id).collect();
    let resolved_on_the_other_side =
        |id: &ConflictId| in_base.as_ref().is_some_and(|base| base.contains(id));
    let mut kept: Vec<Conflict> = Vec::new();
    for conflict in &ours.conflicts {
        match in_theirs.get(&conflict.id) {
            // The same conflict found by two merges: the later finding holds the later values.
            Some(&other) if other.found > conflict.found => kept.push(other.clone()),
            None if resolved_on_the_other_side(&conflict.id) => earlier.settled += 1,
            Some(_) | None => kept.push(conflict.clone()),
        }
    }
    for conflict in &theirs.conflicts {
        if in_ours.contains(&conflict.id) {
            continue;
        }
        if resolved_on_the_other_side(&conflict.id) {
            earlier.settled += 1;
        } else {
            kept.push(conflict.clone());
        }
    }
    let replaced: HashSet<ConflictId> = found.iter().map(|c| c.id.clone()).collect();
    kept.retain(|c| !replaced.contains(&c.id) && merged.has_target(&c.target));
    earlier.kept = kept.len();
    kept.extend(found);
    (kept, earlier)
}
