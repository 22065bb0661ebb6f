//! Case folding that keeps character offsets: every character folds to exactly one character,
//! so a match found in the folded text is at the same character offsets in the text as written.
//!
//! Full Unicode case folding turns "ß" into "ss" and "İ" into "i" plus a combining dot, which
//! would shift every offset after them; one character for one keeps "Straße" and "STRAẞE"
//! equal, "İstanbul" found by "istanbul", and the marks a match becomes on the right words.

/// `c` as compared when case does not matter.
pub fn folded_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // The final sigma is the same letter as σ.
    if c == 'ς' {
        return 'σ';
    }
    let mut lower = c.to_lowercase();
    // "İ" lowercases to "i" and a combining dot above: the letter itself is what is typed.
    lower.next().unwrap_or(c)
}

/// `text` folded, or `None` when folding changes nothing (the text can be searched as it is).
pub fn folded(text: &str) -> Option<String> {
    if text.is_ascii() {
        return text
            .bytes()
            .any(|b| b.is_ascii_uppercase())
            .then(|| text.to_ascii_lowercase());
    }
    let folded: String = text.chars().map(folded_char).collect();
    (folded != text).then_some(folded)
}

/// `text` folded, always.
pub fn folded_always(text: &str) -> String {
    folded(text).unwrap_or_else(|| text.to_owned())
}
