//! The comment parts: `comments.xml` (each comment and reply, its author, date and
//! paragraphs), `commentsExtended.xml` (which comment a reply answers, which are done),
//! `commentsIds.xml` (durable ids, which Word 2016 and later keep across edits) and
//! `people.xml` (the authors, as Word lists the people who commented).

use std::fmt::Write as _;

use super::WordComment;
use super::package::{NAMESPACE_MC, NAMESPACE_W, NAMESPACE_W14, NAMESPACE_W15, NAMESPACE_W16CID};
use super::xml::{run_xml, xml_text};
use crate::bidi::{Direction, strong_direction};

/// The `w14:paraId` of a comment's last paragraph, by which the other parts name it: unique
/// in the document and below 0x80000000, as Word requires.
fn paragraph_id(index: usize) -> u32 {
    0x1000_0001 + u32::try_from(index).unwrap_or(0x0FFF_FFFF).min(0x0FFF_FFFF)
}

fn initials_of(author: &str) -> String {
    author
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

pub(super) fn comments_xml(comments: &[WordComment]) -> String {
    let mut xml = String::new();
    for (id, comment) in comments.iter().enumerate() {
        let _ = write!(
            xml,
            r#"<w:comment w:id="{id}" w:author="{}" w:date="{}" w:initials="{}">"#,
            xml_text(&comment.author),
            comment.date,
            xml_text(&initials_of(&comment.author))
        );
        let paragraphs: &[String] = if comment.body.is_empty() {
            &[String::new()]
        } else {
            &comment.body
        };
        for (index, paragraph) in paragraphs.iter().enumerate() {
            if index + 1 == paragraphs.len() {
                let _ = write!(
                    xml,
                    r#"<w:p w14:paraId="{:08X}" w14:textId="77777777">"#,
                    paragraph_id(id)
                );
            } else {
                xml.push_str("<w:p>");
            }
            if strong_direction(paragraph) == Some(Direction::RightToLeft) {
                xml.push_str("<w:pPr><w:bidi/></w:pPr>");
            }
            if index == 0 {
                // Word's own comments begin with the annotation mark; some readers look for it.
                xml.push_str(
                    r#"<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>"#,
                );
            }
            run_xml(&mut xml, paragraph);
            xml.push_str("</w:p>");
        }
        xml.push_str("</w:comment>");
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:mc="{NAMESPACE_MC}" xmlns:w="{NAMESPACE_W}" xmlns:w14="{NAMESPACE_W14}" mc:Ignorable="w14">{xml}</w:comments>"#
    )
}

/// Threads and resolved flags: a reply names its parent's paragraph; a resolved comment and
/// its replies are done.
pub(super) fn comments_extended_xml(comments: &[WordComment]) -> String {
    let mut xml = String::new();
    for (id, comment) in comments.iter().enumerate() {
        let parent = comment.parent.map_or_else(String::new, |parent| {
            format!(r#" w15:paraIdParent="{:08X}""#, paragraph_id(parent))
        });
        let _ = write!(
            xml,
            r#"<w15:commentEx w15:paraId="{:08X}"{parent} w15:done="{}"/>"#,
            paragraph_id(id),
            u8::from(comment.resolved)
        );
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:commentsEx xmlns:mc="{NAMESPACE_MC}" xmlns:w15="{NAMESPACE_W15}" mc:Ignorable="w15">{xml}</w15:commentsEx>"#
    )
}

pub(super) fn comments_ids_xml(comments: &[WordComment]) -> String {
    let mut xml = String::new();
    for (id, comment) in comments.iter().enumerate() {
        let _ = write!(
            xml,
            r#"<w16cid:commentId w16cid:paraId="{:08X}" w16cid:durableId="{:08X}"/>"#,
            paragraph_id(id),
            comment.durable_id
        );
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w16cid:commentsIds xmlns:mc="{NAMESPACE_MC}" xmlns:w16cid="{NAMESPACE_W16CID}" mc:Ignorable="w16cid">{xml}</w16cid:commentsIds>"#
    )
}

/// Each author once, in the order they first commented.
pub(super) fn people_xml(comments: &[WordComment]) -> String {
    let mut authors: Vec<&str> = Vec::new();
    for comment in comments {
        if !authors.contains(&comment.author.as_str()) {
            authors.push(&comment.author);
        }
    }
    let mut xml = String::new();
    for author in authors {
        let name = xml_text(author);
        let _ = write!(
            xml,
            r#"<w15:person w15:author="{name}"><w15:presenceInfo w15:providerId="None" w15:userId="{name}"/></w15:person>"#
        );
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:people xmlns:mc="{NAMESPACE_MC}" xmlns:w15="{NAMESPACE_W15}" mc:Ignorable="w15">{xml}</w15:people>"#
    )
}
