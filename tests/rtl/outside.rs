//! The exports where readers open them: the review report and the annotated article in
//! headless Chromium, which must lay the Arabic paragraphs out right to left (a script added to
//! a copy of each page writes each paragraph's computed direction, and where its first word
//! landed, into the page, read back with `--dump-dom`); and the Word document in LibreOffice
//! Writer, which must keep the right-to-left paragraphs right to left (converted to flat
//! OpenDocument, each paragraph's style says `style:writing-mode="rl-tb"`).
//!
//! Without Chromium or LibreOffice a test fails under CI and says it was skipped elsewhere
//! (the programs are found and run by `browser`'s and `libreoffice`'s helpers).

use std::collections::HashMap;

use copydesk::bidi::{Direction, paragraph_direction};
use copydesk::export::{ExportFormat, export_bytes};
use quick_xml::events::Event;
use scraper::{Html, Selector};

use super::reviewed;
use crate::common::temp_dir;

/// Writes each paragraph's computed direction into it, and for the article's paragraphs
/// how far its first word sits from the paragraph's right and left edges.
const PROBE: &str = r#"<script>
for (const element of document.querySelectorAll("html, p, h1, h2, h3, blockquote")) {
  element.setAttribute("data-direction", getComputedStyle(element).direction);
}
for (const paragraph of document.querySelectorAll(".text p")) {
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && node.data.replace(/[\u200e\u200f\s]/g, "") === "") node = walker.nextNode();
  if (!node) continue;
  let start = 0;
  while (/[\u200e\u200f\s]/.test(node.data[start])) start++;
  let end = node.data.indexOf(" ", start);
  if (end < 0) end = node.data.length;
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const word = range.getBoundingClientRect();
  const box = paragraph.getBoundingClientRect();
  paragraph.setAttribute("data-from-right", Math.round(box.right - word.right));
  paragraph.setAttribute("data-from-left", Math.round(word.left - box.left));
}
</script>"#;

#[test]
fn chromium_lays_the_exported_pages_out_right_to_left() {
    let Some(chromium) = crate::browser::chromium() else {
        return;
    };
    let folder = temp_dir();
    let profile = temp_dir();
    for name in ["arabic", "mixed"] {
        let project = reviewed(name);
        for format in [ExportFormat::Html, ExportFormat::AnnotatedHtml] {
            let page = String::from_utf8(export_bytes(&project, format).unwrap()).unwrap();
            let probed = page.replace("</body>", &format!("{PROBE}</body>"));
            let path = folder.path().join(format!("{name}-{format:?}.html"));
            std::fs::write(&path, probed).unwrap();
            let dump = ["--window-size=1400,1000", "--dump-dom"].map(str::to_owned);
            let dom = Html::parse_document(&crate::browser::run_chromium(
                &chromium,
                profile.path(),
                &path,
                &dump,
            ));
            let direction_of = |selector: &str| -> Vec<(String, String)> {
                dom.select(&Selector::parse(selector).unwrap())
                    .map(|e| {
                        let direction = e.attr("data-direction").unwrap_or("none").to_owned();
                        (e.text().collect(), direction)
                    })
                    .collect()
            };
            assert_eq!(direction_of("html")[0].1, "rtl", "{name} {format:?}");
            let quotes = direction_of("blockquote.quote, .note-quote");
            assert!(!quotes.is_empty() || format == ExportFormat::AnnotatedHtml);
            for (text, direction) in quotes {
                assert_eq!(direction, "rtl", "{name} {format:?}: “{text}”");
            }
            if format == ExportFormat::AnnotatedHtml {
                annotated_paragraphs_read_their_way(&dom, name);
            }
        }
    }
}

fn annotated_paragraphs_read_their_way(dom: &Html, name: &str) {
    let mut right_to_left = 0;
    for paragraph in dom.select(&Selector::parse(".text p:not(.whole)").unwrap()) {
        let text: String = paragraph.text().collect();
        let expected = paragraph_direction(&text);
        assert_eq!(
            paragraph.attr("data-direction"),
            Some(expected.html_dir()),
            "{name}: “{text}”"
        );
        let offset =
            |attribute: &str| -> i64 { paragraph.attr(attribute).unwrap().parse().unwrap() };
        // The first word is drawn at the edge the paragraph starts from.
        match expected {
            Direction::RightToLeft => {
                right_to_left += 1;
                assert!(
                    offset("data-from-right").abs() <= 1,
                    "{name}: “{text}” starts at the right"
                );
                assert!(offset("data-from-left") > 100, "{name}: “{text}”");
            }
            Direction::LeftToRight => {
                assert!(
                    offset("data-from-left").abs() <= 1,
                    "{name}: “{text}” starts at the left"
                );
            }
        }
    }
    assert!(right_to_left >= 4, "{name}");
}

#[test]
fn libreoffice_keeps_the_exported_paragraphs_right_to_left() {
    let Some(soffice) = crate::libreoffice::soffice() else {
        return;
    };
    let folder = temp_dir();
    let project = reviewed("mixed");
    let input = folder.path().join("mixed.docx");
    std::fs::write(&input, export_bytes(&project, ExportFormat::Docx).unwrap()).unwrap();
    let converted = crate::libreoffice::convert(&soffice, &input, "fodt", "fodt");
    let flat = std::fs::read_to_string(converted).unwrap();
    let paragraphs = writing_modes_of_paragraphs(&flat);
    let mut expected: Vec<(String, Direction)> = super::lines_of(&project)
        .into_iter()
        .map(|line| {
            let direction = paragraph_direction(&line);
            (line, direction)
        })
        .collect();
    expected.retain(|(line, _)| !line.is_empty());
    let found: Vec<(String, Direction)> = paragraphs
        .into_iter()
        .filter(|(text, _)| !text.is_empty())
        .map(|(text, mode)| {
            let direction = if mode == "rl-tb" {
                Direction::RightToLeft
            } else {
                Direction::LeftToRight
            };
            (text, direction)
        })
        .collect();
    assert_eq!(found, expected);
}

/// Each paragraph and heading of the flat OpenDocument text outside the comments, with the
/// writing mode its style (or the styles it inherits from) gives it ("" for none).
fn writing_modes_of_paragraphs(flat: &str) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_str(flat);
    // style name → (parent, writing mode)
    let mut styles: HashMap<String, (Option<String>, Option<String>)> = HashMap::new();
    let mut current_style: Option<String> = None;
    let mut paragraphs: Vec<(String, String)> = Vec::new();
    let (mut in_body, mut annotation_depth, mut paragraph_depth) = (false, 0, 0);
    let attribute = |start: &quick_xml::events::BytesStart<'_>, name: &str| {
        start
            .attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .map(|a| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned()
            })
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(start) | Event::Empty(start) if start.name().as_ref() == "style:style" => {
                let name = attribute(&start, "style:name").unwrap_or_default();
                styles.insert(
                    name.clone(),
                    (attribute(&start, "style:parent-style-name"), None),
                );
                current_style = Some(name);
            }
            Event::Start(start) | Event::Empty(start)
                if start.name().as_ref() == "style:paragraph-properties" =>
            {
                if let (Some(style), Some(mode)) =
                    (&current_style, attribute(&start, "style:writing-mode"))
                {
                    styles.entry(style.clone()).or_default().1 = Some(mode);
                }
            }
            Event::End(end) if end.name().as_ref() == "style:style" => current_style = None,
            Event::Start(start) if start.name().as_ref() == "office:text" => in_body = true,
            Event::Start(start) if start.name().as_ref() == "office:annotation" => {
                annotation_depth += 1;
            }
            Event::End(end) if end.name().as_ref() == "office:annotation" => annotation_depth -= 1,
            Event::Start(start)
                if in_body
                    && annotation_depth == 0
                    && matches!(start.name().as_ref(), "text:p" | "text:h") =>
            {
                paragraph_depth += 1;
                let style = attribute(&start, "text:style-name").unwrap_or_default();
                paragraphs.push((String::new(), style));
            }
            Event::End(end)
                if annotation_depth == 0 && matches!(end.name().as_ref(), "text:p" | "text:h") =>
            {
                paragraph_depth -= 1;
            }
            Event::Text(text) if paragraph_depth > 0 && annotation_depth == 0 => {
                paragraphs
                    .last_mut()
                    .unwrap()
                    .0
                    .push_str(&text.xml10_content());
            }
            Event::Empty(empty)
                if paragraph_depth > 0
                    && annotation_depth == 0
                    && empty.name().as_ref() == "text:s" =>
            {
                paragraphs.last_mut().unwrap().0.push(' ');
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let writing_mode = |mut style: String| -> String {
        for _ in 0..16 {
            match styles.get(&style) {
                Some((_, Some(mode))) => return mode.clone(),
                Some((Some(parent), None)) => style = parent.clone(),
                _ => break,
            }
        }
        String::new()
    };
    paragraphs
        .into_iter()
        .map(|(text, style)| (text, writing_mode(style)))
        .collect()
}
