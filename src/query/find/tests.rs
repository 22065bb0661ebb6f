use jiff::Timestamp;

use super::fold::folded_char;
use super::words::is_word_boundary;
use super::*;
use crate::model::{Claim, Comment, Passage, Project, Reply, Reviewer, Source};
use crate::text::slice_chars;

fn query(text: &str) -> FindQuery {
    FindQuery {
        text: text.to_owned(),
        ..FindQuery::default()
    }
}

fn sample() -> Project {
    crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap()
}

/// A project of one section with `text`, and nothing else.
fn project_with_text(text: &str) -> Project {
    let mut project = sample();
    project.sections.truncate(1);
    project.sections[0].heading = None;
    project.sections[0].text = text.to_owned();
    project.comments.clear();
    project.claims.clear();
    project
}

/// The words each match covers in the section text.
fn found_words(project: &Project, query: &FindQuery) -> Vec<String> {
    find_in(project, query)
        .into_iter()
        .map(|found| {
            let FindPlace::Text(section) = &found.place else {
                panic!("a match outside the text: {found:?}");
            };
            let text = &project.section(section).unwrap().text;
            slice_chars(text, found.range).to_owned()
        })
        .collect()
}

#[test]
fn case_is_ignored_unless_asked_and_offsets_are_the_texts() {
    let project = project_with_text("Cats. The cat sat; CATALOGUE of cats");
    assert_eq!(
        found_words(&project, &query("cat")),
        ["Cat", "cat", "CAT", "cat"]
    );
    let exact = FindQuery {
        match_case: true,
        ..query("cat")
    };
    assert_eq!(found_words(&project, &exact), ["cat", "cat"]);
    let words = FindQuery {
        whole_word: true,
        ..query("cat")
    };
    assert_eq!(found_words(&project, &words), ["cat"]);
}

#[test]
fn non_ascii_text_keeps_its_character_offsets() {
    // "İ" lowercases to two characters, "K" (the Kelvin sign) to one byte instead of three:
    // folding one character for one keeps every match on the characters as written.
    let text = "İİ İstanbul, STRAẞE und Straße; 5 \u{212A}; ΟΔΥΣΣΕΥΣ Οδυσσευς; Émile émile";
    let project = project_with_text(text);
    assert_eq!(found_words(&project, &query("istanbul")), ["İstanbul"]);
    assert_eq!(
        found_words(&project, &query("straße")),
        ["STRAẞE", "Straße"]
    );
    assert_eq!(found_words(&project, &query("k;")), ["\u{212A};"]);
    assert_eq!(
        found_words(&project, &query("οδυσσευς")),
        ["ΟΔΥΣΣΕΥΣ", "Οδυσσευς"]
    );
    assert_eq!(found_words(&project, &query("ÉMILE")), ["Émile", "émile"]);
    // The last word, counted in characters (its bytes start at 87).
    let found = find_in(&project, &query("émile"));
    assert_eq!(found[1].range, 62..67);
    assert_eq!(text.find("émile"), Some(87));
    // "ss" is not "ß": the text is found as written, never as it might be spelt.
    assert!(found_words(&project, &query("strasse")).is_empty());
    assert_eq!(folded_char('ẞ'), 'ß');
    assert_eq!(folded_char('İ'), 'i');
}

#[test]
fn whole_words_follow_unicode_word_boundaries() {
    let whole = |text: &str, needle: &str| {
        let words = FindQuery {
            whole_word: true,
            ..query(needle)
        };
        found_words(&project_with_text(text), &words)
    };
    // A number with its separators is one word; so is a contraction.
    assert!(whole("more than 4,000 people", "4").is_empty());
    assert_eq!(whole("more than 4,000 people", "4,000"), ["4,000"]);
    assert!(whole("don't", "don").is_empty());
    // An accent written as a combining mark belongs to its letter.
    assert!(whole("cafe\u{301}", "cafe").is_empty());
    assert_eq!(whole("cafe\u{301}, cafe.", "cafe"), ["cafe"]);
    assert_eq!(
        found_words(&project_with_text("cafe\u{301}"), &query("cafe")),
        ["cafe"]
    );
    assert_eq!(whole("(cat) cat's \"cat\"", "cat"), ["cat", "cat"]);
    // Ideographs are words each.
    assert_eq!(whole("東京都", "京"), ["京"]);
    assert!(is_word_boundary("a b", 1));
    assert!(is_word_boundary("a\nb", 2));
    assert!(!is_word_boundary("ab", 1));
    assert!(!is_word_boundary("a  b", 2));
}

#[test]
fn overlapping_occurrences_are_found_once_and_a_growing_query_narrows_the_same_way() {
    let project = project_with_text("aaaaa baab aaab");
    let corpus = FindCorpus::new(&project, |_| true);
    let mut results = FindResults::search(&corpus, query("a"));
    for typed in ["aa", "aaa", "aab", "aaab"] {
        results = results.refined(&corpus, query(typed));
        let fresh = FindResults::search(&corpus, query(typed));
        assert_eq!(results.all(&corpus), fresh.all(&corpus), "{typed}");
        if typed == "aaa" {
            // Two of the three places "aaa" starts in "aaaaa" overlap the first.
            let starts: Vec<usize> = results.all(&corpus).iter().map(|m| m.range.start).collect();
            assert_eq!(starts, [0, 11]);
        }
    }
    // A query that is not a longer one is searched afresh.
    results = results.refined(&corpus, query("b"));
    assert_eq!(results.len(), 3);
}

#[test]
fn matches_come_in_reading_order_through_every_kind_of_text() {
    let mut project = sample();
    let reviewer = Reviewer::named("Ana");
    let now = Timestamp::UNIX_EPOCH;
    let second = project.sections[1].clone();
    let first = project.sections[0].clone();
    project.comments.clear();
    project.claims.clear();
    // A comment with a reply on the second section; a claim with a source on the first.
    let mut comment = Comment::new(second.id.clone(), None, &reviewer, now);
    comment.body = "Zebra crossing?".to_owned();
    comment
        .replies
        .push(Reply::new(&reviewer, now, "A zebra, yes."));
    project.comments.push(comment.clone());
    let passage = Passage::from_section_text(&first.text, 0..5).unwrap();
    let mut claim = Claim::new(first.id, passage, &reviewer, now);
    let mut source = Source::new(&reviewer, now);
    source.title = "Zebra census".to_owned();
    source.url = "https://example.org/zebra".to_owned();
    claim.sources.push(source);
    claim.note = "Two zebras.".to_owned();
    project.claims.push(claim.clone());

    let places: Vec<FindPlace> = find_in(&project, &query("zebra"))
        .into_iter()
        .map(|found| found.place)
        .collect();
    let source = |part| FindPlace::Source {
        claim: claim.id.clone(),
        index: 0,
        part,
    };
    assert_eq!(
        places,
        [
            source(SourcePart::Url),
            source(SourcePart::Title),
            FindPlace::VerdictNote(claim.id.clone()),
            FindPlace::CommentBody(comment.id.clone()),
            FindPlace::Reply {
                comment: comment.id.clone(),
                reply: comment.replies[0].id.clone(),
            },
        ]
    );
    // Another reviewer's marks alone: none of Ana's.
    let corpus = FindCorpus::new(&project, |author| author != &reviewer.id);
    assert!(FindResults::search(&corpus, query("zebra")).is_empty());

    // Headings and text, section by section.
    let heading = second.heading.clone().unwrap();
    let word = heading.split_whitespace().next().unwrap();
    let found = find_in(&project, &query(word));
    assert!(found.contains(&FindMatch {
        place: FindPlace::Heading(second.id),
        range: 0..word.chars().count(),
    }));
}

#[test]
fn the_matches_of_a_section_and_where_to_start() {
    let project = sample();
    let corpus = FindCorpus::new(&project, |_| true);
    let results = FindResults::search(&corpus, query("the"));
    let all = results.all(&corpus);
    assert!(all.len() > 10);
    let in_second = results.in_section(&corpus, 1, false);
    assert!(!in_second.is_empty());
    for (number, range) in &in_second {
        assert_eq!(all[*number].range, *range);
        assert_eq!(
            all[*number].place,
            FindPlace::Text(project.sections[1].id.clone())
        );
    }
    // From the start of the second section, the first match there.
    let from = results
        .first_from(&corpus, &FindAnchor::section_start(1))
        .unwrap();
    let first_in_second = all
        .iter()
        .position(|m| {
            matches!(&m.place, FindPlace::Heading(id) | FindPlace::Text(id) if *id == project.sections[1].id)
        })
        .unwrap();
    assert_eq!(from, first_in_second);
    // An anchor is found again in a corpus built anew.
    let anchor = results.anchor(&corpus, in_second[1].0).unwrap();
    let rebuilt = FindCorpus::new(&project, |_| true);
    let again = FindResults::search(&rebuilt, query("the"));
    assert_eq!(again.first_from(&rebuilt, &anchor), Some(in_second[1].0));
    // Past the last match, it wraps to the first.
    let last = results.anchor(&corpus, all.len() - 1).unwrap();
    let after_last = FindAnchor {
        char_offset: last.char_offset + 1,
        ..last
    };
    assert_eq!(results.first_from(&corpus, &after_last), Some(0));
    assert_eq!(FindResults::search(&corpus, query("")).len(), 0);
}
