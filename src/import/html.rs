//! Web pages (a saved article, a CMS export): the article body, its headings, paragraphs,
//! lists, quotes and tables; scripts, styles, navigation and forms left out.
//!
//! The page is parsed by html5ever (through `scraper`), the HTML5 parser browsers follow, so
//! a page parses here as it does on screen, however broken its markup. The body is the
//! `article` with the most text, else `main`, else `body`; the walk over it is iterative, so
//! a page nested a hundred thousand levels deep is read like any other.

use std::path::Path;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use thiserror::Error;

use super::outline::{Block, OutlineBuilder};
use super::{ArticleOutline, ImportError};

/// Elements whose content is never article text.
const LEFT_OUT: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "button", "select", "textarea", "input",
    "label", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio", "head",
    "dialog",
];

/// Left out as well when the body is the whole page rather than an article: the site's
/// masthead, sidebars and footer.
const PAGE_FURNITURE: &[&str] = &["header", "footer", "aside"];

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

/// How deep elements may nest. Articles are a few dozen levels deep; the HTML5 tree builder
/// takes time growing with the square of the depth, so a page built to be deep is refused
/// before it is parsed rather than left to stall the import.
pub const MAX_NESTING: usize = 2_000;

/// Why a web page could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum HtmlError {
    #[error(
        "the page nests its elements more than {MAX_NESTING} levels deep; no article does, so it was not read"
    )]
    TooDeep,
}

pub fn outline_from_html(text: &str) -> Result<ArticleOutline, HtmlError> {
    if nesting_estimate(text) > MAX_NESTING {
        return Err(HtmlError::TooDeep);
    }
    let page = Html::parse_document(text);
    let (body, is_article) = article_body(&page);
    let mut reader = BlockReader {
        left_out: if is_article {
            LEFT_OUT.to_vec()
        } else {
            [LEFT_OUT, PAGE_FURNITURE].concat()
        },
        ..BlockReader::default()
    };
    if let Some(body) = body {
        reader.read(body);
    }
    reader.flush();

    let mut builder = OutlineBuilder::default();
    builder.blocks(reader.blocks);
    if let Some(title) = page_title(&page) {
        builder.title_if_none(&title);
    }
    Ok(builder.finish())
}

/// How deep the parser will nest the page's elements, read from its tags alone, the way the
/// parser reads them: an end tag closes the innermost open element of its name and everything
/// inside it, and closes nothing when no such element is open; elements that hold nothing
/// (`br`, `img`…) or close themselves (`p`, `li`…) do not count; `/>` closes an element only
/// inside SVG and MathML, as in HTML; comments and the text of scripts and styles are skipped.
fn nesting_estimate(text: &str) -> usize {
    const NEVER_NEST: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "!doctype",
    ];
    const RAW_TEXT: &[&str] = &[
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "noembed",
        "noframes",
        "iframe",
        "noscript",
        "plaintext",
    ];
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut deepest = 0_usize;
    let mut position = 0;
    while let Some(offset) = bytes
        .get(position..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        position += offset + 1;
        let rest = bytes.get(position..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            let end = lower.get(position..).and_then(|rest| rest.find("-->"));
            position = end.map_or(bytes.len(), |end| position + end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name: String = rest
            .iter()
            .skip(usize::from(closing))
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
            .take(32)
            .map(|&b| char::from(b))
            .collect();
        if name.is_empty() || NEVER_NEST.contains(&name.as_str()) {
            continue;
        }
        let tag_end = lower.get(position..).and_then(|rest| rest.find('>'));
        if closing {
            if let Some(index) = open.iter().rposition(|open_name| *open_name == name) {
                open.truncate(index);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let closing_tag = format!("</{name}");
            let end = lower
                .get(position..)
                .and_then(|rest| rest.find(&closing_tag));
            position = end.map_or(bytes.len(), |end| position + end);
            continue;
        }
        let self_closed = tag_end
            .and_then(|end| lower.get(position..position + end))
            .is_some_and(|tag| tag.ends_with('/'));
        let in_foreign = open.iter().any(|n| n == "svg" || n == "math");
        if self_closed && (in_foreign || name == "svg" || name == "math") {
            continue;
        }
        open.push(name);
        deepest = deepest.max(open.len());
        if deepest > MAX_NESTING {
            break;
        }
    }
    deepest
}

/// The element holding the article, and whether it is one (`article`/`main`) rather than
/// the whole page.
fn article_body(page: &Html) -> (Option<ElementRef<'_>>, bool) {
    let text_length = |element: &ElementRef<'_>| visible_text_length(*element);
    let longest = |selector: &str| {
        Selector::parse(selector)
            .ok()
            .and_then(|selector| page.select(&selector).max_by_key(text_length))
    };
    let article = longest("article");
    let main = longest("main, [role=main]");
    // An `article` is the story unless it is a teaser beside it: a `main` (or, without one,
    // the page) holding far more text means the story is there.
    match (article, main) {
        (Some(article), Some(main)) if text_length(&article) * 2 >= text_length(&main) => {
            (Some(article), true)
        }
        (_, Some(main)) => (Some(main), true),
        (Some(article), None) => {
            let page = longest("body").map_or(0, |body| text_length(&body));
            if text_length(&article) * 4 >= page {
                (Some(article), true)
            } else {
                (longest("body"), false)
            }
        }
        (None, None) => (longest("body"), false),
    }
}

/// How much text a reader sees in an element: scripts, styles and templates do not count.
fn visible_text_length(element: ElementRef<'_>) -> usize {
    let mut length = 0;
    let mut skipping = None;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => length += text.trim().len(),
                Node::Element(inner)
                    if matches!(inner.name(), "script" | "style" | "noscript" | "template") =>
                {
                    skipping = Some(node.id());
                }
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            _ => {}
        }
    }
    length
}

/// The page's own title, for a page whose body has no headline: `og:title`, else `<title>`.
fn page_title(page: &Html) -> Option<String> {
    let first = |selector: &str| {
        Selector::parse(selector)
            .ok()
            .and_then(|selector| page.select(&selector).next())
    };
    first(r#"meta[property="og:title"]"#)
        .and_then(|meta| meta.attr("content"))
        .map(str::to_owned)
        .or_else(|| {
            first("title").map(|title| without_site_name(&title.text().collect::<String>()))
        })
        .map(|title| collapse_white_space(&title))
        .filter(|title| !title.is_empty())
}

/// "Council votes on budget | The Gazette" → "Council votes on budget": a page's `<title>`
/// usually ends with the site's name after a bar or a dash.
fn without_site_name(title: &str) -> String {
    [" | ", " – ", " — ", " - ", " :: "]
        .iter()
        .filter_map(|separator| title.rsplit_once(separator).map(|(story, _)| story))
        .filter(|story| !story.trim().is_empty())
        .max_by_key(|story| story.len())
        .unwrap_or(title)
        .to_owned()
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
                    self.blocks.push(Block::Paragraph(cell));
                }
            }
            "tr" => {
                self.flush();
                if let Some(row) = self.rows.pop() {
                    let cells: Vec<String> = row.into_iter().filter(|c| !c.is_empty()).collect();
                    if cells.is_empty() {
                    } else if self.rows.is_empty() {
                        self.blocks.push(Block::Paragraph(cells.join(" | ")));
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
        self.blocks
            .push(Block::Paragraph(format!("{}{text}", prefix.trim_start())));
    }
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

/// HTML white space as a browser shows it: any run is one space. A no-break space stays.
fn collapse_white_space(text: &str) -> String {
    text.split([' ', '\t', '\n', '\r', '\u{c}'])
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decodes a web page the way a browser does when it opens a saved file: a byte-order mark,
/// else the `<meta charset>` in its first kilobyte, else UTF-8 when the bytes are UTF-8, else
/// windows-1252 (what HTML assumes for a page that does not say). Old CMS exports and pages
/// saved from older sites are often windows-1252 or ISO-8859-1.
pub(super) fn text_from_page_bytes(path: &Path, bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let declared = encoding_rs::Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| declared_charset(bytes));
    if declared.is_none() && std::str::from_utf8(bytes).is_ok() {
        return super::text_from_bytes(path, bytes);
    }
    let encoding = declared.unwrap_or(encoding_rs::WINDOWS_1252);
    if encoding == encoding_rs::UTF_8 {
        return super::text_from_bytes(path, bytes);
    }
    let (text, _, _) = encoding.decode(bytes);
    super::text_with_content(path, text.into_owned())
}

/// The encoding a page names in `<meta charset="…">` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` within its first kilobyte. A page cannot truly be UTF-16 if it says
/// so in ASCII: that is read as UTF-8, as browsers do.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower
        .get(at..)?
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    let encoding = encoding_rs::Encoding::for_label(&label)?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            encoding
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_body_is_read_and_the_page_furniture_dropped() {
        let page = r#"<!doctype html><html><head><title>Harbour | The Gazette</title>
            <style>p { color: red }</style><script>var ads = "<p>buy</p>";</script></head>
            <body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
            <article><h1>Harbour reopens</h1><p class="byline">By A. Writer</p>
            <p>The harbour <em>reopened</em> on Monday,<br>after <a href="x">two years</a>.</p>
            <h2>Costs</h2><p>It cost   more than
            4,000 euros.</p><script>track()</script>
            <aside>Related: other story</aside></article>
            <footer>© The Gazette</footer></body></html>"#;
        let outline = outline_from_html(page).unwrap();
        assert_eq!(outline.title.as_deref(), Some("Harbour reopens"));
        assert_eq!(outline.headings(), ["Costs"]);
        assert_eq!(
            outline.sections[0].paragraphs,
            [
                "By A. Writer",
                "The harbour reopened on Monday, after two years."
            ]
        );
        // Inside an article, an aside is part of what the writer wrote.
        assert_eq!(
            outline.sections[1].paragraphs,
            ["It cost more than 4,000 euros.", "Related: other story"]
        );
    }

    #[test]
    fn without_an_article_the_body_is_read_without_its_masthead_and_footer() {
        let page = "<html><head><title>Notes</title></head><body>
            <header>Site name</header><h2>One</h2><p>First.</p>
            <aside>Sidebar</aside><p>Second.</p><footer>Footer</footer></body></html>";
        let outline = outline_from_html(page).unwrap();
        assert_eq!(outline.title.as_deref(), Some("Notes"));
        assert_eq!(outline.headings(), ["One"]);
        assert_eq!(outline.sections[0].paragraphs, ["First.", "Second."]);
    }

    #[test]
    fn lists_quotes_and_tables_stay_readable() {
        let page = r#"<main><p>Steps:</p><ol start="3"><li>Open</li><li>Close
            <ul><li>gently</li></ul></li></ol>
            <blockquote><p>“We did it,” she said.</p></blockquote>
            <table><tr><th>Year</th><th>Ships</th></tr><tr><td>2024</td><td>4,000</td></tr></table>
            <pre>line one
line two</pre><div hidden>secret</div><p aria-hidden="true">icon</p></main>"#;
        let outline = outline_from_html(page).unwrap();
        assert_eq!(
            outline.sections[0].paragraphs,
            [
                "Steps:",
                "3. Open",
                "4. Close",
                "- gently",
                "“We did it,” she said.",
                "Year | Ships",
                "2024 | 4,000",
                "line one",
                "line two",
            ]
        );
    }

    #[test]
    fn broken_markup_is_read_as_a_browser_would() {
        let deep = format!("<p>{}deep text{}", "<div>".repeat(500), "</div>".repeat(10));
        let outline = outline_from_html(&deep).unwrap();
        assert_eq!(outline.sections[0].paragraphs, ["deep text"]);
        let broken = "<p>unclosed <b>bold <i>both</b> still</p><p>next";
        let outline = outline_from_html(broken).unwrap();
        assert_eq!(
            outline.sections[0].paragraphs,
            ["unclosed bold both still", "next"]
        );
        assert!(outline_from_html("").unwrap().sections.is_empty());
        assert!(
            outline_from_html("<script>only()</script>")
                .unwrap()
                .sections
                .is_empty()
        );
    }

    #[test]
    fn a_page_nested_too_deep_is_refused_before_it_is_parsed() {
        let started = std::time::Instant::now();
        let deep = format!("{}text", "<div><span>".repeat(100_000));
        assert_eq!(outline_from_html(&deep), Err(HtmlError::TooDeep));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        // Many paragraphs, line breaks and list items are flat, however many there are.
        let flat = "<p>one<br>two<li>item<!-- <div><div> -->".repeat(10_000);
        assert_eq!(nesting_estimate(&flat), 0);
        assert!(outline_from_html(&flat).is_ok());
        assert_eq!(nesting_estimate("<div><div></div><div></div></div>"), 2);
    }

    #[test]
    fn stray_end_tags_do_not_hide_depth() {
        // End tags that close nothing leave the parser's elements open: each of these pages
        // nests tens of thousands deep, and html5ever would take minutes on it.
        for page in [
            "<div></span>".repeat(20_000),
            "<b></x>".repeat(20_000),
            "<dl><dt>]]></template></script>".repeat(12_232),
            "<div/>".repeat(20_000),
        ] {
            let started = std::time::Instant::now();
            assert_eq!(outline_from_html(&page), Err(HtmlError::TooDeep));
            assert!(started.elapsed() < std::time::Duration::from_secs(1));
        }
    }

    #[test]
    fn list_numbers_at_the_end_of_the_range_do_not_overflow() {
        // Found by fuzzing: counting on from the largest start a page can give.
        let page = r#"<ol start="9223372036854775807"><li>last</li><li>past it</li></ol>"#;
        let outline = outline_from_html(page).unwrap();
        assert_eq!(
            outline.sections[0].paragraphs,
            ["9223372036854775807. last", "9223372036854775807. past it"]
        );
    }

    #[test]
    fn charts_and_scripts_are_not_depth() {
        let chart = format!(
            "<article><p>Figures:</p><svg>{}</svg><script>{}</script><p>After.</p></article>",
            r#"<rect x="1" y="2"/>"#.repeat(3_000),
            "if (i<n && j<k) { a<b; }".repeat(3_000)
        );
        let outline = outline_from_html(&chart).unwrap();
        assert_eq!(outline.sections[0].paragraphs, ["Figures:", "After."]);
    }

    #[test]
    fn a_teaser_article_beside_the_story_is_not_the_story() {
        let page = "<html><head><title>Council votes on budget | Gazette</title></head><body>\
            <main><p>The council voted on Tuesday to approve a budget of 4 million euros.</p>\
            <p>The mayor said the vote was a turning point for the town.</p>\
            <p>Opposition members said the costs were underestimated.</p></main>\
            <aside><article><h3>Harbour closes</h3><p>Read our earlier story.</p></article>\
            </aside></body></html>";
        let outline = outline_from_html(page).unwrap();
        assert_eq!(outline.title.as_deref(), Some("Council votes on budget"));
        assert_eq!(outline.sections.len(), 1);
        assert_eq!(outline.sections[0].paragraphs.len(), 3);
    }

    #[test]
    fn a_page_inside_a_form_is_read_but_not_its_fields() {
        let page = "<body><form action=x><h1>New rail line approved</h1>\
            <p>The ministry approved the line.</p><label>Search</label><input value=q>\
            <button>Go</button></form></body>";
        let outline = outline_from_html(page).unwrap();
        assert_eq!(outline.title.as_deref(), Some("New rail line approved"));
        assert_eq!(
            outline.sections[0].paragraphs,
            ["The ministry approved the line."]
        );
    }

    #[test]
    fn nested_tables_line_breaks_and_hidden_text() {
        let page = "<main><table><tr><td>Outer A</td><td><table><tr><td>Inner B</td>\
            <td>Inner C</td></tr></table></td><td>Outer D</td></tr></table>\
            <div>First line<br>same paragraph<br><br>Second paragraph</div>\
            <p>Price: <span style=\"display: none\">hidden</span>10 €.</p></main>";
        let outline = outline_from_html(page).unwrap();
        assert_eq!(
            outline.sections[0].paragraphs,
            [
                "Outer A | Inner B | Inner C | Outer D",
                "First line same paragraph",
                "Second paragraph",
                "Price: 10 €."
            ]
        );
    }

    /// Page-like text built from the pieces that trip HTML readers up.
    fn page_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("<p>".to_owned()),
            Just("</p>".to_owned()),
            Just("<h2>".to_owned()),
            Just("</h2>".to_owned()),
            Just("<h1>Title</h1>".to_owned()),
            Just("<ol start=\"-3\"><li>".to_owned()),
            Just("<ul><li>".to_owned()),
            Just("</li></ul>".to_owned()),
            Just("<table><tr><td>".to_owned()),
            Just("</td><td>".to_owned()),
            Just("</tr></table>".to_owned()),
            Just("<pre>a\nb</pre>".to_owned()),
            Just("<script>x<p>y</script>".to_owned()),
            Just("<article>".to_owned()),
            Just("</article>".to_owned()),
            Just("<nav>menu</nav>".to_owned()),
            Just("<!-- c -->".to_owned()),
            Just("<br>".to_owned()),
            Just("&amp;&#0;&#xD800;&bogus;".to_owned()),
            Just("<img alt=\"photo\">".to_owned()),
            Just("<div hidden>".to_owned()),
            Just("</div>".to_owned()),
            "[a-zA-Z0-9 .,\u{5d0}-\u{5ea}\u{600}-\u{6ff}<>/\"'=!-]{0,12}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300)
        ))]

        #[test]
        fn any_page_reads_into_clean_paragraphs(page in page_like()) {
            let outline = outline_from_html(&page).unwrap();
            for section in &outline.sections {
                for paragraph in &section.paragraphs {
                    proptest::prop_assert!(!paragraph.trim().is_empty());
                    proptest::prop_assert!(!paragraph.contains('\n'));
                }
                if let Some(heading) = &section.heading {
                    proptest::prop_assert!(!heading.is_empty());
                }
            }
        }
    }

    #[test]
    fn right_to_left_and_entities_are_kept() {
        let outline =
            outline_from_html("<p dir=rtl>مرحبا &amp; שלום&nbsp;– 4&#8239;000</p>").unwrap();
        assert_eq!(
            outline.sections[0].paragraphs,
            ["مرحبا & שלום\u{a0}– 4\u{202f}000"]
        );
    }
}
