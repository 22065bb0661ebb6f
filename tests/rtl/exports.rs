//! The exports carry direction, read back with parsers rather than by searching for a string:
//! the web pages' `<html dir>` and every paragraph's, heading's, quote's and card's `dir`; the
//! Word document's `w:bidi` on right-to-left paragraphs and `w:rtl` on runs of Arabic and
//! Hebrew (and in its comments); the Markdown report's quotes in logical order, as written.

use copydesk::bidi::{Direction, paragraph_direction};
use copydesk::export::{ExportFormat, export_bytes};
use copydesk::import::{draft_format_from_path, import_bytes};
use copydesk::model::Project;
use jiff::Timestamp;
use quick_xml::events::Event;
use scraper::{ElementRef, Html, Selector};
use unicode_bidi::{BidiClass, bidi_class};

use super::files::parts_of_word_file;
use super::{lines_of, reviewed};

const NAMES: [&str; 3] = ["arabic", "hebrew", "mixed"];

fn page(project: &Project, format: ExportFormat) -> Html {
    Html::parse_document(&String::from_utf8(export_bytes(project, format).unwrap()).unwrap())
}

fn select<'a>(page: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    page.select(&Selector::parse(selector).unwrap()).collect()
}

fn text_of(element: ElementRef<'_>) -> String {
    element.text().collect()
}

/// A paragraph's words without the note numbers after its highlights.
fn words_without_note_numbers(paragraph: ElementRef<'_>) -> String {
    paragraph
        .descendants()
        .filter(|node| {
            !node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|e| e.value().name() == "sup")
        })
        .filter_map(|node| node.value().as_text().map(|t| t.to_string()))
        .collect()
}

/// The `dir` an element holding `text` should say.
fn dir_for(text: &str) -> Option<&'static str> {
    copydesk::bidi::strong_direction(text).map(Direction::html_dir)
}

#[test]
fn the_review_report_page_says_the_direction_of_the_page_and_of_every_item() {
    for name in NAMES {
        let project = reviewed(name);
        let page = page(&project, ExportFormat::Html);
        let root = select(&page, "html")[0];
        assert_eq!(root.attr("dir"), Some("rtl"), "{name}");
        let quotes = select(&page, "blockquote.quote");
        assert_eq!(quotes.len(), project.comments.len() + project.claims.len());
        for quote in quotes {
            assert_eq!(quote.attr("dir"), Some("rtl"), "{name}: {}", text_of(quote));
        }
        let cards = select(&page, "article.card");
        assert!(!cards.is_empty());
        for card in cards {
            assert_eq!(
                card.attr("dir"),
                Some("rtl"),
                "{name}: a card on Arabic words"
            );
        }
        let mut bodies = select(&page, ".body p");
        bodies.extend(select(&page, ".note p:not(.label)"));
        assert!(!bodies.is_empty(), "{name}");
        for paragraph in bodies {
            let text = text_of(paragraph);
            assert_eq!(paragraph.attr("dir"), dir_for(&text), "{name}: {text}");
        }
        for (heading, section) in select(&page, "section.section > h2")
            .into_iter()
            .zip(&project.sections)
        {
            assert_eq!(heading.attr("dir"), dir_for(section.title()), "{name}");
        }
        for label in select(
            &page,
            ".kicker, .meta, .card-head, p.muted, .label, h3, section.summary",
        ) {
            assert_eq!(label.attr("dir"), Some("ltr"), "{name}: {}", text_of(label));
        }
        // The reviewer's Arabic name among English labels is isolated from them.
        assert!(
            select(&page, ".card-head bdi")
                .iter()
                .any(|name| text_of(*name) == "ليلى حداد")
        );
    }
}

#[test]
fn the_annotated_article_says_the_direction_of_every_paragraph_and_note() {
    for name in NAMES {
        let project = reviewed(name);
        let page = page(&project, ExportFormat::AnnotatedHtml);
        assert_eq!(select(&page, "html")[0].attr("dir"), Some("rtl"));
        let paragraphs = select(&page, ".text p:not(.whole)");
        let expected: Vec<String> = project
            .sections
            .iter()
            .flat_map(|s| s.text.split('\n'))
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
        assert_eq!(paragraphs.len(), expected.len(), "{name}");
        for (paragraph, text) in paragraphs.into_iter().zip(expected) {
            assert_eq!(words_without_note_numbers(paragraph), text, "{name}");
            let direction = paragraph_direction(&text);
            assert_eq!(
                paragraph.attr("dir"),
                Some(direction.html_dir()),
                "{name}: {text}"
            );
        }
        for heading in select(&page, "main h2") {
            assert_eq!(heading.attr("dir"), Some("rtl"), "{name}");
        }
        for note in select(&page, ".note") {
            assert_eq!(
                note.attr("dir"),
                Some("rtl"),
                "{name}: notes on Arabic words"
            );
        }
    }
    // The paragraph opening with "CNN" reads right to left, as Word said.
    let page = page(&reviewed("arabic"), ExportFormat::AnnotatedHtml);
    let cnn = select(&page, ".text p")
        .into_iter()
        .find(|p| text_of(*p).contains("CNN"))
        .unwrap();
    assert_eq!(cnn.attr("dir"), Some("rtl"));
}

/// Each `w:p` of a part: whether its `w:pPr` has `w:bidi`, and its runs (marked `w:rtl`,
/// text).
fn word_paragraphs(xml: &str) -> Vec<(bool, Vec<(bool, String)>)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut paragraphs = Vec::new();
    let (mut in_paragraph_properties, mut in_text) = (false, false);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "p" => {
                paragraphs.push((false, Vec::new()));
            }
            Event::Start(e) if e.local_name().as_ref() == "pPr" => in_paragraph_properties = true,
            Event::End(e) if e.local_name().as_ref() == "pPr" => in_paragraph_properties = false,
            Event::Empty(e) if e.local_name().as_ref() == "bidi" && in_paragraph_properties => {
                paragraphs.last_mut().unwrap().0 = true;
            }
            Event::Start(e) if e.local_name().as_ref() == "r" => {
                paragraphs
                    .last_mut()
                    .unwrap()
                    .1
                    .push((false, String::new()));
            }
            Event::Empty(e) if e.local_name().as_ref() == "rtl" => {
                paragraphs.last_mut().unwrap().1.last_mut().unwrap().0 = true;
            }
            Event::Start(e) if e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == "t" => in_text = false,
            Event::Text(text) if in_text => {
                let text = text.xml10_content();
                paragraphs
                    .last_mut()
                    .unwrap()
                    .1
                    .last_mut()
                    .unwrap()
                    .1
                    .push_str(&text);
            }
            Event::GeneralRef(reference) if in_text => {
                let name = reference.into_inner();
                let resolved = quick_xml::escape::resolve_predefined_entity(&name).unwrap();
                paragraphs
                    .last_mut()
                    .unwrap()
                    .1
                    .last_mut()
                    .unwrap()
                    .1
                    .push_str(resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    paragraphs
}

fn is_right_to_left_letter(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Each paragraph is `w:bidi` exactly when it reads right to left, and each run is `w:rtl`
/// exactly when it holds Arabic or Hebrew letters (and then no Latin ones).
fn assert_marked_as_word_marks(part: &str, xml: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for (bidi, runs) in word_paragraphs(xml) {
        let text: String = runs.iter().map(|(_, t)| t.as_str()).collect();
        let right_to_left = paragraph_direction(&text) == Direction::RightToLeft;
        assert_eq!(bidi, right_to_left, "{part}: w:bidi on “{text}”");
        for (rtl, run) in &runs {
            assert_eq!(
                *rtl,
                run.chars().any(is_right_to_left_letter),
                "{part}: w:rtl on “{run}”"
            );
            if *rtl {
                assert!(!run.chars().any(|c| bidi_class(c) == BidiClass::L), "{run}");
            }
        }
        texts.push(text);
    }
    texts
}

#[test]
fn the_word_document_marks_right_to_left_paragraphs_and_runs() {
    for name in NAMES {
        let project = reviewed(name);
        let bytes = export_bytes(&project, ExportFormat::Docx).unwrap();
        let parts = parts_of_word_file(&bytes);
        let part = |wanted: &str| &parts.iter().find(|(n, _)| n == wanted).unwrap().1;
        let texts = assert_marked_as_word_marks("document.xml", part("word/document.xml"));
        assert_eq!(
            texts,
            lines_of(&project),
            "{name}: every paragraph, in order"
        );
        let comments = assert_marked_as_word_marks("comments.xml", part("word/comments.xml"));
        assert!(
            comments
                .iter()
                .any(|c| paragraph_direction(c) == Direction::RightToLeft),
            "{name}: {comments:?}"
        );
        // Read back by copydesk: the same text, the same marks' words.
        let path = std::path::Path::new("reviewed.docx");
        let again = import_bytes(
            path,
            &bytes,
            draft_format_from_path(path).unwrap(),
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
        assert_eq!(lines_of(&again), lines_of(&project), "{name}");
        let quotes = |project: &Project| -> Vec<String> {
            let mut quotes: Vec<String> = project
                .comments
                .iter()
                .filter_map(|c| c.passage.as_ref().map(|p| p.quote.clone()))
                .chain(project.claims.iter().map(|c| c.passage.quote.clone()))
                .collect();
            quotes.sort();
            quotes
        };
        assert_eq!(quotes(&again), quotes(&project), "{name}");
    }
}

#[test]
fn the_markdown_report_keeps_logical_order() {
    let is_bidi_control = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    for name in NAMES {
        let project = reviewed(name);
        let report =
            String::from_utf8(export_bytes(&project, ExportFormat::Markdown).unwrap()).unwrap();
        let quotes = project
            .comments
            .iter()
            .filter_map(|c| c.passage.as_ref().map(|p| p.quote.as_str()))
            .chain(project.claims.iter().map(|c| c.passage.quote.as_str()));
        for quote in quotes {
            assert!(report.contains(quote), "{name}: “{quote}” as written");
        }
        for heading in project.sections.iter().filter_map(|s| s.heading.as_deref()) {
            assert!(report.contains(heading), "{name}: {heading}");
        }
        assert!(
            !report.chars().any(is_bidi_control),
            "{name}: nothing reordered it"
        );
    }
}
