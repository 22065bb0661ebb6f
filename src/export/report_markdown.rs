//! The review report as Markdown: a header, a summary (readiness, totals, a table of the
//! sections), then every section in reading order with its claims and comments, then the
//! suggestions nobody decided.
//!
//! Unlike `copydesk report` (the editor's memo, grouped by claim status), this follows the
//! article, so a writer can work down it. What people typed is escaped, so a stray `*` or a
//! `<script>` stays text in any Markdown viewer.

use std::fmt::Write as _;

use crate::model::{Claim, Comment, Project, Section};
use crate::suggest::Suggestion;
use crate::text::{escape_table_cell, one_line, readable_timestamp};

use super::facts;
use super::html::web_url;

pub fn review_report_markdown(project: &Project, undecided: &[&Suggestion]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Review: {}\n", inline(&project.title));
    let _ = writeln!(out, "{}\n", inline(&facts::draft_line(project)));
    summary_markdown(&mut out, project);
    for (index, section) in project.sections.iter().enumerate() {
        section_markdown(&mut out, project, index, section);
    }
    suggestions_markdown(&mut out, project, undecided);
    without_extra_blank_lines(&out)
}

/// The pieces each start and end their blocks with a blank line; where two meet, one is enough.
fn without_extra_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line == "\n" && (out.is_empty() || out.ends_with("\n\n")) {
            continue;
        }
        out.push_str(line);
    }
    out
}

fn summary_markdown(out: &mut String, project: &Project) {
    out.push_str("## Summary\n\n");
    let (_, readiness) = facts::readiness(project);
    let _ = writeln!(out, "**{readiness}**\n");
    for line in facts::totals(project) {
        let _ = writeln!(out, "- {}", inline(&line));
    }
    out.push_str("\n| Section | Status | Open claims | Open comments |\n|---|---|---|---|\n");
    for section in &project.sections {
        let (claims, comments) = project.open_claims_and_comments_in(&section.id);
        let _ = writeln!(
            out,
            "| {} | {} | {claims} | {comments} |",
            escape_table_cell(&inline(section.title())),
            section_status(section)
        );
    }
}

fn section_status(section: &Section) -> String {
    if section.changed_since_approval() {
        format!("{} (changed since approval)", section.status.label())
    } else {
        section.status.label().to_owned()
    }
}

fn section_markdown(out: &mut String, project: &Project, index: usize, section: &Section) {
    let _ = writeln!(
        out,
        "\n## {}. {} — {}\n",
        index + 1,
        inline(section.title()),
        section_status(section)
    );
    let claims: Vec<&Claim> = project.claims_in(&section.id).collect();
    let comments: Vec<&Comment> = project.comments_in(&section.id).collect();
    if claims.is_empty() && comments.is_empty() {
        out.push_str("No claims or comments.\n");
        return;
    }
    if !claims.is_empty() {
        let _ = writeln!(out, "### Claims ({})\n", claims.len());
        for claim in claims {
            claim_markdown(out, claim);
        }
    }
    if !comments.is_empty() {
        let _ = writeln!(out, "\n### Comments ({})\n", comments.len());
        for comment in comments {
            comment_markdown(out, comment);
        }
    }
}

fn claim_markdown(out: &mut String, claim: &Claim) {
    let _ = writeln!(
        out,
        "- “{}” — **{}** (flagged by {}, {})",
        inline(&claim.passage.quote),
        claim.status.label(),
        inline(&claim.author),
        readable_timestamp(claim.created)
    );
    if let Some(placement) = facts::placement_note(claim.carried.as_ref()) {
        let _ = writeln!(out, "  - *{placement}*");
    }
    if claim.sources.is_empty() {
        out.push_str("  - No source recorded.\n");
    }
    for source in &claim.sources {
        let details = facts::source_details(source);
        let details = if details.is_empty() {
            String::new()
        } else {
            format!(" — {}", inline(&details.join("; ")))
        };
        let _ = writeln!(
            out,
            "  - Source: {}{details}",
            source_label(&source.title, &source.url)
        );
    }
    if !claim.note.trim().is_empty() {
        let _ = writeln!(out, "  - Verdict note: {}", inline(&claim.note));
    }
    if let Some(dealt_with) = facts::dealt_with_text(claim) {
        let _ = writeln!(out, "  - {dealt_with}");
    }
}

fn comment_markdown(out: &mut String, comment: &Comment) {
    let on = comment.passage.as_ref().map_or_else(
        || "On the whole section".to_owned(),
        |p| format!("On “{}”", inline(&p.quote)),
    );
    let resolved = comment
        .resolved
        .as_ref()
        .map_or_else(String::new, |r| format!(" — resolved by {}", inline(&r.by)));
    let _ = writeln!(
        out,
        "- {on} — {}, {}{resolved}",
        inline(&comment.author),
        readable_timestamp(comment.created)
    );
    if let Some(placement) = facts::placement_note(comment.carried.as_ref()) {
        let _ = writeln!(out, "  - *{placement}*");
    }
    if let Some(origin) = comment.origin {
        let _ = writeln!(out, "  - From the draft's file ({})", origin.label());
    }
    block_markdown(out, &comment.body);
    for reply in &comment.replies {
        let _ = writeln!(
            out,
            "  - Reply from {}, {}:",
            inline(&reply.author),
            readable_timestamp(reply.created)
        );
        for line in reply.body.lines().filter(|l| !l.trim().is_empty()) {
            let _ = writeln!(out, "    > {}", inline(line));
        }
    }
}

/// A comment's body as a quote inside its list item, keeping its paragraphs.
fn block_markdown(out: &mut String, text: &str) {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty()).peekable();
    if lines.peek().is_none() {
        out.push_str("\n  *(no text)*\n\n");
        return;
    }
    out.push('\n');
    for line in lines {
        let _ = writeln!(out, "  > {}", inline(line));
    }
    out.push('\n');
}

fn suggestions_markdown(out: &mut String, project: &Project, undecided: &[&Suggestion]) {
    if undecided.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n## Suggestions not yet decided ({})\n",
        undecided.len()
    );
    for suggestion in undecided {
        let kinds: Vec<&str> = suggestion.kinds().iter().map(|kind| kind.label()).collect();
        let _ = writeln!(
            out,
            "- **{}** — “{}” (in “{}”)",
            kinds.join(", "),
            inline(&suggestion.sentence),
            inline(project.section_title(&suggestion.section))
        );
    }
}

/// A source as a Markdown link when its address is a web address.
fn source_label(title: &str, url: &str) -> String {
    let title = title.trim();
    match (title.is_empty(), web_url(url)) {
        (true, Some(url)) => format!("<{}>", link_target(url)),
        (false, Some(url)) => format!("[{}](<{}>)", inline(title), link_target(url)),
        (true, None) if url.trim().is_empty() => "(untitled source)".to_owned(),
        (true, None) => inline(url),
        (false, None) if url.trim().is_empty() => inline(title),
        (false, None) => format!("{} ({})", inline(title), inline(url)),
    }
}

/// A web address inside `<…>`, where only angle brackets would end it early.
fn link_target(url: &str) -> String {
    url.replace('<', "%3C").replace('>', "%3E")
}

/// Text people typed, on one line, with the characters Markdown would act on escaped.
fn inline(text: &str) -> String {
    let mut out = String::new();
    for c in one_line(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_markup_is_escaped() {
        assert_eq!(inline("<b>*x*</b>\nnext"), "\\<b\\>\\*x\\*\\</b\\> next");
        assert_eq!(
            source_label("T", "javascript:alert(1)"),
            "T (javascript:alert(1))"
        );
        assert_eq!(
            source_label("T", "https://e.org/a>b"),
            "[T](<https://e.org/a%3Eb>)"
        );
    }

    #[test]
    fn the_sample_report_follows_the_article() {
        let project = crate::sample::sample_project(jiff::Timestamp::UNIX_EPOCH).unwrap();
        let report = review_report_markdown(&project, &[]);
        let mut last = 0;
        for (index, section) in project.sections.iter().enumerate() {
            let heading = format!("\n## {}. {} — ", index + 1, inline(section.title()));
            let at = report.find(&heading).unwrap_or_else(|| panic!("{heading}"));
            assert!(at > last, "{heading} out of order");
            last = at;
        }
        assert!(report.contains("## Summary"));
    }
}
