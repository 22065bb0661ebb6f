//! A right-to-left review in the real desk: marks land on the words the reviewer selected
//! on screen, and the keyboard moves the way the text reads.

use egui::{Key, Modifiers, vec2};

use crate::common::desk::{
    CTRL_SHIFT, Desk, click, click_at, desk_with_fonts, drag, press, project,
};
use crate::common::passage_of;

/// Our own Arabic article: a figure, a Latin name in the middle, brackets, Arabic-Indic digits.
const ARABIC: &str = "نقل آلاف المقاتلين إلى مخيمات جديدة\n\n\
قال مسؤولون في وزارة الداخلية إن أكثر من 4,000 شخص نقلوا خلال الأسبوع الماضي إلى مخيمات في شمال البلاد.\n\n\
وأضاف المتحدث باسم الوزارة، John Smith، أن العملية (التي بدأت في ٢٠٢٤) ستستمر حتى نهاية العام.\n";

/// A font with Arabic and Hebrew letters, as the desk finds on a machine through its system
/// fonts (the headless harness has only egui's own, which have none). `.ci/run` installs it.
const ARABIC_FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

fn arabic_desk(folder: &tempfile::TempDir) -> Desk {
    let path = folder.path().join("arabic.txt");
    std::fs::write(&path, ARABIC).unwrap();
    let font = std::fs::read(ARABIC_FONT).unwrap_or_else(|error| {
        panic!("{ARABIC_FONT}: {error} (install fonts-dejavu-core; .ci/run does)")
    });
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "arabic".into(),
        std::sync::Arc::new(egui::FontData::from_owned(font)),
    );
    for family in fonts.families.values_mut() {
        family.push("arabic".into());
    }
    desk_with_fonts(Some(path), Some("Ana"), fonts)
}

/// Where the caret before `offset` is drawn, just inside the text.
fn caret_pos(harness: &Desk, quote: &str, chars_in: usize) -> egui::Pos2 {
    let (section, passage) = passage_of(project(harness), quote);
    harness
        .state()
        .article_view()
        .char_screen_pos(&section, passage.start + chars_in)
        .expect("on screen")
}

fn selected_text(harness: &Desk) -> String {
    let selection = harness.state().state().navigation.text_selection().cloned();
    let selection = selection.expect("text is selected");
    copydesk::text::slice_chars(
        &project(harness).section(&selection.section).unwrap().text,
        selection.range,
    )
    .to_owned()
}

#[test]
fn a_word_dragged_over_on_screen_is_the_word_commented_on() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = arabic_desk(&folder);
    let word = "الداخلية";
    let length = word.chars().count();
    // Right to left: the word begins at its right edge and ends at its left.
    let right = caret_pos(&harness, word, 0);
    let left = caret_pos(&harness, word, length);
    assert!(
        left.x < right.x,
        "the word's end ({left:?}) is drawn left of its start ({right:?})"
    );
    drag(&mut harness, left + vec2(1.0, 0.0), right - vec2(1.0, 0.0));
    assert_eq!(selected_text(&harness), word);
    click(&mut harness, "Comment");
    let comment = project(&harness)
        .comments
        .last()
        .expect("a comment")
        .clone();
    let passage = comment.passage.expect("on a passage");
    assert_eq!(passage.quote, word);
    assert_eq!(
        passage.range(),
        passage_of(project(&harness), word).1.range()
    );
}

#[test]
fn a_latin_name_inside_arabic_is_selected_left_to_right() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = arabic_desk(&folder);
    let name = "John Smith";
    let start = caret_pos(&harness, name, 0);
    // The left edge of its last letter: the name reads left to right.
    let last_letter = caret_pos(&harness, name, name.chars().count() - 1);
    assert!(start.x < last_letter.x, "the name reads left to right");
    // From the left half of "J" to the right half of "h" (about 9 points wide; the caret
    // is drawn a little left of the letter). Where the
    // name meets the Arabic around it, one place on screen is two places in the text: the
    // letter under the pointer decides which.
    drag(
        &mut harness,
        start + vec2(1.0, 0.0),
        last_letter + vec2(8.0, 0.0),
    );
    assert_eq!(selected_text(&harness), name);
    click(&mut harness, "Flag claim");
    let claim = project(&harness).claims.last().expect("a claim").clone();
    assert_eq!(claim.passage.quote, name);
}

#[test]
fn the_keyboard_moves_the_way_the_text_reads() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = arabic_desk(&folder);
    // The caret at the start of the paragraph, on its right.
    let start = caret_pos(&harness, "قال مسؤولون", 0);
    click_at(&mut harness, start - vec2(0.5, 0.0));
    // Ctrl+Shift+← goes on in the text: it selects the paragraph's first word.
    press(&mut harness, CTRL_SHIFT, Key::ArrowLeft);
    assert_eq!(selected_text(&harness).trim(), "قال");
    // Shift+→ takes a letter back.
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(selected_text(&harness).trim(), "قا");
}
