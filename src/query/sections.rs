//! Which sections a reviewer means by a few letters of a heading: Ctrl+G in the desk lists
//! them as they type, so a section of a long book is reached without scrolling for it.

use crate::model::Project;

/// The indices of the sections whose title holds every word of `typed` (case does not
/// matter), in reading order; every section while nothing is typed.
pub fn sections_matching(project: &Project, typed: &str) -> Vec<usize> {
    let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
    project
        .sections
        .iter()
        .enumerate()
        .filter(|(_, section)| {
            let title = section.title().to_lowercase();
            words.iter().all(|word| title.contains(word.as_str()))
        })
        .map(|(index, _)| index)
        .collect()
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::sections_matching;

    #[test]
    fn part_of_a_heading_in_any_case_finds_its_sections_in_reading_order() {
        // Opening, Why the East Side, Costs and Funding, What Riders Can Expect.
        let project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(sections_matching(&project, ""), [0, 1, 2, 3]);
        assert_eq!(sections_matching(&project, "  "), [0, 1, 2, 3]);
        assert_eq!(sections_matching(&project, "ST"), [1, 2]);
        assert_eq!(sections_matching(&project, "fund"), [2]);
        // Every word must be there, in any order.
        assert_eq!(sections_matching(&project, "side east"), [1]);
        assert_eq!(
            sections_matching(&project, "east funding"),
            Vec::<usize>::new()
        );
        // A section without a heading is found by the name the desk gives it.
        assert_eq!(sections_matching(&project, "opening"), [0]);
    }
}
