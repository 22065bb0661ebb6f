//! The claim library on the command line, as a team would use it: a folder of reviews added
//! (a corrupt one named and skipped), read again only where files changed, searched, counted,
//! rebuilt when its index is damaged, and consulted by `suggest --library`.

mod seed;

use std::path::{Path, PathBuf};
use std::process::Output;

use copydesk::import::import_bytes;
use copydesk::model::{Claim, ClaimStatus, DraftFormat, Project, Reviewer, Source, StatusChange};
use copydesk::project_file::ron_from_project;
use jiff::Timestamp;
use serde_json::Value;

use crate::common::cli::{stderr, stdout};
use crate::common::{passage_of, temp_dir, write};

/// A workspace: its own data folder (so its library is its own) and a folder of reviews.
struct Desk {
    data: tempfile::TempDir,
    reviews: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        Self {
            data: temp_dir(),
            reviews: temp_dir(),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(args)
            .env("COPYDESK_DATA_DIR", self.data.path())
            .output()
            .unwrap()
    }

    /// Runs a command with `--format json` and parses what it printed.
    fn json(&self, args: &[&str]) -> (Option<i32>, Value) {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        let output = self.run(&args);
        let value = serde_json::from_str(&stdout(&output))
            .unwrap_or_else(|error| panic!("{error}: {}{}", stdout(&output), stderr(&output)));
        (output.status.code(), value)
    }

    fn file(&self, name: &str) -> PathBuf {
        self.reviews.path().join(name)
    }

    fn folder(&self) -> &str {
        self.reviews.path().to_str().unwrap()
    }

    fn index(&self) -> PathBuf {
        self.data.path().join("library/claims.sqlite")
    }
}

/// A review of `text` titled `title`, with a claim checked by Ana on each quote.
fn review(title: &str, text: &str, claims: &[(&str, ClaimStatus, &str)]) -> Project {
    let now: Timestamp = "2026-12-01T10:00:00Z".parse().unwrap();
    let mut project = import_bytes(
        Path::new("article.txt"),
        text.as_bytes(),
        DraftFormat::PlainText,
        now,
    )
    .unwrap();
    project.title = title.to_owned();
    let ana = Reviewer::named("Ana");
    for (quote, status, note) in claims {
        let (section, passage) = passage_of(&project, quote);
        let mut claim = Claim::new(section, passage, &ana, now);
        if *status != ClaimStatus::NeedsSource {
            claim.status = *status;
            claim.history.push(StatusChange::new(*status, &ana, now));
            claim.sources.push(Source {
                url: "https://example.org/wire/transfer".to_owned(),
                title: "Wire report".to_owned(),
                ..Source::default()
            });
        }
        claim.note = (*note).to_owned();
        project.claims.push(claim);
    }
    project
}

fn save(path: &Path, project: &Project) {
    write(path, ron_from_project(project).unwrap());
}

const TRANSFER: &str = "Iraq received more than 4,000 detainees from camps in Syria last week. \
    Officials said the transfer was completed in three days.";
const BUDGET: &str = "The city council approved a budget of 14 million euros for new bridges. \
    The mayor said work would begin in the spring.";
const FERRIES: &str = "The ferry company carried 2.3 million passengers last year. \
    Its chief executive blamed storms for cancelled crossings.";

/// Three reviews: one verified claim, one in progress, one that still needs a source, and a
/// corrupt file among them.
fn desk_with_reviews() -> Desk {
    let desk = Desk::new();
    save(
        &desk.file("transfer.copydesk.ron"),
        &review(
            "Detainees moved to Iraq",
            TRANSFER,
            &[(
                "more than 4,000 detainees",
                ClaimStatus::Verified,
                "Wire report gives about 5,700.",
            )],
        ),
    );
    std::fs::create_dir(desk.file("city")).unwrap();
    save(
        &desk.file("city/budget.copydesk.ron"),
        &review(
            "Bridges budget",
            BUDGET,
            &[("14 million euros", ClaimStatus::InProgress, "")],
        ),
    );
    save(
        &desk.file("ferries.copydesk.ron"),
        &review(
            "Ferry year",
            FERRIES,
            &[("2.3 million passengers", ClaimStatus::NeedsSource, "")],
        ),
    );
    write(
        &desk.file("broken.copydesk.ron"),
        "(format: \"copydesk-project\", version: 6, title: \"Half a fi",
    );
    desk
}

#[test]
fn a_folder_of_reviews_is_indexed_and_a_corrupt_one_named_and_skipped() {
    let desk = desk_with_reviews();
    let output = desk.run(&["library", "add", desk.folder()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}{}", stderr(&output));
    assert!(
        text.contains("Indexed 3 reviews, 0 unchanged, 0 removed"),
        "{text}"
    );
    assert!(text.contains("the library holds 2 claims"), "{text}");
    assert!(text.contains("broken.copydesk.ron"), "{text}");
    assert!(text.contains("damaged"), "{text}");

    // Nothing changed: nothing read again, the corrupt file named again.
    let (code, report) = desk.json(&["library", "update"]);
    assert_eq!(code, Some(1));
    assert_eq!(report["format"], "copydesk-library-update");
    assert_eq!(report["indexed"], 0);
    assert_eq!(report["unchanged"], 3);
    assert_eq!(report["claims"], 2);
    assert_eq!(report["rebuilt"], false);
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert!(
        skipped[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("broken.copydesk.ron")
    );

    // Adding the folder again reads nothing again either.
    let (_, report) = desk.json(&["library", "add", desk.folder()]);
    assert_eq!(report["unchanged"], 3);

    let (code, stats) = desk.json(&["library", "stats"]);
    assert_eq!(code, Some(0));
    assert_eq!(stats["reviews"], 3);
    assert_eq!(stats["claims"], 2);
    assert_eq!(stats["by_status"]["verified"], 1);
    assert_eq!(stats["by_status"]["in_progress"], 1);
    assert!(stats["index_bytes"].as_u64().unwrap() > 0);
    assert_eq!(stats["folders"].as_array().unwrap().len(), 1);
}

#[test]
fn search_finds_a_claim_with_its_verdict_and_sources() {
    let desk = desk_with_reviews();
    desk.run(&["library", "add", desk.folder()]);
    let (code, found) = desk.json(&["library", "search", "more", "than", "4,000"]);
    assert_eq!(code, Some(0));
    assert_eq!(found["format"], "copydesk-library-claims");
    let claims = found["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 1);
    let claim = &claims[0];
    assert_eq!(claim["article"], "Detainees moved to Iraq");
    assert_eq!(claim["status"], "verified");
    assert_eq!(claim["checked_by"], "Ana");
    assert_eq!(claim["checked_at"], "2026-12-01T10:00:00Z");
    assert_eq!(claim["note"], "Wire report gives about 5,700.");
    assert_eq!(
        claim["sources"][0]["url"],
        "https://example.org/wire/transfer"
    );
    assert!(
        claim["review"]
            .as_str()
            .unwrap()
            .ends_with("transfer.copydesk.ron")
    );

    // A claim that needs a source has nothing to reuse and is not in the library.
    let (_, found) = desk.json(&["library", "search", "passengers"]);
    assert!(found["claims"].as_array().unwrap().is_empty());
    // Query syntax typed by a person is only text.
    let output = desk.run(&["library", "search", "\"4,000", "AND", "-", "NEAR(", "*"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    let output = desk.run(&["library", "search", "bridges"]);
    assert!(
        stdout(&output).contains("In progress — “Bridges budget”"),
        "{}",
        stdout(&output)
    );
    let output = desk.run(&["library", "list"]);
    assert!(
        stdout(&output).contains("Checked by Ana on 2026-12-01"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn edited_reviews_are_read_again_and_deleted_ones_dropped() {
    let desk = desk_with_reviews();
    desk.run(&["library", "add", desk.folder()]);
    save(
        &desk.file("city/budget.copydesk.ron"),
        &review(
            "Bridges budget",
            BUDGET,
            &[(
                "14 million euros",
                ClaimStatus::Incorrect,
                "The budget is 12 million.",
            )],
        ),
    );
    std::fs::remove_file(desk.file("transfer.copydesk.ron")).unwrap();
    let (_, report) = desk.json(&["library", "update"]);
    assert_eq!(report["indexed"], 1);
    assert_eq!(report["unchanged"], 1);
    assert_eq!(report["removed"], 1);
    assert_eq!(report["claims"], 1);
    let (_, found) = desk.json(&["library", "search", "bridges"]);
    assert_eq!(found["claims"][0]["status"], "incorrect");
    let (_, found) = desk.json(&["library", "search", "detainees"]);
    assert!(found["claims"].as_array().unwrap().is_empty());
}

#[test]
fn an_index_overwritten_with_junk_is_rebuilt_and_everything_found_again() {
    let desk = desk_with_reviews();
    desk.run(&["library", "add", desk.folder()]);
    write(
        &desk.index(),
        "this is not a database, whatever its name says".repeat(100),
    );

    // The folders were in the index too: the team names them again.
    let (code, report) = desk.json(&["library", "add", desk.folder()]);
    assert_eq!(code, Some(1));
    assert_eq!(report["rebuilt"], true);
    assert_eq!(report["indexed"], 3);
    assert_eq!(report["claims"], 2);
    assert!(desk.index().with_extension("sqlite.damaged").is_file());
    let (_, found) = desk.json(&["library", "search", "4,000"]);
    assert_eq!(found["claims"].as_array().unwrap().len(), 1);
}

#[test]
fn a_folder_that_does_not_exist_is_an_error_naming_it() {
    let desk = Desk::new();
    let missing = desk.file("nowhere");
    let output = desk.run(&["library", "add", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("nowhere"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no such folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn suggest_with_the_library_says_what_was_checked_before() {
    let desk = desk_with_reviews();
    desk.run(&["library", "add", desk.folder()]);
    // Today's draft says the same sentence again (the matcher may match rewordings too).
    let draft = desk.data.path().join("today.txt");
    write(
        &draft,
        format!("{TRANSFER}\n\nThe weather was mild on the day of the move."),
    );
    let draft = draft.to_str().unwrap();

    let (code, suggestions) = desk.json(&["suggest", draft, "--library"]);
    assert_eq!(code, Some(0));
    let suggestions = suggestions["suggestions"].as_array().unwrap();
    let matched: Vec<&Value> = suggestions
        .iter()
        .filter(|suggestion| !suggestion["library"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(matched.len(), 1, "{suggestions:#?}");
    let found = &matched[0]["library"][0];
    assert_eq!(found["article"], "Detainees moved to Iraq");
    assert_eq!(found["status"], "verified");
    assert_eq!(found["kind"], "same_claim");
    assert_eq!(found["checked_by"], "Ana");
    assert!(found["score"].as_f64().unwrap() > 0.0);
    assert!(found["explanation"].as_str().unwrap().contains("wording"));

    let output = desk.run(&["suggest", draft, "--library"]);
    assert!(
        stdout(&output).contains(
            "checked before: verified in “Detainees moved to Iraq” by Ana on 2026-12-01 (1 source)"
        ),
        "{}",
        stdout(&output)
    );

    // The review the claim was checked in does not match itself.
    let transfer = desk.file("transfer.copydesk.ron");
    let (_, own) = desk.json(&["suggest", transfer.to_str().unwrap(), "--library"]);
    for suggestion in own["suggestions"].as_array().unwrap() {
        assert!(suggestion["library"].as_array().unwrap().is_empty());
    }
}
