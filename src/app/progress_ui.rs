//! The progress shown in the status bar while long work runs off the window's thread
//! (opening, importing or revising a book, exporting, the suggestion pass), so a reviewer
//! sees the desk is working rather than wondering why nothing has changed yet.

use egui::{ProgressBar, RichText, Ui};

use super::state::WorkInProgress;

/// Each piece of long work: what is being done, then a bar that fills as it goes, or
/// pulses when how far it has come cannot be told. The bar is named by the text beside it,
/// for screen readers (and tests).
pub fn work_in_progress_ui(ui: &mut Ui, work: &[WorkInProgress]) {
    for item in work {
        ui.separator();
        let label = ui.label(RichText::new(&item.what).size(12.0));
        let bar = match item.fraction {
            Some(fraction) => ProgressBar::new(fraction).show_percentage(),
            None => ProgressBar::new(0.0).animate(true),
        };
        ui.add(bar.desired_width(120.0)).labelled_by(label.id);
    }
}
