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
use copydesk::model::{Claim, Comment, Project, Reviewer};
use jiff::Timestamp;

use crate::common::passage_of;

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

/// The test article `name`, imported from Word and reviewed by a reviewer with an Arabic name:
/// a comment on Arabic words, one in English on the paragraph opening with "CNN", a claim on
/// the mixed article's figure, a Hebrew comment on the Hebrew one.
fn reviewed(name: &str) -> Project {
    let mut project = imported(name, "docx");
    let reviewer = Reviewer::named("ليلى حداد");
    let at = Timestamp::from_second(1_714_000_000).unwrap();
    let comment_on = |project: &mut Project, quote: &str, body: &str| {
        let (section, passage) = passage_of(project, quote);
        let mut comment = Comment::new(section, Some(passage), &reviewer, at);
        comment.body = body.to_owned();
        project.comments.push(comment);
    };
    match name {
        "arabic" => {
            comment_on(
                &mut project,
                "الطريق الساحلي",
                "هل الموعد مؤكد؟\nنحتاج مصدرا من البلدية (بيان رسمي).",
            );
            comment_on(&mut project, "CNN نقلت", "Which CNN report (date)?");
        }
        "hebrew" => comment_on(&mut project, "בכחצי שעה", "לפי מה? (מקור)"),
        _ => {
            let (section, passage) = passage_of(&project, "4,200 مليون دينار");
            let mut claim = Claim::new(section, passage, &reviewer, at);
            claim.note = "الرقم في الجريدة الرسمية (العدد ٣٢).".to_owned();
            project.claims.push(claim);
        }
    }
    project
}
