//! The desk, driven through its accessible labels as a reviewer would use it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use copydesk::app::prefs::Preferences;
use copydesk::app::{CopydeskApp, DeskOptions, DialogPurpose, ScriptedFileDialogs};
use copydesk::model::{ClaimStatus, MarkId, Project, ReviewStatus, SectionId};
use copydesk::project_file::load_project;
use copydesk::storage::Safekeeping;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common::{SEED_HEADINGS, passage_of, seed_article, temp_dir, write};

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
    let prefs = reviewer.map(|name| Preferences {
        reviewer_name: name.to_owned(),
        ..Preferences::default()
    });
    let dialogs = dialogs.clone();
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_max_steps(max_steps)
        .build_eframe(move |cc| {
            CopydeskApp::new(
                cc,
                DeskOptions {
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
    state.is_writing_files() || state.is_opening_or_revising()
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
    let selection = harness.state().state().text_selection.clone();
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

fn answer_name(harness: &mut Desk, name: &str) {
    harness.get_by_label("Your name").click();
    harness.run();
    press(harness, CTRL, Key::A);
    harness.get_by_label("Your name").type_text(name);
    harness.run();
    harness.get_by_label("Continue").click();
    harness.run();
}

#[test]
fn a_reviewer_reviews_the_seed_saves_and_finds_everything_as_left() {
    let Some(seed) = seed_article() else { return };
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(seed), None, &dialogs);

    // First start: the desk asks who is reviewing, once.
    answer_name(&mut harness, "Ana Reviewer");
    assert_eq!(harness.state().state().prefs.reviewer_name, "Ana Reviewer");
    assert!(harness.state().state().modal.is_none());

    // The outline lists the seven sections.
    assert_eq!(project(&harness).sections.len(), 7);
    harness.get_by_label("Go to Opening");
    for heading in SEED_HEADINGS {
        harness.get_by_label(&format!("Go to {heading}"));
    }

    // Statuses, by mouse and by keyboard.
    harness.get_by_label("Opening: In review").click();
    harness.run();
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::InReview);
    press(&mut harness, ALT, Key::ArrowDown);
    assert_eq!(
        harness.state().state().current_section,
        Some(section_id(&harness, 1))
    );
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(project(&harness).sections[1].status, ReviewStatus::Approved);
    press(&mut harness, ALT, Key::ArrowUp);

    // Comment on a passage with the button beside the selection.
    harness.get_by_label("Go to Opening").click();
    harness.run();
    drag_select(&mut harness, "more than 4,000");
    harness.get_by_label("Comment").click();
    harness.run();
    let comment = project(&harness).comments.last().unwrap().clone();
    assert_eq!(comment.passage.as_ref().unwrap().quote, "more than 4,000");
    assert_eq!(comment.author, "Ana Reviewer");
    harness
        .get_by_label("Comment on “more than 4,000”")
        .type_text("Which facilities? Cite the figure.");
    harness.run();
    assert_eq!(
        project(&harness).comments.last().unwrap().body,
        "Which facilities? Cite the figure."
    );

    // Flag the same figure as a claim, with the keyboard.
    drag_select(&mut harness, "more than 4,000");
    press(&mut harness, CTRL_ALT, Key::F);
    let claim = project(&harness).claims.last().unwrap().clone();
    assert_eq!(claim.passage.quote, "more than 4,000");
    assert_eq!(claim.status, ClaimStatus::NeedsSource);
    assert_eq!(claim.author, "Ana Reviewer");
    // Flagged inside a suggested sentence, the claim takes that sentence's kinds.
    assert!(claim.kinds.contains(&copydesk::model::CheckKind::Figure));
    assert_eq!(
        harness.state().state().selected_mark,
        Some(MarkId::Claim(claim.id.clone()))
    );

    // Undo and redo, whatever the kind of change.
    press(&mut harness, CTRL, Key::Z);
    assert!(project(&harness).claims.is_empty());
    press(&mut harness, CTRL_SHIFT, Key::Z);
    assert_eq!(project(&harness).claims, std::slice::from_ref(&claim));

    // Work the claim in its card: status and a source.
    harness
        .get_by_label("Claim status “more than 4,000”")
        .click();
    harness.run();
    harness.get_by_label("In progress").click();
    harness.run();
    assert_eq!(project(&harness).claims[0].status, ClaimStatus::InProgress);
    harness
        .get_by_label("Add source to claim “more than 4,000”")
        .click();
    harness.run();
    type_into(
        &mut harness,
        "Source 1 URL for claim “more than 4,000”",
        "https://example.org/centcom-statement",
    );
    assert_eq!(
        project(&harness).claims[0].sources[0].url,
        "https://example.org/centcom-statement"
    );

    // Save (the dialog answers with a path), then reopen: everything is as left.
    let dir = temp_dir();
    let saved = dir.path().join("seed.copydesk.ron");
    dialogs.answer_next(Some(dir.path().join("seed")));
    press(&mut harness, CTRL, Key::S);
    assert!(matches!(
        dialogs.asked().last(),
        Some(DialogPurpose::SaveProject { suggested }) if suggested.ends_with("seed-article.copydesk.ron")
    ));
    assert!(saved.exists(), "saving adds the project extension");
    let review = harness.state().state().review.as_ref().unwrap();
    assert!(!review.document.is_dirty());
    assert_eq!(review.path.as_deref(), Some(saved.as_path()));
    let left = project(&harness).clone();
    assert_eq!(load_project(&saved).unwrap(), left);

    let reopened = desk(
        Some(saved),
        Some("Ana Reviewer"),
        &ScriptedFileDialogs::default(),
    );
    assert_eq!(project(&reopened), &left);
    assert!(
        !reopened
            .state()
            .state()
            .review
            .as_ref()
            .unwrap()
            .document
            .is_dirty()
    );
}

#[test]
fn comments_on_a_section_take_replies_and_resolve() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    harness.get_by_label("Go to Costs and Funding").click();
    harness.run();
    let before = project(&harness).comments.len();
    harness
        .get_by_label("Comment on section: Costs and Funding")
        .click();
    harness.run();
    assert_eq!(project(&harness).comments.len(), before + 1);
    let comment = project(&harness).comments.last().unwrap().clone();
    assert!(comment.passage.is_none());
    assert_eq!(comment.author, "Bo");

    // The sample already has a section comment here; the new one is the second card.
    let fields = harness.get_all_by_label("Comment on the section").count();
    assert_eq!(fields, 2);
    harness
        .get_all_by_label("Reply to comment on the section")
        .last()
        .unwrap()
        .focus();
    harness.run();
    harness
        .get_all_by_label("Reply to comment on the section")
        .last()
        .unwrap()
        .type_text("Agreed, cutting it.");
    harness.run();
    harness
        .get_all_by_label("Send reply to comment on the section")
        .last()
        .unwrap()
        .click();
    harness.run();
    let thread = project(&harness).comments.last().unwrap().clone();
    assert_eq!(thread.replies.len(), 1);
    assert_eq!(thread.replies[0].body, "Agreed, cutting it.");
    assert_eq!(thread.replies[0].author, "Bo");

    harness
        .get_all_by_label("Resolve comment on the section")
        .last()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        project(&harness)
            .comments
            .last()
            .unwrap()
            .resolved
            .as_ref()
            .map(|r| r.by.as_str()),
        Some("Bo")
    );
    harness
        .get_by_label("Reopen comment on the section")
        .click();
    harness.run();
    assert!(project(&harness).comments.last().unwrap().is_open());
}

#[test]
fn a_broken_file_leaves_the_open_review_and_the_file_untouched() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let dir = temp_dir();
    let broken = dir.path().join("broken.copydesk.ron");
    let contents = "(format: \"copydesk-project\", version: 1, title: \"x\", sections: [";
    write(&broken, contents);
    let before = project(&harness).clone();
    harness.get_by_label("Opening: Approved").click();
    harness.run();
    drop_file(&mut harness, &broken);
    // The open review has unsaved changes: the desk asks first.
    harness.get_by_label("Don't save").click();
    harness.run();
    settle(&mut harness);
    let state = harness.state().state();
    let notice = state.notice.as_ref().expect("an error is shown");
    assert!(notice.is_error);
    assert!(
        notice.text.contains("broken.copydesk.ron:1:"),
        "{}",
        notice.text
    );
    assert_eq!(project(&harness).sections[1..], before.sections[1..]);
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::Approved);
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), contents);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Bo"), &dialogs);
    harness.get_by_label("Opening: Approved").click();
    harness.run();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().state().quit_confirmed);
    assert!(harness.state().state().is_dirty());

    // Quitting from the keyboard asks too; saving first saves, then quits.
    let dir = temp_dir();
    dialogs.answer_next(Some(dir.path().join("sample.copydesk.ron")));
    press(&mut harness, CTRL, Key::Q);
    harness.get_by_label("Save").click();
    harness.run();
    settle(&mut harness);
    assert!(harness.state().state().quit_confirmed);
    let saved = load_project(&dir.path().join("sample.copydesk.ron")).unwrap();
    assert_eq!(saved.sections[0].status, ReviewStatus::Approved);
}

#[test]
fn the_bundled_sample_opens_with_marks_when_no_file_is_given() {
    let harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let project = project(&harness);
    assert_eq!(project.title, "Riverton Doubles Its Bike-Share Network");
    assert!(!project.claims.is_empty() && !project.comments.is_empty());
    harness.get_by_label("Go to Why the East Side");
    harness.get_by_label("Text of Opening");
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

fn drop_file(harness: &mut Desk, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(path.to_owned())));
    harness.run();
    settle(harness);
}

#[test]
fn dropping_an_article_imports_it() {
    let Some(seed) = seed_article() else { return };
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    // The untouched sample has nothing to lose: no question asked.
    drop_file(&mut harness, &seed);
    assert!(harness.state().state().modal.is_none());
    assert_eq!(project(&harness).sections.len(), 7);
    assert_eq!(project(&harness).draft.file_name, "seed-article.txt");
}

#[test]
fn a_save_dialog_never_saves_a_review_other_than_the_one_it_was_opened_for() {
    let Some(seed) = seed_article() else { return };
    let dialogs = ScriptedFileDialogs::held();
    let mut harness = desk(None, Some("Bo"), &dialogs);
    let dir = temp_dir();
    let target = dir.path().join("sample.copydesk.ron");
    dialogs.answer_next(Some(target.clone()));
    // Save as… is asked for the sample; before its answer comes back, the seed is dropped in.
    press(&mut harness, CTRL_SHIFT, Key::S);
    assert!(matches!(
        dialogs.asked().last(),
        Some(DialogPurpose::SaveProject { suggested }) if suggested.ends_with("sample-article.copydesk.ron")
    ));
    drop_file(&mut harness, &seed);
    dialogs.release();
    harness.run();
    assert_eq!(project(&harness).draft.file_name, "seed-article.txt");
    assert!(
        !target.exists(),
        "the seed must not be saved under the sample's name"
    );
    let notice = harness.state().state().notice.clone().unwrap();
    assert!(
        notice.is_error && notice.text.contains("nothing was saved"),
        "{}",
        notice.text
    );
}

#[test]
fn alt_shortcuts_leave_a_text_field_alone() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let before = project(&harness).sections[0].status;
    type_into(
        &mut harness,
        "Comment on “Officials described it as the most ambi…”",
        " Or",
    );
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(project(&harness).sections[0].status, before);
    assert!(project(&harness).comments[0].body.ends_with(" Or"));
    // Outside the field, the same keys set the status.
    harness.event(Event::Key {
        key: Key::Escape,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    harness.get_by_label("Go to Opening").click();
    harness.run();
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::Approved);
}

#[test]
fn the_publishing_gate_opens_once_the_desk_has_dealt_with_everything() {
    let Some(seed) = seed_article() else { return };
    let dir = temp_dir();
    let saved = dir.path().join("seed.copydesk.ron");
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(seed), Some("Ana"), &dialogs);
    let check = |path: &Path| {
        crate::common::copydesk()
            .arg("check")
            .arg(path)
            .output()
            .unwrap()
            .status
            .code()
    };

    // Flag the central figure, comment on it, save: the gate stays shut.
    drag_select(&mut harness, "more than 4,000");
    press(&mut harness, CTRL_ALT, Key::F);
    drag_select(&mut harness, "more than 4,000");
    press(&mut harness, CTRL_ALT, Key::M);
    type_into(&mut harness, "Comment on “more than 4,000”", "Source?");
    dialogs.answer_next(Some(saved.clone()));
    press(&mut harness, CTRL, Key::S);
    assert_eq!(check(&saved), Some(1));

    // Review every section from the keyboard: approve, next, approve, …
    harness.get_by_label("Go to Opening").click();
    harness.run();
    for _ in 0..7 {
        press(&mut harness, ALT, Key::Num4);
        press(&mut harness, ALT, Key::ArrowDown);
    }
    let project_now = project(&harness);
    assert!(
        project_now
            .sections
            .iter()
            .all(|s| s.status == ReviewStatus::Approved)
    );

    // Resolve the comment and verify the claim, with the mouse.
    harness.get_by_label("Go to Opening").click();
    harness.run();
    harness
        .get_by_label("Resolve comment on “more than 4,000”")
        .click();
    harness.run();
    harness
        .get_by_label("Claim status “more than 4,000”")
        .click();
    harness.run();
    harness.get_by_label("Verified").click();
    harness.run();
    press(&mut harness, CTRL, Key::S);
    assert!(!harness.state().state().is_dirty());
    assert_eq!(check(&saved), Some(0), "{}", saved.display());
}

/// Clicks the middle of a passage, as a person clicks a highlight.
fn click_passage(harness: &mut Desk, quote: &str) {
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

#[test]
fn highlights_and_cards_lead_to_each_other() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let claim = project(&harness)
        .claims
        .iter()
        .find(|c| c.passage.quote == "€14.6 million")
        .unwrap()
        .clone();
    // A click on the highlight selects the claim's card.
    click_passage(&mut harness, "€14.6 million");
    assert_eq!(
        harness.state().state().selected_mark,
        Some(MarkId::Claim(claim.id))
    );
    // From a card in another section, its title leads back to its passage there.
    let comment = project(&harness)
        .comments
        .iter()
        .find(|c| {
            c.passage
                .as_ref()
                .is_some_and(|p| p.quote == "Experts note")
        })
        .unwrap()
        .clone();
    harness.get_by_label("Go to Why the East Side").click();
    harness.run();
    harness
        .get_all_by_label("💬 Comment")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        harness.state().state().selected_mark,
        Some(MarkId::Comment(comment.id.clone()))
    );
    assert_eq!(
        harness.state().state().current_section,
        Some(comment.section.clone())
    );
    assert!(
        harness
            .state()
            .article_view()
            .char_screen_pos(&comment.section, comment.passage.unwrap().start)
            .is_some(),
        "the passage is on screen"
    );
}

#[test]
fn the_title_bar_names_the_file_and_tells_unsaved_changes() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Bo"), &dialogs);
    assert_eq!(
        harness.state().window_title(),
        "sample-article.md (not saved yet) — copydesk"
    );
    let dir = temp_dir();
    dialogs.answer_next(Some(dir.path().join("riverton.copydesk.ron")));
    press(&mut harness, CTRL, Key::S);
    assert_eq!(
        harness.state().window_title(),
        "riverton.copydesk.ron — copydesk"
    );
    harness.get_by_label("Opening: Approved").click();
    harness.run();
    assert_eq!(
        harness.state().window_title(),
        "riverton.copydesk.ron (unsaved changes) — copydesk"
    );
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(
        harness.state().window_title(),
        "riverton.copydesk.ron — copydesk"
    );
}

#[test]
fn projects_open_from_the_dialog_and_from_recent_files() {
    let dir = temp_dir();
    let first = dir.path().join("first.copydesk.ron");
    let second = dir.path().join("second.md");
    copydesk::storage::SaveRequest::new(
        &copydesk::sample::sample_project(jiff::Timestamp::now()).unwrap(),
        &first,
    )
    .save()
    .unwrap();
    write(&second, "# Second\n\nA short draft.\n");
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Bo"), &dialogs);

    dialogs.answer_next(Some(first.clone()));
    press(&mut harness, CTRL, Key::O);
    assert!(matches!(
        dialogs.asked().last(),
        Some(DialogPurpose::OpenProject)
    ));
    let review = harness.state().state().review.as_ref().unwrap();
    assert_eq!(review.path.as_deref(), Some(first.as_path()));

    dialogs.answer_next(Some(second));
    press(&mut harness, CTRL, Key::I);
    assert!(matches!(
        dialogs.asked().last(),
        Some(DialogPurpose::ImportArticle)
    ));
    assert_eq!(project(&harness).title, "Second");

    // Both are now recent files; File → Open recent brings the first back.
    let recent = &harness.state().state().prefs.recent_files;
    assert_eq!(recent.len(), 2);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    harness.get_by_label("first.copydesk.ron").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(
        project(&harness).title,
        "Riverton Doubles Its Bike-Share Network"
    );
}

#[test]
fn a_file_that_cannot_be_opened_at_start_is_still_reported_after_the_name_is_given() {
    let dir = temp_dir();
    let broken = dir.path().join("broken.copydesk.ron");
    write(
        &broken,
        "(format: \"copydesk-project\", version: 1, title: \"x\", sections: [",
    );
    let mut harness = desk(Some(broken), None, &ScriptedFileDialogs::default());
    answer_name(&mut harness, "Dana");
    let notice = harness.state().state().notice.clone().expect("still shown");
    assert!(notice.is_error);
    assert!(
        notice.text.contains("broken.copydesk.ron:1:"),
        "{}",
        notice.text
    );
}
