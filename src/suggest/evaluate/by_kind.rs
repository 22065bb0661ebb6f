//! The figures kind by kind: which kinds of suggestion hold up and which let claims through.
//!
//! Against labels that name kinds, each factual kind gets its own precision and recall (a
//! claim labelled `figure` that copydesk flagged only as an event is a miss for figures).
//! Labels without kinds cannot say which kind a claim is, so each kind copydesk gave is
//! scored by how many of the sentences it flagged are claims, and what share of all labelled
//! claims it caught.

use crate::model::CheckKind;

use super::{Outcome, ratio};

/// One kind scored against labels that name kinds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindScore {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl KindScore {
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
}

/// One kind copydesk gave, scored against labels that do not name kinds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindShare {
    /// Labelled claims copydesk flagged with this kind.
    pub claims_found: usize,
    /// Sentences labelled as no claim that copydesk flagged with this kind.
    pub false_alarms: usize,
    /// Every labelled claim, whatever copydesk made of it.
    pub claims: usize,
}

impl KindShare {
    pub fn precision(&self) -> f64 {
        ratio(self.claims_found, self.claims_found + self.false_alarms)
    }

    /// The share of all labelled claims this kind caught.
    pub fn share_of_claims(&self) -> f64 {
        ratio(self.claims_found, self.claims)
    }
}

/// The figures per kind, as the labels allow.
#[derive(Clone, Debug, PartialEq)]
pub enum ByKind {
    /// The labels name kinds: precision and recall per kind.
    Labelled(Vec<(CheckKind, KindScore)>),
    /// The labels name no kinds: per kind copydesk gave, how many were claims.
    Unlabelled(Vec<(CheckKind, KindShare)>),
}

/// The factual kinds, in the order they are listed.
fn factual_kinds() -> impl Iterator<Item = CheckKind> {
    CheckKind::ALL.into_iter().filter(|kind| kind.is_factual())
}

/// Scores each factual kind over `outcomes`; against kind labels when any label has kinds.
pub fn by_kind(outcomes: &[Outcome]) -> ByKind {
    let labels_have_kinds = outcomes
        .iter()
        .any(|outcome| !outcome.labelled.kinds.is_empty());
    if labels_have_kinds {
        return ByKind::Labelled(
            factual_kinds()
                .map(|kind| (kind, score_against_kind_labels(outcomes, kind)))
                .collect(),
        );
    }
    let claims = outcomes
        .iter()
        .filter(|outcome| outcome.labelled.is_claim)
        .count();
    ByKind::Unlabelled(
        factual_kinds()
            .map(|kind| {
                let mut share = KindShare {
                    claims,
                    ..KindShare::default()
                };
                for outcome in outcomes.iter().filter(|o| o.predicted.contains(&kind)) {
                    if outcome.labelled.is_claim {
                        share.claims_found += 1;
                    } else {
                        share.false_alarms += 1;
                    }
                }
                (kind, share)
            })
            .collect(),
    )
}

fn score_against_kind_labels(outcomes: &[Outcome], kind: CheckKind) -> KindScore {
    let mut score = KindScore::default();
    for outcome in outcomes {
        // A sentence labelled as no claim has no kind, whatever its kind column says.
        let labelled = outcome.labelled.is_claim && outcome.labelled.kinds.contains(&kind);
        match (labelled, outcome.predicted.contains(&kind)) {
            (true, true) => score.true_positives += 1,
            (true, false) => score.false_negatives += 1,
            (false, true) => score.false_positives += 1,
            (false, false) => {}
        }
    }
    score
}
