//! False matches across articles: every check-worthy sentence (label 1) of each article of
//! the shared news corpus is a library claim, and every sentence of the other articles is
//! matched against them. The articles are about different events, so a match is most likely
//! false; a few are tolerated (two articles may state one background fact).

use copydesk::library::Matcher;

use super::labelled::library_claim;
use crate::common::shared_file;

/// The most matches across articles allowed.
const MOST_CROSS_ARTICLE_MATCHES: usize = 2;

#[test]
fn sentences_of_other_articles_rarely_match() {
    let Some(labels) = shared_file("corpus/news/labels.tsv") else {
        return;
    };
    let text = std::fs::read_to_string(labels).unwrap();
    let rows: Vec<(&str, &str, &str)> = text
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            (fields.len() >= 4).then(|| (fields[0], fields[2], fields[3]))
        })
        .collect();
    let claims: Vec<(&str, &str)> = rows
        .iter()
        .filter(|(_, label, _)| *label == "1")
        .map(|(file, _, sentence)| (*file, *sentence))
        .collect();
    let matcher = Matcher::new(
        claims
            .iter()
            .enumerate()
            .map(|(number, (_, sentence))| library_claim(sentence, number))
            .collect(),
    );
    let mut false_matches = 0;
    for (file, _, sentence) in &rows {
        for found in matcher.matches_for(sentence) {
            let (claim_file, claim_sentence) = claims[found.claim];
            if claim_file == *file {
                continue;
            }
            false_matches += 1;
            println!(
                "across articles: {file}: {sentence}\n  matches {claim_file}: {claim_sentence}\n  {}",
                found.explanation()
            );
        }
    }
    println!(
        "{} claims from {} sentences; {false_matches} matches across articles",
        claims.len(),
        rows.len()
    );
    assert!(
        false_matches <= MOST_CROSS_ARTICLE_MATCHES,
        "{false_matches} matches across articles"
    );
}
