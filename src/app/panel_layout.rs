//! How the window's width is shared between the outline, the article and the side panel.
//!
//! The article keeps room to read ([`MIN_ARTICLE_WIDTH`]) whatever the panels do: each panel
//! may be only as wide as leaves the article that much, and a window too narrow for a panel
//! at its narrowest folds it to a strip ([`FOLDED_WIDTH`]) holding the button that shows it.
//! The side panel, where the work on a section is done, keeps its place before the outline.
//! Kept apart from the drawing so the state that answers the show/hide commands can ask it.

use std::ops::RangeInclusive;

use super::prefs::ShownPanels;

/// The narrowest the article's panel gets beside open panels: its column (without the
/// margins for the icons) is then about 400 points, some 60 characters of body text.
pub const MIN_ARTICLE_WIDTH: f32 = 500.0;
pub const OUTLINE_WIDTHS: RangeInclusive<f32> = 170.0..=420.0;
pub const OUTLINE_DEFAULT_WIDTH: f32 = 240.0;
pub const SIDE_PANEL_WIDTHS: RangeInclusive<f32> = 260.0..=560.0;
pub const SIDE_PANEL_DEFAULT_WIDTH: f32 = 340.0;
/// A folded panel: a strip with the button that shows it again.
pub const FOLDED_WIDTH: f32 = 30.0;
/// The smallest window the desk asks for: the article beside one open panel.
pub const MIN_WINDOW_WIDTH: f32 = 800.0;

/// One of the two side panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskPanel {
    Outline,
    SidePanel,
}

/// Which panels are open in a window of a given width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenPanels {
    pub outline: bool,
    pub side_panel: bool,
}

impl OpenPanels {
    /// The panels the reviewer wants that the window has room for, the side panel first.
    pub fn for_window(window_width: f32, wanted: ShownPanels) -> Self {
        let fits = |narrowest: f32, beside: f32| {
            window_width >= MIN_ARTICLE_WIDTH + narrowest + beside - 0.5
        };
        let side_panel = wanted.side_panel && fits(*SIDE_PANEL_WIDTHS.start(), FOLDED_WIDTH);
        let beside_outline = if side_panel {
            *SIDE_PANEL_WIDTHS.start()
        } else {
            FOLDED_WIDTH
        };
        // The outline never takes the place of a side panel the reviewer wants: in a window
        // too narrow for that panel, the article gets the room.
        let outline = wanted.outline
            && (side_panel || !wanted.side_panel)
            && fits(*OUTLINE_WIDTHS.start(), beside_outline);
        Self {
            outline,
            side_panel,
        }
    }

    pub fn is_open(self, panel: DeskPanel) -> bool {
        match panel {
            DeskPanel::Outline => self.outline,
            DeskPanel::SidePanel => self.side_panel,
        }
    }
}

/// The widest the outline may be beside a side panel `side_width` wide (as last drawn, or
/// folded).
pub fn outline_max_width(window_width: f32, side_width: f32) -> f32 {
    clamp_to(
        window_width - MIN_ARTICLE_WIDTH - side_width,
        &OUTLINE_WIDTHS,
    )
}

/// The widest the side panel may be: it may squeeze an open outline down to its narrowest.
pub fn side_panel_max_width(window_width: f32, outline_open: bool) -> f32 {
    let outline = if outline_open {
        *OUTLINE_WIDTHS.start()
    } else {
        FOLDED_WIDTH
    };
    clamp_to(
        window_width - MIN_ARTICLE_WIDTH - outline,
        &SIDE_PANEL_WIDTHS,
    )
}

fn clamp_to(width: f32, range: &RangeInclusive<f32>) -> f32 {
    width.clamp(*range.start(), *range.end())
}

/// What the reviewer wants after asking to show or hide `panel` in a window this wide: an open
/// panel is hidden; a closed one is shown, and when the window has no room for both, the
/// other panel is hidden to make room (asked for, a panel must appear).
pub fn toggled(wanted: ShownPanels, panel: DeskPanel, window_width: f32) -> ShownPanels {
    let open = OpenPanels::for_window(window_width, wanted);
    let mut wanted = wanted;
    let show = !open.is_open(panel);
    match panel {
        DeskPanel::Outline => wanted.outline = show,
        DeskPanel::SidePanel => wanted.side_panel = show,
    }
    if show && !OpenPanels::for_window(window_width, wanted).is_open(panel) {
        match panel {
            DeskPanel::Outline => wanted.side_panel = false,
            DeskPanel::SidePanel => wanted.outline = false,
        }
    }
    wanted
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: ShownPanels = ShownPanels {
        outline: true,
        side_panel: true,
    };

    #[test]
    fn a_narrow_window_folds_the_outline_first_then_the_side_panel() {
        let open = |width| OpenPanels::for_window(width, BOTH);
        assert_eq!(
            open(1024.0),
            OpenPanels {
                outline: true,
                side_panel: true
            }
        );
        assert_eq!(
            open(MIN_WINDOW_WIDTH),
            OpenPanels {
                outline: false,
                side_panel: true
            }
        );
        assert_eq!(
            open(700.0),
            OpenPanels {
                outline: false,
                side_panel: false
            }
        );
        // Without the side panel there is room for the outline again.
        let outline_only = ShownPanels {
            side_panel: false,
            ..BOTH
        };
        assert!(OpenPanels::for_window(MIN_WINDOW_WIDTH, outline_only).outline);
        // The smallest window has room for either panel alone.
        for panel in [DeskPanel::Outline, DeskPanel::SidePanel] {
            let alone = ShownPanels {
                outline: panel == DeskPanel::Outline,
                side_panel: panel == DeskPanel::SidePanel,
            };
            assert!(OpenPanels::for_window(MIN_WINDOW_WIDTH, alone).is_open(panel));
            let hidden = toggled(alone, panel, MIN_WINDOW_WIDTH);
            assert!(!OpenPanels::for_window(MIN_WINDOW_WIDTH, hidden).is_open(panel));
            let shown = toggled(hidden, panel, MIN_WINDOW_WIDTH);
            assert!(OpenPanels::for_window(MIN_WINDOW_WIDTH, shown).is_open(panel));
        }
    }

    #[test]
    fn open_panels_always_leave_the_article_its_room() {
        for window in [800.0, 930.0, 1024.0, 1366.0, 1920.0, 3840.0] {
            let open = OpenPanels::for_window(window, BOTH);
            let side = if open.side_panel {
                side_panel_max_width(window, open.outline)
            } else {
                FOLDED_WIDTH
            };
            let outline = if open.outline {
                outline_max_width(window, side)
            } else {
                FOLDED_WIDTH
            };
            assert!(
                window - side - outline >= MIN_ARTICLE_WIDTH - 0.5,
                "{window}: {outline} + {side}"
            );
        }
    }

    #[test]
    fn showing_a_panel_with_no_room_for_both_hides_the_other() {
        // 1024 has room for both: hiding and showing touch one panel only.
        let hidden = toggled(BOTH, DeskPanel::Outline, 1024.0);
        assert_eq!(
            hidden,
            ShownPanels {
                outline: false,
                side_panel: true
            }
        );
        assert_eq!(toggled(hidden, DeskPanel::Outline, 1024.0), BOTH);
        // At 800 the outline is folded for room: asking for it hides the side panel.
        let outline_first = toggled(BOTH, DeskPanel::Outline, 800.0);
        assert_eq!(
            outline_first,
            ShownPanels {
                outline: true,
                side_panel: false
            }
        );
        // Asking for the side panel again folds the outline, still wanted, for room.
        assert_eq!(toggled(outline_first, DeskPanel::SidePanel, 800.0), BOTH);
    }
}
