//! Figures: numbers, written in digits or words, quoted with the qualifiers and units that make
//! them a claim ("more than 4,000", "$1.2 billion") — but not the page numbers of a table of
//! contents ("Introduction .... 12", "Introduction 1 Background 5 Methods 12").

use super::Reading;
use crate::suggest::words::{
    FIGURE_QUALIFIERS, SCALE_WORDS, SPELLED_NUMBERS, Token, Words as _, is_figure_symbol,
};

/// Words after which a number is a quantity or a date, not a page: "rose to 45", "in 2019".
const NUMBER_GOVERNORS: [&str; 20] = [
    "in", "on", "of", "by", "from", "since", "until", "for", "with", "per", "between", "and", "or",
    "the", "a", "no", "number", "top", "was", "were",
];

/// Words that number a heading rather than count anything: "Chapter 3", "Part 2".
const HEADING_LABELS: [&str; 5] = ["chapter", "part", "section", "appendix", "book"];

impl Reading<'_> {
    pub(super) fn figure(&self) -> Option<String> {
        if self.is_table_of_contents() {
            return None;
        }
        let tokens = self.tokens;
        let index = (0..tokens.len()).find(|&index| {
            let token = &tokens[index];
            ((token.has_digit() && is_numeric(&token.lower))
                || token.is_any(&SPELLED_NUMBERS) && !self.refers_back(index)
                || is_spelled_measure(&token.lower))
                && !self.is_page_number(index)
        })?;
        let mut from = index;
        while from > 0
            && (tokens[from - 1].is_any(&FIGURE_QUALIFIERS)
                || is_figure_symbol(tokens[from - 1].text))
            && index - from < 3
        {
            from -= 1;
        }
        // A qualifier must touch the number: "as" in "as many as" yes, a stray "to" no.
        while from < index && tokens[from].is_any(&["to", "at", "as", "an", "up"]) && {
            let rest: Vec<&str> = tokens[from..index]
                .iter()
                .map(|t| t.lower.as_ref())
                .collect();
            !matches!(
                rest.as_slice(),
                ["at", "least", ..]
                    | ["up", "to", ..]
                    | ["as", "many", "as", ..]
                    | ["an", "estimated", ..]
            )
        } {
            from += 1;
        }
        let mut to = index;
        while to + 1 < tokens.len()
            && (tokens[to + 1].is_any(&SCALE_WORDS)
                || is_figure_symbol(tokens[to + 1].text)
                || tokens[to + 1].is_any(&SPELLED_NUMBERS)
                || (tokens[to + 1].has_digit() && is_numeric(&tokens[to + 1].lower)))
            && to - index < 3
        {
            to += 1;
        }
        Some(self.quote(from, to))
    }

    /// "the two sides", "both parties": a small number written out after a definite word
    /// points back at what the story already named; it counts nothing new.
    fn refers_back(&self, index: usize) -> bool {
        index > 0
            && self.tokens[index - 1].is_any(&["the", "these", "those"])
            && self.tokens[index].is_any(&["two", "three", "four", "five"])
    }

    /// Lines of a table of contents read as one sentence: two or more page numbers after
    /// leaders ("Introduction .... 1 Background .... 5"), or three or more headings each
    /// followed by its page ("Introduction 1 Background 5 Methods 12"), the pages rising.
    /// Numbers that label a heading ("Chapter 3") may come between.
    pub(super) fn is_table_of_contents(&self) -> bool {
        let tokens = self.tokens;
        let numbers: Vec<usize> = (0..tokens.len())
            .filter(|&index| tokens[index].has_digit() && is_numeric(&tokens[index].lower))
            // "Chapter 3" numbers a heading: neither a page nor a figure.
            .filter(|&index| {
                !(index > 0 && tokens[index - 1].is_any(&HEADING_LABELS) && is_page(&tokens[index]))
            })
            .collect();
        let after_leaders = numbers
            .iter()
            .filter(|&&index| self.follows_a_leader(index))
            .count();
        let every_one_a_page = numbers.iter().all(|&index| {
            is_page(&tokens[index]) && (self.follows_a_leader(index) || self.ends_a_heading(index))
        });
        let pages: Vec<u32> = numbers
            .iter()
            .filter_map(|&index| tokens[index].text.parse().ok())
            .collect();
        let rising = pages.windows(2).all(|pair| pair[0] < pair[1]);
        every_one_a_page
            && rising
            && (after_leaders >= 2 || (after_leaders == 0 && numbers.len() >= 3))
    }

    /// A page number on its own: after a leader ("Introduction .... 12"), or ending a line
    /// that is a heading ("How the city grew 17"), with no full stop after it.
    fn is_page_number(&self, index: usize) -> bool {
        is_page(&self.tokens[index])
            && (self.follows_a_leader(index)
                || (index + 1 == self.tokens.len() && self.ends_a_heading(index)))
    }

    /// Dots leading the eye to a page number: ". . ." or "...." or "…".
    fn follows_a_leader(&self, index: usize) -> bool {
        let text = |at: Option<usize>| at.and_then(|at| self.tokens.get(at)).map(|t| t.text);
        matches!(text(index.checked_sub(1)), Some("…" | "·"))
            || (text(index.checked_sub(1)) == Some(".") && text(index.checked_sub(2)) == Some("."))
    }

    /// A number that closes a heading: after a word that does not take a number ("rose to
    /// 45", "in 2019" are quantities and dates), before the next heading or the end.
    fn ends_a_heading(&self, index: usize) -> bool {
        let tokens = self.tokens;
        let before = index.checked_sub(1).map(|at| &tokens[at]);
        let after = tokens.get(index + 1);
        before.is_some_and(|word| {
            word.is_word
                && !word.has_digit()
                && !word.is_any(&FIGURE_QUALIFIERS)
                && !word.is_any(&NUMBER_GOVERNORS)
        }) && after.is_none_or(|next| next.is_word && next.is_capitalized())
    }
}

/// A number a page could have: digits alone, at most four.
fn is_page(token: &Token<'_>) -> bool {
    (1..=4).contains(&token.text.len()) && token.text.bytes().all(|b| b.is_ascii_digit())
}

/// "4,000", "3.5", "1990s", "2nd", "12bn", "52-48" — but not "COVID-19" or "G7".
fn is_numeric(lower: &str) -> bool {
    let trimmed = lower.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &lower[trimmed.len()..];
    trimmed.chars().next().is_some_and(|c| c.is_ascii_digit())
        && trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '‑'))
        && matches!(
            suffix,
            "" | "s"
                | "st"
                | "nd"
                | "rd"
                | "th"
                | "m"
                | "bn"
                | "k"
                | "km"
                | "kg"
                | "mph"
                | "mw"
                | "gw"
                | "ft"
                | "cm"
                | "mm"
                | "pc"
        )
}

/// "six-month", "two-year", "three-day": a spelled number joined to a unit of time or size.
fn is_spelled_measure(lower: &str) -> bool {
    let mut parts = lower.split(['-', '‑']);
    let (Some(number), Some(unit)) = (parts.next(), parts.next()) else {
        return false;
    };
    SPELLED_NUMBERS.has(number)
        && matches!(
            unit,
            "day"
                | "week"
                | "month"
                | "year"
                | "hour"
                | "minute"
                | "mile"
                | "kilometre"
                | "kilometer"
                | "percent"
                | "point"
                | "decade"
                | "storey"
                | "story"
        )
}
