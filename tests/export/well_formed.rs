//! The exported pages stay well-formed whatever the review holds: passages that overlap or
//! cross paragraphs, and edge cases (empty sections, marks at the very ends, odd text).

use super::*;

/// Checks that every element opened is closed, in order (void elements excepted).
pub(super) fn assert_balanced(page: &str) {
    const VOID: [&str; 4] = ["meta", "br", "hr", "!doctype"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = page;
    while let Some(lt) = rest.find('<') {
        let gt = rest[lt..].find('>').expect("a tag is closed") + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        if VOID.contains(&name.as_str()) {
            continue;
        }
        if tag.starts_with('/') {
            assert_eq!(
                open.pop().as_deref(),
                Some(name.as_str()),
                "stray </{name}>"
            );
        } else {
            open.push(name.clone());
            if name == "style" || name == "title" {
                // Raw text: nothing inside is a tag.
                let close = rest.find(&format!("</{name}>")).expect("closed");
                rest = &rest[close..];
            }
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

/// The visible text of each paragraph of the annotated article, without the note numbers.
fn paragraph_texts(page: &str) -> Vec<String> {
    let document = Html::parse_document(page);
    let paragraphs = Selector::parse("main .text p:not(.whole)").unwrap();
    document
        .select(&paragraphs)
        .map(|p| {
            p.descendants()
                .filter_map(|node| node.value().as_text().map(|t| (node, t)))
                .filter(|(node, _)| {
                    !node
                        .ancestors()
                        .any(|a| ElementRef::wrap(a).is_some_and(|e| e.value().name() == "sup"))
                })
                .map(|(_, text)| text.to_string())
                .collect()
        })
        .collect()
}

fn article_paragraphs(project: &Project) -> Vec<String> {
    project
        .sections
        .iter()
        .flat_map(|s| s.paragraphs())
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn overlapping_and_cross_paragraph_passages_keep_the_text_and_the_markup_whole() {
    let Some(project) = reviewed_seed() else {
        return;
    };
    let page = exported(&project, ExportFormat::AnnotatedHtml);
    assert_balanced(&page);
    assert_eq!(paragraph_texts(&page), article_paragraphs(&project));
    // The claim nested in the comment: its words are under both numbers.
    assert!(
        page.contains("<mark class=\"hl hl-many\" title=\"Notes 1, 2\">more than 4,000</mark>")
    );
    // The passage across two paragraphs is highlighted in both.
    let document = Html::parse_document(&page);
    let marks = Selector::parse("main .text p mark").unwrap();
    let note = page
        .split("id=\"note-")
        .find(|n| n.contains("These two paragraphs repeat"))
        .and_then(|n| n.split('"').next())
        .unwrap()
        .to_owned();
    let paragraphs_with_it = document
        .select(&Selector::parse("main .text p").unwrap())
        .filter(|p| {
            p.select(&marks).any(|m| {
                m.attr("title")
                    .is_some_and(|t| t.split([' ', ',']).any(|n| n == note))
            })
        })
        .count();
    assert_eq!(paragraphs_with_it, 2);
}

#[test]
fn edge_cases_never_break_the_page() {
    let Some(mut project) = reviewed_seed() else {
        return;
    };
    let opening = project.sections[0].id.clone();
    let text = project.sections[0].text.clone();
    let len = text.chars().count();
    let first_break = text.chars().position(|c| c == '\n').unwrap();
    let raw = |start: usize, end: usize| Passage {
        start,
        end,
        quote: "x".to_owned(),
        prefix: String::new(),
        suffix: String::new(),
    };
    // At the paragraph boundary, covering only the line break, adjacent, past the end.
    for (start, end) in [
        (first_break - 5, first_break + 1),
        (first_break, first_break + 1),
        (first_break + 1, first_break + 4),
        (first_break + 4, first_break + 8),
        (0, len + 50),
        (len + 10, len + 20),
    ] {
        let mut comment = Comment::new(
            opening.clone(),
            Some(raw(start, end)),
            &Reviewer::named("Q"),
            at(1),
        );
        comment.body = format!("{start}..{end}");
        project.comments.push(comment);
    }
    // A section with no text at all.
    project.sections[3].text = String::new();
    for format in [ExportFormat::Html, ExportFormat::AnnotatedHtml] {
        let page = exported(&project, format);
        assert_balanced(&page);
    }
    let page = exported(&project, ExportFormat::AnnotatedHtml);
    assert_eq!(paragraph_texts(&page), article_paragraphs(&project));
    // The passages with nothing visible in this text are listed at the end.
    let unplaced = page
        .split("Notes whose passage is not in this draft")
        .nth(1)
        .unwrap();
    assert!(unplaced.contains(&format!("{first_break}..{}", first_break + 1)));
    assert!(unplaced.contains(&format!("{}..{}", len + 10, len + 20)));
    assert!(!exported(&project, ExportFormat::Markdown).is_empty());
}
