//! The state of a review for people (Markdown) and for other tools (JSON).
//!
//! The JSON form is a stable interface documented in docs/FORMAT.md: it is built from its
//! own types here rather than from the model, so the model can change without breaking
//! the tools that read it.

use std::fmt::Write as _;

use jiff::Timestamp;
use serde::Serialize;

use crate::model::{Claim, Comment, Project, Section};

/// The `format` and `version` fields of the JSON report.
pub const REPORT_FORMAT: &str = "copydesk-report";
pub const REPORT_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    format: &'static str,
    version: u32,
    title: &'a str,
    draft: JsonDraft<'a>,
    summary: JsonSummary,
    sections: Vec<JsonSection<'a>>,
}

#[derive(Serialize)]
struct JsonDraft<'a> {
    file_name: &'a str,
    format: &'static str,
    sha256: &'a str,
    imported_at: String,
}

#[derive(Serialize)]
struct JsonSummary {
    sections: usize,
    approved: usize,
    open_comments: usize,
    open_claims: usize,
    ready: bool,
}

#[derive(Serialize)]
struct JsonSection<'a> {
    id: &'a str,
    heading: Option<&'a str>,
    level: u8,
    status: &'static str,
    comments: Vec<JsonComment<'a>>,
    claims: Vec<JsonClaim<'a>>,
}

#[derive(Serialize)]
struct JsonComment<'a> {
    id: &'a str,
    quote: Option<&'a str>,
    start: Option<usize>,
    end: Option<usize>,
    author: &'a str,
    created: String,
    body: &'a str,
    resolved: bool,
    resolved_by: Option<&'a str>,
    replies: Vec<JsonReply<'a>>,
}

#[derive(Serialize)]
struct JsonReply<'a> {
    id: &'a str,
    author: &'a str,
    created: String,
    body: &'a str,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    id: &'a str,
    quote: &'a str,
    start: usize,
    end: usize,
    author: &'a str,
    created: String,
    status: &'static str,
    open: bool,
    dealt_with: Option<&'static str>,
    sources: Vec<JsonSource<'a>>,
    note: &'a str,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    url: &'a str,
    title: &'a str,
    note: &'a str,
}

/// The report as pretty-printed JSON.
pub fn json_report(project: &Project) -> String {
    let progress = project.progress();
    let report = JsonReport {
        format: REPORT_FORMAT,
        version: REPORT_VERSION,
        title: &project.title,
        draft: JsonDraft {
            file_name: &project.draft.file_name,
            format: match project.draft.format {
                crate::model::DraftFormat::PlainText => "plain_text",
                crate::model::DraftFormat::Markdown => "markdown",
            },
            sha256: &project.draft.sha256,
            imported_at: project.draft.imported_at.to_string(),
        },
        summary: JsonSummary {
            sections: progress.sections,
            approved: progress.approved,
            open_comments: progress.open_comments,
            open_claims: progress.open_claims,
            ready: crate::check::open_items(project).is_empty(),
        },
        sections: project
            .sections
            .iter()
            .map(|section| json_section(project, section))
            .collect(),
    };
    // Only strings, numbers and lists: serializing cannot fail.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

fn json_section<'a>(project: &'a Project, section: &'a Section) -> JsonSection<'a> {
    JsonSection {
        id: section.id.as_str(),
        heading: section.heading.as_deref(),
        level: section.level,
        status: section.status.key(),
        comments: project
            .comments_in(&section.id)
            .map(|c| JsonComment {
                id: c.id.as_str(),
                quote: c.passage.as_ref().map(|p| p.quote.as_str()),
                start: c.passage.as_ref().map(|p| p.start),
                end: c.passage.as_ref().map(|p| p.end),
                author: &c.author,
                created: c.created.to_string(),
                body: &c.body,
                resolved: c.resolved.is_some(),
                resolved_by: c.resolved.as_ref().map(|r| r.by.as_str()),
                replies: c
                    .replies
                    .iter()
                    .map(|r| JsonReply {
                        id: r.id.as_str(),
                        author: &r.author,
                        created: r.created.to_string(),
                        body: &r.body,
                    })
                    .collect(),
            })
            .collect(),
        claims: project
            .claims_in(&section.id)
            .map(|c| JsonClaim {
                id: c.id.as_str(),
                quote: &c.passage.quote,
                start: c.passage.start,
                end: c.passage.end,
                author: &c.author,
                created: c.created.to_string(),
                status: c.status.key(),
                open: c.is_open(),
                // Only an incorrect or unverifiable claim is "dealt with"; for other statuses
                // a leftover value means nothing.
                dealt_with: c
                    .dealt_with
                    .filter(|_| c.status.can_be_dealt_with())
                    .map(|d| d.key()),
                sources: c
                    .sources
                    .iter()
                    .map(|s| JsonSource {
                        url: &s.url,
                        title: &s.title,
                        note: &s.note,
                    })
                    .collect(),
                note: &c.note,
            })
            .collect(),
    }
}

/// A timestamp as people read it in a report: `2026-11-25 14:03 UTC`.
pub fn timestamp_for_report(timestamp: Timestamp) -> String {
    timestamp.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

/// The report as Markdown, for an editor to read.
pub fn markdown_report(project: &Project) -> String {
    let progress = project.progress();
    let mut out = String::new();
    let _ = writeln!(out, "# Review: {}\n", project.title);
    let _ = writeln!(
        out,
        "Draft: {} ({}), imported {}  ",
        project.draft.file_name,
        project.draft.format.label(),
        timestamp_for_report(project.draft.imported_at)
    );
    let _ = writeln!(
        out,
        "Progress: {} of {} approved · {} · {}\n",
        progress.approved,
        counted(progress.sections, "section", "sections"),
        counted(progress.open_comments, "open comment", "open comments"),
        counted(progress.open_claims, "open claim", "open claims"),
    );
    let open = crate::check::open_items(project);
    if open.is_empty() {
        out.push_str("**Ready to publish:** every section is approved and nothing is open.\n\n");
    } else {
        let _ = writeln!(
            out,
            "**Not ready to publish:** {} still open.\n",
            counted(open.len(), "item is", "items are")
        );
    }
    out.push_str("| Section | Status | Open comments | Open claims |\n|---|---|---|---|\n");
    for section in &project.sections {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape_table_cell(section.title()),
            section.status.label(),
            project
                .comments_in(&section.id)
                .filter(|c| c.is_open())
                .count(),
            project
                .claims_in(&section.id)
                .filter(|c| c.is_open())
                .count(),
        );
    }
    for section in &project.sections {
        let _ = writeln!(out, "\n## {} — {}", section.title(), section.status.label());
        let claims: Vec<&Claim> = project.claims_in(&section.id).collect();
        if !claims.is_empty() {
            out.push_str("\n### Claims\n\n");
            for claim in claims {
                markdown_claim(&mut out, claim);
            }
        }
        let comments: Vec<&Comment> = project.comments_in(&section.id).collect();
        if !comments.is_empty() {
            out.push_str("\n### Comments\n\n");
            for comment in comments {
                markdown_comment(&mut out, comment);
            }
        }
    }
    out
}

fn markdown_claim(out: &mut String, claim: &Claim) {
    let dealt_with = claim
        .dealt_with
        .filter(|_| claim.status.can_be_dealt_with())
        .map(|d| format!(" ({})", d.label().to_lowercase()))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- **{}{}** — “{}” (flagged by {}, {})",
        claim.status.label(),
        dealt_with,
        claim.passage.quote,
        claim.author,
        timestamp_for_report(claim.created)
    );
    for source in &claim.sources {
        let label = if source.title.is_empty() {
            source.url.clone()
        } else {
            format!("[{}]({})", source.title, source.url)
        };
        let note = if source.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", source.note)
        };
        let _ = writeln!(out, "  - Source: {label}{note}");
    }
    if !claim.note.is_empty() {
        let _ = writeln!(out, "  - Note: {}", one_line(&claim.note));
    }
}

fn markdown_comment(out: &mut String, comment: &Comment) {
    let on = comment.passage.as_ref().map_or_else(
        || "On the whole section".to_owned(),
        |p| format!("On “{}”", p.quote),
    );
    let state = match &comment.resolved {
        Some(resolution) => format!(" — resolved by {}", resolution.by),
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "- {on} — {}, {}{state}: {}",
        comment.author,
        timestamp_for_report(comment.created),
        one_line(&comment.body)
    );
    for reply in &comment.replies {
        let _ = writeln!(
            out,
            "  - {}, {}: {}",
            reply.author,
            timestamp_for_report(reply.created),
            one_line(&reply.body)
        );
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn escape_table_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// "1 open claim", "3 open claims".
pub fn counted(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}
