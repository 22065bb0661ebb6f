//! Which element of the page is the article, and what is never article text: a story is read
//! from its `article` or `main` rather than the whole page, so the site's navigation and
//! sidebars stay out of the review.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never article text.
pub(super) const LEFT_OUT: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "button", "select", "textarea", "input",
    "label", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio", "head",
    "dialog",
];

/// Left out as well when the body is the whole page rather than an article: the site's
/// masthead, sidebars and footer.
pub(super) const PAGE_FURNITURE: &[&str] = &["header", "footer", "aside"];

/// The element holding the article, and whether it is one (`article`/`main`) rather than
/// the whole page.
pub(super) fn article_body(page: &Html) -> (Option<ElementRef<'_>>, bool) {
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
