//! The visual layout against where a reader sees each character.

use super::*;

fn laid_out(text: &str, width: f32) -> (Arc<Galley>, VisualMap) {
    let ctx = egui::Context::default();
    // The machine's fonts, as the desk has them, when there are: Arabic letters then
    // join, and ligatures make fewer glyphs than letters.
    if let Ok(bytes) = std::fs::read("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") {
        let mut fonts = egui::FontDefinitions::default();
        fonts
            .font_data
            .insert("dejavu".into(), Arc::new(egui::FontData::from_owned(bytes)));
        for family in fonts.families.values_mut() {
            family.push("dejavu".into());
        }
        ctx.set_fonts(fonts);
    }
    let mut out = None;
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let base = TextFormat::default();
        let format_of = |_: Range<usize>| base.clone();
        let style = VisualStyle {
            format_of: &format_of,
            cuts: &[],
            paragraph_gap: None,
            wrap_width: width,
        };
        out = Some(visual_galley(ui, text, &style));
    });
    output.textures_delta.clear();
    out.expect("laid out")
}

/// Arabic with a figure, a Latin name, brackets and Arabic-Indic digits; Hebrew; English.
const MIXED: &str = "قال مسؤولون في وزارة الداخلية إن أكثر من 4,000 شخص نقلوا خلال الأسبوع الماضي إلى مخيمات في شمال البلاد، وهو رقم لم تؤكده أي جهة مستقلة.\nوأضاف المتحدث باسم الوزارة، John Smith، أن العملية (التي بدأت في ٢٠٢٤) ستستمر حتى نهاية العام.\n\nשלום עולם (כך) 2024\nPlain English.";

#[test]
fn every_character_is_drawn() {
    let text = MIXED;
    let total = crate::text::char_count(text);
    for width in [80.0, 200.0, 333.0, 500.0, 700.0, 1000.0] {
        let (galley, map) = laid_out(text, width);
        let places: usize = galley
            .rows
            .iter()
            .map(|row| row.char_count_including_newline().0)
            .sum();
        let mut drawn: Vec<usize> = (0..places).filter_map(|place| map.char_at(place)).collect();
        drawn.sort_unstable();
        // Letters joined into one glyph, and the zero-width glyphs egui adds, share it.
        drawn.dedup();
        // Every character is drawn; an Arabic letter may be drawn joined into the glyph
        // of its neighbour in the word.
        let joinable = |c: char| {
            use unicode_bidi::{BidiClass, bidi_class};
            matches!(bidi_class(c), BidiClass::AL | BidiClass::R | BidiClass::NSM)
        };
        let missing: Vec<(usize, char)> = text
            .chars()
            .enumerate()
            .filter(|(offset, c)| *c != '\n' && drawn.binary_search(offset).is_err())
            .filter(|(_, c)| !joinable(*c))
            .collect();
        assert!(missing.is_empty(), "at width {width}: {missing:?}");
        assert!(drawn.len() * 10 >= total * 9, "at width {width}");
        // Every offset has a caret place, and the two ways agree between words.
        for offset in 0..=total {
            let place = map.galley_from_section(offset);
            assert!(place <= places, "offset {offset} at width {width}");
        }
    }
}

#[test]
fn right_to_left_paragraphs_are_drawn_from_the_right() {
    let (galley, map) = laid_out(MIXED, 500.0);
    // The first word of the Arabic paragraph ("قال") is at the right of the first row.
    let first_word = map.galley_from_section(0);
    let row = &galley.rows[0];
    let x = galley
        .pos_from_cursor(egui::text::CCursor::new(first_word))
        .center()
        .x;
    assert!(x > row.pos.x + row.size.x * 0.8, "{x} of {}", row.size.x);
    // The English paragraph starts at the left.
    let english = MIXED.chars().count() - "Plain English.".len();
    let x = galley
        .pos_from_cursor(egui::text::CCursor::new(map.galley_from_section(english)))
        .center()
        .x;
    assert!(x < 5.0, "{x}");
}

#[test]
fn a_drag_over_a_word_selects_that_word() {
    let (galley, map) = laid_out(MIXED, 1000.0);
    // "الداخلية", the fifth word: drag from its left edge on screen to its right edge.
    let start = MIXED
        .find("الداخلية")
        .map_or(0, |b| MIXED[..b].chars().count());
    let end = start + "الداخلية".chars().count();
    let rects = map.rects_of(&galley, &(start..end));
    assert_eq!(rects.len(), 1, "one stretch on screen");
    let rect = rects[0];
    let y = rect.center().y;
    let from = galley.cursor_from_pos(egui::vec2(rect.left() + 0.5, y));
    let to = galley.cursor_from_pos(egui::vec2(rect.right() - 0.5, y));
    let ends = [from, to].map(|c| map.section_from_galley(c.index.0));
    assert_eq!(ends[0].min(ends[1])..ends[0].max(ends[1]), start..end);
}

#[test]
fn a_right_to_left_piece_cut_by_a_mark_is_drawn_last_part_first() {
    let piece = Piece {
        logical: 2..8,
        order: PieceOrder::ShapedRightToLeft,
    };
    let parts = cut(&piece, 10, &[0, 14, 30]);
    let ranges: Vec<_> = parts.iter().map(|p| p.logical.clone()).collect();
    assert_eq!(ranges, vec![4..8, 2..4]);
}

#[test]
fn lines_break_after_a_space_and_keep_it() {
    let atom = |end, width, space| Atom { end, width, space };
    // "aaaa bbbb cc": words 40 wide, spaces 10, in a line 95 wide.
    let atoms = [
        atom(4, 40.0, false),
        atom(5, 10.0, true),
        atom(9, 40.0, false),
        atom(10, 10.0, true),
        atom(12, 20.0, false),
    ];
    let lines = fill_lines(&atoms, 12, 95.0);
    let ranges: Vec<_> = lines.iter().map(|line| line.range.clone()).collect();
    assert_eq!(ranges, vec![0..10, 10..12]);
    // A word wider than the line has a line of its own.
    let lines = fill_lines(&atoms, 12, 30.0);
    let ranges: Vec<_> = lines.iter().map(|line| line.range.clone()).collect();
    assert_eq!(ranges, vec![0..5, 5..10, 10..12]);
}

#[test]
fn text_is_cut_into_words_and_spaces() {
    let chunks: Vec<&str> = chunks("John  Smith, (Reuters)").collect();
    assert_eq!(chunks, vec!["John", " ", " ", "Smith,", " ", "(Reuters)"]);
}

/// Hostile text never panics the layout, and every offset still has a caret place: explicit
/// embeddings and overrides nested deep and left unclosed, isolates, marks with no letter,
/// a word longer than a line, tabs, empty paragraphs.
#[test]
fn hostile_text_is_laid_out_without_panicking() {
    let deep = "\u{202B}".repeat(200) + "عربي" + &"\u{202C}".repeat(3);
    let long_word = "ب".repeat(3_000);
    let texts = [
        deep.as_str(),
        long_word.as_str(),
        "\u{2067}abc\u{2066}שלום\u{2069}\u{2069}\u{2069}",
        "\u{202E}overridden text\u{202D}مختلط\u{202C}",
        "\u{064B}\u{0651}\u{200D}\u{200C}",
        "\t\tب\tא\n\n\n\u{2068}",
        "(((((ب]]]]] ٠١٢٣٤٥ 1.2.3 ١٬٢٣٤٫٥ %٪",
        "",
        "\u{200F}",
    ];
    for text in texts {
        for width in [1.0, 40.0, 600.0] {
            let (galley, map) = laid_out(text, width);
            let places: usize = galley
                .rows
                .iter()
                .map(|row| row.char_count_including_newline().0)
                .sum();
            for offset in 0..=crate::text::char_count(text) {
                assert!(
                    map.galley_from_section(offset) <= places,
                    "{text:?} at {width}"
                );
            }
            for place in 0..=places {
                assert!(map.section_from_galley(place) <= crate::text::char_count(text));
            }
        }
    }
}
