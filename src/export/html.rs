//! What the two HTML exports share: escaping, the only links they make, each element's
//! direction, the page around the content and the stylesheet.
//!
//! Direction: the page reads the way most of the article does (`<html dir>`); every element
//! holding the article's words or a reviewer's (a paragraph, a heading, a quote, a comment)
//! says its own direction from its first strong letter, and every line of copydesk's English
//! labels says `ltr`, so each reads right whichever way the page and the card around it go. A
//! name or a title inside a line of labels is isolated (`<bdi>`), so a Hebrew name does not
//! pull the label's punctuation to its side. The stylesheets use logical sides (`inline-start`),
//! so borders, indents and margin notes follow the direction.
//!
//! The pages are sent by e-mail and opened years later, so they are self-contained: no
//! scripts, no fonts, no images, no external style sheets; the only links are the sources'
//! http(s) addresses and anchors inside the page.

use std::fmt::Write as _;

use crate::bidi::{
    Direction, has_right_to_left, main_direction, paragraph_ranges, strong_direction,
};
use crate::model::{ClaimStatus, Passage, Project, ReviewStatus};

/// The `dir` of a line of copydesk's own (English) words.
pub const LABEL_DIR: &str = " dir=\"ltr\"";

/// The `dir` attribute (with its leading space) of an element holding `text`: its first
/// strong letter's direction; nothing for text with none, which reads the way around it does.
pub fn dir_attribute(text: &str) -> &'static str {
    match strong_direction(text) {
        Some(Direction::RightToLeft) => " dir=\"rtl\"",
        Some(Direction::LeftToRight) => " dir=\"ltr\"",
        None => "",
    }
}

/// The `dir` of a mark's quote: the direction of the paragraph its words are in, since a quote
/// cut from a right-to-left paragraph may open with a Latin word ("CNN نقلت") and must still
/// read right to left; a quote whose words are not in `section_text` any more, its own.
pub fn quote_dir_attribute(section_text: &str, passage: &Passage) -> &'static str {
    let length = passage.end.saturating_sub(passage.start);
    let in_place = !passage.quote.is_empty()
        && section_text
            .chars()
            .skip(passage.start)
            .take(length)
            .eq(passage.quote.chars());
    let paragraph = paragraph_ranges(section_text)
        .into_iter()
        .find(|range| range.contains(&passage.start))
        .filter(|_| in_place);
    match paragraph {
        Some(range) => {
            let paragraph: String = section_text
                .chars()
                .skip(range.start)
                .take(range.len())
                .collect();
            dir_attribute(&paragraph)
        }
        None => dir_attribute(&passage.quote),
    }
}

/// `text` escaped, and isolated (`<bdi>`) when it holds right-to-left letters: a name or a
/// title inside a line of labels.
pub fn isolated_html(text: &str) -> String {
    if has_right_to_left(text) {
        format!("<bdi>{}</bdi>", escape_html(text))
    } else {
        escape_html(text)
    }
}

/// The direction the article reads in as a whole: its title, headings and paragraphs.
pub fn article_direction(project: &Project) -> Direction {
    let mut text = project.title.clone();
    for section in &project.sections {
        if let Some(heading) = &section.heading {
            text.push('\n');
            text.push_str(heading);
        }
        text.push('\n');
        text.push_str(&section.text);
    }
    main_direction(&text)
}

/// `text` safe to put in HTML, in element content or in a double-quoted attribute (the only
/// kind these pages write). Control characters a pasted draft may carry, which HTML does not
/// allow, are left out.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            _ if c.is_control() => {}
            _ => out.push(c),
        }
    }
    out
}

/// The address when it is a web address (http or https), the only kind the exports link to:
/// anything else (`javascript:`, `file:`, a bare word) is shown as text.
pub fn web_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme_end = url.find("://")?;
    let scheme = &url[..scheme_end];
    let is_web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let has_host = url.len() > scheme_end + 3;
    (is_web && has_host && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(url)
}

/// A source's title linked to its address when that is a web address; otherwise the title
/// and the address as text.
pub fn source_label_html(title: &str, url: &str) -> String {
    let title = title.trim();
    match (title.is_empty(), web_url(url)) {
        (true, Some(url)) => format!("<a href=\"{0}\" class=\"url\">{0}</a>", escape_html(url)),
        (false, Some(url)) => format!(
            "<a href=\"{}\">{}</a>",
            escape_html(url),
            isolated_html(title)
        ),
        (true, None) if url.trim().is_empty() => "<em>Untitled source</em>".to_owned(),
        (true, None) => escape_html(url.trim()),
        (false, None) if url.trim().is_empty() => isolated_html(title),
        (false, None) => format!("{} ({})", isolated_html(title), escape_html(url.trim())),
    }
}

/// Paragraphs of a multi-line text (a comment body, a note) as `<p>` elements, each with its
/// direction.
pub fn paragraphs_html(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let _ = write!(out, "<p{}>{}</p>", dir_attribute(line), escape_html(line));
    }
    out
}

/// A badge whose words say the status; the colour only repeats it.
pub fn claim_status_badge_html(status: ClaimStatus) -> String {
    format!(
        "<span class=\"badge claim-{}\">{}</span>",
        status.key(),
        status.label()
    )
}

pub fn review_status_badge_html(status: ReviewStatus) -> String {
    format!(
        "<span class=\"badge review-{}\">{}</span>",
        status.key(),
        status.label()
    )
}

/// The whole page: `title` (escaped here) and `body` (already HTML), with the shared stylesheet
/// followed by `page_css`, reading in `direction` (left to right is HTML's own default, so
/// only `rtl` is written).
pub fn page_html(title: &str, page_css: &str, body: &str, direction: Direction) -> String {
    let dir = match direction {
        Direction::RightToLeft => " dir=\"rtl\"",
        Direction::LeftToRight => "",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"{dir}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{BASE_CSS}{page_css}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape_html(title)
    )
}

/// Typography, badges and print rules both pages use. No `url(` and no `@import`: the page
/// must not fetch anything.
const BASE_CSS: &str = r#":root { color-scheme: light; }
body {
  margin: 0 auto; padding: 2rem 1.25rem 4rem; max-width: 46rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1.0625rem; line-height: 1.6; color: #1f2328; background: #fff;
}
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .4rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.4rem 0 .6rem; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .5rem; }
p { margin: 0 0 .8rem; }
a { color: #0b5cad; }
.meta { color: #57606a; font-size: .95rem; }
.badge {
  display: inline-block; padding: 0 .5em; border: 1px solid currentColor; border-radius: .7em;
  font-size: .8rem; font-weight: 600; line-height: 1.5; white-space: nowrap; vertical-align: .1em;
}
.claim-needs_source, .review-unreviewed { color: #8a4600; background: #fff4e5; }
.claim-in_progress, .review-in_review { color: #0a4f95; background: #eaf3fd; }
.claim-verified, .review-approved { color: #1a6330; background: #e9f7ee; }
.claim-incorrect, .review-needs_changes { color: #a0111f; background: #fdecee; }
.claim-unverifiable { color: #5c4a00; background: #fbf6dc; }
blockquote.quote {
  margin: .4rem 0 .6rem; padding-block: .1rem; padding-inline: .8rem 0;
  border-inline-start: 3px solid #d0d7de;
  color: #32383f; font-style: italic;
}
.muted { color: #57606a; }
.warning { font-weight: 600; }
.warning::before { content: "⚠ "; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.45; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; word-break: break-all; }
  .badge { background: none !important; color: #000 !important; }
  h2, h3 { break-after: avoid; }
  @page { margin: 18mm 16mm; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_comes_out_as_text() {
        assert_eq!(
            escape_html("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;y&quot;"
        );
        // Control characters HTML does not allow are dropped; line breaks and tabs stay, and
        // so does right-to-left text.
        assert_eq!(
            escape_html("a\u{0}b\u{7}c\u{1b}[0m\td\ne \u{85}שלום"),
            "abc[0m\td\ne שלום"
        );
    }

    #[test]
    fn each_element_says_its_direction_and_the_page_the_article_s() {
        assert_eq!(dir_attribute("قالت CNN"), " dir=\"rtl\"");
        assert_eq!(dir_attribute("CNN قالت"), " dir=\"ltr\"");
        assert_eq!(dir_attribute("١٥/٠٣/2024"), "");
        assert_eq!(
            paragraphs_html("שלום עולם.\nHello.\n2024"),
            "<p dir=\"rtl\">שלום עולם.</p><p dir=\"ltr\">Hello.</p><p>2024</p>"
        );
        let text = "مقدمة\n\u{200F}CNN نقلت الخبر";
        let passage = Passage::from_section_text(text, 7..15).unwrap();
        assert_eq!(passage.quote, "CNN نقلت");
        assert_eq!(quote_dir_attribute(text, &passage), " dir=\"rtl\"");
        assert_eq!(quote_dir_attribute("other words", &passage), " dir=\"ltr\"");
        assert_eq!(isolated_html("Ann"), "Ann");
        assert_eq!(isolated_html("דנה <x>"), "<bdi>דנה &lt;x&gt;</bdi>");
        let page = page_html("t", "", "", Direction::RightToLeft);
        assert!(page.contains("<html lang=\"en\" dir=\"rtl\">"));
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(
            web_url(" https://example.org/a?b=1 "),
            Some("https://example.org/a?b=1")
        );
        assert_eq!(web_url("HTTP://example.org"), Some("HTTP://example.org"));
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("javascript://%0aalert(1)"), None);
        assert_eq!(web_url("file:///etc/passwd"), None);
        assert_eq!(web_url("https://"), None);
        assert_eq!(web_url("https://a b"), None);
        assert!(!source_label_html("Report", "javascript:alert(1)").contains("href"));
        assert_eq!(
            source_label_html("A \"quoted\" title", "https://e.org/?q=\"x\""),
            "<a href=\"https://e.org/?q=&quot;x&quot;\">A &quot;quoted&quot; title</a>"
        );
    }

    #[test]
    fn the_page_fetches_nothing() {
        let page = page_html("<T>", "", "<p>x</p>", Direction::LeftToRight);
        assert!(page.contains("<title>&lt;T&gt;</title>"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        for forbidden in ["<script", "url(", "@import", "src=", "<link"] {
            assert!(!page.contains(forbidden), "{forbidden}");
        }
    }
}
