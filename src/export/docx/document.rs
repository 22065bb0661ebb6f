//! `document.xml`: the article's text, with each comment's and reply's range opened and closed
//! at its characters and its reference after it, as Word writes them; right-to-left
//! paragraphs and runs marked so (`xml`).

use std::fmt::Write as _;

use super::WordComment;
use super::package::{NAMESPACE_R, NAMESPACE_W};
use super::xml::{paragraph_start_xml, run_xml};
use crate::model::{Project, Section};

fn comment_start_xml(out: &mut String, id: usize) {
    let _ = write!(out, r#"<w:commentRangeStart w:id="{id}"/>"#);
}

fn comment_end_xml(out: &mut String, id: usize) {
    let _ = write!(
        out,
        r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{id}"/></w:r>"#
    );
}

pub(super) fn document_xml(project: &Project, comments: &[WordComment]) -> String {
    let mut body = String::new();
    // The untitled opening has no heading: its comments on the whole section sit on the
    // title, which a reader (copydesk's importer too) takes as the start of the opening.
    let on_opening: Vec<usize> = match project.sections.first() {
        Some(opening) if opening.heading.is_none() => comments
            .iter()
            .enumerate()
            .filter(|(_, c)| c.section == 0 && c.range.is_none())
            .map(|(id, _)| id)
            .collect(),
        _ => Vec::new(),
    };
    paragraph_start_xml(&mut body, Some("Title"), &project.title);
    for &id in &on_opening {
        comment_start_xml(&mut body, id);
    }
    run_xml(&mut body, &project.title);
    for &id in &on_opening {
        comment_end_xml(&mut body, id);
    }
    body.push_str("</w:p>");
    for (index, section) in project.sections.iter().enumerate() {
        section_xml(&mut body, index, section, comments);
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{NAMESPACE_W}" xmlns:r="{NAMESPACE_R}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

/// A section: its heading (carrying the comments on the whole section), then its paragraphs
/// with each comment's range opened and closed at its characters.
fn section_xml(out: &mut String, index: usize, section: &Section, comments: &[WordComment]) {
    let mine: Vec<(usize, &WordComment)> = comments
        .iter()
        .enumerate()
        .filter(|(_, c)| c.section == index)
        .collect();
    let on_whole_section: Vec<usize> = mine
        .iter()
        .filter(|(_, c)| c.range.is_none())
        .map(|(id, _)| *id)
        .collect();
    let mut leftover_whole_section = Vec::new();
    if index == 0 && section.heading.is_none() {
        // On the title (see document_xml).
    } else if let Some(heading) = &section.heading {
        let style = format!("Heading{}", section.level.clamp(1, 6));
        paragraph_start_xml(out, Some(&style), heading);
        for &id in &on_whole_section {
            comment_start_xml(out, id);
        }
        run_xml(out, heading);
        for &id in &on_whole_section {
            comment_end_xml(out, id);
        }
        out.push_str("</w:p>");
    } else {
        // A section without a heading after the opening (a damaged project): a point at its
        // start.
        leftover_whole_section = on_whole_section;
    }
    // (character offset, order, comment id, is an end). At one offset, passages that end
    // close before others open, so adjacent passages do not nest; an empty range opens
    // before it closes.
    let mut events: Vec<(usize, u8, usize, bool)> = Vec::new();
    for (id, comment) in &mine {
        if let Some(range) = &comment.range {
            let empty = range.start == range.end;
            events.push((range.start, 1, *id, false));
            events.push((range.end, if empty { 2 } else { 0 }, *id, true));
        }
    }
    events.sort_unstable();
    let mut events = events.into_iter().peekable();
    let mut offset = 0;
    for (paragraph_index, paragraph) in section.text.split('\n').enumerate() {
        paragraph_start_xml(out, None, paragraph);
        if paragraph_index == 0 {
            for &id in &leftover_whole_section {
                comment_start_xml(out, id);
                comment_end_xml(out, id);
            }
        }
        let paragraph_end = offset + paragraph.chars().count();
        let mut written = offset;
        let mut chars = paragraph.chars();
        while let Some(&(at, _, id, is_end)) = events.peek() {
            if at > paragraph_end {
                break;
            }
            let piece: String = chars.by_ref().take(at.saturating_sub(written)).collect();
            run_xml(out, &piece);
            written = at;
            if is_end {
                comment_end_xml(out, id);
            } else {
                comment_start_xml(out, id);
            }
            events.next();
        }
        let rest: String = chars.collect();
        run_xml(out, &rest);
        out.push_str("</w:p>");
        // The "\n" between paragraphs is one character of the section text.
        offset = paragraph_end + 1;
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::Reviewer;
    use crate::model::{Comment, Passage};

    #[test]
    fn every_comment_range_opens_before_it_closes() {
        let mut project =
            crate::sample::sample_project(Timestamp::UNIX_EPOCH).expect("the sample imports");
        let section = project.sections[1].id.clone();
        // Damaged passages: empty, and past the end of the text.
        for (start, end) in [(5, 5), (100_000, 100_002)] {
            let passage = Passage {
                start,
                end,
                quote: "x".to_owned(),
                prefix: String::new(),
                suffix: String::new(),
            };
            project.comments.push(Comment::new(
                section.clone(),
                Some(passage),
                &Reviewer::named("Ana"),
                Timestamp::UNIX_EPOCH,
            ));
        }
        let comments = super::super::word_comments(&project);
        let document = document_xml(&project, &comments);
        for id in 0..comments.len() {
            let start = document.find(&format!(r#"<w:commentRangeStart w:id="{id}"/>"#));
            let end = document.find(&format!(r#"<w:commentRangeEnd w:id="{id}"/>"#));
            assert!(
                matches!((start, end), (Some(start), Some(end)) if start < end),
                "comment {id}: {start:?} {end:?}"
            );
        }
    }
}
