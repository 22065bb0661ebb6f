//! The issue's own trial, on the seed draft: a fact-checker verifies "more than 4,000" in a
//! review of the seed (the wire report says about 5,700); a second article reporting the
//! transfer again, reworded and with the wire's figure (`tests/data/library/`, our own
//! text), is recognised as the same claim with a different figure.

use copydesk::model::{Claim, ClaimStatus, DraftFormat, Reviewer, Source, StatusChange};
use jiff::Timestamp;
use serde_json::Value;

use super::{Desk, save};
use crate::common::cli::stdout;
use crate::common::{passage_of, seed_article};

const FOLLOW_UP: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/library/transfer-follow-up.txt"
);

#[test]
fn the_seeds_figure_checked_once_is_recognised_reworded_with_the_figure_difference() {
    let Some(seed) = seed_article() else {
        return;
    };
    let now: Timestamp = "2026-12-02T09:30:00Z".parse().unwrap();
    let mut review = copydesk::import::import_bytes(
        &seed,
        &std::fs::read(&seed).unwrap(),
        DraftFormat::PlainText,
        now,
    )
    .unwrap();
    let checker = Reviewer::named("Sam Okafor");
    let (section, passage) = passage_of(&review, "more than 4,000");
    let mut claim = Claim::new(section, passage, &checker, now);
    claim.status = ClaimStatus::Verified;
    claim
        .history
        .push(StatusChange::new(ClaimStatus::Verified, &checker, now));
    claim.sources.push(Source {
        url: "https://wire.example/detainees-transfer".to_owned(),
        title: "Wire report: about 5,700 detainees moved".to_owned(),
        ..Source::default()
    });
    claim.note = "The wire report says about 5,700; \"more than 4,000\" holds.".to_owned();
    review.claims.push(claim);

    let desk = Desk::new();
    save(&desk.file("seed.copydesk.ron"), &review);
    let added = desk.run(&["library", "add", desk.folder()]);
    assert_eq!(added.status.code(), Some(0), "{}", stdout(&added));

    let (code, listing) = desk.json(&["suggest", FOLLOW_UP, "--library"]);
    assert_eq!(code, Some(0));
    let matched: Vec<&Value> = listing["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|suggestion| suggestion["library"].as_array().unwrap())
        .collect();
    assert_eq!(
        matched.len(),
        1,
        "only the transfer is checked before: {listing:#}"
    );
    let found = matched[0];
    assert_eq!(found["status"], "verified");
    assert_eq!(found["checked_by"], "Sam Okafor");
    assert_eq!(found["kind"], "different_figure", "{found:#}");
    assert_eq!(found["figure_then"], "more than 4,000", "{found:#}");
    assert!(
        found["figure_now"].as_str().unwrap().contains("5,700"),
        "{found:#}"
    );
    let explanation = found["explanation"].as_str().unwrap();
    assert!(explanation.contains("Islamic State"), "{explanation}");
}
