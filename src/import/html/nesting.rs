//! The depth pre-scan: how deep a page would nest, read from its tags before it is parsed,
//! because the HTML5 tree builder's time grows with the square of the depth and a page built
//! to be deep would stall the import.

use super::MAX_NESTING;

/// How deep the parser will nest the page's elements, read from its tags alone, the way the
/// parser reads them: an end tag closes the innermost open element of its name and everything
/// inside it, and closes nothing when no such element is open; elements that hold nothing
/// (`br`, `img`…) or close themselves (`p`, `li`…) do not count; `/>` closes an element only
/// inside SVG and MathML, as in HTML; comments and the text of scripts and styles are skipped.
pub(super) fn nesting_estimate(text: &str) -> usize {
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
