//! How fast the suggestion pass reads a book-length manuscript: prints figures, asserts
//! nothing. Target: 300,000 words in under 300 ms.
//!
//! Run with `cargo bench -- suggest`. The manuscript is the bundled sample and the
//! labelled test articles, repeated with their figures varied until it passes 300,000 words:
//! real news sentences, so the detector does the work it does on real drafts.

use std::path::Path;
use std::time::Instant;

use copydesk::import::import_bytes;
use copydesk::model::DraftFormat;
use copydesk::suggest::{detect_in_project, project_sentences, undecided};
use jiff::Timestamp;

use crate::support::manuscript::{manuscript, median};

const TARGET_WORDS: usize = 300_000;
const RUNS: usize = 7;

/// Runs the group, printing its figures.
pub fn run() {
    let text = manuscript(TARGET_WORDS);
    let words = text.split_whitespace().count();
    let project = import_bytes(
        Path::new("manuscript.txt"),
        text.as_bytes(),
        DraftFormat::PlainText,
        Timestamp::now(),
    )
    .unwrap();
    println!(
        "manuscript: {words} words, {} sections, {:.1} MB",
        project.sections.len(),
        text.len() as f64 / 1e6
    );

    let mut sentence_times = Vec::new();
    let mut detect_times = Vec::new();
    let mut undecided_times = Vec::new();
    let mut found = (0, 0, 0);
    for _ in 0..RUNS {
        let started = Instant::now();
        let sentences = project_sentences(&project).len();
        sentence_times.push(started.elapsed());

        let started = Instant::now();
        let all = detect_in_project(&project);
        detect_times.push(started.elapsed());

        let started = Instant::now();
        let left = undecided(&all, &project).len();
        undecided_times.push(started.elapsed());
        found = (sentences, all.len(), left);
    }
    println!(
        "sentences: {}; suggested: {}; undecided: {}",
        found.0, found.1, found.2
    );
    let detect = median(detect_times.clone());
    println!(
        "segmentation alone: median {:.1} ms",
        median(sentence_times).as_secs_f64() * 1e3
    );
    println!(
        "full suggestion pass (segment, learn names, assess): median {:.1} ms, min {:.1} ms, max {:.1} ms over {RUNS} runs ({:.0} words/ms)",
        detect.as_secs_f64() * 1e3,
        detect_times.iter().min().unwrap().as_secs_f64() * 1e3,
        detect_times.iter().max().unwrap().as_secs_f64() * 1e3,
        words as f64 / (detect.as_secs_f64() * 1e3)
    );
    println!(
        "filtering out decided suggestions: median {:.2} ms",
        median(undecided_times).as_secs_f64() * 1e3
    );
}
