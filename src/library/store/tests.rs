use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::*;
use crate::import::import_bytes;
use crate::model::{Claim, ClaimStatus, DraftFormat, Passage, Reviewer, Source, StatusChange};
use crate::progress::Progress;

const ARTICLE: &str = "Transfer of detainees\n\n\
    Iraq received more than 4,000 detainees from Syria in March. \
    The ministry said the camps held about 5,700 people. \
    Officials in Baghdad called the move a step toward stability.";

/// A review of `ARTICLE` titled `title`, with a claim on each quote at its status.
fn review(title: &str, claims: &[(&str, ClaimStatus)]) -> Project {
    let now = Timestamp::UNIX_EPOCH;
    let mut project = import_bytes(
        Path::new("article.txt"),
        ARTICLE.as_bytes(),
        DraftFormat::PlainText,
        now,
    )
    .unwrap();
    project.title = title.to_owned();
    let checker = Reviewer::named("Ana");
    for (quote, status) in claims {
        let section = project
            .sections
            .iter()
            .find(|section| section.text.contains(quote))
            .unwrap();
        let start = section.text[..section.text.find(quote).unwrap()]
            .chars()
            .count();
        let passage =
            Passage::from_section_text(&section.text, start..start + quote.chars().count())
                .unwrap();
        let mut claim = Claim::new(section.id.clone(), passage, &checker, now);
        claim.status = *status;
        claim
            .history
            .push(StatusChange::new(*status, &checker, now));
        claim.sources.push(Source {
            url: "https://example.org/wire".to_owned(),
            ..Source::default()
        });
        claim.note = "Wire report says about 5,700.".to_owned();
        project.claims.push(claim);
    }
    project
}

fn save(path: &Path, project: &Project) {
    std::fs::write(path, ron_from_project(project).unwrap()).unwrap();
}

struct Setup {
    _data: tempfile::TempDir,
    reviews: tempfile::TempDir,
    library: Library,
}

fn setup() -> Setup {
    let data = tempfile::tempdir().unwrap();
    let reviews = tempfile::tempdir().unwrap();
    let mut library = Library::open_in(data.path()).unwrap();
    library.add_folder(reviews.path()).unwrap();
    Setup {
        _data: data,
        reviews,
        library,
    }
}

fn file(setup: &Setup, name: &str) -> PathBuf {
    setup.reviews.path().join(name)
}

#[test]
fn a_new_library_has_its_schema_version_and_nothing_in_it() {
    let data = tempfile::tempdir().unwrap();
    let library = Library::open_in(data.path()).unwrap();
    assert!(data.path().join("library/claims.sqlite").is_file());
    let version: String = library
        .connection
        .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION.to_string());
    let stats = library.stats().unwrap();
    assert_eq!((stats.reviews, stats.claims), (0, 0));
    assert!(library.list().unwrap().is_empty());
}

#[test]
fn an_update_reads_only_the_files_whose_hash_changed() {
    let mut setup = setup();
    let first = review("First", &[("more than 4,000", ClaimStatus::Verified)]);
    save(&file(&setup, "first.copydesk.ron"), &first);
    save(
        &file(&setup, "second.copydesk.ron"),
        &review("Second", &[("about 5,700", ClaimStatus::InProgress)]),
    );
    let report = setup.library.update(&Progress::new()).unwrap();
    assert_eq!((report.indexed, report.unchanged, report.claims), (2, 0, 2));
    assert!(!report.rebuilt);

    let report = setup.library.update(&Progress::new()).unwrap();
    assert_eq!((report.indexed, report.unchanged, report.claims), (0, 2, 2));

    let mut edited = first;
    edited.claims[0].note = "Checked again.".to_owned();
    save(&file(&setup, "first.copydesk.ron"), &edited);
    std::fs::remove_file(file(&setup, "second.copydesk.ron")).unwrap();
    let report = setup.library.update(&Progress::new()).unwrap();
    assert_eq!(
        (
            report.indexed,
            report.unchanged,
            report.removed,
            report.claims
        ),
        (1, 0, 1, 1)
    );
    assert_eq!(setup.library.list().unwrap()[0].note, "Checked again.");
}

#[test]
fn a_review_indexed_again_replaces_its_claims() {
    let mut setup = setup();
    let path = file(&setup, "review.copydesk.ron");
    let mut project = review(
        "Review",
        &[
            ("more than 4,000", ClaimStatus::Verified),
            ("about 5,700", ClaimStatus::NeedsSource),
        ],
    );
    setup.library.add_review(&path, &project).unwrap();
    setup.library.add_review(&path, &project).unwrap();
    // A claim that needs a source has nothing to reuse: not kept.
    assert_eq!(setup.library.list().unwrap().len(), 1);
    project.claims[0].note = "About 5,700 in the wire report.".to_owned();
    setup.library.add_review(&path, &project).unwrap();
    let found = setup.library.search("wire report", 10).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].note, "About 5,700 in the wire report.");
    // The old note's words are gone from the full-text index too.
    assert!(setup.library.search("Wire report says", 10).unwrap().len() <= 1);
    assert!(setup.library.search("says", 10).unwrap().is_empty());
}

#[test]
fn search_ranks_and_survives_hostile_queries() {
    let mut setup = setup();
    let project = review(
        "Transfer",
        &[
            ("more than 4,000", ClaimStatus::Verified),
            ("about 5,700 people", ClaimStatus::Incorrect),
        ],
    );
    setup
        .library
        .add_review(&file(&setup, "t.copydesk.ron"), &project)
        .unwrap();
    let found = setup.library.search("4,000 detainees", 10).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].quote, "more than 4,000");
    assert_eq!(found[0].status, ClaimStatus::Verified);
    assert_eq!(found[0].sources.len(), 1);
    // Diacritics are not needed to find a word, nor case.
    assert_eq!(setup.library.search("DÉTAINEES", 10).unwrap().len(), 1);
    for hostile in [
        "\"",
        "\"unclosed",
        "4,000*",
        "-detainees",
        "NOT",
        "detainees AND",
        "OR OR",
        "NEAR(a b",
        "sentence: Iraq",
        "{sentence quote}: x",
        "^Iraq",
        "a'b\"c",
        "( ) * - + :",
        "\u{301}\u{93f}",
        "",
    ] {
        assert!(
            setup.library.search(hostile, 10).is_ok(),
            "the query {hostile:?} failed"
        );
    }
    assert!(setup.library.search("", 10).unwrap().is_empty());
    assert_eq!(setup.library.search("-detainees", 10).unwrap().len(), 1);
}

#[test]
fn a_damaged_index_is_set_aside_and_rebuilt_from_the_files() {
    let mut setup = setup();
    save(
        &file(&setup, "a.copydesk.ron"),
        &review("A", &[("more than 4,000", ClaimStatus::Verified)]),
    );
    setup.library.update(&Progress::new()).unwrap();
    let index = setup.library.path().to_owned();
    let folders = setup.library.folders().unwrap();
    drop(setup.library);
    std::fs::write(
        &index,
        b"not a database at all, but long enough to look like a file",
    )
    .unwrap();

    let mut library = Library::open(&index).unwrap();
    assert!(index.with_extension("sqlite.damaged").is_file());
    assert!(library.list().unwrap().is_empty());
    // The folders were in the damaged file too: named again, everything is found again.
    for folder in &folders {
        library.add_folder(folder).unwrap();
    }
    let report = library.update(&Progress::new()).unwrap();
    assert!(report.rebuilt);
    assert_eq!((report.indexed, report.claims), (1, 1));
    assert!(!library.update(&Progress::new()).unwrap().rebuilt);
}

#[test]
fn an_index_of_another_schema_is_set_aside() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("claims.sqlite");
    {
        let connection = Connection::open(&path).unwrap();
        connection
            .execute_batch("CREATE TABLE other (x); INSERT INTO other VALUES (1);")
            .unwrap();
    }
    let mut library = Library::open(&path).unwrap();
    assert!(library.update(&Progress::new()).unwrap().rebuilt);
}

#[test]
fn a_review_that_became_unreadable_keeps_nothing_and_is_named() {
    let mut setup = setup();
    let path = file(&setup, "a.copydesk.ron");
    save(
        &path,
        &review("A", &[("more than 4,000", ClaimStatus::Verified)]),
    );
    setup.library.update(&Progress::new()).unwrap();
    std::fs::write(&path, "(format: \"copydesk-project\", version: 6, title: ").unwrap();
    let report = setup.library.update(&Progress::new()).unwrap();
    assert_eq!(report.claims, 0);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].path, path);
    assert!(setup.library.search("4,000", 10).unwrap().is_empty());
}

#[test]
fn a_cancelled_update_keeps_what_it_committed() {
    let mut setup = setup();
    save(
        &file(&setup, "a.copydesk.ron"),
        &review("A", &[("more than 4,000", ClaimStatus::Verified)]),
    );
    let progress = Progress::new();
    progress.cancel();
    let report = setup.library.update(&progress).unwrap();
    assert_eq!(report.indexed, 0);
    let report = setup.library.update(&Progress::new()).unwrap();
    assert_eq!(report.indexed, 1);
}

#[test]
fn a_folder_removed_takes_its_reviews_with_it() {
    let mut setup = setup();
    save(
        &file(&setup, "a.copydesk.ron"),
        &review("A", &[("more than 4,000", ClaimStatus::Verified)]),
    );
    setup.library.update(&Progress::new()).unwrap();
    let folder = setup.reviews.path().to_owned();
    setup.library.remove_folder(&folder).unwrap();
    assert!(setup.library.folders().unwrap().is_empty());
    assert_eq!(setup.library.stats().unwrap().claims, 0);
    assert!(setup.library.remove_folder(&folder).is_err());
    assert!(matches!(
        setup.library.add_folder(&folder.join("missing")),
        Err(LibraryError::NoSuchFolder { .. })
    ));
}
