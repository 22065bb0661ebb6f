//! Web pages (a saved article, a CMS export): the article body, its headings, paragraphs,
//! lists, quotes and tables; scripts, styles, navigation, forms and the page around the story
//! left out.
//!
//! A page is first checked against copydesk's own limits (size before decoding, nesting depth
//! here), so no parser sees a page built to stall it. Then Readability (`readable`) picks the
//! article out of a full page, as a browser's reader mode does; a short page, a fragment, or a
//! page it finds no article in is read by copydesk's own rules: the `article` with the most
//! text, else `main`, else `body` (`body`). Either way the chosen HTML is parsed by html5ever
//! (through `scraper`), the HTML5 parser browsers follow, and walked iteratively into blocks
//! (`blocks`), so a page nested a hundred thousand levels deep is read like any other.
//!
//! The pieces: the page's encoding (`encoding`), the depth pre-scan (`nesting`), Readability
//! (`readable`), copydesk's own body choice and what is left out of it (`body`), the walk
//! into blocks (`blocks`) and the direction each paragraph keeps (`direction`); this file ties
//! them together and finds the page's title.

mod blocks;
mod body;
mod direction;
mod encoding;
mod nesting;
mod readable;
#[cfg(test)]
mod tests;

use scraper::{Html, Selector};
use thiserror::Error;

use super::ArticleOutline;
use super::outline::OutlineBuilder;
use body::{LEFT_OUT, PAGE_FURNITURE, article_body};
pub(super) use encoding::text_from_page_bytes;
use nesting::nesting_estimate;
use readable::readable_article;

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
    let nesting = nesting_estimate(text);
    if nesting > MAX_NESTING {
        return Err(HtmlError::TooDeep);
    }
    let mut builder = OutlineBuilder::default();
    // Readability's scoring grows much faster than linearly with depth (721 nested lists took
    // 16 s): a page nested deeper than any article is read by copydesk's own linear walk.
    let readable = (nesting <= readable::MAX_READABLE_NESTING)
        .then(|| readable_article(text))
        .flatten();
    if let Some(article) = readable {
        let content = Html::parse_document(&article.html);
        let body = Selector::parse("body")
            .ok()
            .and_then(|body| content.select(&body).next());
        // Readability's copy of the article drops what was around it (`<html dir>`) but says
        // which direction it read.
        let around = article
            .dir
            .as_deref()
            .and_then(direction::direction_from_attribute)
            .flatten();
        builder.blocks(blocks::blocks_from_body(body, LEFT_OUT.to_vec(), around));
        builder.title_if_none(&collapse_white_space(&article.title));
        return Ok(builder.finish());
    }
    // A short page or fragment, or one Readability finds no article in: the `article`, `main`
    // or body by copydesk's own rules.
    let page = Html::parse_document(text);
    let (body, is_article) = article_body(&page);
    let left_out = if is_article {
        LEFT_OUT.to_vec()
    } else {
        [LEFT_OUT, PAGE_FURNITURE].concat()
    };
    let around = body.and_then(direction::inherited_direction);
    builder.blocks(blocks::blocks_from_body(body, left_out, around));
    if let Some(title) = page_title(&page) {
        builder.title_if_none(&title);
    }
    Ok(builder.finish())
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

/// HTML white space as a browser shows it: any run is one space. A no-break space stays.
fn collapse_white_space(text: &str) -> String {
    text.split([' ', '\t', '\n', '\r', '\u{c}'])
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
