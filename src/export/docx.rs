//! The article as a Word document, with the review's comments and claims as real Word
//! comments anchored to their passages, so the writer can answer in Word.
//!
//! The package is the smallest one Word, LibreOffice and pandoc all open: the document, its
//! styles (Title and Heading 1–6, with outline levels so any reader finds the headings),
//! the comments, and `commentsExtended.xml`, which is where Word keeps reply threads and
//! "done" (resolved) flags. Reading the file back with copydesk's importer gives the same
//! comments on the same passages: a comment on a whole section is anchored on its heading.

use std::fmt::Write as _;
use std::io::Write as _;

use zip::write::SimpleFileOptions;

use crate::model::{Claim, Comment, Passage, Project, Section};
use crate::text::readable_timestamp;

use super::ExportError;

/// A Word comment to write: where it sits and what it says.
struct WordComment {
    section: usize,
    /// Character range in the section text; `None` anchors it on the section's heading.
    range: Option<std::ops::Range<usize>>,
    author: String,
    date: String,
    /// The comment's paragraphs.
    body: Vec<String>,
    /// The replies, each a Word comment of its own threaded under this one.
    replies: Vec<(String, String, Vec<String>)>,
    resolved: bool,
}

pub fn docx_from_project(project: &Project) -> Result<Vec<u8>, ExportError> {
    let comments = word_comments(project);
    let document = document_xml(project, &comments);
    let (comments_xml, extended_xml) = comments_xml(&comments);
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELATIONSHIPS.to_owned()),
        ("docProps/core.xml", core_properties_xml(project)),
        (
            "word/_rels/document.xml.rels",
            DOCUMENT_RELATIONSHIPS.to_owned(),
        ),
        ("word/document.xml", document),
        ("word/styles.xml", styles_xml()),
        ("word/comments.xml", comments_xml),
        ("word/commentsExtended.xml", extended_xml),
    ];
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let failed = |error: &dyn std::fmt::Display| ExportError::Docx(error.to_string());
    for (name, content) in parts {
        archive.start_file(name, options).map_err(|e| failed(&e))?;
        archive
            .write_all(content.as_bytes())
            .map_err(|e| failed(&e))?;
    }
    let cursor = archive.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}

/// Every comment and claim of the review placed in this draft, in reading order.
fn word_comments(project: &Project) -> Vec<WordComment> {
    let index_of =
        |section: &crate::model::SectionId| project.sections.iter().position(|s| &s.id == section);
    let mut comments = Vec::new();
    for comment in &project.comments {
        let Some(section) = index_of(&comment.section) else {
            continue;
        };
        let mut word_comment = word_comment_from_comment(section, comment);
        if let (Some(passage), None) = (&comment.passage, comment.placed_passage()) {
            not_in_this_draft(&mut word_comment, &passage.quote);
        }
        comments.push(word_comment);
    }
    for claim in &project.claims {
        let Some(section) = index_of(&claim.section) else {
            continue;
        };
        let mut word_comment = word_comment_from_claim(section, &claim.passage, claim);
        if claim.placed_passage().is_none() {
            not_in_this_draft(&mut word_comment, &claim.passage.quote);
        }
        comments.push(word_comment);
    }
    // A damaged project may hold offsets past the text: keep every range inside it, so each
    // comment that opens also closes.
    for comment in &mut comments {
        if let (Some(range), Some(section)) =
            (&mut comment.range, project.sections.get(comment.section))
        {
            let length = section.char_count();
            range.end = range.end.min(length);
            range.start = range.start.min(range.end);
        }
    }
    comments.sort_by_key(|c| (c.section, c.range.as_ref().map(|r| (r.start, r.end))));
    comments
}

/// A mark whose passage a revised draft no longer holds goes on its section as a whole,
/// saying so, rather than being left out of what the writer receives.
fn not_in_this_draft(comment: &mut WordComment, quote: &str) {
    comment.range = None;
    comment.body.insert(
        0,
        format!("Not in this draft: the passage “{quote}” was not found."),
    );
}

fn word_date(timestamp: jiff::Timestamp) -> String {
    timestamp.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn paragraphs_of(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

fn word_comment_from_comment(section: usize, comment: &Comment) -> WordComment {
    WordComment {
        section,
        range: comment.placed_passage().map(|p| p.start..p.end),
        author: comment.author.clone(),
        date: word_date(comment.created),
        body: paragraphs_of(&comment.body),
        replies: comment
            .replies
            .iter()
            .map(|reply| {
                (
                    reply.author.clone(),
                    word_date(reply.created),
                    paragraphs_of(&reply.body),
                )
            })
            .collect(),
        resolved: !comment.is_open(),
    }
}

/// A claim as the writer needs to read it: what the check stands at, what is missing, the
/// sources found so far.
fn word_comment_from_claim(section: usize, passage: &Passage, claim: &Claim) -> WordComment {
    let mut body = vec![format!("Fact-check: {}", claim.status.label())];
    if let Some(dealt_with) = claim
        .dealt_with
        .filter(|_| claim.status.can_be_dealt_with())
    {
        body.push(format!("Dealt with: {}", dealt_with.label()));
    }
    body.extend(paragraphs_of(&claim.note));
    body.extend(claim.sources.iter().map(super::facts::source_line));
    WordComment {
        section,
        range: Some(passage.start..passage.end),
        author: claim.author.clone(),
        date: word_date(claim.created),
        body,
        replies: Vec::new(),
        resolved: !claim.is_open(),
    }
}

/// XML text with the five special characters escaped and the characters XML 1.0 cannot hold
/// (control characters a pasted draft may carry) left out.
fn xml_text(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect();
    quick_xml::escape::escape(allowed.as_str()).into_owned()
}

fn run_xml(out: &mut String, text: &str) {
    if !text.is_empty() {
        let _ = write!(
            out,
            r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
            xml_text(text)
        );
    }
}

fn comment_start_xml(out: &mut String, id: usize) {
    let _ = write!(out, r#"<w:commentRangeStart w:id="{id}"/>"#);
}

fn comment_end_xml(out: &mut String, id: usize) {
    let _ = write!(
        out,
        r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{id}"/></w:r>"#
    );
}

fn document_xml(project: &Project, comments: &[WordComment]) -> String {
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
    let _ = write!(body, r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>"#);
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
        let _ = write!(
            out,
            r#"<w:p><w:pPr><w:pStyle w:val="Heading{}"/></w:pPr>"#,
            section.level.clamp(1, 6)
        );
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
        out.push_str("<w:p>");
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

/// `comments.xml` and `commentsExtended.xml`: each comment, then each reply as a comment
/// whose paragraph is threaded under the first one's.
fn comments_xml(comments: &[WordComment]) -> (String, String) {
    let mut xml = String::new();
    let mut extended = String::new();
    let mut next_reply_id = comments.len();
    let mut paragraph_id = 0x1000_0000_u32;
    let mut comment_xml = |xml: &mut String,
                           extended: &mut String,
                           id: usize,
                           author: &str,
                           date: &str,
                           body: &[String],
                           parent: Option<u32>,
                           done: bool| {
        paragraph_id += 1;
        let initials: String = author
            .split_whitespace()
            .filter_map(|word| word.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        let _ = write!(
            xml,
            r#"<w:comment w:id="{id}" w:author="{}" w:date="{date}" w:initials="{}">"#,
            xml_text(author),
            xml_text(&initials)
        );
        let paragraphs: &[String] = if body.is_empty() {
            &[String::new()]
        } else {
            body
        };
        for (index, paragraph) in paragraphs.iter().enumerate() {
            if index + 1 == paragraphs.len() {
                let _ = write!(
                    xml,
                    r#"<w:p w14:paraId="{paragraph_id:08X}" w14:textId="77777777">"#
                );
            } else {
                xml.push_str("<w:p>");
            }
            run_xml(xml, paragraph);
            xml.push_str("</w:p>");
        }
        xml.push_str("</w:comment>");
        let _ = write!(
            extended,
            r#"<w15:commentEx w15:paraId="{paragraph_id:08X}"{} w15:done="{}"/>"#,
            parent.map_or_else(String::new, |p| format!(r#" w15:paraIdParent="{p:08X}""#)),
            u8::from(done)
        );
        paragraph_id
    };
    for (id, comment) in comments.iter().enumerate() {
        let parent = comment_xml(
            &mut xml,
            &mut extended,
            id,
            &comment.author,
            &comment.date,
            &comment.body,
            None,
            comment.resolved,
        );
        for (author, date, body) in &comment.replies {
            comment_xml(
                &mut xml,
                &mut extended,
                next_reply_id,
                author,
                date,
                body,
                Some(parent),
                comment.resolved,
            );
            next_reply_id += 1;
        }
    }
    (
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{NAMESPACE_W}" xmlns:w14="{NAMESPACE_W14}">{xml}</w:comments>"#
        ),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:commentsEx xmlns:w15="{NAMESPACE_W15}">{extended}</w15:commentsEx>"#
        ),
    )
}

fn core_properties_xml(project: &Project) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:description>Reviewed in copydesk; draft {} ({}), imported {}</dc:description></cp:coreProperties>"#,
        xml_text(&project.title),
        project.draft.number,
        xml_text(&project.draft.file_name),
        readable_timestamp(project.draft.imported_at),
    )
}

fn styles_xml() -> String {
    let mut styles = String::from(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:sz w:val="48"/></w:rPr></w:style><w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>"#,
    );
    for level in 1..=6_u8 {
        let size = 36 - 3 * u32::from(level);
        let _ = write!(
            styles,
            r#"<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="{}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>"#,
            level - 1
        );
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{NAMESPACE_W}">{styles}</w:styles>"#
    )
}

const NAMESPACE_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NAMESPACE_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NAMESPACE_W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
const NAMESPACE_W15: &str = "http://schemas.microsoft.com/office/word/2012/wordml";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>"#;

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::Comment;
    use crate::model::Reviewer;

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
        let comments = word_comments(&project);
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
