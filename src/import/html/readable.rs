//! The article of a full web page, as a reader mode shows it: Mozilla's Readability algorithm
//! (the `dom_smoothie` port) scores the page's blocks by their text, links and names and keeps
//! the story, leaving out photo-gallery controls, related-story teasers, share boxes,
//! comments and the like. Measured on Readability's own test pages (`cargo bench --
//! webpages`, docs/PERFORMANCE.md).
//!
//! Only called once the page has passed copydesk's own limits (size, nesting depth), so the
//! third-party parser never sees a page built to stall it.

use dom_smoothie::{Config, Readability};

/// Below this many characters of article text Readability's statistics say little (its own
/// threshold): a short page or a CMS fragment is read by copydesk's own rules instead.
const MIN_ARTICLE_CHARS: usize = 500;

/// More elements than any article page has (the largest test pages have some 20,000): past
/// this Readability's scoring would take long, and the page is read by copydesk's own
/// linear walk instead.
const MAX_ELEMENTS: usize = 100_000;

/// Deeper than article pages nest (with it, none of Readability's 130 test pages reads
/// differently); past it Readability's scoring slows sharply, so the page is read by
/// copydesk's own linear walk instead.
pub(super) const MAX_READABLE_NESTING: usize = 128;

/// The article Readability found: its HTML and the page's title as it reads it.
pub(super) struct ReadableArticle {
    pub(super) html: String,
    pub(super) title: String,
    /// The `dir` of the article or the nearest element around it that has one.
    pub(super) dir: Option<String>,
}

/// The page's article, or `None` when Readability finds none worth trusting.
pub(super) fn readable_article(page: &str) -> Option<ReadableArticle> {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut readability = Readability::new(page, None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    if article.text_content.trim().chars().count() < MIN_ARTICLE_CHARS {
        return None;
    }
    Some(ReadableArticle {
        html: article.content.to_string(),
        title: article.title,
        dir: article.dir,
    })
}
