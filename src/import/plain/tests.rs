//! What the plain-text reader makes of drafts shaped as real ones are: headings by shape and
//! place, the title, lists, wrapped paragraphs.

use super::*;

fn headings(text: &str) -> Vec<String> {
    outline_from_plain_text(text)
        .sections
        .iter()
        .filter_map(|s| s.heading.clone())
        .collect()
}

#[test]
fn headings_are_found_with_or_without_blank_lines() {
    let text =
        "Opening paragraph ends here.\nFirst Heading\nBody one.\n\nSecond Heading\n\nBody two.\n";
    let outline = outline_from_plain_text(text);
    assert_eq!(headings(text), ["First Heading", "Second Heading"]);
    assert_eq!(outline.sections[0].heading, None);
    assert_eq!(
        outline.sections[0].paragraphs,
        ["Opening paragraph ends here."]
    );
    assert_eq!(outline.sections[2].paragraphs, ["Body two."]);
}

#[test]
fn trailing_short_lines_stay_in_the_last_section() {
    let text = "Intro sentence.\nA Heading\nBody text.\nFollow Us on Instagram\nRead More:- Another Story 2026\n";
    let outline = outline_from_plain_text(text);
    assert_eq!(outline.sections.len(), 2);
    assert_eq!(
        outline.sections[1].paragraphs,
        [
            "Body text.",
            "Follow Us on Instagram",
            "Read More:- Another Story 2026"
        ]
    );
}

#[test]
fn a_first_line_headline_becomes_the_title() {
    let outline = outline_from_plain_text("Detainees Moved to Iraq\nBy Jane Doe\nThe lede.\n");
    assert_eq!(outline.title.as_deref(), Some("Detainees Moved to Iraq"));
    assert_eq!(outline.sections.len(), 1);
    assert_eq!(outline.sections[0].paragraphs, ["By Jane Doe", "The lede."]);
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let text = "The minister, who spoke on condition of anonymity, said the\nplan would go ahead next year despite the objections of the\nopposition.\n\nBackground\n\nThe plan was first proposed in 2019 by the council and it\nCosts about 3 million euros, according to the city budget for\nthe coming year.\n";
    let outline = outline_from_plain_text(text);
    assert_eq!(headings(text), ["Background"]);
    assert_eq!(
        outline.sections[0].paragraphs,
        [
            "The minister, who spoke on condition of anonymity, said the plan would go ahead next year despite the objections of the opposition."
        ]
    );
    assert_eq!(
        outline.sections[1].paragraphs,
        [
            "The plan was first proposed in 2019 by the council and it Costs about 3 million euros, according to the city budget for the coming year."
        ]
    );
}

#[test]
fn list_items_are_not_headings() {
    let text = "Key points follow.\n- More funding\n- Fewer delays\nThat is all.\n";
    assert!(headings(text).is_empty());
    let outline = outline_from_plain_text(text);
    assert_eq!(outline.sections[0].paragraphs.len(), 4);
}

#[test]
fn stacked_headings_make_an_empty_section() {
    let text = "Intro.\nPart One\nChapter 1\nIt began.\n";
    assert_eq!(headings(text), ["Part One", "Chapter 1"]);
}

#[test]
fn many_short_lines_without_body_stay_text() {
    // 20,000 heading-like lines and no body: nothing is a heading (and it takes a moment,
    // not minutes: deciding is one pass, not a scan ahead from every line).
    let text = "Item Name\n".repeat(20_000);
    let outline = outline_from_plain_text(&text);
    assert_eq!(outline.sections.len(), 1);
    assert_eq!(outline.sections[0].paragraphs.len(), 20_000);
}

#[test]
fn text_is_kept_exactly() {
    let text = "«Il a dit “oui”» — 3,5 % de plus.\nالعربية: نص تجريبي.\n";
    let outline = outline_from_plain_text(text);
    assert_eq!(
        outline.sections[0].paragraphs,
        ["«Il a dit “oui”» — 3,5 % de plus.", "العربية: نص تجريبي."]
    );
}
