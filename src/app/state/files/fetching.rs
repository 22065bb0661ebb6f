//! Importing from a web address in the desk: the address typed in its dialog, and the page
//! shown as a new review once fetched (the fetch itself is long work: `long_work`).

use crate::app::state::AppState;
use crate::app::state::dialogs::Modal;
use crate::app::state::review::OpenReview;
use crate::document::Document;
use crate::fetch::FetchError;
use crate::model::Project;
use crate::text::{counted, readable_timestamp};

impl AppState {
    pub(in crate::app::state) fn edit_web_address(&mut self, text: String) {
        if let Some(Modal::WebAddress { address }) = self.dialogs.modal_mut() {
            *address = text;
        }
    }

    /// Shows a fetched page as a new review, or the error naming its address.
    pub(super) fn show_fetched(&mut self, fetched: Result<Project, FetchError>) {
        let project = match fetched {
            Ok(project) => project,
            Err(error) => {
                self.dialogs.show_error(error.to_string());
                return;
            }
        };
        let sections = project.sections.len();
        let (address, at) = project
            .draft
            .fetched
            .as_ref()
            .map(|f| (f.address.clone(), readable_timestamp(f.at)))
            .unwrap_or_default();
        self.show_review(OpenReview::new(Document::new(project), None, None));
        self.dialogs.show_info(format!(
            "Imported {address} (fetched {at}): {}. Save to keep the review.",
            counted(sections, "section", "sections")
        ));
    }
}
