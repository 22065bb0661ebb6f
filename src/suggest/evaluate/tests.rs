//! The evaluation's own rules: reading labels, the figures' definitions, pooling, the kinds,
//! and the reasons given for errors.

use jiff::Timestamp;

use super::*;
use crate::import::import_bytes;

fn project_of(text: &str) -> Project {
    import_bytes(
        std::path::Path::new("article.txt"),
        text.as_bytes(),
        crate::model::DraftFormat::PlainText,
        Timestamp::UNIX_EPOCH,
    )
    .unwrap()
}

#[test]
fn labels_are_read_by_column_name() {
    let labels =
        labels_from_tsv("sentence_index\tlabel\tsentence\n0\t1\tA fact.\n1\t0\tAn opinion.\n")
            .unwrap();
    assert_eq!(labels.len(), 2);
    assert!(labels[0].is_claim && !labels[1].is_claim);
    assert_eq!(labels[1].sentence, "An opinion.");
    assert_eq!(labels[0].file, None);
    assert!(labels[0].kinds.is_empty());
}

#[test]
fn labels_may_name_their_article_and_kinds() {
    let labels = labels_from_tsv(
        "file\tlabel\tkind\tsentence\n\
         a\t1\tfigure, event\tIt rose 5% on Friday.\n\
         b\t1\tAttributed statement\tShe said so.\n\
         b\t0\t-\tNice day.\n",
    )
    .unwrap();
    assert_eq!(labels[0].file.as_deref(), Some("a"));
    assert_eq!(labels[0].kinds, vec![CheckKind::Figure, CheckKind::Event]);
    assert_eq!(labels[1].kinds, vec![CheckKind::Attribution]);
    assert!(labels[2].kinds.is_empty());
    assert_eq!(files_named(&labels), vec!["a", "b"]);
    assert!(labels_name_kinds(&labels));
}

#[test]
fn bad_label_files_say_what_is_wrong() {
    assert_eq!(labels_from_tsv("a\tb\n"), Err(LabelsError::NoHeader));
    assert_eq!(
        labels_from_tsv("label\tsentence\nyes\tA fact.\n"),
        Err(LabelsError::BadLabel {
            line: 2,
            found: "yes".to_owned()
        })
    );
    assert_eq!(
        labels_from_tsv("label\tsentence\n"),
        Err(LabelsError::Empty)
    );
    let error = labels_from_tsv("label\tkind\tsentence\n1\tnumber\tA fact.\n").unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("line 2: “number” is not a kind of claim (one of figure, event"),
        "{error}"
    );
}

#[test]
fn scores_follow_their_definitions() {
    let evaluation = Evaluation {
        true_positives: 8,
        false_positives: 2,
        false_negatives: 1,
        ..Evaluation::default()
    };
    assert!((evaluation.precision() - 0.8).abs() < 1e-9);
    assert!((evaluation.recall() - 8.0 / 9.0).abs() < 1e-9);
    assert!((evaluation.f1() - 2.0 * 0.8 * (8.0 / 9.0) / (0.8 + 8.0 / 9.0)).abs() < 1e-9);
    assert_eq!(Evaluation::default().f1(), 0.0);
}

#[test]
fn pooling_adds_the_counts_not_the_ratios() {
    let small = Evaluation {
        true_positives: 1,
        false_positives: 1,
        ..Evaluation::default()
    };
    let large = Evaluation {
        true_positives: 9,
        false_negatives: 1,
        ..Evaluation::default()
    };
    let pooled = Evaluation::pooled([&small, &large]);
    assert_eq!(
        (
            pooled.true_positives,
            pooled.false_positives,
            pooled.false_negatives
        ),
        (10, 1, 1)
    );
    assert!((pooled.precision() - 10.0 / 11.0).abs() < 1e-9);
}

#[test]
fn every_error_comes_with_its_reason() {
    let project = project_of(
        "The council approved a budget of $4 million on Tuesday.\n\n\
         The weather was lovely and everyone enjoyed it.\n\n\
         The ministry could have closed the school on Tuesday.\n\n\
         It was a good thing to see.\n",
    );
    let labels = labels_from_tsv(
        "label\tsentence\n\
         0\tThe council approved a budget of $4 million on Tuesday.\n\
         1\tThe ministry could have closed the school on Tuesday.\n\
         1\tIt was a good thing to see.\n\
         1\tA headline that is not in the text.\n",
    )
    .unwrap();
    let evaluation = evaluate(&project, &labels);
    assert_eq!(evaluation.false_positives, 1);
    assert!(
        evaluation.false_alarms[0]
            .reasons
            .contains("contains the figure ‘$4 million’"),
        "{:?}",
        evaluation.false_alarms
    );
    let reasons: Vec<&str> = evaluation
        .missed
        .iter()
        .map(|m| m.reason.as_str())
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(
        reasons[0].starts_with("held back by ‘could’ (without it:"),
        "{reasons:?}"
    );
    assert!(reasons[1].starts_with("no signal"), "{reasons:?}");
    assert_eq!(reasons[2], "not found as a sentence of the text");
    assert!(evaluation.missed[2].not_found && !evaluation.missed[0].not_found);
}

#[test]
fn kinds_are_scored_against_the_labels_kinds_when_they_name_them() {
    let project = project_of(
        "The council approved a budget of $4 million on Tuesday.\n\n\
         Prices rose by 12 percent last year.\n",
    );
    let labels = labels_from_tsv(
        "label\tkind\tsentence\n\
         1\tfigure\tThe council approved a budget of $4 million on Tuesday.\n\
         1\tcomparison\tPrices rose by 12 percent last year.\n",
    )
    .unwrap();
    let ByKind::Labelled(scores) = evaluate(&project, &labels).by_kind() else {
        panic!("the labels name kinds");
    };
    let figure = &scores
        .iter()
        .find(|(k, _)| *k == CheckKind::Figure)
        .unwrap()
        .1;
    assert_eq!(figure.true_positives, 2 - figure.false_positives);
    assert_eq!(figure.false_negatives, 0);
    let comparison = &scores
        .iter()
        .find(|(k, _)| *k == CheckKind::Comparison)
        .unwrap()
        .1;
    assert_eq!(comparison.false_negatives, 1 - comparison.true_positives);
}

#[test]
fn without_kind_labels_each_kind_is_scored_by_what_it_flagged() {
    let project = project_of(
        "The council approved a budget of $4 million on Tuesday.\n\n\
         The museum has 2 floors of modern art.\n",
    );
    let labels = labels_from_tsv(
        "label\tsentence\n\
         1\tThe council approved a budget of $4 million on Tuesday.\n\
         0\tThe museum has 2 floors of modern art.\n",
    )
    .unwrap();
    let ByKind::Unlabelled(shares) = evaluate(&project, &labels).by_kind() else {
        panic!("the labels name no kinds");
    };
    let figure = &shares
        .iter()
        .find(|(k, _)| *k == CheckKind::Figure)
        .unwrap()
        .1;
    assert_eq!(
        (figure.claims_found, figure.false_alarms, figure.claims),
        (1, 1, 1)
    );
    assert!((figure.precision() - 0.5).abs() < 1e-9);
    assert!((figure.share_of_claims() - 1.0).abs() < 1e-9);
}
