//! Comparisons: superlatives, rankings, records and measurable comparisons ("the largest",
//! "a record high", "higher than"), but not matters of taste ("the most exciting").

use super::Reading;
use crate::suggest::words::{
    EVALUATIVE, NOT_SUPERLATIVE_EST, SPELLED_NUMBERS, Words as _, is_figure_symbol,
};

impl Reading<'_> {
    pub(super) fn comparison(&self) -> Option<String> {
        const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our", "whose"];
        const FRAMES: &[&str] = &["since", "ever", "record", "history", "decades", "recent"];
        let tokens = self.tokens;
        for (index, token) in tokens.iter().enumerate() {
            let next = tokens.get(index + 1);
            let framed = tokens[index..tokens.len().min(index + 10)]
                .iter()
                .any(|later| later.is_any(FRAMES));
            // "the most extensive", "one of the most", "least expensive"
            if token.is_any(&["most", "least"])
                && index > 0
                && tokens[index - 1].is("the")
                && let Some(next) = next
                && next.is_word
                && !next.is("of")
                && !is_subjective(&next.lower)
            {
                let from = if index >= 3 && tokens[index - 3].is("one") {
                    index - 3
                } else {
                    index - 1
                };
                return Some(self.quote(from, index + 1));
            }
            // "the largest", "its highest … since 2009"
            if token.is_word
                && token.lower.ends_with("est")
                && token.lower.len() > 5
                && !token.is_any(&NOT_SUPERLATIVE_EST)
                && index > 0
                && (tokens[index - 1].is_any(DETERMINERS)
                    || tokens[index - 1].lower.ends_with("'s")
                    || tokens[index - 1].lower.ends_with("’s"))
                && !token.is_capitalized()
            {
                return Some(self.quote(index - 1, index));
            }
            // "the company's first in the U.S.", "its only plant outside Europe"
            if token.is_any(&["first", "only", "last"])
                && index > 0
                && (tokens[index - 1].lower.ends_with("'s")
                    || tokens[index - 1].lower.ends_with("’s")
                    || tokens[index - 1].is_any(&["its", "their"]))
            {
                return Some(self.quote(index - 1, index));
            }
            if token.is_any(&["best", "worst"])
                && index > 0
                && tokens[index - 1].is_any(DETERMINERS)
                && framed
            {
                return Some(self.quote(index - 1, index));
            }
            // "a record high", "for the first time", "unprecedented"
            if token.is("record") && index > 0 && tokens[index - 1].is_any(&["a", "new", "on"]) {
                return Some(self.quote(index - 1, (index + 1).min(tokens.len() - 1)));
            }
            if token.is("first")
                && tokens.get(index + 1).is_some_and(|next| next.is("time"))
                && index > 0
                && tokens[index - 1].is("the")
            {
                return Some(self.quote(index - 1, index + 1));
            }
            if token.is_any(&["unprecedented", "never"])
                && (token.is("unprecedented") || next.is_some_and(|next| next.is("before")))
            {
                return Some(self.quote(index, (index + 1).min(tokens.len() - 1)));
            }
            // "larger than", "more … than" with something measurable, "up from", "compared with"
            if token.is("than")
                && index > 0
                && !tokens.get(index + 1).is_some_and(|next| {
                    next.has_digit() || is_figure_symbol(next.text) || next.is_any(&SPELLED_NUMBERS)
                })
                && (tokens[index - 1].lower.ends_with("er") || tokens[index - 1].is("more"))
                && !tokens[index - 1].is_any(&["other", "rather", "whether", "never", "over"])
                && tokens[index - 1].is_word
                && !is_subjective(&tokens[index - 1].lower)
            {
                return Some(self.quote(index - 1, (index + 1).min(tokens.len() - 1)));
            }
            if token.is_any(&["up", "down"]) && next.is_some_and(|next| next.is("from")) {
                return Some(self.quote(index, index + 1));
            }
            if token.is("compared") && next.is_some_and(|next| next.is_any(&["with", "to"])) {
                return Some(self.quote(index, index + 1));
            }
        }
        None
    }
}

/// Adjectives whose superlative or comparative is a matter of taste, not measurement.
fn is_subjective(lower: &str) -> bool {
    EVALUATIVE.has(lower)
        || matches!(
            lower,
            "better"
                | "worse"
                | "exciting"
                | "interesting"
                | "beautiful"
                | "popular"
                | "famous"
                | "impressive"
                | "memorable"
                | "talented"
                | "dangerous"
                | "controversial"
        )
}
