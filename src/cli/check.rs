//! `copydesk check`: the publishing gate — status 0 when every section is approved and nothing
//! is open, [`EXIT_OPEN`] with the list of what is.

use std::path::Path;
use std::process::ExitCode;

use super::output::print_then_exit;
use super::{CliError, EXIT_OPEN};
use crate::check::open_items;
use crate::project_file::load_project;
use crate::suggest::{detect_in_project, undecided};
use crate::text::counted;

/// Checks the project at `path`.
pub fn run(path: &Path) -> Result<ExitCode, CliError> {
    let project = load_project(path)?;
    let open = open_items(&project);
    if open.is_empty() {
        let progress = project.progress();
        return print_then_exit(
            &format!(
                "{}: ready — all {} approved, nothing open.\n",
                path.display(),
                counted(progress.sections, "section", "sections")
            ),
            ExitCode::SUCCESS,
        );
    }
    let mut text = format!(
        "{}: not ready — {} open:\n",
        path.display(),
        counted(open.len(), "item", "items")
    );
    for item in &open {
        text.push_str(&format!("  - {item}\n"));
    }
    let suggestions = detect_in_project(&project);
    let undecided = undecided(&suggestions, &project).len();
    if undecided > 0 {
        text.push_str(&format!(
            "Also: {} not yet accepted or dismissed (copydesk suggest {}).\n",
            counted(undecided, "suggested sentence", "suggested sentences"),
            path.display()
        ));
    }
    print_then_exit(&text, ExitCode::from(EXIT_OPEN))
}
