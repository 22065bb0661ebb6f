//! The tabs of the right-hand panel: named here, apart from the state that remembers which
//! is shown and the commands that show one, so both can name them.

/// Which list the side panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SidePanel {
    /// The current section's comments and claims, as cards.
    #[default]
    Section,
    /// Every claim of the article, filterable and sortable.
    Claims,
    /// The suggested sentences nobody has decided yet.
    Suggestions,
    /// What the latest revised draft changed, and the marks it could not place for certain.
    Revision,
    /// What a merge of two reviewers' copies left for a person to settle.
    Conflicts,
    /// Every comment of the article with its thread, filterable and sortable; or the
    /// tracked changes the Word draft brought, by author, to acknowledge.
    Comments,
    /// The claim library: every claim checked before, searched; the folders it reads.
    Library,
}

impl SidePanel {
    /// In the order the tabs are shown.
    pub const ALL: [Self; 7] = [
        Self::Section,
        Self::Claims,
        Self::Comments,
        Self::Suggestions,
        Self::Revision,
        Self::Conflicts,
        Self::Library,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Section => "Section",
            Self::Claims => "Claims",
            Self::Suggestions => "Suggestions",
            Self::Revision => "Revision",
            Self::Conflicts => "Conflicts",
            Self::Comments => "Comments",
            Self::Library => "Library",
        }
    }
}
