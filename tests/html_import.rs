//! The web page importer fuzzed with HTML pieces, random text and repeated patterns (the
//! shape of a page built to be slow): never a panic, always done in bounded time. The time
//! bounds are generous: they catch work that grows with the square of the input, not speed.

use std::time::{Duration, Instant};

use copydesk::import::html::outline_from_html;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<article>",
    "</article>",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "</tr>",
    "</table>",
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<ul>",
    "<ol start=\"-9223372036854775808\">",
    "<ol start=\"9223372036854775807\">",
    "<li>",
    "</li>",
    "<pre>",
    "</pre>",
    "\n",
    "<br>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<svg>",
    "</svg>",
    "<template>",
    "</template>",
    "<nav>",
    "</nav>",
    "<main>",
    "</main>",
    "<img alt=\"x\">",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "é",
    "\u{202E}",
    "<select><option>",
    "<b>",
    "</b>",
    "<i>",
    "</x>",
    "<math>",
    "<frameset>",
    "<plaintext>",
    "<xmp>",
    "<textarea>",
    "<title>",
    "<body>",
    "<html>",
    "<head>",
    "<meta charset=x>",
    "<dl><dt>",
    "<dd>",
    "text ",
    "<h1 hidden>",
    "<p aria-hidden=true>",
    "<",
];

/// Quadratic work on these inputs takes minutes; a healthy run takes well under a second in
/// a release build. Unoptimised builds on a busy CI machine get more room.
fn bound(seconds: u64) -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) {
        seconds * 5
    } else {
        seconds
    })
}

/// How many times a pattern repeats at most: pages of up to 100,000 tags in a release build;
/// an unoptimised build parses some 30 times slower, so its pages are smaller.
fn max_repeats() -> usize {
    if cfg!(debug_assertions) {
        3_000
    } else {
        20_000
    }
}

/// `PROPTEST_CASES` cases when set (2,000 were run once in a release build), else `default`.
fn config(default: u32) -> ProptestConfig {
    ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default),
    )
}

proptest! {
    #![proptest_config(config(200))]
    #[test]
    fn html_pieces_never_panic(pieces in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..400)) {
        let html: String = pieces.concat();
        let t = Instant::now();
        let _ = outline_from_html(&html);
        prop_assert!(t.elapsed() < bound(2), "slow {:?}", t.elapsed());
    }
    #[test]
    fn random_strings_never_panic(s in "\\PC{0,2000}") {
        let t = Instant::now();
        let _ = outline_from_html(&s);
        prop_assert!(t.elapsed() < bound(2));
    }
}

proptest! {
    // Each case is a page of up to 100,000 tags: fewer of them in a routine run.
    #![proptest_config(config(40))]
    #[test]
    fn repeated_piece_patterns(pattern in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 1..6), times in 1usize..max_repeats()) {
        let html: String = pattern.concat().repeat(times);
        let t = Instant::now();
        let _ = outline_from_html(&html);
        prop_assert!(t.elapsed() < bound(3), "slow {:?} for {:?} x{}", t.elapsed(), pattern, times);
    }
}

/// Found by `repeated_piece_patterns` once Readability read pages: 721 nested lists took 16 s
/// in its scoring on a loaded machine. Deeper than an article nests, the page is read by
/// copydesk's own linear walk.
#[test]
fn deeply_nested_lists_are_read_quickly() {
    for depth in [721, 1_500, 1_999] {
        let html = "<ul>".repeat(depth);
        let t = Instant::now();
        let _ = outline_from_html(&html);
        assert!(t.elapsed() < bound(1), "{depth}: {:?}", t.elapsed());
    }
}
