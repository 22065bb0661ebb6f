//! Edits of the suggestions a reviewer turned down.
//!
//! A dismissal is remembered by its sentence (whitespace normalised), not by a place in the
//! text, so it holds through a revised draft that keeps the sentence.

use crate::model::{Dismissal, Project};

use super::{Edit, EditError};

/// Inserts `dismissal` at `index` in the list (clamped to its end).
pub(super) fn dismiss(
    project: &mut Project,
    index: usize,
    dismissal: Dismissal,
) -> Result<Edit, EditError> {
    if project.is_dismissed(&dismissal.sentence) {
        return Err(EditError::AlreadyDismissed(dismissal.sentence));
    }
    let sentence = dismissal.sentence.clone();
    let index = index.min(project.dismissed.len());
    project.dismissed.insert(index, dismissal);
    Ok(Edit::Undismiss { sentence })
}

pub(super) fn undismiss(project: &mut Project, sentence: String) -> Result<Edit, EditError> {
    let key = Dismissal::key_from_sentence(&sentence);
    let Some(index) = project.dismissed.iter().position(|d| d.sentence == key) else {
        return Err(EditError::NotDismissed(sentence));
    };
    let dismissal = project.dismissed.remove(index);
    Ok(Edit::Dismiss { index, dismissal })
}
