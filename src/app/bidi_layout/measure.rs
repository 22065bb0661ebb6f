//! How wide a piece of text is and how many glyphs egui makes of it, learned by laying it
//! out alone once per text and font and kept: a book's words repeat, so lines are broken from
//! kept widths instead of laying every paragraph out twice.

use std::cell::RefCell;
use std::collections::HashMap;

use egui::{Color32, FontId, Ui};

use crate::fingerprint::hash_of;

#[derive(Clone, Copy, Debug)]
pub struct Measure {
    pub width: f32,
    pub glyphs: usize,
}

/// A bound on what is kept, far above a book's vocabulary.
const KEPT: usize = 200_000;

thread_local! {
    static MEASURES: RefCell<HashMap<u64, Measure>> = RefCell::new(HashMap::new());
}

pub fn measure(ui: &Ui, text: &str, font: &FontId) -> Measure {
    let key = hash_of(&(text, font.size.to_bits(), &font.family));
    if let Some(known) = MEASURES.with(|measures| measures.borrow().get(&key).copied()) {
        return known;
    }
    let galley =
        ui.fonts_mut(|fonts| fonts.layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE));
    let measure = Measure {
        width: galley.rows.iter().map(|row| row.size.x).fold(0.0, f32::max),
        glyphs: galley.rows.iter().map(|row| row.glyphs.len()).sum(),
    };
    MEASURES.with(|measures| {
        let mut measures = measures.borrow_mut();
        if measures.len() > KEPT {
            measures.clear();
        }
        measures.insert(key, measure);
    });
    measure
}
