//! The walk over the article body into blocks (headings and paragraphs), the way a reader sees
//! the page: list items keep their markers, a table row is one paragraph, line breaks and
//! preformatted text keep their breaks, and hidden or left-out elements are skipped; each
//! paragraph keeps the direction its blocks' `dir` gives it (`direction`). The walk is
//! iterative, so however deep the page nests it never runs out of stack.

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

use super::collapse_white_space;
use super::direction::{direction_from_attribute, with_direction_kept};
use crate::bidi::Direction;
use crate::import::outline::Block;

/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "figure",
    "figcaption",
    "address",
    "hr",
    "details",
    "summary",
    "center",
];

/// The blocks of the article `body`, leaving out the elements named in `left_out`; `around`
/// is the direction the page gives the body from outside it (`<html dir>`).
pub(super) fn blocks_from_body(
    body: Option<ElementRef<'_>>,
    left_out: Vec<&'static str>,
    around: Option<Direction>,
) -> Vec<Block> {
    let mut reader = BlockReader {
        left_out,
        around,
        ..BlockReader::default()
    };
    if let Some(body) = body {
        reader.read(body);
    }
    reader.flush();
    reader.blocks
}

/// What an open list numbers its items with.
enum ListMarker {
    Bullet,
    Number(i64),
}

#[derive(Default)]
struct BlockReader {
    left_out: Vec<&'static str>,
    blocks: Vec<Block>,
    buffer: String,
    /// Put before the next paragraph: a list item's marker.
    prefix: String,
    lists: Vec<ListMarker>,
    /// The heading level while inside h1–h6.
    heading: Option<u8>,
    /// The cells of the table rows being read: the innermost last, as tables nest.
    rows: Vec<Vec<String>>,
    /// The last thing read was a line break: a second one in a row ends the paragraph, as
    /// pages built with `<br><br>` mean it to.
    after_line_break: bool,
    /// Inside `pre`: keep its line breaks as paragraph breaks.
    preformatted: usize,
    /// The direction from outside the body.
    around: Option<Direction>,
    /// The open blocks that name a direction, innermost last (`None`: `dir="auto"`).
    directions: Vec<(NodeId, Option<Direction>)>,
}

impl BlockReader {
    fn read(&mut self, body: ElementRef<'_>) {
        // The node being skipped (a script, a nav): everything until it closes is ignored.
        let mut skipping = None;
        for edge in body.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => self.text(text),
                        Node::Element(element) => {
                            let name = element.name();
                            let hidden = element.attr("hidden").is_some()
                                || element.attr("aria-hidden") == Some("true")
                                || element.attr("style").is_some_and(hidden_by_style);
                            if hidden || self.left_out.contains(&name) {
                                skipping = Some(node.id());
                            } else {
                                self.open(name, element);
                                // After `open`, which ends the paragraph before this block
                                // in the direction it had.
                                if let Some(direction) = element
                                    .attr("dir")
                                    .and_then(direction_from_attribute)
                                    .filter(|_| is_block(name))
                                {
                                    self.directions.push((node.id(), direction));
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    } else if skipping.is_none()
                        && let Node::Element(element) = node.value()
                    {
                        self.close(element.name());
                        if self
                            .directions
                            .last()
                            .is_some_and(|(id, _)| *id == node.id())
                        {
                            self.directions.pop();
                        }
                    }
                }
            }
        }
    }

    fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.after_line_break = false;
        }
        if self.preformatted > 0 {
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                self.buffer.push_str(first);
            }
            for line in lines {
                self.flush();
                self.buffer.push_str(line);
            }
        } else {
            self.buffer.push_str(text);
        }
    }

    fn open(&mut self, name: &str, element: &scraper::node::Element) {
        let after_line_break = std::mem::take(&mut self.after_line_break);
        if let Some(level) = heading_level(name) {
            self.flush();
            self.heading = Some(level);
            return;
        }
        match name {
            "br" => {
                if after_line_break {
                    self.flush();
                } else {
                    self.buffer.push(' ');
                }
                self.after_line_break = true;
            }
            "img" => {
                // An image carries text only through its description, which a reader of the
                // article sees in place of it.
                if let Some(alt) = element.attr("alt").filter(|alt| !alt.trim().is_empty()) {
                    self.buffer.push_str(alt);
                }
            }
            "ul" | "menu" => {
                self.flush();
                self.lists.push(ListMarker::Bullet);
            }
            "ol" => {
                self.flush();
                let start = element
                    .attr("start")
                    .and_then(|start| start.trim().parse().ok())
                    .unwrap_or(1);
                self.lists.push(ListMarker::Number(start));
            }
            "li" => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(ListMarker::Number(next)) => {
                        let marker = format!("{next}. ");
                        *next = next.saturating_add(1);
                        marker
                    }
                    Some(ListMarker::Bullet) | None => "- ".to_owned(),
                };
                self.prefix = format!("{}{marker}", "  ".repeat(depth));
            }
            "tr" => {
                self.flush();
                self.rows.push(Vec::new());
            }
            "td" | "th" => self.flush(),
            "pre" => {
                self.flush();
                self.preformatted += 1;
            }
            _ if BLOCKS.contains(&name) => self.flush(),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if heading_level(name).is_some() {
            let text = collapse_white_space(&std::mem::take(&mut self.buffer));
            if let Some(level) = self.heading.take()
                && !text.is_empty()
            {
                let text = with_direction_kept(text, self.direction());
                self.blocks.push(Block::Heading { level, text });
            }
            return;
        }
        match name {
            "ul" | "ol" | "menu" => {
                self.flush();
                self.lists.pop();
            }
            "td" | "th" => {
                let cell = collapse_white_space(&std::mem::take(&mut self.buffer));
                if let Some(row) = self.rows.last_mut() {
                    row.push(cell);
                } else if !cell.is_empty() {
                    let cell = with_direction_kept(cell, self.direction());
                    self.blocks.push(Block::Paragraph(cell));
                }
            }
            "tr" => {
                self.flush();
                if let Some(row) = self.rows.pop() {
                    let cells: Vec<String> = row.into_iter().filter(|c| !c.is_empty()).collect();
                    if cells.is_empty() {
                    } else if self.rows.is_empty() {
                        let row = with_direction_kept(cells.join(" | "), self.direction());
                        self.blocks.push(Block::Paragraph(row));
                    } else {
                        // A table inside a cell: its rows are part of that cell's text.
                        self.buffer.push(' ');
                        self.buffer.push_str(&cells.join(" | "));
                    }
                }
            }
            "pre" => {
                self.flush();
                self.preformatted = self.preformatted.saturating_sub(1);
            }
            _ if BLOCKS.contains(&name) => self.flush(),
            _ => {}
        }
    }

    /// Ends the paragraph being read. Inside a table cell the text stays for the cell.
    fn flush(&mut self) {
        if self.heading.is_some() {
            return;
        }
        if let Some(row) = self.rows.last_mut() {
            let text = collapse_white_space(&std::mem::take(&mut self.buffer));
            if !text.is_empty() {
                row.push(text);
            }
            return;
        }
        let text = collapse_white_space(&std::mem::take(&mut self.buffer));
        if text.is_empty() {
            return;
        }
        let prefix = std::mem::take(&mut self.prefix);
        let paragraph = format!("{}{text}", prefix.trim_start());
        let paragraph = with_direction_kept(paragraph, self.direction());
        self.blocks.push(Block::Paragraph(paragraph));
    }

    /// The direction of the paragraph being read, when the page gives it one.
    fn direction(&self) -> Option<Direction> {
        match self.directions.last() {
            Some((_, direction)) => *direction,
            None => self.around,
        }
    }
}

/// Whether an element's `dir` is a paragraph's direction: a block's is; a `span`'s or a
/// `bdi`'s only turns the words inside it, which the paragraph's text keeps as they are.
fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
        || heading_level(name).is_some()
        || matches!(name, "body" | "html" | "td" | "th")
}

/// An inline style that hides the element (`display: none`, `visibility: hidden`).
fn hidden_by_style(style: &str) -> bool {
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}
