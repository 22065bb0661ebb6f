//! Which library claims a sentence says again. PLACEHOLDER: the matching helper replaces the
//! body of this module; the public items below are the contract the store, the command line
//! and the desk use.

use super::record::LibraryClaim;

/// How a sentence relates to a library claim it matches.
#[derive(Clone, Debug, PartialEq)]
pub enum MatchKind {
    /// The same claim: the same actors and figures, the wording close.
    SameClaim,
    /// The same claim with another figure: what the library's claim said (as written there,
    /// "about 5,700") and what this sentence says ("more than 4,000").
    DifferentFigure { checked: String, now: String },
}

/// A library claim a sentence matches, scored and explained.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimMatch {
    /// Index into [`Matcher::claims`].
    pub claim: usize,
    /// 0 to 1: how sure the match is.
    pub score: f32,
    pub kind: MatchKind,
    /// Figures and dates both say, as written in the sentence.
    pub same_figures: Vec<String>,
    /// People, places and organisations both name.
    pub same_actors: Vec<String>,
    /// How alike the wording is, 0 to 1.
    pub wording: f32,
}

impl ClaimMatch {
    /// "same figure 4,000; same actors: Islamic State, Iraq, Syria; wording 71% alike".
    pub fn explanation(&self) -> String {
        let mut parts = Vec::new();
        if !self.same_figures.is_empty() {
            let word = if self.same_figures.len() == 1 {
                "figure"
            } else {
                "figures"
            };
            parts.push(format!("same {word} {}", self.same_figures.join(", ")));
        }
        if let MatchKind::DifferentFigure { checked, now } = &self.kind {
            parts.push(format!("figure differs: {checked} then, {now} now"));
        }
        if !self.same_actors.is_empty() {
            parts.push(format!("same actors: {}", self.same_actors.join(", ")));
        }
        parts.push(format!("wording {:.0}% alike", self.wording * 100.0));
        parts.join("; ")
    }
}

/// The library's claims, ready to be matched against sentences (keys worked out once).
#[derive(Debug, Default)]
pub struct Matcher {
    claims: Vec<LibraryClaim>,
}

impl Matcher {
    pub fn new(claims: Vec<LibraryClaim>) -> Self {
        Self { claims }
    }

    pub fn claims(&self) -> &[LibraryClaim] {
        &self.claims
    }

    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// The library claims `sentence` says again, best first; only matches sure enough to
    /// show an editor (precision before recall).
    pub fn matches_for(&self, sentence: &str) -> Vec<ClaimMatch> {
        self.claims
            .iter()
            .enumerate()
            .filter(|(_, claim)| claim.sentence.trim() == sentence.trim())
            .map(|(index, _)| ClaimMatch {
                claim: index,
                score: 1.0,
                kind: MatchKind::SameClaim,
                same_figures: Vec::new(),
                same_actors: Vec::new(),
                wording: 1.0,
            })
            .collect()
    }
}
