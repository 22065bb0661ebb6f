//! Where a mark sits, merged as one field: its section, its passage and how it came through
//! the latest draft belong together (a passage means nothing in another section). Moved on
//! both sides to different places, the mark stays where ours has it until a person decides.

use crate::model::{Carried, ConflictTarget, ConflictValue, Passage, SectionId};

use super::conflicts::{Merging, SideValue};
use super::three_way::{Outcome, Side, three_way};

/// A mark's place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place<'a> {
    pub section: &'a SectionId,
    pub passage: Option<&'a Passage>,
    pub carried: Option<&'a Carried>,
}

impl Place<'_> {
    fn value(self) -> SideValue {
        SideValue::new(
            ConflictValue::Placement {
                section: self.section.clone(),
                passage: self.passage.cloned(),
                carried: self.carried.cloned().map(Box::new),
            },
            self.carried.and_then(|c| c.decided.clone()),
        )
    }
}

/// The place the merged mark has; a conflict on `target` when both sides moved it
/// differently.
pub fn merged_place<'a>(
    base: Option<Place<'a>>,
    ours: Place<'a>,
    theirs: Place<'a>,
    target: ConflictTarget,
    merging: &mut Merging<'_>,
) -> Place<'a> {
    let outcome = match three_way(base.as_ref(), &ours, &theirs) {
        // One side's places were computed by carrying it to the other's draft: the other
        // side's are the ones people placed.
        Outcome::Conflict if merging.placement_follows == Some(Side::Ours) => Outcome::Ours,
        Outcome::Conflict if merging.placement_follows == Some(Side::Theirs) => Outcome::Theirs,
        outcome => outcome,
    };
    merging.took(outcome);
    if outcome == Outcome::Conflict {
        merging.conflict(
            target,
            base.map(|base| base.value().value),
            ours.value(),
            theirs.value(),
        );
    }
    outcome.pick(ours, theirs)
}
