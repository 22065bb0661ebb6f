//! The annotated article, to send to the writer: the article as a web page, each commented or
//! flagged passage highlighted with its note's number, and the numbered notes beside the text.
//!
//! Layout: every paragraph is a row holding the notes whose passages start in it, then the text.
//! On a wide screen the notes float into a right margin beside their paragraph, each stack
//! clearing the one above (as sidenotes do), so a long note never opens a gap in the text; on a
//! narrow screen and on paper the row becomes a column with the notes after their paragraph.
//! Notes on a whole section come right after its heading; notes whose passage is not in this
//! draft are listed at the end. Resolved comments are left out (see [`super::notes`]); the
//! header says how many.
//!
//! Each paragraph, heading and note says its direction, the labels theirs, and the page the
//! article's (see `html`); on a right-to-left page the notes stand in the left margin.
//!
//! Overlapping and nested passages: each paragraph is cut at every passage boundary, and each
//! piece is one `<mark>` naming all the notes covering it, so the markup never has to nest or
//! cross; a passage running over a line break simply continues in the next paragraph's marks.

use std::fmt::Write as _;

use crate::model::{Project, Section};
use crate::text::counted;

use super::html::{
    LABEL_DIR, article_direction, dir_attribute, escape_html, isolated_html, page_html,
};
use super::notes::{Note, Place, note_html, notes_from_project};

pub fn annotated_article_html(project: &Project) -> String {
    let notes = notes_from_project(project);
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header>\n<h1{}>{}</h1>\n<p class=\"meta\"{LABEL_DIR}>{}</p>\n<p class=\"meta\"{LABEL_DIR}>{HOW_TO_READ}</p>\n</header>",
        dir_attribute(&project.title),
        escape_html(&project.title),
        escape_html(&header_line(project, &notes)),
    );
    body.push_str("<main>\n");
    for (index, section) in project.sections.iter().enumerate() {
        let in_section: Vec<&Note<'_>> = notes.iter().filter(|n| n.section == index).collect();
        section_html(&mut body, index, section, &in_section);
    }
    body.push_str("</main>\n");
    let nowhere: Vec<&Note<'_>> = notes.iter().filter(|n| n.place == Place::Nowhere).collect();
    if !nowhere.is_empty() {
        body.push_str(
            "<section class=\"unplaced\">\n<h2 dir=\"ltr\">Notes whose passage is not in this draft</h2>\n\
             <p class=\"meta\" dir=\"ltr\">They were made on an earlier draft, and their words were not found in this one.</p>\n",
        );
        for note in nowhere {
            let _ = writeln!(
                body,
                "<p class=\"in-section\"{LABEL_DIR}>In “{}”</p>",
                isolated_html(
                    project
                        .sections
                        .get(note.section)
                        .map_or("", Section::title)
                )
            );
            body.push_str(&note_html(note));
        }
        body.push_str("</section>\n");
    }
    page_html(
        &project.title,
        ANNOTATED_CSS,
        &body,
        article_direction(project),
    )
}

const HOW_TO_READ: &str = "Highlighted words carry the number of their note; the notes stand \
                           beside the text, or below each paragraph on a narrow screen and on paper.";

fn header_line(project: &Project, notes: &[Note<'_>]) -> String {
    let resolved = project.comments.iter().filter(|c| !c.is_open()).count();
    let mut line = format!(
        "Draft {}: {} · {}",
        project.draft.number,
        project.draft.file_name,
        counted(notes.len(), "note", "notes")
    );
    if resolved > 0 {
        let _ = write!(
            line,
            " · {} not shown",
            counted(resolved, "resolved comment", "resolved comments")
        );
    }
    line
}

fn section_html(out: &mut String, index: usize, section: &Section, notes: &[&Note<'_>]) {
    let _ = writeln!(out, "<section id=\"section-{}\">", index + 1);
    if let Some(heading) = &section.heading {
        // The article's title is the page's h1, so its headings start one level down.
        let level = section.level.saturating_add(1).clamp(2, 6);
        let _ = writeln!(
            out,
            "<h{level}{}>{}</h{level}>",
            dir_attribute(heading),
            escape_html(heading)
        );
    }
    let whole: Vec<&Note<'_>> = notes
        .iter()
        .copied()
        .filter(|n| n.place == Place::Section)
        .collect();
    if !whole.is_empty() {
        let numbers: Vec<String> = whole.iter().map(|n| n.number.to_string()).collect();
        out.push_str("<div class=\"row\">");
        aside_html(out, &whole);
        let _ = writeln!(
            out,
            "<div class=\"text\"><p class=\"whole\"{LABEL_DIR}>On this whole section: {} {}</p></div></div>",
            if whole.len() == 1 { "note" } else { "notes" },
            numbers.join(", ")
        );
    }
    let placed: Vec<(&Note<'_>, &std::ops::Range<usize>)> = notes
        .iter()
        .filter_map(|n| match &n.place {
            Place::Passage(range) => Some((*n, range)),
            Place::Section | Place::Nowhere => None,
        })
        .collect();
    let chars: Vec<char> = section.text.chars().collect();
    let mut paragraph_start = 0;
    for paragraph in chars.split(|c| *c == '\n') {
        let span = paragraph_start..paragraph_start + paragraph.len();
        paragraph_start = span.end + 1;
        if span.is_empty() {
            continue;
        }
        let starting_here: Vec<&Note<'_>> = placed
            .iter()
            .filter(|(_, range)| span.contains(&range.start))
            .map(|(note, _)| *note)
            .collect();
        out.push_str("<div class=\"row\">");
        aside_html(out, &starting_here);
        let words: String = chars[span.clone()].iter().collect();
        let _ = write!(out, "<div class=\"text\"><p{}>", dir_attribute(&words));
        paragraph_html(out, &chars, span.clone(), &placed);
        out.push_str("</p></div></div>\n");
    }
    out.push_str("</section>\n");
}

/// The text of one paragraph, cut at every passage boundary inside it; each piece covered by
/// passages is a `<mark>` listing their numbers, and a passage's number follows its last piece.
fn paragraph_html(
    out: &mut String,
    chars: &[char],
    span: std::ops::Range<usize>,
    placed: &[(&Note<'_>, &std::ops::Range<usize>)],
) {
    let mut cuts = vec![span.start, span.end];
    for (_, range) in placed {
        cuts.extend(
            [range.start, range.end]
                .into_iter()
                .filter(|c| span.contains(c)),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    for piece in cuts.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        let text: String = chars[start..end].iter().collect();
        let covering: Vec<&Note<'_>> = placed
            .iter()
            .filter(|(_, range)| range.start <= start && end <= range.end)
            .map(|(note, _)| *note)
            .collect();
        if covering.is_empty() {
            out.push_str(&escape_html(&text));
            continue;
        }
        let numbers: Vec<String> = covering.iter().map(|n| n.number.to_string()).collect();
        let _ = write!(
            out,
            "<mark class=\"hl{}\" title=\"{} {}\">{}</mark>",
            if covering.len() > 1 { " hl-many" } else { "" },
            if covering.len() > 1 { "Notes" } else { "Note" },
            numbers.join(", "),
            escape_html(&text)
        );
        for (note, _) in placed.iter().filter(|(_, range)| range.end == end) {
            let _ = write!(
                out,
                "<sup class=\"ref\" id=\"ref-{0}\"><a href=\"#note-{0}\">{0}</a></sup>",
                note.number
            );
        }
    }
}

fn aside_html(out: &mut String, notes: &[&Note<'_>]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("<aside class=\"notes\">\n");
    for note in notes {
        out.push_str(&note_html(note));
    }
    out.push_str("</aside>");
}

const ANNOTATED_CSS: &str = r#"header { border-bottom: 2px solid #1f2328; padding-bottom: .6rem; margin-bottom: 1.5rem; }
main h2 { font-size: 1.45rem; }
main h3 { font-size: 1.25rem; margin-top: 2rem; }
main h4, main h5, main h6 { font-size: 1.1rem; }
.row { display: flex; flex-direction: column; }
.row > .text { order: 0; }
.row > .notes { order: 1; }
.text p { margin: 0 0 .9rem; }
.whole { font-style: italic; color: #57606a; }
mark.hl { background: #fff1a8; color: inherit; padding: 0 .05em; border-radius: .15em; }
mark.hl-many { background: #ffd86b; }
sup.ref { font-size: .7em; font-weight: 700; line-height: 0; margin-inline-start: .05em; }
sup.ref a { color: #8a4600; text-decoration: none; }
.notes { font-size: .875rem; line-height: 1.45; margin: 0 0 1rem; }
.note { border-inline-start: 3px solid #d4a72c; background: #fbfaf6; padding: .45rem .7rem .1rem; margin: 0 0 .6rem; break-inside: avoid; }
.note-claim { border-inline-start-color: #0a4f95; }
.note p { margin: 0 0 .4rem; }
.note-head { font-weight: 600; }
.num { display: inline-block; min-width: 1.4em; padding: 0 .3em; border-radius: .7em; background: #1f2328; color: #fff; text-align: center; font-size: .8rem; text-decoration: none; }
.kind { text-transform: uppercase; letter-spacing: .04em; font-size: .75rem; }
.who { color: #57606a; font-weight: 400; }
.note-quote { font-style: italic; color: #32383f; }
.note .sources { padding-inline-start: 1rem; margin: 0 0 .4rem; overflow-wrap: anywhere; }
.reply { border-inline-start: 2px solid #d0d7de; padding-inline-start: .5rem; margin: 0 0 .4rem; }
.reply .who { margin: 0; font-size: .8rem; }
.unplaced { clear: both; border-top: 1px solid #d0d7de; margin-top: 2.5rem; }
.in-section { font-size: .85rem; color: #57606a; margin: 1rem 0 .3rem; }
@media screen and (min-width: 68rem) {
  body { max-width: 64rem; }
  main { padding-inline-end: 22.5rem; }
  main::after { content: ""; display: block; clear: both; }
  .row { display: block; }
  .row > .notes { float: inline-end; clear: inline-end; width: 20rem; margin-block: 0 .6rem; margin-inline: 0 -22.5rem; }
  /* Beside the text the highlight shows the words: repeating them only pushes notes down. */
  main .note-quote { display: none; }
}
@media print {
  mark.hl { background: none; text-decoration: underline; text-decoration-thickness: 1.5pt; }
  mark.hl-many { text-decoration-style: double; }
  sup.ref a { color: #000; }
  .num { background: none; color: #000; border: 1pt solid #000; }
  .note { background: none; border-inline-start: 2pt solid #000; }
}
"#;
