//! The document's own dates, from `docProps/core.xml`: what a tracked change or comment
//! Word wrote without a date (`w:date` is optional, and tools that write redlines often
//! leave it out) is dated by — the change was made by the time the document was last
//! saved — rather than by the moment it happened to be imported.

use jiff::Timestamp;

use super::changes::timestamp_from_word_date;
use super::xml::Element;

/// When the document was last saved, or else created, as its core properties (the root
/// of `docProps/core.xml`) say.
pub fn document_date(properties: &Element) -> Option<Timestamp> {
    ["modified", "created"].into_iter().find_map(|name| {
        properties
            .child(name)
            .and_then(|date| timestamp_from_word_date(&date.text()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::docx::archive::Limits;
    use crate::import::docx::xml::parse;

    fn core(properties: &str) -> Element {
        let text = format!(
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/">{properties}</cp:coreProperties>"#
        );
        parse("docProps/core.xml", text.as_bytes(), &Limits::DEFAULT).unwrap()
    }

    #[test]
    fn the_last_saved_date_else_the_created_one() {
        let both = core(
            "<dcterms:created>2024-04-30T08:00:00Z</dcterms:created><dcterms:modified>2024-05-02T17:30:00Z</dcterms:modified>",
        );
        assert_eq!(
            document_date(&both).map(|d| d.to_string()).as_deref(),
            Some("2024-05-02T17:30:00Z")
        );
        let created = core(
            "<dcterms:created>2024-04-30T08:00:00Z</dcterms:created><dcterms:modified>soon</dcterms:modified>",
        );
        assert_eq!(
            document_date(&created).map(|d| d.to_string()).as_deref(),
            Some("2024-04-30T08:00:00Z")
        );
        assert_eq!(document_date(&core("")), None);
    }
}
