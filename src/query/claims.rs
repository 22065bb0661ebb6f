//! The claims view's filters and order: which claims it lists, and how they are sorted.

use crate::model::{CheckKind, Claim, ClaimStatus, Project, ReviewerId, SectionId};

/// Which claims by status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    /// Blocking publication: needs source, in progress, or not yet corrected or cut.
    Open,
    Is(ClaimStatus),
}

/// The order claims are listed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClaimOrder {
    #[default]
    Reading,
    Status,
    Newest,
    Oldest,
    FewestSources,
}

impl ClaimOrder {
    pub const ALL: [Self; 5] = [
        Self::Reading,
        Self::Status,
        Self::Newest,
        Self::Oldest,
        Self::FewestSources,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Reading => "Reading order",
            Self::Status => "Status",
            Self::Newest => "Newest first",
            Self::Oldest => "Oldest first",
            Self::FewestSources => "Fewest sources",
        }
    }
}

/// A view of the claims: filters and an order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimQuery {
    pub status: StatusFilter,
    /// `Some(None)` lists claims of no known kind (flagged by hand).
    pub kind: Option<Option<CheckKind>>,
    pub section: Option<SectionId>,
    /// Only the claims this reviewer flagged.
    pub by: Option<ReviewerId>,
    pub order: ClaimOrder,
}

impl ClaimQuery {
    /// The claims to list, in the chosen order.
    pub fn claims<'a>(&self, project: &'a Project) -> Vec<&'a Claim> {
        let mut claims: Vec<_> = project
            .claims
            .iter()
            .filter(|claim| match self.status {
                StatusFilter::All => true,
                StatusFilter::Open => claim.is_open(),
                StatusFilter::Is(status) => claim.status == status,
            })
            .filter(|claim| match self.kind {
                None => true,
                Some(None) => claim.kinds.is_empty(),
                Some(Some(kind)) => claim.kinds.contains(&kind),
            })
            .filter(|claim| self.section.as_ref().is_none_or(|s| &claim.section == s))
            .filter(|claim| self.by.as_ref().is_none_or(|by| &claim.author_id == by))
            .collect();
        let position =
            |claim: &Claim| project.reading_position(&claim.section, claim.passage.start);
        match self.order {
            ClaimOrder::Reading => claims.sort_by_key(|claim| position(claim)),
            ClaimOrder::Status => {
                claims.sort_by_key(|claim| (claim.status.attention_rank(), position(claim)));
            }
            ClaimOrder::Newest => claims.sort_by_key(|claim| std::cmp::Reverse(claim.created)),
            ClaimOrder::Oldest => claims.sort_by_key(|claim| claim.created),
            ClaimOrder::FewestSources => {
                claims.sort_by_key(|claim| (claim.sources.len(), position(claim)));
            }
        }
        claims
    }
}

#[cfg(test)]
pub(super) mod tests {
    use jiff::Timestamp;

    use super::{ClaimOrder, ClaimQuery, StatusFilter};
    use crate::model::{CheckKind, Claim, ClaimStatus, Passage, Project, Reviewer, Source};

    /// The sample with three claims: verified in section 1 at 10; needs source in section 0
    /// at 40; incorrect (a figure and an event) in section 0 at 5.
    pub(in crate::query) fn project_with_claims() -> Project {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let sections: Vec<_> = project.sections.iter().map(|s| s.id.clone()).collect();
        let texts: Vec<String> = project.sections.iter().map(|s| s.text.clone()).collect();
        let claim = |section: usize, start: usize, status, kinds: Vec<CheckKind>, sources, at| {
            let passage = Passage::from_section_text(&texts[section], start..start + 5).unwrap();
            Claim {
                status,
                kinds,
                sources: vec![Source::default(); sources],
                ..Claim::new(
                    sections[section].clone(),
                    passage,
                    &Reviewer::named("Fay"),
                    Timestamp::from_second(at).unwrap(),
                )
            }
        };
        project.claims = vec![
            claim(1, 10, ClaimStatus::Verified, vec![CheckKind::Figure], 2, 30),
            claim(0, 40, ClaimStatus::NeedsSource, vec![], 0, 10),
            claim(
                0,
                5,
                ClaimStatus::Incorrect,
                vec![CheckKind::Figure, CheckKind::Event],
                1,
                20,
            ),
        ];
        project
    }

    fn starts(query: &ClaimQuery, project: &Project) -> Vec<(usize, usize)> {
        query
            .claims(project)
            .iter()
            .map(|c| (project.section_index(&c.section).unwrap(), c.passage.start))
            .collect()
    }

    #[test]
    fn the_claims_view_filters_and_sorts() {
        let project = project_with_claims();
        let mut view = ClaimQuery::default();
        assert_eq!(starts(&view, &project), [(0, 5), (0, 40), (1, 10)]);
        view.order = ClaimOrder::Status;
        assert_eq!(starts(&view, &project), [(0, 40), (0, 5), (1, 10)]);
        view.order = ClaimOrder::Newest;
        assert_eq!(starts(&view, &project), [(1, 10), (0, 5), (0, 40)]);
        view.order = ClaimOrder::FewestSources;
        assert_eq!(starts(&view, &project), [(0, 40), (0, 5), (1, 10)]);
        view.order = ClaimOrder::Reading;
        view.status = StatusFilter::Open;
        assert_eq!(starts(&view, &project), [(0, 5), (0, 40)]);
        view.status = StatusFilter::All;
        view.kind = Some(Some(CheckKind::Figure));
        assert_eq!(starts(&view, &project), [(0, 5), (1, 10)]);
        view.kind = Some(None);
        assert_eq!(starts(&view, &project), [(0, 40)]);
        view.kind = None;
        view.section = Some(project.sections[1].id.clone());
        assert_eq!(starts(&view, &project), [(1, 10)]);
        view.section = None;
        view.by = Some(Reviewer::named("Fay").id);
        assert_eq!(starts(&view, &project), [(0, 5), (0, 40), (1, 10)]);
        view.by = Some(Reviewer::named("Gil").id);
        assert_eq!(starts(&view, &project), []);
    }
}
