//! How fast a book-length manuscript is imported from each format, and how fast the review is
//! exported: prints figures, asserts nothing. Target (issue 7): 300,000 words in under 200 ms
//! from .txt, .md or .docx.
//!
//! Run with `cargo bench -- import`. The manuscript is the shared one of real news
//! sentences; the .docx is copydesk's own export of it with 2,000 comments (Word comments to
//! read back), the web page a plain rendering of the same text.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use copydesk::export::{ExportFormat, export_bytes};
use copydesk::import::import_bytes;
use copydesk::model::{Comment, DraftFormat, Passage};
use jiff::Timestamp;

use crate::support::manuscript::{manuscript, median};
use copydesk::model::Reviewer;

const TARGET_WORDS: usize = 300_000;
const COMMENTS: usize = 2_000;
const RUNS: usize = 7;

/// Runs the group, printing its figures.
pub fn run() {
    let text = manuscript(TARGET_WORDS);
    let mut project = import_bytes(
        Path::new("manuscript.txt"),
        text.as_bytes(),
        DraftFormat::PlainText,
        Timestamp::now(),
    )
    .unwrap();
    // Comments spread through the book, each on the first word of a section.
    let step = (project.sections.len() / COMMENTS).max(1);
    let marked: Vec<(copydesk::model::SectionId, Passage)> = project
        .sections
        .iter()
        .step_by(step)
        .take(COMMENTS)
        .filter_map(|s| {
            let end = s.text.find(' ')?;
            Some((
                s.id.clone(),
                Passage::from_section_text(&s.text, 0..end).ok()?,
            ))
        })
        .collect();
    for (section, passage) in marked {
        let mut comment = Comment::new(
            section,
            Some(passage),
            &Reviewer::named("Bench"),
            Timestamp::now(),
        );
        comment.body = "Check this.".to_owned();
        project.comments.push(comment);
    }
    let docx = export_bytes(&project, ExportFormat::Docx).unwrap();
    let escaped = |text: &str| text.replace('&', "&amp;").replace('<', "&lt;");
    let mut html = String::from("<!doctype html><html><body><article>");
    for section in &project.sections {
        if let Some(heading) = &section.heading {
            let _ = write!(html, "<h2>{}</h2>", escaped(heading));
        }
        for paragraph in section.paragraphs() {
            let _ = write!(html, "<p>{}</p>", escaped(paragraph));
        }
    }
    html.push_str("</article></body></html>");
    println!(
        "manuscript: {} words, {} sections, {} comments; .txt {:.1} MB, .docx {:.1} MB, .html {:.1} MB",
        text.split_whitespace().count(),
        project.sections.len(),
        project.comments.len(),
        text.len() as f64 / 1e6,
        docx.len() as f64 / 1e6,
        html.len() as f64 / 1e6,
    );

    for (name, bytes, format) in [
        ("import .txt", text.as_bytes(), DraftFormat::PlainText),
        ("import .md", text.as_bytes(), DraftFormat::Markdown),
        ("import .docx", docx.as_slice(), DraftFormat::Docx),
        ("import .html", html.as_bytes(), DraftFormat::Html),
    ] {
        let mut times = Vec::new();
        let mut comments = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let imported = import_bytes(Path::new(name), bytes, format, Timestamp::now()).unwrap();
            times.push(started.elapsed());
            comments = imported.comments.len();
        }
        println!(
            "{name:<14} median {:>6.1} ms  (target 200 ms; {comments} comments read)",
            median(times).as_secs_f64() * 1e3
        );
    }
    for format in ExportFormat::ALL {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..3 {
            let started = Instant::now();
            size = export_bytes(&project, format).unwrap().len();
            times.push(started.elapsed());
        }
        println!(
            "export {:<46} median {:>6.1} ms  ({:.1} MB)",
            format.label(),
            median(times).as_secs_f64() * 1e3,
            size as f64 / 1e6
        );
    }
}
