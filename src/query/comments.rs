//! The comments view's filters and order: which comments it lists (open or resolved, by
//! whom, where they came from, in which section) and how they are sorted; and the open
//! comment that comes next, in the view's order while it is shown, else in reading order.

use crate::model::{Comment, CommentId, Project, ReviewerId, SectionId};

use super::reading_order::{ReadingPoint, neighbour};
use super::tracked_changes::{reading_position, section_positions};

/// Which comments by whether they are resolved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResolvedFilter {
    #[default]
    All,
    Open,
    Resolved,
}

impl ResolvedFilter {
    pub const ALL: [Self; 3] = [Self::All, Self::Open, Self::Resolved];

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "All",
            Self::Open => "Open",
            Self::Resolved => "Resolved",
        }
    }
}

/// Where a comment came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Written in copydesk.
    Typed,
    /// A comment in the imported Word document.
    WordComment,
    /// A change the imported Word document tracked.
    TrackedChange,
}

impl Origin {
    pub const ALL: [Self; 3] = [Self::Typed, Self::WordComment, Self::TrackedChange];

    pub fn of(comment: &Comment) -> Self {
        match comment.origin {
            None => Self::Typed,
            Some(origin) if origin.is_tracked_change() => Self::TrackedChange,
            Some(_) => Self::WordComment,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Typed => "Typed here",
            Self::WordComment => "Word comments",
            Self::TrackedChange => "Tracked changes",
        }
    }
}

/// Which comments by where they came from. Tracked changes are left out unless asked for:
/// a redlined draft brings hundreds, and they have a view of their own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OriginFilter {
    /// Typed here and Word comments.
    #[default]
    Remarks,
    Any,
    Is(Origin),
}

impl OriginFilter {
    pub const ALL: [Self; 5] = [
        Self::Remarks,
        Self::Any,
        Self::Is(Origin::Typed),
        Self::Is(Origin::WordComment),
        Self::Is(Origin::TrackedChange),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Remarks => "Comments (no tracked changes)",
            Self::Any => "Any, tracked changes too",
            Self::Is(origin) => origin.label(),
        }
    }

    fn admits(self, comment: &Comment) -> bool {
        match self {
            Self::Remarks => !comment.is_tracked_change(),
            Self::Any => true,
            Self::Is(origin) => Origin::of(comment) == origin,
        }
    }
}

/// The order comments are listed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CommentOrder {
    #[default]
    Reading,
    Newest,
    Oldest,
}

impl CommentOrder {
    pub const ALL: [Self; 3] = [Self::Reading, Self::Newest, Self::Oldest];

    pub fn label(self) -> &'static str {
        match self {
            Self::Reading => "Reading order",
            Self::Newest => "Newest first",
            Self::Oldest => "Oldest first",
        }
    }
}

/// A view of the comments: filters and an order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommentQuery {
    pub resolved: ResolvedFilter,
    /// Only the comments this reviewer wrote.
    pub by: Option<ReviewerId>,
    pub origin: OriginFilter,
    pub section: Option<SectionId>,
    pub order: CommentOrder,
}

impl CommentQuery {
    /// The comments to list, in the chosen order (reading order among equals).
    pub fn comments<'a>(&self, project: &'a Project) -> Vec<&'a Comment> {
        let mut comments: Vec<&Comment> = project
            .comments
            .iter()
            .filter(|comment| match self.resolved {
                ResolvedFilter::All => true,
                ResolvedFilter::Open => comment.is_open(),
                ResolvedFilter::Resolved => !comment.is_open(),
            })
            .filter(|comment| self.by.as_ref().is_none_or(|by| &comment.author_id == by))
            .filter(|comment| self.origin.admits(comment))
            .filter(|comment| self.section.as_ref().is_none_or(|s| &comment.section == s))
            .collect();
        let sections = section_positions(project);
        comments.sort_by_key(|comment| reading_position(&sections, comment));
        match self.order {
            CommentOrder::Reading => {}
            CommentOrder::Newest => {
                comments.sort_by_key(|comment| std::cmp::Reverse(comment.created));
            }
            CommentOrder::Oldest => comments.sort_by_key(|comment| comment.created),
        }
        comments
    }
}

/// The open comment after (or before) the one selected, wrapping around. With `listed`,
/// among the comments that view lists, in its order; otherwise among the open comments in
/// reading order — tracked changes left out, they are acknowledged in a view of their own —
/// stepping from the selected comment or else from the start of `current_section`.
pub fn next_open_comment(
    project: &Project,
    listed: Option<&CommentQuery>,
    selected: Option<&CommentId>,
    current_section: Option<&SectionId>,
    forward: bool,
) -> Option<CommentId> {
    let in_reading_order = CommentQuery::default();
    let open: Vec<&Comment> = listed
        .unwrap_or(&in_reading_order)
        .comments(project)
        .into_iter()
        .filter(|comment| comment.is_open())
        .collect();
    if open.is_empty() {
        return None;
    }
    let count = open.len();
    let index_of_selected = selected.and_then(|id| open.iter().position(|c| &c.id == id));
    let index = match (index_of_selected, listed) {
        (Some(index), _) if forward => (index + 1) % count,
        (Some(index), _) => (index + count - 1) % count,
        (None, Some(_)) if forward => 0,
        (None, Some(_)) => count - 1,
        (None, None) => {
            let sections = section_positions(project);
            let from = selected
                .and_then(|id| project.comment(id))
                .map(|comment| ReadingPoint {
                    position: reading_position(&sections, comment),
                    inclusive: false,
                })
                .or_else(|| current_section.and_then(|s| ReadingPoint::section_start(project, s)));
            let positions: Vec<(usize, usize)> = open
                .iter()
                .map(|comment| reading_position(&sections, comment))
                .collect();
            neighbour(&positions, from, forward).unwrap_or(0)
        }
    };
    Some(open[index].id.clone())
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::{CommentOrigin, Passage, Reviewer, Stamp};

    /// The sample's comments replaced by five: Ana's typed comment in section 1 at 10 (time
    /// 30); Bo's Word comment on the whole of section 0 (time 10), resolved; Ana's comment
    /// in section 0 at 40 (time 20); a tracked insertion by Bea in section 0 at 5 (time 5);
    /// Bo's comment in section 1 at 2 (time 40).
    fn project_with_comments() -> Project {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let sections: Vec<_> = project.sections.iter().map(|s| s.id.clone()).collect();
        let texts: Vec<String> = project.sections.iter().map(|s| s.text.clone()).collect();
        let comment = |section: usize, start: Option<usize>, author: &str, origin, at| {
            let passage = start
                .map(|start| Passage::from_section_text(&texts[section], start..start + 5))
                .transpose()
                .unwrap();
            let mut comment = Comment::new(
                sections[section].clone(),
                passage,
                &Reviewer::named(author),
                Timestamp::from_second(at).unwrap(),
            );
            comment.origin = origin;
            comment
        };
        let mut resolved = comment(0, None, "Bo", Some(CommentOrigin::WordComment), 10);
        resolved.resolved = Some(Stamp::new(&Reviewer::named("Ana"), Timestamp::UNIX_EPOCH));
        project.comments = vec![
            comment(1, Some(10), "Ana", None, 30),
            resolved,
            comment(0, Some(40), "Ana", None, 20),
            comment(0, Some(5), "Bea", Some(CommentOrigin::TrackedInsertion), 5),
            comment(1, Some(2), "Bo", None, 40),
        ];
        project
    }

    /// The listed comments as their places in the project's list.
    fn listed(query: &CommentQuery, project: &Project) -> Vec<usize> {
        query
            .comments(project)
            .iter()
            .map(|c| project.comments.iter().position(|x| x.id == c.id).unwrap())
            .collect()
    }

    #[test]
    fn the_comments_view_filters_and_sorts() {
        let project = project_with_comments();
        let mut view = CommentQuery::default();
        assert_eq!(listed(&view, &project), [1, 2, 4, 0], "no tracked change");
        view.origin = OriginFilter::Any;
        assert_eq!(listed(&view, &project), [1, 3, 2, 4, 0]);
        view.origin = OriginFilter::Is(Origin::TrackedChange);
        assert_eq!(listed(&view, &project), [3]);
        view.origin = OriginFilter::Is(Origin::WordComment);
        assert_eq!(listed(&view, &project), [1]);
        view.origin = OriginFilter::Is(Origin::Typed);
        assert_eq!(listed(&view, &project), [2, 4, 0]);
        view.origin = OriginFilter::Any;
        view.resolved = ResolvedFilter::Resolved;
        assert_eq!(listed(&view, &project), [1]);
        view.resolved = ResolvedFilter::Open;
        assert_eq!(listed(&view, &project), [3, 2, 4, 0]);
        view.by = Some(Reviewer::named("Ana").id);
        assert_eq!(listed(&view, &project), [2, 0]);
        view.by = None;
        view.section = Some(project.sections[1].id.clone());
        assert_eq!(listed(&view, &project), [4, 0]);
        view.section = None;
        view.order = CommentOrder::Newest;
        assert_eq!(listed(&view, &project), [4, 0, 2, 3]);
        view.order = CommentOrder::Oldest;
        assert_eq!(listed(&view, &project), [3, 2, 0, 4]);
    }

    #[test]
    fn open_comments_are_stepped_through_in_reading_order_or_the_view_s_order() {
        let project = project_with_comments();
        let ids: Vec<_> = project.comments.iter().map(|c| c.id.clone()).collect();
        let next = |selected: Option<&CommentId>, forward| {
            next_open_comment(&project, None, selected, None, forward)
        };
        // Open, in reading order, tracked changes left out: 2, 4, 0.
        assert_eq!(next(None, true).as_ref(), Some(&ids[2]));
        assert_eq!(next(Some(&ids[2]), true).as_ref(), Some(&ids[4]));
        assert_eq!(next(Some(&ids[0]), true).as_ref(), Some(&ids[2]), "wraps");
        assert_eq!(next(Some(&ids[2]), false).as_ref(), Some(&ids[0]), "wraps");
        // From a resolved comment or a tracked change: the next open one after it.
        assert_eq!(next(Some(&ids[1]), true).as_ref(), Some(&ids[2]));
        assert_eq!(next(Some(&ids[3]), false).as_ref(), Some(&ids[0]));
        // From the start of section 1.
        let section = project.sections[1].id.clone();
        let from_section = next_open_comment(&project, None, None, Some(&section), true);
        assert_eq!(from_section.as_ref(), Some(&ids[4]));
        // In a view: its open comments in its order.
        let view = CommentQuery {
            order: CommentOrder::Newest,
            origin: OriginFilter::Any,
            ..CommentQuery::default()
        };
        let in_view = |selected: Option<&CommentId>| {
            next_open_comment(&project, Some(&view), selected, None, true)
        };
        assert_eq!(in_view(None).as_ref(), Some(&ids[4]));
        assert_eq!(in_view(Some(&ids[2])).as_ref(), Some(&ids[3]));
        assert_eq!(in_view(Some(&ids[3])).as_ref(), Some(&ids[4]), "wraps");
        let mut none_open = project.clone();
        none_open.comments.retain(|c| !c.is_open());
        assert_eq!(next_open_comment(&none_open, None, None, None, true), None);
    }
}
