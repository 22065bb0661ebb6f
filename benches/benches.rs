//! The benchmarks, in one binary of named groups: `cargo bench` runs every group,
//! `cargo bench -- book` one, `cargo bench -- suggest revise` those two, in the order given.
//! Each group prints its figures and asserts nothing (docs/PERFORMANCE.md).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

mod book;
mod desk;
mod find;
mod import;
mod library;
mod merge;
mod revise;
mod rtl;
mod storage;
mod suggest;
mod support;
mod webpages;

use std::process::ExitCode;

/// Every group, by the name that runs it, in the order `cargo bench` runs them.
const GROUPS: [(&str, fn()); 11] = [
    ("desk", desk::run),
    ("suggest", suggest::run),
    ("revise", revise::run),
    ("import", import::run),
    ("merge", merge::run),
    ("storage", storage::run),
    ("book", book::run),
    ("find", find::run),
    ("webpages", webpages::run),
    ("rtl", rtl::run),
    ("library", library::run),
];

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if book::ran_as_peak_memory_child(&arguments) {
        return ExitCode::SUCCESS;
    }
    // Cargo passes options of its own (`--bench`): only the other arguments name groups.
    let names: Vec<&str> = arguments
        .iter()
        .map(String::as_str)
        .filter(|argument| !argument.starts_with("--"))
        .collect();
    let unknown: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| !GROUPS.iter().any(|(group, _)| group == name))
        .collect();
    if !unknown.is_empty() {
        let groups: Vec<&str> = GROUPS.iter().map(|(group, _)| *group).collect();
        eprintln!(
            "no benchmark group named {}; the groups are: {}",
            unknown.join(", "),
            groups.join(", ")
        );
        return ExitCode::FAILURE;
    }
    let chosen: Vec<&str> = if names.is_empty() {
        GROUPS.iter().map(|(group, _)| *group).collect()
    } else {
        names
    };
    for name in &chosen {
        if chosen.len() > 1 {
            println!("\n# {name}\n");
        }
        if let Some((_, run)) = GROUPS.iter().find(|(group, _)| group == name) {
            run();
        }
    }
    ExitCode::SUCCESS
}
