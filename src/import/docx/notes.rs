//! Footnotes and endnotes (`word/footnotes.xml`, `word/endnotes.xml`) by id.
//!
//! Their text is shown where a reader of the printed page finds it: a "[1]" marker at the
//! reference and the note as a paragraph "[1] …" at the end of the section that cites it.

use std::collections::HashMap;

use super::inline::paragraph_plain_text;
use super::xml::Element;

/// The text of each note, by its `w:id`.
#[derive(Clone, Debug, Default)]
pub struct NoteTexts {
    by_id: HashMap<String, String>,
}

impl NoteTexts {
    /// From a `w:footnotes` or `w:endnotes` root; the separator "notes" Word keeps for its
    /// own layout are left out.
    pub fn from_xml(root: &Element) -> Self {
        let by_id = root
            .elements()
            .filter(|note| note.name == "footnote" || note.name == "endnote")
            .filter(|note| note.attr("type").is_none_or(|t| t == "normal"))
            .filter_map(|note| {
                let text = note
                    .children_named("p")
                    .map(|p| paragraph_plain_text(p).trim().to_owned())
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                Some((note.attr("id")?.to_owned(), text))
            })
            .collect();
        Self { by_id }
    }

    pub fn text(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::docx::archive::Limits;
    use crate::import::docx::xml;

    #[test]
    fn notes_by_id_without_separators() {
        let root = xml::parse(
            "word/footnotes.xml",
            br#"<w:footnotes xmlns:w="w">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> My </w:t></w:r><w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:r><w:t>note.</w:t></w:r></w:p><w:p><w:r><w:t>Second.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"#,
            &Limits::DEFAULT,
        )
        .unwrap();
        let notes = NoteTexts::from_xml(&root);
        assert_eq!(notes.text("1"), Some("My note. Second."));
        assert_eq!(notes.text("-1"), None);
    }
}
