//! Sections from Markdown, parsed by pulldown-cmark (CommonMark, with GFM tables, task
//! lists, footnotes and front matter).
//!
//! ATX (`## Heading`) and setext (underlined) headings start sections; inline markup is
//! flattened to the text a reader sees (emphasis dropped, links reduced to their text,
//! images to their alt text); lists keep their markers so items stay readable.

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::ArticleOutline;
use super::outline::{Block, OutlineBuilder};

pub fn outline_from_markdown(text: &str) -> ArticleOutline {
    let mut reader = BlockReader::default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_DEFINITION_LIST;
    for event in Parser::new_ext(text, options) {
        reader.event(event);
    }
    reader.flush();

    let mut builder = OutlineBuilder::default();
    if let Some(title) = &reader.front_matter_title {
        builder.set_title(title);
    }
    builder.blocks(reader.blocks);
    builder.finish()
}

#[derive(Default)]
struct BlockReader {
    blocks: Vec<Block>,
    buffer: String,
    /// Put before the next paragraph: a list marker or a footnote label.
    prefix: String,
    /// For each open list, the number of its next item (`None` for a bulleted list).
    lists: Vec<Option<u64>>,
    in_heading: bool,
    in_code_block: bool,
    in_html_block: bool,
    metadata: Option<MetadataBlockKind>,
    /// The front matter's text, which the parser may hand over in several pieces.
    front_matter: String,
    front_matter_title: Option<String>,
}

impl BlockReader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if self.metadata.is_some() {
                    self.front_matter.push_str(&text);
                } else if !self.in_html_block {
                    self.buffer.push_str(&text);
                }
            }
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.buffer.push_str(&text);
            }
            Event::FootnoteReference(label) => {
                self.buffer.push('[');
                self.buffer.push_str(&label);
                self.buffer.push(']');
            }
            Event::SoftBreak => self.buffer.push(' '),
            Event::HardBreak | Event::Rule => self.flush(),
            Event::TaskListMarker(done) => self.buffer.push_str(if done { "☑ " } else { "☐ " }),
            Event::Html(_) | Event::InlineHtml(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { .. } => {
                self.flush();
                self.in_heading = true;
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(first);
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        *number += 1;
                        format!("{}. ", *number - 1)
                    }
                    _ => "• ".to_owned(),
                };
                self.prefix = format!("{}{marker}", "  ".repeat(depth));
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.prefix = format!("[{label}] ");
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.in_code_block = true;
            }
            Tag::HtmlBlock => {
                self.flush();
                self.in_html_block = true;
            }
            Tag::MetadataBlock(kind) => self.metadata = Some(kind),
            Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {
                // A paragraph inside a list item keeps the item's marker.
                if !self.buffer.trim().is_empty() {
                    self.flush();
                }
            }
            Tag::TableCell
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. } => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                let text = collapse_whitespace(&std::mem::take(&mut self.buffer));
                self.in_heading = false;
                if !text.is_empty() {
                    self.blocks.push(Block::Heading {
                        level: level_number(level),
                        text,
                    });
                }
            }
            TagEnd::List(_) => {
                self.flush();
                self.prefix.clear();
                self.lists.pop();
            }
            TagEnd::CodeBlock => {
                let code = std::mem::take(&mut self.buffer);
                for line in code.lines().filter(|l| !l.trim().is_empty()) {
                    self.blocks
                        .push(Block::Paragraph(line.trim_end().to_owned()));
                }
                self.in_code_block = false;
            }
            TagEnd::HtmlBlock => self.in_html_block = false,
            TagEnd::MetadataBlock(kind) => {
                self.front_matter_title = title_from_front_matter(&self.front_matter, kind);
                self.metadata = None;
            }
            TagEnd::TableCell => self.buffer.push_str(" | "),
            TagEnd::TableRow | TagEnd::TableHead => {
                let row = self
                    .buffer
                    .trim_end()
                    .trim_end_matches('|')
                    .trim_end()
                    .to_owned();
                self.buffer = row;
                self.flush();
            }
            // An empty item or footnote must not hand its marker to the next paragraph.
            TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.flush();
                self.prefix.clear();
            }
            TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::Table
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.flush(),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image => {}
        }
    }

    /// Ends the current paragraph.
    fn flush(&mut self) {
        if self.in_heading || self.in_code_block {
            return;
        }
        let text = collapse_whitespace(&std::mem::take(&mut self.buffer));
        if text.is_empty() {
            return;
        }
        let prefix = std::mem::take(&mut self.prefix);
        self.blocks
            .push(Block::Paragraph(format!("{prefix}{text}")));
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Runs of white space (from soft breaks and indentation) become one space.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `title` of YAML (`title: …`) or TOML (`title = …`) front matter.
fn title_from_front_matter(front_matter: &str, kind: MetadataBlockKind) -> Option<String> {
    let separator = match kind {
        MetadataBlockKind::YamlStyle => ':',
        MetadataBlockKind::PlusesStyle => '=',
    };
    front_matter.lines().find_map(|line| {
        let (key, value) = line.split_once(separator)?;
        if key.trim() != "title" {
            return None;
        }
        let value = value.trim().trim_matches(['"', '\'']).trim();
        (!value.is_empty()).then(|| value.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atx_and_setext_headings_start_sections() {
        let outline = outline_from_markdown(
            "Lede with *emphasis* and a [link](https://example.org).\n\n## First\n\nBody **one**.\n\nSecond\n------\n\nBody `two`.\n",
        );
        assert_eq!(outline.headings(), ["First", "Second"]);
        assert_eq!(
            outline.sections[0].paragraphs,
            ["Lede with emphasis and a link."]
        );
        assert_eq!(outline.sections[1].level, 2);
        assert_eq!(outline.sections[2].paragraphs, ["Body two."]);
    }

    #[test]
    fn front_matter_is_skipped_and_gives_the_title() {
        let outline = outline_from_markdown(
            "---\ntitle: \"Budget Story\"\nauthor: Jo\n---\n\nThe council voted.\n\n# Details\n\nMore.\n",
        );
        assert_eq!(outline.title.as_deref(), Some("Budget Story"));
        assert_eq!(outline.sections[0].paragraphs, ["The council voted."]);
        assert_eq!(outline.headings(), ["Details"]);
    }

    #[test]
    fn a_lone_top_heading_is_the_title() {
        let outline = outline_from_markdown("# The Headline\n\nLede.\n\n## Part\n\nText.\n");
        assert_eq!(outline.title.as_deref(), Some("The Headline"));
        assert_eq!(outline.sections[0].heading, None);
        assert_eq!(outline.headings(), ["Part"]);
    }

    #[test]
    fn several_top_headings_are_all_sections() {
        let outline = outline_from_markdown("# One\n\nA.\n\n# Two\n\nB.\n");
        assert_eq!(outline.title, None);
        assert_eq!(outline.headings(), ["One", "Two"]);
    }

    #[test]
    fn lists_tables_and_code_stay_readable() {
        let outline = outline_from_markdown(
            "Intro.\n\n- apples\n- pears\n  1. ripe\n\n| City | Riders |\n|---|---|\n| Lyon | 4,000 |\n\n```\nlet x = 1;\n```\n\n<div>hidden html</div>\n",
        );
        assert_eq!(
            outline.sections[0].paragraphs,
            [
                "Intro.",
                "• apples",
                "• pears",
                "  1. ripe",
                "City | Riders",
                "Lyon | 4,000",
                "let x = 1;"
            ]
        );
    }

    #[test]
    fn front_matter_with_windows_line_ends_still_gives_the_title() {
        let outline =
            outline_from_markdown("---\r\ntitle: Budget\r\nauthor: Jo\r\n---\r\n\r\nText.\r\n");
        assert_eq!(outline.title.as_deref(), Some("Budget"));
        assert_eq!(outline.sections[0].paragraphs, ["Text."]);
    }

    #[test]
    fn an_empty_list_item_does_not_mark_the_next_paragraph() {
        let outline = outline_from_markdown("-\n\nNext paragraph.\n\n[^1]:\n\nAfter.\n");
        assert_eq!(
            outline.sections[0].paragraphs,
            ["Next paragraph.", "After."]
        );
    }

    #[test]
    fn unicode_and_typographic_quotes_survive() {
        let outline = outline_from_markdown("«Bonjour» — “quoted” العربية\n");
        assert_eq!(
            outline.sections[0].paragraphs,
            ["«Bonjour» — “quoted” العربية"]
        );
    }
}
