//! The crate keeps the shape docs/ARCHITECTURE.md describes: the functional core stays free of
//! the UI, no files refer to each other in a cycle (beyond a parent module and its children),
//! and files stay small. Where today's code does not yet, the exceptions are listed here, and
//! the lists can only shrink: a test fails when an exception appears and when a listed one is
//! gone, printing the list as it should then read.

mod cycles;
mod references;
mod tokens;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use cycles::cycles;
use references::{References, SourceFile, rust_files};

/// Groups of files under `src/` that refer to each other in a cycle today (each group a
/// strongly connected set of files, sorted), references from unit tests included. Take a group
/// off once its cycle is broken.
const KNOWN_CYCLES: &[&[&str]] = &[
    &["model/anchor.rs", "model/comment.rs"],
    &["sample.rs", "suggest/mod.rs"],
    &[
        "app/cards_ui.rs",
        "app/claim_card_ui.rs",
        "app/revision_ui.rs",
    ],
    &["app/command.rs", "app/state/mod.rs"],
];

/// Files longer than [`MOST_LINES`] today. Take a file off once it is split.
const KNOWN_LONG_FILES: &[&str] = &[
    "src/app/article_ui.rs",
    "src/app/state/fact_check.rs",
    "src/app/state/mod.rs",
    "src/cli.rs",
    "src/edit.rs",
    "src/import/docx/body.rs",
    "src/import/html.rs",
    "src/import/mod.rs",
    "src/project_file.rs",
    "src/revise/placement.rs",
    "src/storage/journal.rs",
    "src/suggest/detect.rs",
];

/// The most lines a file under `src/` or `tests/` should have, its unit tests included.
const MOST_LINES: usize = 500;

/// A word list: long by nature, and read for its words, not its logic.
const LONG_BY_NATURE: &str = "src/suggest/words.rs";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every Rust file under `src/`, outside the desk (`src/app/`).
fn core_files() -> Vec<PathBuf> {
    let desk = root().join("src/app");
    rust_files(&root().join("src"))
        .into_iter()
        .filter(|path| !path.starts_with(&desk))
        .collect()
}

#[test]
fn the_core_does_not_depend_on_egui() {
    let files = core_files();
    assert!(files.len() > 10, "found {files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // main.rs and lib.rs wire the desk in; the command line (cli.rs and cli/) starts it
        // and shares its data folder.
        let in_cli = path
            .parent()
            .is_some_and(|folder| folder.ends_with("src/cli"));
        if ["main.rs", "lib.rs", "cli.rs"].contains(&name.as_str()) || in_cli {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for forbidden in ["egui", "eframe", "crate::app", "rfd::"] {
            assert!(
                !source.contains(forbidden),
                "{} mentions `{forbidden}`: the core must not depend on the desk",
                path.display()
            );
        }
    }
}

/// The library's references, read once for the tests that need them.
fn library() -> &'static References {
    static LIBRARY: OnceLock<References> = OnceLock::new();
    LIBRARY.get_or_init(|| References::of_library(&root().join("src")))
}

fn is_in_the_desk(file: &str) -> bool {
    file.starts_with("app/")
}

#[test]
fn the_core_has_no_cycles_between_files_beyond_a_parent_and_its_children() {
    check_cycles("core", |cycle| !cycle.iter().any(|f| is_in_the_desk(f)));
}

#[test]
fn the_desk_has_no_cycles_between_files_beyond_a_parent_and_its_children() {
    check_cycles("desk", |cycle| cycle.iter().any(|f| is_in_the_desk(f)));
}

/// Fails on every cycle in this part of the crate (`in_part`) that [`KNOWN_CYCLES`] does not
/// list, and on every one it lists that is gone.
fn check_cycles(part: &str, in_part: impl Fn(&BTreeSet<SourceFile>) -> bool) {
    let references = library();
    assert!(references.files.len() > 50, "found {:?}", references.files);
    let found: Vec<BTreeSet<SourceFile>> = cycles(references)
        .into_iter()
        .filter(|cycle| in_part(cycle))
        .collect();
    let known: Vec<BTreeSet<SourceFile>> = KNOWN_CYCLES
        .iter()
        .map(|cycle| cycle.iter().map(|&file| file.to_owned()).collect())
        .filter(|cycle| in_part(cycle))
        .collect();
    let mut problems = Vec::new();
    for cycle in found.iter().filter(|cycle| !known.contains(cycle)) {
        problems.push(format!(
            "these files refer to each other in a cycle:\n{}",
            references_within(references, cycle)
        ));
    }
    for cycle in known.iter().filter(|cycle| !found.contains(cycle)) {
        problems.push(format!(
            "KNOWN_CYCLES lists {cycle:?}, no longer a cycle as listed: take it off (or list \
             what is left of it)"
        ));
    }
    let listed: Vec<String> = found
        .iter()
        .map(|cycle| format!("    &{:?},", cycle.iter().collect::<Vec<_>>()))
        .collect();
    assert!(
        problems.is_empty(),
        "{}\n\nA new cycle is to be broken, not listed. The cycles in the {part} today:\n{}",
        problems.join("\n\n"),
        listed.join("\n")
    );
}

/// Each reference from one file of `cycle` to another, with the line that makes it.
fn references_within(references: &References, cycle: &BTreeSet<SourceFile>) -> String {
    let mut lines = Vec::new();
    for file in cycle {
        for (target, line) in &references.refers_to[file] {
            let parent_and_child = references.parent_of(file) == Some(target)
                || references.parent_of(target) == Some(file);
            if cycle.contains(target) && !parent_and_child {
                lines.push(format!("  src/{file}:{line} → src/{target}"));
            }
        }
    }
    lines.join("\n")
}

#[test]
fn no_file_is_longer_than_500_lines() {
    let mut long = BTreeSet::new();
    let mut report = Vec::new();
    for folder in ["src", "tests"] {
        for path in rust_files(&root().join(folder)) {
            let name = path
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let lines = std::fs::read_to_string(&path).unwrap().lines().count();
            if lines > MOST_LINES && name != LONG_BY_NATURE {
                report.push(format!("    \"{name}\", // {lines} lines"));
                long.insert(name);
            }
        }
    }
    let known: BTreeSet<String> = KNOWN_LONG_FILES.iter().map(|&f| f.to_owned()).collect();
    let mut problems: Vec<String> = long
        .difference(&known)
        .map(|file| format!("{file} is longer than {MOST_LINES} lines: split it by concern"))
        .collect();
    problems.extend(known.difference(&long).map(|file| {
        format!("KNOWN_LONG_FILES lists {file}, not longer than {MOST_LINES} lines: take it off")
    }));
    assert!(
        problems.is_empty(),
        "{}\n\nA new long file is to be split, not listed. The long files today:\n{}",
        problems.join("\n"),
        report.join("\n")
    );
}
