//! Which library claims a sentence says again: the same claim reworded, reordered or
//! shortened, or the same claim with another figure.
//!
//! `keys` works out what is compared in a sentence (figures and dates in `figures`, actors,
//! content words made comparable by `stems`); `compare` decides from two sentences' keys
//! whether they are one claim.
//!
//! This file keeps the library's claims ready for that: keys worked out once per distinct
//! claim sentence (a claim checked in many copies of a review is compared once), content
//! words weighted by how rare they are in the library, and an index from each word to the
//! claims that have it, so a sentence is compared only with the claims it shares a word
//! with that is not in every tenth claim.

mod compare;
mod figures;
mod keys;
mod stems;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use compare::{DIFFERENT_FIGURE_WORDING, SAME_CLAIM_WORDING, Side, Wording, compare};
use keys::{Keys, content_words};

use super::record::LibraryClaim;
use crate::suggest::Detector;
use crate::suggest::words::{FastHash, tokens};

/// The most matches a sentence gets: the best first, and of claims with one sentence, the
/// settled, then the latest. A claim checked in thirty reviews needs showing a few times,
/// not thirty.
pub const MOST_MATCHES: usize = 10;

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
    /// The names the library's sentences use, to tell a name at the start of a sentence.
    names: Detector,
    /// The library's distinct claim sentences, each with its keys and the claims it is.
    distinct: Vec<DistinctSentence>,
    vocabulary: HashMap<String, u32, FastHash>,
    /// How much sharing each word says, by its rarity in the library; by word id.
    weights: Vec<f32>,
    /// The distinct sentences with each word; by word id.
    postings: Vec<Vec<u32>>,
    /// What sharing a word the library has never seen says: the most.
    unseen_weight: f32,
    /// Words in more distinct sentences than this (one in fifty) are not looked up: they
    /// weigh little, and sharing them alone never makes a match.
    common_limit: usize,
}

#[derive(Debug)]
struct DistinctSentence {
    /// Its keys, the content words moved to `words`.
    keys: Keys,
    /// Word ids, sorted.
    words: Vec<u32>,
    weight: f32,
    /// Indices into [`Matcher::claims`].
    claims: Vec<usize>,
}

/// What matching one sentence needs besides the matcher, kept between sentences so a
/// book's worth of sentences allocates these once per thread, not once per sentence.
struct Scratch {
    shared: Vec<f32>,
    touched: Vec<u32>,
    /// The sentence's word ids, sorted.
    words: Vec<u32>,
    /// (the most its wording can be, distinct sentence) of each candidate.
    candidates: Vec<(f32, u32)>,
    /// (score, claims) of each candidate found to match so far.
    scores: Vec<(f32, usize)>,
}

impl Scratch {
    fn for_matcher(matcher: &Matcher) -> Self {
        Self {
            shared: vec![0.0; matcher.distinct.len()],
            touched: Vec::new(),
            words: Vec::new(),
            candidates: Vec::new(),
            scores: Vec::new(),
        }
    }
}

impl Matcher {
    pub fn new(claims: Vec<LibraryClaim>) -> Self {
        let names =
            Detector::from_sentences_one_by_one(claims.iter().map(|claim| claim.sentence.as_str()));
        let mut by_sentence: HashMap<&str, usize, FastHash> = HashMap::default();
        let mut distinct: Vec<DistinctSentence> = Vec::new();
        let mut vocabulary: HashMap<String, u32, FastHash> = HashMap::default();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        for (index, claim) in claims.iter().enumerate() {
            let text = claim.sentence.trim();
            if let Some(&at) = by_sentence.get(text) {
                distinct[at].claims.push(index);
                continue;
            }
            let at = distinct.len();
            by_sentence.insert(text, at);
            let mut keys = Keys::of(text, &names);
            let mut words: Vec<u32> = std::mem::take(&mut keys.words)
                .into_iter()
                .map(|word| {
                    let next = vocabulary.len() as u32;
                    let id = *vocabulary.entry(word).or_insert(next);
                    if id == next {
                        postings.push(Vec::new());
                    }
                    postings[id as usize].push(at as u32);
                    id
                })
                .collect();
            words.sort_unstable();
            keys.number_words(|stem| vocabulary.get(stem).copied());
            distinct.push(DistinctSentence {
                keys,
                words,
                weight: 0.0,
                claims: vec![index],
            });
        }
        drop(by_sentence);
        for sentence in &mut distinct {
            sentence.claims.sort_by(|&a, &b| {
                let (first, second) = (&claims[a], &claims[b]);
                second
                    .is_settled()
                    .cmp(&first.is_settled())
                    .then(second.checked_at.cmp(&first.checked_at))
                    .then(a.cmp(&b))
            });
        }
        let count = distinct.len() as f32;
        let weights: Vec<f32> = postings
            .iter()
            .map(|claims| (1.0 + count / claims.len() as f32).ln())
            .collect();
        for sentence in &mut distinct {
            sentence.weight = sentence.words.iter().map(|&id| weights[id as usize]).sum();
        }
        let common_limit = (distinct.len() / 50).max(100);
        Self {
            claims,
            names,
            distinct,
            vocabulary,
            weights,
            postings,
            unseen_weight: (1.0 + count).ln(),
            common_limit,
        }
    }

    pub fn claims(&self) -> &[LibraryClaim] {
        &self.claims
    }

    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// The library claims `sentence` says again, best first; only matches sure enough to
    /// show an editor (precision before recall), at most [`MOST_MATCHES`].
    pub fn matches_for(&self, sentence: &str) -> Vec<ClaimMatch> {
        self.matches_with(sentence, &mut Scratch::for_matcher(self))
    }

    /// The matches of each sentence, in order, worked out on two threads.
    pub fn matches_for_all(&self, sentences: &[&str]) -> Vec<Vec<ClaimMatch>> {
        if self.distinct.is_empty() {
            return vec![Vec::new(); sentences.len()];
        }
        let half = sentences.len().div_ceil(2).max(1);
        std::thread::scope(|scope| {
            let workers: Vec<_> = sentences
                .chunks(half)
                .map(|chunk| {
                    scope.spawn(move || {
                        let mut scratch = Scratch::for_matcher(self);
                        chunk
                            .iter()
                            .map(|sentence| self.matches_with(sentence, &mut scratch))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|worker| match worker.join() {
                    Ok(matches) => matches,
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        })
    }

    fn matches_with(&self, sentence: &str, scratch: &mut Scratch) -> Vec<ClaimMatch> {
        if self.distinct.is_empty() {
            return Vec::new();
        }
        let tokens = tokens(sentence);
        let mut words = std::mem::take(&mut scratch.words);
        words.clear();
        let mut weight = 0.0;
        for word in content_words(&tokens) {
            match self.vocabulary.get(word.as_ref()) {
                Some(&id) => {
                    words.push(id);
                    weight += self.weights[id as usize];
                }
                None => weight += self.unseen_weight,
            }
        }
        words.sort_unstable();
        let mut skipped = 0.0;
        for &id in &words {
            let postings = &self.postings[id as usize];
            let word_weight = self.weights[id as usize];
            if postings.len() > self.common_limit {
                skipped += word_weight;
                continue;
            }
            for &at in postings {
                let shared = &mut scratch.shared[at as usize];
                if *shared == 0.0 {
                    scratch.touched.push(at);
                }
                *shared += word_weight;
            }
        }
        let least = SAME_CLAIM_WORDING.min(DIFFERENT_FIGURE_WORDING);
        // Each candidate with the most its wording can be (the words looked up that it shares,
        // and all those not looked up), the likeliest first.
        let mut candidates = std::mem::take(&mut scratch.candidates);
        candidates.clear();
        candidates.extend(scratch.touched.drain(..).filter_map(|at| {
            let bound = std::mem::take(&mut scratch.shared[at as usize]) + skipped;
            let shorter = weight.min(self.distinct[at as usize].weight);
            (shorter > 0.0 && bound >= least * shorter).then(|| ((bound / shorter).min(1.0), at))
        }));
        // Unstable is as good: no two candidates are the same distinct sentence.
        candidates.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        if candidates.is_empty() {
            scratch.words = words;
            scratch.candidates = candidates;
            return Vec::new();
        }
        // Only now the expensive keys: a sentence no claim shares a word with never needs them.
        let mut keys = Keys::without_words(sentence, &tokens, &self.names);
        keys.number_words(|stem| self.vocabulary.get(stem).copied());
        let mut found = Vec::new();
        let scores = &mut scratch.scores;
        scores.clear();
        for &(most, at) in &candidates {
            if claims_scoring_at_least(scores, compare::best_score(most)) >= MOST_MATCHES {
                break;
            }
            let candidate = &self.distinct[at as usize];
            let shared = self.shared_weight(&words, &candidate.words);
            let wording = Wording {
                shorter: shared / weight.min(candidate.weight),
                longer: shared / weight.max(candidate.weight),
            };
            let sentence_side = Side {
                keys: &keys,
                words: &words,
            };
            let claim_side = Side {
                keys: &candidate.keys,
                words: &candidate.words,
            };
            if let Some(comparison) = compare(sentence_side, claim_side, wording) {
                scores.push((comparison.score, candidate.claims.len()));
                found.push((comparison, wording.shorter.min(1.0), at));
            }
        }
        scratch.words = words;
        scratch.candidates = candidates;
        // Best first; a sentence's claims are kept settled first, then latest first.
        found.sort_by(|a, b| b.0.score.total_cmp(&a.0.score).then(a.2.cmp(&b.2)));
        found
            .iter()
            .flat_map(|(comparison, wording, at)| {
                self.distinct[*at as usize]
                    .claims
                    .iter()
                    .map(move |&claim| (claim, comparison, *wording))
            })
            .take(MOST_MATCHES)
            .map(|(claim, comparison, wording)| ClaimMatch {
                claim,
                score: comparison.score,
                kind: comparison.kind.clone(),
                same_figures: comparison.same_figures.clone(),
                same_actors: comparison.same_actors.clone(),
                wording,
            })
            .collect()
    }

    /// The summed weight of the words two sorted lists of word ids share.
    fn shared_weight(&self, one: &[u32], other: &[u32]) -> f32 {
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < one.len() && j < other.len() {
            match one[i].cmp(&other[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weights[one[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }
}

/// How many claims of the sentences scored so far score `score` or more.
fn claims_scoring_at_least(scores: &[(f32, usize)], score: f32) -> usize {
    scores
        .iter()
        .filter(|(scored, _)| *scored >= score)
        .map(|(_, claims)| claims)
        .sum()
}
