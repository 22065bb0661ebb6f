//! The crate keeps the shape docs/ARCHITECTURE.md describes: the functional core stays free of
//! the UI, no files refer to each other in a cycle (beyond a parent module and its children),
//! and files stay small. There are no exceptions: a failure names the files and lines.

mod cycles;
mod references;
mod tokens;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use cycles::cycles;
use references::{References, SourceFile, rust_files};

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
        // The binary wires the command line and the desk together; lib.rs declares `app`
        // without naming its toolkit.
        if path.ends_with("src/main.rs") {
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

/// Fails on every cycle in this part of the crate (`in_part`), naming the references that
/// make it.
fn check_cycles(part: &str, in_part: impl Fn(&BTreeSet<SourceFile>) -> bool) {
    let references = library();
    assert!(references.files.len() > 50, "found {:?}", references.files);
    let problems: Vec<String> = cycles(references)
        .into_iter()
        .filter(|cycle| in_part(cycle))
        .map(|cycle| {
            format!(
                "these files of the {part} refer to each other in a cycle:\n{}",
                references_within(references, &cycle)
            )
        })
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
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
    let mut long = Vec::new();
    for folder in ["src", "tests"] {
        for path in rust_files(&root().join(folder)) {
            let name = path
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let lines = std::fs::read_to_string(&path).unwrap().lines().count();
            if lines > MOST_LINES && name != LONG_BY_NATURE {
                long.push(format!("{name} has {lines} lines: split it by concern"));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}
