//! `copydesk evaluate` on small articles and labels of our own: a labelled folder at once
//! (per article and pooled), the figures per kind, the reason printed for each error, the
//! JSON form, and the labels it cannot use.

use std::path::Path;

use crate::common::cli::{fails_with, run, stdout};
use crate::common::{temp_dir, write};

const COUNCIL: &str = "The council approved a budget of $4 million on Tuesday.";
const HEDGED: &str = "The ministry could have closed the school on Tuesday.";
const NOTHING: &str = "It was a good thing to see.";
const PRAISE: &str = "Governor Ana Ruiz praised the volunteers.";
const WEATHER: &str = "The weather was lovely and everyone enjoyed it.";

/// Two articles and one labels file naming them: the town (two claims found, one missed
/// for its hedge) and the school (one claim found, one false alarm, one missed with no sign).
fn labelled_folder(folder: &Path, kinds: bool) {
    write(
        &folder.join("town.txt"),
        format!("Town news\n\n{COUNCIL}\n\n{HEDGED}\n\n{PRAISE}\n\n{WEATHER}\n"),
    );
    write(
        &folder.join("school.txt"),
        format!("School news\n\n{PRAISE}\n\n{COUNCIL}\n\n{NOTHING}\n"),
    );
    let kind = |kind: &str| {
        if kinds {
            format!("\t{kind}")
        } else {
            String::new()
        }
    };
    let header = if kinds {
        "file\tlabel\tkind\tsentence"
    } else {
        "file\tlabel\tsentence"
    };
    let rows = [
        ("town", 1, "figure,event", COUNCIL),
        ("town", 1, "event", HEDGED),
        ("town", 1, "event", PRAISE),
        ("town", 0, "-", WEATHER),
        ("school", 1, "event", PRAISE),
        ("school", 0, "-", COUNCIL),
        ("school", 1, "comparison", NOTHING),
    ];
    let mut labels = format!("{header}\n");
    for (file, label, kinds, sentence) in rows {
        labels.push_str(&format!("{file}\t{label}{}\t{sentence}\n", kind(kinds)));
    }
    write(&folder.join("labels.tsv"), labels);
}

fn evaluate_folder(folder: &Path, flags: &[&str]) -> String {
    let labels = folder.join("labels.tsv");
    let mut args = vec![
        "evaluate",
        folder.to_str().unwrap(),
        "--labels",
        labels.to_str().unwrap(),
    ];
    args.extend_from_slice(flags);
    let output = run(&args);
    assert!(output.status.success(), "{output:?}");
    stdout(&output)
}

#[test]
fn a_labelled_folder_is_evaluated_per_article_and_pooled() {
    let dir = temp_dir();
    labelled_folder(dir.path(), false);
    let text = evaluate_folder(dir.path(), &[]);
    let row = |name: &str| {
        text.lines()
            .find(|line| line.starts_with(name))
            .unwrap_or_else(|| panic!("no row for {name}: {text}"))
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
    };
    // precision, recall, F1, TP, FP, FN, TN
    assert_eq!(row("town"), "1.000 0.667 0.800 2 0 1 1", "{text}");
    assert_eq!(row("school"), "0.500 0.500 0.500 1 1 1 0", "{text}");
    assert!(
        text.contains("pooled over 2 articles:\nprecision 0.750  recall 0.600  F1 0.667\n"),
        "{text}"
    );
    assert!(
        text.contains("true positives 3, false positives 1, false negatives 2, true negatives 1")
    );
    assert!(!text.contains("missed:"), "errors only when asked: {text}");
}

#[test]
fn errors_are_listed_with_their_reasons_per_article() {
    let dir = temp_dir();
    labelled_folder(dir.path(), false);
    for flag in ["--errors", "--show-errors"] {
        let text = evaluate_folder(dir.path(), &[flag]);
        let town = text.find("errors in town:").expect(&text);
        let school = text.find("errors in school:").expect(&text);
        assert!(town < school);
        assert!(text[town..school].contains(&format!(
            "missed:      {HEDGED}\n  why:       held back by ‘could’ (without it: reports a dated event"
        )), "{text}");
        let school_errors = &text[school..];
        assert!(
            school_errors.contains(&format!("missed:      {NOTHING}\n  why:       no signal")),
            "{text}"
        );
        assert!(
            school_errors.contains(&format!(
                "false alarm: {COUNCIL}\n  why:       contains the figure ‘$4 million’"
            )),
            "{text}"
        );
    }
}

#[test]
fn by_kind_says_when_the_labels_name_no_kinds() {
    let dir = temp_dir();
    labelled_folder(dir.path(), false);
    let text = evaluate_folder(dir.path(), &["--by-kind"]);
    assert!(
        text.contains("the labels name no kinds (no `kind` column)"),
        "{text}"
    );
    // The council's figure is flagged twice: once a claim (town), once a false alarm (school).
    assert!(text.contains(
        "  figure      2 flagged: 1 claims, 1 false alarms (precision 0.500); caught 1 of 5 labelled claims (0.200)"
    ), "{text}");
}

#[test]
fn by_kind_scores_each_kind_against_the_labels_kinds() {
    let dir = temp_dir();
    labelled_folder(dir.path(), true);
    let text = evaluate_folder(dir.path(), &["--by-kind"]);
    assert!(
        text.contains("by kind, against the kinds the labels name:"),
        "{text}"
    );
    // One figure labelled (the town's council) and found; the school's council is no claim.
    assert!(text.contains(
        "  figure      precision 0.500  recall 1.000  (true positives 1, false positives 1, false negatives 0)"
    ), "{text}");
    // The one comparison labelled has no sign at all.
    assert!(text.contains(
        "  comparison  precision 0.000  recall 0.000  (true positives 0, false positives 0, false negatives 1)"
    ), "{text}");
}

#[test]
fn json_carries_the_figures_errors_and_kinds() {
    let dir = temp_dir();
    labelled_folder(dir.path(), false);
    let text = evaluate_folder(dir.path(), &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["format"], "copydesk-evaluation");
    assert_eq!(json["articles"][0]["file"], "town");
    assert_eq!(json["articles"][1]["false_positives"], 1);
    assert_eq!(json["pooled"]["precision"], 0.75);
    assert_eq!(json["pooled"]["f1"], 0.667);
    assert_eq!(json["articles"][1]["missed"][0]["sentence"], NOTHING);
    assert!(
        json["articles"][1]["false_alarms"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("‘$4 million’")
    );
    assert_eq!(json["by_kind"]["labels_name_kinds"], false);
}

#[test]
fn one_article_of_a_labelled_folder_is_measured_against_its_own_labels() {
    let dir = temp_dir();
    labelled_folder(dir.path(), false);
    let output = run(&[
        "evaluate",
        dir.path().join("school.txt").to_str().unwrap(),
        "--labels",
        dir.path().join("labels.tsv").to_str().unwrap(),
    ]);
    let text = stdout(&output);
    assert!(
        text.starts_with("precision 0.500  recall 0.500  F1 0.500\n"),
        "{text}"
    );
    assert!(!text.contains("not sentences of the text"), "{text}");
}

#[test]
fn a_folder_needs_labels_that_name_their_articles() {
    let dir = temp_dir();
    labelled_folder(dir.path(), false);
    let folder = dir.path().to_str().unwrap();
    let plain = dir.path().join("plain.tsv");
    write(&plain, format!("label\tsentence\n1\t{COUNCIL}\n"));
    fails_with(
        &run(&["evaluate", folder, "--labels", plain.to_str().unwrap()]),
        "plain.tsv: to evaluate a folder, the labels need a `file` column",
    );
    let stray = dir.path().join("stray.tsv");
    write(
        &stray,
        format!("file\tlabel\tsentence\ngone\t1\t{COUNCIL}\n"),
    );
    fails_with(
        &run(&["evaluate", folder, "--labels", stray.to_str().unwrap()]),
        "the labels name the article “gone”, but there is no gone.txt",
    );
}
