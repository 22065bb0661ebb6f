//! The two questions every record kind asks in a merge, answered once for all of them: which
//! version of a field to keep ([`three_way`]), and what became of a record each side may have
//! added or deleted ([`fates`], which also puts the merged list in order).
//!
//! Both work on values and keys, not on copydesk's types, so the rules are the same for
//! comments, replies, claims, sources, dismissals, reviewers and tombstones.

use std::collections::HashMap;
use std::hash::Hash;

use crate::model::Stamp;

/// One of the two reviews being merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Ours,
    Theirs,
}

impl Side {
    pub fn other(self) -> Self {
        match self {
            Self::Ours => Self::Theirs,
            Self::Theirs => Self::Ours,
        }
    }
}

/// Which version of a field a merge keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Neither side changed it.
    Unchanged,
    /// Only ours changed it: ours.
    Ours,
    /// Only theirs changed it: theirs.
    Theirs,
    /// Both made the same change (or, with no base, both hold the same value): either.
    Both,
    /// Both changed it, differently (or, with no base, the two values differ).
    Conflict,
}

impl Outcome {
    /// The value the outcome keeps, `ours` for a conflict (the caller decides what a
    /// conflicting field holds meanwhile).
    pub fn pick<T>(self, ours: T, theirs: T) -> T {
        match self {
            Self::Theirs => theirs,
            Self::Unchanged | Self::Ours | Self::Both | Self::Conflict => ours,
        }
    }
}

/// The three-way rule for one field: only one side changed it → that side's value; both the
/// same → it once; else a conflict. Without a base, equal values agree and different ones
/// conflict.
pub fn three_way<T: PartialEq + ?Sized>(base: Option<&T>, ours: &T, theirs: &T) -> Outcome {
    if ours == theirs {
        return if base.is_some_and(|base| base == ours) {
            Outcome::Unchanged
        } else {
            Outcome::Both
        };
    }
    match base {
        Some(base) if base == ours => Outcome::Theirs,
        Some(base) if base == theirs => Outcome::Ours,
        _ => Outcome::Conflict,
    }
}

/// Of two records of the same act (a status set, a comment resolved, a deletion) made on both
/// sides, the one to keep: the first made, so the choice does not depend on which side is
/// "ours".
pub fn first_stamp<'a>(a: &'a Stamp, b: &'a Stamp) -> &'a Stamp {
    let key = |s: &'a Stamp| (s.at, &s.by_id, &s.by);
    if key(b) < key(a) { b } else { a }
}

/// Who stamped a field, merged: the side that changed it, or the first stamp when both did.
pub fn merged_stamp(
    base: Option<&Option<Stamp>>,
    ours: &Option<Stamp>,
    theirs: &Option<Stamp>,
) -> Option<Stamp> {
    match three_way(base, ours, theirs) {
        Outcome::Theirs => theirs.clone(),
        Outcome::Unchanged | Outcome::Ours | Outcome::Both => ours.clone(),
        Outcome::Conflict => match (ours, theirs) {
            (Some(a), Some(b)) => Some(first_stamp(a, b).clone()),
            (Some(stamp), None) | (None, Some(stamp)) => Some(stamp.clone()),
            (None, None) => None,
        },
    }
}

/// What became of one record (by its key) in the merge.
#[derive(Debug)]
pub enum Fate<'a, T> {
    /// Both sides have it: merged field by field. `base` is `None` when the base did not have
    /// it (or there is no base).
    Both {
        base: Option<&'a T>,
        ours: &'a T,
        theirs: &'a T,
    },
    /// Only one side has it and the other never did (or, without a base, has no tombstone for
    /// it): kept.
    Added { record: &'a T },
    /// One side deleted it and the other left it as it was (or, where the base does not tell,
    /// the other side has a tombstone for it): gone.
    Deleted,
    /// One side deleted it, the other edited it: kept, as the editing side has it, until a
    /// person decides. `deleted_by` is who deleted it, when the deleting side kept a tombstone.
    DeletedAndEdited {
        kept: &'a T,
        kept_on: Side,
        deleted_by: Option<&'a Stamp>,
    },
}

impl<T> Fate<'_, T> {
    /// Whether the record is in the merged review.
    pub fn is_kept(&self) -> bool {
        !matches!(self, Self::Deleted)
    }
}

/// The records of one list, as they come out of the merge: each with its [`Fate`], in the
/// order of the merged list — ours, with each record only theirs has placed before the record
/// both have that it comes before there — followed by the records deleted.
///
/// `base` is `None` when there is no base for this list (no base at all, or the record that
/// holds the list is new). `deleted_by(side, key)` is who deleted the record on that side,
/// from its tombstone.
pub fn fates<'a, T, K>(
    base: Option<&'a [T]>,
    ours: &'a [T],
    theirs: &'a [T],
    key: impl Fn(&'a T) -> K,
    deleted_by: impl Fn(Side, &K) -> Option<&'a Stamp>,
) -> Vec<Fate<'a, T>>
where
    T: PartialEq,
    K: Hash + Eq + Clone,
{
    let index = |records: &'a [T]| -> HashMap<K, &'a T> {
        records.iter().map(|record| (key(record), record)).collect()
    };
    let base_index = base.map(index);
    let ours_index = index(ours);
    let theirs_index = index(theirs);
    let only_one = |record: &'a T, on: Side, key: &K| -> Fate<'a, T> {
        let other = on.other();
        match base_index.as_ref().and_then(|base| base.get(key)) {
            Some(&base) if base == record => Fate::Deleted,
            Some(_) => Fate::DeletedAndEdited {
                kept: record,
                kept_on: on,
                deleted_by: deleted_by(other, key),
            },
            None if deleted_by(other, key).is_some() => Fate::Deleted,
            None => Fate::Added { record },
        }
    };

    // Records only theirs has, grouped by the shared record they come before there (`None`:
    // the end of the list), so each goes just before it, after ours' own new records.
    let mut preceding: HashMap<Option<K>, Vec<Fate<'a, T>>> = HashMap::new();
    let mut deleted = Vec::new();
    let mut next_shared: Option<K> = None;
    for record in theirs.iter().rev() {
        let key = key(record);
        if ours_index.contains_key(&key) {
            next_shared = Some(key);
            continue;
        }
        let fate = only_one(record, Side::Theirs, &key);
        if fate.is_kept() {
            preceding.entry(next_shared.clone()).or_default().push(fate);
        } else {
            deleted.push(fate);
        }
    }
    let mut merged = Vec::with_capacity(ours.len());
    for record in ours {
        let key = key(record);
        let fate = match theirs_index.get(&key) {
            Some(&theirs) => {
                if let Some(before) = preceding.remove(&Some(key.clone())) {
                    merged.extend(before.into_iter().rev());
                }
                Fate::Both {
                    base: base_index.as_ref().and_then(|b| b.get(&key).copied()),
                    ours: record,
                    theirs,
                }
            }
            None => only_one(record, Side::Ours, &key),
        };
        if fate.is_kept() {
            merged.push(fate);
        } else {
            deleted.push(fate);
        }
    }
    if let Some(at_end) = preceding.remove(&None) {
        merged.extend(at_end.into_iter().rev());
    }
    merged.extend(deleted);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_follows_the_side_that_changed_it() {
        assert_eq!(three_way(Some(&1), &1, &1), Outcome::Unchanged);
        assert_eq!(three_way(Some(&1), &2, &1), Outcome::Ours);
        assert_eq!(three_way(Some(&1), &1, &3), Outcome::Theirs);
        assert_eq!(three_way(Some(&1), &2, &2), Outcome::Both);
        assert_eq!(three_way(Some(&1), &2, &3), Outcome::Conflict);
        // Without a base, only agreement is safe.
        assert_eq!(three_way(None, &2, &2), Outcome::Both);
        assert_eq!(three_way(None, &2, &3), Outcome::Conflict);
    }

    fn kept(fates: &[Fate<'_, (char, u8)>]) -> String {
        fates
            .iter()
            .filter_map(|fate| match fate {
                Fate::Both { ours, .. } => Some(ours.0),
                Fate::Added { record, .. } => Some(record.0),
                Fate::DeletedAndEdited { kept, .. } => Some(kept.0),
                Fate::Deleted => None,
            })
            .collect()
    }

    #[test]
    fn records_added_on_either_side_keep_their_places_and_deletions_are_taken() {
        let base = [('a', 0), ('b', 0), ('c', 0)];
        // Ours deleted b and added x after a; theirs added y before a and z after c.
        let ours = [('a', 0), ('x', 0), ('c', 0)];
        let theirs = [('y', 0), ('a', 0), ('b', 0), ('c', 0), ('z', 0)];
        let fates = fates(Some(&base), &ours, &theirs, |r| r.0, |_, _| None);
        assert_eq!(kept(&fates), "yaxcz");
        assert!(matches!(fates.last(), Some(Fate::Deleted)));
    }

    #[test]
    fn a_record_deleted_on_one_side_and_edited_on_the_other_is_kept() {
        let base = [('a', 0)];
        let fates = fates(Some(&base), &[], &[('a', 1)], |r| r.0, |_, _| None);
        assert!(matches!(
            fates[0],
            Fate::DeletedAndEdited {
                kept: ('a', 1),
                kept_on: Side::Theirs,
                ..
            }
        ));
    }

    #[test]
    fn without_a_base_a_tombstone_says_what_was_deleted() {
        let stamp = Stamp {
            by: "Ana".to_owned(),
            by_id: crate::model::ReviewerId::derived_from("Ana"),
            at: jiff::Timestamp::UNIX_EPOCH,
        };
        let ours = [('a', 0), ('b', 0)];
        let fates = fates(
            None,
            &ours,
            &[],
            |r| r.0,
            |side, key| (side == Side::Theirs && *key == 'a').then_some(&stamp),
        );
        assert_eq!(kept(&fates), "b");
        assert!(matches!(fates[1], Fate::Deleted));
    }

    #[test]
    fn the_first_of_two_stamps_is_kept_whichever_side_it_is_on() {
        let stamp = |at: i64, by: &str| Stamp {
            by: by.to_owned(),
            by_id: crate::model::ReviewerId::derived_from(by),
            at: jiff::Timestamp::from_second(at).unwrap(),
        };
        let (early, late) = (stamp(1, "Bo"), stamp(2, "Ana"));
        assert_eq!(first_stamp(&early, &late), &early);
        assert_eq!(first_stamp(&late, &early), &early);
        let none = None;
        assert_eq!(
            merged_stamp(Some(&none), &Some(late), &Some(early.clone())),
            Some(early)
        );
    }
}
