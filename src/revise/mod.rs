//! Carrying a review over to the writer's next draft.
//!
//! [`revise`] takes the project and the newly imported draft and returns the project as it
//! stands on the new text: sections matched to the ones they continue (keeping their ids,
//! statuses and section comments), every comment and claim re-anchored with a state saying
//! how sure that is ([`AnchorState`]), approved sections whose text changed sent back to
//! review, and the old draft kept in the project's history. Nothing is dropped: a mark that
//! cannot be placed is orphaned with its old passage, never attached to a guess.
//!
//! The work is bounded: the diff has a deadline and the search a budget
//! ([`ReviseOptions`]); what they cannot settle is left fuzzy or orphaned for a person.

mod align;
mod decisions;
mod next_draft;
mod placement;
mod sections;
mod summary;
mod tokens;
mod unsettled;
mod word_diff;

use std::collections::HashMap;
use std::time::{Duration, Instant};

pub use decisions::{confirm_edit, reattach_edit, reject_edit, resolve_orphan_edit};
pub use next_draft::{NextDraft, read_next_draft};
pub use placement::similarity;
pub use summary::{MarkCounts, RevisionSummary};
pub use unsettled::unsettled_marks;
pub use word_diff::{DiffPiece, PieceKind, word_diff};

use crate::model::{
    AnchorState, Carried, Claim, Comment, EarlierDraft, Passage, Project, ReviewStatus, Section,
    SectionId, SectionRevision,
};
use placement::{Placement, Placer};
use tokens::{same_heading, same_text, tokenized_from_sections};

/// Bounds on the work of one revision.
#[derive(Clone, Copy, Debug)]
pub struct ReviseOptions {
    /// Time allowed for comparing the drafts; past it the comparison gets coarser: more marks
    /// come out fuzzy or orphaned for a person to settle.
    pub diff_deadline: Duration,
    /// Words compared while searching for moved passages, for all marks together.
    pub search_budget: usize,
}

impl Default for ReviseOptions {
    fn default() -> Self {
        Self {
            diff_deadline: Duration::from_millis(250),
            search_budget: 20_000_000,
        }
    }
}

/// The project on the new draft.
#[derive(Clone, Debug)]
pub struct Revised {
    pub project: Project,
    pub summary: RevisionSummary,
}

/// Carries `old`'s review over to `new`, a project just imported from the next draft.
pub fn revise(old: &Project, mut new: Project, options: ReviseOptions) -> Revised {
    // The importers never produce a draft without sections; a caller that does gets one
    // empty section, so every mark still has a section to be listed in.
    if new.sections.is_empty() {
        new.sections.push(Section::new(None, 0, &[]));
    }
    let deadline = Instant::now() + options.diff_deadline;
    let (old_tokens, new_tokens) = std::thread::scope(|scope| {
        let old_side = scope.spawn(|| tokenized_from_sections(&old.sections));
        let new_tokens = tokenized_from_sections(&new.sections);
        let old_tokens = old_side
            .join()
            .unwrap_or_else(|_| tokenized_from_sections(&old.sections));
        (old_tokens, new_tokens)
    });
    let alignment = align::align(&old_tokens, &new_tokens, deadline);
    let matched = sections::match_sections(
        &old.sections,
        &new.sections,
        &old_tokens,
        &new_tokens,
        &alignment,
    );
    let from_draft = old.draft.number;
    let new_sections = revised_sections(old, &new.sections, &matched, from_draft);

    let mut placer = Placer::new(
        &old.sections,
        &new.sections,
        &old_tokens,
        &new_tokens,
        &alignment,
        &matched,
        options.search_budget,
    );
    let section_indices: HashMap<&SectionId, usize> = old
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| (&section.id, index))
        .collect();
    let mut marks = MarkCounts::default();
    let comments: Vec<Comment> = old
        .comments
        .iter()
        .map(|comment| {
            let carried = carry_mark(
                old,
                &section_indices,
                &mut placer,
                &new_sections,
                &comment.section,
                comment.passage.as_ref(),
                comment.carried.as_ref(),
            );
            marks.count(carried.carried.state);
            Comment {
                section: carried.section,
                passage: carried.passage,
                carried: Some(carried.carried),
                ..comment.clone()
            }
        })
        .collect();
    // What the new draft's file carried itself (the writer's Word comments, tracked changes)
    // comes in beside the carried marks, on the same sections under their kept ids.
    let comments: Vec<Comment> = comments
        .into_iter()
        .chain(new.comments.iter().filter_map(|comment| {
            let index = new.sections.iter().position(|s| s.id == comment.section)?;
            Some(Comment {
                section: new_sections.get(index)?.id.clone(),
                ..comment.clone()
            })
        }))
        .collect();
    let claims: Vec<Claim> = old
        .claims
        .iter()
        .map(|claim| {
            let carried = carry_mark(
                old,
                &section_indices,
                &mut placer,
                &new_sections,
                &claim.section,
                Some(&claim.passage),
                claim.carried.as_ref(),
            );
            marks.count(carried.carried.state);
            Claim {
                section: carried.section,
                passage: carried.passage.unwrap_or_else(|| claim.passage.clone()),
                carried: Some(carried.carried),
                ..claim.clone()
            }
        })
        .collect();
    let cut_short = alignment.timed_out || placer.budget_exhausted;

    let summary = summary::summary_of(old, &new, &new_sections, &matched, marks, cut_short);
    let mut earlier_drafts = old.earlier_drafts.clone();
    earlier_drafts.push(EarlierDraft {
        draft: old.draft.clone(),
        title: old.title.clone(),
        sections: old.sections.clone(),
    });
    let project = Project {
        title: kept_title(old, &new),
        draft: crate::model::Draft {
            number: from_draft + 1,
            ..new.draft
        },
        sections: new_sections,
        comments,
        claims,
        dismissed: old.dismissed.clone(),
        earlier_drafts,
        reviewers: old.reviewers.clone(),
        deleted: old.deleted.clone(),
        conflicts: old.conflicts.clone(),
    };
    Revised { project, summary }
}

/// The new draft's own title, or the review's when the new draft has none (a title made from
/// its file name, "draft-v2", is not the writer renaming the article).
fn kept_title(old: &Project, new: &Project) -> String {
    let from_file_name =
        crate::import::title_from_file_name(std::path::Path::new(&new.draft.file_name));
    if new.title == from_file_name {
        old.title.clone()
    } else {
        new.title.clone()
    }
}

/// The new draft's sections with the ids, statuses and history they inherit.
fn revised_sections(
    old: &Project,
    new: &[Section],
    matched: &sections::SectionMatch,
    from_draft: u32,
) -> Vec<Section> {
    new.iter()
        .enumerate()
        .map(|(j, section)| {
            let from = &matched.from[j];
            let heir_of = matched.inherits[j].map(|s| &old.sections[s]);
            let status_before = least_settled(from.iter().map(|&s| old.sections[s].status));
            let text_changed = matched.text_changed[j];
            let status = if text_changed && status_before == ReviewStatus::Approved {
                ReviewStatus::InReview
            } else {
                status_before
            };
            let heading_before = heir_of
                .filter(|s| !same_heading(s.heading.as_deref(), section.heading.as_deref()))
                .map(|s| s.title().to_owned());
            Section {
                id: heir_of.map_or_else(|| section.id.clone(), |s| s.id.clone()),
                status,
                revision: Some(SectionRevision {
                    from_draft,
                    from: from.iter().map(|&s| old.sections[s].id.clone()).collect(),
                    status_before,
                    heading_before,
                    text_changed,
                }),
                ..section.clone()
            }
        })
        .collect()
}

/// The status of sections merged into one: the one that most needs a reviewer. "Needs
/// changes" is a request the writer must answer, so it outranks even "Unreviewed"; an
/// approval holds only if every part was approved.
fn least_settled(statuses: impl Iterator<Item = ReviewStatus>) -> ReviewStatus {
    let urgency = |status: ReviewStatus| match status {
        ReviewStatus::NeedsChanges => 0,
        ReviewStatus::Unreviewed => 1,
        ReviewStatus::InReview => 2,
        ReviewStatus::Approved => 3,
    };
    statuses
        .min_by_key(|status| urgency(*status))
        .unwrap_or(ReviewStatus::Unreviewed)
}

/// A mark's section, passage and record in the new draft.
struct CarriedMark {
    section: SectionId,
    passage: Option<Passage>,
    carried: Carried,
}

fn carry_mark(
    old: &Project,
    section_indices: &HashMap<&SectionId, usize>,
    placer: &mut Placer<'_>,
    new_sections: &[Section],
    section: &SectionId,
    passage: Option<&Passage>,
    carried: Option<&Carried>,
) -> CarriedMark {
    let old_index = section_indices.get(section).copied().unwrap_or(0);
    let was_placed = carried.is_none_or(|c| c.state.is_placed());
    let placement = match (passage, was_placed) {
        (Some(passage), true) => placer.place_passage(old_index, passage),
        (None, true) => placer.place_section(old_index),
        // An orphan from an earlier revision: its text may be back.
        (Some(passage), false) => placer.place_quote(passage, placer.fallback_section(old_index)),
        (None, false) => Placement {
            state: AnchorState::Orphaned,
            section: placer.fallback_section(old_index),
            range: None,
            similarity: None,
        },
    };
    let new_section = &new_sections[placement.section.min(new_sections.len().saturating_sub(1))];
    let new_passage = placement
        .range
        .as_ref()
        .and_then(|range| Passage::from_section_text(&new_section.text, range.clone()).ok());
    let placed_as_orphan = passage.is_some() && new_passage.is_none();
    // Silently placed means the same text: the words match token for token, but a space that
    // appeared inside "4,000" or an accent pulled in by a whole character is still a change.
    let text_differs = match (passage, &new_passage) {
        (Some(old_passage), Some(now)) => !same_text(&old_passage.quote, &now.quote),
        _ => false,
    };
    let state = match placement.state {
        state if placed_as_orphan && state.is_placed() => AnchorState::Orphaned,
        AnchorState::Exact | AnchorState::Moved if text_differs => AnchorState::Fuzzy,
        state => state,
    };
    // A fuzzy place nobody confirmed is a guess: whatever the next draft does, the mark stays
    // at most fuzzy, and keeps the words the reviewer actually marked.
    let unconfirmed = carried.filter(|c| c.state == AnchorState::Fuzzy);
    let state = match (unconfirmed, state) {
        (Some(_), AnchorState::Exact | AnchorState::Moved) => AnchorState::Fuzzy,
        _ => state,
    };
    // A resolved orphan that is still not found stays resolved.
    let state = match carried {
        Some(c) if c.state == AnchorState::Removed && !state.is_placed() => AnchorState::Removed,
        _ => state,
    };
    // An orphan, and an unconfirmed fuzzy mark, keep pointing at the passage a person marked.
    let history = carried.filter(|c| !was_placed || c.state == AnchorState::Fuzzy);
    let (section_before, passage_before, from_draft) = match history {
        Some(c) => (
            c.section_before.clone(),
            c.passage_before.clone(),
            c.from_draft,
        ),
        None => (section.clone(), passage.cloned(), old.draft.number),
    };
    let similarity = match (&passage_before, &new_passage) {
        _ if state != AnchorState::Fuzzy => None,
        (Some(before), Some(now)) if unconfirmed.is_some() || text_differs => {
            Some(placement::percent(similarity(&before.quote, &now.quote)))
        }
        _ => placement.similarity,
    };
    CarriedMark {
        section: new_section.id.clone(),
        passage: if state.is_placed() {
            new_passage
        } else if unconfirmed.is_some() {
            passage_before.clone()
        } else {
            passage.cloned()
        },
        carried: Carried {
            state,
            from_draft,
            section_before,
            passage_before,
            similarity,
            decided: match carried {
                Some(c) if c.state == AnchorState::Removed => c.decided.clone(),
                _ => None,
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;
    use proptest::prelude::*;

    use super::*;
    use crate::model::Reviewer;
    use crate::model::{Comment, Draft, DraftFormat};

    fn project(sections: &[(Option<String>, Vec<String>)]) -> Project {
        Project {
            conflicts: Vec::new(),
            deleted: Vec::new(),
            reviewers: Vec::new(),
            title: "Test".to_owned(),
            draft: Draft {
                file_name: "draft.txt".to_owned(),
                format: DraftFormat::PlainText,
                sha256: String::new(),
                imported_at: Timestamp::UNIX_EPOCH,
                number: 1,
                tracked_changes: Vec::new(),
                fetched: None,
            },
            sections: sections
                .iter()
                .map(|(heading, paragraphs)| Section::new(heading.clone(), 1, paragraphs))
                .collect(),
            comments: Vec::new(),
            claims: Vec::new(),
            dismissed: Vec::new(),
            earlier_drafts: Vec::new(),
        }
    }

    /// Paragraphs of words from a tiny vocabulary, so that words and whole phrases recur.
    fn draft() -> impl Strategy<Value = Vec<(Option<String>, Vec<String>)>> {
        let word = prop::sample::select(vec![
            "Robin", "said", "the", "plan", "was", "wrong", ".", ",", "4,000", "“it”", "é", "🇫🇷",
        ]);
        let paragraph = prop::collection::vec(word, 1..14).prop_map(|words| words.join(" "));
        let section = (
            prop::option::of(prop::sample::select(vec!["One", "Two", "Robin"])),
            prop::collection::vec(paragraph, 0..4),
        )
            .prop_map(|(heading, paragraphs)| (heading.map(str::to_owned), paragraphs));
        prop::collection::vec(section, 1..4)
    }

    /// A revision of `old`: words dropped, paragraphs swapped, moved, duplicated or deleted.
    fn revised(
        old: &[(Option<String>, Vec<String>)],
        choices: &[usize],
    ) -> Vec<(Option<String>, Vec<String>)> {
        let mut new = old.to_vec();
        for (step, &choice) in choices.iter().enumerate() {
            let sections = new.len();
            let section = choice % sections;
            let paragraphs = new[section].1.len();
            match (step + choice) % 6 {
                0 if paragraphs > 0 => {
                    let p = choice % paragraphs;
                    let words: Vec<&str> = new[section].1[p].split(' ').collect();
                    let keep: Vec<&str> = words
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != choice % words.len())
                        .map(|(_, w)| *w)
                        .collect();
                    new[section].1[p] = keep.join(" ");
                }
                1 if paragraphs > 1 => new[section].1.swap(0, paragraphs - 1),
                2 if paragraphs > 0 => {
                    let moved = new[section].1.remove(choice % paragraphs);
                    let to = (section + 1) % sections;
                    new[to].1.insert(0, moved);
                }
                3 if paragraphs > 0 => {
                    let copy = new[section].1[choice % paragraphs].clone();
                    new[section].1.push(copy);
                }
                4 if paragraphs > 0 => {
                    new[section].1.remove(choice % paragraphs);
                }
                _ => new[section].0 = Some(format!("Heading {choice}")),
            }
            new[section].1.retain(|p| !p.trim().is_empty());
        }
        new
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Whatever the drafts, revising never panics, gives a valid project, loses no mark,
        /// and never places a mark silently (exact or moved) on words other than its own.
        #[test]
        fn no_mark_is_silently_placed_on_other_words(
            old_sections in draft(),
            choices in prop::collection::vec(0_usize..1000, 0..6),
            marks in prop::collection::vec((0_usize..1000, 0_usize..1000, 1_usize..40), 0..8),
        ) {
            let mut old = project(&old_sections);
            for (section, start, length) in marks {
                let section = &old.sections[section % old.sections.len()];
                let chars = section.char_count();
                if chars == 0 {
                    continue;
                }
                let start = start % chars;
                let end = (start + length).min(chars);
                if let Ok(passage) = Passage::from_section_text(&section.text, start..end) {
                    let comment = Comment::new(section.id.clone(), Some(passage), &Reviewer::named("Ana"), Timestamp::UNIX_EPOCH);
                    old.comments.push(comment);
                }
            }
            let new = project(&revised(&old_sections, &choices));
            let result = revise(&old, new, ReviseOptions::default());
            prop_assert!(result.project.validate().is_ok());
            prop_assert_eq!(result.project.comments.len(), old.comments.len());
            for (before, after) in old.comments.iter().zip(&result.project.comments) {
                let carried = after.carried.as_ref().unwrap();
                if matches!(carried.state, AnchorState::Exact | AnchorState::Moved) {
                    let old_quote = &before.passage.as_ref().unwrap().quote;
                    let new_quote = &after.placed_passage().unwrap().quote;
                    prop_assert!(same_text(old_quote, new_quote), "{old_quote:?} → {new_quote:?}");
                }
            }
        }
    }
}
