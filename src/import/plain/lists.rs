//! Lists pasted without their bullets: a line ending in ":" and, after it, a run of short
//! lines with no closing punctuation ("The plan brings:" / "More Morning Boats" / "Cheaper
//! Tickets" …). Each looks like a heading on its own, but a heading is followed by body text,
//! and these are followed by one another: they are the list the colon announced.

use super::{MAX_HEADING_CHARS, MAX_HEADING_WORDS, ends_sentence, last_mark};

/// A list is several items; one short line after a colon, with body text after it, may well
/// be a heading.
const MIN_LIST_ITEMS: usize = 2;

/// Which lines are items of a list introduced by a colon. Given a line width (that of
/// hard-wrapped text), an item is clearly shorter, so a quotation wrapped after "said:" is
/// still one paragraph.
pub(super) fn list_item_lines(lines: &[&str], wrap_width: Option<usize>) -> Vec<bool> {
    let mut items = vec![false; lines.len()];
    for (index, line) in lines.iter().enumerate() {
        if last_mark(line.trim()) == Some(':') {
            let run = list_after(lines, index, wrap_width);
            if run.len() >= MIN_LIST_ITEMS {
                for item in run {
                    items[item] = true;
                }
            }
        }
    }
    items
}

/// The items after the introducing line at `colon`: short unfinished lines, as close to one
/// another as the first two are (one under the other, or a blank line apart), so a list
/// pasted line by line ends at the first blank line. Each line is looked at by one run only
/// (a run stops at any line that ends a sentence, as its introducing line does), so this
/// stays linear.
fn list_after(lines: &[&str], colon: usize, wrap_width: Option<usize>) -> Vec<usize> {
    let mut run = Vec::new();
    let mut allowed_gap = 1;
    let mut index = colon + 1;
    loop {
        let gap = lines[index.min(lines.len())..]
            .iter()
            .take_while(|line| line.trim().is_empty())
            .count();
        let Some(line) = lines.get(index + gap) else {
            break;
        };
        if gap > allowed_gap || !is_list_item(line, wrap_width) {
            break;
        }
        if run.len() == 1 {
            // The first two items set the spacing of the rest.
            allowed_gap = gap;
        }
        run.push(index + gap);
        index += gap + 1;
    }
    run
}

/// A short line that does not finish a sentence.
fn is_list_item(line: &str, wrap_width: Option<usize>) -> bool {
    let line = line.trim();
    let chars = line.chars().count();
    !line.is_empty()
        && chars <= MAX_HEADING_CHARS
        && line.split_whitespace().count() <= MAX_HEADING_WORDS
        && wrap_width.is_none_or(|width| chars * 10 < width * 6)
        && !ends_sentence(line)
}
