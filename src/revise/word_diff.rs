//! What changed in a section, word by word, for showing old and new text together.

use std::time::{Duration, Instant};

use similar::{ChangeTag, TextDiff};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    Same,
    Removed,
    Added,
}

/// A run of text that is the same in both drafts, or only in one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffPiece {
    pub kind: PieceKind,
    pub text: String,
}

/// The word-level differences between two texts, runs of one kind joined. Bounded in time:
/// past a short deadline the diff gets coarser (larger removed/added runs), not slower.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPiece> {
    let diff = TextDiff::configure()
        .deadline(Instant::now() + Duration::from_millis(50))
        .diff_unicode_words(old, new);
    let mut pieces: Vec<DiffPiece> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => PieceKind::Same,
            ChangeTag::Delete => PieceKind::Removed,
            ChangeTag::Insert => PieceKind::Added,
        };
        match pieces.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => pieces.push(DiffPiece {
                kind,
                text: change.value().to_owned(),
            }),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_figure_shows_as_removed_and_added_words() {
        let pieces = word_diff(
            "Officials counted more than 4,000 people.",
            "Officials counted more than 4,200 people.",
        );
        let removed: String = pieces
            .iter()
            .filter(|p| p.kind == PieceKind::Removed)
            .map(|p| p.text.as_str())
            .collect();
        let added: String = pieces
            .iter()
            .filter(|p| p.kind == PieceKind::Added)
            .map(|p| p.text.as_str())
            .collect();
        assert!(removed.contains("000"), "{pieces:?}");
        assert!(added.contains("200"), "{pieces:?}");
        let new_again: String = pieces
            .iter()
            .filter(|p| p.kind != PieceKind::Removed)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(new_again, "Officials counted more than 4,200 people.");
    }
}
