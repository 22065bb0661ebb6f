//! Which way a page's paragraphs read, as its `dir` attributes say: a paragraph takes the
//! direction of the nearest block around it that names one (`rtl`, `ltr`; `auto` leaves it to
//! the paragraph's first letter), up to `<html dir>`. Where that direction and the
//! paragraph's first letter disagree — a right-to-left paragraph opening with "CNN" — the
//! paragraph is opened with the mark that keeps it (`bidi::direction_mark`), since copydesk
//! keeps text, not attributes.

use scraper::ElementRef;

use crate::bidi::{Direction, direction_mark};

/// What a `dir` attribute says: `Some(Some(direction))` for `rtl`/`ltr`, `Some(None)` for
/// `auto` (the first letter decides), `None` for anything else (the attribute is ignored and
/// the direction inherited, as browsers do).
pub(super) fn direction_from_attribute(value: &str) -> Option<Option<Direction>> {
    match value.trim().to_ascii_lowercase().as_str() {
        "rtl" => Some(Some(Direction::RightToLeft)),
        "ltr" => Some(Some(Direction::LeftToRight)),
        "auto" => Some(None),
        _ => None,
    }
}

/// The direction an element inherits from the elements around it (`<html dir="rtl">` around
/// the chosen `article`), if one names it.
pub(super) fn inherited_direction(element: ElementRef<'_>) -> Option<Direction> {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find_map(|ancestor| ancestor.attr("dir").and_then(direction_from_attribute))
        .flatten()
}

/// `paragraph` as it keeps `direction`: opened with a direction mark where its first letter
/// says otherwise.
pub(super) fn with_direction_kept(paragraph: String, direction: Option<Direction>) -> String {
    match direction.and_then(|direction| direction_mark(&paragraph, direction)) {
        Some(mark) => format!("{mark}{paragraph}"),
        None => paragraph,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bidi::{LEFT_TO_RIGHT_MARK, RIGHT_TO_LEFT_MARK};

    #[test]
    fn only_rtl_ltr_and_auto_count() {
        assert_eq!(
            direction_from_attribute(" RTL "),
            Some(Some(Direction::RightToLeft))
        );
        assert_eq!(
            direction_from_attribute("ltr"),
            Some(Some(Direction::LeftToRight))
        );
        assert_eq!(direction_from_attribute("auto"), Some(None));
        assert_eq!(direction_from_attribute("sideways"), None);
    }

    #[test]
    fn a_mark_only_where_the_first_letter_disagrees() {
        assert_eq!(
            with_direction_kept("CNN قالت".to_owned(), Some(Direction::RightToLeft)),
            format!("{RIGHT_TO_LEFT_MARK}CNN قالت")
        );
        assert_eq!(
            with_direction_kept("שלום world".to_owned(), Some(Direction::LeftToRight)),
            format!("{LEFT_TO_RIGHT_MARK}שלום world")
        );
        assert_eq!(
            with_direction_kept("قالت CNN".to_owned(), Some(Direction::RightToLeft)),
            "قالت CNN"
        );
        assert_eq!(with_direction_kept("CNN قالت".to_owned(), None), "CNN قالت");
    }
}
