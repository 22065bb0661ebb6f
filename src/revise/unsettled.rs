//! The marks a revision could not place with confidence, one line each: what `copydesk revise`
//! lists for a person to settle in the desk's Revision tab.

use super::tokens::same_text;
use crate::model::{AnchorState, Carried, Project, Section};
use crate::text::shortened;

/// The fuzzy and orphaned marks of a revised project, one line each, comments first: where the
/// mark was and, for a fuzzy one, where it went and how alike the two are — or, when the words
/// are the same, what is uncertain about their place.
pub fn unsettled_marks(project: &Project) -> Vec<String> {
    let comments = project.comments.iter().filter_map(|c| {
        let quote = c.passage.as_ref().map_or("", |p| p.quote.as_str());
        let what = if c.passage.is_none() {
            Mark::Section(
                c.carried
                    .as_ref()
                    .map(|carried| section_title(project, carried)),
            )
        } else {
            Mark::Passage("comment")
        };
        unsettled_line(project, c.carried.as_ref(), what, quote)
    });
    let claims = project.claims.iter().filter_map(|c| {
        unsettled_line(
            project,
            c.carried.as_ref(),
            Mark::Passage("claim"),
            &c.passage.quote,
        )
    });
    comments.chain(claims).collect()
}

/// What kind of mark a line is about.
#[derive(Clone, Copy)]
enum Mark<'a> {
    /// A comment or a claim on words.
    Passage(&'static str),
    /// A comment on a whole section, with the section's title when it is known.
    Section(Option<&'a str>),
}

/// The title of the section a mark was on before the revision.
fn section_title<'a>(project: &'a Project, carried: &Carried) -> &'a str {
    project
        .earlier_draft(carried.from_draft)
        .and_then(|draft| draft.section(&carried.section_before))
        .or_else(|| project.section(&carried.section_before))
        .map_or("a removed section", Section::title)
}

/// The line for one mark (now on `quote`), if it is unsettled.
fn unsettled_line(
    project: &Project,
    carried: Option<&Carried>,
    what: Mark<'_>,
    quote: &str,
) -> Option<String> {
    let carried = carried?;
    if !carried.state.needs_attention() {
        return None;
    }
    let what = match what {
        Mark::Passage(what) => what,
        // A section has no words to quote: its title says which one.
        Mark::Section(title) => {
            let title = title.unwrap_or("a removed section");
            return Some(match carried.state {
                AnchorState::Fuzzy => format!("fuzzy comment on the section “{title}”"),
                _ => format!("orphaned comment on the section “{title}”"),
            });
        }
    };
    let before = carried
        .passage_before
        .as_ref()
        .map_or(quote, |p| p.quote.as_str());
    Some(match carried.state {
        // The same words: a likeness would read "0% alike"; what is uncertain is the place.
        AnchorState::Fuzzy
            if carried.similarity.is_none()
                || carried
                    .passage_before
                    .as_ref()
                    .is_some_and(|p| same_text(&p.quote, quote)) =>
        {
            let places = occurrences(project, quote);
            let why = if places > 1 {
                format!("the same words, found in {places} places — confirm which")
            } else {
                "the same words, found in a rewritten sentence — confirm the place".to_owned()
            };
            format!("fuzzy {what}: “{}” ({why})", shortened(quote, 60))
        }
        AnchorState::Fuzzy => format!(
            "fuzzy {what}: “{}” → “{}” ({}% alike)",
            shortened(before, 60),
            shortened(quote, 60),
            carried.similarity.unwrap_or(0)
        ),
        _ => format!("orphaned {what}: “{}”", shortened(before, 60)),
    })
}

/// How many times `quote` occurs in the project's text.
fn occurrences(project: &Project, quote: &str) -> usize {
    if quote.is_empty() {
        return 0;
    }
    project
        .sections
        .iter()
        .map(|section| section.text.matches(quote).count())
        .sum()
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
