//! How the claim library scales: 1,000 reviews of about 10,000 words with 50 claims each
//! (50,000 claims), cut from the book generator's book at different places with their figures
//! varied, so no two reviews are the same text. Prints figures, asserts nothing. Targets:
//! every sentence of the 300,000-word book matched against the 50,000 claims in ≤ 300 ms,
//! memory while matching ≤ 150 MB; the index built in ≤ 60 s and ≤ 25% of the reviews' size.
//!
//! Run with `cargo bench -- library`. `reviews` makes the reviews; this file times them.
//! To profile matching alone, `LIBRARY_MATCH_RUNS=30 cargo bench -- library` times it that
//! many times and skips the index update (e.g. under `perf record`).

mod reviews;

use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::library::{Library, LibraryClaim, Matcher, claims_of_project};
use copydesk::progress::Progress;
use copydesk::suggest::project_sentences;

use crate::support::book::Book;
use crate::support::manuscript::median;

const RUNS: usize = 3;
/// Set, the number of times matching is timed, and the index update is skipped: for
/// profiling the matching loop alone.
const MATCH_RUNS_VARIABLE: &str = "LIBRARY_MATCH_RUNS";
const TARGET_MATCH_MS: f64 = 300.0;
const TARGET_MEMORY_MB: f64 = 150.0;
const TARGET_UPDATE_S: f64 = 60.0;

/// Runs the group, printing its figures.
pub fn run() {
    let started = Instant::now();
    let book = Book::generate();
    let folder = tempfile::tempdir().unwrap();
    let reviews_folder = folder.path().join("reviews");
    std::fs::create_dir_all(&reviews_folder).unwrap();
    let mut claims: Vec<LibraryClaim> = Vec::new();
    let mut review_bytes = 0;
    let mut review_words = 0;
    let empty = reviews::empty_review(&book.project);
    for number in 0..reviews::REVIEWS {
        let review = reviews::review(&book.project, &empty, number);
        review_words += review
            .sections
            .iter()
            .map(|section| section.text.split_whitespace().count())
            .sum::<usize>();
        let path = reviews_folder.join(format!("review-{number:04}.copydesk.ron"));
        copydesk::storage::SaveRequest::new(&review, &path)
            .save()
            .unwrap();
        review_bytes += std::fs::metadata(&path).unwrap().len();
        claims.extend(claims_of_project(&review, &path));
    }
    println!(
        "{} reviews, {review_words} words, {} claims; review files {:.1} MB (generated in {:.1} s)",
        reviews::REVIEWS,
        claims.len(),
        review_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let resident_before = memory_kilobytes("VmRSS:");
    let building = Instant::now();
    let matcher = Matcher::new(claims);
    let build_time = building.elapsed();
    let resident_after = memory_kilobytes("VmRSS:");
    println!(
        "matcher built from {} claims in {:.0} ms; resident memory {:.1} MB → {:.1} MB",
        matcher.claims().len(),
        build_time.as_secs_f64() * 1e3,
        resident_before.unwrap_or(0.0) / 1024.0,
        resident_after.unwrap_or(0.0) / 1024.0
    );

    let sentences: Vec<&str> = project_sentences(&book.project)
        .into_iter()
        .map(|(_, _, sentence)| sentence)
        .collect();
    let peak_was_reset = reset_peak_memory();
    let mut times: Vec<Duration> = Vec::new();
    let mut found = (0, 0, 0);
    let match_runs: Option<usize> = std::env::var(MATCH_RUNS_VARIABLE)
        .ok()
        .and_then(|runs| runs.parse().ok());
    let runs = match_runs.unwrap_or(RUNS);
    for _ in 0..runs {
        let matching = Instant::now();
        let all = std::hint::black_box(matcher.matches_for_all(&sentences));
        times.push(matching.elapsed());
        found = (
            all.iter().filter(|matches| !matches.is_empty()).count(),
            all.iter().map(Vec::len).sum::<usize>(),
            all.iter()
                .flatten()
                .filter(|found| {
                    matches!(
                        found.kind,
                        copydesk::library::MatchKind::DifferentFigure { .. }
                    )
                })
                .count(),
        );
    }
    let median_ms = median(times.clone()).as_secs_f64() * 1e3;
    println!(
        "{} sentences of the book ({} words): {} with a match, {} matches, {} of them another figure",
        sentences.len(),
        book.words(),
        found.0,
        found.1,
        found.2
    );
    println!(
        "matching every sentence (2 threads): median {median_ms:.0} ms, min {:.0} ms, max {:.0} ms over {runs} runs — {} (target ≤ {TARGET_MATCH_MS} ms)",
        times.iter().min().unwrap().as_secs_f64() * 1e3,
        times.iter().max().unwrap().as_secs_f64() * 1e3,
        verdict(median_ms <= TARGET_MATCH_MS)
    );
    match memory_kilobytes("VmHWM:") {
        Some(peak) => {
            let peak_mb = peak / 1024.0;
            let what = if peak_was_reset {
                "peak resident memory while matching (the whole process: the book, the matcher and its claims)"
            } else {
                "peak resident memory of the whole run (the peak could not be reset)"
            };
            println!(
                "{what}: {peak_mb:.1} MB — {} (target ≤ {TARGET_MEMORY_MB} MB)",
                verdict(peak_mb <= TARGET_MEMORY_MB)
            );
        }
        None => println!("/proc/self/status has no VmHWM on this system: memory not measured"),
    }
    drop(matcher);

    if match_runs.is_some() {
        return;
    }
    library_update(folder.path(), &reviews_folder, review_bytes);
}

/// Indexes the review files with the library in the data folder: time and index size.
fn library_update(data_folder: &Path, reviews_folder: &Path, review_bytes: u64) {
    let updated = Library::open_in(&data_folder.join("data")).and_then(|mut library| {
        library.add_folder(reviews_folder)?;
        let started = Instant::now();
        let report = library.update(&Progress::new())?;
        let took = started.elapsed().as_secs_f64();
        let stats = library.stats()?;
        Ok((report, took, stats))
    });
    match updated {
        Ok((report, took, stats)) => {
            println!(
                "library update: {} reviews indexed, {} claims, {} skipped in {took:.1} s — {} (target ≤ {TARGET_UPDATE_S} s)",
                report.indexed,
                report.claims,
                report.skipped.len(),
                verdict(took <= TARGET_UPDATE_S)
            );
            let ratio = stats.index_bytes as f64 / review_bytes as f64;
            println!(
                "index {:.1} MB, {:.0}% of the reviews' {:.1} MB — {} (target ≤ 25%)",
                stats.index_bytes as f64 / 1e6,
                ratio * 100.0,
                review_bytes as f64 / 1e6,
                verdict(ratio <= 0.25)
            );
        }
        Err(error) => println!("library update not measured: {error}"),
    }
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}

/// A figure of /proc/self/status in kilobytes ("VmRSS:", "VmHWM:").
fn memory_kilobytes(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Starts VmHWM again from the memory resident now (Linux: `5` to /proc/self/clear_refs),
/// so the peak read after matching is the peak while matching.
fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}
