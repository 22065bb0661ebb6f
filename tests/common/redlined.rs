//! Redlined Word drafts made to measure: one section whose paragraph carries any number of
//! tracked changes by two authors, each dated by Word a minute after the one before — the
//! draft of issue 17 that brought 219 of them.

use jiff::Timestamp;

use super::zip_of;

pub const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml""#;

/// A style sheet naming `Heading1` a heading.
pub const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>"#;

/// Who made the `index`th change: Bea Writer one in three, Cal Editor the others.
pub fn change_author(index: usize) -> &'static str {
    if index.is_multiple_of(3) {
        "Bea Writer"
    } else {
        "Cal Editor"
    }
}

/// The date Word gives the `index`th change of [`redlined_runs`].
pub fn change_date(index: usize) -> Timestamp {
    Timestamp::from_second(1_714_550_400 + 60 * i64::try_from(index).unwrap()).unwrap()
}

/// The runs of a paragraph holding `changes` tracked changes, kept apart by plain words so
/// that none runs into the next: even ones insert “added{index}”, odd ones delete
/// “removed{index}”, after the kept word “kept{index}”.
pub fn redlined_runs(changes: usize) -> String {
    let mut runs = String::new();
    for index in 0..changes {
        let author = change_author(index);
        let date = change_date(index);
        let change = if index.is_multiple_of(2) {
            format!(
                r#"<w:ins w:id="{index}" w:author="{author}" w:date="{date}"><w:r><w:t xml:space="preserve">added{index} </w:t></w:r></w:ins>"#
            )
        } else {
            format!(
                r#"<w:del w:id="{index}" w:author="{author}" w:date="{date}"><w:r><w:delText xml:space="preserve">removed{index} </w:delText></w:r></w:del>"#
            )
        };
        runs.push_str(&format!(
            r#"<w:r><w:t xml:space="preserve">kept{index} </w:t></w:r>{change}"#
        ));
    }
    runs
}

/// A document headed “The story” (its title) with these paragraphs as its one section.
pub fn document_of(paragraphs: &str) -> String {
    format!(
        r#"<w:document {W_NS}><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>The story</w:t></w:r></w:p>{paragraphs}</w:body></w:document>"#
    )
}

/// A .docx of one paragraph with `changes` tracked changes.
pub fn redlined_docx(changes: usize) -> Vec<u8> {
    let document = document_of(&format!("<w:p>{}</w:p>", redlined_runs(changes)));
    zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", STYLES.as_bytes()),
    ])
}
