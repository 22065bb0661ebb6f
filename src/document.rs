//! An open review: the project, its undo history and whether it has unsaved changes.
//!
//! This is the one place where edits are applied. Each applied edit leaves its inverse on the
//! undo stack; undoing applies that inverse and keeps *its* inverse for redo. Typing in a
//! text field produces one edit per keystroke; consecutive edits of the same field are folded
//! into one undo step a word at a time ([`Edit::starts_a_word_in`]), until the typing pauses
//! ([`TYPING_PAUSE`], for keystrokes applied with [`Document::apply_at`]) or
//! [`Document::seal`] is called (when the field loses focus).
//!
//! A step holds its inverse and nothing else of size: for a revised draft that inverse is the
//! whole previous project, and the history keeps exactly that one, moved between the stacks
//! on undo and redo, never copied.

use std::time::{Duration, Instant};

use crate::edit::{Edit, EditError, TextField};
use crate::model::Project;

/// How long typing may stop before the next keystroke starts an undo step of its own.
pub const TYPING_PAUSE: Duration = Duration::from_secs(1);

/// One undoable step.
#[derive(Clone, Debug)]
struct Step {
    /// Identifies the state reached by this step, to know whether it is the saved one.
    id: u64,
    label: String,
    /// The edit that takes the project back to before this step.
    inverse: Edit,
    /// The field this step types into, to recognise the next keystroke in it.
    field: Option<TextField>,
}

/// Which state of the history is the one on disk (or, for a review not saved yet, the one it
/// was opened in: an import nobody has touched has nothing to lose).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SavePoint {
    /// The state after the step with this id (or the initial state, for `None`).
    At(Option<u64>),
    /// The saved state was dropped from the history (undone, then replaced by a new edit).
    Unreachable,
}

/// A place in the undo history, to take back what was done since
/// ([`Document::withdraw_since`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryPoint(Option<u64>);

/// A state of the history that a save was made from (see [`Document::state_to_save`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StateToSave(Option<u64>);

#[derive(Clone, Debug)]
pub struct Document {
    project: Project,
    undo_stack: Vec<Step>,
    redo_stack: Vec<Step>,
    next_step_id: u64,
    save_point: SavePoint,
    /// Whether the top undo step may absorb the next edit of the same field.
    top_is_open: bool,
    /// When the last keystroke applied with [`Document::apply_at`] was typed.
    typed_at: Option<Instant>,
    change_count: u64,
    structure_change_count: u64,
}

impl Document {
    /// A document for a project as opened (read from its file, or just imported): no
    /// unsaved changes until the first edit.
    pub fn new(project: Project) -> Self {
        Self {
            project,
            undo_stack: Vec::new(),
            redo_stack: Vec::new(),
            next_step_id: 1,
            save_point: SavePoint::At(None),
            top_is_open: false,
            typed_at: None,
            change_count: 0,
            structure_change_count: 0,
        }
    }

    /// A document whose project is not what is on disk: a review brought back from the
    /// recovery journal, unsaved until it is saved.
    pub fn with_unsaved_changes(project: Project) -> Self {
        Self {
            save_point: SavePoint::Unreachable,
            ..Self::new(project)
        }
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Counts every change (edit, undo, redo), so views can tell when to refresh.
    pub fn change_count(&self) -> u64 {
        self.change_count
    }

    /// Counts the changes to anything but the words of comments, replies, notes and sources
    /// ([`Edit::changes_only_words`]): what the text, its highlights and the counts of marks
    /// are drawn from.
    pub fn structure_change_count(&self) -> u64 {
        self.structure_change_count
    }

    fn count_change(&mut self, only_words: bool) {
        self.change_count += 1;
        if !only_words {
            self.structure_change_count += 1;
        }
    }

    /// Applies `edit` as a new undo step (or folds it into the step it continues).
    /// An edit that changes nothing leaves the history alone.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_typed_at(edit, None)
    }

    /// [`Document::apply`] for an edit made at `now`: a keystroke typed more than
    /// [`TYPING_PAUSE`] after the one before starts an undo step of its own.
    pub fn apply_at(&mut self, edit: Edit, now: Instant) -> Result<(), EditError> {
        self.apply_typed_at(edit, Some(now))
    }

    fn apply_typed_at(&mut self, edit: Edit, now: Option<Instant>) -> Result<(), EditError> {
        let label = edit.describe(&self.project);
        let field = edit.text_field();
        let paused = field.is_some()
            && now
                .zip(self.typed_at)
                .is_some_and(|(now, last)| now.saturating_duration_since(last) > TYPING_PAUSE);
        if field.is_some() {
            self.typed_at = now;
        }
        let starts_a_word = edit.starts_a_word_in(&self.project);
        let only_words = edit.changes_only_words();
        let changes_nothing = edit.changes_nothing_in(&self.project);
        // Applied even when it changes nothing, so that an edit that fails is refused as ever.
        let inverse = match edit.apply(&mut self.project) {
            Ok(inverse) => inverse,
            Err(error) => {
                if matches!(error, EditError::InverseFailed(_)) {
                    self.forget_history();
                }
                return Err(error);
            }
        };
        if changes_nothing {
            return Ok(());
        }
        self.count_change(only_words);
        self.redo_stack.clear();
        if matches!(self.save_point, SavePoint::At(Some(id)) if !self.is_in_undo_stack(id)) {
            self.save_point = SavePoint::Unreachable;
        }
        let id = self.fresh_step_id();
        if self.top_is_open
            && field.is_some()
            && !paused
            && !starts_a_word
            && let Some(top) = self.undo_stack.last_mut()
            && top.field == field
        {
            top.id = id;
            return Ok(());
        }
        self.undo_stack.push(Step {
            id,
            label,
            inverse,
            field,
        });
        self.top_is_open = true;
        Ok(())
    }

    /// Ends the current undo step: the next edit starts a new one even if it is in the same field.
    pub fn seal(&mut self) {
        self.top_is_open = false;
    }

    /// Where the history stands now, to take back later what is done from here on.
    pub fn history_point(&self) -> HistoryPoint {
        HistoryPoint(self.undo_stack.last().map(|s| s.id))
    }

    /// Takes back every step made since `point` as if it had never been made: undone, and
    /// offered neither for undo nor for redo. For something made and then left as it was
    /// made, such as a comment nobody wrote: making it and leaving it is no change at all.
    ///
    /// Only when the steps since `point` are one step of anything followed by typing into
    /// `field` alone (and `point` is still in the history); returns whether it took them back.
    pub fn withdraw_since(&mut self, point: HistoryPoint, field: &TextField) -> bool {
        let since = match point.0 {
            None => 0,
            Some(id) => match self.undo_stack.iter().position(|s| s.id == id) {
                Some(index) => index + 1,
                None => return false,
            },
        };
        let Some((made, typed)) = self.undo_stack[since..].split_first() else {
            return false;
        };
        if made.field.is_some() || typed.iter().any(|s| s.field.as_ref() != Some(field)) {
            return false;
        }
        while self.undo_stack.len() > since {
            let Some(step) = self.undo_stack.pop() else {
                break;
            };
            // The redo stack is dropped below: the inverse of the inverse is not kept.
            if self.apply_recorded(step).is_none() {
                return true;
            }
        }
        self.redo_stack.clear();
        if matches!(self.save_point, SavePoint::At(Some(id)) if !self.is_in_undo_stack(id)) {
            self.save_point = SavePoint::Unreachable;
        }
        true
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let step = self.undo_stack.pop()?;
        let label = step.label.clone();
        if let Some(step) = self.apply_recorded(step) {
            self.redo_stack.push(step);
        }
        Some(label)
    }

    /// Redoes the last undone step; returns its label, or `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<String> {
        let step = self.redo_stack.pop()?;
        let label = step.label.clone();
        if let Some(step) = self.apply_recorded(step) {
            self.undo_stack.push(step);
        }
        Some(label)
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo_stack.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo_stack.last().map(|s| s.label.as_str())
    }

    /// Whether the project has changes that would be lost without saving.
    pub fn is_dirty(&self) -> bool {
        match self.save_point {
            SavePoint::Unreachable => true,
            SavePoint::At(id) => self.undo_stack.last().map(|s| s.id) != id,
        }
    }

    /// The state the project is in now, to mark as saved once a save made from it on another
    /// thread has reached the disk. Ends the current undo step, so typing that goes on during
    /// the save does not blur which state was saved.
    pub fn state_to_save(&mut self) -> StateToSave {
        self.top_is_open = false;
        StateToSave(self.undo_stack.last().map(|s| s.id))
    }

    /// Records that `state` (from [`Document::state_to_save`]) is the one on disk now. If the
    /// history has moved on since, the project stays unsaved; if that state was dropped from
    /// the history, no undo or redo reaches the saved state again.
    pub fn mark_saved_as(&mut self, state: StateToSave) {
        let reachable = state.0.is_none_or(|id| {
            self.is_in_undo_stack(id) || self.redo_stack.iter().any(|s| s.id == id)
        });
        self.save_point = if reachable {
            SavePoint::At(state.0)
        } else {
            SavePoint::Unreachable
        };
    }

    /// Records that the current state is the one on disk.
    pub fn mark_saved(&mut self) {
        self.save_point = SavePoint::At(self.undo_stack.last().map(|s| s.id));
        self.top_is_open = false;
    }

    fn is_in_undo_stack(&self, id: u64) -> bool {
        self.undo_stack.iter().any(|s| s.id == id)
    }

    fn fresh_step_id(&mut self) -> u64 {
        let id = self.next_step_id;
        self.next_step_id += 1;
        id
    }

    /// Applies the inverse of a step taken from one stack, and returns the step to push on
    /// the other, holding the inverse of what was just applied. If the inverse fails (a bug:
    /// see [`Edit::apply_as_inverse`]), the history is forgotten and there is no step.
    fn apply_recorded(&mut self, step: Step) -> Option<Step> {
        self.top_is_open = false;
        let only_words = step.inverse.changes_only_words();
        match step.inverse.apply_as_inverse(&mut self.project) {
            Ok(inverse) => {
                self.count_change(only_words);
                Some(Step { inverse, ..step })
            }
            Err(_) => {
                self.forget_history();
                None
            }
        }
    }

    /// After an inverse failed: the project is as far as it got, which no step leads back
    /// from, and which is not on disk.
    fn forget_history(&mut self) {
        self.undo_stack.clear();
        self.redo_stack.clear();
        self.top_is_open = false;
        self.save_point = SavePoint::Unreachable;
        self.count_change(false);
    }
}

#[cfg(test)]
mod tests;
