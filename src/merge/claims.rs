//! Claims and their sources in a merge: by id, field by field. Two different statuses leave
//! the one that needs more attention until a person decides, so a claim counts as verified
//! only if both verified; the history of statuses is united, in time order; kinds are united;
//! sources are united by id and merged field by field.

use std::cmp::Ordering;

use crate::model::{
    Claim, ClaimStatus, ConflictTarget, ConflictValue, Deleted, Project, Source, Stamp,
    StatusChange,
};

use super::bookkeeping::Tombstones;
use super::comments::merged_text;
use super::conflicts::{Merging, SideValue};
use super::placement::{Place, merged_place};
use super::three_way::{Fate, Outcome, fates, three_way};

/// The merged claims, in ours' order with theirs' new ones where theirs has them.
pub fn merged_claims(
    base: Option<&Project>,
    ours: &Project,
    theirs: &Project,
    tombstones: &Tombstones<'_>,
    merging: &mut Merging<'_>,
) -> Vec<Claim> {
    let fates = fates(
        base.map(|b| b.claims.as_slice()),
        &ours.claims,
        &theirs.claims,
        |claim| &claim.id,
        |side, id| tombstones.deleted_by(side, &Deleted::Claim((*id).clone())),
    );
    fates
        .into_iter()
        .filter_map(|fate| match fate {
            Fate::Both { base, ours, theirs } => {
                Some(merged_claim(base, ours, theirs, tombstones, merging))
            }
            Fate::Added { record } => {
                merging.added();
                Some(record.clone())
            }
            Fate::DeletedAndEdited {
                kept,
                kept_on,
                deleted_by,
            } => {
                merging.deleted_and_edited(Deleted::Claim(kept.id.clone()), kept_on, deleted_by);
                Some(kept.clone())
            }
            Fate::Deleted => {
                merging.deleted();
                None
            }
        })
        .collect()
}

fn place(claim: &Claim) -> Place<'_> {
    Place {
        section: &claim.section,
        passage: Some(&claim.passage),
        carried: claim.carried.as_ref(),
    }
}

fn merged_claim(
    base: Option<&Claim>,
    ours: &Claim,
    theirs: &Claim,
    tombstones: &Tombstones<'_>,
    merging: &mut Merging<'_>,
) -> Claim {
    let id = &ours.id;
    let placed = merged_place(
        base.map(place),
        place(ours),
        place(theirs),
        ConflictTarget::ClaimPlacement(id.clone()),
        merging,
    );
    let note = merged_text(
        base.map(|c| &c.note),
        &ours.note,
        &theirs.note,
        ConflictTarget::ClaimNote(id.clone()),
        merging,
    );
    let dealt_with = {
        let outcome = three_way(
            base.map(|c| &c.dealt_with),
            &ours.dealt_with,
            &theirs.dealt_with,
        );
        merging.took(outcome);
        if outcome == Outcome::Conflict {
            let side =
                |claim: &Claim| SideValue::new(ConflictValue::DealtWith(claim.dealt_with), None);
            merging.conflict(
                ConflictTarget::ClaimDealtWith(id.clone()),
                base.map(|c| ConflictValue::DealtWith(c.dealt_with)),
                side(ours),
                side(theirs),
            );
            // Not dealt with keeps an incorrect claim open until someone decides.
            None
        } else {
            outcome.pick(ours.dealt_with, theirs.dealt_with)
        }
    };
    Claim {
        section: placed.section.clone(),
        passage: placed.passage.unwrap_or(&ours.passage).clone(),
        carried: placed.carried.cloned(),
        status: merged_status(base, ours, theirs, merging),
        history: merged_history(base.map(|c| &c.history), &ours.history, &theirs.history),
        note,
        dealt_with,
        kinds: united(base.map(|c| &c.kinds), &ours.kinds, &theirs.kinds),
        sources: merged_sources(base, ours, theirs, tombstones, merging),
        ..ours.clone()
    }
}

/// A status one side set is taken. Two different ones conflict — unless one side's history
/// simply extends the other's: that side saw the other's status and moved it on.
fn merged_status(
    base: Option<&Claim>,
    ours: &Claim,
    theirs: &Claim,
    merging: &mut Merging<'_>,
) -> ClaimStatus {
    let outcome = match three_way(base.map(|c| &c.status), &ours.status, &theirs.status) {
        Outcome::Conflict if extends(&ours.history, &theirs.history) => Outcome::Ours,
        Outcome::Conflict if extends(&theirs.history, &ours.history) => Outcome::Theirs,
        outcome => outcome,
    };
    merging.took(outcome);
    if outcome != Outcome::Conflict {
        return outcome.pick(ours.status, theirs.status);
    }
    let side = |claim: &Claim| {
        let by = claim.history.last().map(|step| Stamp {
            by: step.by.clone(),
            by_id: step.by_id.clone(),
            at: step.at,
        });
        SideValue::new(ConflictValue::ClaimStatus(claim.status), by)
    };
    merging.conflict(
        ConflictTarget::ClaimStatus(ours.id.clone()),
        base.map(|c| ConflictValue::ClaimStatus(c.status)),
        side(ours),
        side(theirs),
    );
    // The status that needs more attention holds: verified only if both verified.
    if theirs.status.attention_rank() < ours.status.attention_rank() {
        theirs.status
    } else {
        ours.status
    }
}

/// Whether `longer` is `shorter` with more steps after it.
fn extends(longer: &[StatusChange], shorter: &[StatusChange]) -> bool {
    longer.len() > shorter.len() && longer.starts_with(shorter)
}

/// Every step either side recorded, once, in time order. When only one side changed the
/// history, or one side's extends the other's, that history is kept as it is.
fn merged_history(
    base: Option<&Vec<StatusChange>>,
    ours: &[StatusChange],
    theirs: &[StatusChange],
) -> Vec<StatusChange> {
    match three_way(base.map(Vec::as_slice), ours, theirs) {
        Outcome::Theirs => return theirs.to_vec(),
        Outcome::Ours | Outcome::Unchanged | Outcome::Both => return ours.to_vec(),
        Outcome::Conflict if ours.starts_with(theirs) => return ours.to_vec(),
        Outcome::Conflict if theirs.starts_with(ours) => return theirs.to_vec(),
        Outcome::Conflict => {}
    }
    let mut steps: Vec<StatusChange> = ours.to_vec();
    steps.extend(theirs.iter().filter(|step| !ours.contains(step)).cloned());
    steps.sort_by(step_order);
    steps.dedup();
    steps
}

fn step_order(a: &StatusChange, b: &StatusChange) -> Ordering {
    (a.at, a.status, &a.by_id, &a.by).cmp(&(b.at, b.status, &b.by_id, &b.by))
}

/// A list of values one side changed is taken; changed on both, the two are united (ours'
/// first).
fn united<T: PartialEq + Clone>(base: Option<&Vec<T>>, ours: &[T], theirs: &[T]) -> Vec<T> {
    match three_way(base.map(Vec::as_slice), ours, theirs) {
        Outcome::Theirs => theirs.to_vec(),
        Outcome::Ours | Outcome::Unchanged | Outcome::Both => ours.to_vec(),
        Outcome::Conflict => {
            let mut all = ours.to_vec();
            all.extend(theirs.iter().filter(|v| !ours.contains(v)).cloned());
            all
        }
    }
}

/// The sources of both sides, united by id, each merged field by field.
fn merged_sources(
    base: Option<&Claim>,
    ours: &Claim,
    theirs: &Claim,
    tombstones: &Tombstones<'_>,
    merging: &mut Merging<'_>,
) -> Vec<Source> {
    let claim = &ours.id;
    let record = |source: &Source| Deleted::Source {
        claim: claim.clone(),
        source: source.id.clone(),
    };
    let fates = fates(
        base.map(|c| c.sources.as_slice()),
        &ours.sources,
        &theirs.sources,
        |source| &source.id,
        |side, id| {
            tombstones.deleted_by(
                side,
                &Deleted::Source {
                    claim: claim.clone(),
                    source: (*id).clone(),
                },
            )
        },
    );
    fates
        .into_iter()
        .filter_map(|fate| match fate {
            Fate::Both { base, ours, theirs } => {
                Some(merged_source(claim, base, ours, theirs, merging))
            }
            Fate::Added { record } => {
                merging.added();
                Some(record.clone())
            }
            Fate::DeletedAndEdited {
                kept,
                kept_on,
                deleted_by,
            } => {
                merging.deleted_and_edited(record(kept), kept_on, deleted_by);
                Some(kept.clone())
            }
            Fate::Deleted => {
                merging.deleted();
                None
            }
        })
        .collect()
}

/// A source merged field by field. When fields conflict, each side of the conflict is the
/// merged source with that side's values in them, so picking a side keeps the other fields'
/// merged changes; meanwhile the source holds ours'.
fn merged_source(
    claim: &crate::model::ClaimId,
    base: Option<&Source>,
    ours: &Source,
    theirs: &Source,
    merging: &mut Merging<'_>,
) -> Source {
    let mut conflicted = false;
    let mut field = |outcome: Outcome| {
        merging.took(outcome);
        conflicted |= outcome == Outcome::Conflict;
        outcome
    };
    macro_rules! merge_field {
        ($name:ident) => {{
            let outcome = field(three_way(
                base.map(|s| &s.$name),
                &ours.$name,
                &theirs.$name,
            ));
            (
                outcome.pick(&ours.$name, &theirs.$name).clone(),
                if outcome == Outcome::Conflict {
                    &theirs.$name
                } else {
                    outcome.pick(&ours.$name, &theirs.$name)
                }
                .clone(),
            )
        }};
    }
    let (url, their_url) = merge_field!(url);
    let (title, their_title) = merge_field!(title);
    let (note, their_note) = merge_field!(note);
    let (rank, their_rank) = merge_field!(rank);
    let (accessed, their_accessed) = merge_field!(accessed);
    let (added, their_added) = merge_field!(added);
    let merged = Source {
        id: ours.id.clone(),
        url,
        title,
        note,
        rank,
        accessed,
        added,
    };
    if conflicted {
        let with_theirs = Source {
            id: ours.id.clone(),
            url: their_url,
            title: their_title,
            note: their_note,
            rank: their_rank,
            accessed: their_accessed,
            added: their_added,
        };
        merging.conflict(
            ConflictTarget::Source {
                claim: claim.clone(),
                source: ours.id.clone(),
            },
            base.map(|s| ConflictValue::Source(s.clone())),
            SideValue::new(ConflictValue::Source(merged.clone()), None),
            SideValue::new(ConflictValue::Source(with_theirs), None),
        );
    }
    merged
}

#[cfg(test)]
mod tests;
