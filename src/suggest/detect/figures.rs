//! Figures: numbers, written in digits or words, quoted with the qualifiers and units that make
//! them a claim ("more than 4,000", "$1.2 billion").

use super::Reading;
use crate::suggest::words::{FIGURE_QUALIFIERS, SCALE_WORDS, SPELLED_NUMBERS, is_figure_symbol};

impl Reading<'_> {
    pub(super) fn figure(&self) -> Option<String> {
        let tokens = self.tokens;
        let index = tokens.iter().position(|token| {
            (token.has_digit() && is_numeric(&token.lower)) || token.is_any(&SPELLED_NUMBERS)
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
