//! The review report as Markdown.

use crate::model::Project;
use crate::suggest::Suggestion;

pub fn review_report_markdown(project: &Project, undecided: &[&Suggestion]) -> String {
    crate::report::markdown_report(project, undecided)
}
