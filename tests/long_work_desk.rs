//! Long work in the desk runs off the window's thread: a long project opens while frames go on
//! (with a progress bar once it takes a while), a revised draft read for one review never lands
//! on another, changes wait while a file is read, and a broken file is still reported by name.
//! No timings are asserted: what must show after a while is checked only where it took that
//! long.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use copydesk::app::command::UiCommand;
use copydesk::app::state::SHOW_PROGRESS_AFTER;
use copydesk::app::{Action, OpenReview, ScriptedFileDialogs};
use copydesk::document::Document;
use copydesk::model::{Claim, Comment, DraftFormat, Passage, Project, ReviewStatus};
use copydesk::storage::SaveRequest;
use egui::{Key, Role};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use jiff::Timestamp;

use crate::common::desk::{ALT, CTRL, CTRL_SHIFT, Desk, desk, notice, press, project, settle};
use crate::common::{sample_draft_2, temp_dir, write};
use copydesk::model::Reviewer;

const SECTIONS: usize = 200;
const COMMENTS: usize = 3_000;
const CLAIMS: usize = 1_000;

/// About 100,000 words of news prose in `SECTIONS` sections, no two sentences alike.
fn long_article() -> String {
    let mut text = String::from("# The Long Inquiry\n\n");
    for section in 0..SECTIONS {
        let year = 1800 + section;
        let _ = writeln!(text, "## Part {section}: the harbour in {year}\n");
        for paragraph in 0..5 {
            for sentence in 0..6 {
                let _ = write!(
                    text,
                    "In {year} the council of Port Ellis spent {} dollars on wall {paragraph} of the old harbour, officials said on Monday. ",
                    1_000 * (section * 30 + paragraph * 6 + sentence + 1)
                );
            }
            text.push_str("\n\n");
        }
    }
    text
}

/// The long article imported, with `COMMENTS` comments and `CLAIMS` claims spread over it,
/// saved as a project in `dir`.
fn long_project(dir: &Path) -> (PathBuf, Project) {
    let text = long_article();
    let words = text.split_whitespace().count();
    assert!(words >= 90_000, "{words} words");
    let mut project = copydesk::import::import_bytes(
        Path::new("the-long-inquiry.md"),
        text.as_bytes(),
        DraftFormat::Markdown,
        Timestamp::now(),
    )
    .unwrap();
    assert_eq!(project.sections.len(), SECTIONS);
    let now = Timestamp::now();
    for mark in 0..COMMENTS + CLAIMS {
        let section = &project.sections[mark % SECTIONS];
        let start = (mark / SECTIONS) * 90;
        let passage = Passage::from_section_text(&section.text, start..start + 30).unwrap();
        let id = section.id.clone();
        if mark < COMMENTS {
            let mut comment = Comment::new(id, Some(passage), &Reviewer::named("Test"), now);
            comment.body = format!("Check figure {mark}.");
            project.comments.push(comment);
        } else {
            project
                .claims
                .push(Claim::new(id, passage, &Reviewer::named("Test"), now));
        }
    }
    let path = dir.join("the-long-inquiry.copydesk.ron");
    SaveRequest::new(&project, &path).save().unwrap();
    (path, project)
}

fn is_opening_or_revising(harness: &Desk) -> bool {
    harness.state().state().files.is_opening_or_revising()
}

/// Steps frames until an open or revision has started (file dialogs answer on their own
/// thread).
fn step_until_started(harness: &mut Desk) {
    let started = Instant::now();
    while !is_opening_or_revising(harness) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the work never started: {:?} {:?}",
            harness.state().state().dialogs.notice(),
            harness.state().state().dialogs.modal().cloned()
        );
        std::thread::sleep(Duration::from_millis(2));
        harness.step();
    }
}

/// Hands an action to the desk between frames, as a widget would at the end of one: nothing
/// the worker does can land in between.
fn act(harness: &mut Desk, action: Action) {
    let ctx = harness.ctx.clone();
    harness.state_mut().state_mut().handle(action, &ctx);
}

#[test]
fn a_long_project_opens_while_the_window_keeps_drawing_and_shows_its_progress() {
    let dir = temp_dir();
    let (path, written) = long_project(dir.path());
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Bo"), &dialogs);
    let sample = project(&harness).clone();

    dialogs.answer_next(Some(path.clone()));
    harness.key_press_modifiers(CTRL, Key::O);
    step_until_started(&mut harness);
    let open_began = Instant::now();
    // The frame that started the open was drawn while it ran.
    let mut frames_while_opening = 1;

    // The review on screen stays as it is while the file is read: a change is refused,
    // saying why, and another open is refused too.
    act(
        &mut harness,
        Action::Command(UiCommand::SetStatus(ReviewStatus::Approved)),
    );
    let (text, is_error) = notice(&harness);
    assert!(
        is_error && text.contains("the-long-inquiry.copydesk.ron is being opened"),
        "{text}"
    );
    assert_eq!(project(&harness), &sample);
    act(&mut harness, Action::Command(UiCommand::OpenProject));
    let (text, _) = notice(&harness);
    assert!(text.starts_with("Wait a moment"), "{text}");

    // Frames go on until the file is read; moving through the sample still works meanwhile.
    let label = "Opening the-long-inquiry.copydesk.ron…";
    let mut moved = false;
    loop {
        let due = open_began.elapsed() >= SHOW_PROGRESS_AFTER;
        if !moved {
            harness.key_press_modifiers(ALT, Key::ArrowDown);
        }
        harness.step();
        if !is_opening_or_revising(&harness) {
            break;
        }
        frames_while_opening += 1;
        if !moved {
            moved = true;
            assert_eq!(
                harness.state().state().navigation.current_section(),
                Some(&sample.sections[1].id),
                "the desk answers the keyboard while the file is read"
            );
        }
        let bar = harness.query_by_role_and_label(Role::ProgressIndicator, label);
        if due {
            assert!(
                bar.is_some(),
                "“{label}” is shown once the open takes a while"
            );
        }
        assert!(
            open_began.elapsed() < Duration::from_secs(120),
            "the open never finished"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(frames_while_opening >= 1);
    let review = harness.state().state().review.as_ref().unwrap();
    assert_eq!(review.path(), Some(path.as_path()));
    let opened = project(&harness);
    assert_eq!(opened.sections.len(), SECTIONS);
    assert_eq!(opened.comments.len(), COMMENTS);
    assert_eq!(opened.claims.len(), CLAIMS);
    assert_eq!(opened, &written);
    let (text, is_error) = notice(&harness);
    assert!(
        !is_error && text.starts_with("Opened the-long-inquiry.copydesk.ron."),
        "{text}"
    );
    assert!(harness.query_by_label(label).is_none(), "the bar is gone");

    // The suggestion pass reads a text this long on a worker thread, and says how far it is.
    let reading = "Finding check-worthy sentences…";
    for _ in 0..20 {
        let due = harness
            .state()
            .state()
            .views
            .suggestions()
            .reading_progress()
            .is_some_and(|(running_for, _)| running_for >= SHOW_PROGRESS_AFTER);
        harness.step();
        if !harness.state().state().views.suggestions().is_reading() {
            break;
        }
        if due {
            let bar = harness.get_by_role_and_label(Role::ProgressIndicator, reading);
            let percent: f64 = bar.accesskit_node().numeric_value().unwrap();
            assert!((0.0..=100.0).contains(&percent), "{percent}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_revised_draft_read_for_one_review_never_lands_on_another() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Ana"), &dialogs);
    let before = project(&harness).clone();

    // Through the menu the revision comes in as one undo step (the draft is short: it may
    // land in the frame that starts it).
    dialogs.answer_next(Some(sample_draft_2()));
    press(&mut harness, CTRL_SHIFT, Key::I);
    assert_eq!(project(&harness).draft.number, 2);
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(project(&harness), &before, "one undo step");

    // Started between frames, as the dialog's answer starts it, so nothing can land before
    // the desk is asked for more: changes wait while the draft is read, and so does any
    // other file.
    harness
        .state_mut()
        .state_mut()
        .start_revise(&sample_draft_2());
    assert!(is_opening_or_revising(&harness));
    act(
        &mut harness,
        Action::Command(UiCommand::SetStatus(ReviewStatus::Approved)),
    );
    let (text, is_error) = notice(&harness);
    assert!(
        is_error
            && text.contains("the revised draft sample-article-draft-2.md is being brought in"),
        "{text}"
    );
    act(&mut harness, Action::Command(UiCommand::Redo));
    let (text, is_error) = notice(&harness);
    assert!(is_error && text.starts_with("Nothing was redone"), "{text}");
    act(&mut harness, Action::Command(UiCommand::ImportRevision));
    let (text, _) = notice(&harness);
    assert!(text.starts_with("Wait a moment"), "{text}");
    assert_eq!(project(&harness), &before);
    settle(&mut harness);
    assert_eq!(project(&harness).draft.number, 2);
    assert_eq!(
        project(&harness).sections[0].status,
        before.sections[0].status
    );
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(project(&harness), &before, "still one undo step");

    // Another review replaces this one while the draft is read: it never gets the revision.
    harness
        .state_mut()
        .state_mut()
        .start_revise(&sample_draft_2());
    let other = copydesk::sample::sample_project(Timestamp::now()).unwrap();
    harness.state_mut().state_mut().show_review(OpenReview::new(
        Document::new(other.clone()),
        None,
        None,
    ));
    settle(&mut harness);
    assert_eq!(project(&harness), &other);
    assert_eq!(project(&harness).draft.number, 1);
    assert!(!harness.state().state().is_dirty());
    let (text, is_error) = notice(&harness);
    assert!(
        is_error
            && text.starts_with("The revised draft sample-article-draft-2.md was not brought in"),
        "{text}"
    );
}

#[test]
fn quitting_with_save_while_a_revised_draft_is_read_closes_on_what_was_saved() {
    let dir = temp_dir();
    let path = dir.path().join("sample.copydesk.ron");
    SaveRequest::new(
        &copydesk::sample::sample_project(Timestamp::now()).unwrap(),
        &path,
    )
    .save()
    .unwrap();
    let mut harness = desk(
        Some(path.clone()),
        Some("Ana"),
        &ScriptedFileDialogs::default(),
    );
    act(
        &mut harness,
        Action::Command(UiCommand::SetStatus(ReviewStatus::Approved)),
    );
    harness
        .state_mut()
        .state_mut()
        .start_revise(&sample_draft_2());
    // The draft may well be read before the question is answered: it waits for the answer,
    // then for the save, and is never brought in once the window is closing.
    act(&mut harness, Action::Command(UiCommand::Quit));
    std::thread::sleep(Duration::from_millis(200));
    harness.step();
    act(
        &mut harness,
        Action::AnswerUnsaved(copydesk::app::state::UnsavedChoice::Save),
    );
    let started = Instant::now();
    while !harness.state().state().dialogs.quit_confirmed() {
        assert!(started.elapsed() < Duration::from_secs(20), "never quit");
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    for _ in 0..10 {
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    assert_eq!(
        project(&harness).draft.number,
        1,
        "the draft was not brought in"
    );
    assert!(
        !harness.state().state().is_dirty(),
        "nothing unsaved is closed on"
    );
    let saved = copydesk::project_file::load_project(&path).unwrap();
    assert_eq!(&saved, project(&harness));
    assert_eq!(saved.sections[0].status, ReviewStatus::Approved);
}

/// Answers "Don't save" to the unsaved-changes question, asked before the file dialog and
/// again when it answers (the review is still dirty), then lets the file be read.
fn dont_save(harness: &mut Desk) {
    for _ in 0..2 {
        harness.get_by_label("Don't save").click();
        harness.run();
    }
    settle(harness);
}

#[test]
fn a_corrupt_project_is_reported_by_name_and_the_open_review_stays() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Bo"), &dialogs);
    press(&mut harness, ALT, Key::Num4);
    let before = project(&harness).clone();
    let dir = temp_dir();
    let corrupt = dir.path().join("corrupt.copydesk.ron");
    write(
        &corrupt,
        "(format: \"copydesk-project\", version: 4, title: \"x\", sections: [(",
    );

    dialogs.answer_next(Some(corrupt));
    press(&mut harness, CTRL, Key::O);
    dont_save(&mut harness);
    let (text, is_error) = notice(&harness);
    assert!(is_error && text.contains("corrupt.copydesk.ron"), "{text}");
    assert_eq!(project(&harness), &before);
    assert!(harness.state().state().is_dirty(), "its changes are kept");
    assert!(
        harness
            .state()
            .state()
            .review
            .as_ref()
            .unwrap()
            .path()
            .is_none()
    );

    // An article that cannot be imported likewise.
    let broken = dir.path().join("draft.docx");
    write(&broken, b"not a zip archive");
    dialogs.answer_next(Some(broken));
    press(&mut harness, CTRL, Key::I);
    dont_save(&mut harness);
    let (text, is_error) = notice(&harness);
    assert!(is_error && text.contains("draft.docx"), "{text}");
    assert_eq!(project(&harness), &before);
}
