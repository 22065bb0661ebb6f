//! A saved news page imports as its article alone (issue 23): the headline, the story's
//! paragraphs, its heading, list, quote and table, and none of the page around it — no
//! photo-gallery controls or captions, share and newsletter boxes, author bio, related
//! stories, comments, cookie notice, navigation or footer.

use std::path::Path;

use copydesk::import::import_bytes;
use copydesk::model::DraftFormat;
use jiff::Timestamp;

const PAGE: &str = "tests/data/webpages/gallery-story.html";

#[test]
fn a_page_with_a_photo_gallery_and_related_links_imports_as_only_its_article() {
    let bytes = std::fs::read(PAGE).unwrap();
    let project =
        import_bytes(Path::new(PAGE), &bytes, DraftFormat::Html, Timestamp::now()).unwrap();
    assert_eq!(project.title, "Harbour reopens after two years of repairs");
    let text: Vec<String> = project
        .sections
        .iter()
        .flat_map(|section| {
            section
                .heading
                .iter()
                .cloned()
                .chain(section.paragraphs().map(str::to_owned))
        })
        .collect();
    assert_eq!(
        text,
        [
            "The harbour at Riverside reopened to shipping on Monday, two years after storm damage closed its inner basin and left the town's fishing fleet moored forty kilometres away.",
            "The repairs cost 48 million euros, of which the national government paid 30 million and the regional council the rest, according to figures released by the port authority last week. The work replaced both lock gates and rebuilt 600 metres of quay wall.",
            "Harbour master Tomas Byrne said the first fishing boats had come back before dawn. \"Some of the crews have not been home on a weekday in two years,\" he said.",
            "What changed",
            "Engineers made three changes that the authority says will keep the basin open in storms like the one in 2024:",
            "- lock gates two metres higher than the old ones;",
            "- a second pumping station on the north quay;",
            "- a flood wall along the fish market.",
            "\"We built it for the storms we will have, not the ones we had,\" said the project's chief engineer, Mirela Dumitru.",
            "Year | Boats landing | Catch (tonnes)",
            "2023 | 62 | 11,400",
            "2025 | 9 | 1,350",
            "Not everyone is convinced. The fishermen's association says berth fees will rise by a fifth next year to pay back the council's share, and that some owners who sold their boats during the closure will not return.",
            "The port authority expects traffic to reach its old level by the end of next year.",
        ]
    );
    let all = text.join("\n");
    for junk in [
        "1 of 24",
        "Full Screen",
        "Autoplay",
        "Skip Ad",
        "Close",
        "View Photos",
        "Caption",
        "Buy Photo",
        "Wait 1 second",
        "Share",
        "newsletter",
        "Related",
        "Comments",
        "cookies",
        "Most read",
        "All rights reserved",
        "joined the paper",
    ] {
        assert!(
            !all.contains(junk),
            "{junk:?} leaked into the article:\n{all}"
        );
    }
}
