//! Right-to-left drafts through import and export (issue 18): our own Arabic, Hebrew and mixed
//! articles (`texts`) as .txt, .md, .html and .docx (`files`) come in with every word and the
//! direction each paragraph's source gives it (`import`), keep their text and marks through
//! save and reopen (`round_trip`), and go out with their direction in the web pages, the Word
//! document and the Markdown report (`exports`) — as Chromium and LibreOffice read them
//! (`outside`).

mod exports;
mod files;
mod import;
mod outside;
mod round_trip;
mod texts;

use std::path::Path;

use copydesk::bidi::{LEFT_TO_RIGHT_MARK, RIGHT_TO_LEFT_MARK};
use copydesk::import::import_file;
use copydesk::model::Project;
use jiff::Timestamp;

/// The test article `name` in the format `extension`, imported.
fn imported(name: &str, extension: &str) -> Project {
    let path = files::data_path(name, extension);
    import_file(Path::new(&path), Timestamp::UNIX_EPOCH)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The project's title, headings and paragraphs in reading order.
fn lines_of(project: &Project) -> Vec<String> {
    let mut lines = vec![project.title.clone()];
    for section in &project.sections {
        lines.extend(section.heading.clone());
        lines.extend(section.text.split('\n').map(str::to_owned));
    }
    lines
}

/// Every word of the project, sorted, without the direction marks import may have opened a
/// paragraph with (they are not words).
fn words_of(project: &Project) -> Vec<String> {
    let mut words: Vec<String> = lines_of(project)
        .iter()
        .flat_map(|line| line.split_whitespace())
        .map(|word| word.replace([RIGHT_TO_LEFT_MARK, LEFT_TO_RIGHT_MARK], ""))
        .filter(|word| !word.is_empty())
        .collect();
    words.sort();
    words
}
