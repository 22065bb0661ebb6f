//! Measuring the detector: precision, recall and F1 of its factual kinds against sentences a
//! person labelled (1 = a check-worthy factual claim), matched by sentence text; per kind
//! (`by_kind`), pooled over several articles, and with the reason for every error
//! (`why_missed`), so a person sees what a rule lacked rather than only a score.
//!
//! `labels` reads the labels; `report` prints the evaluation for people and as JSON.

mod by_kind;
mod labels;
pub mod report;
#[cfg(test)]
mod tests;
mod why_missed;

use std::collections::HashMap;

pub use by_kind::{ByKind, KindScore, KindShare, by_kind};
pub use labels::{Labelled, LabelsError, files_named, labels_from_tsv, labels_name_kinds};

use crate::model::{CheckKind, Dismissal, Project};

use super::{Assessment, Detector, assessed_sentences};
use why_missed::reason_for_miss;

/// What copydesk made of one labelled sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub labelled: Labelled,
    /// The factual kinds copydesk gave the sentence; empty when it was not suggested as a
    /// claim (or not found among the article's sentences).
    pub predicted: Vec<CheckKind>,
}

/// A labelled claim the detector did not flag, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Miss {
    pub sentence: String,
    pub reason: String,
    /// The sentence is not one of the article's sentences (a headline, a heading, or a
    /// different sentence split), so no rule could see it.
    pub not_found: bool,
}

/// A sentence flagged as a factual claim that the labels say is not one, with the
/// suggestion's own reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FalseAlarm {
    pub sentence: String,
    pub reasons: String,
}

/// How the detector did against the labels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub true_negatives: usize,
    /// Labelled claims the detector did not flag.
    pub missed: Vec<Miss>,
    /// Sentences flagged as factual claims that the labels say are not.
    pub false_alarms: Vec<FalseAlarm>,
    /// Labelled sentences not found among the article's sentences (headlines and headings,
    /// which are not sentences of the text, or a different sentence split).
    pub unmatched: Vec<Labelled>,
    /// Every labelled sentence with the kinds copydesk gave it, in the labels' order.
    pub outcomes: Vec<Outcome>,
}

impl Evaluation {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }

    /// The figures per kind (see [`by_kind`]).
    pub fn by_kind(&self) -> ByKind {
        by_kind(&self.outcomes)
    }

    /// Several articles' evaluations as one: the counts added, the errors listed together.
    pub fn pooled<'a>(parts: impl IntoIterator<Item = &'a Evaluation>) -> Evaluation {
        let mut pooled = Evaluation::default();
        for part in parts {
            pooled.true_positives += part.true_positives;
            pooled.false_positives += part.false_positives;
            pooled.false_negatives += part.false_negatives;
            pooled.true_negatives += part.true_negatives;
            pooled.missed.extend(part.missed.iter().cloned());
            pooled
                .false_alarms
                .extend(part.false_alarms.iter().cloned());
            pooled.unmatched.extend(part.unmatched.iter().cloned());
            pooled.outcomes.extend(part.outcomes.iter().cloned());
        }
        pooled
    }
}

pub(crate) fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Runs the detector over the project's text and scores its factual kinds against `labels`.
pub fn evaluate(project: &Project, labels: &[Labelled]) -> Evaluation {
    let assessed = assessed_sentences(project);
    let by_text: HashMap<String, &Assessment> = assessed
        .iter()
        .map(|(_, _, text, assessment)| (Dismissal::key_from_sentence(text), assessment))
        .collect();
    // Only asked for when something was missed: the reasons probe the detector again.
    let detector = std::sync::OnceLock::new();
    let detector = || {
        detector
            .get_or_init(|| Detector::from_sentences(assessed.iter().map(|(_, _, text, _)| *text)))
    };
    let mut evaluation = Evaluation::default();
    for labelled in labels {
        let assessment = by_text.get(&Dismissal::key_from_sentence(&labelled.sentence));
        if assessment.is_none() {
            evaluation.unmatched.push(labelled.clone());
        }
        let predicted = assessment.map_or_else(Vec::new, |assessment| factual_kinds(assessment));
        match (labelled.is_claim, !predicted.is_empty()) {
            (true, true) => evaluation.true_positives += 1,
            (true, false) => {
                evaluation.false_negatives += 1;
                evaluation.missed.push(Miss {
                    sentence: labelled.sentence.clone(),
                    reason: match assessment {
                        Some(assessment) => {
                            reason_for_miss(detector(), &labelled.sentence, assessment)
                        }
                        None => "not found as a sentence of the text".to_owned(),
                    },
                    not_found: assessment.is_none(),
                });
            }
            (false, true) => {
                evaluation.false_positives += 1;
                evaluation.false_alarms.push(FalseAlarm {
                    sentence: labelled.sentence.clone(),
                    reasons: assessment.map(|a| a.reasons()).unwrap_or_default(),
                });
            }
            (false, false) => evaluation.true_negatives += 1,
        }
        evaluation.outcomes.push(Outcome {
            labelled: labelled.clone(),
            predicted,
        });
    }
    evaluation
}

/// The factual kinds among an assessment's signals, each once.
fn factual_kinds(assessment: &Assessment) -> Vec<CheckKind> {
    let mut kinds = Vec::new();
    for kind in assessment.kinds() {
        if kind.is_factual() && !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds
}
