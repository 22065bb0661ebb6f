//! When a finished open or revision may land: the one rule, in one place.
//!
//! ```text
//!   running ──finished──▶ finished ─┬─ a question is open ─────────────┐
//!                                   ├─ a save-then-… is being written ──┴─▶ waits (stays finished)
//!                                   ├─ quitting is confirmed ──────────────▶ never lands
//!                                   └─ otherwise ─┬─ the review is as it was ─▶ lands
//!                                                 └─ it was replaced or changed ─▶ dropped, said
//! ```
//!
//! A question open in a dialog is about the review as it is, and an open may ask one of its
//! own: the result waits for the answer. A save that carries on with something (save, then
//! quit; save, then open) is written from the review as it is: the result waits for it. Once
//! quitting is confirmed the result never lands: the window would close on a review changed
//! after its save began, unsaved. A result computed for one review never lands on another
//! (nor on the same one changed meanwhile, which the desk refuses while a job runs).

use crate::app::background::ReviewKey;

/// What the desk is doing that a finished job must wait for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Gate {
    pub question_open: bool,
    pub saving_then_more: bool,
    pub quitting: bool,
}

/// What to do with a finished job's result now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Landing {
    /// Keep it; ask again next frame.
    Wait,
    /// Keep it for good: the window is closing.
    Never,
    /// Apply it.
    Land,
    /// Throw it away and say so: the review it was computed for is gone or changed.
    Drop,
}

/// What to do with the result of a job started for `started_for` while `open_now` is open.
pub fn landing(gate: Gate, started_for: Option<ReviewKey>, open_now: Option<ReviewKey>) -> Landing {
    if gate.quitting {
        Landing::Never
    } else if gate.question_open || gate.saving_then_more {
        Landing::Wait
    } else if started_for == open_now {
        Landing::Land
    } else {
        Landing::Drop
    }
}

#[cfg(test)]
mod tests {
    use super::{Gate, Landing, landing};
    use crate::app::background::ReviewKey;

    const REVIEW: Option<ReviewKey> = Some(ReviewKey {
        serial: 1,
        change_count: 4,
    });
    const CHANGED: Option<ReviewKey> = Some(ReviewKey {
        serial: 1,
        change_count: 5,
    });
    const OTHER: Option<ReviewKey> = Some(ReviewKey {
        serial: 2,
        change_count: 4,
    });

    #[test]
    fn a_result_lands_only_on_the_review_it_was_computed_for_once_nothing_is_asked() {
        let idle = Gate::default();
        assert_eq!(landing(idle, REVIEW, REVIEW), Landing::Land);
        assert_eq!(landing(idle, None, None), Landing::Land);
        assert_eq!(landing(idle, REVIEW, CHANGED), Landing::Drop);
        assert_eq!(landing(idle, REVIEW, OTHER), Landing::Drop);
        assert_eq!(landing(idle, REVIEW, None), Landing::Drop);
        let asking = Gate {
            question_open: true,
            ..idle
        };
        assert_eq!(landing(asking, REVIEW, REVIEW), Landing::Wait);
        assert_eq!(landing(asking, REVIEW, OTHER), Landing::Wait);
        let saving = Gate {
            saving_then_more: true,
            ..idle
        };
        assert_eq!(landing(saving, REVIEW, REVIEW), Landing::Wait);
        let quitting = Gate {
            quitting: true,
            question_open: true,
            saving_then_more: false,
        };
        assert_eq!(landing(quitting, REVIEW, REVIEW), Landing::Never);
    }
}
