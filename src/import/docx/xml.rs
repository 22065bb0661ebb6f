//! A small element tree of one XML part, built with quick-xml under the archive's limits.
//!
//! Word's XML is read into a tree because comments, tracked changes and tables are far
//! easier to follow that way than as a stream. The parser never expands entities (a DOCTYPE
//! declaring any is refused outright, which stops "billion laughs"), bounds the nesting
//! depth and the number of elements, and keeps only what the importer reads: names are
//! local (`w:p` → `p`), text is kept only inside text elements, and subtrees that carry no
//! text a reader sees (drawings, property changes, fallbacks of alternate content) are
//! skipped while still being checked for well-formedness.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::DocxError;
use super::archive::Limits;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of the attribute with this local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    pub fn children_named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Element> {
        self.elements().filter(move |e| e.name == name)
    }

    /// The `val` attribute of the child named `name` (`<w:pStyle w:val="Heading1"/>`).
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|c| c.attr("val"))
    }

    /// The text directly inside this element.
    pub fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|node| match node {
                Node::Text(text) => Some(text.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }
}

/// Elements whose text a reader sees (and the document's dates in `docProps/core.xml`);
/// text anywhere else is layout white space.
const TEXT_ELEMENTS: [&str; 4] = ["t", "delText", "created", "modified"];

/// Subtrees the importer never reads: pictures, earlier formatting kept for tracked
/// property changes, the fallback copy of alternate content, page setup.
const SKIPPED_ELEMENTS: [&str; 12] = [
    "drawing",
    "pict",
    "object",
    "Fallback",
    "pPrChange",
    "rPrChange",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "numberingChange",
    "sectPr",
];

/// Parses one part. `part` names it in error messages.
pub fn parse(part: &str, bytes: &[u8], limits: &Limits) -> Result<Element, DocxError> {
    let invalid = |reason: String| DocxError::InvalidXml {
        part: part.to_owned(),
        reason,
    };
    let text =
        std::str::from_utf8(bytes).map_err(|_| invalid("it is not UTF-8 text".to_owned()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;

    // The open elements, outermost first; the document's root collects them all.
    let mut stack: Vec<Element> = vec![Element::default()];
    // Inside a skipped subtree: how many of its elements are open.
    let mut skipping = 0_usize;
    // The level (of `skipping`) where a skipped `mc:Fallback` opened, while inside one.
    let mut fallback_at: Option<usize> = None;
    // Text boxes (`w:txbxContent`) are kept from inside skipped drawings, hung on the
    // element holding the drawing: for each one open, the skipping it suspended and the
    // stack's height under it. A text box in a Fallback is not kept (its Choice was).
    let mut suspended: Vec<(usize, usize)> = Vec::new();
    let mut suspended_depth = 0_usize;
    let mut budget = Budget {
        elements_left: limits.max_xml_elements,
        attributes_left: limits.max_xml_attributes,
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| invalid(format!("{e} at byte {}", reader.error_position())))?;
        match event {
            Event::Start(start) => {
                let depth = stack.len() + skipping + suspended_depth;
                if depth > limits.max_xml_depth {
                    return Err(DocxError::TooDeep {
                        part: part.to_owned(),
                        limit: limits.max_xml_depth,
                    });
                }
                if skipping > 0 {
                    let name = local_name(start.name().as_ref());
                    if name == "txbxContent" && fallback_at.is_none() {
                        suspended.push((skipping, stack.len()));
                        suspended_depth += skipping;
                        skipping = 0;
                    } else {
                        skipping += 1;
                        if name == "Fallback" && fallback_at.is_none() {
                            fallback_at = Some(skipping);
                        }
                        continue;
                    }
                } else if is_skipped(&start, stack.last()) {
                    skipping = 1;
                    if local_name(start.name().as_ref()) == "Fallback" {
                        fallback_at = Some(1);
                    }
                    continue;
                }
                stack.push(budget.element(&start, part, limits)?);
            }
            Event::Empty(start) => {
                if skipping > 0 || is_skipped(&start, stack.last()) {
                    continue;
                }
                let element = budget.element(&start, part, limits)?;
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::Element(element));
                }
            }
            Event::End(_) => {
                if skipping > 0 {
                    if fallback_at == Some(skipping) {
                        fallback_at = None;
                    }
                    skipping -= 1;
                    continue;
                }
                // Closing a text box kept from a skipped drawing: back to skipping it.
                if let Some(&(skipped, height)) = suspended.last()
                    && stack.len() == height + 1
                {
                    suspended.pop();
                    suspended_depth -= skipped;
                    if let Some(done) = stack.pop()
                        && let Some(parent) = stack.last_mut()
                    {
                        parent.children.push(Node::Element(done));
                    }
                    skipping = skipped;
                    continue;
                }
                if stack.len() < 2 {
                    return Err(invalid("an element is closed that was never opened".into()));
                }
                if let Some(done) = stack.pop()
                    && let Some(parent) = stack.last_mut()
                {
                    parent.children.push(Node::Element(done));
                }
            }
            Event::Text(text) => {
                push_text(&mut stack, skipping, &text.xml10_content());
            }
            Event::CData(data) => {
                push_text(&mut stack, skipping, &data.into_inner());
            }
            Event::GeneralRef(reference) => {
                let resolved = if reference.is_char_ref() {
                    reference
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .ok_or_else(|| invalid("a character reference is invalid".into()))?
                        .to_string()
                } else {
                    let name = reference.into_inner();
                    quick_xml::escape::resolve_predefined_entity(&name)
                        .ok_or_else(|| {
                            invalid(format!("it refers to an undeclared entity “&{name};”"))
                        })?
                        .to_owned()
                };
                push_text(&mut stack, skipping, &resolved);
            }
            Event::DocType(doctype) => {
                if doctype.into_inner().contains("<!ENTITY") {
                    return Err(DocxError::XmlEntities {
                        part: part.to_owned(),
                    });
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if stack.len() != 1 || skipping != 0 {
        return Err(invalid("it ends before its elements are closed".into()));
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
        .ok_or_else(|| invalid("it has no root element".into()))
}

fn too_many_elements(part: &str, limits: &Limits) -> DocxError {
    DocxError::TooManyElements {
        part: part.to_owned(),
        limit: limits.max_xml_elements,
    }
}

fn push_text(stack: &mut [Element], skipping: usize, text: &str) {
    if skipping > 0 {
        return;
    }
    if let Some(parent) = stack.last_mut()
        && TEXT_ELEMENTS.contains(&parent.name.as_str())
    {
        // Consecutive pieces (text, then an entity, then text) become one text node.
        if let Some(Node::Text(last)) = parent.children.last_mut() {
            last.push_str(text);
        } else {
            parent.children.push(Node::Text(text.to_owned()));
        }
    }
}

fn local_name(qualified: &str) -> String {
    qualified
        .rsplit_once(':')
        .map_or(qualified, |(_, local)| local)
        .to_owned()
}

fn is_skipped(start: &BytesStart<'_>, parent: Option<&Element>) -> bool {
    let name = local_name(start.name().as_ref());
    if SKIPPED_ELEMENTS.contains(&name.as_str()) {
        return true;
    }
    // A run's formatting is never read; a paragraph's formatting is (the paragraph mark's
    // tracked insertion or deletion lives in `w:pPr/w:rPr`).
    name == "rPr" && parent.is_some_and(|p| p.name != "pPr")
}

/// Attributes Word writes on one element: a handful. Checked as they are read, since
/// telling duplicates apart costs time in the square of their number.
const MAX_ATTRIBUTES_PER_ELEMENT: usize = 1_000;

enum StartError {
    Malformed(String),
    TooManyAttributes,
}

impl StartError {
    fn into_error(self, part: &str, limits: &Limits) -> DocxError {
        match self {
            Self::Malformed(reason) => DocxError::InvalidXml {
                part: part.to_owned(),
                reason,
            },
            Self::TooManyAttributes => DocxError::TooManyAttributes {
                part: part.to_owned(),
                limit: limits.max_xml_attributes,
            },
        }
    }
}

/// How many more elements and attributes a part may hold.
struct Budget {
    elements_left: usize,
    attributes_left: usize,
}

impl Budget {
    /// The element opened by `start`, paid for from the budget.
    fn element(
        &mut self,
        start: &BytesStart<'_>,
        part: &str,
        limits: &Limits,
    ) -> Result<Element, DocxError> {
        self.elements_left = self
            .elements_left
            .checked_sub(1)
            .ok_or_else(|| too_many_elements(part, limits))?;
        element_from_start(start, &mut self.attributes_left).map_err(|e| e.into_error(part, limits))
    }
}

/// The element opened by `start`, its attributes counted against `attributes_left`.
fn element_from_start(
    start: &BytesStart<'_>,
    attributes_left: &mut usize,
) -> Result<Element, StartError> {
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute
            .map_err(|e| StartError::Malformed(format!("an attribute is malformed: {e}")))?;
        *attributes_left = attributes_left
            .checked_sub(1)
            .ok_or(StartError::TooManyAttributes)?;
        if attributes.len() >= MAX_ATTRIBUTES_PER_ELEMENT {
            return Err(StartError::TooManyAttributes);
        }
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| StartError::Malformed(format!("an attribute value is malformed: {e}")))?
            .into_owned();
        attributes.push((local_name(attribute.key.as_ref()), value));
    }
    Ok(Element {
        name: local_name(start.name().as_ref()),
        attributes,
        children: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(xml: &str) -> Result<Element, DocxError> {
        parse("word/document.xml", xml.as_bytes(), &Limits::DEFAULT)
    }

    #[test]
    fn names_are_local_and_text_is_kept_only_in_text_elements() {
        let root = parsed(
            r#"<w:document xmlns:w="x"><w:p>
  <w:r><w:t xml:space="preserve">A &amp; B&#x20AC;</w:t></w:r></w:p></w:document>"#,
        )
        .unwrap();
        let p = root.child("p").unwrap();
        assert_eq!(p.children.len(), 1, "layout white space is dropped");
        assert_eq!(p.child("r").unwrap().child("t").unwrap().text(), "A & B€");
        assert_eq!(
            p.child("r").unwrap().child("t").unwrap().attr("space"),
            Some("preserve")
        );
    }

    #[test]
    fn entity_declarations_are_refused() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document><w:t>&lol2;</w:t></w:document>"#;
        assert!(matches!(parsed(laughs), Err(DocxError::XmlEntities { .. })));
        assert!(matches!(
            parsed("<a><t>&undeclared;</t></a>"),
            Err(DocxError::InvalidXml { .. })
        ));
    }

    #[test]
    fn nesting_and_broken_xml_are_refused() {
        let deep = format!("{}{}", "<a>".repeat(10_000), "</a>".repeat(10_000));
        assert!(matches!(parsed(&deep), Err(DocxError::TooDeep { .. })));
        assert!(matches!(
            parsed("<a><b></a>"),
            Err(DocxError::InvalidXml { .. })
        ));
        assert!(matches!(
            parsed("<a><b>"),
            Err(DocxError::InvalidXml { .. })
        ));
        assert!(matches!(parsed(""), Err(DocxError::InvalidXml { .. })));
        assert!(matches!(parsed("</a>"), Err(DocxError::InvalidXml { .. })));
    }

    #[test]
    fn elements_and_attributes_are_capped() {
        let limits = Limits {
            max_xml_elements: 10,
            max_xml_attributes: 20,
            ..Limits::DEFAULT
        };
        let parse_within = |xml: &str| parse("word/styles.xml", xml.as_bytes(), &limits);
        assert!(parse_within(&format!("<a>{}</a>", "<b/>".repeat(9))).is_ok());
        assert_eq!(
            parse_within(&format!("<a>{}</a>", "<b/>".repeat(10))),
            Err(DocxError::TooManyElements {
                part: "word/styles.xml".to_owned(),
                limit: 10
            })
        );
        assert!(parse_within(&format!("<a>{}</a>", r#"<b x="1" y="2"/>"#.repeat(5))).is_ok());
        let error =
            parse_within(&format!("<a>{}</a>", r#"<b x="1" y="2" z="3"/>"#.repeat(7))).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the Word document is too complex to read (word/styles.xml has more than 20 XML attributes)"
        );
        let crowded: String = (0..MAX_ATTRIBUTES_PER_ELEMENT + 1)
            .map(|i| format!(" a{i}=\"1\""))
            .collect();
        assert!(matches!(
            parsed(&format!("<a{crowded}/>")),
            Err(DocxError::TooManyAttributes { .. })
        ));
    }

    #[test]
    fn skipped_subtrees_leave_no_trace() {
        let root = parsed(
            "<p><r><rPr><b/></rPr><drawing><x><t>alt</t></x></drawing><t>kept</t></r><pPr><rPr><del/></rPr></pPr></p>",
        )
        .unwrap();
        let r = root.child("r").unwrap();
        assert_eq!(r.elements().count(), 1);
        assert!(
            root.child("pPr")
                .unwrap()
                .child("rPr")
                .unwrap()
                .child("del")
                .is_some()
        );
    }
}
