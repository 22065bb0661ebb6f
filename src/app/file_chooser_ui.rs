//! copydesk's own file chooser, used where no system dialog can appear (no desktop portal, no
//! zenity) or when the person prefers it: a path to type, which has the keyboard when the
//! chooser opens; the places a review's files are usually in; the folder's folders and files
//! of the kind asked for (`folder_listing`); and a question before a file is written over.
//!
//! It is shown while `Files` holds a request and answers with `Action::AnswerFileChooser`,
//! which goes back to the caller as a system dialog's answer does. What it keeps here (the
//! folder shown, what is typed) is the chooser's own, as the article view keeps its scroll.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

use egui::{Id, Key, RichText, TextEdit, Ui};

use super::file_dialogs::DialogPurpose;
use super::state::{Action, AppState, ChooserRequest};
use crate::folder_listing::{Entry, list_folder};
use crate::text::file_name;

/// The chooser as the person left it: the folder shown, what is typed, a question open.
#[derive(Debug, Default)]
pub struct FileChooserView {
    /// The request it was opened for.
    serial: Option<u64>,
    folder: PathBuf,
    show_hidden: bool,
    /// What `folder` holds, read when it was entered (or hidden files were shown).
    listing: Vec<Entry>,
    /// Why `folder` could not be read.
    unreadable: Option<String>,
    /// The path in the "Path" field.
    typed: String,
    /// A file to write that exists already, waiting for Replace or Cancel.
    replacing: Option<PathBuf>,
    /// Why the typed path could not be taken.
    problem: Option<String>,
    focus_given: bool,
}

pub fn file_chooser_ui(
    ctx: &egui::Context,
    state: &AppState,
    view: &mut FileChooserView,
    actions: &mut Vec<Action>,
) {
    let Some(request) = state.files.chooser() else {
        if view.serial.is_some() {
            *view = FileChooserView::default();
        }
        return;
    };
    if view.serial != Some(request.serial()) {
        *view = FileChooserView::for_request(request);
    }
    let screen = ctx.content_rect();
    egui::Modal::new(Id::unique("copydesk file chooser")).show(ctx, |ui| {
        ui.set_width((screen.width() - 80.0).clamp(280.0, 720.0));
        match view.replacing.clone() {
            Some(path) => replace_question_ui(ui, view, &path, actions),
            None => chooser_ui(ui, request, view, screen.height(), actions),
        }
    });
    // Escape cancels, as in any dialog; a click beside it does not lose what was typed.
    if ctx.input(|input| input.key_pressed(Key::Escape)) {
        if view.replacing.is_some() {
            view.replacing = None;
        } else {
            actions.push(Action::AnswerFileChooser(None));
        }
    }
}

fn chooser_ui(
    ui: &mut Ui,
    request: &ChooserRequest,
    view: &mut FileChooserView,
    screen_height: f32,
    actions: &mut Vec<Action>,
) {
    let purpose = request.purpose();
    ui.heading(purpose.title());
    ui.add_space(4.0);
    typed_path_ui(ui, purpose, view, actions);
    ui.add_space(6.0);
    let list_height = (screen_height - 300.0).clamp(120.0, 340.0);
    ui.horizontal_top(|ui| {
        let places_width = (ui.available_width() * 0.3).min(200.0);
        ui.allocate_ui(egui::vec2(places_width, list_height), |ui| {
            ui.set_width(places_width);
            places_ui(ui, request, view);
        });
        // No separator: in a row it spans the height left, which grows with the dialog.
        ui.add_space(8.0);
        ui.vertical(|ui| {
            folder_ui(ui, purpose, view, list_height, actions);
        });
    });
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .checkbox(&mut view.show_hidden, "Show hidden files")
            .changed()
        {
            view.enter(purpose, view.folder.clone());
        }
        let go = ui.button(RichText::new(button_label(purpose)).strong());
        if go.clicked() && purpose.picks_folder() {
            view.choose_typed_folder(actions);
        } else if go.clicked() {
            view.follow_typed(purpose, actions);
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::AnswerFileChooser(None));
        }
    });
}

/// The chooser's main button, named for what it does.
fn button_label(purpose: &DialogPurpose) -> &'static str {
    match purpose {
        DialogPurpose::ImportArticle | DialogPurpose::ImportRevision => "Import",
        DialogPurpose::OpenProject => "Open",
        DialogPurpose::MergeReview => "Merge",
        DialogPurpose::SaveProject { .. } => "Save",
        DialogPurpose::Export { .. } => "Export",
        DialogPurpose::LibraryFolder => "Add this folder",
    }
}

fn typed_path_ui(
    ui: &mut Ui,
    purpose: &DialogPurpose,
    view: &mut FileChooserView,
    actions: &mut Vec<Action>,
) {
    let field = ui
        .add(
            TextEdit::singleline(&mut view.typed)
                .desired_width(f32::INFINITY)
                .hint_text("Type a folder or a file"),
        )
        .accessible_name("Path");
    if !view.focus_given {
        field.request_focus();
        view.focus_given = true;
    }
    if field.changed() {
        view.problem = None;
    }
    let entered = field.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter));
    let hint = if purpose.picks_folder() {
        "Type a folder, or open one below. Enter: show the folder; Add this folder: read the \
         reviews in it."
    } else if purpose.writes() {
        "Type a path, or pick a folder below and a name. Enter: show the folder, or save to the file."
    } else {
        "Type a path, or pick a file below. Enter: show the folder, or open the file."
    };
    ui.add(egui::Label::new(RichText::new(hint).weak().small()).wrap());
    if let Some(problem) = &view.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    if entered {
        view.follow_typed(purpose, actions);
    }
}

fn places_ui(ui: &mut Ui, request: &ChooserRequest, view: &mut FileChooserView) {
    ui.vertical(|ui| {
        ui.label(RichText::new("Places").strong());
        egui::ScrollArea::vertical()
            .id_salt("places")
            .show(ui, |ui| {
                for place in request.places() {
                    let button = egui::Button::new(format!("🗀 {}", place.label))
                        .truncate()
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                    let clicked = ui
                        .add(button)
                        .on_hover_text(place.folder.display().to_string())
                        .clicked();
                    if clicked {
                        view.enter(request.purpose(), place.folder.clone());
                    }
                }
            });
    });
}

/// The folder shown: where it is, a way up, and what it holds.
fn folder_ui(
    ui: &mut Ui,
    purpose: &DialogPurpose,
    view: &mut FileChooserView,
    height: f32,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let parent = view.folder.parent().map(Path::to_owned);
        let up = ui
            .add_enabled(parent.is_some(), egui::Button::new("⬆"))
            .accessible_name("Up to the folder above")
            .on_hover_text("Up to the folder above");
        if up.clicked()
            && let Some(parent) = parent
        {
            view.enter(purpose, parent);
        }
        ui.add(
            egui::Label::new(RichText::new(view.folder.display().to_string()).strong()).truncate(),
        );
    });
    if let Some(error) = &view.unreadable {
        ui.colored_label(ui.visuals().error_fg_color, error);
        ui.allocate_space(egui::vec2(ui.available_width(), height - 24.0));
        return;
    }
    let row_height = ui.spacing().interact_size.y;
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("folder")
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, false])
        .show_rows(ui, row_height, view.listing.len(), |ui, rows| {
            if view.listing.is_empty() {
                ui.weak("Nothing here of the kind asked for.");
            }
            for entry in &view.listing[rows] {
                let picked = !entry.is_folder && Path::new(view.typed.trim()) == entry.path;
                if let Some(click) = entry_ui(ui, entry, picked) {
                    clicked = Some((entry.clone(), click));
                }
            }
        });
    match clicked {
        Some((entry, _)) if entry.is_folder => view.enter(purpose, entry.path),
        Some((entry, Click::Double)) => view.choose(purpose, entry.path, actions),
        Some((entry, Click::Single)) => {
            view.typed = entry.path.display().to_string();
            view.problem = None;
        }
        None => {}
    }
}

/// How an entry was clicked.
enum Click {
    Single,
    Double,
}

/// A folder (a click enters it) or a file (a click picks it, a double click chooses it).
fn entry_ui(ui: &mut Ui, entry: &Entry, picked: bool) -> Option<Click> {
    let icon = if entry.is_folder { "🗀" } else { "🗋" };
    let response = ui.add(
        egui::Button::selectable(picked, format!("{icon} {}", entry.name))
            .truncate()
            .min_size(egui::vec2(ui.available_width(), 0.0)),
    );
    if response.double_clicked() {
        Some(Click::Double)
    } else if response.clicked() {
        Some(Click::Single)
    } else {
        None
    }
}

/// The file chosen to write exists: replace it, or go back to the chooser.
fn replace_question_ui(
    ui: &mut Ui,
    view: &mut FileChooserView,
    path: &Path,
    actions: &mut Vec<Action>,
) {
    ui.heading(format!("Replace {}?", file_name(path)));
    ui.add_space(4.0);
    let folder = path.parent().unwrap_or(path);
    ui.add(
        egui::Label::new(format!(
            "A file of that name is already in {}. Replacing it writes over what it holds.",
            folder.display()
        ))
        .wrap(),
    );
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button(RichText::new("Replace").strong()).clicked() {
            actions.push(Action::AnswerFileChooser(Some(path.to_owned())));
        }
        if ui.button("Cancel").clicked() {
            view.replacing = None;
        }
    });
}

impl FileChooserView {
    fn for_request(request: &ChooserRequest) -> Self {
        let purpose = request.purpose();
        let name = purpose
            .suggested()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned());
        let mut view = Self {
            serial: Some(request.serial()),
            typed: name.unwrap_or_default(),
            ..Self::default()
        };
        view.enter(purpose, request.folder().to_owned());
        view
    }

    /// Shows `folder`; the typed path follows it, keeping the file name typed for a file to
    /// write.
    fn enter(&mut self, purpose: &DialogPurpose, folder: PathBuf) {
        let (_, extensions) = purpose.filter();
        match list_folder(&folder, &extensions, self.show_hidden) {
            Ok(mut listing) => {
                if purpose.picks_folder() {
                    listing.retain(|entry| entry.is_folder);
                }
                self.listing = listing;
                self.unreadable = None;
            }
            Err(error) => {
                self.listing = Vec::new();
                self.unreadable = Some(format!("This folder cannot be read: {error}."));
            }
        }
        let name = if purpose.writes() {
            self.typed.rsplit(MAIN_SEPARATOR).next().unwrap_or_default()
        } else {
            ""
        };
        self.typed = typed_path(&folder, name);
        self.folder = folder;
        self.problem = None;
    }

    /// Takes the path typed: a folder is shown, a file is chosen.
    fn follow_typed(&mut self, purpose: &DialogPurpose, actions: &mut Vec<Action>) {
        let typed = self.typed.trim();
        if typed.is_empty() {
            return;
        }
        let path = with_home_expanded(typed);
        let path = if path.is_absolute() {
            path
        } else {
            self.folder.join(path)
        };
        if path.is_dir() {
            self.enter(purpose, path);
            return;
        }
        let folder_exists = path.parent().is_some_and(Path::is_dir);
        if purpose.writes() && folder_exists || path.is_file() {
            self.choose(purpose, path, actions);
        } else if purpose.writes() {
            let folder = path.parent().unwrap_or(&path);
            self.problem = Some(format!("There is no folder {}.", folder.display()));
        } else {
            self.problem = Some(format!("There is no file {}.", path.display()));
        }
    }

    /// The folder typed (or shown, as the typed path follows it) is chosen.
    fn choose_typed_folder(&mut self, actions: &mut Vec<Action>) {
        let typed = self.typed.trim();
        let path = if typed.is_empty() {
            self.folder.clone()
        } else {
            let path = with_home_expanded(typed);
            if path.is_absolute() {
                path
            } else {
                self.folder.join(path)
            }
        };
        if path.is_dir() {
            actions.push(Action::AnswerFileChooser(Some(path)));
        } else {
            self.problem = Some(format!("There is no folder {}.", path.display()));
        }
    }

    /// The person chose `path`: answered, unless it would write over a file (asked first).
    fn choose(&mut self, purpose: &DialogPurpose, path: PathBuf, actions: &mut Vec<Action>) {
        let path = purpose.file_to_write(path);
        if purpose.writes() && path.is_dir() {
            self.problem = Some(format!("{} is a folder: type a file name.", path.display()));
        } else if purpose.writes() && path.exists() {
            self.replacing = Some(path);
        } else {
            actions.push(Action::AnswerFileChooser(Some(path)));
        }
    }
}

/// A folder as typed, with a file name after it (or nothing, to type one).
fn typed_path(folder: &Path, name: &str) -> String {
    let mut text = folder.display().to_string();
    if !text.ends_with(MAIN_SEPARATOR) {
        text.push(MAIN_SEPARATOR);
    }
    text.push_str(name);
    text
}

/// `~/notes` as the shell reads it.
fn with_home_expanded(typed: &str) -> PathBuf {
    let home = std::env::home_dir();
    match (typed.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home,
        (Some(rest), Some(home)) if rest.starts_with(MAIN_SEPARATOR) => {
            home.join(rest.trim_start_matches(MAIN_SEPARATOR))
        }
        _ => PathBuf::from(typed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_path_ends_in_a_separator_or_the_file_name() {
        assert_eq!(typed_path(Path::new("/home/ana"), ""), "/home/ana/");
        assert_eq!(typed_path(Path::new("/"), "x.ron"), "/x.ron");
        assert_eq!(
            typed_path(Path::new("/home/ana"), "x.ron"),
            "/home/ana/x.ron"
        );
    }

    #[test]
    fn a_tilde_is_the_home_folder() {
        let Some(home) = std::env::home_dir() else {
            return;
        };
        assert_eq!(with_home_expanded("~"), home);
        assert_eq!(with_home_expanded("~/a/b"), home.join("a/b"));
        assert_eq!(with_home_expanded("/a/~"), PathBuf::from("/a/~"));
    }
}
