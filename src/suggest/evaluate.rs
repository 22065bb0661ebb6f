//! Measuring the detector: precision, recall and F1 of its factual kinds against sentences a
//! person labelled (1 = a check-worthy factual claim), matched by sentence text.

use std::collections::HashMap;

use thiserror::Error;

use crate::model::{Dismissal, Project};

use super::assessed_sentences;

/// One labelled sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labelled {
    pub sentence: String,
    pub is_claim: bool,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum LabelsError {
    #[error("the labels need a header row naming the columns `label` and `sentence`")]
    NoHeader,
    #[error("line {line}: the label must be 0 or 1, not “{found}”")]
    BadLabel { line: usize, found: String },
    #[error("line {line}: expected {columns} tab-separated columns")]
    MissingColumn { line: usize, columns: usize },
    #[error("there are no labelled sentences")]
    Empty,
}

/// Reads a TSV with a header naming at least the `label` and `sentence` columns.
pub fn labels_from_tsv(text: &str) -> Result<Vec<Labelled>, LabelsError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or(LabelsError::NoHeader)?;
    let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
    let label_column = columns.iter().position(|c| *c == "label");
    let sentence_column = columns.iter().position(|c| *c == "sentence");
    let (Some(label_column), Some(sentence_column)) = (label_column, sentence_column) else {
        return Err(LabelsError::NoHeader);
    };
    let mut labels = Vec::new();
    for (index, line) in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let (Some(label), Some(sentence)) = (fields.get(label_column), fields.get(sentence_column))
        else {
            return Err(LabelsError::MissingColumn {
                line: index + 1,
                columns: columns.len(),
            });
        };
        let is_claim = match label.trim() {
            "1" => true,
            "0" => false,
            other => {
                return Err(LabelsError::BadLabel {
                    line: index + 1,
                    found: other.to_owned(),
                });
            }
        };
        labels.push(Labelled {
            sentence: (*sentence).to_owned(),
            is_claim,
        });
    }
    if labels.is_empty() {
        return Err(LabelsError::Empty);
    }
    Ok(labels)
}

/// How the detector did against the labels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub true_negatives: usize,
    /// Labelled claims the detector did not flag.
    pub missed: Vec<String>,
    /// Sentences flagged as factual claims that the labels say are not.
    pub false_alarms: Vec<String>,
    /// Labelled sentences not found among the article's sentences (headlines and headings,
    /// which are not sentences of the text, or a different sentence split).
    pub unmatched: Vec<Labelled>,
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
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Runs the detector over the project's text and scores its factual kinds against `labels`.
pub fn evaluate(project: &Project, labels: &[Labelled]) -> Evaluation {
    let flagged: HashMap<String, bool> = assessed_sentences(project)
        .into_iter()
        .map(|(_, _, text, assessment)| {
            (
                Dismissal::key_from_sentence(text),
                assessment.is_factual_claim(),
            )
        })
        .collect();
    let mut evaluation = Evaluation::default();
    for labelled in labels {
        let predicted = flagged.get(&Dismissal::key_from_sentence(&labelled.sentence));
        if predicted.is_none() {
            evaluation.unmatched.push(labelled.clone());
        }
        match (labelled.is_claim, predicted.copied().unwrap_or(false)) {
            (true, true) => evaluation.true_positives += 1,
            (true, false) => {
                evaluation.false_negatives += 1;
                evaluation.missed.push(labelled.sentence.clone());
            }
            (false, true) => {
                evaluation.false_positives += 1;
                evaluation.false_alarms.push(labelled.sentence.clone());
            }
            (false, false) => evaluation.true_negatives += 1,
        }
    }
    evaluation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_read_by_column_name() {
        let labels =
            labels_from_tsv("sentence_index\tlabel\tsentence\n0\t1\tA fact.\n1\t0\tAn opinion.\n")
                .unwrap();
        assert_eq!(labels.len(), 2);
        assert!(labels[0].is_claim && !labels[1].is_claim);
        assert_eq!(labels[1].sentence, "An opinion.");
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
}
