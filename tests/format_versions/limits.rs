//! The loader's limits: hostile nesting and size are refused quickly, with a message naming the
//! file, and checking many marks on a long section stays linear.

use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::project_file::{
    MAX_NESTING_DEPTH, MAX_PROJECT_BYTES, ProjectFileError, load_project, read_project,
    read_project_bytes,
};

use crate::common::{replaced, temp_dir};

use super::{golden, golden_text};
use copydesk::model::Reviewer;

/// Runs `read` and checks it took well under the hang guard's limit.
fn quickly<T>(what: &str, read: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = read();
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "{what} took {took:?}");
    result
}

#[test]
fn a_file_nested_100_000_deep_is_refused_quickly_as_nested_too_deeply() {
    const DEPTH: usize = 100_000;
    let head = "(\n    format: \"copydesk-project\",\n    version: 4,\n";
    let nests = [
        ("a list in a known field", "    title: ", "[", "]"),
        ("a list in an unknown field", "    extra: ", "[", "]"),
        ("a tuple in an unknown field", "    extra: ", "(", ")"),
        ("options", "    extra: ", "Some(", ")"),
        ("a map of structs", "    extra: ", "{\"k\": (a: ", ")}"),
        ("sections", "    sections: ", "[(paragraphs: ", ")]"),
    ];
    for version in ["4", "5"] {
        for (what, field, open, close) in nests {
            let text = format!(
                "{}{field}{}0{},\n)\n",
                head.replace("version: 4", &format!("version: {version}")),
                open.repeat(DEPTH),
                close.repeat(DEPTH)
            );
            let path = Path::new("deep.copydesk.ron");
            let error = quickly(what, || read_project_bytes(path, text.as_bytes())).unwrap_err();
            assert!(
                matches!(error, ProjectFileError::TooDeep { limit, .. } if limit == MAX_NESTING_DEPTH),
                "{what}, version {version}: {error}"
            );
            let message = error.to_string();
            assert!(message.starts_with("deep.copydesk.ron:"), "{message}");
            assert!(message.contains("nested too deeply"), "{message}");
        }
    }
}

#[test]
fn nesting_up_to_the_limit_is_read_and_one_level_more_is_not() {
    // The top-level struct and the field's value are a level each; a list and its items are
    // two more.
    let lists_within = MAX_NESTING_DEPTH / 2 - 1;
    let with_extra_field = |lists: usize| {
        replaced(
            &golden_text("v4.copydesk.ron"),
            "    version: 4,\n",
            &format!(
                "    version: 4,\n    extra: {}{},\n",
                "[".repeat(lists),
                "]".repeat(lists)
            ),
        )
    };
    let path = Path::new("nested.copydesk.ron");
    let read = read_project_bytes(path, with_extra_field(lists_within).as_bytes()).unwrap();
    assert_eq!(read.project, golden("v4.copydesk.ron"));
    let error =
        read_project_bytes(path, with_extra_field(lists_within + 1).as_bytes()).unwrap_err();
    assert!(
        matches!(error, ProjectFileError::TooDeep { line: 5, .. }),
        "{error}"
    );
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let dir = temp_dir();
    let path = dir.path().join("huge.copydesk.ron");
    // Sparse: the size is on record, the disk holds nothing.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_PROJECT_BYTES + 1).unwrap();
    drop(file);
    for error in [
        quickly("read_project", || read_project(&path)).unwrap_err(),
        quickly("load_project", || load_project(&path)).unwrap_err(),
    ] {
        assert!(
            matches!(error, ProjectFileError::TooLarge { size, .. } if size == MAX_PROJECT_BYTES + 1),
            "{error}"
        );
        let message = error.to_string();
        assert!(message.contains("huge.copydesk.ron"), "{message}");
        assert!(message.contains("too large"), "{message}");
    }

    // Bytes already in memory too. Zeroed memory is only mapped, never touched: cheap.
    let bytes = vec![0_u8; usize::try_from(MAX_PROJECT_BYTES).unwrap() + 1];
    let error = quickly("read_project_bytes", || read_project_bytes(&path, &bytes)).unwrap_err();
    assert!(
        matches!(error, ProjectFileError::TooLarge { .. }),
        "{error}"
    );
}

/// Found while fuzzing the loader's limits: checking each mark's passage counted its
/// section's characters once per mark, so a long section with many marks (a hostile file of a
/// few megabytes; 20,000 marks on a 1.1-million-character section took 1.3 s in a release
/// build, growing with both) cost their product. Now each section is counted once.
#[test]
fn checking_many_marks_on_a_long_section_counts_its_length_once() {
    use copydesk::model::{Claim, Passage};
    let mut project = golden("v4-word-comments.copydesk.ron");
    let paragraph = "All work and no play makes Jack a dull boy. ".repeat(25);
    project.sections[0].text = vec![paragraph; 1_000].join("\n");
    let section = project.sections[0].id.clone();
    let passage = Passage::from_section_text(&project.sections[0].text, 100..105).unwrap();
    let claim = Claim::new(
        section,
        passage,
        &Reviewer::named("A"),
        jiff::Timestamp::UNIX_EPOCH,
    );
    project.claims = (0..50_000)
        .map(|_| Claim {
            id: copydesk::model::ClaimId::random(),
            ..claim.clone()
        })
        .collect();
    let started = Instant::now();
    project.validate().unwrap();
    let took = started.elapsed();
    // Before: 50,000 times 1.1 million characters, over 3 s even in a release build.
    assert!(took < Duration::from_millis(500), "took {took:?}");
}
