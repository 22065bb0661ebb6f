//! Whether a sentence says a library claim again, from their keys: the actors agree, the
//! figures and dates agree (or a figure of the same thing differs: the same claim with
//! another figure), neither denies what the other says, and the wording is close enough.
//! Precision before recall: an editor must be able to trust "checked before", so anything
//! that does not line up is no match.

use super::MatchKind;
use super::figures::Figure;
use super::keys::Keys;

/// How close the wording must be (weighted containment of the shorter side's content words
/// in the longer's) for the same claim with the same figures, or with none.
pub(super) const SAME_CLAIM_WORDING: f32 = 0.85;
/// How close for the same claim with another figure: only the words say it is the same
/// claim, so they must say it more firmly.
pub(super) const DIFFERENT_FIGURE_WORDING: f32 = 0.85;
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

/// One side of a comparison: its keys and its content words as sorted word ids.
#[derive(Clone, Copy)]
pub(super) struct Side<'a> {
    pub keys: &'a Keys,
    pub words: &'a [u32],
}

impl Side<'_> {
    fn has_word(&self, id: Option<u32>) -> bool {
        id.is_some_and(|id| self.words.binary_search(&id).is_ok())
    }

    /// Every event verb of this side is a word of the other: "captured" is not "crossed".
    fn events_found_in(&self, other: &Side) -> bool {
        self.keys.event_ids.iter().all(|&id| other.has_word(id))
    }
}

pub(super) fn compare(sentence: Side, claim: Side, wording: Wording) -> Option<Comparison> {
    // The side telling fewer events must tell none the other does not: "captured" is not
    // "crossed", but "coordinated" is still said when the other side adds "led".
    let (fewer, more) = if sentence.keys.event_ids.len() <= claim.keys.event_ids.len() {
        (sentence, claim)
    } else {
        (claim, sentence)
    };
    if sentence.keys.negated != claim.keys.negated
        || wording.longer < LONGER_SIDE_WORDING
        || !fewer.events_found_in(&more)
    {
        return None;
    }
    // What the sides share is borrowed until they are found to match: most candidates are
    // not, and owned copies for them would be allocations every sentence pays for nothing.
    let same_actors = same_actors(sentence, claim)?;
    let (sentence, claim) = (sentence.keys, claim.keys);
    let mut same_figures = same_dates(sentence, claim)?;
    let figures = figures_compared(&sentence.figures, &claim.figures)?;
    same_figures.extend(figures.same);
    let kind = match figures.different {
        Some((checked, now)) => {
            if wording.shorter < DIFFERENT_FIGURE_WORDING {
                return None;
            }
            MatchKind::DifferentFigure {
                checked: checked.to_owned(),
                now: now.to_owned(),
            }
        }
        None => {
            if wording.shorter < SAME_CLAIM_WORDING {
                return None;
            }
            MatchKind::SameClaim
        }
    };
    // Actors and figures that agree, or that neither side has, take nothing away: the
    // wording decides; another figure takes half its part away.
    let actors = 1.0;
    let figures = match kind {
        MatchKind::DifferentFigure { .. } => 0.5,
        MatchKind::SameClaim => 1.0,
    };
    Some(Comparison {
        kind,
        score: score(wording.shorter, actors, figures),
        same_figures: same_figures.into_iter().map(str::to_owned).collect(),
        same_actors: same_actors.into_iter().map(str::to_owned).collect(),
    })
}

/// A match's score from its wording and how its actors (1 the same or none) and its figures
/// (1 the same or none, 0.5 another) agree.
fn score(wording: f32, actors: f32, figures: f32) -> f32 {
    (0.6 * wording + 0.2 * actors + 0.2 * figures).clamp(0.0, 1.0)
}

/// The best score a match whose wording is at most `wording` can have.
pub(super) fn best_score(wording: f32) -> f32 {
    score(wording, 1.0, 1.0)
}

/// The actors both name, as the sentence writes them; `None` when they disagree: every
/// actor of the side that names fewer is named on the other side, and one side naming
/// anyone means the other must too. A name the other side writes where it cannot be told
/// from an ordinary word (at its start: "Calder's population") is found among its words.
fn same_actors<'a>(sentence: Side<'a>, claim: Side<'a>) -> Option<Vec<&'a str>> {
    let (sentence_actors, claim_actors) = (&sentence.keys.actors, &claim.keys.actors);
    if sentence_actors.is_empty() && claim_actors.is_empty() {
        return Some(Vec::new());
    }
    let fewer_in_sentence = if sentence_actors.is_empty() || claim_actors.is_empty() {
        // The side naming someone is checked against the other's words.
        !sentence_actors.is_empty()
    } else {
        sentence_actors.len() <= claim_actors.len()
    };
    let (fewer, more, other_side) = if fewer_in_sentence {
        (sentence_actors, claim_actors, claim)
    } else {
        (claim_actors, sentence_actors, sentence)
    };
    let mut same = Vec::new();
    for actor in fewer {
        match more.iter().find(|other| actor.names_the_same_as(other)) {
            Some(other) => {
                same.push(if fewer_in_sentence {
                    actor.text.as_str()
                } else {
                    other.text.as_str()
                });
            }
            None if actor.word_ids.iter().all(|&id| other_side.has_word(id)) => {
                same.push(actor.text.as_str());
            }
            None => return None,
        }
    }
    (!same.is_empty()).then_some(same)
}

/// The dates both give, as the sentence writes them; `None` when a date of one side
/// contradicts a date of the other that says something about it ("in 2014", "in 2015").
/// A date only one side gives is no contradiction: rewordings drop dates.
fn same_dates<'a>(sentence: &'a Keys, claim: &Keys) -> Option<Vec<&'a str>> {
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
        same.push(date.text.as_str());
    }
    Some(same)
}

/// The figures of a sentence and a claim, lined up.
struct FiguresCompared<'a> {
    /// As written in the sentence.
    same: Vec<&'a str>,
    /// A figure of the same thing that differs: (as the claim writes it, as the sentence does).
    different: Option<(&'a str, &'a str)>,
}

/// Lines up every figure of the side with fewer figures with one of the other side: the same
/// value of the same thing, or another value of the same thing. `None` when one side has
/// figures and the other none, or a figure has no counterpart (a figure of another thing:
/// another claim).
fn figures_compared<'a>(
    sentence: &'a [Figure],
    claim: &'a [Figure],
) -> Option<FiguresCompared<'a>> {
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
    let mut used = vec![false; more.len()];
    let mut unmatched = Vec::new();
    for figure in fewer {
        let Some(at) = (0..more.len()).find(|&at| !used[at] && is_same_figure(figure, &more[at]))
        else {
            unmatched.push(figure);
            continue;
        };
        used[at] = true;
        let in_sentence = if fewer_in_sentence { figure } else { &more[at] };
        compared.same.push(in_sentence.text.as_str());
    }
    // What is left on each side: one figure each, with no noun, is one figure changed ("voted
    // 212 to 98", "190 to 120" after the same ones are set aside).
    let left_over = used.iter().filter(|used| !**used).count();
    let alone = unmatched.len() == 1 && left_over == 1;
    for figure in unmatched {
        let at = (0..more.len())
            .find(|&at| !used[at] && counts_the_same_thing(figure, &more[at], alone))?;
        used[at] = true;
        let (now, checked) = if fewer_in_sentence {
            (figure, &more[at])
        } else {
            (&more[at], figure)
        };
        compared
            .different
            .get_or_insert((checked.text.as_str(), now.text.as_str()));
    }
    Some(compared)
}

fn is_same_figure(one: &Figure, other: &Figure) -> bool {
    one.kind == other.kind
        && (one.value - other.value).abs() <= 1e-9 * one.value.abs().max(1.0)
        && (one.nouns.is_empty() || other.nouns.is_empty() || share_a_noun(one, other))
}

/// Whether two figures count the same thing: the same kind and noun, or, for the only
/// figure left on each side, the same kind with no noun on one of them ("unemployment rose
/// to 5.2%"; "4,000 Islamic State (IS) detainees", whose noun comes after a name: the
/// wording, which must be close, says what it measures).
fn counts_the_same_thing(one: &Figure, other: &Figure, alone: bool) -> bool {
    one.kind == other.kind
        && if one.nouns.is_empty() || other.nouns.is_empty() {
            alone
        } else {
            share_a_noun(one, other)
        }
}

fn share_a_noun(one: &Figure, other: &Figure) -> bool {
    one.nouns.iter().any(|noun| other.nouns.contains(noun))
}
