//! Tracked changes: what each one becomes once accepted, and the note that records it.
//!
//! The text is imported with every change accepted (insertions kept, deletions dropped),
//! since that is the draft the writer is proposing; each change is kept as a note so the
//! editor still sees what was changed, by whom and when.

use jiff::Timestamp;

/// One kind of tracked change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Insertion,
    Deletion,
    MovedHere,
    MovedAway,
    ParagraphBreakInserted,
    ParagraphBreakDeleted,
}

impl ChangeKind {
    /// Whether accepting it adds text (an insertion) rather than removing text.
    pub fn adds_text(self) -> bool {
        matches!(
            self,
            Self::Insertion | Self::MovedHere | Self::ParagraphBreakInserted
        )
    }

    /// Whether a change of this kind on `text` is one to review. A paragraph break is; an
    /// insertion, deletion or move only when it holds text a reader sees — white space, an
    /// empty run, a zero-width or other invisible character changes nothing to read.
    pub fn is_visible_on(self, text: &str) -> bool {
        match self {
            Self::ParagraphBreakInserted | Self::ParagraphBreakDeleted => true,
            Self::Insertion | Self::Deletion | Self::MovedHere | Self::MovedAway => {
                text.chars().any(|c| !c.is_whitespace() && !is_invisible(c))
            }
        }
    }

    /// The kind of `w:ins`/`w:del`/`w:moveTo`/`w:moveFrom`.
    pub fn from_element_name(name: &str) -> Option<Self> {
        match name {
            "ins" => Some(Self::Insertion),
            "del" => Some(Self::Deletion),
            "moveTo" => Some(Self::MovedHere),
            "moveFrom" => Some(Self::MovedAway),
            _ => None,
        }
    }
}

/// Characters that take no room on the page: the soft hyphen, joiners and zero-width spaces,
/// direction marks and embeddings, variation selectors, the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
    )
}

/// Longest quote of changed text in a note's body.
const MAX_QUOTE_CHARS: usize = 100;

/// What every change's note ends with, after saying what changed.
const ACCEPTED_ON_IMPORT: &str = " (tracked change, accepted on import)";

/// The body of the note for a change of `kind` on `text`.
pub fn note_body_from_change(kind: ChangeKind, text: &str) -> String {
    let quote = quote_from_text(text);
    let what = match kind {
        ChangeKind::Insertion => format!("Inserted “{quote}”"),
        ChangeKind::Deletion => format!("Deleted “{quote}”"),
        ChangeKind::MovedHere => format!("Moved “{quote}” here"),
        ChangeKind::MovedAway => format!("Moved “{quote}” away from here"),
        ChangeKind::ParagraphBreakInserted => "Inserted a paragraph break".to_owned(),
        ChangeKind::ParagraphBreakDeleted => {
            "Deleted a paragraph break, joining two paragraphs".to_owned()
        }
    };
    format!("{what}{ACCEPTED_ON_IMPORT}")
}

/// What a change's note says changed ("Inserted “two exciting”"): its body without the
/// words every such note ends with; a body a reviewer rewrote, whole.
pub fn change_from_note_body(body: &str) -> &str {
    body.strip_suffix(ACCEPTED_ON_IMPORT).unwrap_or(body)
}

fn quote_from_text(text: &str) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= MAX_QUOTE_CHARS {
        words
    } else {
        let cut: String = words.chars().take(MAX_QUOTE_CHARS).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A `w:date` as a timestamp. Word writes UTC with a `Z`; some writers leave the zone
/// out, which is read as UTC too. Anything else is no date at all.
pub fn timestamp_from_word_date(date: &str) -> Option<Timestamp> {
    let date = date.trim();
    date.parse::<Timestamp>()
        .ok()
        .or_else(|| format!("{date}Z").parse().ok())
}

/// The word next to `at` in `text` (character offsets): the one before it, or the one
/// after when nothing but white space comes before. Empty when the text has no word.
pub fn word_near(text: &[char], at: usize) -> std::ops::Range<usize> {
    let at = at.min(text.len());
    let is_space = |i: usize| text.get(i).is_none_or(|c| c.is_whitespace());
    let mut end = at;
    while end > 0 && is_space(end - 1) {
        end -= 1;
    }
    if end > 0 {
        let mut start = end;
        while start > 0 && !is_space(start - 1) {
            start -= 1;
        }
        return start..end;
    }
    let mut start = at;
    while start < text.len() && is_space(start) {
        start += 1;
    }
    let mut end = start;
    while end < text.len() && !is_space(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_quote_the_change() {
        assert_eq!(
            note_body_from_change(ChangeKind::Insertion, "two exciting "),
            "Inserted “two exciting” (tracked change, accepted on import)"
        );
        assert_eq!(
            note_body_from_change(ChangeKind::Deletion, "excessively\nmodified"),
            "Deleted “excessively modified” (tracked change, accepted on import)"
        );
        let long = "word ".repeat(100);
        assert!(note_body_from_change(ChangeKind::Deletion, &long).contains("…”"));
    }

    #[test]
    fn only_a_change_a_reader_sees_is_one() {
        assert!(ChangeKind::Insertion.is_visible_on(" a "));
        assert!(ChangeKind::Deletion.is_visible_on("."));
        assert!(ChangeKind::ParagraphBreakInserted.is_visible_on(""));
        for nothing in ["", " ", "\t\n", "\u{200b}", "\u{feff} \u{ad}"] {
            assert!(!ChangeKind::Insertion.is_visible_on(nothing), "{nothing:?}");
            assert!(!ChangeKind::MovedAway.is_visible_on(nothing), "{nothing:?}");
        }
    }

    #[test]
    fn a_note_body_says_what_changed() {
        let body = note_body_from_change(ChangeKind::MovedHere, "a line");
        assert_eq!(change_from_note_body(&body), "Moved “a line” here");
        assert_eq!(change_from_note_body("My own words"), "My own words");
    }

    #[test]
    fn dates_parse_or_are_none() {
        assert_eq!(
            timestamp_from_word_date("2014-06-25T10:40:00Z")
                .unwrap()
                .to_string(),
            "2014-06-25T10:40:00Z"
        );
        assert!(timestamp_from_word_date("2014-06-25T10:40:00").is_some());
        assert_eq!(timestamp_from_word_date("yesterday"), None);
        assert_eq!(timestamp_from_word_date(""), None);
    }

    #[test]
    fn the_word_near_a_point() {
        let text: Vec<char> = "This is a deletion.".chars().collect();
        assert_eq!(word_near(&text, 9), 8..9, "right after “a”");
        assert_eq!(word_near(&text, 10), 8..9, "after “a ”");
        assert_eq!(word_near(&text, 0), 0..4, "nothing before: the word after");
        assert_eq!(word_near(&text, 500), 10..19);
        assert_eq!(word_near(&[' ', ' '], 1), 2..2);
        assert_eq!(word_near(&[], 0), 0..0);
    }
}
