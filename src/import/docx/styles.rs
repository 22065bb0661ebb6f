//! Which paragraphs are headings and which is the title, from `word/styles.xml`, and which
//! read right to left because their style says so (`w:bidi`).
//!
//! A paragraph names its style by id, and ids are not names: a German Word writes
//! `berschrift1`, a Russian one `1`, for the style named "heading 1". So a style is judged
//! by its name ("heading 1", "Heading 1", "Title") or by its outline level, following
//! `w:basedOn` to the styles it inherits from. An id styles.xml does not define is an
//! ordinary paragraph, as in Word.

use std::collections::HashMap;

use super::xml::Element;
use crate::bidi::Direction;

/// What a paragraph is, by its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParagraphRole {
    Title,
    Heading(u8),
    Body,
}

#[derive(Clone, Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline_level: Option<u8>,
    numbering: Option<(String, u8)>,
    direction: Option<Direction>,
}

#[derive(Clone, Debug, Default)]
pub struct Styles {
    /// Paragraph styles by id; `None` when the document has no styles.xml at all.
    by_id: Option<HashMap<String, Style>>,
    /// The style of paragraphs that name none (`w:default="1"`).
    default_id: Option<String>,
    /// The direction `w:docDefaults` gives every paragraph, if it gives one.
    default_direction: Option<Direction>,
}

/// Word's outline level 9 means "body text"; 0–8 are heading levels 1–9.
const BODY_TEXT_OUTLINE_LEVEL: u8 = 9;

/// How many `basedOn` links are followed (a loop in a damaged file must end).
const MAX_INHERITANCE: usize = 16;

impl Styles {
    pub fn from_xml(root: &Element) -> Self {
        let by_id = root
            .children_named("style")
            .filter(|s| s.attr("type").is_none_or(|t| t == "paragraph"))
            .filter_map(|s| {
                let id = s.attr("styleId")?.to_owned();
                let numbering = s.child("pPr").and_then(numbering_from_paragraph_properties);
                let direction = s.child("pPr").and_then(direction_from_paragraph_properties);
                Some((
                    id,
                    Style {
                        name: s.child_val("name").unwrap_or_default().to_owned(),
                        based_on: s.child_val("basedOn").map(str::to_owned),
                        outline_level: s
                            .child("pPr")
                            .and_then(|p| p.child_val("outlineLvl"))
                            .and_then(|v| v.parse().ok()),
                        numbering,
                        direction,
                    },
                ))
            })
            .collect();
        let default_id = root
            .children_named("style")
            .find(|s| {
                s.attr("type").is_none_or(|t| t == "paragraph")
                    && matches!(s.attr("default"), Some("1" | "true" | "on"))
            })
            .and_then(|s| s.attr("styleId"))
            .map(str::to_owned);
        let default_direction = root
            .child("docDefaults")
            .and_then(|d| d.child("pPrDefault"))
            .and_then(|d| d.child("pPr"))
            .and_then(direction_from_paragraph_properties);
        Self {
            by_id: Some(by_id),
            default_id,
            default_direction,
        }
    }

    /// The direction a paragraph with style `style_id` gets from its style (or, naming
    /// none, the default paragraph style) and the document's defaults; `None` when they say
    /// nothing.
    pub fn direction(&self, style_id: Option<&str>) -> Option<Direction> {
        let by_id = self.by_id.as_ref()?;
        style_id
            .or(self.default_id.as_deref())
            .and_then(|id| {
                self.inheritance(by_id, id)
                    .find_map(|style| style.direction)
            })
            .or(self.default_direction)
    }

    /// The role of a paragraph with style `style_id` and its own outline level, if any.
    pub fn role(&self, style_id: Option<&str>, own_outline_level: Option<u8>) -> ParagraphRole {
        if let Some(level) = own_outline_level {
            return role_from_outline_level(level);
        }
        let Some(id) = style_id else {
            return ParagraphRole::Body;
        };
        let Some(by_id) = &self.by_id else {
            // Without styles.xml only the id is left to go by.
            return role_from_style_name(id).unwrap_or(ParagraphRole::Body);
        };
        for style in self.inheritance(by_id, id) {
            if let Some(role) = role_from_style_name(&style.name) {
                return role;
            }
            if let Some(level) = style.outline_level {
                return role_from_outline_level(level);
            }
        }
        ParagraphRole::Body
    }

    /// The list numbering a style gives its paragraphs (`numId`, level), if any.
    pub fn numbering(&self, style_id: &str) -> Option<(String, u8)> {
        let by_id = self.by_id.as_ref()?;
        self.inheritance(by_id, style_id)
            .find_map(|style| style.numbering.clone())
    }

    fn inheritance<'s>(
        &'s self,
        by_id: &'s HashMap<String, Style>,
        id: &str,
    ) -> impl Iterator<Item = &'s Style> {
        let mut next = by_id.get(id);
        std::iter::from_fn(move || {
            let style = next?;
            next = style.based_on.as_deref().and_then(|b| by_id.get(b));
            Some(style)
        })
        .take(MAX_INHERITANCE)
    }
}

/// The (`numId`, `ilvl`) of a `w:pPr` that has `w:numPr`.
pub fn numbering_from_paragraph_properties(properties: &Element) -> Option<(String, u8)> {
    let numbering = properties.child("numPr")?;
    let id = numbering.child_val("numId")?.to_owned();
    let level = numbering
        .child_val("ilvl")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id, level))
}

/// What a `w:pPr` says of its paragraph's direction: `w:bidi` (on unless its value says
/// off) is right to left, `w:bidi w:val="0"` left to right, no `w:bidi` nothing.
pub fn direction_from_paragraph_properties(properties: &Element) -> Option<Direction> {
    let bidi = properties.child("bidi")?;
    Some(match bidi.attr("val") {
        Some("0" | "false" | "off") => Direction::LeftToRight,
        _ => Direction::RightToLeft,
    })
}

fn role_from_outline_level(level: u8) -> ParagraphRole {
    if level < BODY_TEXT_OUTLINE_LEVEL {
        ParagraphRole::Heading(level + 1)
    } else {
        ParagraphRole::Body
    }
}

/// "heading 2", "Heading 2", "Heading2" → level 2; "Title" → the title.
fn role_from_style_name(name: &str) -> Option<ParagraphRole> {
    let squeezed: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if squeezed == "title" {
        return Some(ParagraphRole::Title);
    }
    let level: u8 = squeezed.strip_prefix("heading")?.parse().ok()?;
    (1..=9)
        .contains(&level)
        .then_some(ParagraphRole::Heading(level))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::docx::archive::Limits;
    use crate::import::docx::xml;

    fn styles(xml_text: &str) -> Styles {
        Styles::from_xml(
            &xml::parse("word/styles.xml", xml_text.as_bytes(), &Limits::DEFAULT).unwrap(),
        )
    }

    const STYLES: &str = r#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Überschrift 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My heading"/><w:basedOn w:val="berschrift2"/></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="character" w:styleId="10"><w:name w:val="heading 1 Char"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
<w:style w:type="paragraph" w:styleId="Bullets"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
</w:styles>"#;

    #[test]
    fn headings_are_found_by_name_and_outline_level_not_by_id() {
        let styles = styles(STYLES);
        assert_eq!(styles.role(Some("1"), None), ParagraphRole::Heading(1));
        assert_eq!(
            styles.role(Some("berschrift2"), None),
            ParagraphRole::Heading(2)
        );
        assert_eq!(
            styles.role(Some("Mine"), None),
            ParagraphRole::Heading(2),
            "inherited"
        );
        assert_eq!(styles.role(Some("Titel"), None), ParagraphRole::Title);
        assert_eq!(styles.role(Some("a"), None), ParagraphRole::Body);
        assert_eq!(
            styles.role(Some("10"), None),
            ParagraphRole::Body,
            "a character style"
        );
        assert_eq!(
            styles.role(Some("Heading7"), None),
            ParagraphRole::Body,
            "undefined id"
        );
        assert_eq!(styles.role(Some("Loop"), None), ParagraphRole::Body);
        assert_eq!(styles.role(Some("a"), Some(2)), ParagraphRole::Heading(3));
        assert_eq!(styles.role(Some("1"), Some(9)), ParagraphRole::Body);
        assert_eq!(styles.numbering("Bullets"), Some(("7".to_owned(), 0)));
    }

    #[test]
    fn a_style_or_the_defaults_can_make_paragraphs_right_to_left() {
        let styles = styles(
            r#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:bidi/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="English"><w:name w:val="English"/><w:pPr><w:bidi w:val="0"/></w:pPr></w:style>
</w:styles>"#,
        );
        assert_eq!(styles.direction(None), Some(Direction::RightToLeft));
        assert_eq!(
            styles.direction(Some("Quote")),
            Some(Direction::RightToLeft),
            "inherited"
        );
        assert_eq!(
            styles.direction(Some("English")),
            Some(Direction::LeftToRight)
        );
        let defaults =
            styles_from_defaults(r#"<w:pPrDefault><w:pPr><w:bidi/></w:pPr></w:pPrDefault>"#);
        assert_eq!(
            defaults.direction(Some("Any")),
            Some(Direction::RightToLeft)
        );
        assert_eq!(Styles::default().direction(None), None);
    }

    fn styles_from_defaults(defaults: &str) -> Styles {
        styles(&format!(
            r#"<w:styles xmlns:w="w"><w:docDefaults>{defaults}</w:docDefaults></w:styles>"#
        ))
    }

    #[test]
    fn without_styles_xml_the_id_is_all_there_is() {
        let styles = Styles::default();
        assert_eq!(
            styles.role(Some("Heading3"), None),
            ParagraphRole::Heading(3)
        );
        assert_eq!(styles.role(Some("Title"), None), ParagraphRole::Title);
        assert_eq!(styles.role(Some("1"), None), ParagraphRole::Body);
    }
}
