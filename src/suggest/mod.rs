//! Suggestions: the fact-checker's first pass, done by copydesk.
//!
//! [`segment`] splits section text into sentences, [`detect`] says why a sentence is worth
//! checking, and this module ties them to a project: where each suggested sentence sits, and
//! which suggestions the reviewers already decided (accepted as a claim or comment, or
//! dismissed). [`language`] tells which sentences are English enough for the English rules. [`evaluate`] measures the detector against labelled sentences; `strength`
//! says which suggestions are strong enough to offer when only the strong ones are wanted.

pub mod detect;
pub mod evaluate;
pub mod language;
pub mod listing;
pub mod segment;
mod strength;
pub(crate) mod words;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use jiff::Timestamp;

pub use detect::{Assessment, Detector, Signal};
pub use language::Language;
pub use strength::{STRONG_SCORE, SuggestionStrength};

use crate::edit::Edit;
use crate::model::{CheckKind, Claim, Comment, Dismissal, Passage, Project, Reviewer, SectionId};
use crate::progress::Progress;
use language::{Evidence, Place};

/// A sentence the detector thinks deserves a check.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub section: SectionId,
    /// Character range of the sentence in its section's text.
    pub range: Range<usize>,
    pub sentence: String,
    pub assessment: Assessment,
}

/// A suggestion, named by where its sentence starts: what the desk selects and steps through.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SuggestionKey {
    pub section: SectionId,
    pub start: usize,
}

impl SuggestionKey {
    pub fn of(suggestion: &Suggestion) -> Self {
        Self {
            section: suggestion.section.clone(),
            start: suggestion.range.start,
        }
    }
}

impl Suggestion {
    pub fn kinds(&self) -> Vec<CheckKind> {
        self.assessment.kinds()
    }

    pub fn has_kind(&self, kind: CheckKind) -> bool {
        self.assessment
            .signals
            .iter()
            .any(|signal| signal.kind == kind)
    }

    /// The kind the suggestion is listed under: its strongest signal.
    pub fn main_kind(&self) -> CheckKind {
        self.assessment
            .signals
            .iter()
            .max_by(|a, b| a.weight.total_cmp(&b.weight))
            .map_or(CheckKind::Event, |signal| signal.kind)
    }

    pub fn score(&self) -> f32 {
        self.assessment.score()
    }

    pub fn reasons(&self) -> String {
        self.assessment.reasons()
    }

    /// The edit that accepts the suggestion: a claim that needs a source, or, for a
    /// promotional line, a comment proposing to cut it.
    pub fn accept_edit(
        &self,
        project: &Project,
        author: &Reviewer,
        now: Timestamp,
    ) -> Option<Edit> {
        let text = &project.section(&self.section)?.text;
        let passage = Passage::from_section_text(text, self.range.clone()).ok()?;
        if self.has_kind(CheckKind::Promotional) {
            let mut comment = Comment::new(self.section.clone(), Some(passage), author, now);
            comment.body = "Promotional line: cut before publishing?".to_owned();
            return Some(Edit::add_comment(comment));
        }
        let mut claim = Claim::new(self.section.clone(), passage, author, now);
        claim.kinds = self.kinds();
        Some(Edit::add_claim(claim))
    }

    pub fn dismiss_edit(&self, author: &Reviewer, now: Timestamp) -> Edit {
        Edit::Dismiss {
            index: usize::MAX,
            dismissal: Dismissal::new(&self.sentence, author, now),
        }
    }
}

/// The sentences of a project's sections, with their section and character range.
pub fn project_sentences(project: &Project) -> Vec<(SectionId, Range<usize>, &str)> {
    sentences_counted(project, &Progress::new())
        .into_iter()
        .map(|(section, range, text, _)| (section, range, text))
        .collect()
}

/// [`project_sentences`], counting sections done in `progress`, with where each sentence is:
/// its section's and paragraph's positions, which its language is told from.
fn sentences_counted<'a>(
    project: &'a Project,
    progress: &Progress,
) -> Vec<(SectionId, Range<usize>, &'a str, Place)> {
    in_parallel(&project.sections, progress, |section| {
        let text = &section.text;
        let mut sentences = Vec::new();
        let mut chars_before = 0;
        let mut bytes_before = 0;
        let mut paragraph = 0;
        for range in segment::sentence_ranges(text) {
            let between = &text[bytes_before..range.start];
            chars_before += between.chars().count();
            paragraph += between.matches('\n').count();
            let length = text[range.clone()].chars().count();
            sentences.push((
                section.id.clone(),
                chars_before..chars_before + length,
                &text[range.clone()],
                paragraph,
            ));
            chars_before += length;
            bytes_before = range.end;
        }
        sentences
    })
    .into_iter()
    .enumerate()
    .flat_map(|(section, sentences)| {
        sentences
            .into_iter()
            .map(move |(id, range, text, paragraph)| {
                (id, range, text, Place { section, paragraph })
            })
    })
    .collect()
}

/// Every sentence of the project with what the detector makes of it, in reading order.
pub fn assessed_sentences(project: &Project) -> Vec<(SectionId, Range<usize>, &str, Assessment)> {
    assessed_counted(project, &Progress::new())
}

/// [`assessed_sentences`] in three phases counted in `progress`: sections split into
/// sentences, sentences split into words, sentences assessed.
fn assessed_counted<'a>(
    project: &'a Project,
    progress: &Progress,
) -> Vec<(SectionId, Range<usize>, &'a str, Assessment)> {
    progress.begin_phase(0, 3, project.sections.len());
    let sentences = sentences_counted(project, progress);
    progress.begin_phase(1, 3, sentences.len());
    // Split once: the same tokens teach the detector the names, tell the language and are
    // then assessed.
    let (tokenized, evidence): (Vec<Vec<words::Token>>, Vec<(Place, Evidence)>) =
        in_parallel(&sentences, progress, |(_, _, text, place)| {
            let tokens = words::tokens(text);
            let evidence = Evidence::of(&tokens);
            (tokens, (*place, evidence))
        })
        .into_iter()
        .unzip();
    progress.begin_phase(2, 3, sentences.len());
    let detector = Detector::from_tokenized(&tokenized);
    let languages = language::sentence_languages(&evidence);
    let pairs: Vec<_> = sentences
        .into_iter()
        .zip(&tokenized)
        .zip(languages)
        .collect();
    in_parallel(
        &pairs,
        progress,
        |(((section, range, sentence, _), tokens), language)| {
            let assessment = detector.assess_tokens(sentence, tokens, *language);
            (section.clone(), range.clone(), *sentence, assessment)
        },
    )
}

/// Every sentence of the project the detector flags, decided or not, in reading order.
pub fn detect_in_project(project: &Project) -> Vec<Suggestion> {
    detect_in_project_with(project, &Progress::new())
}

/// [`detect_in_project`], counting its work in `progress` (for a progress bar); once
/// `progress` is cancelled it stops early, and what it returns is incomplete.
pub fn detect_in_project_with(project: &Project, progress: &Progress) -> Vec<Suggestion> {
    assessed_counted(project, progress)
        .into_iter()
        .filter(|(_, _, _, assessment)| !assessment.signals.is_empty())
        .map(|(section, range, sentence, assessment)| Suggestion {
            section,
            range,
            sentence: sentence.to_owned(),
            assessment,
        })
        .collect()
}

/// Maps `items` in order, on every core when there is enough work to share: a book-length
/// manuscript is read in a fraction of the time on a laptop's cores. Counts the items done
/// in `progress`, and stops early (returning fewer) once it is cancelled.
fn in_parallel<'a, T: Sync, R: Send>(
    items: &'a [T],
    progress: &Progress,
    map: impl Fn(&'a T) -> R + Sync,
) -> Vec<R> {
    const ENOUGH_TO_SHARE: usize = 2_000;
    // Counted a batch at a time, so threads rarely touch the shared counter.
    const COUNT_EVERY: usize = 64;
    let map_counted = |part: &'a [T]| {
        let mut mapped = Vec::with_capacity(part.len());
        for batch in part.chunks(COUNT_EVERY) {
            if progress.is_cancelled() {
                break;
            }
            mapped.extend(batch.iter().map(&map));
            progress.advance(batch.len());
        }
        mapped
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads < 2 || items.len() < ENOUGH_TO_SHARE {
        return map_counted(items);
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let map_counted = &map_counted;
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || map_counted(part)))
            .collect();
        workers
            .into_iter()
            // A worker only panics if `map` does, which the single-threaded path would too.
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// The suggestions nobody has decided yet: not dismissed, not touched by a claim, and not
/// mostly covered by a comment (a remark on one word of a sentence decides nothing about it).
pub fn undecided<'a>(all: &'a [Suggestion], project: &Project) -> Vec<&'a Suggestion> {
    undecided_indices(all, project)
        .into_iter()
        .map(|index| &all[index])
        .collect()
}

/// What [`undecided`] depends on besides the suggestions: the placed claims and comments
/// and the dismissals. Far cheaper than the filtering, so a desk can refilter only when it
/// changed (typing a comment's words changes none of it).
pub fn decisions_fingerprint(project: &Project) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut hasher = foldhash::fast::FixedState::default().build_hasher();
    for claim in project.claims.iter().filter(|c| c.is_placed()) {
        claim.section.hash(&mut hasher);
        claim.passage.range().hash(&mut hasher);
    }
    hasher.write_u8(0xff);
    for comment in &project.comments {
        if let Some(passage) = comment.placed_passage() {
            comment.section.hash(&mut hasher);
            passage.range().hash(&mut hasher);
        }
    }
    hasher.write_u8(0xff);
    for dismissal in &project.dismissed {
        dismissal.sentence.hash(&mut hasher);
    }
    hasher.finish()
}

/// Positions in `all` of the suggestions nobody has decided yet (see [`undecided`]).
pub fn undecided_indices(all: &[Suggestion], project: &Project) -> Vec<usize> {
    let mut claimed: HashMap<&SectionId, Vec<Range<usize>>> = HashMap::new();
    for claim in project.claims.iter().filter(|c| c.is_placed()) {
        claimed
            .entry(&claim.section)
            .or_default()
            .push(claim.passage.range());
    }
    let mut commented: HashMap<&SectionId, Vec<Range<usize>>> = HashMap::new();
    for comment in &project.comments {
        if let Some(passage) = comment.placed_passage() {
            commented
                .entry(&comment.section)
                .or_default()
                .push(passage.range());
        }
    }
    let dismissed: HashSet<&str> = project
        .dismissed
        .iter()
        .map(|d| d.sentence.as_str())
        .collect();
    let overlap =
        |a: &Range<usize>, b: &Range<usize>| a.end.min(b.end).saturating_sub(a.start.max(b.start));
    all.iter()
        .enumerate()
        .filter(|(_, suggestion)| {
            let sentence = &suggestion.range;
            let claimed = claimed
                .get(&suggestion.section)
                .is_some_and(|ranges| ranges.iter().any(|range| overlap(range, sentence) > 0));
            let commented = commented.get(&suggestion.section).is_some_and(|ranges| {
                ranges
                    .iter()
                    .any(|range| overlap(range, sentence) * 2 >= sentence.len())
            });
            !claimed
                && !commented
                && !dismissed.contains(Dismissal::key_from_sentence(&suggestion.sentence).as_str())
        })
        .map(|(index, _)| index)
        .collect()
}

/// Undecided suggestions of a project, computed from scratch (for the command line).
pub fn suggestions_for_project(project: &Project) -> Vec<Suggestion> {
    let all = detect_in_project(project);
    undecided(&all, project).into_iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::segment::sentence_ranges;
    use super::*;

    #[test]
    fn the_pass_counts_its_work_and_stops_once_cancelled() {
        // The bundled sample's article, imported (the sample review itself is built with the
        // detector, which must not be needed to test it).
        let project = crate::import::import_bytes(
            std::path::Path::new("sample-article.md"),
            include_str!("../../assets/sample-article.md").as_bytes(),
            crate::model::DraftFormat::Markdown,
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
        let progress = Progress::new();
        let found = detect_in_project_with(&project, &progress);
        assert!(!found.is_empty());
        assert_eq!(found, detect_in_project(&project));
        assert_eq!(progress.fraction(), Some(1.0));
        assert_eq!(progress.phase(), 2);

        let cancelled = Progress::new();
        cancelled.cancel();
        assert!(detect_in_project_with(&project, &cancelled).is_empty());
    }

    /// Text made of the pieces that trip sentence splitters and detectors up.
    fn news_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("U.S. ".to_owned()),
            Just("Mr. ".to_owned()),
            Just("“".to_owned()),
            Just("” ".to_owned()),
            Just("\"".to_owned()),
            Just(". ".to_owned()),
            Just("? ".to_owned()),
            Just(":- ".to_owned()),
            Just("4,000 ".to_owned()),
            Just("3.5% ".to_owned()),
            Just("$ ".to_owned()),
            Just("the most ".to_owned()),
            Just("according to ".to_owned()),
            Just("officials said ".to_owned()),
            Just("'s first ".to_owned()),
            Just("Zoë São Paulo 東京。".to_owned()),
            Just("\n".to_owned()),
            "[A-Za-z]{1,8} ",
            "\\PC{0,6}",
        ];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn sentences_are_in_order_inside_the_text_and_never_panic(text in news_like()) {
            let ranges = sentence_ranges(&text);
            let mut end = 0;
            for range in ranges {
                prop_assert!(range.start >= end && range.start < range.end);
                prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                prop_assert!(!text[range.clone()].contains('\n'));
                end = range.end;
            }
        }

        #[test]
        fn any_sentence_can_be_assessed(text in news_like()) {
            let detector = Detector::from_sentences([text.as_str()]);
            let assessment = detector.assess(&text);
            prop_assert!((0.0..=1.0).contains(&assessment.score()));
            for signal in &assessment.signals {
                prop_assert!(!signal.reason.is_empty());
            }
        }
    }
}
