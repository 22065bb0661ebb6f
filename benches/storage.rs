//! What keeping a book-length review safe costs: prints figures, asserts nothing.
//!
//! Run with `cargo bench -- storage`. The review is the benchmarks' 300,000-word
//! manuscript with 10,000 comments. Saving runs on the desk's file thread, so the only cost on
//! the window's thread is the copy of the project handed to it (and, every few seconds while
//! someone types, the copy for the recovery journal).

use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::import::import_bytes;
use copydesk::model::DraftFormat;
use copydesk::project_file::{project_file_bytes, read_project_bytes, ron_from_project};
use copydesk::storage::backups::Backups;
use copydesk::storage::journal::{JournalMeta, write_journal};
use copydesk::storage::lock::LockOwner;
use copydesk::storage::save::{Expectation, SaveRequest, save_project};
use copydesk::storage::{ContentHash, RealFileSystem};
use jiff::Timestamp;

use crate::support::manuscript::{manuscript, median};
use crate::support::marks;

const TARGET_WORDS: usize = 300_000;
const MARKS: usize = 10_000;
const RUNS: usize = 7;

fn time(label: &str, target: &str, mut run: impl FnMut()) {
    let times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .collect();
    println!(
        "{label:<58} {:>8.1} ms   {target}",
        median(times).as_secs_f64() * 1000.0
    );
}

/// Runs the group, printing its figures.
pub fn run() {
    let text = manuscript(TARGET_WORDS);
    let imported = import_bytes(
        Path::new("manuscript.txt"),
        text.as_bytes(),
        DraftFormat::PlainText,
        Timestamp::now(),
    )
    .unwrap();
    let project = marks::marked(imported, MARKS);
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.copydesk.ron");
    let backups = Backups::in_data_dir(data.path());
    let bytes = ron_from_project(&project).unwrap();
    println!(
        "review: {} words, {} sections, {} marks, {:.1} MB on disk (median of {RUNS} runs)",
        text.split_whitespace().count(),
        project.sections.len(),
        project.comments.len(),
        bytes.len() as f64 / 1e6
    );

    time(
        "copy of the project handed to the file thread",
        "(UI thread)",
        || {
            std::hint::black_box(project.clone());
        },
    );
    time("serialise to RON", "", || {
        std::hint::black_box(ron_from_project(&project).unwrap());
    });
    time("content hash (SHA-256) of the file", "", || {
        std::hint::black_box(ContentHash::of(bytes.as_bytes()));
    });
    std::fs::write(&path, &bytes).unwrap();
    time(
        "save: check, backup, write, flush, rename, sync",
        "target ≤ 150 ms (file thread)",
        || {
            let on_disk = ContentHash::of(&std::fs::read(&path).unwrap());
            save_project(
                &RealFileSystem,
                SaveRequest {
                    project: &project,
                    path: &path,
                    expect: Expectation::Unchanged(on_disk),
                    backups: Some(&backups),
                    upgrading_from: None,
                },
                Timestamp::now(),
            )
            .unwrap();
        },
    );
    let journal = data.path().join("recovery").join("book.copydesk.ron");
    let meta = JournalMeta {
        project_path: Some(path.clone()),
        article_path: None,
        name: "book.copydesk.ron".to_owned(),
        base_hash: None,
        base_version: None,
        writer: LockOwner::this_process(),
        written_at: Timestamp::now(),
    };
    time(
        "recovery journal: serialise and write atomically",
        "(file thread)",
        || {
            write_journal(&RealFileSystem, &journal, &meta, &project).unwrap();
        },
    );
    time(
        "open: read, hash, parse, validate",
        "target ≤ 100 ms",
        || {
            let bytes = project_file_bytes(&path).unwrap();
            std::hint::black_box(ContentHash::of(&bytes));
            std::hint::black_box(read_project_bytes(&path, &bytes).unwrap());
        },
    );
}
