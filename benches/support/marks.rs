//! Marks spread through a manuscript, shared by the benchmarks that need a marked book.

use copydesk::model::Reviewer;
use copydesk::model::{Claim, Comment, Passage, Project, SectionId};
use jiff::Timestamp;

/// `count` comments on random runs of 1 to 12 words, always the same for the same project.
pub fn marked(mut project: Project, count: usize) -> Project {
    let mut rng = fastrand::Rng::with_seed(7);
    while project.comments.len() < count {
        if let Some((section, passage)) = random_passage(&project, &mut rng) {
            let comment = Comment::new(
                section,
                Some(passage),
                &Reviewer::named("Ana"),
                Timestamp::now(),
            );
            project.comments.push(comment);
        }
    }
    project
}

/// `count` marks, comments saying `body` and claims in turn, on random runs of 1 to 12 words
/// whose text `accept` takes (the right-to-left benchmark marks Arabic passages only), always
/// in the same places for the same project.
pub fn comments_and_claims(
    mut project: Project,
    count: usize,
    body: &str,
    accept: impl Fn(&str) -> bool,
) -> Project {
    let mut rng = fastrand::Rng::with_seed(11);
    let mut made = 0;
    while made < count {
        let Some((section, passage)) = random_passage(&project, &mut rng) else {
            continue;
        };
        if !accept(&passage.quote) {
            continue;
        }
        let reviewer = Reviewer::named(["Ana", "Omar"][made % 2]);
        if made % 2 == 0 {
            let mut comment = Comment::new(section, Some(passage), &reviewer, Timestamp::now());
            comment.body = format!("{body} ({made})");
            project.comments.push(comment);
        } else {
            project
                .claims
                .push(Claim::new(section, passage, &reviewer, Timestamp::now()));
        }
        made += 1;
    }
    project
}

/// A run of 1 to 12 words in a random section with at least 14 words.
fn random_passage(project: &Project, rng: &mut fastrand::Rng) -> Option<(SectionId, Passage)> {
    let section = &project.sections[rng.usize(..project.sections.len())];
    let starts = super::book::word_starts(&section.text);
    if starts.len() < 14 {
        return None;
    }
    let first = rng.usize(..starts.len() - 13);
    let words = rng.usize(1..=12);
    let range = starts[first]..starts[first + words] - 1;
    let passage = Passage::from_section_text(&section.text, range).ok()?;
    Some((section.id.clone(), passage))
}
