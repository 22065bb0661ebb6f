//! The desk: an eframe/egui shell over the core.
//!
//! Each frame the widgets read [`AppState`] and push [`Action`]s; after drawing, the shell
//! hands them to [`AppState::handle`], the one place where anything changes. Nothing in here
//! edits a project directly.

mod article_layout;
mod article_ui;
mod background;
mod bidi_layout;
mod card_parts_ui;
mod cards_ui;
mod caret;
mod caret_keys;
mod checked_before_ui;
mod claim_card_ui;
mod claims_ui;
pub mod command;
mod comments_ui;
mod conflicts_ui;
mod file_chooser_ui;
pub mod file_dialogs;
mod find_highlights;
mod find_ui;
mod go_to_section_ui;
mod highlights;
mod library_ui;
mod look;
mod menu_ui;
mod modals_ui;
mod outline_ui;
mod panel_layout;
mod panels_ui;
mod paragraph_map;
mod placement_ui;
mod pointer_selection;
pub mod prefs;
mod progress_ui;
mod reading_text;
mod revision_ui;
mod safekeeping_ui;
mod section_block_ui;
mod section_galley;
mod section_text;
pub mod side_panel;
mod side_panel_ui;
mod start_page_ui;
pub mod state;
mod suggestions_ui;
mod text_map;
mod tracked_changes_ui;
mod visual_map;
mod web_address_ui;
mod widgets;

use std::path::PathBuf;

use egui::{Align2, Color32, FontId, Ui, ViewportCommand};

pub use article_ui::ArticleView;
pub use card_parts_ui::is_web_address;
pub use command::UiCommand;
pub use file_chooser_ui::FileChooserView;
pub use file_dialogs::{DialogPurpose, FileDialogs, NativeFileDialogs, ScriptedFileDialogs};
use panel_layout::{DeskPanel, OpenPanels};
use prefs::{PREFERENCES_KEY, Preferences, Theme};
pub use state::{Action, AppState, Caret, Modal, OpenReview, TextSelection, UnsavedChoice};

use crate::storage::Safekeeping;

#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error(
        "there is no graphical display to open the desk on (neither DISPLAY nor WAYLAND_DISPLAY is set). \
         Without a display, use `copydesk import`, `copydesk report` or `copydesk check` (see `copydesk --help`)"
    )]
    NoDisplay,
    #[error("{0}: no such file (to see the commands: copydesk --help)")]
    NoSuchFile(PathBuf),
    #[error("cannot open the desk's window: {0}")]
    Window(String),
}

/// What the desk shows when it is given no file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Start {
    /// The review worked on last, else the start page: what a person gets.
    #[default]
    LastReview,
    /// The bundled sample: what tests and benchmarks start from.
    Sample,
}

/// How the desk starts.
pub struct DeskOptions {
    /// A project or article to open; `None` starts as `start` says.
    pub file: Option<PathBuf>,
    pub start: Start,
    /// Preferences to start with; `None` reads them from eframe's storage.
    pub prefs: Option<Preferences>,
    pub dialogs: Box<dyn FileDialogs>,
    /// Where backups and recovery journals go, and how files are written.
    pub safekeeping: Safekeeping,
}

impl Default for DeskOptions {
    fn default() -> Self {
        Self {
            file: None,
            start: Start::default(),
            prefs: None,
            dialogs: Box::new(NativeFileDialogs),
            safekeeping: Safekeeping::for_this_user(),
        }
    }
}

pub struct CopydeskApp {
    state: AppState,
    article: ArticleView,
    /// copydesk's own file chooser, as the person left it (folder, name typed).
    chooser: FileChooserView,
    window_title: String,
    applied_theme: Option<Theme>,
    /// How wide the side panel was last drawn open: the outline gives way to it.
    side_panel_width: f32,
}

impl std::fmt::Debug for CopydeskApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CopydeskApp")
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

impl CopydeskApp {
    pub fn new(cc: &eframe::CreationContext<'_>, options: DeskOptions) -> Self {
        let prefs = options
            .prefs
            .or_else(|| {
                cc.storage
                    .and_then(|s| eframe::get_value(s, PREFERENCES_KEY))
            })
            .unwrap_or_default()
            .with_reviewer_id();
        style_desk(&cc.egui_ctx);
        let mut state = AppState::new(prefs, options.dialogs, options.safekeeping);
        match (options.file, options.start) {
            (Some(path), _) => state.open_at_start(&path),
            (None, Start::Sample) => state.open_sample(),
            // Without one, the start page.
            (None, Start::LastReview) => {
                state.open_last_review();
            }
        }
        state.look_for_recovery();
        Self {
            state,
            article: ArticleView::default(),
            chooser: FileChooserView::default(),
            window_title: String::new(),
            applied_theme: None,
            side_panel_width: panel_layout::SIDE_PANEL_DEFAULT_WIDTH,
        }
    }

    /// What the desk shows, for tests and benchmarks.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The desk's state, for tests to bring about what no widget offers at a chosen moment
    /// (another review shown while a revised draft is read).
    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.state
    }

    pub fn article_view(&self) -> &ArticleView {
        &self.article
    }

    /// The window's title: the review's file and whether it has unsaved changes.
    pub fn window_title(&self) -> String {
        match &self.state.review {
            Some(review) => {
                let state = match (review.path(), review.document().is_dirty()) {
                    _ if review.read_only().is_some() => " (read-only)",
                    (None, _) => " (not saved yet)",
                    (Some(_), true) => " (unsaved changes)",
                    (Some(_), false) => "",
                };
                format!("{}{state} — copydesk", review.display_name())
            }
            None => "copydesk".to_owned(),
        }
    }

    fn keep_window_in_step(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        if self.applied_theme != Some(self.state.prefs.theme) {
            ctx.set_theme(match self.state.prefs.theme {
                Theme::System => egui::ThemePreference::System,
                Theme::Light => egui::ThemePreference::Light,
                Theme::Dark => egui::ThemePreference::Dark,
            });
            self.applied_theme = Some(self.state.prefs.theme);
        }
    }

    /// Input that belongs to the window rather than to a widget: shortcuts, closing, drops.
    fn window_actions(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        // While a question or copydesk's own file chooser is open, its keys are its own.
        if self.state.dialogs.modal().is_none() && self.state.files.chooser().is_none() {
            actions.extend(
                UiCommand::consume_pressed(ctx)
                    .into_iter()
                    .map(Action::Command),
            );
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.state.is_dirty()
            && !self.state.dialogs.quit_confirmed()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            actions.push(Action::Command(UiCommand::Quit));
        }
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .first()
                .map(|file| file.path().to_owned())
        });
        if let Some(path) = dropped {
            actions.push(Action::Open(path));
        }
        // A web address pasted where no field takes it: offered for import.
        let typing = ctx.memory(|m| m.focused().is_some());
        if !typing && !self.state.dialogs.is_asking() {
            let pasted = ctx.input(|i| {
                i.events.iter().find_map(|event| match event {
                    egui::Event::Paste(text) if crate::fetch::is_web_address(text) => {
                        Some(text.trim().to_owned())
                    }
                    _ => None,
                })
            });
            if let Some(address) = pasted {
                actions.push(Action::AskWebAddress(address));
            }
        }
    }
}

impl eframe::App for CopydeskApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        // A result of long work lands before the dialogs' answers, so an answer that would
        // start more work finds the desk as that work left it.
        self.state.poll_work();
        self.state.poll_dialog(&ctx);
        self.state.poll_export();
        self.state.poll_files(&ctx);
        self.state.refresh();
        if self.state.is_waiting_for_work() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        let mut actions = Vec::new();
        self.window_actions(&ctx, &mut actions);
        if let Some(target) = self.state.navigation.take_scroll_target() {
            self.article.request_scroll(target);
        }
        let card_requests = self.state.navigation.take_card_requests();
        let focus_find = self.state.find.take_focus_request();

        egui::Panel::top("menu").show(ui, |ui| {
            menu_ui::menu_bar_ui(ui, &self.state, &mut actions);
        });
        egui::Panel::bottom("status").show(ui, |ui| menu_ui::status_bar_ui(ui, &self.state));
        if self.state.find.is_open() {
            egui::Panel::top("find").show(ui, |ui| {
                find_ui::find_bar_ui(ui, &self.state, focus_find, &mut actions);
            });
        }
        // The article keeps room to read: the panels beside it are only as wide as leaves it
        // that much, and fold away in a window too narrow for them.
        let window_width = ui.available_width();
        let open = OpenPanels::for_window(window_width, self.state.prefs.panels);
        let side_width = if open.side_panel {
            self.side_panel_width
        } else {
            panel_layout::FOLDED_WIDTH
        };
        panels_ui::desk_panel_ui(
            ui,
            DeskPanel::Outline,
            open.outline,
            panel_layout::outline_max_width(window_width, side_width),
            &mut actions,
            |ui, actions| outline_ui::outline_ui(ui, &self.state, actions),
        );
        let drawn = panels_ui::desk_panel_ui(
            ui,
            DeskPanel::SidePanel,
            open.side_panel,
            panel_layout::side_panel_max_width(window_width, open.outline),
            &mut actions,
            |ui, actions| side_panel_ui::side_panel_ui(ui, &self.state, &card_requests, actions),
        );
        if open.side_panel {
            self.side_panel_width = drawn;
        }
        egui::CentralPanel::default()
            // The article's scroll bar keeps clear of the side panel's edge, so dragging the
            // edge resizes the panel instead of scrolling the article.
            .frame(
                egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin {
                    right: 8,
                    ..egui::Margin::ZERO
                }),
            )
            .show(ui, |ui| {
                article_ui::article_ui(ui, &self.state, &mut self.article, &mut actions);
            });
        menu_ui::notice_ui(&ctx, &self.state, &mut actions);
        modals_ui::modal_ui(&ctx, &self.state, &mut actions);
        file_chooser_ui::file_chooser_ui(&ctx, &self.state, &mut self.chooser, &mut actions);
        drop_hint_ui(&ctx);
        actions.extend(cards_ui::new_comment_left(&ctx, &self.state));

        if !actions.is_empty() {
            ctx.request_repaint();
        }
        for action in actions {
            self.state.handle(action, &ctx);
        }
        // After the edits of this frame, so the journal's clock starts at the last change.
        if let Some(wait) = self.state.autosave(std::time::Instant::now()) {
            ctx.request_repaint_after(wait);
        }
        self.keep_window_in_step(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFERENCES_KEY, &self.state.prefs);
    }
}

/// While a file is dragged over the window, say what dropping it does.
fn drop_hint_ui(ctx: &egui::Context) {
    if !ctx.input(|i| !i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop hint"),
    ));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        Align2::CENTER_CENTER,
        "Drop an article (.txt, .md, .docx, .html) or a review (.copydesk.ron) to open it",
        FontId::proportional(20.0),
        Color32::WHITE,
    );
}

fn style_desk(ctx: &egui::Context) {
    use egui::{FontFamily, TextStyle};
    ctx.all_styles_mut(|style| {
        look::tune_visuals(&mut style.visuals);
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(11.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(20.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
        ]
        .into();
    });
}

/// Opens the desk window and runs it until it is closed.
pub fn run_desk(file: Option<PathBuf>) -> Result<(), DeskError> {
    // A missing file first: `copydesk chek x` is more likely a typo than a wish for a window.
    if let Some(path) = &file
        && !path.exists()
    {
        return Err(DeskError::NoSuchFile(path.clone()));
    }
    if cfg!(target_os = "linux")
        && ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
            .iter()
            .all(|key| std::env::var_os(key).is_none_or(|v| v.is_empty()))
    {
        return Err(DeskError::NoDisplay);
    }
    let native_options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("copydesk")
            .with_app_id("copydesk")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([panel_layout::MIN_WINDOW_WIDTH, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "copydesk",
        native_options,
        Box::new(move |cc| {
            Ok(Box::new(CopydeskApp::new(
                cc,
                DeskOptions {
                    file,
                    ..DeskOptions::default()
                },
            )))
        }),
    )
    .map_err(|error| DeskError::Window(error.to_string()))
}
