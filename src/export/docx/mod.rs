//! The article as a Word document, with the review's comments and claims as real Word
//! comments anchored to their passages, so the writer can answer in Word.
//!
//! Written the way Word writes comments, because other readers rely on that: every comment
//! *and every reply* has its range in the text (a reply's on its parent's words) and its
//! reference; `commentsExtended.xml` threads the replies and marks resolved ones done,
//! `commentsIds.xml` gives each a durable id (from the mark's own id, so a re-export keeps
//! them) and `people.xml` names the authors. The package has the parts Word's own files have
//! for the same content (settings, application properties). LibreOffice Writer reads every
//! comment and reply back (tests/libreoffice/), and so does copydesk's importer: a comment on
//! a whole section is anchored on its heading.
//!
//! `document` writes the text with the ranges, `comments` the comment parts, `package` the
//! parts every document has.

mod comments;
mod document;
mod package;
mod xml;

use std::io::Write as _;

use sha2::{Digest as _, Sha256};
use zip::write::SimpleFileOptions;

use crate::model::{Claim, Comment, Passage, Project};

use super::ExportError;

/// A Word comment to write — a comment, a claim, or a reply to a comment: where it sits and
/// what it says. Its Word id is its index in the list, which puts each reply right after the
/// comment it answers.
struct WordComment {
    section: usize,
    /// Character range in the section text; `None` anchors it on the section's heading.
    range: Option<std::ops::Range<usize>>,
    author: String,
    date: String,
    /// The comment's paragraphs.
    body: Vec<String>,
    /// For a reply, the index of the comment it answers.
    parent: Option<usize>,
    resolved: bool,
    /// Word's durable id, from the mark's id: the same on every export of the review.
    durable_id: u32,
}

pub fn docx_from_project(project: &Project) -> Result<Vec<u8>, ExportError> {
    let comments = word_comments(project);
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", package::CONTENT_TYPES.to_owned()),
        ("_rels/.rels", package::PACKAGE_RELATIONSHIPS.to_owned()),
        ("docProps/core.xml", package::core_properties_xml(project)),
        (
            "docProps/app.xml",
            package::APPLICATION_PROPERTIES.to_owned(),
        ),
        (
            "word/_rels/document.xml.rels",
            package::DOCUMENT_RELATIONSHIPS.to_owned(),
        ),
        (
            "word/document.xml",
            document::document_xml(project, &comments),
        ),
        ("word/styles.xml", package::styles_xml()),
        ("word/settings.xml", package::SETTINGS.to_owned()),
        ("word/comments.xml", comments::comments_xml(&comments)),
        (
            "word/commentsExtended.xml",
            comments::comments_extended_xml(&comments),
        ),
        (
            "word/commentsIds.xml",
            comments::comments_ids_xml(&comments),
        ),
        ("word/people.xml", comments::people_xml(&comments)),
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

/// A comment or claim with its replies, before the replies take their places in the list.
struct Thread {
    comment: WordComment,
    /// (author, date, paragraphs, durable id)
    replies: Vec<(String, String, Vec<String>, u32)>,
}

/// Every comment and claim of the review placed in this draft, in reading order, each
/// followed by its replies.
fn word_comments(project: &Project) -> Vec<WordComment> {
    let index_of =
        |section: &crate::model::SectionId| project.sections.iter().position(|s| &s.id == section);
    let mut threads = Vec::new();
    for comment in &project.comments {
        let Some(section) = index_of(&comment.section) else {
            continue;
        };
        let mut thread = thread_from_comment(section, comment);
        if let (Some(passage), None) = (&comment.passage, comment.placed_passage()) {
            not_in_this_draft(&mut thread.comment, &passage.quote);
        }
        threads.push(thread);
    }
    for claim in &project.claims {
        let Some(section) = index_of(&claim.section) else {
            continue;
        };
        let mut comment = word_comment_from_claim(section, &claim.passage, claim);
        if claim.placed_passage().is_none() {
            not_in_this_draft(&mut comment, &claim.passage.quote);
        }
        threads.push(Thread {
            comment,
            replies: Vec::new(),
        });
    }
    // A damaged project may hold offsets past the text: keep every range inside it, so each
    // comment that opens also closes.
    for thread in &mut threads {
        let comment = &mut thread.comment;
        if let (Some(range), Some(section)) =
            (&mut comment.range, project.sections.get(comment.section))
        {
            let length = section.char_count();
            range.end = range.end.min(length);
            range.start = range.start.min(range.end);
        }
    }
    threads.sort_by_key(|t| {
        let c = &t.comment;
        (c.section, c.range.as_ref().map(|r| (r.start, r.end)))
    });
    let mut comments = Vec::new();
    let mut durable_ids = std::collections::HashSet::new();
    for thread in threads {
        let parent = comments.len();
        let mut comment = thread.comment;
        comment.durable_id = unique(comment.durable_id, &mut durable_ids);
        let (section, range, resolved) = (comment.section, comment.range.clone(), comment.resolved);
        comments.push(comment);
        for (author, date, body, durable_id) in thread.replies {
            comments.push(WordComment {
                section,
                range: range.clone(),
                author,
                date,
                body,
                parent: Some(parent),
                resolved,
                durable_id: unique(durable_id, &mut durable_ids),
            });
        }
    }
    comments
}

/// Word's durable ids are positive 31-bit numbers, unique in the document; taken from a
/// digest of the mark's id, which no compiler or library version changes.
fn durable_id_from(key: &str) -> u32 {
    let digest = Sha256::digest(key.as_bytes());
    let bits = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]);
    bits % 0x7FFF_FFFE + 1
}

/// `id`, or the next free one when another comment took it.
fn unique(mut id: u32, taken: &mut std::collections::HashSet<u32>) -> u32 {
    while !taken.insert(id) {
        id = id % 0x7FFF_FFFE + 1;
    }
    id
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

fn thread_from_comment(section: usize, comment: &Comment) -> Thread {
    Thread {
        comment: WordComment {
            section,
            range: comment.placed_passage().map(|p| p.start..p.end),
            author: comment.author.clone(),
            date: word_date(comment.created),
            body: paragraphs_of(&comment.body),
            parent: None,
            resolved: !comment.is_open(),
            durable_id: durable_id_from(comment.id.as_str()),
        },
        replies: comment
            .replies
            .iter()
            .map(|reply| {
                (
                    reply.author.clone(),
                    word_date(reply.created),
                    paragraphs_of(&reply.body),
                    durable_id_from(reply.id.as_str()),
                )
            })
            .collect(),
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
        parent: None,
        resolved: !claim.is_open(),
        durable_id: durable_id_from(claim.id.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use jiff::Timestamp;

    use super::*;

    fn parts_of(bytes: &[u8]) -> Vec<(String, String)> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|index| {
                let mut part = archive.by_index(index).unwrap();
                let mut text = String::new();
                part.read_to_string(&mut text).unwrap();
                (part.name().unwrap().into_owned(), text)
            })
            .collect()
    }

    #[test]
    fn every_comment_and_reply_has_its_range_and_reference_and_every_part_is_declared() {
        let project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let replies = project
            .comments
            .iter()
            .map(|c| c.replies.len())
            .sum::<usize>();
        assert!(replies > 0, "the sample has a reply to write");
        let parts = parts_of(&docx_from_project(&project).unwrap());
        let part = |name: &str| {
            parts
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, text)| text.as_str())
                .unwrap_or_else(|| panic!("no {name}"))
        };
        let comments = part("word/comments.xml").matches("<w:comment ").count();
        assert_eq!(
            comments,
            project.comments.len() + project.claims.len() + replies
        );
        let document = part("word/document.xml");
        for id in 0..comments {
            for marker in ["commentRangeStart", "commentRangeEnd", "commentReference"] {
                assert_eq!(
                    document
                        .matches(&format!(r#"<w:{marker} w:id="{id}"/>"#))
                        .count(),
                    1,
                    "comment {id}: {marker}"
                );
            }
        }
        // Replies name their parent; every comment has a durable id.
        let extended = part("word/commentsExtended.xml");
        assert_eq!(extended.matches("w15:paraIdParent=").count(), replies);
        assert_eq!(
            part("word/commentsIds.xml")
                .matches("w16cid:durableId=")
                .count(),
            comments
        );
        // Each part but the package's own is declared, and the document's relationships
        // lead to parts that exist.
        let types = part("[Content_Types].xml");
        for (name, _) in &parts {
            if !name.ends_with(".rels") && name != "[Content_Types].xml" {
                assert!(types.contains(&format!(r#"PartName="/{name}""#)), "{name}");
            }
        }
        let relationships = part("word/_rels/document.xml.rels");
        for target in relationships.split(r#"Target=""#).skip(1) {
            let target = target.split('"').next().unwrap();
            part(&format!("word/{target}"));
        }
    }

    #[test]
    fn durable_ids_are_the_same_on_every_export() {
        let project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let ids = |project: &Project| {
            word_comments(project)
                .iter()
                .map(|c| c.durable_id)
                .collect::<Vec<_>>()
        };
        let first = ids(&project);
        assert_eq!(first, ids(&project));
        assert!(first.iter().all(|&id| (1..0x7FFF_FFFF).contains(&id)));
        let mut unique = first.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), first.len());
    }
}
