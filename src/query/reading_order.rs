//! What comes next in reading order: the next (or previous) open claim, the next undecided
//! suggestion, wrapping around at the end of the article. F8 and F9 in the desk.

use crate::model::{Claim, ClaimId, Project, SectionId};
use crate::suggest::SuggestionKey;

use super::ClaimQuery;

/// A place in the article to step from: (section index, character offset), and whether
/// something starting exactly there counts as "next" (the start of a section does; the item
/// just left does not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingPoint {
    pub position: (usize, usize),
    pub inclusive: bool,
}

impl ReadingPoint {
    /// The start of a section: what is there counts as after it.
    pub fn section_start(project: &Project, section: &SectionId) -> Option<Self> {
        project.section_index(section).map(|index| Self {
            position: (index, 0),
            inclusive: true,
        })
    }
}

/// The open claim after (or before) the one selected, wrapping around. With `listed`, among
/// the claims that view lists, in its order; otherwise among all open claims in reading
/// order, stepping from the selected claim or else from the start of `current_section`.
pub fn next_open_claim(
    project: &Project,
    listed: Option<&ClaimQuery>,
    selected: Option<&ClaimId>,
    current_section: Option<&SectionId>,
    forward: bool,
) -> Option<ClaimId> {
    let position = |claim: &Claim| project.reading_position(&claim.section, claim.passage.start);
    let open: Vec<&Claim> = match listed {
        Some(query) => query
            .claims(project)
            .into_iter()
            .filter(|claim| claim.is_open())
            .collect(),
        None => {
            let mut open: Vec<_> = project.claims.iter().filter(|c| c.is_open()).collect();
            // Claims starting at the same character are told apart by id, so none is skipped.
            open.sort_by(|a, b| (position(a), &a.id).cmp(&(position(b), &b.id)));
            open
        }
    };
    if open.is_empty() {
        return None;
    }
    let index_of_selected = selected.and_then(|id| open.iter().position(|c| &c.id == id));
    let index = match index_of_selected {
        Some(index) => {
            let count = open.len();
            if forward {
                (index + 1) % count
            } else {
                (index + count - 1) % count
            }
        }
        None if listed.is_some() => {
            if forward {
                0
            } else {
                open.len() - 1
            }
        }
        None => {
            let from = selected
                .and_then(|id| project.claim(id))
                .map(|claim| ReadingPoint {
                    position: position(claim),
                    inclusive: false,
                })
                .or_else(|| current_section.and_then(|s| ReadingPoint::section_start(project, s)));
            let positions: Vec<(usize, usize)> = open.iter().map(|c| position(c)).collect();
            neighbour(&positions, from, forward).unwrap_or(0)
        }
    };
    Some(open[index].id.clone())
}

/// The suggestion after (or before) `from`, or else after the start of `current_section`,
/// among `undecided` (in reading order), wrapping around.
pub fn next_suggestion(
    project: &Project,
    undecided: &[SuggestionKey],
    from: Option<&SuggestionKey>,
    current_section: Option<&SectionId>,
    forward: bool,
) -> Option<SuggestionKey> {
    let position = |key: &SuggestionKey| project.reading_position(&key.section, key.start);
    let positions: Vec<(usize, usize)> = undecided.iter().map(position).collect();
    let from = match from {
        Some(key) => Some(ReadingPoint {
            position: position(key),
            inclusive: false,
        }),
        None => current_section.and_then(|s| ReadingPoint::section_start(project, s)),
    };
    neighbour(&positions, from, forward).map(|index| undecided[index].clone())
}

/// The index in sorted `positions` of the next (or previous) one after `from`, wrapping
/// around.
pub(super) fn neighbour(
    positions: &[(usize, usize)],
    from: Option<ReadingPoint>,
    forward: bool,
) -> Option<usize> {
    if positions.is_empty() {
        return None;
    }
    let Some(ReadingPoint {
        position: anchor,
        inclusive,
    }) = from
    else {
        return Some(if forward { 0 } else { positions.len() - 1 });
    };
    let after = |p: &(usize, usize)| *p > anchor || inclusive && *p == anchor;
    let before = |p: &(usize, usize)| *p < anchor;
    if forward {
        Some(positions.iter().position(after).unwrap_or(0))
    } else {
        Some(
            positions
                .iter()
                .rposition(before)
                .unwrap_or(positions.len() - 1),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{ReadingPoint, neighbour, next_open_claim};
    use crate::query::claims::tests::project_with_claims;
    use crate::query::{ClaimQuery, StatusFilter};

    fn point(position: (usize, usize), inclusive: bool) -> Option<ReadingPoint> {
        Some(ReadingPoint {
            position,
            inclusive,
        })
    }

    #[test]
    fn neighbours_wrap_around_and_respect_inclusive_anchors() {
        let positions = [(0, 0), (0, 10), (2, 5)];
        assert_eq!(neighbour(&positions, point((0, 0), true), true), Some(0));
        assert_eq!(neighbour(&positions, point((0, 0), false), true), Some(1));
        assert_eq!(neighbour(&positions, point((2, 5), false), true), Some(0));
        assert_eq!(neighbour(&positions, point((0, 10), false), false), Some(0));
        assert_eq!(neighbour(&positions, point((0, 0), false), false), Some(2));
        assert_eq!(neighbour(&positions, None, false), Some(2));
        assert_eq!(neighbour(&[], None, true), None);
    }

    #[test]
    fn open_claims_are_stepped_through_in_reading_order_or_the_view_s_order() {
        let project = project_with_claims();
        let ids: Vec<_> = project.claims.iter().map(|c| c.id.clone()).collect();
        // Open: the incorrect claim at (0, 5) and the one needing a source at (0, 40).
        let first = next_open_claim(&project, None, None, None, true);
        assert_eq!(first.as_ref(), Some(&ids[2]));
        let second = next_open_claim(&project, None, first.as_ref(), None, true);
        assert_eq!(second.as_ref(), Some(&ids[1]));
        let wrapped = next_open_claim(&project, None, second.as_ref(), None, true);
        assert_eq!(wrapped.as_ref(), Some(&ids[2]));
        let back = next_open_claim(&project, None, first.as_ref(), None, false);
        assert_eq!(back.as_ref(), Some(&ids[1]));
        // From the verified claim (not open), the next open one after it wraps to the start.
        let after_verified = next_open_claim(&project, None, Some(&ids[0]), None, true);
        assert_eq!(after_verified.as_ref(), Some(&ids[2]));
        // In a view, its first listed open claim.
        let view = ClaimQuery {
            status: StatusFilter::Open,
            order: crate::query::ClaimOrder::Newest,
            ..ClaimQuery::default()
        };
        let in_view = next_open_claim(&project, Some(&view), None, None, true);
        assert_eq!(in_view.as_ref(), Some(&ids[2]));
        let mut no_claims = project;
        no_claims.claims.clear();
        assert_eq!(next_open_claim(&no_claims, None, None, None, true), None);
    }
}
