//! What is highlighted in each section's text: the comments and claims on it (only one
//! reviewer's, when the desk shows one reviewer's marks) and the suggested sentences. Worked
//! out once per change of the marks or of what is shown, by the layout cache, not per frame.

use std::collections::HashMap;

use super::section_text::{MarkKind, MarkSpan, SpanTarget};
use super::state::SuggestionCache;
use crate::model::{MarkId, Project, ReviewerId, SectionId};
use crate::suggest::SuggestionKey;

/// Each section's highlights, by section index.
pub fn spans_by_section(
    project: &Project,
    suggestions: Option<&SuggestionCache>,
    marks_by: Option<&ReviewerId>,
    index_of: &HashMap<SectionId, usize>,
) -> Vec<Vec<MarkSpan>> {
    let shown = |author: &ReviewerId| marks_by.is_none_or(|by| by == author);
    let mut marks: Vec<Vec<MarkSpan>> = vec![Vec::new(); project.sections.len()];
    let index = |section: &SectionId| index_of.get(section).copied();
    for suggestion in suggestions.into_iter().flat_map(SuggestionCache::undecided) {
        let Some(spans) = index(&suggestion.section).and_then(|i| marks.get_mut(i)) else {
            continue;
        };
        spans.push(MarkSpan {
            target: SpanTarget::Suggestion(SuggestionKey::of(suggestion)),
            range: suggestion.range.clone(),
            kind: MarkKind::Suggestion(suggestion.main_kind()),
            fuzzy: false,
        });
    }
    for comment in &project.comments {
        // An orphan's passage belongs to an earlier draft: it has no place in this text.
        if let Some(passage) = comment
            .placed_passage()
            .filter(|_| shown(&comment.author_id))
            && let Some(spans) = index(&comment.section).and_then(|i| marks.get_mut(i))
        {
            spans.push(MarkSpan {
                target: SpanTarget::Mark(MarkId::Comment(comment.id.clone())),
                range: passage.range(),
                kind: MarkKind::Comment {
                    resolved: !comment.is_open(),
                },
                fuzzy: comment.needs_attention(),
            });
        }
    }
    for claim in &project.claims {
        if let Some(passage) = claim.placed_passage().filter(|_| shown(&claim.author_id))
            && let Some(spans) = index(&claim.section).and_then(|i| marks.get_mut(i))
        {
            spans.push(MarkSpan {
                target: SpanTarget::Mark(MarkId::Claim(claim.id.clone())),
                range: passage.range(),
                kind: MarkKind::Claim(claim.status),
                fuzzy: claim.needs_attention(),
            });
        }
    }
    marks
}
