//! Sections from plain text.
//!
//! Drafts arrive as text pasted out of a CMS or a mail: one paragraph per line, or
//! hard-wrapped paragraphs between blank lines, with headings as short lines. A heading is
//! recognised by how it looks and where it sits — a short line without closing punctuation,
//! at the start of a paragraph, with body text after it — not by blank lines around it,
//! which real drafts use inconsistently. Short trailing lines with no body after them
//! (a promo footer, "Read More: …") stay text of the last section; a line cut off with a dash
//! (a speaker interrupted) is never a heading. The headline on the first line is the title
//! (`title`); short lines after a line ending in ":" are a list, not headings (`lists`).

mod lists;
mod title;

use super::ArticleOutline;
use super::outline::OutlineBuilder;
use lists::list_item_lines;
use title::{broken_by_the_writer, looks_like_title};

/// The longest line (in characters) still taken for a heading.
const MAX_HEADING_CHARS: usize = 100;
/// The most words a heading may have.
const MAX_HEADING_WORDS: usize = 14;
/// Lines of hard-wrapped text are at most this long.
const MAX_WRAPPED_LINE_CHARS: usize = 100;

pub fn outline_from_plain_text(text: &str) -> ArticleOutline {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    // A list's short lines, one under the other, are not a paragraph the wrapping broke:
    // judged against the longest line first, they are left out of measuring the wrapping,
    // which then tells which lines are short enough to be items.
    let longest_line = lines.iter().map(|l| l.trim().chars().count()).max();
    let wrap_width = hard_wrap_width(&lines, &list_item_lines(&lines, longest_line));
    let list_items = list_item_lines(&lines, wrap_width);
    let headings = heading_lines(&lines, wrap_width, &list_items);
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
        } else if list_items[index] {
            // An item of a list without bullets is one line, even in wrapped text.
            flush(&mut paragraph, &mut builder);
            builder.paragraph(trimmed.to_owned());
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

/// Which lines are headings (the first, the title). In hard-wrapped text, a line directly
/// followed by more text is only a heading when it is clearly shorter than the wrapped lines
/// around it — or, for the title, when the wrapping would not have broken it there.
fn heading_lines(lines: &[&str], wrap_width: Option<usize>, list_items: &[bool]) -> Vec<bool> {
    let first_line = lines.iter().position(|l| !l.trim().is_empty());
    let looks_like: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            !list_items[index]
                && if Some(index) == first_line {
                    looks_like_title(line)
                } else {
                    looks_like_heading(line)
                }
        })
        .collect();
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
        let wrapped_line =
            wrapped_line && !(Some(index) == first_line && broken_by_the_writer(lines, index));
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
        && !is_cut_off(line)
}

/// A line ending in a dash ("--", "-", "—", "–"), closing quotes aside: a speaker cut off, an
/// unfinished thought; never a heading.
fn is_cut_off(line: &str) -> bool {
    matches!(last_mark(line), Some('-' | '—' | '–'))
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
/// `list_items` are lines shaped as the items of a list, which say nothing about wrapping.
fn hard_wrap_width(lines: &[&str], list_items: &[bool]) -> Option<usize> {
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
    // A wrapped line is followed directly by more of its paragraph, mid-sentence; an item of
    // a list is followed by the next item.
    let mut continued: Vec<usize> = body
        .iter()
        .filter(|(i, line)| {
            lines.get(i + 1).is_some_and(|next| !next.trim().is_empty())
                && !ends_sentence(line)
                && !list_items[*i]
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
