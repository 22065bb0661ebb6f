//! Book-length manuscripts stay instant: every book-scale target, measured and printed beside
//! its figure. Prints, asserts nothing: timings belong in benchmarks, not in tests.
//!
//! Run with `cargo bench -- book` (docs/PERFORMANCE.md). The book is generated
//! (`support/book.rs`: 300,000 words, 1,500 sections, 10,000 comments and claims, the same
//! text as .txt, .md and .docx). The desk figures come from the real desk driven headless by
//! egui_kittest (`desk`): CPU time per `Harness::step` (the thread's, where Linux tells it),
//! which lays out, culls and tessellates but does not rasterize. Peak memory is measured in a
//! child process that only opens the book in the desk and scrolls it, so the generator's own
//! memory is not counted.

mod desk;

use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::import::import_bytes;
use copydesk::model::{DraftFormat, Project};
use copydesk::revise::{ReviseOptions, revise};
use copydesk::storage::backups::Backups;
use copydesk::storage::save::{Expectation, SaveRequest, save_project};
use copydesk::storage::{ContentHash, RealFileSystem};
use jiff::Timestamp;

use crate::support::book::Book;
use crate::support::desk::{desk, ms, report, settle};
use crate::support::manuscript::median;

use desk::{desk_figures, peak_memory, typing_figures};

const RUNS: usize = 7;
/// Starts this binary as the peak-memory child (see `desk::peak_memory`).
const PEAK_MEMORY_ARGUMENT: &str = "--peak-memory-of";

/// Whether this binary was started as the book group's peak-memory child, which only opens the
/// book in the desk and scrolls it (`desk::peak_memory`); if so, that has been done.
pub fn ran_as_peak_memory_child(arguments: &[String]) -> bool {
    let Some(at) = arguments.iter().position(|a| a == PEAK_MEMORY_ARGUMENT) else {
        return false;
    };
    desk::peak_memory_child(Path::new(&arguments[at + 1]));
    true
}

fn median_of(runs: usize, mut run: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let started = Instant::now();
                run();
                started.elapsed()
            })
            .collect(),
    )
}

/// Runs the group, printing its figures.
pub fn run() {
    let started = Instant::now();
    let book = Book::generate();
    let folder = tempfile::tempdir().unwrap();
    let project_path = book.write_to(folder.path());
    let next_draft_path = folder.path().join("the-long-inquiry-2.txt");
    std::fs::write(&next_draft_path, next_draft_text(&book)).unwrap();
    let marks = book.project.comments.len() + book.project.claims.len();
    println!(
        "book: {} words, {} sections, {} comments + {} claims = {marks} marks; project file {:.1} MB (generated in {:.1} s)",
        book.words(),
        book.project.sections.len(),
        book.project.comments.len(),
        book.project.claims.len(),
        std::fs::metadata(&project_path).unwrap().len() as f64 / 1e6,
        started.elapsed().as_secs_f64(),
    );
    println!("median of {RUNS} runs unless said; release build\n");

    // `BOOK_PART=core|desk|memory` runs one part; `open`, `typing` and `landing` repeat one
    // step for a profiler (`perf record`).
    let part = std::env::var("BOOK_PART").unwrap_or_default();
    if part.is_empty() || part == "core" {
        core_figures(&book, folder.path(), &project_path);
    }
    if part.is_empty() || part == "desk" {
        desk_figures(&project_path, &next_draft_path);
    }
    if part == "open" {
        for _ in 0..20 {
            std::hint::black_box(copydesk::open::open_path(&project_path).unwrap());
        }
    }
    if part == "landing" {
        for _ in 0..5 {
            let mut harness = desk(Some(project_path.clone()));
            harness.step();
        }
    }
    if part == "typing" {
        let mut harness = desk(Some(project_path.clone()));
        settle(&mut harness);
        for _ in 0..5 {
            typing_figures(&mut harness);
        }
    }
    if part.is_empty() || part == "memory" {
        peak_memory(&project_path);
    }
}

fn core_figures(book: &Book, folder: &Path, project_path: &Path) {
    let open = median_of(RUNS, || {
        std::hint::black_box(copydesk::open::open_path(project_path).unwrap());
    });
    report(
        "open the 10,000-mark project (read, hash, parse, check)",
        ms(open),
        "ms",
        100.0,
    );

    let data = tempfile::tempdir().unwrap();
    let backups = Backups::in_data_dir(data.path());
    let mut hash = ContentHash::of(&std::fs::read(project_path).unwrap());
    let save = median_of(RUNS, || {
        let saved = save_project(
            &RealFileSystem,
            SaveRequest {
                project: &book.project,
                path: project_path,
                expect: Expectation::Unchanged(hash),
                backups: Some(&backups),
                upgrading_from: None,
            },
            Timestamp::now(),
        )
        .unwrap();
        hash = saved.hash;
    });
    report(
        "save it (file thread: check, backup, write, flush, rename)",
        ms(save),
        "ms",
        150.0,
    );
    let copy = median_of(RUNS, || {
        std::hint::black_box(book.project.clone());
    });
    println!(
        "{:<58} {:>9.1} ms   (the only part on the window's thread)",
        "  of which: the copy handed to the file thread",
        ms(copy)
    );

    let now = Timestamp::now();
    for (what, name, bytes, format) in [
        (
            "import the .txt",
            "book.txt",
            book.plain.as_bytes(),
            DraftFormat::PlainText,
        ),
        (
            "import the .md",
            "book.md",
            book.markdown.as_bytes(),
            DraftFormat::Markdown,
        ),
        (
            "import the .docx",
            "book.docx",
            &book.docx[..],
            DraftFormat::Docx,
        ),
    ] {
        let time = median_of(RUNS, || {
            std::hint::black_box(import_bytes(Path::new(name), bytes, format, now).unwrap());
        });
        report(
            &format!("{what} ({:.1} MB)", bytes.len() as f64 / 1e6),
            ms(time),
            "ms",
            200.0,
        );
    }
    pandoc_ratio(folder);

    let suggestions = median_of(RUNS, || {
        std::hint::black_box(copydesk::suggest::detect_in_project(&book.project));
    });
    report(
        "suggestions over the manuscript",
        ms(suggestions),
        "ms",
        300.0,
    );

    let next = next_draft(book);
    let mut outcome = String::new();
    let reanchor = median_of(5, || {
        let revised = revise(&book.project, next.clone(), ReviseOptions::default());
        outcome = revised.summary.to_string();
    });
    report(
        "re-anchor 10,000 marks after a revision (median of 5)",
        ms(reanchor),
        "ms",
        200.0,
    );
    println!("  {}", copydesk::text::shortened(&outcome, 160));
}

/// The same .docx through copydesk and through pandoc (to plain text), in the same run.
fn pandoc_ratio(folder: &Path) {
    let docx = folder.join("the-long-inquiry.docx");
    let pandoc = |out: &Path| {
        std::process::Command::new("pandoc")
            .args(["--from", "docx", "--to", "plain", "--output"])
            .arg(out)
            .arg(&docx)
            .status()
    };
    let out = folder.join("pandoc.txt");
    match pandoc(&out) {
        Ok(status) if status.success() => {
            let time = median_of(3, || {
                pandoc(&out).unwrap();
            });
            let ours = median_of(3, || {
                std::hint::black_box(copydesk::import::import_file(&docx, Timestamp::now()))
                    .unwrap();
            });
            println!(
                "{:<58} {:>9.1} ms   copydesk {:.1} ms: {:.1}× faster (median of 3; pandoc includes starting up)",
                "pandoc, the same .docx to plain text",
                ms(time),
                ms(ours),
                ms(time) / ms(ours)
            );
        }
        _ => println!("pandoc is not installed: `sudo apt-get install pandoc` to compare"),
    }
}

/// A typical revision of the book, imported as the desk would: a word edited in 2% of the
/// paragraphs, 1% deleted, a paragraph added to every 40th section.
fn next_draft(book: &Book) -> Project {
    import_bytes(
        Path::new("the-long-inquiry-2.txt"),
        next_draft_text(book).as_bytes(),
        DraftFormat::PlainText,
        Timestamp::now(),
    )
    .unwrap()
}

fn next_draft_text(book: &Book) -> String {
    let mut text = String::new();
    let mut section = 0;
    for (index, paragraph) in book.plain.split("\n\n").enumerate() {
        let words = paragraph.split_whitespace().count();
        if words <= 8 {
            section += 1;
            text.push_str(paragraph);
            text.push_str("\n\n");
            if section % 40 == 0 {
                text.push_str("The writer added this paragraph in the second draft.\n\n");
            }
            continue;
        }
        if index % 100 == 7 {
            continue;
        }
        if index % 50 == 0 {
            let mut words: Vec<&str> = paragraph.split(' ').collect();
            let middle = words.len() / 2;
            words[middle] = "revised";
            text.push_str(&words.join(" "));
        } else {
            text.push_str(paragraph);
        }
        text.push_str("\n\n");
    }
    text
}
