//! Every action a user can invoke from a menu, a button or the keyboard.
//!
//! Each command owns its label, shortcut and tooltip, so the menus, the shortcut help and
//! the keyboard handling can never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::side_panel::SidePanel;
use crate::model::ReviewStatus;
use crate::suggest::SuggestionStrength;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    ImportArticle,
    ImportFromAddress,
    ImportRevision,
    OpenProject,
    MergeReview,
    Save,
    SaveAs,
    Export,
    Quit,
    Undo,
    Redo,
    CommentOnSelection,
    FlagClaim,
    CommentOnSection,
    NextSection,
    PreviousSection,
    SetStatus(ReviewStatus),
    ChangeReviewerName,
    ShowShortcuts,
    NextOpenClaim,
    PreviousOpenClaim,
    NextSuggestion,
    PreviousSuggestion,
    AcceptSuggestion,
    DismissSuggestion,
    ToggleSuggestions,
    ShowPanel(SidePanel),
    /// Offers every suggestion, or only the strong ones.
    OfferSuggestions(SuggestionStrength),
    ToggleOutline,
    ToggleSidePanel,
    /// Use copydesk's own file chooser even where the system's could appear.
    UseOwnFileChooser,
    Find,
    FindNext,
    FindPrevious,
    NextOpenComment,
    PreviousOpenComment,
    ShowTrackedChanges,
    GoToSectionByHeading,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const CTRL_ALT: Modifiers = Modifiers::COMMAND.plus(Modifiers::ALT);

impl UiCommand {
    pub const ALL: [Self; 48] = [
        Self::ImportArticle,
        Self::ImportFromAddress,
        Self::ImportRevision,
        Self::OpenProject,
        Self::MergeReview,
        Self::Save,
        Self::SaveAs,
        Self::Export,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::CommentOnSelection,
        Self::FlagClaim,
        Self::CommentOnSection,
        Self::NextSection,
        Self::PreviousSection,
        Self::SetStatus(ReviewStatus::Unreviewed),
        Self::SetStatus(ReviewStatus::InReview),
        Self::SetStatus(ReviewStatus::NeedsChanges),
        Self::SetStatus(ReviewStatus::Approved),
        Self::ChangeReviewerName,
        Self::ShowShortcuts,
        Self::NextOpenClaim,
        Self::PreviousOpenClaim,
        Self::NextSuggestion,
        Self::PreviousSuggestion,
        Self::AcceptSuggestion,
        Self::DismissSuggestion,
        Self::ToggleSuggestions,
        Self::ShowPanel(SidePanel::Section),
        Self::ShowPanel(SidePanel::Claims),
        Self::ShowPanel(SidePanel::Suggestions),
        Self::ShowPanel(SidePanel::Revision),
        Self::ShowPanel(SidePanel::Conflicts),
        Self::OfferSuggestions(SuggestionStrength::All),
        Self::OfferSuggestions(SuggestionStrength::Strong),
        Self::ToggleOutline,
        Self::ToggleSidePanel,
        Self::UseOwnFileChooser,
        Self::Find,
        Self::FindNext,
        Self::FindPrevious,
        Self::ShowPanel(SidePanel::Comments),
        Self::NextOpenComment,
        Self::PreviousOpenComment,
        Self::ShowTrackedChanges,
        Self::GoToSectionByHeading,
        Self::ShowPanel(SidePanel::Library),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::ImportArticle => "Import article…",
            Self::ImportFromAddress => "Import from web address…",
            Self::ImportRevision => "Import revised draft…",
            Self::OpenProject => "Open project…",
            Self::MergeReview => "Merge another review…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Export => "Export…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::CommentOnSelection => "Comment",
            Self::FlagClaim => "Flag claim",
            Self::CommentOnSection => "Comment on section",
            Self::NextSection => "Next section",
            Self::PreviousSection => "Previous section",
            Self::SetStatus(ReviewStatus::Unreviewed) => "Mark unreviewed",
            Self::SetStatus(ReviewStatus::InReview) => "Mark in review",
            Self::SetStatus(ReviewStatus::NeedsChanges) => "Mark needs changes",
            Self::SetStatus(ReviewStatus::Approved) => "Mark approved",
            Self::ChangeReviewerName => "Reviewer name…",
            Self::ShowShortcuts => "Keyboard shortcuts",
            Self::NextOpenClaim => "Next open claim",
            Self::PreviousOpenClaim => "Previous open claim",
            Self::NextSuggestion => "Next suggestion",
            Self::PreviousSuggestion => "Previous suggestion",
            Self::AcceptSuggestion => "Accept suggestion",
            Self::DismissSuggestion => "Dismiss suggestion",
            Self::ToggleSuggestions => "Show suggestions in the text",
            // The menu names a tab as the tab does.
            Self::ShowPanel(panel) => panel.label(),
            Self::OfferSuggestions(strength) => strength.label(),
            Self::ToggleOutline => "Show the outline",
            Self::ToggleSidePanel => "Show the side panel",
            Self::UseOwnFileChooser => "Use copydesk's own file chooser",
            Self::Find => "Find…",
            Self::FindNext => "Find next",
            Self::FindPrevious => "Find previous",
            Self::NextOpenComment => "Next open comment",
            Self::PreviousOpenComment => "Previous open comment",
            Self::ShowTrackedChanges => "Tracked changes",
            Self::GoToSectionByHeading => "Go to section…",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Self::ImportArticle => "Open a draft (.txt, .md, .docx, .html) as a new review",
            Self::ImportFromAddress => {
                "Fetch a published page (https://…) and review it; the report says which \
                 version was checked (its address and when it was fetched)"
            }
            Self::ImportRevision => {
                "Bring in the writer's next draft of this article: every comment and claim is \
                 carried over, and what changed is shown"
            }
            Self::OpenProject => "Open a saved review (.copydesk.ron)",
            Self::MergeReview => {
                "Bring in another reviewer's copy of this review: what each of you did is \
                 kept, and what you both changed differently waits in the Conflicts tab"
            }
            Self::Save => "Save the review, article text included",
            Self::SaveAs => "Save the review to a new file",
            Self::Export => {
                "Write a review report, the annotated article for the writer, JSON, or the \
                 article as a Word document with the comments"
            }
            Self::Quit => "Close copydesk (asks first if there are unsaved changes)",
            Self::Undo => "Take back the last change",
            Self::Redo => "Do again what was undone",
            Self::CommentOnSelection => "Comment on the selected passage",
            Self::FlagClaim => "Flag the selected passage as a claim that needs a source",
            Self::CommentOnSection => "Comment on the current section as a whole",
            Self::NextSection => "Go to the next section",
            Self::PreviousSection => "Go to the previous section",
            Self::SetStatus(ReviewStatus::Unreviewed) => "Set the current section to Unreviewed",
            Self::SetStatus(ReviewStatus::InReview) => "Set the current section to In review",
            Self::SetStatus(ReviewStatus::NeedsChanges) => {
                "Set the current section to Needs changes"
            }
            Self::SetStatus(ReviewStatus::Approved) => "Set the current section to Approved",
            Self::ChangeReviewerName => "The name written on your comments and claims",
            Self::ShowShortcuts => "List every keyboard shortcut",
            Self::NextOpenClaim => {
                "Go to the next claim that still blocks publication, and open its card"
            }
            Self::PreviousOpenClaim => "Go to the previous claim that still blocks publication",
            Self::NextSuggestion => "Go to the next suggested sentence nobody has decided yet",
            Self::PreviousSuggestion => "Go to the previous undecided suggestion",
            Self::AcceptSuggestion => {
                "Make the selected suggestion a claim that needs a source (a promotional line \
                 gets a comment proposing to cut it)"
            }
            Self::DismissSuggestion => {
                "Turn the selected suggestion down; it is not suggested again, also in later drafts"
            }
            Self::ToggleSuggestions => {
                "Underline the sentences copydesk suggests checking (figures, sources, superlatives…)"
            }
            Self::ShowPanel(SidePanel::Section) => "Show the current section's comments and claims",
            Self::ShowPanel(SidePanel::Claims) => {
                "List every claim of the article, to filter, sort and work through"
            }
            Self::ShowPanel(SidePanel::Suggestions) => {
                "List the suggested sentences, to accept or dismiss"
            }
            Self::ShowPanel(SidePanel::Revision) => {
                "What the latest draft changed, and the marks whose new place needs a look"
            }
            Self::ShowPanel(SidePanel::Conflicts) => {
                "What two reviewers changed differently, found when their copies were merged: \
                 pick a side for each"
            }
            Self::OfferSuggestions(SuggestionStrength::All) => {
                "Suggest every sentence with something to check"
            }
            Self::OfferSuggestions(SuggestionStrength::Strong) => {
                "Suggest only sentences with a clear sign (a figure, a ranking, a named source, \
                 a dated event) or several weaker ones, so a dense text is not underlined line \
                 after line"
            }
            Self::ToggleOutline => {
                "Show or hide the list of sections on the left, to give the article more room"
            }
            Self::ToggleSidePanel => {
                "Show or hide the panel on the right (cards, claims, suggestions…), to give the \
                 article more room"
            }
            Self::UseOwnFileChooser => {
                "Open, save and export through copydesk's own file chooser rather than the \
                 system's (it is used anyway where no system dialog can appear)"
            }
            Self::Find => {
                "Find words in the article, the comments and replies, and the claims' notes \
                 and sources"
            }
            Self::FindNext => "Go to the next match of what is being found",
            Self::FindPrevious => "Go to the previous match of what is being found",
            Self::ShowPanel(SidePanel::Comments) => {
                "List every comment of the article with its thread, to filter, sort and work \
                 through"
            }
            Self::NextOpenComment => {
                "Go to the next comment nobody has resolved yet, and open its card"
            }
            Self::PreviousOpenComment => "Go to the previous comment nobody has resolved yet",
            Self::ShowTrackedChanges => {
                "List the changes the Word draft tracked, by author, with what each inserted or \
                 deleted and when: acknowledge them one by one or all at once"
            }
            Self::GoToSectionByHeading => {
                "Type a few letters of a section's heading to go to it; the caret waits at its start"
            }
            Self::ShowPanel(SidePanel::Library) => {
                "Search every claim checked before, in the reviews opened here and in the folders \
                 of reviews the library reads"
            }
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let shortcut = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Self::ImportArticle => shortcut(CTRL, Key::I),
            Self::ImportRevision => shortcut(CTRL_SHIFT, Key::I),
            Self::OpenProject => shortcut(CTRL, Key::O),
            Self::Save => shortcut(CTRL, Key::S),
            Self::SaveAs => shortcut(CTRL_SHIFT, Key::S),
            Self::Export => shortcut(CTRL, Key::E),
            Self::Quit => shortcut(CTRL, Key::Q),
            Self::Undo => shortcut(CTRL, Key::Z),
            Self::Redo => shortcut(CTRL_SHIFT, Key::Z),
            Self::CommentOnSelection => shortcut(CTRL_ALT, Key::M),
            Self::FlagClaim => shortcut(CTRL_ALT, Key::F),
            Self::CommentOnSection => shortcut(CTRL_ALT, Key::S),
            Self::NextSection => shortcut(Modifiers::ALT, Key::ArrowDown),
            Self::PreviousSection => shortcut(Modifiers::ALT, Key::ArrowUp),
            Self::SetStatus(ReviewStatus::Unreviewed) => shortcut(Modifiers::ALT, Key::Num1),
            Self::SetStatus(ReviewStatus::InReview) => shortcut(Modifiers::ALT, Key::Num2),
            Self::SetStatus(ReviewStatus::NeedsChanges) => shortcut(Modifiers::ALT, Key::Num3),
            Self::SetStatus(ReviewStatus::Approved) => shortcut(Modifiers::ALT, Key::Num4),
            Self::MergeReview
            | Self::ImportFromAddress
            | Self::ChangeReviewerName
            | Self::OfferSuggestions(_)
            | Self::UseOwnFileChooser
            | Self::ShowTrackedChanges => None,
            Self::ShowShortcuts => shortcut(Modifiers::NONE, Key::F1),
            Self::NextOpenClaim => shortcut(Modifiers::NONE, Key::F8),
            Self::PreviousOpenClaim => shortcut(Modifiers::SHIFT, Key::F8),
            Self::NextSuggestion => shortcut(Modifiers::NONE, Key::F9),
            Self::PreviousSuggestion => shortcut(Modifiers::SHIFT, Key::F9),
            Self::AcceptSuggestion => shortcut(CTRL_ALT, Key::A),
            Self::DismissSuggestion => shortcut(CTRL_ALT, Key::D),
            Self::ToggleSuggestions => shortcut(Modifiers::NONE, Key::F7),
            Self::ShowPanel(SidePanel::Section) => shortcut(CTRL, Key::Num1),
            Self::ShowPanel(SidePanel::Claims) => shortcut(CTRL, Key::Num2),
            Self::ShowPanel(SidePanel::Suggestions) => shortcut(CTRL, Key::Num3),
            Self::ShowPanel(SidePanel::Revision) => shortcut(CTRL, Key::Num4),
            Self::ShowPanel(SidePanel::Conflicts) => shortcut(CTRL, Key::Num5),
            Self::ToggleOutline => shortcut(CTRL, Key::B),
            Self::ToggleSidePanel => shortcut(CTRL_ALT, Key::B),
            Self::Find => shortcut(CTRL, Key::F),
            Self::FindNext => shortcut(Modifiers::NONE, Key::F3),
            Self::FindPrevious => shortcut(Modifiers::SHIFT, Key::F3),
            Self::ShowPanel(SidePanel::Comments) => shortcut(CTRL, Key::Num6),
            Self::NextOpenComment => shortcut(Modifiers::NONE, Key::F6),
            Self::PreviousOpenComment => shortcut(Modifiers::SHIFT, Key::F6),
            Self::GoToSectionByHeading => shortcut(CTRL, Key::G),
            Self::ShowPanel(SidePanel::Library) => shortcut(CTRL, Key::Num7),
        }
    }

    /// A second shortcut, for a command people know under two (Redo is also Ctrl+Y).
    pub fn second_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            // Word and most Windows programs redo with Ctrl+Y.
            Self::Redo => Some(KeyboardShortcut::new(CTRL, Key::Y)),
            _ => None,
        }
    }

    /// Every shortcut of the command, the main one first.
    pub fn shortcuts(self) -> impl Iterator<Item = KeyboardShortcut> {
        self.shortcut().into_iter().chain(self.second_shortcut())
    }

    /// The commands whose shortcut was pressed this frame, consumed from the input.
    ///
    /// egui matches shortcuts ignoring extra Shift and Alt, so the most specific shortcuts
    /// (most modifiers) are tried first: Ctrl+Shift+Z is Redo, never Undo. While a text field
    /// has the keyboard, shortcuts with Alt are left alone: on many keyboards Alt (Option,
    /// AltGr) types characters such as # or ś.
    pub fn consume_pressed(ctx: &egui::Context) -> Vec<Self> {
        let typing = ctx.text_edit_focused();
        let mut by_specificity: Vec<(Self, KeyboardShortcut)> = Self::ALL
            .iter()
            .flat_map(|&command| command.shortcuts().map(move |s| (command, s)))
            .filter(|(_, shortcut)| !(typing && shortcut.modifiers.alt))
            .collect();
        by_specificity.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        ctx.input_mut(|input| {
            by_specificity
                .into_iter()
                .filter(|(_, shortcut)| input.consume_shortcut(shortcut))
                .map(|(command, _)| command)
                .fold(Vec::new(), |mut pressed, command| {
                    // Both of a command's shortcuts at once run it once.
                    if !pressed.contains(&command) {
                        pressed.push(command);
                    }
                    pressed
                })
        })
    }
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt)
        + u8::from(modifiers.shift)
        + u8::from(modifiers.command || modifiers.ctrl)
}

/// A command's shortcuts as this platform writes them ("Ctrl+S", "⌘S", "Ctrl+Shift+Z, Ctrl+Y"),
/// or nothing.
pub fn shortcut_text(ui: &egui::Ui, command: UiCommand) -> String {
    command
        .shortcuts()
        .map(|s| ui.ctx().format_shortcut(&s))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, UiCommand)> = Vec::new();
        for command in UiCommand::ALL {
            for shortcut in command.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                    panic!("{command:?} and {other:?} share a shortcut");
                }
                seen.push((shortcut, command));
            }
        }
    }

    #[test]
    fn redo_has_two_shortcuts() {
        let redo: Vec<KeyboardShortcut> = UiCommand::Redo.shortcuts().collect();
        assert_eq!(
            redo,
            [
                KeyboardShortcut::new(CTRL_SHIFT, Key::Z),
                KeyboardShortcut::new(CTRL, Key::Y)
            ]
        );
    }

    #[test]
    fn every_command_is_listed_once_and_labelled() {
        for (index, command) in UiCommand::ALL.iter().enumerate() {
            assert!(!command.label().is_empty());
            assert!(!command.tooltip().is_empty());
            assert!(
                !UiCommand::ALL[index + 1..].contains(command),
                "{command:?} twice"
            );
        }
    }
}
