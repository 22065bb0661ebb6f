//! Fuzzing the project loader: cut, mutated, random and token-soup files never panic and are
//! answered quickly (a hang guard, not a benchmark); whatever it accepts saves and reopens
//! equal, and can be reported on, checked and exported without a panic; random reviews
//! survive a save and a reload.
//!
//! Routine runs keep the case counts modest; `COPYDESK_FUZZ_CASES=50000 cargo test --release
//! --offline --test tests project_fuzz` runs many more.

use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::check::open_items;
use copydesk::document::Document;
use copydesk::export::{ExportFormat, export_bytes};
use copydesk::model::Project;
use copydesk::project_file::{
    FORMAT_VERSION, ProjectFileError, ReadProject, read_project_bytes, ron_from_project,
};
use copydesk::suggest::suggestions_for_project;
use proptest::prelude::*;

use crate::common::{GOLDEN_PROJECTS, edit_from_choices, golden_project};

/// Far above what a read takes, even in a debug build on a busy machine: only a hang (or
/// something quadratic) gets near it.
const HANG_GUARD: Duration = Duration::from_secs(2);

/// `COPYDESK_FUZZ_CASES` cases when set, else `default`.
fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("COPYDESK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        // Failures are kept as named regression tests, not in a file beside the source.
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

fn goldens() -> Vec<Vec<u8>> {
    GOLDEN_PROJECTS
        .iter()
        .map(|(name, _)| golden_project(name).1)
        .collect()
}

/// Reads `bytes` as a project file, checking the answer came quickly and, when the file was
/// accepted, that the project saves and reopens equal (nothing accepted is lost on saving).
/// `Err` tells what went wrong.
fn read_checked(bytes: &[u8]) -> Result<Result<ReadProject, ProjectFileError>, String> {
    let path = Path::new("fuzz.copydesk.ron");
    let started = Instant::now();
    let read = read_project_bytes(path, bytes);
    let took = started.elapsed();
    if took >= HANG_GUARD {
        return Err(format!("took {took:?}"));
    }
    match &read {
        Ok(read) => {
            let text = ron_from_project(&read.project)
                .map_err(|e| format!("cannot save what was read: {e}"))?;
            let again = read_project_bytes(path, text.as_bytes())
                .map_err(|e| format!("saved, does not reopen: {e}\n{text}"))?;
            if again.version != FORMAT_VERSION || again.project != read.project {
                return Err(format!("saved, reopens different:\n{text}"));
            }
            use_project(&read.project);
        }
        Err(error) => {
            let message = error.to_string();
            if !message.starts_with("fuzz.copydesk.ron") {
                return Err(format!("a refusal that does not name the file: {message}"));
            }
        }
    }
    Ok(read)
}

/// What is done with a project once opened: what the loader accepts must not make any of it
/// panic (a panic here is a check the loader is missing).
fn use_project(project: &Project) {
    for format in ExportFormat::ALL {
        let _ = export_bytes(project, format);
    }
    let _ = open_items(project);
    let _ = suggestions_for_project(project);
}

/// [`read_checked`] inside a property.
fn read_ok(bytes: &[u8]) -> Result<Result<ReadProject, ProjectFileError>, TestCaseError> {
    read_checked(bytes).map_err(TestCaseError::fail)
}

/// [`read_checked`] inside a property, when only its checks matter.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    read_ok(bytes).map(drop)
}

/// Whether cutting a file at `end` left a project: only the whole file, or one missing no
/// more than trailing white space, may be read.
fn cut_is_consistent(
    bytes: &[u8],
    end: usize,
    read: &Result<ReadProject, ProjectFileError>,
) -> bool {
    read.is_err() || bytes[end..].iter().all(u8::is_ascii_whitespace)
}

/// One change to a file's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    Flip {
        at: usize,
        bit: u8,
    },
    Insert {
        at: usize,
        byte: u8,
    },
    Delete {
        at: usize,
        len: usize,
    },
    /// A piece of RON syntax put in, where structure breaks in interesting ways.
    Token {
        at: usize,
        token: &'static str,
    },
    /// A stretch copied elsewhere: duplicated fields, ids, brackets.
    Copy {
        from: usize,
        len: usize,
        to: usize,
    },
    /// One of the file's numbers (an offset, a level, a draft number, a percentage) replaced.
    Number {
        nth: usize,
        value: u64,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        // Mostly bits and bytes that keep the file UTF-8, or nearly every case is refused as
        // not text before the RON reader sees it.
        (any::<usize>(), prop_oneof![4 => 0..7_u8, 1 => Just(7_u8)])
            .prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (
            any::<usize>(),
            prop_oneof![4 => 0x20..0x7f_u8, 1 => any::<u8>()]
        )
            .prop_map(|(at, byte)| Mutation::Insert { at, byte }),
        (any::<usize>(), 1..64_usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), prop::sample::select(TOKENS))
            .prop_map(|(at, token)| Mutation::Token { at, token }),
        (any::<usize>(), 1..400_usize, any::<usize>()).prop_map(|(from, len, to)| Mutation::Copy {
            from,
            len,
            to
        }),
        (any::<usize>(), number()).prop_map(|(nth, value)| Mutation::Number { nth, value }),
    ]
}

/// Numbers at the edges of what a field holds, and small ones (offsets, levels, counts).
fn number() -> impl Strategy<Value = u64> {
    prop_oneof![
        prop::sample::select(vec![
            0,
            1,
            2,
            6,
            7,
            99,
            100,
            101,
            255,
            256,
            65_535,
            65_536,
            u64::from(u32::MAX),
            u64::from(u32::MAX) + 1,
            u64::MAX,
        ]),
        0..1_000_u64,
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let place = |at: usize, len: usize| if len == 0 { 0 } else { at % (len + 1) };
    match *mutation {
        Mutation::Flip { at, bit } => {
            if !bytes.is_empty() {
                let at = at % bytes.len();
                bytes[at] ^= 1 << bit;
            }
        }
        Mutation::Insert { at, byte } => bytes.insert(place(at, bytes.len()), byte),
        Mutation::Delete { at, len } => {
            let at = place(at, bytes.len());
            let end = (at + len).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::Token { at, token } => {
            let at = place(at, bytes.len());
            bytes.splice(at..at, token.bytes());
        }
        Mutation::Copy { from, len, to } => {
            let from = place(from, bytes.len());
            let end = (from + len).min(bytes.len());
            let piece = bytes[from..end].to_vec();
            let to = place(to, bytes.len());
            bytes.splice(to..to, piece);
        }
        Mutation::Number { nth, value } => {
            let mut numbers = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if i > start {
                    numbers.push(start..i);
                }
                i += 1;
            }
            if !numbers.is_empty() {
                let range = numbers[nth % numbers.len()].clone();
                bytes.splice(range, value.to_string().bytes());
            }
        }
    }
}

/// RON as a project file has it, and as it could be: the pieces token soup is made of.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    " ",
    "\n",
    "Some(",
    "None",
    "()",
    "\"\"",
    "\"text\"",
    "\"s-000000000000\"",
    "\"c-0\"",
    "\"k-0\"",
    "r#\"raw \" string\"#",
    "r\"\"",
    "\"\\u{202e}\"",
    "\"\\u{d800}\"",
    "\"\\x\"",
    "'c'",
    "b\"bytes\"",
    "0",
    "1",
    "-1",
    "255",
    "256",
    "4294967296",
    "18446744073709551616",
    "1e400",
    "-0.0",
    "NaN",
    "inf",
    "0x1F",
    "0b1",
    "1_000",
    "true",
    "false",
    "//",
    "// comment\n",
    "/*",
    "*/",
    "/* /* nested */ */",
    "#![enable(implicit_some)]",
    "#![enable(unwrap_newtypes)]",
    "#![enable(unwrap_variant_newtypes)]",
    "format",
    "\"copydesk-project\"",
    "version",
    "title",
    "draft",
    "file_name",
    "sha256",
    "imported_at",
    "\"2026-11-30T10:00:00Z\"",
    "\"2026-13-45T99:99:99Z\"",
    "\"2026-11-30\"",
    "number",
    "tracked_changes",
    "sections",
    "id",
    "heading",
    "level",
    "status",
    "paragraphs",
    "revision",
    "from_draft",
    "from",
    "status_before",
    "heading_before",
    "text_changed",
    "comments",
    "section",
    "passage",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "author",
    "created",
    "body",
    "replies",
    "resolved",
    "by",
    "at",
    "carried",
    "state",
    "section_before",
    "passage_before",
    "similarity",
    "decided",
    "origin",
    "claims",
    "sources",
    "url",
    "note",
    "rank",
    "accessed",
    "dealt_with",
    "kinds",
    "history",
    "dismissed",
    "sentence",
    "earlier_drafts",
    "Markdown",
    "Docx",
    "Html",
    "PlainText",
    "Unreviewed",
    "InReview",
    "NeedsChanges",
    "Approved",
    "NeedsSource",
    "InProgress",
    "Verified",
    "Incorrect",
    "Unverifiable",
    "Corrected",
    "Cut",
    "Primary",
    "Secondary",
    "Figure",
    "Exact",
    "Fuzzy",
    "Orphaned",
    "Removed",
    "WordComment",
    "TrackedInsertion",
    "Disputed",
    "Section",
    "\u{feff}",
    "\u{0}",
    "é",
    "🚲",
];

/// The start of a project file, so token soup gets past "not a copydesk project".
fn header(version: u32) -> String {
    format!("(\n    format: \"copydesk-project\",\n    version: {version},\n")
}

#[test]
fn every_golden_file_cut_short_anywhere_is_refused_or_read_never_a_panic() {
    for bytes in goldens() {
        // Every offset near the start and the end (the header, the closing brackets), and
        // a few hundred in between.
        let len = bytes.len();
        let step = (len / 300).max(1);
        let offsets = (0..len.min(200))
            .chain((0..len).step_by(step))
            .chain(len.saturating_sub(200)..len);
        for end in offsets {
            let read = read_checked(&bytes[..end]).unwrap_or_else(|e| panic!("cut at {end}: {e}"));
            assert!(
                cut_is_consistent(&bytes, end, &read),
                "cut at {end} was read"
            );
        }
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn a_golden_file_cut_anywhere_never_panics(file in 0..GOLDEN_PROJECTS.len(), end in any::<usize>()) {
        let bytes = &goldens()[file];
        let end = end % (bytes.len() + 1);
        let read = read_ok(&bytes[..end])?;
        prop_assert!(cut_is_consistent(bytes, end, &read), "cut at {end} was read");
    }

    #[test]
    fn a_mutated_golden_file_never_panics(
        file in 0..GOLDEN_PROJECTS.len(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let mut bytes = goldens()[file].clone();
        for mutation in &mutations {
            mutate(&mut bytes, mutation);
        }
        check(&bytes)?;
    }

    #[test]
    fn random_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        with_header in any::<bool>(),
    ) {
        let bytes = if with_header {
            [header(FORMAT_VERSION).as_bytes(), &bytes].concat()
        } else {
            bytes
        };
        check(&bytes)?;
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,2000}", version in 0..7_u32) {
        check((header(version) + &text).as_bytes())?;
    }

    #[test]
    fn token_soup_never_panics(
        version in prop::sample::select(vec![0_u32, 1, 2, 3, 4, 5, u32::MAX]),
        tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..400),
    ) {
        let text = header(version) + &tokens.concat();
        check(text.as_bytes())?;
    }

    /// The soup again, but as the value of a real file's field: deeper into the loader.
    #[test]
    fn token_soup_inside_a_golden_file_never_panics(
        file in 0..GOLDEN_PROJECTS.len(),
        at in any::<usize>(),
        tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..60),
    ) {
        let mut bytes = goldens()[file].clone();
        // After a line break: where a field starts.
        let breaks: Vec<usize> = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i + 1)
            .collect();
        let at = breaks[at % breaks.len()];
        bytes.splice(at..at, tokens.concat().bytes());
        check(&bytes)?;
    }
}

proptest! {
    #![proptest_config(config(200))]

    /// Random edits to the sample review, saved and reloaded: the same review.
    #[test]
    fn a_randomly_edited_review_saves_and_reloads_equal(
        choices in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 0..40),
    ) {
        let sample = copydesk::sample::sample_project(jiff::Timestamp::now()).unwrap();
        let mut document = Document::new(sample);
        for (kind, a, b) in choices {
            let edit = edit_from_choices(document.project(), kind, a, b);
            document.apply(edit).unwrap();
        }
        let project = document.project();
        let text = ron_from_project(project).unwrap();
        let read = read_project_bytes(Path::new("edited.copydesk.ron"), text.as_bytes());
        prop_assert!(read.is_ok(), "{:?}\n{text}", read.err());
        let read = read.unwrap();
        prop_assert_eq!(read.version, FORMAT_VERSION);
        prop_assert_eq!(&read.project, project);
    }
}
