//! Several edits applied, and undone, as one step; all or nothing.
//!
//! A batch that fails part-way takes back what it already did, newest first, so a failed
//! batch changes nothing, like any other failed edit.

use crate::model::Project;

use super::{Edit, EditError};

pub(super) fn apply_all(
    project: &mut Project,
    label: String,
    edits: Vec<Edit>,
) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(project) {
            Ok(inverse) => inverses.push(inverse),
            // A nested batch could not take itself back: the project is not in a state the
            // inverses gathered so far were computed against.
            Err(error @ EditError::InverseFailed(_)) => return Err(error),
            Err(error) => {
                roll_back(project, inverses)?;
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch {
        label,
        edits: inverses,
    })
}

/// Takes back the edits whose inverses are given, newest first. Stops at the first that
/// fails (see [`Edit::apply_as_inverse`] for why, and what that leaves).
fn roll_back(project: &mut Project, inverses: Vec<Edit>) -> Result<(), EditError> {
    for inverse in inverses.into_iter().rev() {
        inverse.apply_as_inverse(project)?;
    }
    Ok(())
}
