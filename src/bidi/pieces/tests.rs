//! Lines against the order a reader sees them in.

use super::*;

/// The line as a reader sees it, left to right, each right-to-left word written as the
/// letters are stored (the shaper draws them right to left), pieces between `|`.
fn shown(paragraph: &str, line: Range<usize>) -> String {
    let order = ParagraphOrder::new(paragraph);
    order
        .line(line)
        .iter()
        .map(|piece| order.text_to_shape(piece))
        .collect::<Vec<_>>()
        .join("|")
}

fn whole(paragraph: &str) -> String {
    shown(paragraph, 0..paragraph.chars().count())
}

#[test]
fn english_is_one_piece_as_written() {
    assert_eq!(whole("Plain (English) text."), "Plain (English) text.");
}

#[test]
fn an_arabic_sentence_reads_from_the_right() {
    // "the report said" — the first word is drawn rightmost, the full stop leftmost.
    assert_eq!(whole("قال التقرير."), ".|التقرير| |قال");
}

#[test]
fn numbers_and_latin_names_inside_arabic_read_left_to_right() {
    // "More than 4,000 people, said John Smith (Reuters)."
    let paragraph = "أكثر من 4,000 شخص، قال John Smith (رويترز).";
    // From the right: the words in order, the figure and the name left to right, the
    // brackets mirrored, the full stop leftmost.
    assert_eq!(
        whole(paragraph),
        ".(|رويترز|) |John Smith| |قال| ،|شخص| |4,000| |من| |أكثر"
    );
}

#[test]
fn brackets_are_mirrored_in_right_to_left_runs() {
    // In an Arabic paragraph the opening bracket is on the right of what it encloses, so it
    // is drawn as ")", and the closing one, on the left, as "(".
    let paragraph = "النص (مهم) هنا";
    assert_eq!(whole(paragraph), "هنا| (|مهم|) |النص");
}

#[test]
fn arabic_indic_digits_keep_their_order() {
    // "in ٢٠٢٤": the year reads left to right, each digit laid out on its own so the shaper
    // does not turn it around.
    assert_eq!(whole("في ٢٠٢٤"), "٢|٠|٢|٤| |في");
}

#[test]
fn hebrew_in_an_english_paragraph_is_reversed_in_place() {
    assert_eq!(
        whole("He said שלום עולם today."),
        "He said |עולם| |שלום| today."
    );
}

#[test]
fn lines_are_reordered_on_their_own() {
    let paragraph = "אחת שתיים שלוש ארבע";
    // The first line holds the first two words and the space after them: still drawn from
    // the right, the space at the line's end (its left).
    assert_eq!(shown(paragraph, 0..10), " |שתיים| |אחת");
    assert_eq!(shown(paragraph, 10..19), "ארבע| |שלוש");
}

#[test]
fn slots_map_back_to_the_letters() {
    let paragraph = "אב גד";
    let order = ParagraphOrder::new(paragraph);
    let pieces = order.line(0..5);
    let slots: Vec<usize> = pieces
        .iter()
        .flat_map(|piece| order.slot_order(piece))
        .collect();
    // Left to right on screen: ד ג, the space, ב א.
    assert_eq!(slots, vec![4, 3, 2, 1, 0]);
}

#[test]
fn a_right_to_left_mark_makes_a_latin_opening_read_right_to_left() {
    assert_eq!(
        ParagraphOrder::new("\u{200F}CNN قالت").direction(),
        Direction::RightToLeft
    );
    assert_eq!(whole("\u{200F}CNN قالت"), "قالت| |CNN|\u{200F}");
}
