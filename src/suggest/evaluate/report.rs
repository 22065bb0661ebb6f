//! An evaluation printed: a summary for people (figures, per article and pooled, per kind,
//! and every error with its reason) and JSON for tools (`copydesk-evaluation`, version 1).

use std::fmt::Write as _;

use serde::Serialize;

use super::{ByKind, Evaluation};

/// What to print besides the figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Precision and recall per kind of suggestion.
    pub by_kind: bool,
    /// Every missed claim and false alarm, with its reason.
    pub errors: bool,
}

/// One article's evaluation, named by its file (without the extension).
pub struct ArticleEvaluation {
    pub name: String,
    pub evaluation: Evaluation,
}

/// The summary of one article's evaluation.
pub fn text_from_evaluation(evaluation: &Evaluation, options: ReportOptions) -> String {
    let mut out = String::new();
    write_figures(&mut out, evaluation);
    write_unmatched(&mut out, evaluation);
    if options.by_kind {
        write_by_kind(&mut out, evaluation);
    }
    if options.errors {
        write_errors(&mut out, evaluation);
    }
    out
}

/// The summary of several articles: a row per article, then the figures pooled over all.
pub fn text_from_evaluations(articles: &[ArticleEvaluation], options: ReportOptions) -> String {
    let mut out = String::new();
    let width = articles
        .iter()
        .map(|article| article.name.chars().count())
        .chain([7])
        .max()
        .unwrap_or(7);
    let _ = writeln!(
        out,
        "{:width$}  precision  recall     F1    TP   FP   FN   TN",
        "article"
    );
    for article in articles {
        let e = &article.evaluation;
        let _ = writeln!(
            out,
            "{:width$}  {:>9.3}  {:>6.3}  {:>5.3}  {:>4} {:>4} {:>4} {:>4}",
            article.name,
            e.precision(),
            e.recall(),
            e.f1(),
            e.true_positives,
            e.false_positives,
            e.false_negatives,
            e.true_negatives
        );
    }
    let pooled = Evaluation::pooled(articles.iter().map(|article| &article.evaluation));
    let _ = writeln!(out, "\npooled over {} articles:", articles.len());
    write_figures(&mut out, &pooled);
    write_unmatched(&mut out, &pooled);
    if options.by_kind {
        write_by_kind(&mut out, &pooled);
    }
    if options.errors {
        for article in articles {
            let e = &article.evaluation;
            if !e.missed.is_empty() || !e.false_alarms.is_empty() {
                let _ = writeln!(out, "\nerrors in {}:", article.name);
                write_errors(&mut out, e);
            }
        }
    }
    out
}

fn write_figures(out: &mut String, evaluation: &Evaluation) {
    let _ = writeln!(
        out,
        "precision {:.3}  recall {:.3}  F1 {:.3}",
        evaluation.precision(),
        evaluation.recall(),
        evaluation.f1()
    );
    let _ = writeln!(
        out,
        "true positives {}, false positives {}, false negatives {}, true negatives {}",
        evaluation.true_positives,
        evaluation.false_positives,
        evaluation.false_negatives,
        evaluation.true_negatives
    );
}

fn write_unmatched(out: &mut String, evaluation: &Evaluation) {
    if evaluation.unmatched.is_empty() {
        return;
    }
    let claims = evaluation.unmatched.iter().filter(|l| l.is_claim).count();
    let _ = writeln!(
        out,
        "{} labelled sentences are not sentences of the text (headlines, headings){}",
        evaluation.unmatched.len(),
        if claims > 0 {
            format!(", {claims} of them labelled as claims (counted as missed)")
        } else {
            String::new()
        }
    );
}

fn write_by_kind(out: &mut String, evaluation: &Evaluation) {
    match evaluation.by_kind() {
        ByKind::Labelled(scores) => {
            let _ = writeln!(out, "by kind, against the kinds the labels name:");
            for (kind, score) in scores {
                let _ = writeln!(
                    out,
                    "  {:<11} precision {:.3}  recall {:.3}  (true positives {}, false positives {}, false negatives {})",
                    kind.key(),
                    score.precision(),
                    score.recall(),
                    score.true_positives,
                    score.false_positives,
                    score.false_negatives
                );
            }
        }
        ByKind::Unlabelled(shares) => {
            let _ = writeln!(
                out,
                "by kind: the labels name no kinds (no `kind` column), so each kind copydesk \
                 gave is scored by the sentences it flagged:"
            );
            for (kind, share) in shares {
                let _ = writeln!(
                    out,
                    "  {:<11} {} flagged: {} claims, {} false alarms (precision {:.3}); \
                     caught {} of {} labelled claims ({:.3})",
                    kind.key(),
                    share.claims_found + share.false_alarms,
                    share.claims_found,
                    share.false_alarms,
                    share.precision(),
                    share.claims_found,
                    share.claims,
                    share.share_of_claims()
                );
            }
        }
    }
}

fn write_errors(out: &mut String, evaluation: &Evaluation) {
    for miss in &evaluation.missed {
        let _ = writeln!(out, "missed:      {}", miss.sentence);
        let _ = writeln!(out, "  why:       {}", miss.reason);
    }
    for alarm in &evaluation.false_alarms {
        let _ = writeln!(out, "false alarm: {}", alarm.sentence);
        let _ = writeln!(out, "  why:       {}", alarm.reasons);
    }
}

#[derive(Serialize)]
struct JsonEvaluations<'a> {
    format: &'static str,
    version: u32,
    articles: Vec<JsonEvaluation<'a>>,
    pooled: JsonFigures,
    by_kind: JsonByKind,
}

#[derive(Serialize)]
struct JsonEvaluation<'a> {
    file: &'a str,
    #[serde(flatten)]
    figures: JsonFigures,
    missed: Vec<JsonError<'a>>,
    false_alarms: Vec<JsonError<'a>>,
}

#[derive(Serialize)]
struct JsonFigures {
    precision: f64,
    recall: f64,
    f1: f64,
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    true_negatives: usize,
    not_sentences_of_the_text: usize,
}

#[derive(Serialize)]
struct JsonError<'a> {
    sentence: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct JsonByKind {
    /// Whether the labels name kinds (precision and recall per kind) or not (per kind
    /// copydesk gave: how many it flagged were claims, and its share of all claims).
    labels_name_kinds: bool,
    kinds: Vec<JsonKind>,
}

#[derive(Serialize)]
struct JsonKind {
    kind: &'static str,
    precision: f64,
    /// Recall against the labels' kinds, or the share of all labelled claims caught.
    recall: f64,
    true_positives: usize,
    false_positives: usize,
    /// Not known when the labels name no kinds.
    false_negatives: Option<usize>,
}

/// The evaluations as JSON (`copydesk-evaluation`, version 1): each article's figures and
/// errors with their reasons, the figures pooled over all, and the figures per kind.
pub fn json_from_evaluations(articles: &[ArticleEvaluation]) -> String {
    let pooled = Evaluation::pooled(articles.iter().map(|article| &article.evaluation));
    let document = JsonEvaluations {
        format: "copydesk-evaluation",
        version: 1,
        articles: articles
            .iter()
            .map(|article| JsonEvaluation {
                file: &article.name,
                figures: json_figures(&article.evaluation),
                missed: article
                    .evaluation
                    .missed
                    .iter()
                    .map(|miss| JsonError {
                        sentence: &miss.sentence,
                        reason: &miss.reason,
                    })
                    .collect(),
                false_alarms: article
                    .evaluation
                    .false_alarms
                    .iter()
                    .map(|alarm| JsonError {
                        sentence: &alarm.sentence,
                        reason: &alarm.reasons,
                    })
                    .collect(),
            })
            .collect(),
        pooled: json_figures(&pooled),
        by_kind: json_by_kind(&pooled),
    };
    let mut json = serde_json::to_string_pretty(&document).unwrap_or_default();
    json.push('\n');
    json
}

fn rounded(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

fn json_figures(evaluation: &Evaluation) -> JsonFigures {
    JsonFigures {
        precision: rounded(evaluation.precision()),
        recall: rounded(evaluation.recall()),
        f1: rounded(evaluation.f1()),
        true_positives: evaluation.true_positives,
        false_positives: evaluation.false_positives,
        false_negatives: evaluation.false_negatives,
        true_negatives: evaluation.true_negatives,
        not_sentences_of_the_text: evaluation.unmatched.len(),
    }
}

fn json_by_kind(evaluation: &Evaluation) -> JsonByKind {
    match evaluation.by_kind() {
        ByKind::Labelled(scores) => JsonByKind {
            labels_name_kinds: true,
            kinds: scores
                .into_iter()
                .map(|(kind, score)| JsonKind {
                    kind: kind.key(),
                    precision: rounded(score.precision()),
                    recall: rounded(score.recall()),
                    true_positives: score.true_positives,
                    false_positives: score.false_positives,
                    false_negatives: Some(score.false_negatives),
                })
                .collect(),
        },
        ByKind::Unlabelled(shares) => JsonByKind {
            labels_name_kinds: false,
            kinds: shares
                .into_iter()
                .map(|(kind, share)| JsonKind {
                    kind: kind.key(),
                    precision: rounded(share.precision()),
                    recall: rounded(share.share_of_claims()),
                    true_positives: share.claims_found,
                    false_positives: share.false_alarms,
                    false_negatives: None,
                })
                .collect(),
        },
    }
}
