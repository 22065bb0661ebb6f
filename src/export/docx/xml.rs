//! Text as WordprocessingML holds it: escaped, and a run of it.

use std::fmt::Write as _;

/// XML text with the five special characters escaped and the characters XML 1.0 cannot hold
/// (control characters a pasted draft may carry) left out.
pub(super) fn xml_text(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect();
    quick_xml::escape::escape(allowed.as_str()).into_owned()
}

pub(super) fn run_xml(out: &mut String, text: &str) {
    if !text.is_empty() {
        let _ = write!(
            out,
            r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
            xml_text(text)
        );
    }
}
