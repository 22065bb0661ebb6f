//! Web pages read end to end: the body chosen, the furniture dropped, lists, quotes and tables
//! kept readable, broken and hostile markup read as a browser would or refused in time.

use super::nesting::nesting_estimate;
use super::*;

#[test]
fn the_article_body_is_read_and_the_page_furniture_dropped() {
    let page = r#"<!doctype html><html><head><title>Harbour | The Gazette</title>
        <style>p { color: red }</style><script>var ads = "<p>buy</p>";</script></head>
        <body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
        <article><h1>Harbour reopens</h1><p class="byline">By A. Writer</p>
        <p>The harbour <em>reopened</em> on Monday,<br>after <a href="x">two years</a>.</p>
        <h2>Costs</h2><p>It cost   more than
        4,000 euros.</p><script>track()</script>
        <aside>Related: other story</aside></article>
        <footer>© The Gazette</footer></body></html>"#;
    let outline = outline_from_html(page).unwrap();
    assert_eq!(outline.title.as_deref(), Some("Harbour reopens"));
    assert_eq!(outline.headings(), ["Costs"]);
    assert_eq!(
        outline.sections[0].paragraphs,
        [
            "By A. Writer",
            "The harbour reopened on Monday, after two years."
        ]
    );
    // Inside an article, an aside is part of what the writer wrote.
    assert_eq!(
        outline.sections[1].paragraphs,
        ["It cost more than 4,000 euros.", "Related: other story"]
    );
}

#[test]
fn without_an_article_the_body_is_read_without_its_masthead_and_footer() {
    let page = "<html><head><title>Notes</title></head><body>
        <header>Site name</header><h2>One</h2><p>First.</p>
        <aside>Sidebar</aside><p>Second.</p><footer>Footer</footer></body></html>";
    let outline = outline_from_html(page).unwrap();
    assert_eq!(outline.title.as_deref(), Some("Notes"));
    assert_eq!(outline.headings(), ["One"]);
    assert_eq!(outline.sections[0].paragraphs, ["First.", "Second."]);
}

#[test]
fn lists_quotes_and_tables_stay_readable() {
    let page = r#"<main><p>Steps:</p><ol start="3"><li>Open</li><li>Close
        <ul><li>gently</li></ul></li></ol>
        <blockquote><p>“We did it,” she said.</p></blockquote>
        <table><tr><th>Year</th><th>Ships</th></tr><tr><td>2024</td><td>4,000</td></tr></table>
        <pre>line one
line two</pre><div hidden>secret</div><p aria-hidden="true">icon</p></main>"#;
    let outline = outline_from_html(page).unwrap();
    assert_eq!(
        outline.sections[0].paragraphs,
        [
            "Steps:",
            "3. Open",
            "4. Close",
            "- gently",
            "“We did it,” she said.",
            "Year | Ships",
            "2024 | 4,000",
            "line one",
            "line two",
        ]
    );
}

#[test]
fn broken_markup_is_read_as_a_browser_would() {
    let deep = format!("<p>{}deep text{}", "<div>".repeat(500), "</div>".repeat(10));
    let outline = outline_from_html(&deep).unwrap();
    assert_eq!(outline.sections[0].paragraphs, ["deep text"]);
    let broken = "<p>unclosed <b>bold <i>both</b> still</p><p>next";
    let outline = outline_from_html(broken).unwrap();
    assert_eq!(
        outline.sections[0].paragraphs,
        ["unclosed bold both still", "next"]
    );
    assert!(outline_from_html("").unwrap().sections.is_empty());
    assert!(
        outline_from_html("<script>only()</script>")
            .unwrap()
            .sections
            .is_empty()
    );
}

#[test]
fn a_page_nested_too_deep_is_refused_before_it_is_parsed() {
    let started = std::time::Instant::now();
    let deep = format!("{}text", "<div><span>".repeat(100_000));
    assert_eq!(outline_from_html(&deep), Err(HtmlError::TooDeep));
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    // Many paragraphs, line breaks and list items are flat, however many there are.
    let flat = "<p>one<br>two<li>item<!-- <div><div> -->".repeat(10_000);
    assert_eq!(nesting_estimate(&flat), 0);
    assert!(outline_from_html(&flat).is_ok());
    assert_eq!(nesting_estimate("<div><div></div><div></div></div>"), 2);
}

#[test]
fn stray_end_tags_do_not_hide_depth() {
    // End tags that close nothing leave the parser's elements open: each of these pages
    // nests tens of thousands deep, and html5ever would take minutes on it.
    for page in [
        "<div></span>".repeat(20_000),
        "<b></x>".repeat(20_000),
        "<dl><dt>]]></template></script>".repeat(12_232),
        "<div/>".repeat(20_000),
    ] {
        let started = std::time::Instant::now();
        assert_eq!(outline_from_html(&page), Err(HtmlError::TooDeep));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}

#[test]
fn list_numbers_at_the_end_of_the_range_do_not_overflow() {
    // Found by fuzzing: counting on from the largest start a page can give.
    let page = r#"<ol start="9223372036854775807"><li>last</li><li>past it</li></ol>"#;
    let outline = outline_from_html(page).unwrap();
    assert_eq!(
        outline.sections[0].paragraphs,
        ["9223372036854775807. last", "9223372036854775807. past it"]
    );
}

#[test]
fn charts_and_scripts_are_not_depth() {
    let chart = format!(
        "<article><p>Figures:</p><svg>{}</svg><script>{}</script><p>After.</p></article>",
        r#"<rect x="1" y="2"/>"#.repeat(3_000),
        "if (i<n && j<k) { a<b; }".repeat(3_000)
    );
    let outline = outline_from_html(&chart).unwrap();
    assert_eq!(outline.sections[0].paragraphs, ["Figures:", "After."]);
}

#[test]
fn a_teaser_article_beside_the_story_is_not_the_story() {
    let page = "<html><head><title>Council votes on budget | Gazette</title></head><body>\
        <main><p>The council voted on Tuesday to approve a budget of 4 million euros.</p>\
        <p>The mayor said the vote was a turning point for the town.</p>\
        <p>Opposition members said the costs were underestimated.</p></main>\
        <aside><article><h3>Harbour closes</h3><p>Read our earlier story.</p></article>\
        </aside></body></html>";
    let outline = outline_from_html(page).unwrap();
    assert_eq!(outline.title.as_deref(), Some("Council votes on budget"));
    assert_eq!(outline.sections.len(), 1);
    assert_eq!(outline.sections[0].paragraphs.len(), 3);
}

#[test]
fn a_page_inside_a_form_is_read_but_not_its_fields() {
    let page = "<body><form action=x><h1>New rail line approved</h1>\
        <p>The ministry approved the line.</p><label>Search</label><input value=q>\
        <button>Go</button></form></body>";
    let outline = outline_from_html(page).unwrap();
    assert_eq!(outline.title.as_deref(), Some("New rail line approved"));
    assert_eq!(
        outline.sections[0].paragraphs,
        ["The ministry approved the line."]
    );
}

#[test]
fn nested_tables_line_breaks_and_hidden_text() {
    let page = "<main><table><tr><td>Outer A</td><td><table><tr><td>Inner B</td>\
        <td>Inner C</td></tr></table></td><td>Outer D</td></tr></table>\
        <div>First line<br>same paragraph<br><br>Second paragraph</div>\
        <p>Price: <span style=\"display: none\">hidden</span>10 €.</p></main>";
    let outline = outline_from_html(page).unwrap();
    assert_eq!(
        outline.sections[0].paragraphs,
        [
            "Outer A | Inner B | Inner C | Outer D",
            "First line same paragraph",
            "Second paragraph",
            "Price: 10 €."
        ]
    );
}

/// Page-like text built from the pieces that trip HTML readers up.
fn page_like() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<h2>".to_owned()),
        Just("</h2>".to_owned()),
        Just("<h1>Title</h1>".to_owned()),
        Just("<ol start=\"-3\"><li>".to_owned()),
        Just("<ul><li>".to_owned()),
        Just("</li></ul>".to_owned()),
        Just("<table><tr><td>".to_owned()),
        Just("</td><td>".to_owned()),
        Just("</tr></table>".to_owned()),
        Just("<pre>a\nb</pre>".to_owned()),
        Just("<script>x<p>y</script>".to_owned()),
        Just("<article>".to_owned()),
        Just("</article>".to_owned()),
        Just("<nav>menu</nav>".to_owned()),
        Just("<!-- c -->".to_owned()),
        Just("<br>".to_owned()),
        Just("&amp;&#0;&#xD800;&bogus;".to_owned()),
        Just("<img alt=\"photo\">".to_owned()),
        Just("<div hidden>".to_owned()),
        Just("</div>".to_owned()),
        "[a-zA-Z0-9 .,\u{5d0}-\u{5ea}\u{600}-\u{6ff}<>/\"'=!-]{0,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300)
    ))]

    #[test]
    fn any_page_reads_into_clean_paragraphs(page in page_like()) {
        let outline = outline_from_html(&page).unwrap();
        for section in &outline.sections {
            for paragraph in &section.paragraphs {
                proptest::prop_assert!(!paragraph.trim().is_empty());
                proptest::prop_assert!(!paragraph.contains('\n'));
            }
            if let Some(heading) = &section.heading {
                proptest::prop_assert!(!heading.is_empty());
            }
        }
    }
}

#[test]
fn right_to_left_and_entities_are_kept() {
    let outline = outline_from_html("<p dir=rtl>مرحبا &amp; שלום&nbsp;– 4&#8239;000</p>").unwrap();
    assert_eq!(
        outline.sections[0].paragraphs,
        ["مرحبا & שלום\u{a0}– 4\u{202f}000"]
    );
}

#[test]
fn paragraphs_keep_the_direction_their_blocks_give_them() {
    let page = r#"<html dir="rtl"><body><h2>CNN والأخبار</h2>
        <p>CNN قالت إن الطريق مفتوح.</p><p>قالت الشرطة ذلك.</p>
        <p dir="ltr">שלום is Hebrew for peace.</p><p dir="ltr">Reuters said so.</p>
        <div dir="auto"><p>CNN قالت ذلك أيضا.</p></div>
        <p>CNN <span dir="ltr">قالت</span> اليوم.</p></body></html>"#;
    let outline = outline_from_html(page).unwrap();
    assert_eq!(outline.headings(), ["\u{200F}CNN والأخبار"]);
    assert_eq!(
        outline.sections[0].paragraphs,
        [
            "\u{200F}CNN قالت إن الطريق مفتوح.",
            "قالت الشرطة ذلك.",
            "\u{200E}שלום is Hebrew for peace.",
            "Reuters said so.",
            "CNN قالت ذلك أيضا.",
            "\u{200F}CNN قالت اليوم.",
        ]
    );
}

#[test]
fn a_long_right_to_left_page_read_by_readability_keeps_its_direction() {
    let sentence =
        "قالت الحكومة إن الطريق الجديد سيفتح أمام السيارات في الربيع المقبل بعد سنتين من العمل. ";
    let page = format!(
        r#"<html dir="rtl"><head><title>الطريق</title></head><body><nav>Home</nav><article>
        <h1>الطريق الجديد</h1><p>{0}{0}</p><p>CNN نقلت الخبر. {0}</p><p>{0}{0}{0}</p>
        <p dir="ltr">The English summary says the road opens in spring.</p></article></body></html>"#,
        sentence.repeat(2)
    );
    let outline = outline_from_html(&page).unwrap();
    let paragraphs = &outline.sections[0].paragraphs;
    assert!(
        paragraphs.iter().any(|p| p.starts_with("\u{200F}CNN نقلت")),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs
            .iter()
            .any(|p| p == "The English summary says the road opens in spring."),
        "{paragraphs:?}"
    );
}
