//! The state of a review for people (Markdown) and for other tools (JSON).
//!
//! The JSON form is a stable interface documented in docs/FORMAT.md: it is built from its
//! own types here rather than from the model, so the model can change without breaking
//! the tools that read it.

use std::fmt::Write as _;

mod json;
mod memo;

use jiff::Timestamp;

pub use json::json_report;

use crate::model::{Comment, Project};
use crate::suggest::Suggestion;

/// The `format` and `version` fields of the JSON report.
pub const REPORT_FORMAT: &str = "copydesk-report";
pub const REPORT_VERSION: u32 = 1;

/// A timestamp as people read it in a report: `2026-11-25 14:03 UTC`.
pub fn timestamp_for_report(timestamp: Timestamp) -> String {
    timestamp.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

/// The report as Markdown, for an editor to read: progress, the fact-check memo, then the
/// comments section by section. `undecided` are the suggestions nobody decided yet.
pub fn markdown_report(project: &Project, undecided: &[&Suggestion]) -> String {
    let progress = project.progress();
    let mut out = String::new();
    let _ = writeln!(out, "# Review: {}\n", project.title);
    let draft_number = if project.earlier_drafts.is_empty() {
        String::new()
    } else {
        format!(" {}", project.draft.number)
    };
    let _ = writeln!(
        out,
        "Draft{draft_number}: {} ({}), imported {}  ",
        project.draft.file_name,
        project.draft.format.label(),
        timestamp_for_report(project.draft.imported_at)
    );
    if let Some(previous) = project.earlier_drafts.last() {
        let unsettled = project.marks_needing_attention();
        let _ = writeln!(
            out,
            "Carried over from draft {} ({}): {} still to confirm or re-attach  ",
            previous.draft.number,
            previous.draft.file_name,
            counted(unsettled, "mark", "marks"),
        );
    }
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
        let (open_claims, open_comments) = project.open_claims_and_comments_in(&section.id);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape_table_cell(section.title()),
            if section.changed_since_approval() {
                format!("{} (changed since approval)", section.status.label())
            } else {
                section.status.label().to_owned()
            },
            open_comments,
            open_claims,
        );
    }
    memo::markdown_memo(&mut out, project, undecided);
    out.push_str("\n## Comments\n");
    if project.comments.is_empty() {
        out.push_str("\nNo comments.\n");
    }
    for section in &project.sections {
        let comments: Vec<&Comment> = project.comments_in(&section.id).collect();
        if !comments.is_empty() {
            let _ = writeln!(
                out,
                "\n### {} — {}\n",
                section.title(),
                section.status.label()
            );
            for comment in comments {
                markdown_comment(&mut out, comment);
            }
        }
    }
    out
}

fn markdown_comment(out: &mut String, comment: &Comment) {
    let on = comment.passage.as_ref().map_or_else(
        || "On the whole section".to_owned(),
        |p| format!("On “{}”", one_line(&p.quote)),
    );
    let on = match comment.carried.as_ref().map(|c| c.state) {
        Some(state) if state.needs_attention() || !state.is_placed() => {
            format!("{on} [{} after the revision]", state.label())
        }
        _ => on,
    };
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

/// `text` on one line: runs of white space (line breaks too) as one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn escape_table_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// "1 open claim", "3 open claims".
pub fn counted(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::{Claim, Passage};

    #[test]
    fn a_passage_across_paragraphs_is_quoted_on_one_line() {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let section = &project.sections[0];
        let break_at = section.text.find('\n').unwrap();
        let passage =
            Passage::from_section_text(&section.text, break_at - 8..break_at + 12).unwrap();
        assert!(passage.quote.contains('\n'));
        let id = section.id.clone();
        project.comments.push(Comment::new(
            id.clone(),
            Some(passage.clone()),
            "Ana",
            Timestamp::UNIX_EPOCH,
        ));
        project.claims.push(Claim::new(
            id,
            passage.clone(),
            "Ana",
            Timestamp::UNIX_EPOCH,
        ));
        let report = markdown_report(&project, &[]);
        let one_line_quote = one_line(&passage.quote);
        assert!(
            report.contains(&format!("On “{one_line_quote}”")),
            "{report}"
        );
        assert!(
            report.contains(&format!("- “{one_line_quote}”")),
            "{report}"
        );
    }
}
