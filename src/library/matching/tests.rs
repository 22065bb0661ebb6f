//! The matcher on the seed's case and its near misses, in sentences written for these tests.

use jiff::Timestamp;

use super::*;
use crate::model::{ClaimId, ClaimStatus};

fn claim(sentence: &str) -> LibraryClaim {
    LibraryClaim {
        review: "review.copydesk.ron".into(),
        claim: ClaimId::from_text("k-1".to_owned()),
        article: "The transfer".to_owned(),
        quote: sentence.to_owned(),
        sentence: sentence.to_owned(),
        status: ClaimStatus::Verified,
        sources: Vec::new(),
        note: String::new(),
        checked_by: "Dana".to_owned(),
        checked_at: Timestamp::UNIX_EPOCH,
    }
}

fn matcher() -> Matcher {
    Matcher::new(vec![
        claim(
            "About 5,700 Islamic State fighters crossed from Syria into Iraq last month, a wire report said.",
        ),
        claim("The council approved a budget of $40 million for new roads in Calder on Tuesday."),
        claim("Unemployment in Calder rose to 5.2% in March 2024."),
        claim("The harbour authority said the new ferry terminal would open in June."),
    ])
}

#[test]
fn the_same_figure_reworded_is_the_same_claim() {
    let matches = matcher().matches_for(
        "Last month about 5,700 fighters of Islamic State crossed into Iraq from Syria, according to a wire report.",
    );
    assert_eq!(matches.len(), 1, "{matches:?}");
    assert_eq!(matches[0].claim, 0);
    assert_eq!(matches[0].kind, MatchKind::SameClaim);
    assert_eq!(matches[0].same_figures, ["about 5,700"]);
    assert!(
        matches[0]
            .explanation()
            .starts_with("same figure about 5,700; same actors: Islamic State")
    );
}

#[test]
fn another_figure_of_the_same_thing_is_found() {
    let matches = matcher().matches_for(
        "More than 4,000 Islamic State fighters crossed from Syria into Iraq last month.",
    );
    assert_eq!(matches.len(), 1, "{matches:?}");
    assert_eq!(
        matches[0].kind,
        MatchKind::DifferentFigure {
            // Both open their sentences; quoted in a warning they read in lower case.
            checked: "about 5,700".to_owned(),
            now: "more than 4,000".to_owned()
        }
    );
}

#[test]
fn other_events_of_the_same_actors_do_not_match() {
    let matcher = matcher();
    for sentence in [
        "About 5,700 Islamic State fighters were killed in Iraq last month, officials said.",
        "Islamic State fighters did not cross from Syria into Iraq last month.",
        "The council approved a budget of $40 million for new schools in Calder on Tuesday.",
        "Unemployment in Calder rose to 5.2% in March 2023.",
        "The harbour authority said the old ferry terminal would close in June.",
    ] {
        let matches = matcher.matches_for(sentence);
        assert!(matches.is_empty(), "{sentence}: {matches:?}");
    }
}

#[test]
fn many_sentences_are_matched_in_order() {
    let matcher = matcher();
    let all = matcher.matches_for_all(&[
        "Unemployment in Calder rose to 5.2% in March 2024, the office said.",
        "Nothing here.",
        "The new ferry terminal will open in June, the harbour authority said.",
    ]);
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].first().map(|m| m.claim), Some(2));
    assert!(all[1].is_empty());
    assert_eq!(all[2].first().map(|m| m.claim), Some(3));
}
