//! Find keeps up with typing on the book (issue 17, item 3): a query typed key by key into the
//! find bar of the real desk, headless, on the 300,000-word book with its 10,000 marks.
//! Prints, asserts nothing.
//!
//! Run with `cargo bench -- find`. A keystroke's time is the CPU time of the frame that takes
//! the key (the search runs there) plus the frame that shows the result (the current match
//! scrolled to, the sections in view laid out again with their highlights). The core's own
//! share — the search alone, narrowing as the query grows — is printed beside it.

use std::time::{Duration, Instant};

use copydesk::query::{FindCorpus, FindQuery, FindResults};
use egui::{Event, Key, Modifiers};

use crate::support::book::Book;
use crate::support::desk::{Desk, desk, ms, report, settle, timed_step};
use crate::support::manuscript::median;

/// What is typed: a common word first (its first letter matches ~100,000 times), then a rare
/// one, then a few keys taken back (each a search from scratch).
const QUERIES: [&str; 2] = ["the council", "drought"];
const BACKSPACES: usize = 4;
/// A keystroke's result must be on screen within this.
const TARGET_MS: f64 = 20.0;

pub fn run() {
    let started = Instant::now();
    let book = Book::generate();
    let folder = tempfile::tempdir().unwrap();
    let project_path = book.write_to(folder.path());
    println!(
        "the book: {} sections, {} comments, {} claims (generated in {:.1} s)\n",
        book.project.sections.len(),
        book.project.comments.len(),
        book.project.claims.len(),
        started.elapsed().as_secs_f64()
    );
    core_figures(&book);

    let mut harness = desk(Some(project_path));
    settle(&mut harness);
    desk_figures(&mut harness);
}

/// The core alone: gathering the texts, and each keystroke's search.
fn core_figures(book: &Book) {
    let mut corpus = None;
    let gather = median(
        (0..7)
            .map(|_| {
                let started = Instant::now();
                corpus = Some(FindCorpus::new(&book.project, |_| true));
                started.elapsed()
            })
            .collect(),
    );
    let corpus = corpus.unwrap();
    println!(
        "{:<58} {:>9.1} ms   (once per change of the review, while the bar is open)",
        "gather the book's texts to search (median of 7)",
        ms(gather)
    );
    for query in QUERIES {
        let mut results = FindResults::default();
        let mut narrowing = Vec::new();
        let mut afresh = Vec::new();
        let mut typed = String::new();
        for character in query.chars() {
            typed.push(character);
            let query = FindQuery {
                text: typed.clone(),
                ..FindQuery::default()
            };
            let started = Instant::now();
            results = results.refined(&corpus, query.clone());
            narrowing.push(started.elapsed());
            let started = Instant::now();
            std::hint::black_box(FindResults::search(&corpus, query));
            afresh.push(started.elapsed());
        }
        println!(
            "{:<58} {:>9.2} ms   max {:.2} ms; searching afresh each key: median {:.2}, max {:.2} ms; {} matches",
            format!("  search per key typing “{query}”, median"),
            ms(median(narrowing.clone())),
            ms(narrowing.iter().copied().max().unwrap_or_default()),
            ms(median(afresh.clone())),
            ms(afresh.iter().copied().max().unwrap_or_default()),
            results.len()
        );
    }
}

/// The desk: Ctrl+F, then every key of every query, timed until its result is shown.
fn desk_figures(harness: &mut Desk) {
    let mut opening = Duration::ZERO;
    let mut keys = Vec::new();
    for (index, query) in QUERIES.iter().enumerate() {
        // Ctrl+F: the bar opens (the first time, gathering the texts) with the old query
        // selected, so typing replaces it.
        harness.event(key(Key::F, Modifiers::COMMAND));
        let (frame, _) = timed_step(harness);
        if index == 0 {
            opening = frame;
        }
        harness.run();
        for character in query.chars() {
            harness.event(Event::Text(character.to_string()));
            keys.push(keystroke(harness));
        }
        let find = &harness.state().state().find;
        println!(
            "typed “{query}”: {} matches, the current one {}",
            find.count(),
            find.current_match()
                .map_or("none", |found| found.place.description())
        );
    }
    for _ in 0..BACKSPACES {
        harness.event(key(Key::Backspace, Modifiers::NONE));
        keys.push(keystroke(harness));
    }
    let count = keys.len();
    println!(
        "{:<58} {:>9.1} ms   (gathering the texts included)",
        "open the find bar on the book (Ctrl+F)",
        ms(opening)
    );
    report(
        &format!("keystroke in the find bar until shown, median ({count} keys)"),
        ms(median(keys.clone())),
        "ms",
        TARGET_MS,
    );
    report(
        "  keystroke in the find bar until shown, max",
        ms(keys.iter().copied().max().unwrap_or_default()),
        "ms",
        TARGET_MS,
    );
}

/// One key's frames: the one that takes it (and searches), then the one that shows the
/// result; then the desk is left to settle, untimed.
fn keystroke(harness: &mut Desk) -> Duration {
    let (takes, _) = timed_step(harness);
    let (shows, _) = timed_step(harness);
    harness.run();
    takes + shows
}

fn key(key: Key, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}
