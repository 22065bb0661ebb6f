//! Whether a sentence says a library claim again, from their keys: the actors agree, the
//! figures and dates agree (or a figure of the same thing differs: the same claim with
//! another figure), neither denies what the other says, and the wording is close enough.
//! Precision before recall: an editor must be able to trust "checked before", so anything
//! that does not line up is no match.

use super::figures::{Figure, FigureKind};
use super::keys::Keys;
use super::MatchKind;

/// How close the wording must be (weighted containment of the shorter side's content words
/// in the longer's) for the same claim with the same figures, or with none.
pub(super) const SAME_CLAIM_WORDING: f32 = 0.6;
/// How close for the same claim with another figure: only the words say it is the same
/// claim, so they must say it more firmly.
pub(super) const DIFFERENT_FIGURE_WORDING: f32 = 0.6;
/// How much of the longer side's wording the shorter must cover, so that a short claim
/// ("Prices rose.") is not found inside every long sentence that has its words.
pub(super) const LONGER_SIDE_WORDING: f32 = 0.3;

/// What a sentence and a claim were found to share.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Comparison {
    pub kind: MatchKind,
    pub score: f32,
    pub same_figures: Vec<String>,
    pub same_actors: Vec<String>,
}

/// How the wording of a sentence and a claim compare: the weighted containment of the
/// shorter side in the longer, and of the longer in the shorter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Wording {
    pub shorter: f32,
    pub longer: f32,
}

pub(super) fn compare(sentence: &Keys, claim: &Keys, wording: Wording) -> Option<Comparison> {
    if sentence.negated != claim.negated || wording.longer < LONGER_SIDE_WORDING {
        return None;
    }
    let same_actors = same_actors(sentence, claim)?;
    let mut same_figures = same_dates(sentence, claim)?;
    let figures = figures_compared(&sentence.figures, &claim.figures)?;
    same_figures.extend(figures.same);
    let kind = match figures.different {
        Some((checked, now)) => {
            if wording.shorter < DIFFERENT_FIGURE_WORDING {
                return None;
            }
            MatchKind::DifferentFigure { checked, now }
        }
        None => {
            if wording.shorter < SAME_CLAIM_WORDING {
                return None;
            }
            MatchKind::SameClaim
        }
    };
    let actors = if same_actors.is_empty() { 0.5 } else { 1.0 };
    let figures = match kind {
        MatchKind::DifferentFigure { .. } => 0.5,
        MatchKind::SameClaim if same_figures.is_empty() => 0.6,
        MatchKind::SameClaim => 1.0,
    };
    Some(Comparison {
        kind,
        score: (0.6 * wording.shorter + 0.2 * actors + 0.2 * figures).clamp(0.0, 1.0),
        same_figures,
        same_actors,
    })
}

/// The actors both name, as the sentence writes them; `None` when they disagree: every
/// actor of the side that names fewer is named on the other side, and one side naming
/// anyone means the other must too.
fn same_actors(sentence: &Keys, claim: &Keys) -> Option<Vec<String>> {
    if sentence.actors.is_empty() && claim.actors.is_empty() {
        return Some(Vec::new());
    }
    let fewer_in_sentence = sentence.actors.len() <= claim.actors.len();
    let (fewer, more) = if fewer_in_sentence {
        (&sentence.actors, &claim.actors)
    } else {
        (&claim.actors, &sentence.actors)
    };
    let mut same = Vec::new();
    for actor in fewer {
        let other = more.iter().find(|other| actor.names_the_same_as(other))?;
        same.push(if fewer_in_sentence { &actor.text } else { &other.text }.clone());
    }
    (!same.is_empty()).then_some(same)
}

/// The dates both give, as the sentence writes them; `None` when a date of one side
/// contradicts a date of the other that says something about it ("in 2014", "in 2015").
/// A date only one side gives is no contradiction: rewordings drop dates.
fn same_dates(sentence: &Keys, claim: &Keys) -> Option<Vec<String>> {
    let mut same = Vec::new();
    for date in &sentence.dates {
        let comparable: Vec<_> = claim
            .dates
            .iter()
            .filter(|other| date.is_comparable_with(other))
            .collect();
        if comparable.is_empty() {
            continue;
        }
        if !comparable.iter().any(|other| date.agrees_with(other)) {
            return None;
        }
        same.push(date.text.clone());
    }
    Some(same)
}

/// The figures of a sentence and a claim, lined up.
struct FiguresCompared {
    /// As written in the sentence.
    same: Vec<String>,
    /// A figure of the same thing that differs: (as the claim writes it, as the sentence does).
    different: Option<(String, String)>,
}

/// Lines up every figure of the side with fewer figures with one of the other side: the same
/// value of the same thing, or another value of the same thing. `None` when one side has
/// figures and the other none, or a figure has no counterpart (a figure of another thing:
/// another claim).
fn figures_compared(sentence: &[Figure], claim: &[Figure]) -> Option<FiguresCompared> {
    let mut compared = FiguresCompared {
        same: Vec::new(),
        different: None,
    };
    if sentence.is_empty() && claim.is_empty() {
        return Some(compared);
    }
    if sentence.is_empty() || claim.is_empty() {
        return None;
    }
    let fewer_in_sentence = sentence.len() <= claim.len();
    let (fewer, more) = if fewer_in_sentence {
        (sentence, claim)
    } else {
        (claim, sentence)
    };
    let alone = fewer.len() == 1 && more.len() == 1;
    for figure in fewer {
        if let Some(other) = more.iter().find(|other| is_same_figure(figure, other)) {
            let in_sentence = if fewer_in_sentence { figure } else { other };
            compared.same.push(in_sentence.text.clone());
            continue;
        }
        let other = more
            .iter()
            .find(|other| counts_the_same_thing(figure, other, alone))?;
        let (now, checked) = if fewer_in_sentence {
            (figure, other)
        } else {
            (other, figure)
        };
        compared
            .different
            .get_or_insert_with(|| (checked.text.clone(), now.text.clone()));
    }
    Some(compared)
}

fn is_same_figure(one: &Figure, other: &Figure) -> bool {
    one.kind == other.kind
        && (one.value - other.value).abs() <= 1e-9 * one.value.abs().max(1.0)
        && match (&one.noun, &other.noun) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
}

/// Whether two figures count the same thing: the same kind and noun, or, for the only
/// figure of each side, the same kind with no noun on either ("unemployment rose to 5.2%").
fn counts_the_same_thing(one: &Figure, other: &Figure, alone: bool) -> bool {
    one.kind == other.kind
        && match (&one.noun, &other.noun) {
            (Some(a), Some(b)) => a == b,
            (None, None) => alone && one.kind != FigureKind::Count,
            _ => false,
        }
}
