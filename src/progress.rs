//! How far long work has come, shared between the thread doing it and whoever shows it.
//!
//! A book takes long enough to open, revise or read for suggestions that the desk shows a
//! progress bar; the work runs on a worker thread and reports here. Plain atomics, so the
//! core stays free of the desk (which only reads them) and counting costs the work next to
//! nothing: callers count in batches, not item by item.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Progress of one piece of work made of `phases` equal parts, each counting units of work.
#[derive(Debug, Default)]
pub struct Progress {
    phase: AtomicUsize,
    phases: AtomicUsize,
    done: AtomicUsize,
    /// Units in the current phase; 0 when they cannot be counted.
    total: AtomicUsize,
    cancelled: AtomicBool,
}

impl Progress {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts phase `index` (from 0) of `of`, with `total` units to count (0: not counted).
    pub fn begin_phase(&self, index: usize, of: usize, total: usize) {
        // The counts first, the phase last: a reader that sees the new phase sees its counts.
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.phases.store(of.max(index + 1), Ordering::Relaxed);
        self.phase.store(index, Ordering::Release);
    }

    /// Counts `units` more done in the current phase.
    pub fn advance(&self, units: usize) {
        self.done.fetch_add(units, Ordering::Relaxed);
    }

    /// The phase under way (0 until one is begun).
    pub fn phase(&self) -> usize {
        self.phase.load(Ordering::Acquire)
    }

    /// How far the work has come, from 0 to 1, each phase counting the same; `None` while the
    /// current phase's work cannot be counted.
    pub fn fraction(&self) -> Option<f32> {
        let phase = self.phase.load(Ordering::Acquire);
        let phases = self.phases.load(Ordering::Relaxed);
        let total = self.total.load(Ordering::Relaxed);
        if phases == 0 || total == 0 {
            return None;
        }
        let done = self.done.load(Ordering::Relaxed).min(total);
        let within = done as f32 / total as f32;
        Some(((phase as f32 + within) / phases as f32).clamp(0.0, 1.0))
    }

    /// The units done and the units to do in the current phase, when they are counted: what
    /// the status bar says in words ("120 of 1,000 reviews").
    pub fn counts(&self) -> Option<(usize, usize)> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| (self.done.load(Ordering::Relaxed).min(total), total))
    }

    /// Asks the work to stop: nobody waits for its result any more.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::Progress;

    #[test]
    fn phases_count_equally_and_uncounted_work_has_no_fraction() {
        let progress = Progress::new();
        assert_eq!(progress.fraction(), None);
        progress.begin_phase(0, 2, 10);
        assert_eq!(progress.fraction(), Some(0.0));
        progress.advance(5);
        assert_eq!(progress.fraction(), Some(0.25));
        assert_eq!(progress.counts(), Some((5, 10)));
        // Counting past the total never goes past the phase's share.
        progress.advance(50);
        assert_eq!(progress.fraction(), Some(0.5));
        progress.begin_phase(1, 2, 4);
        assert_eq!(progress.phase(), 1);
        progress.advance(2);
        assert_eq!(progress.fraction(), Some(0.75));
        progress.begin_phase(1, 2, 0);
        assert_eq!(progress.fraction(), None);
        assert!(!progress.is_cancelled());
        progress.cancel();
        assert!(progress.is_cancelled());
    }
}
