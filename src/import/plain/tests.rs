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

#[test]
fn a_headline_over_a_summary_in_hard_wrapped_text_is_the_title() {
    // The headline is most of a wrapped line long, and the summary follows it directly; but
    // "The" would have fitted on the headline's line, so the break is the writer's, not the
    // wrapping's.
    let article = "\nThe service starts in June and will cost the city two million euros a year.\n\nThe city council voted on Tuesday to approve a new ferry route between the\nharbour and the island, ending a debate that lasted two years. The vote was\nclose and the opposition walked out before the end of the session today.\n\nThe mayor said the route would be run by the port authority from the start\nof the summer season, and that tickets would cost the same as on the bus.\n";
    // In title case, a headline is one even as long as the wrapped lines.
    for headline in [
        "Harbour council approves a new ferry route to the island",
        "Harbour Council Approves a New Ferry Route to the Island After Two Years",
    ] {
        let outline = outline_from_plain_text(&format!("{headline}{article}"));
        assert_eq!(outline.title.as_deref(), Some(headline));
        assert!(outline.headings().is_empty());
        assert_eq!(
            outline.sections[0].paragraphs[0],
            "The service starts in June and will cost the city two million euros a year."
        );
        assert_eq!(outline.sections[0].paragraphs.len(), 3);
    }
}

#[test]
fn a_wrapped_first_line_is_not_taken_for_a_title() {
    // A paragraph's first line broken where the width ran out, even before a capital.
    let text = "The minister, who spoke on condition of anonymity, told reporters that\nParliament would vote on the plan next year despite the objections of the\nopposition parties.\n\nThe plan was first proposed in 2019 by the council, and it was blocked\ntwice by the courts before the election that brought the new majority in.\n";
    let outline = outline_from_plain_text(text);
    assert_eq!(outline.title, None);
    assert!(outline.sections[0].paragraphs[0].starts_with("The minister, who spoke"));
}

#[test]
fn a_question_or_a_long_headline_on_the_first_line_is_the_title() {
    let question = "Will the island ferry ever run on time?\n\nThe service starts in June, the council said.\n\nThe vote was close.\n";
    assert_eq!(
        outline_from_plain_text(question).title.as_deref(),
        Some("Will the island ferry ever run on time?")
    );
    let long = "Council approves the new harbour ferry route to the island after two years of debate in the city hall\nThe service starts in June.\nThe vote was close.\n";
    assert_eq!(
        outline_from_plain_text(long).title.as_deref(),
        Some(
            "Council approves the new harbour ferry route to the island after two years of debate in the city hall"
        )
    );
    // A question later on is still no heading, and a first-line sentence is no title.
    let later = "Intro sentence.\nWhy does it matter?\nBecause it does.\n";
    assert!(headings(later).is_empty());
    let sentence = "The ferry runs again.\nIt left at nine.\n";
    assert_eq!(outline_from_plain_text(sentence).title, None);
}

#[test]
fn short_lines_introduced_by_a_colon_are_a_list_not_headings() {
    let text = "The Ferry Returns\nThe council listed what the new service brings:\nMore Morning Boats\nA Stop at the Old Pier\nCheaper Tickets for Pupils\nBikes Carried Free\nA Night Boat on Fridays\nShelters at Both Ends\nThe first boat leaves on Monday.\n\nWho Pays\nThe port authority pays half.\n";
    let outline = outline_from_plain_text(text);
    assert_eq!(outline.title.as_deref(), Some("The Ferry Returns"));
    assert_eq!(outline.headings(), ["Who Pays"]);
    assert_eq!(outline.sections[0].paragraphs.len(), 8);
    assert_eq!(outline.sections[0].paragraphs[1], "More Morning Boats");

    // The same with a blank line between the items, as blocks are often pasted.
    let spaced = "Intro sentence.\n\nThe council listed what the service brings:\n\nMore Morning Boats\n\nA Stop at the Old Pier\n\nCheaper Tickets\n\nThe first boat leaves on Monday.\n\nWho Pays\n\nThe port authority pays half.\n";
    assert_eq!(headings(spaced), ["Who Pays"]);

    // In hard-wrapped text, each item stays a paragraph of its own; a quotation wrapped after
    // a colon is still one paragraph.
    let wrapped = "The council listed what the new service brings to the island and its\nvisitors, in a statement published on Tuesday evening after the vote:\nMore Morning Boats\nCheaper Tickets for Pupils\nBikes Carried Free\n\nThe mayor said after the vote that she was glad the council agreed:\nthe route would be run by the port authority from the start\nof the summer season, and tickets would cost the same as\non the buses, she said.\n\nThe opposition, which walked out before the vote, said the cost of the\nroute had been kept from the public for two years and that the port\nauthority was not ready to run a ferry of its own before the autumn.\n";
    let outline = outline_from_plain_text(wrapped);
    assert!(outline.headings().is_empty());
    assert_eq!(
        outline.sections[0].paragraphs[1..4],
        [
            "More Morning Boats",
            "Cheaper Tickets for Pupils",
            "Bikes Carried Free"
        ]
    );
    assert_eq!(outline.sections[0].paragraphs.len(), 6);

    // One short line after a colon, followed by body text, is still a heading.
    let one = "She said this:\n\nBackground\n\nThe plan dates from 2019.\n";
    assert_eq!(headings(one), ["Background"]);
}

#[test]
fn a_line_cut_off_with_a_dash_is_never_a_heading() {
    for cut in [
        "“We never said we would--”",
        "“But the mayor told us-”",
        "“If the ferry does not come—”",
        "And Then the Boat—",
    ] {
        let text = format!("Intro sentence.\n\n{cut}\n\nThe rest of the story followed.\n");
        assert!(headings(&text).is_empty(), "{cut}");
        let first = format!("{cut}\nThe rest of the story followed.\n");
        assert_eq!(outline_from_plain_text(&first).title, None, "{cut}");
    }
}
