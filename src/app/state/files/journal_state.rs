//! Where the open review's recovery journal stands: kept with the review, changed only by
//! autosave and recovery (`recovery.rs`).

use std::path::PathBuf;
use std::time::Instant;

use crate::storage::journal::JournalClaim;

/// Where the open review's journal stands.
#[derive(Debug, Default)]
pub struct JournalState {
    /// The journal file, once one was written (or adopted from a crash).
    pub(super) path: Option<PathBuf>,
    /// Whether the journal file exists (and must be removed once the review is saved).
    pub(super) on_disk: bool,
    /// The document change count last looked at.
    pub(super) seen_change_count: u64,
    /// When the oldest change not yet in the journal was made.
    pub(super) first_unjournaled: Option<Instant>,
    pub(super) last_change: Option<Instant>,
    /// Set after a journal write failed, so the person is told once, not every second.
    pub(super) failed: bool,
    /// This desk's hold on the journal, which tells other desks it is not a crash's.
    pub(super) claim: Option<JournalClaim>,
}

impl JournalState {
    pub(in crate::app::state) fn new(change_count: u64) -> Self {
        Self {
            seen_change_count: change_count,
            ..Self::default()
        }
    }

    /// A change the journal has not caught up with was made at `now`.
    pub(in crate::app::state) fn changed_at(&mut self, now: Instant) {
        self.first_unjournaled.get_or_insert(now);
        self.last_change = Some(now);
    }
}
