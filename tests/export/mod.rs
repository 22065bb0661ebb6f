//! The review report (Markdown and HTML) and the annotated article: the seed reviewed through
//! edits comes out complete and in reading order; the pages fetch nothing, keep hostile text as
//! text, stay well-formed with overlapping and cross-paragraph passages, and are reproducible.

use copydesk::edit::Edit;
use copydesk::export::{ExportFormat, export_bytes};
use copydesk::import::import_file;
use copydesk::model::{
    AnchorState, Carried, Claim, ClaimStatus, Comment, Passage, Project, Reply, Resolution,
    ReviewStatus, Source, SourceRank,
};
use jiff::Timestamp;
use scraper::{ElementRef, Html, Selector};

use crate::common::{SEED_HEADINGS, passage_of, seed_article};
use copydesk::model::{Reviewer, SourceId};

const SOURCE_URL: &str = "https://example.org/coalition/statement?id=4000&lang=en";
const REPLY: &str = "The coalition statement gives the figure; I'll cite it.";

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + seconds).unwrap()
}

fn apply(project: &mut Project, edit: Edit) {
    edit.apply(project).unwrap();
}

fn comment_on(project: &mut Project, quote: &str, body: &str) -> Comment {
    let (section, passage) = passage_of(project, quote);
    Comment {
        body: body.to_owned(),
        ..Comment::new(section, Some(passage), &Reviewer::named("Ed Itor"), at(10))
    }
}

/// A passage of the opening section from `from` to the end of `to`, across a paragraph break.
fn passage_across(project: &Project, from: &str, to: &str) -> Passage {
    let text = &project.sections[0].text;
    let start = text.find(from).unwrap();
    let end = text.find(to).unwrap() + to.len();
    assert!(text[start..end].contains('\n'), "not across paragraphs");
    let chars = |byte| copydesk::text::char_offset_from_byte_offset(text, byte);
    Passage::from_section_text(text, chars(start)..chars(end)).unwrap()
}

/// The seed, reviewed: a comment with a reply, a nested and an overlapping claim (one sourced
/// and in progress), a passage across two paragraphs, a resolved comment, a whole-section
/// comment and an approved section.
pub(crate) fn reviewed_seed() -> Option<Project> {
    let seed = seed_article()?;
    let mut project = import_file(&seed, at(0)).unwrap();
    let comment = comment_on(
        &mut project,
        "more than 4,000 Islamic State (IS) detainees",
        "Is this the final count?",
    );
    let comment_id = comment.id.clone();
    apply(&mut project, Edit::add_comment(comment));
    apply(
        &mut project,
        Edit::add_reply(
            comment_id,
            Reply::new(&Reviewer::named("Wri Ter"), at(20), REPLY),
        ),
    );
    // Nested in the comment's passage.
    let (section, passage) = passage_of(&project, "more than 4,000");
    let claim = Claim {
        sources: vec![Source {
            added: None,
            id: SourceId::random(),
            url: SOURCE_URL.to_owned(),
            title: "Coalition statement".to_owned(),
            note: "Second paragraph".to_owned(),
            rank: SourceRank::Primary,
            accessed: Some(jiff::civil::date(2026, 9, 1)),
        }],
        note: "The statement says 4,000; the ministry says 4,100.".to_owned(),
        ..Claim::new(section, passage, &Reviewer::named("Fay Checker"), at(30))
    };
    let claim_copy = claim.clone();
    apply(&mut project, Edit::add_claim(claim));
    apply(
        &mut project,
        Edit::claim_status_change(
            &claim_copy,
            ClaimStatus::InProgress,
            &Reviewer::named("Fay Checker"),
            at(40),
        ),
    );
    // Overlapping the comment's end.
    let (section, passage) = passage_of(&project, "detainees have been transferred");
    apply(
        &mut project,
        Edit::add_claim(Claim::new(
            section,
            passage,
            &Reviewer::named("Fay Checker"),
            at(50),
        )),
    );
    let across = passage_across(&project, "where they can be monitored", "This large-scale");
    let across_comment = Comment {
        body: "These two paragraphs repeat each other.".to_owned(),
        ..Comment::new(
            project.sections[0].id.clone(),
            Some(across),
            &Reviewer::named("Ed Itor"),
            at(60),
        )
    };
    apply(&mut project, Edit::add_comment(across_comment));
    let mut resolved = comment_on(&mut project, "coordinated operation", "Resolved remark");
    resolved.resolved = Some(Resolution {
        by_id: Default::default(),
        by: "Ed Itor".to_owned(),
        at: at(70),
    });
    apply(&mut project, Edit::add_comment(resolved));
    let strategic = project.sections[1].id.clone();
    apply(
        &mut project,
        Edit::add_comment(Comment {
            body: "The whole section reads like a press release.".to_owned(),
            ..Comment::new(strategic, None, &Reviewer::named("Ed Itor"), at(80))
        }),
    );
    let approved = project.sections[2].id.clone();
    apply(
        &mut project,
        Edit::SetSectionStatus {
            set: None,
            section: approved,
            status: ReviewStatus::Approved,
        },
    );
    Some(project)
}

fn exported(project: &Project, format: ExportFormat) -> String {
    String::from_utf8(export_bytes(project, format).unwrap()).unwrap()
}

/// Where each of `needles` first occurs after the previous one; fails naming the one missing.
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        let found = text[from..].find(needle);
        assert!(found.is_some(), "“{needle}” missing, or out of order");
        from += found.unwrap_or(0) + needle.len();
    }
}

#[test]
fn each_format_has_the_review_in_reading_order() {
    let Some(project) = reviewed_seed() else {
        return;
    };
    let markdown = exported(&project, ExportFormat::Markdown);
    let html = exported(&project, ExportFormat::Html);
    let annotated = exported(&project, ExportFormat::AnnotatedHtml);

    let sections: Vec<&str> = std::iter::once("Opening").chain(SEED_HEADINGS).collect();
    for report in [&markdown, &html] {
        // Summary first, then the sections in reading order.
        assert_in_order(
            report,
            &["Summary", "1 of 7 sections approved", "open claims"],
        );
        let summary_end = report.find("Is this the final count?").unwrap();
        assert_in_order(&report[summary_end..], &sections[1..]);
        // The opening: the claim with its source, the comment with its reply.
        assert_in_order(
            report,
            &[
                "more than 4,000",
                "Coalition statement",
                "accessed 2026-09-01",
                "The statement says 4,000",
                "Is this the final count?",
                REPLY,
                "esolved by",
                "On the whole section",
                "The whole section reads like a press release.",
            ],
        );
        assert!(report.contains("Not ready to publish"));
        assert!(report.contains("In progress"));
    }
    assert!(markdown.contains(
        "[Coalition statement](<https://example.org/coalition/statement?id=4000&lang=en>)"
    ));
    assert!(html.contains("href=\"https://example.org/coalition/statement?id=4000&amp;lang=en\""));
    assert!(html.contains("<span class=\"badge review-approved\">Approved</span>"));

    // The annotated article: the headings in order, the notes beside them, the resolved
    // comment left out.
    assert_in_order(&annotated, &SEED_HEADINGS);
    assert_in_order(
        &annotated,
        &[
            "<mark",
            "more than 4,000",
            "Strategic Importance of the Transfer",
            "The whole section reads like a press release.",
            "On this whole section: note",
        ],
    );
    assert!(annotated.contains(REPLY) && annotated.contains("Coalition statement"));
    assert!(!annotated.contains("Resolved remark"));
    assert!(annotated.contains("1 resolved comment not shown"));
}

fn hrefs_and_srcs(page: &str) -> Vec<String> {
    let document = Html::parse_document(page);
    let any = Selector::parse("[href], [src]").unwrap();
    document
        .select(&any)
        .flat_map(|e| [e.attr("href"), e.attr("src")])
        .flatten()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_pages_fetch_nothing_and_link_only_to_sources_and_themselves() {
    let Some(project) = reviewed_seed() else {
        return;
    };
    for format in [ExportFormat::Html, ExportFormat::AnnotatedHtml] {
        let page = exported(&project, format);
        for forbidden in [
            "<script", "@import", "url(", " src=", "<link", "<img", "<iframe",
        ] {
            assert!(!page.contains(forbidden), "{format:?} has {forbidden}");
        }
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(page.contains("<meta charset=\"utf-8\">") && page.contains("@media print"));
        let document = Html::parse_document(&page);
        let links = hrefs_and_srcs(&page);
        assert!(
            links.iter().any(|l| l == SOURCE_URL),
            "{format:?}: {links:?}"
        );
        for link in links {
            if let Some(anchor) = link.strip_prefix('#') {
                let target = Selector::parse(&format!("[id=\"{anchor}\"]")).unwrap();
                assert!(
                    document.select(&target).next().is_some(),
                    "#{anchor} leads nowhere"
                );
            } else {
                assert!(link.starts_with("https://"), "{format:?} links to {link}");
            }
        }
    }
}

#[test]
fn hostile_text_comes_out_as_text() {
    let Some(mut project) = reviewed_seed() else {
        return;
    };
    let mut comment = comment_on(&mut project, "Iraq", "<script>alert(1)</script>");
    comment.author = "<img src=x onerror=alert(2)>".to_owned();
    comment.replies.push(Reply::new(
        &Reviewer::named("\"><b>"),
        at(90),
        "</p></div><p>",
    ));
    project.comments.push(comment);
    project.claims[0].sources.push(Source {
        url: "javascript:alert(3)".to_owned(),
        title: "Click \"me\"".to_owned(),
        ..Source::default()
    });
    project.title = "</title><script>x</script>".to_owned();
    for format in [ExportFormat::Html, ExportFormat::AnnotatedHtml] {
        let page = exported(&project, format);
        assert!(!page.contains("<script"), "{format:?}");
        assert!(
            !page.contains("<img") && !page.contains("<b>"),
            "{format:?}"
        );
        assert!(
            page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{format:?}"
        );
        assert!(!page.contains("href=\"javascript"), "{format:?}");
        assert!(
            page.contains("javascript:alert(3)"),
            "{format:?}: the address is shown"
        );
        assert_balanced(&page);
    }
    let markdown = exported(&project, ExportFormat::Markdown);
    assert!(markdown.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(!markdown.contains("](javascript") && !markdown.contains("(<javascript"));
}

mod well_formed;

use well_formed::assert_balanced;

#[test]
fn the_same_project_gives_the_same_bytes() {
    let Some(project) = reviewed_seed() else {
        return;
    };
    for format in [
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::AnnotatedHtml,
    ] {
        let first = export_bytes(&project, format).unwrap();
        assert!(!first.is_empty());
        assert_eq!(
            first,
            export_bytes(&project.clone(), format).unwrap(),
            "{format:?}"
        );
    }
}

#[test]
fn a_mark_orphaned_by_a_revision_says_so_and_is_listed_at_the_end() {
    let Some(mut project) = reviewed_seed() else {
        return;
    };
    let comment = project
        .comments
        .iter_mut()
        .find(|c| c.body == "Is this the final count?")
        .unwrap();
    comment.carried = Some(Carried {
        state: AnchorState::Orphaned,
        from_draft: 1,
        section_before: comment.section.clone(),
        passage_before: comment.passage.clone(),
        similarity: None,
        decided: None,
    });
    for format in [ExportFormat::Markdown, ExportFormat::Html] {
        let report = exported(&project, format);
        assert_in_order(
            &report,
            &[
                "1 mark still to confirm or re-attach",
                "Not placed in this draft",
                "Is this the final count?",
            ],
        );
    }
    let page = exported(&project, ExportFormat::AnnotatedHtml);
    let (article, unplaced) = page
        .split_once("Notes whose passage is not in this draft")
        .unwrap();
    assert!(!article.contains("Is this the final count?"));
    assert_in_order(
        unplaced,
        &[
            "more than 4,000 Islamic State (IS) detainees",
            "Is this the final count?",
            REPLY,
        ],
    );
    assert_balanced(&page);
}
