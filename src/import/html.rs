//! Web pages (a saved article, a CMS export): the article body, its headings, paragraphs,
//! lists, quotes and tables; scripts, styles, navigation and forms left out.
//!
//! The page is parsed by html5ever (through `scraper`), the HTML5 parser browsers follow, so
//! a page parses here as it does on screen, however broken its markup. The body is the
//! `article` with the most text, else `main`, else `body`; the walk over it is iterative, so
//! a page nested a hundred thousand levels deep is read like any other.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use thiserror::Error;

use super::ArticleOutline;
use super::outline::OutlineBuilder;

/// Elements whose content is never article text.
const LEFT_OUT: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "form", "button", "select", "textarea",
    "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio", "head", "dialog",
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
    let top_headings = reader
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { level: 1, .. }))
        .count();
    for (index, block) in reader.blocks.into_iter().enumerate() {
        match block {
            // A lone h1 opening the article is its headline, as in Markdown.
            Block::Heading { level: 1, text } if index == 0 && top_headings == 1 => {
                builder.title_or_heading(&text, 1);
            }
            Block::Heading { level, text } => builder.heading(&text, level),
            Block::Paragraph(text) => builder.paragraph(text),
        }
    }
    if let Some(title) = page_title(&page) {
        builder.title_if_none(&title);
    }
    Ok(builder.finish())
}

/// An upper bound on how deep the page's elements nest, from its tags alone: each start tag
/// opens a level and each end tag closes one, except the elements that never hold others
/// (`br`, `img`…) or close themselves (`p`, `li`…). Comments are skipped; a `<` inside a
/// script can only make the estimate larger, never hide depth.
fn nesting_estimate(text: &str) -> usize {
    const NEVER_NEST: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "!doctype",
    ];
    let bytes = text.as_bytes();
    let (mut depth, mut deepest) = (0_usize, 0_usize);
    let mut position = 0;
    while let Some(offset) = bytes
        .get(position..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        position += offset + 1;
        let rest = bytes.get(position..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            let end = text.get(position..).and_then(|rest| rest.find("-->"));
            position = end.map_or(bytes.len(), |end| position + end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name: String = rest
            .iter()
            .skip(usize::from(closing))
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!')
            .take(16)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
        if name.is_empty() || NEVER_NEST.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The element holding the article, and whether it is one (`article`/`main`) rather than
/// the whole page.
fn article_body(page: &Html) -> (Option<ElementRef<'_>>, bool) {
    let text_length = |element: &ElementRef<'_>| element.text().map(str::len).sum::<usize>();
    let longest = |selector: &str| {
        Selector::parse(selector)
            .ok()
            .and_then(|selector| page.select(&selector).max_by_key(text_length))
    };
    if let Some(article) = longest("article") {
        return (Some(article), true);
    }
    if let Some(main) = longest("main, [role=main]") {
        return (Some(main), true);
    }
    (longest("body"), false)
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
        .or_else(|| first("title").map(|title| title.text().collect::<String>()))
        .map(|title| collapse_white_space(&title))
        .filter(|title| !title.is_empty())
}

enum Block {
    Heading { level: u8, text: String },
    Paragraph(String),
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
    /// The cells of the table row being read.
    row: Option<Vec<String>>,
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
                                || element.attr("aria-hidden") == Some("true");
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
        if let Some(level) = heading_level(name) {
            self.flush();
            self.heading = Some(level);
            return;
        }
        match name {
            "br" => self.buffer.push(' '),
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
                        *next += 1;
                        marker
                    }
                    Some(ListMarker::Bullet) | None => "- ".to_owned(),
                };
                self.prefix = format!("{}{marker}", "  ".repeat(depth));
            }
            "tr" => {
                self.flush();
                self.row = Some(Vec::new());
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
                if let Some(row) = &mut self.row {
                    row.push(cell);
                } else if !cell.is_empty() {
                    self.blocks.push(Block::Paragraph(cell));
                }
            }
            "tr" => {
                self.flush();
                if let Some(row) = self.row.take() {
                    let cells: Vec<String> = row.into_iter().filter(|c| !c.is_empty()).collect();
                    if !cells.is_empty() {
                        self.blocks.push(Block::Paragraph(cells.join(" | ")));
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
        if let Some(row) = &mut self.row {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(outline: &ArticleOutline) -> Vec<&str> {
        outline
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect()
    }

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
        assert_eq!(headings(&outline), ["Costs"]);
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
        assert_eq!(headings(&outline), ["One"]);
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
