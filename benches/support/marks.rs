//! Marks spread through a manuscript, shared by the benchmarks that need a marked book.

use copydesk::model::Reviewer;
use copydesk::model::{Comment, Passage, Project};
use jiff::Timestamp;

/// `count` comments on random runs of 1 to 12 words, always the same for the same project.
pub fn marked(mut project: Project, count: usize) -> Project {
    let mut rng = fastrand::Rng::with_seed(7);
    while project.comments.len() < count {
        let section = &project.sections[rng.usize(..project.sections.len())];
        let starts: Vec<usize> = std::iter::once(0)
            .chain(
                section
                    .text
                    .chars()
                    .enumerate()
                    .filter(|(_, c)| c.is_whitespace())
                    .map(|(i, _)| i + 1),
            )
            .collect();
        if starts.len() < 14 {
            continue;
        }
        let first = rng.usize(..starts.len() - 13);
        let words = rng.usize(1..=12);
        let range = starts[first]..starts[first + words] - 1;
        if let Ok(passage) = Passage::from_section_text(&section.text, range) {
            let comment = Comment::new(
                section.id.clone(),
                Some(passage),
                &Reviewer::named("Ana"),
                Timestamp::now(),
            );
            project.comments.push(comment);
        }
    }
    project
}
