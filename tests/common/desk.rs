//! The desk test harness: a real desk run headless with egui_kittest, and the ways a person
//! drives it (keys with modifiers, dragging across text, typing into a labelled field,
//! dropping a file), shared by every `*_desk` test module.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use copydesk::app::prefs::Preferences;
use copydesk::app::{CopydeskApp, DeskOptions, ScriptedFileDialogs, Start};
use copydesk::model::{Project, SectionId};
use copydesk::storage::Safekeeping;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common::passage_of;

pub(crate) type Desk = Harness<'static, CopydeskApp>;

pub(crate) const ALT: Modifiers = Modifiers::ALT;
pub(crate) const CTRL: Modifiers = Modifiers::COMMAND;
pub(crate) const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
pub(crate) const CTRL_ALT: Modifiers = Modifiers::COMMAND.plus(Modifiers::ALT);

pub(crate) fn desk(
    file: Option<PathBuf>,
    reviewer: Option<&str>,
    dialogs: &ScriptedFileDialogs,
) -> Desk {
    // No data folder: these tests must not leave journals or backups in the user's.
    desk_keeping(file, reviewer, dialogs, Safekeeping::in_data_dir(None))
}

/// A desk that keeps backups and journals as `safekeeping` says.
pub(crate) fn desk_keeping(
    file: Option<PathBuf>,
    reviewer: Option<&str>,
    dialogs: &ScriptedFileDialogs,
    safekeeping: Safekeeping,
) -> Desk {
    // Scrolling a card or passage into view animates over a few frames.
    desk_running_at_most(file, reviewer, dialogs, safekeeping, 120)
}

/// A desk whose `run()` steps at most `max_steps` frames (a long review is laid out over
/// many frames, a slice per frame).
pub(crate) fn desk_running_at_most(
    file: Option<PathBuf>,
    reviewer: Option<&str>,
    dialogs: &ScriptedFileDialogs,
    safekeeping: Safekeeping,
    max_steps: u64,
) -> Desk {
    build(file, reviewer, dialogs, safekeeping, (max_steps, None))
}

/// A desk that draws with `fonts` from its first frame (egui's own fonts have no Arabic or
/// Hebrew letters; a desk on a machine finds them among its system fonts).
pub(crate) fn desk_with_fonts(
    file: Option<PathBuf>,
    reviewer: Option<&str>,
    fonts: egui::FontDefinitions,
) -> Desk {
    let dialogs = ScriptedFileDialogs::default();
    let safekeeping = Safekeeping::in_data_dir(None);
    build(file, reviewer, &dialogs, safekeeping, (120, Some(fonts)))
}

fn build(
    file: Option<PathBuf>,
    reviewer: Option<&str>,
    dialogs: &ScriptedFileDialogs,
    safekeeping: Safekeeping,
    (max_steps, fonts): (u64, Option<egui::FontDefinitions>),
) -> Desk {
    let prefs = reviewer.map(|name| Preferences {
        reviewer_name: name.to_owned(),
        ..Preferences::default()
    });
    let dialogs = dialogs.clone();
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_max_steps(max_steps)
        .build_eframe(move |cc| {
            if let Some(fonts) = fonts {
                cc.egui_ctx.set_fonts(fonts);
            }
            CopydeskApp::new(
                cc,
                DeskOptions {
                    start: Start::Sample,
                    file,
                    prefs,
                    dialogs: Box::new(dialogs),
                    safekeeping,
                },
            )
        });
    harness.run();
    harness
}

pub(crate) fn project(harness: &Desk) -> &Project {
    harness.state().state().project().expect("a review is open")
}

pub(crate) fn section_id(harness: &Desk, index: usize) -> SectionId {
    project(harness).sections[index].id.clone()
}

pub(crate) fn press(harness: &mut Desk, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
    settle(harness);
}

/// Whether the desk is waiting for work off the UI thread whose outcome it will show: saves
/// and journals on the file thread, an open, an import or a revised draft being read.
pub(crate) fn is_working(harness: &Desk) -> bool {
    let state = harness.state().state();
    state.files.is_writing_files() || state.files.is_opening_or_revising()
}

/// Runs frames until the work off the UI thread has all landed ([`is_working`]), for at most
/// 20 seconds.
pub(crate) fn settle(harness: &mut Desk) {
    let started = std::time::Instant::now();
    while is_working(harness) {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "the work off the UI thread never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}

/// A click of the pointer at `position`, as a person clicks.
pub(crate) fn click_at(harness: &mut Desk, position: Pos2) {
    let button = |pressed| Event::PointerButton {
        pos: position,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.hover_at(position);
    harness.step();
    harness.event(button(true));
    harness.step();
    harness.event(button(false));
    harness.run();
}

/// Selects text in a section by dragging the mouse across it, as a person would.
pub(crate) fn drag_select(harness: &mut Desk, quote: &str) {
    let (section, passage) = passage_of(project(harness), quote);
    let start = passage.start;
    let end = start + quote.chars().count();
    let view = harness.state().article_view();
    let from = view
        .char_screen_pos(&section, start)
        .expect("passage on screen")
        + vec2(1.0, 0.0);
    let to = view
        .char_screen_pos(&section, end)
        .expect("passage on screen")
        + vec2(1.0, 0.0);
    drag(harness, from, to);
    let selection = harness.state().state().navigation.text_selection().cloned();
    let selection = selection.expect("the drag selected text");
    let selected = copydesk::text::slice_chars(
        &project(harness).section(&selection.section).unwrap().text,
        selection.range,
    );
    assert_eq!(selected.trim(), quote);
}

/// Puts the keyboard in the field with this label and types, as a person would.
pub(crate) fn type_into(harness: &mut Desk, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

pub(crate) fn answer_name(harness: &mut Desk, name: &str) {
    harness.get_by_label("Your name").click();
    harness.run();
    press(harness, CTRL, Key::A);
    harness.get_by_label("Your name").type_text(name);
    harness.run();
    harness.get_by_label("Continue").click();
    harness.run();
}

#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub(crate) fn drop_file(harness: &mut Desk, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(path.to_owned())));
    harness.run();
    settle(harness);
}

/// Clicks the middle of a passage, as a person clicks a highlight.
pub(crate) fn click_passage(harness: &mut Desk, quote: &str) {
    let (section, passage) = passage_of(project(harness), quote);
    let start = passage.start;
    let middle = start + quote.chars().count() / 2;
    let pos = harness
        .state()
        .article_view()
        .char_screen_pos(&section, middle)
        .expect("passage on screen");
    for pressed in [true, false] {
        harness.event(Event::PointerMoved(pos));
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
}

/// Scrolls the widget with this label into view and clicks it.
/// Clicks a labelled widget, scrolling it into view first as a person would.
pub(crate) fn click(harness: &mut Desk, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// The notice the desk shows, and whether it is an error.
pub(crate) fn notice(harness: &Desk) -> (String, bool) {
    let notice = harness
        .state()
        .state()
        .dialogs
        .notice()
        .cloned()
        .expect("a notice");
    (notice.text, notice.is_error)
}

/// Drags the mouse from `from` to `to`, as a person selects text.
pub fn drag(harness: &mut Desk, from: Pos2, to: Pos2) {
    let button = |pos: Pos2, pressed: bool| Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.event(Event::PointerMoved(from));
    harness.step();
    harness.event(button(from, true));
    harness.step();
    harness.event(Event::PointerMoved(from + (to - from) * 0.5));
    harness.step();
    harness.event(Event::PointerMoved(to));
    harness.step();
    harness.event(button(to, false));
    harness.run();
}
