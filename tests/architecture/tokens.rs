//! Rust source read just far enough to find the paths in it: identifiers, `::` and
//! punctuation, with their lines. Comments, strings, character literals, lifetimes and numbers
//! are dropped, so a path in a doc comment or a message is not taken for a reference.

/// The line a token is on, from 1.
pub(super) type Line = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Token<'source> {
    Identifier(&'source str),
    /// `::`
    PathSeparator,
    Punctuation(u8),
}

/// Whether a byte can be part of an identifier (or a number). Bytes of non-ASCII characters
/// count: outside comments and strings they can only be in identifiers. A table, as these
/// tests run unoptimised and read every byte of the crate.
static IS_LETTER: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
        byte += 1;
    }
    table
};

/// The tokens of `source` that can make a path into the crate, with their lines: the words
/// that start or limit one (`crate`, `super`, `self`, `use`, `mod`, `pub(in …)`), the words
/// of a path (after `::`, in a `use` declaration, a `mod`'s name) and the punctuation around
/// them. Everything else is dropped as it is read: these tests run unoptimised, over every
/// byte of the crate.
pub(super) fn tokens(source: &str) -> Vec<(Token<'_>, Line)> {
    let bytes = source.as_bytes();
    let length = bytes.len();
    let mut found = Vec::new();
    let mut in_use_declaration = false;
    let mut line = 1;
    let mut i = 0;
    while i < length {
        let byte = bytes[i];
        if byte == b' ' || byte == b'\n' || byte == b'\t' || byte == b'\r' {
            if byte == b'\n' {
                line += 1;
            }
            i += 1;
            continue;
        }
        let next = if i + 1 < length { bytes[i + 1] } else { 0 };
        if IS_LETTER[byte as usize]
            && !byte.is_ascii_digit()
            && !matches!(next, b'"' | b'\'' | b'#')
        {
            let start = i;
            while i < length && IS_LETTER[bytes[i] as usize] {
                i += 1;
            }
            let word = &source[start..i];
            // The first letter rules most words out before any comparison.
            let keep = in_use_declaration
                || matches!(
                    found.last(),
                    Some((Token::PathSeparator | Token::Identifier("mod"), _))
                )
                || (matches!(byte, b'c' | b's' | b'u' | b'm' | b'p' | b'i')
                    && matches!(
                        word,
                        "crate" | "super" | "self" | "use" | "mod" | "pub" | "in"
                    ));
            if keep {
                in_use_declaration |= word == "use";
                found.push((Token::Identifier(word), line));
            }
            continue;
        }
        let end = match byte {
            b'/' if next == b'/' => {
                // `find` of one byte is a `memchr`, fast even unoptimised.
                source[i..].find('\n').map_or(length, |end| i + end)
            }
            b'/' if next == b'*' => block_comment_end(bytes, i),
            b'"' => string_end(bytes, i),
            b'\'' => character_or_lifetime_end(bytes, i),
            b'b' | b'c' if matches!(next, b'"' | b'\'') => i + 1, // b"…", b'…', c"…"
            b'0'..=b'9' => {
                while i < length && IS_LETTER[bytes[i] as usize] {
                    i += 1;
                }
                i
            }
            b':' if next == b':' => {
                found.push((Token::PathSeparator, line));
                i + 2
            }
            // r"…", r#"…"#, br"…", or an identifier ending in r or b before a # or a quote.
            _ if IS_LETTER[byte as usize] => raw_string_end(bytes, i).unwrap_or(i + 1),
            b'{' | b'}' | b'(' | b')' | b';' | b',' | b'*' | b'$' => {
                in_use_declaration &= byte != b';';
                found.push((Token::Punctuation(byte), line));
                i + 1
            }
            _ => i + 1,
        };
        for &skipped in &bytes[i..end] {
            if skipped == b'\n' {
                line += 1;
            }
        }
        i = end;
    }
    found
}

/// Where the block comment starting at `i` ends (block comments nest).
fn block_comment_end(bytes: &[u8], i: usize) -> usize {
    let mut depth = 0;
    let mut j = i;
    while j < bytes.len() {
        if bytes[j..].starts_with(b"/*") {
            depth += 1;
            j += 2;
        } else if bytes[j..].starts_with(b"*/") {
            depth -= 1;
            j += 2;
            if depth == 0 {
                return j;
            }
        } else {
            j += 1;
        }
    }
    bytes.len()
}

/// Where the string starting at `i` (its opening quote) ends.
fn string_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < bytes.len() && bytes[j] != b'"' {
        j += if bytes[j] == b'\\' { 2 } else { 1 };
    }
    (j + 1).min(bytes.len())
}

/// Where the character literal (`'x'`, `'\n'`, `'“'`) or lifetime (`'a`) starting at `i` ends.
fn character_or_lifetime_end(bytes: &[u8], i: usize) -> usize {
    if bytes.get(i + 1) == Some(&b'\\') {
        return (i + 3..bytes.len())
            .find(|&j| bytes[j] == b'\'')
            .map_or(bytes.len(), |j| j + 1);
    }
    let character = match bytes.get(i + 1) {
        Some(lead) if *lead >= 0xF0 => 4,
        Some(lead) if *lead >= 0xE0 => 3,
        Some(lead) if *lead >= 0xC0 => 2,
        _ => 1,
    };
    if bytes.get(i + 1 + character) == Some(&b'\'') {
        return i + 2 + character;
    }
    (i + 1..bytes.len())
        .find(|&j| !(bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_'))
        .unwrap_or(bytes.len())
}

/// Where the raw string (`r"…"`, `r#"…"#`, `br"…"`) starting at `i` ends, if one starts there.
fn raw_string_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if bytes.get(j) == Some(&b'b') {
        j += 1;
    }
    if bytes.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = bytes[j..].iter().take_while(|&&byte| byte == b'#').count();
    j += hashes;
    if bytes.get(j) != Some(&b'"') {
        return None;
    }
    let mut closing = vec![b'"'];
    closing.resize(1 + hashes, b'#');
    let end = (j + 1..bytes.len()).find(|&k| bytes[k..].starts_with(&closing));
    Some(end.map_or(bytes.len(), |end| end + closing.len()))
}

#[test]
fn only_code_is_read() {
    let source = "use crate::a; // crate::b\n/* crate::c /* nested */ crate::d */\n\
                  let s = \"crate::e \\\" crate::f\"; let r = r#\"crate::g\"#;\n\
                  let c = '\"'; let q = '“'; fn f<'a>(x: &'a str) { crate::h(x) }";
    let found: Vec<(Token<'_>, Line)> = tokens(source)
        .into_iter()
        .filter(|(token, _)| matches!(token, Token::Identifier(_)))
        .collect();
    assert_eq!(
        found,
        [
            (Token::Identifier("use"), 1),
            (Token::Identifier("crate"), 1),
            (Token::Identifier("a"), 1),
            (Token::Identifier("crate"), 4),
            (Token::Identifier("h"), 4),
        ]
    );
}
