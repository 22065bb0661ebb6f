//! Promotional lines and boilerplate ("Follow us on Instagram", "Read more:", "© 2025"): not
//! claims, but lines an editor cuts before publishing, so they are suggested as such.

use crate::suggest::words::Token;

/// "Do Follow … on Instagram", "Read More:- …", "Subscribe to our newsletter", "© 2025 …".
pub(super) fn promotional(sentence: &str, tokens: &[Token]) -> Option<String> {
    // Verbs that open a call to action…
    const CALLS: &[&str] = &[
        "follow",
        "subscribe",
        "sign",
        "click",
        "tap",
        "share",
        "like",
        "download",
        "join",
        "watch",
        "listen",
        "donate",
        "support",
        "get",
        "visit",
        "email",
        "contact",
    ];
    // …and what they call the reader to: a channel, or the publication itself.
    const CHANNELS: &[&str] = &[
        "instagram",
        "facebook",
        "twitter",
        "x",
        "tiktok",
        "youtube",
        "whatsapp",
        "telegram",
        "linkedin",
        "threads",
        "bluesky",
        "newsletter",
        "newsletters",
        "podcast",
        "app",
        "channel",
        "website",
        "site",
        "us",
        "our",
    ];
    // Lines that send the reader to another article.
    const CROSS_REFERENCES: &[&[&str]] = &[
        &["read", "more"],
        &["also", "read"],
        &["read", "also"],
        &["see", "also"],
        &["related"],
        &["advertisement"],
        &["sponsored"],
    ];
    let quote = || shortened_quote(sentence);
    let lower = sentence.to_lowercase();
    if lower.contains('©') || lower.contains("all rights reserved") {
        return Some(format!("looks like boilerplate: ‘{}’", quote()));
    }
    let words: Vec<&Token> = tokens.iter().filter(|token| token.is_word).collect();
    let first = words
        .iter()
        .position(|token| !token.is_any(&["do", "please", "don't"]))
        .unwrap_or(0);
    let opening: Vec<&str> = words[first..]
        .iter()
        .take(2)
        .map(|token| token.lower.as_ref())
        .collect();
    if CROSS_REFERENCES
        .iter()
        .any(|phrase| opening.starts_with(phrase))
    {
        return Some(format!("looks like a promotional line: ‘{}’", quote()));
    }
    // "Stay informed: Download our app" — the call may follow a short lead-in.
    let after_colon = tokens
        .iter()
        .position(|token| token.text == ":")
        .filter(|&colon| colon <= 4)
        .and_then(|colon| tokens[colon + 1..].iter().find(|token| token.is_word));
    let calls_to_action = words.get(first).is_some_and(|token| token.is_any(CALLS))
        || after_colon.is_some_and(|token| token.is_any(CALLS));
    let names_a_channel = words[first..]
        .iter()
        .skip(1)
        .any(|token| token.is_any(CHANNELS));
    // A call to action carries no figures: "Share prices fell 12%" is news.
    let has_figure = tokens.iter().any(Token::has_digit);
    (calls_to_action && names_a_channel && !has_figure && words.len() <= 20)
        .then(|| format!("looks like a promotional line: ‘{}’", quote()))
}

fn shortened_quote(text: &str) -> String {
    crate::text::shortened(text.trim(), 48)
}
