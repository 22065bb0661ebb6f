//! The fact-check memo: the state of a review as an editor reads it before signing off
//! (`copydesk memo`): progress, a table of the sections, every claim grouped by where its
//! check stands, the suggestions nobody decided, then the comments section by section.
//!
//! Not to be confused with the review report (`export`), which goes section by section and
//! is sent on as a file.

use std::fmt::Write as _;

mod claims;

use crate::model::{Comment, Project};
use crate::suggest::Suggestion;
use crate::text::{counted, escape_table_cell, one_line, readable_timestamp};

/// The memo as Markdown. `undecided` are the suggestions nobody decided yet.
pub fn markdown_memo(project: &Project, undecided: &[&Suggestion]) -> String {
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
        readable_timestamp(project.draft.imported_at)
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
    // Tracked changes are counted apart from the comments they are kept as.
    let unreviewed = crate::query::unreviewed_changes(project);
    let changes = if unreviewed > 0 {
        format!(
            " · {} not yet reviewed",
            counted(unreviewed, "tracked change", "tracked changes")
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "Progress: {} of {} approved · {} · {}{changes}\n",
        progress.approved,
        counted(progress.sections, "section", "sections"),
        counted(
            progress.open_comments.saturating_sub(unreviewed),
            "open comment",
            "open comments"
        ),
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
    claims::claims_by_status(&mut out, project, undecided);
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
        readable_timestamp(comment.created),
        one_line(&comment.body)
    );
    for reply in &comment.replies {
        let _ = writeln!(
            out,
            "  - {}, {}: {}",
            reply.author,
            readable_timestamp(reply.created),
            one_line(&reply.body)
        );
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::Reviewer;
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
            &Reviewer::named("Ana"),
            Timestamp::UNIX_EPOCH,
        ));
        project.claims.push(Claim::new(
            id,
            passage.clone(),
            &Reviewer::named("Ana"),
            Timestamp::UNIX_EPOCH,
        ));
        let report = markdown_memo(&project, &[]);
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
