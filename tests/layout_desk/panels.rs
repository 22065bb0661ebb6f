//! The side panels: each can be hidden and shown again (and the desk remembers), narrowed and
//! widened by dragging its edge, and neither ever squeezes the article below a readable width;
//! a window too narrow for both folds the outline away.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, vec2};
use egui_kittest::kittest::Queryable as _;

use super::geometry::container_rects;
use super::{SIZES, article_column, assert_fits, desk_at, desk_with};
use crate::common::desk::{CTRL, CTRL_ALT, Desk, click, press};

/// The narrowest the article gets while a side panel is shown beside it.
const READABLE: f32 = 400.0;

fn outline_shown(harness: &Desk) -> bool {
    harness.query_by_label("Go to Opening").is_some()
}

fn side_panel_shown(harness: &Desk) -> bool {
    harness.query_by_label("Section tab").is_some()
}

/// The right-hand panel's rectangle.
fn side_panel_rect(harness: &Desk) -> Rect {
    let window = harness.ctx.content_rect();
    container_rects(harness, Role::Pane)
        .into_iter()
        .find(|rect| (rect.right() - window.right()).abs() < 2.0 && rect.left() > window.center().x)
        .expect("a panel on the right")
}

/// The outline's rectangle.
fn outline_rect(harness: &Desk) -> Rect {
    container_rects(harness, Role::Pane)
        .into_iter()
        .find(|rect| rect.left().abs() < 2.0 && rect.top() > 1.0 && rect.height() > 200.0)
        .expect("a panel on the left")
}

/// Drags the edge between the article and the right-hand panel (the outline, when `left`)
/// by `by`.
fn drag_panel_edge(harness: &mut Desk, left: bool, by: f32) {
    let window = harness.ctx.content_rect();
    let from = harness
        .get_all_by_label("Resize panel")
        .map(|node| node.rect().center())
        .find(|center| (center.x < window.center().x) == left)
        .expect("the panel's edge");
    let button = |pos: Pos2, pressed: bool| Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    let to = from + vec2(by, 0.0);
    harness.event(Event::PointerMoved(from));
    harness.step();
    harness.event(button(from, true));
    harness.step();
    for step in 1..=10 {
        harness.event(Event::PointerMoved(
            from + (to - from) * (step as f32 / 10.0),
        ));
        harness.step();
    }
    harness.event(button(to, false));
    harness.run();
}

#[test]
fn each_side_panel_hides_and_shows_and_the_desk_remembers() {
    let size = vec2(1024.0, 700.0);
    let mut harness = desk_at(size, None);
    let with_both = article_column(&harness, "Opening").width();

    click(&mut harness, "Hide outline");
    assert!(!outline_shown(&harness));
    assert!(!harness.state().state().prefs.panels.outline);
    assert!(article_column(&harness, "Opening").width() > with_both + 50.0);
    assert_fits(&harness, size, "without the outline");
    click(&mut harness, "Show outline");
    assert!(outline_shown(&harness));
    assert!(harness.state().state().prefs.panels.outline);

    click(&mut harness, "Hide side panel");
    assert!(!side_panel_shown(&harness));
    assert!(!harness.state().state().prefs.panels.side_panel);
    assert!(article_column(&harness, "Opening").width() > with_both + 50.0);
    assert_fits(&harness, size, "without the side panel");
    click(&mut harness, "Show side panel");
    assert!(side_panel_shown(&harness));

    // From the keyboard (and the View menu, which runs the same commands).
    press(&mut harness, CTRL, Key::B);
    assert!(!outline_shown(&harness));
    press(&mut harness, CTRL_ALT, Key::B);
    assert!(!side_panel_shown(&harness));
    assert_fits(&harness, size, "with both panels hidden");

    // What the desk saves is what the next start shows.
    let prefs = harness.state().state().prefs.clone();
    let restarted = desk_with(size, None, prefs);
    assert!(!outline_shown(&restarted));
    assert!(!side_panel_shown(&restarted));
    assert!(restarted.query_by_label("Show outline").is_some());
    assert!(restarted.query_by_label("Show side panel").is_some());
}

#[test]
fn each_panel_narrows_and_widens_but_the_article_keeps_its_room() {
    let size = vec2(1024.0, 700.0);
    let mut harness = desk_at(size, None);
    let outline = outline_rect(&harness).width();
    let panel = side_panel_rect(&harness).width();
    let column = article_column(&harness, "Opening").width();

    drag_panel_edge(&mut harness, false, 200.0);
    let narrowed = side_panel_rect(&harness).width();
    assert!(narrowed < panel - 50.0, "{panel} → {narrowed}");
    assert!(article_column(&harness, "Opening").width() > column);
    assert_fits(&harness, size, "with the side panel narrowed");

    // The room it gave the article, the outline may take.
    drag_panel_edge(&mut harness, true, 300.0);
    let widened = outline_rect(&harness).width();
    assert!(widened > outline + 50.0, "{outline} → {widened}");
    assert!(article_column(&harness, "Opening").width() >= READABLE);
    assert_fits(&harness, size, "with the outline widened");
    drag_panel_edge(&mut harness, true, -300.0);
    assert!(outline_rect(&harness).width() < outline);

    drag_panel_edge(&mut harness, false, -700.0);
    assert!(side_panel_rect(&harness).width() > panel);
    assert!(article_column(&harness, "Opening").width() >= READABLE);
    assert_fits(&harness, size, "with the side panel widened");
}

#[test]
fn a_window_too_narrow_for_both_panels_folds_the_outline() {
    let size = SIZES[0];
    let mut harness = desk_at(size, None);
    assert!(!outline_shown(&harness));
    assert!(side_panel_shown(&harness));
    assert!(article_column(&harness, "Opening").width() >= READABLE);
    // Folded for room, not hidden by choice: it is still wanted.
    assert!(harness.state().state().prefs.panels.outline);

    // Asked for, the outline takes the side panel's place.
    click(&mut harness, "Show outline");
    assert!(outline_shown(&harness));
    assert!(!side_panel_shown(&harness));
    assert!(article_column(&harness, "Opening").width() >= READABLE);
    assert_fits(&harness, size, "with the outline shown");
    click(&mut harness, "Show side panel");
    assert!(side_panel_shown(&harness));
    assert!(!outline_shown(&harness));

    // A wider window has room for both again.
    harness.set_size(SIZES[1]);
    harness.run();
    assert!(outline_shown(&harness));
    assert!(side_panel_shown(&harness));
}
