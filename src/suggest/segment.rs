//! Sentences of news text.
//!
//! The Unicode sentence rules (UAX #29, from `unicode-segmentation`) already keep decimals,
//! thousands separators and "U.S. officials" together and handle closing quotes and brackets.
//! News text needs a little more, added here as merges of the library's pieces:
//!
//! - titles and other abbreviations that never end a sentence ("Mr.", "Gen.", "Jan.", "No.");
//! - initials ("John F. Kennedy");
//! - dotted acronyms ("U.S.", "a.m.") unless the next word is one that opens sentences;
//! - a piece that starts in lower case continues the sentence before it ("Stop!" she said.),
//!   unless an exclamation or a question without a quotation mark ended it ("lucky us! zlib
//!   shrinks…": a name written in lower case starts the next one).
//!
//! A quotation that spans sentences is split into its sentences, as newsrooms label them; the
//! attribution stays with the sentence it is written in (“We will not stop. / This is only the
//! start,” said the mayor.), and the detector reads that sentence as attributed.
//!
//! Paragraphs are segmented one at a time: a sentence never crosses a line break.
//!
//! Arabic, Hebrew and Persian are split by the same rules: UAX #29 ends a sentence at the
//! Arabic question mark "؟" and the Arabic full stop "۔" as at "." "?" "!", and not at the
//! Arabic comma "،"; their letters have no case, so none of the merges above joins them.

use std::collections::HashSet;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::words::{SENTENCE_OPENERS, Words as _};

/// Titles: always followed by a name, never by the end of a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "cpl", "pvt", "rev", "fr", "hon", "pres", "supt", "insp", "det", "atty",
    "amb", "messrs", "vs", "v", "e.g", "i.e", "cf", "approx", "ca",
];

/// Abbreviations that stand before a number ("No. 10", "p. 12", "Fig. 3"); elsewhere the word
/// may be an ordinary one ending a sentence ("Officials said no.").
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "no", "nos", "vol", "p", "pp", "fig", "ch", "art", "sec", "para",
];

/// Abbreviations that usually continue ("St. Louis", "Jan. 5") but can end a sentence
/// ("He lives on Main St."): they end it when a sentence opener follows.
const CONTINUING_ABBREVIATIONS: &[&str] = &[
    "st", "ste", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "est", "dept", "univ", "assn", "bros",
];

/// What may follow "a.m." or "p.m." in the same sentence.
const TIME_COMPANIONS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "eastern",
    "pacific",
    "central",
    "mountain",
    "local",
    "gmt",
    "utc",
    "et",
    "pt",
    "ct",
    "mt",
    "bst",
    "cet",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace, in order.
pub fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut line_start = 0;
    let common_words = CommonWords::new(text);
    for line in text.split_inclusive('\n') {
        sentences.extend(
            paragraph_sentences(line.trim_end_matches(['\n', '\r']), &common_words)
                .into_iter()
                .map(|range| range.start + line_start..range.end + line_start),
        );
        line_start += line.len();
    }
    sentences
}

/// The words a text writes in lower case somewhere: capitalised, they start a sentence rather
/// than name something. Collected only when an acronym needs it.
struct CommonWords<'a> {
    text: &'a str,
    words: std::cell::OnceCell<HashSet<String>>,
}

impl<'a> CommonWords<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            words: std::cell::OnceCell::new(),
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.words
            .get_or_init(|| {
                self.text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                    .map(str::to_owned)
                    .collect()
            })
            .contains(word)
    }
}

fn paragraph_sentences(paragraph: &str, common_words: &CommonWords) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::new();
    for (start, piece) in paragraph.split_sentence_bound_indices() {
        let range = start..start + piece.len();
        let continues = merged
            .last()
            .is_some_and(|previous| must_join(&paragraph[previous.clone()], piece, common_words));
        match merged.last_mut() {
            Some(previous) if continues => previous.end = range.end,
            _ => merged.push(range),
        }
    }
    merged
        .into_iter()
        .filter_map(|range| trimmed(paragraph, range))
        .collect()
}

/// Whether the piece `after` must continue the sentence `before` instead of starting one.
fn must_join(before: &str, after: &str, common_words: &CommonWords) -> bool {
    let before = before.trim_end();
    if !after.chars().any(char::is_alphanumeric) {
        // Only punctuation or spaces: a stray closing mark belongs to what came before.
        return true;
    }
    if after
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
    {
        // "“Stop!” she said" goes on; "lucky us! zlib shrinks" does not: with no quotation
        // mark closing it, an exclamation or a question ends its sentence.
        return !before.ends_with(['!', '?']);
    }
    let Some(stem) = before.strip_suffix('.') else {
        return false;
    };
    let last_word = stem
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '['))
        .next()
        .unwrap_or_default();
    let lower = last_word.to_lowercase();
    let next_word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let opens_a_sentence = || SENTENCE_OPENERS.has(&next_word) || common_words.contains(&next_word);
    if TITLES.contains(&lower.as_str()) {
        return true;
    }
    if NUMBER_ABBREVIATIONS.contains(&lower.as_str()) {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    if CONTINUING_ABBREVIATIONS.contains(&lower.as_str()) {
        return !opens_a_sentence();
    }
    // An initial: one capital letter after a capitalised word or another initial.
    let mut letters = last_word.chars();
    if let (Some(letter), None) = (letters.next(), letters.next())
        && letter.is_uppercase()
    {
        let word_before = stem[..stem.len() - last_word.len()]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default();
        return word_before.is_empty()
            || word_before.chars().next().is_some_and(char::is_uppercase);
    }
    if matches!(lower.as_str(), "a.m" | "p.m") {
        // A time ends its sentence unless the day or the time zone follows: "9 a.m. Monday".
        return TIME_COMPANIONS.contains(&next_word.as_str());
    }
    if is_dotted_acronym(last_word) {
        return !opens_a_sentence();
    }
    false
}

/// "U.S", "a.m", "Ph.D" (the final period already stripped).
fn is_dotted_acronym(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.start + piece.trim_end().len();
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_ranges(text)
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn splits_plain_sentences_and_lines() {
        assert_eq!(
            sentences("One thing happened. Then another!\nA new line? Yes."),
            [
                "One thing happened.",
                "Then another!",
                "A new line?",
                "Yes."
            ]
        );
    }

    #[test]
    fn titles_months_and_numbers_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Gen. Mark Ellis met Mr. Obi on Jan. 5 at No. 10 Downing St. in London. He left."
            ),
            [
                "Gen. Mark Ellis met Mr. Obi on Jan. 5 at No. 10 Downing St. in London.",
                "He left."
            ]
        );
    }

    #[test]
    fn words_that_look_like_abbreviations_can_end_sentences() {
        assert_eq!(
            sentences("Officials said no. The city closed the bridge. See No. 4 and p. 12 now."),
            [
                "Officials said no.",
                "The city closed the bridge.",
                "See No. 4 and p. 12 now."
            ]
        );
        assert_eq!(
            sentences("He lives on Main St. The house burned. She flew to St. Louis on Jan. 5."),
            [
                "He lives on Main St.",
                "The house burned.",
                "She flew to St. Louis on Jan. 5."
            ]
        );
    }

    #[test]
    fn initials_stay_with_their_names() {
        assert_eq!(
            sentences("John F. Kennedy spoke. J. R. R. Tolkien wrote. It rained."),
            [
                "John F. Kennedy spoke.",
                "J. R. R. Tolkien wrote.",
                "It rained."
            ]
        );
    }

    #[test]
    fn dotted_acronyms_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentences("The U.S. Senate voted. Aid went to the U.S. The vote was close."),
            [
                "The U.S. Senate voted.",
                "Aid went to the U.S.",
                "The vote was close."
            ]
        );
        // A capitalised word the text also writes in lower case opens a sentence.
        assert_eq!(
            sentences(
                "It opened in the U.S. Construction starts soon, and construction ends later."
            ),
            [
                "It opened in the U.S.",
                "Construction starts soon, and construction ends later."
            ]
        );
        assert_eq!(
            sentences("U.S. officials said so. At 9 a.m. Monday it began at 6 a.m. Marsh left."),
            [
                "U.S. officials said so.",
                "At 9 a.m. Monday it began at 6 a.m.",
                "Marsh left."
            ]
        );
    }

    #[test]
    fn decimals_and_thousands_stay_whole() {
        assert_eq!(
            sentences("Prices rose 3.5 percent to $1,200.50 a ton. Output fell 0.2%."),
            [
                "Prices rose 3.5 percent to $1,200.50 a ton.",
                "Output fell 0.2%."
            ]
        );
    }

    #[test]
    fn a_quotation_spanning_sentences_is_split_with_the_attribution_where_it_is_written() {
        assert_eq!(
            sentences(
                "“We will not stop. This is only the start,” said Mayor Ortiz. \"Stop!\" she said. Then \"No. Never.\" Done."
            ),
            [
                "“We will not stop.",
                "This is only the start,” said Mayor Ortiz.",
                "\"Stop!\" she said.",
                "Then \"No.",
                "Never.\"",
                "Done."
            ]
        );
    }

    #[test]
    fn a_name_in_lower_case_after_an_exclamation_starts_a_sentence() {
        assert_eq!(
            sentences("It compresses packets, lucky us! zlib shrinks the data. “Go!” she said."),
            [
                "It compresses packets, lucky us!",
                "zlib shrinks the data.",
                "“Go!” she said."
            ]
        );
    }

    #[test]
    fn an_unclosed_quotation_does_not_swallow_the_paragraph() {
        // News paragraphs often open a quotation that continues in the next paragraph.
        assert_eq!(
            sentences("“We stayed. It was hard. The end."),
            ["“We stayed.", "It was hard.", "The end."]
        );
    }

    #[test]
    fn unicode_text_is_split_on_character_boundaries() {
        let text = "Zoë Müller flew to São Paulo. 東京は晴れ。Ça va? Oui.";
        assert_eq!(
            sentences(text),
            [
                "Zoë Müller flew to São Paulo.",
                "東京は晴れ。",
                "Ça va?",
                "Oui."
            ]
        );
    }

    #[test]
    fn arabic_hebrew_and_persian_sentences_are_split_at_their_own_marks() {
        // The Arabic question mark "؟" ends a sentence; the Arabic comma "،" and the decimal
        // and thousands separators "٫" "٬" do not.
        assert_eq!(
            sentences(
                "قال الوزير، في مؤتمر صحفي، إن التضخم بلغ ٣٫٥٪. هل ارتفعت الأسعار؟ نعم، بنسبة ٤٬٥٠٠ دينار! انتهى."
            ),
            [
                "قال الوزير، في مؤتمر صحفي، إن التضخم بلغ ٣٫٥٪.",
                "هل ارتفعت الأسعار؟",
                "نعم، بنسبة ٤٬٥٠٠ دينار!",
                "انتهى."
            ]
        );
        assert_eq!(
            sentences("הממשלה אישרה את התקציב. האם המחירים יעלו? כן, ב-3.5%!"),
            [
                "הממשלה אישרה את התקציב.",
                "האם המחירים יעלו?",
                "כן, ב-3.5%!"
            ]
        );
        assert_eq!(
            sentences("تورم به ۴۰٫۵ درصد رسید. چرا قیمت‌ها بالا رفت؟ دولت پاسخ نداد."),
            [
                "تورم به ۴۰٫۵ درصد رسید.",
                "چرا قیمت‌ها بالا رفت؟",
                "دولت پاسخ نداد."
            ]
        );
        // Urdu ends a sentence with "۔".
        assert_eq!(
            sentences("قیمتیں ۵ فیصد بڑھ گئیں۔ حکومت خاموش رہی۔"),
            ["قیمتیں ۵ فیصد بڑھ گئیں۔", "حکومت خاموش رہی۔"]
        );
    }

    #[test]
    fn empty_and_blank_text_have_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences("  \n \n").is_empty());
    }
}
