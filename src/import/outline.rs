//! The shape every importer produces: a title and a list of headed sections.

/// An article as read from a file, before it becomes a [`crate::model::Project`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleOutline {
    /// The article's own title (a headline on the first line, a lone top heading, or a
    /// front-matter title), when it has one.
    pub title: Option<String>,
    pub sections: Vec<OutlineSection>,
    /// What the file says about its own text: Word comments and tracked changes.
    pub notes: Vec<OutlineNote>,
}

impl ArticleOutline {
    /// The section headings in order, for tests.
    #[cfg(test)]
    pub fn headings(&self) -> Vec<&str> {
        self.sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect()
    }
}

/// A note a file carries on a span of its text (a Word comment, a tracked change).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineNote {
    pub kind: crate::model::CommentOrigin,
    /// Index into [`ArticleOutline::sections`].
    pub section: usize,
    /// Character offsets into that section's text (its paragraphs joined by `\n`). An empty
    /// range puts the note on the whole section.
    pub range: std::ops::Range<usize>,
    pub author: String,
    pub created: Option<jiff::Timestamp>,
    pub body: String,
    pub replies: Vec<OutlineReply>,
    /// Marked done (resolved) in the file: Word's "Resolve" on a comment thread.
    pub resolved: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineReply {
    pub author: String,
    pub created: Option<jiff::Timestamp>,
    pub body: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutlineSection {
    pub heading: Option<String>,
    pub level: u8,
    pub paragraphs: Vec<String>,
}

/// A heading or a paragraph, as the Markdown and web page readers find them.
#[derive(Debug)]
pub enum Block {
    Heading { level: u8, text: String },
    Paragraph(String),
}

/// Collects headings and paragraphs in reading order.
#[derive(Debug, Default)]
pub struct OutlineBuilder {
    title: Option<String>,
    sections: Vec<OutlineSection>,
}

impl OutlineBuilder {
    pub fn set_title(&mut self, title: &str) {
        let title = title.trim();
        if !title.is_empty() {
            self.title = Some(title.to_owned());
        }
    }

    /// The title, unless the article already has one.
    pub fn title_if_none(&mut self, title: &str) {
        if self.title.is_none() {
            self.set_title(title);
        }
    }

    /// A heading that is the article's title if nothing came before it.
    pub fn title_or_heading(&mut self, text: &str, level: u8) {
        if self.title.is_none() && self.sections.is_empty() {
            self.set_title(text);
        } else {
            self.heading(text, level);
        }
    }

    /// Adds blocks in reading order. A lone top-level heading at the very start is the
    /// article's headline: its title, unless the article already has one.
    pub fn blocks(&mut self, blocks: Vec<Block>) {
        let top_headings = blocks
            .iter()
            .filter(|b| matches!(b, Block::Heading { level: 1, .. }))
            .count();
        for (index, block) in blocks.into_iter().enumerate() {
            match block {
                Block::Heading { level: 1, text } if index == 0 && top_headings == 1 => {
                    self.title_or_heading(&text, 1);
                }
                Block::Heading { level, text } => self.heading(&text, level),
                Block::Paragraph(text) => self.paragraph(text),
            }
        }
    }

    pub fn heading(&mut self, text: &str, level: u8) {
        self.sections.push(OutlineSection {
            heading: Some(text.trim().to_owned()),
            level: level.clamp(1, 6),
            paragraphs: Vec::new(),
        });
    }

    /// Adds a paragraph to the current section (the untitled opening before any heading).
    /// Line breaks inside it become spaces: one paragraph is one line of the section text.
    pub fn paragraph(&mut self, text: String) {
        let text = if text.contains(['\n', '\r']) {
            text.split(['\n', '\r'])
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            text
        };
        if text.trim().is_empty() {
            return;
        }
        if self.sections.is_empty() {
            self.sections.push(OutlineSection::default());
        }
        if let Some(section) = self.sections.last_mut() {
            section.paragraphs.push(text);
        }
    }

    pub fn finish(self) -> ArticleOutline {
        ArticleOutline {
            title: self.title,
            sections: self.sections,
            notes: Vec::new(),
        }
    }
}
