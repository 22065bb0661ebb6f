//! Sections from plain text.
//!
//! Drafts arrive as text pasted out of a CMS or a mail: one paragraph per line, or
//! hard-wrapped paragraphs between blank lines, with headings as short lines. A heading is
//! recognised by how it looks and where it sits — a short line without closing punctuation,
//! at the start of a paragraph, with body text after it — not by blank lines around it,
//! which real drafts use inconsistently. Short trailing lines with no body after them
//! (a promo footer, "Read More: …") stay text of the last section.

use super::ArticleOutline;
use super::outline::OutlineBuilder;

/// The longest line (in characters) still taken for a heading.
const MAX_HEADING_CHARS: usize = 100;
/// The most words a heading may have.
const MAX_HEADING_WORDS: usize = 14;
/// Lines of hard-wrapped text are at most this long.
const MAX_WRAPPED_LINE_CHARS: usize = 100;

pub fn outline_from_plain_text(text: &str) -> ArticleOutline {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let wrap_width = hard_wrap_width(&lines);
    let headings = heading_lines(&lines, wrap_width);
    let wrapped = wrap_width.is_some();
    let mut builder = OutlineBuilder::default();
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, builder: &mut OutlineBuilder| {
        if !paragraph.is_empty() {
            builder.paragraph(std::mem::take(paragraph));
        }
    };
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if headings[index] {
            flush(&mut paragraph, &mut builder);
            let is_first_line = lines[..index].iter().all(|l| l.trim().is_empty());
            if is_first_line {
                builder.title_or_heading(trimmed, 1);
            } else {
                builder.heading(trimmed, 2);
            }
        } else if trimmed.is_empty() {
            flush(&mut paragraph, &mut builder);
        } else if wrapped && !paragraph.is_empty() && !starts_list_item(trimmed) {
            paragraph.push(' ');
            paragraph.push_str(trimmed);
        } else {
            flush(&mut paragraph, &mut builder);
            paragraph.push_str(trimmed);
            if !wrapped {
                flush(&mut paragraph, &mut builder);
            }
        }
    }
    flush(&mut paragraph, &mut builder);
    builder.finish()
}

/// Which lines are headings. In hard-wrapped text, a line directly followed by more text is
/// only a heading when it is clearly shorter than the wrapped lines around it.
fn heading_lines(lines: &[&str], wrap_width: Option<usize>) -> Vec<bool> {
    let looks_like: Vec<bool> = lines.iter().map(|l| looks_like_heading(l)).collect();
    // For each line, whether body text (a non-blank line that is not heading-like) comes
    // anywhere after it: one pass from the end, so long files stay linear.
    let mut body_after = vec![false; lines.len()];
    let mut seen_body = false;
    for index in (0..lines.len()).rev() {
        body_after[index] = seen_body;
        seen_body |= !lines[index].trim().is_empty() && !looks_like[index];
    }
    let mut headings = vec![false; lines.len()];
    for index in 0..lines.len() {
        if !looks_like[index] {
            continue;
        }
        // A heading starts a paragraph: nothing before it, a blank line, a finished sentence,
        // or another heading.
        let starts_paragraph = index == 0 || {
            let previous = lines[index - 1].trim();
            previous.is_empty() || ends_sentence(previous) || headings[index - 1]
        };
        // A line directly continued by a lower-case line is the first line of a wrapped paragraph.
        let continued = lines.get(index + 1).is_some_and(|next| {
            next.trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        });
        // ... and has body text after it, possibly after more headings (a sub-heading).
        let body_follows = body_after[index];
        let wrapped_line = wrap_width.is_some_and(|width| {
            lines
                .get(index + 1)
                .is_some_and(|next| !next.trim().is_empty())
                && lines[index].trim().chars().count() * 10 >= width * 6
        });
        headings[index] = starts_paragraph && !continued && !wrapped_line && body_follows;
    }
    headings
}

fn looks_like_heading(line: &str) -> bool {
    let line = line.trim();
    let chars = line.chars().count();
    let words = line.split_whitespace().count();
    let Some(first) = line.chars().next() else {
        return false;
    };
    chars <= MAX_HEADING_CHARS
        && words <= MAX_HEADING_WORDS
        && !ends_with_closing_punctuation(line)
        && !first.is_lowercase()
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !starts_list_item(line)
        && !is_byline(line)
}

/// A line ending in sentence or clause punctuation, ignoring closing quotes and brackets.
fn ends_with_closing_punctuation(line: &str) -> bool {
    ends_sentence(line) || matches!(last_mark(line), Some(';' | ',' | '،'))
}

/// A line that finishes a sentence, so what follows it starts a new paragraph.
fn ends_sentence(line: &str) -> bool {
    matches!(
        last_mark(line),
        Some('.' | '!' | '?' | '…' | ':' | '。' | '؟' | '！' | '？')
    )
}

/// The last character of a line that is not white space, a closing quote or a bracket.
fn last_mark(line: &str) -> Option<char> {
    line.trim_end_matches(|c: char| is_closer(c) || c.is_whitespace())
        .chars()
        .next_back()
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '」' | '』'
    )
}

fn starts_list_item(line: &str) -> bool {
    let line = line.trim_start();
    if let Some(rest) = line.strip_prefix(['-', '*', '•', '–', '—', '+', '·']) {
        return rest.starts_with(' ');
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && line[digits..].starts_with(['.', ')'])
        && line[digits + 1..].starts_with(' ')
}

/// "By Jane Doe" under a headline is a byline, not a section.
fn is_byline(line: &str) -> bool {
    line.strip_prefix("By ").is_some_and(|rest| {
        rest.split_whitespace().count() <= 6 && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// The typical line length when the text is hard-wrapped (paragraphs broken into lines of
/// similar length, separated by blank lines), or `None` when it has one paragraph per line.
fn hard_wrap_width(lines: &[&str]) -> Option<usize> {
    let body: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i, l.trim()))
        .collect();
    if body.len() < 3 || !lines.iter().any(|l| l.trim().is_empty()) {
        return None;
    }
    if body
        .iter()
        .any(|(_, l)| l.chars().count() > MAX_WRAPPED_LINE_CHARS + 20)
    {
        return None;
    }
    // A wrapped line is followed directly by more of its paragraph, mid-sentence.
    let mut continued: Vec<usize> = body
        .iter()
        .filter(|(i, line)| {
            lines.get(i + 1).is_some_and(|next| !next.trim().is_empty()) && !ends_sentence(line)
        })
        .map(|(_, line)| line.chars().count())
        .collect();
    if continued.len() * 3 < body.len() {
        return None;
    }
    continued.sort_unstable();
    continued.get(continued.len() / 2).copied()
}

#[cfg(test)]
mod tests;
