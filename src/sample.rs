//! The sample review bundled with copydesk, so a newcomer sees the desk at work at once.
//!
//! The article (`assets/sample-article.md`) is compiled into the binary; its marks are placed
//! by finding their quotes, so they always sit on the right words whatever the ids.

use std::path::Path;

use jiff::Timestamp;

use crate::edit::Edit;
use crate::import::{ImportError, import_bytes};
use crate::model::{
    Claim, ClaimStatus, Comment, DraftFormat, Passage, Project, Reply, ReviewStatus, Reviewer,
    Role, SectionId, Source, SourceRank, Stamp, StatusChange,
};
use crate::suggest::Detector;

pub const SAMPLE_ARTICLE: &str = include_str!("../assets/sample-article.md");
pub const SAMPLE_FILE_NAME: &str = "sample-article.md";
const SAMPLE_REVIEWER: &str = "Sample reviewer";
const SAMPLE_WRITER: &str = "Sample writer";

fn sample_reviewer() -> Reviewer {
    Reviewer {
        role: Some(Role::FactChecker),
        ..Reviewer::named(SAMPLE_REVIEWER)
    }
}

fn sample_writer() -> Reviewer {
    Reviewer {
        role: Some(Role::Writer),
        ..Reviewer::named(SAMPLE_WRITER)
    }
}

/// The sample article, imported and partly reviewed.
pub fn sample_project(now: Timestamp) -> Result<Project, ImportError> {
    let path = Path::new(SAMPLE_FILE_NAME);
    let mut project = import_bytes(path, SAMPLE_ARTICLE.as_bytes(), DraftFormat::Markdown, now)?;
    let mut edits = Vec::new();
    let mut status = |heading: Option<&str>, status: ReviewStatus| {
        if let Some(section) = project
            .sections
            .iter()
            .find(|s| s.heading.as_deref() == heading)
        {
            edits.push(Edit::section_status(
                section.id.clone(),
                status,
                Stamp::new(&sample_reviewer(), now),
            ));
        }
    };
    status(None, ReviewStatus::InReview);
    status(Some("Why the East Side"), ReviewStatus::NeedsChanges);
    status(Some("What Riders Can Expect"), ReviewStatus::Approved);

    let claim = |quote: &str, status: ClaimStatus, sources: Vec<Source>, note: &str| {
        passage_of(&project, quote).map(|(section, passage)| {
            let mut claim = Claim::new(section, passage, &sample_reviewer(), now);
            if status != ClaimStatus::NeedsSource {
                claim
                    .history
                    .push(StatusChange::new(status, &sample_reviewer(), now));
            }
            claim.kinds = Detector::default().assess(&claim.passage.quote).kinds();
            Edit::add_claim(Claim {
                status,
                sources,
                note: note.to_owned(),
                ..claim
            })
        })
    };
    let comment = |quote: &str, body: &str| {
        passage_of(&project, quote).map(|(section, passage)| {
            Edit::add_comment(Comment {
                body: body.to_owned(),
                ..Comment::new(section, Some(passage), &sample_reviewer(), now)
            })
        })
    };
    let marks = [
        claim(
            "adding 1,200 bicycles and 85 docking stations",
            ClaimStatus::NeedsSource,
            Vec::new(),
            "",
        ),
        claim(
            "€14.6 million",
            ClaimStatus::InProgress,
            vec![Source {
                url: "https://example.org/riverton/council-minutes-2026-03".to_owned(),
                title: "Council minutes, March session".to_owned(),
                note: "Budget table on page 12".to_owned(),
                rank: SourceRank::Primary,
                accessed: Some(now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()),
                ..Source::new(&sample_reviewer(), now)
            }],
            "Minutes give €14.6m including VAT; check the authority's figure.",
        ),
        claim(
            "42% of households there own no car",
            ClaimStatus::Verified,
            vec![Source {
                url: "https://example.org/riverton/mobility-survey-2025".to_owned(),
                title: "Riverton mobility survey 2025".to_owned(),
                note: String::new(),
                rank: SourceRank::Primary,
                accessed: None,
                ..Source::new(&sample_reviewer(), now)
            }],
            "Table 3.",
        ),
        comment(
            "Officials described it as the most ambitious cycling investment in the city's history.",
            "Which officials? Name them, or cut the superlative.",
        ),
        comment("Experts note", "Which experts? This needs a named source."),
    ];
    edits.extend(marks.into_iter().flatten());
    if let Some(section) = project
        .sections
        .iter()
        .find(|s| s.heading.as_deref() == Some("Costs and Funding"))
    {
        edits.push(Edit::add_comment(Comment {
            body: "Give the critics a name and a figure, or drop the paragraph.".to_owned(),
            ..Comment::new(section.id.clone(), None, &sample_reviewer(), now)
        }));
    }
    for edit in edits {
        // Each edit refers to what the import just produced, so it applies.
        let _ = edit.apply(&mut project);
    }
    // The writer has answered the first comment: a thread to show.
    if let Some(first) = project.comments.first().map(|c| c.id.clone()) {
        let reply = Reply::new(
            &sample_writer(),
            now,
            "The authority's press release says so; I'll quote its director instead.",
        );
        let _ = Edit::add_reply(first, reply).apply(&mut project);
    }
    // A suggestion already turned down: the quotation is the council member's own words.
    let quotation = "\"People in Marlow and Eastbridge have been asking for this for years,\" said \
                     Dana Okafor, the council member who chairs the transport committee.";
    let _ = Edit::Dismiss {
        index: 0,
        dismissal: crate::model::Dismissal::new(quotation, &sample_reviewer(), now),
    }
    .apply(&mut project);
    project.reviewers = vec![sample_reviewer(), sample_writer()];
    Ok(project)
}

/// The first passage quoting `quote` exactly, with its section.
fn passage_of(project: &Project, quote: &str) -> Option<(SectionId, Passage)> {
    project.sections.iter().find_map(|section| {
        let byte_start = section.text.find(quote)?;
        let start = crate::text::char_offset_from_byte_offset(&section.text, byte_start);
        let end = start + crate::text::char_count(quote);
        let passage = Passage::from_section_text(&section.text, start..end).ok()?;
        Some((section.id.clone(), passage))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_has_sections_and_marks_on_the_right_words() {
        let project = sample_project(Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(project.title, "Riverton Doubles Its Bike-Share Network");
        let headings: Vec<&str> = project.sections.iter().map(|s| s.title()).collect();
        assert_eq!(
            headings,
            [
                "Opening",
                "Why the East Side",
                "Costs and Funding",
                "What Riders Can Expect"
            ]
        );
        assert_eq!(project.claims.len(), 3);
        assert_eq!(project.comments.len(), 3);
        project.validate().unwrap();
        for claim in &project.claims {
            let section = project.section(&claim.section).unwrap();
            assert!(
                claim.passage.matches(&section.text),
                "{}",
                claim.passage.quote
            );
        }
        let progress = project.progress();
        assert_eq!((progress.approved, progress.open_claims), (1, 2));
    }
}
