//! How statuses and marks look: colour, icon and word together, never colour alone.

use egui::{Color32, FontId, RichText, Visuals};

use crate::model::{CheckKind, ClaimStatus, ReviewStatus};

/// Widest line of article text, for comfortable reading (~70 characters).
pub const READING_WIDTH: f32 = 640.0;
pub const BODY_FONT_SIZE: f32 = 16.5;
pub const BODY_LINE_HEIGHT: f32 = 26.0;
pub const HEADING_FONT_SIZE: f32 = 22.0;
pub const TITLE_FONT_SIZE: f32 = 28.0;

/// Body text in the dark theme: egui's grey reads at about 5:1 on its panels, tiring over a
/// long article; this one keeps at least 7:1 (WCAG AAA) on panels, cards and dialogs.
pub const DARK_BODY_TEXT: Color32 = Color32::from_gray(210);

/// The desk's changes to egui's themes (see [`DARK_BODY_TEXT`]).
pub fn tune_visuals(visuals: &mut Visuals) {
    if visuals.dark_mode {
        visuals.widgets.noninteractive.fg_stroke.color = DARK_BODY_TEXT;
    }
}

/// Sub-headings (level 3 and below) are smaller, so the article's structure shows.
pub fn heading_font_size(level: u8) -> f32 {
    match level {
        0..=2 => HEADING_FONT_SIZE,
        3 => HEADING_FONT_SIZE - 3.0,
        _ => HEADING_FONT_SIZE - 5.0,
    }
}

pub fn body_font() -> FontId {
    FontId::proportional(BODY_FONT_SIZE)
}

pub fn review_status_icon(status: ReviewStatus) -> &'static str {
    match status {
        ReviewStatus::Unreviewed => "○",
        ReviewStatus::InReview => "◔",
        ReviewStatus::NeedsChanges => "⚠",
        ReviewStatus::Approved => "✔",
    }
}

pub fn review_status_color(status: ReviewStatus, visuals: &Visuals) -> Color32 {
    let dark = visuals.dark_mode;
    match status {
        ReviewStatus::Unreviewed => visuals.weak_text_color(),
        ReviewStatus::InReview => pick(dark, (0x2F, 0x6F, 0xDB), (0x7F, 0xB0, 0xFF)),
        ReviewStatus::NeedsChanges => pick(dark, (0xB2, 0x5E, 0x00), (0xF5, 0xA6, 0x23)),
        ReviewStatus::Approved => pick(dark, (0x1E, 0x86, 0x3D), (0x5C, 0xD0, 0x7A)),
    }
}

/// "✔ Approved" in the status colour.
pub fn review_status_text(status: ReviewStatus, visuals: &Visuals) -> RichText {
    RichText::new(format!("{} {}", review_status_icon(status), status.label()))
        .color(review_status_color(status, visuals))
}

pub fn claim_status_icon(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::NeedsSource => "⚑",
        ClaimStatus::InProgress => "⟳",
        ClaimStatus::Verified => "✔",
        ClaimStatus::Incorrect => "✖",
        ClaimStatus::Unverifiable => "❓",
    }
}

pub fn claim_status_color(status: ClaimStatus, visuals: &Visuals) -> Color32 {
    let dark = visuals.dark_mode;
    match status {
        ClaimStatus::NeedsSource => pick(dark, (0xC6, 0x28, 0x28), (0xFF, 0x6B, 0x6B)),
        ClaimStatus::InProgress => pick(dark, (0xB2, 0x5E, 0x00), (0xF5, 0xA6, 0x23)),
        ClaimStatus::Verified => pick(dark, (0x1E, 0x86, 0x3D), (0x5C, 0xD0, 0x7A)),
        ClaimStatus::Incorrect => pick(dark, (0x8E, 0x24, 0xAA), (0xCE, 0x93, 0xD8)),
        ClaimStatus::Unverifiable => pick(dark, (0x60, 0x60, 0x60), (0xA0, 0xA0, 0xA0)),
    }
}

pub fn claim_status_text(status: ClaimStatus, visuals: &Visuals) -> RichText {
    RichText::new(format!("{} {}", claim_status_icon(status), status.label()))
        .color(claim_status_color(status, visuals))
}

/// Background of a passage with an open comment.
pub fn comment_highlight(visuals: &Visuals) -> Color32 {
    pick_alpha(
        visuals.dark_mode,
        (0xFF, 0xD5, 0x4F, 0x70),
        (0xC9, 0xA2, 0x27, 0x60),
    )
}

/// Background of a resolved comment's passage: still findable, no longer loud.
pub fn resolved_comment_highlight(visuals: &Visuals) -> Color32 {
    pick_alpha(
        visuals.dark_mode,
        (0x9E, 0x9E, 0x9E, 0x30),
        (0x9E, 0x9E, 0x9E, 0x30),
    )
}

/// A faint wash of the claim's status colour under its passage.
pub fn claim_highlight(status: ClaimStatus, visuals: &Visuals) -> Color32 {
    claim_status_color(status, visuals).gamma_multiply(0.16)
}

/// Background of the selected comment's passage: the comment colour, stronger.
pub fn selected_comment_highlight(visuals: &Visuals) -> Color32 {
    pick_alpha(
        visuals.dark_mode,
        (0xFF, 0xC1, 0x07, 0xC0),
        (0xE0, 0xA8, 0x00, 0xA0),
    )
}

/// Background of the selected claim's passage: its status colour, stronger.
pub fn selected_claim_highlight(status: ClaimStatus, visuals: &Visuals) -> Color32 {
    claim_status_color(status, visuals).gamma_multiply(0.38)
}

/// The quiet colour of suggested sentences: a hint, not a mark. Claims to check are blue, a
/// sourcing problem violet, a line to cut grey; the tooltip and the list say which in words.
pub fn suggestion_color(kind: CheckKind, visuals: &Visuals) -> Color32 {
    match kind {
        CheckKind::UnnamedSource => pick(visuals.dark_mode, (0x8A, 0x5C, 0xA8), (0xB8, 0x8A, 0xD8)),
        CheckKind::Promotional => pick(visuals.dark_mode, (0x90, 0x90, 0x90), (0x80, 0x80, 0x80)),
        _ => pick(visuals.dark_mode, (0x5C, 0x7C, 0xA8), (0x8A, 0xA8, 0xD0)),
    }
}

/// Background of the selected suggestion's sentence.
pub fn selected_suggestion_highlight(kind: CheckKind, visuals: &Visuals) -> Color32 {
    suggestion_color(kind, visuals).gamma_multiply(0.22)
}

/// Background of a match of find: a colour no mark uses, so a match is never taken for one.
pub fn find_highlight(visuals: &Visuals) -> Color32 {
    pick_alpha(
        visuals.dark_mode,
        (0x26, 0xC6, 0xDA, 0x66),
        (0x00, 0xAC, 0xC1, 0x70),
    )
}

/// Background of the current match: the same colour, strong.
pub fn current_find_highlight(visuals: &Visuals) -> Color32 {
    pick_alpha(
        visuals.dark_mode,
        (0x00, 0xB8, 0xD4, 0xE0),
        (0x00, 0x97, 0xA7, 0xF0),
    )
}

/// Marks and sections a revised draft changed that wait for a person's look.
pub fn attention_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xF0, 0xB4, 0x50)
    } else {
        Color32::from_rgb(0xA8, 0x5A, 0x00)
    }
}

pub const SUGGESTION_ICON: &str = "•";
pub const SUGGESTIONS_ICON: &str = "💡";
pub const COMMENT_ICON: &str = "💬";
pub const CLAIM_ICON: &str = "⚑";
/// What two reviewers changed differently: beside its words ("1 conflict"), never alone.
pub const CONFLICT_ICON: &str = "⚡";

fn pick(dark_mode: bool, light: (u8, u8, u8), dark: (u8, u8, u8)) -> Color32 {
    let (r, g, b) = if dark_mode { dark } else { light };
    Color32::from_rgb(r, g, b)
}

fn pick_alpha(dark_mode: bool, light: (u8, u8, u8, u8), dark: (u8, u8, u8, u8)) -> Color32 {
    let (r, g, b, a) = if dark_mode { dark } else { light };
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// A timestamp in the reviewer's local time: `25 Nov 2026, 14:03`.
pub fn time_for_people(timestamp: jiff::Timestamp) -> String {
    timestamp
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%-d %b %Y, %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2's relative luminance of an sRGB colour.
    fn relative_luminance(color: Color32) -> f32 {
        let linear = |channel: u8| {
            let value = f32::from(channel) / 255.0;
            if value <= 0.040_45 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(color.r()) + 0.7152 * linear(color.g()) + 0.0722 * linear(color.b())
    }

    fn contrast_ratio(a: Color32, b: Color32) -> f32 {
        let (a, b) = (relative_luminance(a), relative_luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn contrast_is_measured_as_wcag_does() {
        let ratio = contrast_ratio(Color32::BLACK, Color32::WHITE);
        assert!((ratio - 21.0).abs() < 0.01, "{ratio}");
        // #767676 on white is the classic 4.5:1.
        let ratio = contrast_ratio(Color32::from_gray(0x76), Color32::WHITE);
        assert!((ratio - 4.54).abs() < 0.01, "{ratio}");
    }

    #[test]
    fn dark_theme_body_text_has_at_least_seven_to_one_contrast() {
        let mut visuals = Visuals::dark();
        tune_visuals(&mut visuals);
        // The article's text is drawn in `text_color` on the central panel; cards and
        // dialogs use the same colour on their own fills.
        let text = visuals.text_color();
        for (on, background) in [
            ("the article", visuals.panel_fill),
            ("a card", visuals.extreme_bg_color),
            ("a dialog", visuals.window_fill),
        ] {
            let ratio = contrast_ratio(text, background);
            assert!(ratio >= 7.0, "body text on {on}: {ratio:.2}:1");
        }
        // egui's own grey falls short: without the change, the test fails.
        let plain = Visuals::dark();
        assert!(contrast_ratio(plain.text_color(), plain.panel_fill) < 7.0);
    }

    #[test]
    fn the_light_theme_is_left_as_egui_draws_it() {
        let mut visuals = Visuals::light();
        tune_visuals(&mut visuals);
        assert_eq!(visuals, Visuals::light());
    }
}
