//! The review report as one self-contained web page: the same content as the Markdown report
//! (header, summary with a table of the sections, each section's claims and comments as cards,
//! the undecided suggestions), laid out to read on screen and to print.
//!
//! Each card, quote, heading and paragraph of the article's or a reviewer's words says its
//! direction, the labels theirs, and the page the article's (see `html`).
//!
//! Printing drops the tinted backgrounds (the badges' words carry the status), keeps each card
//! on one page where it fits, and prints every source link's address after it.

use std::fmt::Write as _;

use crate::model::{Claim, Comment, Project, Section};
use crate::suggest::Suggestion;
use crate::text::readable_timestamp;

use super::facts;
use super::html::{
    LABEL_DIR, article_direction, claim_status_badge_html, dir_attribute, escape_html,
    isolated_html, page_html, paragraphs_html, quote_dir_attribute, review_status_badge_html,
    source_label_html,
};

pub fn review_report_html(project: &Project, undecided: &[&Suggestion]) -> String {
    let mut body = String::new();
    let _ = write!(
        body,
        "<header>\n<p class=\"kicker\"{LABEL_DIR}>Review report</p>\n<h1{}>{}</h1>\n<p class=\"meta\"{LABEL_DIR}>{}</p>\n</header>\n",
        dir_attribute(&project.title),
        escape_html(&project.title),
        escape_html(&facts::draft_line(project))
    );
    summary_html(&mut body, project);
    for (index, section) in project.sections.iter().enumerate() {
        section_html(&mut body, project, index, section);
    }
    suggestions_html(&mut body, project, undecided);
    page_html(
        &format!("Review: {}", project.title),
        REPORT_CSS,
        &body,
        article_direction(project),
    )
}

fn summary_html(out: &mut String, project: &Project) {
    let _ = writeln!(
        out,
        "<section class=\"summary\"{LABEL_DIR}>\n<h2>Summary</h2>"
    );
    let (ready, readiness) = facts::readiness(project);
    let _ = writeln!(
        out,
        "<p class=\"verdict {}\">{}</p>",
        if ready { "ready" } else { "not-ready" },
        escape_html(&readiness)
    );
    out.push_str("<ul class=\"totals\">\n");
    for line in facts::totals(project) {
        let _ = writeln!(out, "<li>{}</li>", escape_html(&line));
    }
    out.push_str(
        "</ul>\n<table>\n<thead><tr><th scope=\"col\">Section</th><th scope=\"col\">Status</th>\
         <th scope=\"col\" class=\"num\">Open claims</th><th scope=\"col\" class=\"num\">Open comments</th></tr></thead>\n<tbody>\n",
    );
    for (index, section) in project.sections.iter().enumerate() {
        let (claims, comments) = project.open_claims_and_comments_in(&section.id);
        let _ = writeln!(
            out,
            "<tr><td{}><a href=\"#section-{}\">{}</a></td><td>{}</td><td class=\"num\">{claims}</td><td class=\"num\">{comments}</td></tr>",
            dir_attribute(section.title()),
            index + 1,
            escape_html(section.title()),
            section_status_html(section)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn section_status_html(section: &Section) -> String {
    let badge = review_status_badge_html(section.status);
    if section.changed_since_approval() {
        format!("{badge} <span class=\"warning\">changed since approval</span>")
    } else {
        badge
    }
}

fn section_html(out: &mut String, project: &Project, index: usize, section: &Section) {
    let _ = writeln!(
        out,
        "<section class=\"section\" id=\"section-{}\">\n<h2{}><span class=\"secnum\">{}.</span> {} {}</h2>",
        index + 1,
        dir_attribute(section.title()),
        index + 1,
        escape_html(section.title()),
        section_status_html(section)
    );
    let claims: Vec<&Claim> = project.claims_in(&section.id).collect();
    let comments: Vec<&Comment> = project.comments_in(&section.id).collect();
    if claims.is_empty() && comments.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"muted\"{LABEL_DIR}>No claims or comments.</p>"
        );
    }
    if !claims.is_empty() {
        let _ = writeln!(out, "<h3{LABEL_DIR}>Claims ({})</h3>", claims.len());
        for claim in claims {
            claim_html(out, section, claim);
        }
    }
    if !comments.is_empty() {
        let _ = writeln!(out, "<h3{LABEL_DIR}>Comments ({})</h3>", comments.len());
        for comment in comments {
            comment_html(out, section, comment);
        }
    }
    out.push_str("</section>\n");
}

fn claim_html(out: &mut String, section: &Section, claim: &Claim) {
    let quote_dir = quote_dir_attribute(&section.text, &claim.passage);
    let _ = writeln!(
        out,
        "<article class=\"card\"{quote_dir}>\n<p class=\"card-head\"{LABEL_DIR}>{} <span class=\"who\">flagged by {}, {}</span></p>\n<blockquote class=\"quote\"{quote_dir}>{}</blockquote>",
        claim_status_badge_html(claim.status),
        isolated_html(&claim.author),
        readable_timestamp(claim.created),
        escape_html(&claim.passage.quote)
    );
    if let Some(placement) = facts::placement_note(claim.carried.as_ref()) {
        let _ = writeln!(
            out,
            "<p class=\"warning\"{LABEL_DIR}>{}</p>",
            escape_html(&placement)
        );
    }
    if claim.sources.is_empty() {
        let _ = writeln!(out, "<p class=\"muted\"{LABEL_DIR}>No source recorded.</p>");
    } else {
        let _ = writeln!(out, "<ul class=\"sources\"{LABEL_DIR}>");
        for source in &claim.sources {
            let details = facts::source_details(source);
            let details = if details.is_empty() {
                String::new()
            } else {
                format!(
                    " <span class=\"muted\">— {}</span>",
                    escape_html(&details.join("; "))
                )
            };
            let _ = writeln!(
                out,
                "<li>{}{details}</li>",
                source_label_html(&source.title, &source.url)
            );
        }
        out.push_str("</ul>\n");
    }
    if !claim.note.trim().is_empty() {
        let _ = writeln!(
            out,
            "<div class=\"note\"><p class=\"label\"{LABEL_DIR}>Verdict note</p>{}</div>",
            paragraphs_html(&claim.note)
        );
    }
    if let Some(dealt_with) = facts::dealt_with_text(claim) {
        let _ = writeln!(
            out,
            "<p class=\"dealt\"{LABEL_DIR}>{}</p>",
            escape_html(&dealt_with)
        );
    }
    out.push_str("</article>\n");
}

fn comment_html(out: &mut String, section: &Section, comment: &Comment) {
    let quote_dir = comment.passage.as_ref().map_or_else(
        || dir_attribute(&comment.body),
        |passage| quote_dir_attribute(&section.text, passage),
    );
    let resolved = comment.resolved.as_ref().map_or_else(String::new, |r| {
        format!(
            " <span class=\"badge resolved\">Resolved by {}</span>",
            isolated_html(&r.by)
        )
    });
    let _ = writeln!(
        out,
        "<article class=\"card{}\"{}>\n<p class=\"card-head\"{LABEL_DIR}><strong>{}</strong> <span class=\"who\">{}</span>{resolved}</p>",
        if comment.is_open() { "" } else { " closed" },
        quote_dir,
        isolated_html(&comment.author),
        readable_timestamp(comment.created)
    );
    match &comment.passage {
        Some(passage) => {
            let _ = writeln!(
                out,
                "<blockquote class=\"quote\"{quote_dir}>{}</blockquote>",
                escape_html(&passage.quote)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "<p class=\"muted\"{LABEL_DIR}>On the whole section</p>"
            );
        }
    }
    if let Some(placement) = facts::placement_note(comment.carried.as_ref()) {
        let _ = writeln!(
            out,
            "<p class=\"warning\"{LABEL_DIR}>{}</p>",
            escape_html(&placement)
        );
    }
    if let Some(origin) = comment.origin {
        let _ = writeln!(
            out,
            "<p class=\"muted\"{LABEL_DIR}>From the draft's file ({})</p>",
            origin.label()
        );
    }
    let body = paragraphs_html(&comment.body);
    if body.is_empty() {
        let _ = writeln!(out, "<p class=\"muted\"{LABEL_DIR}>(no text)</p>");
    } else {
        let _ = writeln!(out, "<div class=\"body\">{body}</div>");
    }
    if !comment.replies.is_empty() {
        out.push_str("<ol class=\"replies\">\n");
        for reply in &comment.replies {
            let _ = writeln!(
                out,
                "<li><p class=\"reply-head\"{LABEL_DIR}><strong>{}</strong> <span class=\"who\">{}</span></p>{}</li>",
                isolated_html(&reply.author),
                readable_timestamp(reply.created),
                paragraphs_html(&reply.body)
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</article>\n");
}

fn suggestions_html(out: &mut String, project: &Project, undecided: &[&Suggestion]) {
    if undecided.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"suggestions\"{LABEL_DIR}>\n<h2>Suggestions not yet decided ({})</h2>\n<ul>",
        undecided.len()
    );
    for suggestion in undecided {
        let kinds: Vec<&str> = suggestion.kinds().iter().map(|kind| kind.label()).collect();
        let _ = writeln!(
            out,
            "<li><strong>{}</strong> — “{}” <span class=\"muted\">(in “{}”)</span></li>",
            escape_html(&kinds.join(", ")),
            isolated_html(&suggestion.sentence),
            isolated_html(project.section_title(&suggestion.section))
        );
    }
    out.push_str("</ul>\n</section>\n");
}

const REPORT_CSS: &str = r#".kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: #57606a; }
header { border-bottom: 2px solid #1f2328; padding-bottom: .8rem; }
.verdict { font-weight: 700; padding: .5rem .8rem; border: 2px solid; border-radius: .4rem; }
.verdict.ready { color: #1a6330; background: #e9f7ee; }
.verdict.not-ready { color: #8a4600; background: #fff4e5; }
.totals { padding-inline-start: 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; margin: 1rem 0; }
th, td { text-align: start; padding: .35rem .5rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
th { border-bottom: 2px solid #1f2328; font-weight: 600; }
.num { text-align: end; font-variant-numeric: tabular-nums; }
td a { color: inherit; }
.section { border-top: 1px solid #d0d7de; margin-top: 2.4rem; }
.secnum { color: #57606a; font-weight: 400; }
.card { border: 1px solid #d0d7de; border-radius: .5rem; padding: .8rem 1rem .3rem; margin: 0 0 1rem; break-inside: avoid; }
.card.closed { color: #57606a; }
.card-head { margin-bottom: .3rem; }
.who { color: #57606a; font-size: .9rem; }
.badge.resolved { color: #57606a; background: #f3f4f6; }
.sources { padding-inline-start: 1.2rem; margin: 0 0 .6rem; }
.sources li { margin-bottom: .2rem; overflow-wrap: anywhere; }
.note .label { font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; color: #57606a; margin: 0; }
.dealt { font-weight: 600; }
.replies { list-style: none; padding: 0; padding-inline-start: 1rem; margin: 0 0 .6rem; border-inline-start: 2px solid #d0d7de; }
.replies li { margin: .4rem 0; }
.reply-head { margin: 0; }
.suggestions li { margin-bottom: .4rem; }
@media print {
  header { border-bottom-width: 1pt; }
  .verdict { background: none !important; color: #000 !important; }
  .card { border-color: #888; }
  .section { break-before: auto; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Reviewer;
    use crate::model::{Comment, Reply};
    use jiff::Timestamp;

    #[test]
    fn hostile_text_stays_text() {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let section = project.sections[0].id.clone();
        let mut comment = Comment::new(
            section,
            None,
            &Reviewer::named("<b>Eve</b>"),
            Timestamp::UNIX_EPOCH,
        );
        comment.body = "<script>alert(1)</script>".to_owned();
        comment.replies.push(Reply::new(
            &Reviewer::named("\"Mal\""),
            Timestamp::UNIX_EPOCH,
            "<img src=x onerror=y>",
        ));
        project.comments.push(comment);
        project.claims[1].sources[0].url = "javascript:alert(1)".to_owned();
        let page = review_report_html(&project, &[]);
        assert!(!page.contains("<script"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("&lt;b&gt;Eve&lt;/b&gt;"));
        assert!(!page.contains("<img"));
        assert!(!page.contains("href=\"javascript"));
    }
}
