//! The marks a revision could not place with confidence, one line each: what `copydesk revise`
//! lists for a person to settle in the desk's Revision tab.

use crate::model::{AnchorState, Carried, Project};
use crate::text::shortened;

/// The fuzzy and orphaned marks of a revised project, one line each, comments first: where the
/// mark was and, for a fuzzy one, where it went and how alike the two are.
pub fn unsettled_marks(project: &Project) -> Vec<String> {
    let comments = project.comments.iter().filter_map(|c| {
        let quote = c.passage.as_ref().map_or("", |p| p.quote.as_str());
        unsettled_line(c.carried.as_ref(), "comment", quote)
    });
    let claims = project
        .claims
        .iter()
        .filter_map(|c| unsettled_line(c.carried.as_ref(), "claim", &c.passage.quote));
    comments.chain(claims).collect()
}

/// The line for one mark (`what`: "comment" or "claim", now on `quote`), if it is unsettled.
fn unsettled_line(carried: Option<&Carried>, what: &str, quote: &str) -> Option<String> {
    let carried = carried?;
    carried.state.needs_attention().then(|| {
        let before = carried
            .passage_before
            .as_ref()
            .map_or(quote, |p| p.quote.as_str());
        match carried.state {
            AnchorState::Fuzzy => format!(
                "fuzzy {what}: “{}” → “{}” ({}% alike)",
                shortened(before, 60),
                shortened(quote, 60),
                carried.similarity.unwrap_or(0)
            ),
            _ => format!("orphaned {what}: “{}”", shortened(before, 60)),
        }
    })
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;

    fn carried(state: AnchorState, section: &crate::model::SectionId) -> Carried {
        Carried {
            state,
            from_draft: 1,
            section_before: section.clone(),
            passage_before: None,
            similarity: Some(80),
            decided: None,
        }
    }

    #[test]
    fn fuzzy_and_orphaned_marks_get_a_line_each_and_settled_ones_none() {
        let mut project = crate::sample::sample_project(Timestamp::now()).unwrap();
        assert!(unsettled_marks(&project).is_empty());
        let comment = &mut project.comments[0];
        comment.carried = Some(carried(AnchorState::Fuzzy, &comment.section));
        let claim = &mut project.claims[0];
        claim.carried = Some(carried(AnchorState::Orphaned, &claim.section));
        let claim = &mut project.claims[1];
        claim.carried = Some(carried(AnchorState::Moved, &claim.section));
        let lines = unsettled_marks(&project);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("fuzzy comment: “"), "{lines:?}");
        assert!(lines[0].ends_with("” (80% alike)"), "{lines:?}");
        assert!(lines[1].starts_with("orphaned claim: “"), "{lines:?}");
    }

    #[test]
    fn the_same_words_in_an_uncertain_place_say_so_rather_than_zero_percent_alike() {
        let mut project = crate::sample::sample_project(Timestamp::now()).unwrap();
        let comment = &mut project.comments[0];
        let mut fuzzy = carried(AnchorState::Fuzzy, &comment.section);
        fuzzy.passage_before = comment.passage.clone();
        fuzzy.similarity = None;
        comment.carried = Some(fuzzy);
        let lines = unsettled_marks(&project);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(!lines[0].contains("alike"), "{lines:?}");
        assert!(!lines[0].contains(" → "), "{lines:?}");
        assert!(lines[0].contains("the same words"), "{lines:?}");
        assert!(lines[0].contains("confirm"), "{lines:?}");
    }

    #[test]
    fn an_orphaned_comment_on_a_whole_section_names_the_section() {
        let mut project = crate::sample::sample_project(Timestamp::now()).unwrap();
        let section = project.sections[1].clone();
        let mut comment = project.comments[0].clone();
        comment.section = section.id.clone();
        comment.passage = None;
        comment.carried = Some(carried(AnchorState::Orphaned, &section.id));
        project.comments = vec![comment];
        let lines = unsettled_marks(&project);
        assert_eq!(
            lines,
            vec![format!(
                "orphaned comment on the section “{}”",
                section.title()
            )]
        );
    }
}
