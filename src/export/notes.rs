//! The annotated article's notes: which marks it shows, their numbers, where each sits in its
//! section's text, and how a note reads.
//!
//! Open comments and every claim are shown (a verified claim tells the writer the fact holds);
//! resolved comments and claims whose passage a revision removed are left out, since the writer
//! has nothing left to do about them.

use std::fmt::Write as _;
use std::ops::Range;

use crate::model::{AnchorState, Claim, Comment, Passage, Project};
use crate::text::readable_timestamp;
use crate::text::shortened;

use super::facts;
use super::html::{
    LABEL_DIR, claim_status_badge_html, dir_attribute, escape_html, isolated_html, paragraphs_html,
    quote_dir_attribute, source_label_html,
};

#[derive(Clone, Copy, Debug)]
pub enum Mark<'a> {
    Comment(&'a Comment),
    Claim(&'a Claim),
}

/// Where a note belongs in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// On these characters of its section's text: never empty, never starting or ending on a
    /// line break.
    Passage(Range<usize>),
    /// On the whole section.
    Section,
    /// Not in this draft (an orphan of a revision, or a passage outside the text).
    Nowhere,
}

#[derive(Clone, Debug)]
pub struct Note<'a> {
    pub number: usize,
    pub mark: Mark<'a>,
    /// Index of its section in the project.
    pub section: usize,
    pub place: Place,
    /// The `dir` of the note: its words' paragraph's direction (see `quote_dir_attribute`),
    /// or, on a whole section, its own words'.
    pub dir: &'static str,
}

/// The notes of the article, numbered in reading order; notes placed nowhere come last.
pub fn notes_from_project(project: &Project) -> Vec<Note<'_>> {
    let mut notes = Vec::new();
    for (section_index, section) in project.sections.iter().enumerate() {
        let chars: Vec<char> = section.text.chars().collect();
        let place_of = |passage: Option<&Passage>, placed: bool| match (passage, placed) {
            (_, false) => Place::Nowhere,
            (None, true) => Place::Section,
            (Some(p), true) => visible_range(&chars, p).map_or(Place::Nowhere, Place::Passage),
        };
        for claim in project.claims_in(&section.id) {
            let removed = claim
                .carried
                .as_ref()
                .is_some_and(|c| c.state == AnchorState::Removed);
            if !removed {
                let place = place_of(Some(&claim.passage), claim.is_placed());
                let dir = quote_dir_attribute(&section.text, &claim.passage);
                notes.push((section_index, place, 0, Mark::Claim(claim), dir));
            }
        }
        for comment in project.comments_in(&section.id).filter(|c| c.is_open()) {
            let place = place_of(comment.passage.as_ref(), comment.is_placed());
            // A note reads the way the words it is about do; on a whole section, the way its
            // own words do.
            let dir = comment.passage.as_ref().map_or_else(
                || dir_attribute(&comment.body),
                |passage| quote_dir_attribute(&section.text, passage),
            );
            notes.push((section_index, place, 1, Mark::Comment(comment), dir));
        }
    }
    // Stable sort: marks on the same words keep the order they were made in.
    notes.sort_by_key(|(section, place, kind, _, _)| {
        let (order, start, end) = match place {
            Place::Section => (0, 0, 0),
            Place::Passage(range) => (1, range.start, range.end),
            Place::Nowhere => (2, 0, 0),
        };
        (order == 2, *section, order, start, end, *kind)
    });
    notes
        .into_iter()
        .enumerate()
        .map(|(index, (section, place, _, mark, dir))| Note {
            number: index + 1,
            mark,
            section,
            place,
            dir,
        })
        .collect()
}

/// The passage's range clamped to the text and without line breaks at either end, so it
/// starts and ends inside a paragraph; `None` when nothing visible is left.
fn visible_range(chars: &[char], passage: &Passage) -> Option<Range<usize>> {
    let mut end = passage.end.min(chars.len());
    let mut start = passage.start.min(end);
    while start < end && chars[start] == '\n' {
        start += 1;
    }
    while end > start && chars[end - 1] == '\n' {
        end -= 1;
    }
    (start < end).then_some(start..end)
}

/// One note as it reads in the margin (or under the paragraph).
pub fn note_html(note: &Note<'_>) -> String {
    let mut out = String::new();
    let note_dir = note.dir;
    let number = match note.place {
        Place::Passage(_) => format!(
            "<a class=\"num\" href=\"#ref-{0}\" title=\"Back to the text\">{0}</a>",
            note.number
        ),
        Place::Section | Place::Nowhere => format!("<span class=\"num\">{}</span>", note.number),
    };
    match note.mark {
        Mark::Claim(claim) => {
            let _ = write!(
                out,
                "<div class=\"note note-claim\" id=\"note-{}\"{note_dir}>\n<p class=\"note-head\"{LABEL_DIR}>{number} <span class=\"kind\">Claim</span> {} <span class=\"who\">{}</span></p>\n",
                note.number,
                claim_status_badge_html(claim.status),
                isolated_html(&claim.author)
            );
            quote_html(&mut out, note, Some(&claim.passage));
            placement_html(&mut out, claim.carried.as_ref());
            claim_details_html(&mut out, claim);
        }
        Mark::Comment(comment) => {
            let _ = write!(
                out,
                "<div class=\"note note-comment\" id=\"note-{}\"{note_dir}>\n<p class=\"note-head\"{LABEL_DIR}>{number} <span class=\"kind\">Comment</span> <span class=\"who\">{}, {}</span></p>\n",
                note.number,
                isolated_html(&comment.author),
                readable_timestamp(comment.created)
            );
            quote_html(&mut out, note, comment.passage.as_ref());
            placement_html(&mut out, comment.carried.as_ref());
            comment_thread_html(&mut out, comment);
        }
    }
    out.push_str("</div>\n");
    out
}

/// The words the note is about: shortened beside the text (the highlight shows them), in
/// full for a note placed nowhere.
fn quote_html(out: &mut String, note: &Note<'_>, passage: Option<&Passage>) {
    match (&note.place, passage) {
        (Place::Section, _) => {
            let _ = writeln!(
                out,
                "<p class=\"note-quote\"{LABEL_DIR}>On the whole section</p>"
            );
        }
        (Place::Passage(_), Some(p)) => {
            let _ = writeln!(
                out,
                "<p class=\"note-quote\"{}>“{}”</p>",
                note.dir,
                escape_html(&shortened(&p.quote, 90))
            );
        }
        (Place::Nowhere, Some(p)) => {
            let _ = writeln!(
                out,
                "<blockquote class=\"quote\"{}>{}</blockquote>",
                note.dir,
                escape_html(&p.quote)
            );
        }
        (_, None) => {}
    }
}

fn placement_html(out: &mut String, carried: Option<&crate::model::Carried>) {
    if let Some(placement) = facts::placement_note(carried) {
        let _ = writeln!(
            out,
            "<p class=\"warning\"{LABEL_DIR}>{}</p>",
            escape_html(&placement)
        );
    }
}

fn claim_details_html(out: &mut String, claim: &Claim) {
    if !claim.note.trim().is_empty() {
        out.push_str(&paragraphs_html(&claim.note));
    }
    if let Some(dealt_with) = facts::dealt_with_text(claim) {
        let _ = writeln!(
            out,
            "<p class=\"dealt\"{LABEL_DIR}>{}</p>",
            escape_html(&dealt_with)
        );
    }
    if !claim.sources.is_empty() {
        let _ = writeln!(out, "<ul class=\"sources\"{LABEL_DIR}>");
        for source in &claim.sources {
            let details = facts::source_details(source);
            let details = if details.is_empty() {
                String::new()
            } else {
                format!(" — {}", escape_html(&details.join("; ")))
            };
            let _ = writeln!(
                out,
                "<li>{}{details}</li>",
                source_label_html(&source.title, &source.url)
            );
        }
        out.push_str("</ul>\n");
    }
}

fn comment_thread_html(out: &mut String, comment: &Comment) {
    out.push_str(&paragraphs_html(&comment.body));
    for reply in &comment.replies {
        let _ = writeln!(
            out,
            "<div class=\"reply\"><p class=\"who\"{LABEL_DIR}>{}, {}</p>{}</div>",
            isolated_html(&reply.author),
            readable_timestamp(reply.created),
            paragraphs_html(&reply.body)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(start: usize, end: usize) -> Passage {
        Passage {
            start,
            end,
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
        }
    }

    #[test]
    fn ranges_are_clamped_and_kept_off_line_breaks() {
        let chars: Vec<char> = "ab\ncd".chars().collect();
        assert_eq!(visible_range(&chars, &passage(1, 3)), Some(1..2));
        assert_eq!(visible_range(&chars, &passage(2, 5)), Some(3..5));
        assert_eq!(visible_range(&chars, &passage(3, 99)), Some(3..5));
        assert_eq!(visible_range(&chars, &passage(2, 3)), None);
        assert_eq!(visible_range(&chars, &passage(40, 99)), None);
        assert_eq!(visible_range(&chars, &passage(4, 2)), None);
        assert_eq!(visible_range(&[], &passage(0, 3)), None);
    }
}
