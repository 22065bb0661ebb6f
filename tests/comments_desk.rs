//! Every comment in one place (issue 17, item 4) and a redlined Word draft's tracked changes
//! shown apart (item 5), driven through the desk's accessible labels: the Comments tab and
//! its filters, F6 and Shift+F6 through open comments, and tracked changes acknowledged one
//! by one, by author and all at once — each one undo step.

use std::path::PathBuf;

use copydesk::app::ScriptedFileDialogs;
use copydesk::app::side_panel::SidePanel;
use copydesk::check::{OpenItem, open_items};
use copydesk::model::{Comment, CommentOrigin, MarkId, Project, Reviewer, Stamp};
use copydesk::query::{CommentQuery, OriginFilter, ResolvedFilter, unreviewed_changes};
use copydesk::storage::SaveRequest;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use jiff::Timestamp;

use crate::common::desk::{CTRL, Desk, click, desk, notice, press, project, settle};
use crate::common::redlined::redlined_docx;
use crate::common::{passage_of, temp_dir};

/// The sample's three comments, and beside them a Word comment by Bo (resolved), a comment
/// by Gil on a later passage, and a tracked insertion by Bea; saved in `folder`.
fn review_with_comments(folder: &std::path::Path) -> PathBuf {
    let at = |second| Timestamp::from_second(second).unwrap();
    let mut project = copydesk::sample::sample_project(at(1_000)).unwrap();
    let comment = |project: &Project, quote: &str, author: &str, when| {
        let (section, passage) = passage_of(project, quote);
        Comment::new(section, Some(passage), &Reviewer::named(author), when)
    };
    let mut word = comment(&project, "Experts note", "Bo", at(500));
    word.origin = Some(CommentOrigin::WordComment);
    word.body = "From Word.".to_owned();
    word.resolved = Some(Stamp::new(&Reviewer::named("Bo"), at(600)));
    let mut gil = comment(
        &project,
        "42% of households there own no car",
        "Gil",
        at(2_000),
    );
    gil.body = "Gil's question.".to_owned();
    let mut change = comment(&project, "Officials described", "Bea", at(100));
    change.origin = Some(CommentOrigin::TrackedInsertion);
    change.body = "Inserted “Officials described” (tracked change, accepted on import)".to_owned();
    project.comments.extend([word, gil, change]);
    let path = folder.join("comments.copydesk.ron");
    SaveRequest::new(&project, &path).save().unwrap();
    path
}

fn comments_view(harness: &Desk) -> CommentQuery {
    harness.state().state().comment_views.query().clone()
}

fn selected_comment(harness: &Desk) -> Option<copydesk::model::CommentId> {
    match harness.state().state().navigation.selected_mark() {
        Some(MarkId::Comment(id)) => Some(id.clone()),
        _ => None,
    }
}

#[test]
fn the_comments_tab_lists_every_comment_with_its_filters() {
    let folder = temp_dir();
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(
        Some(review_with_comments(folder.path())),
        Some("Ana"),
        &dialogs,
    );
    press(&mut harness, CTRL, Key::Num6);
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Comments
    );
    // The three of the sample, Bo's and Gil's: not the tracked change.
    harness.get_by_label("5 shown · 4 open");
    harness.get_by_label("Gil's question.");
    assert!(harness.query_by_label("From Word.").is_some());

    click(&mut harness, "Filter comments by origin");
    click(&mut harness, "Any, tracked changes too");
    harness.get_by_label("6 shown · 5 open");
    click(&mut harness, "Filter comments by status");
    click(&mut harness, "Resolved");
    harness.get_by_label("1 shown · 0 open");
    harness.get_by_label("From Word.");
    click(&mut harness, "Filter comments by status");
    click(&mut harness, "Open");
    click(&mut harness, "Filter comments by reviewer");
    click(&mut harness, "Gil");
    harness.get_by_label("1 shown · 1 open");
    assert_eq!(comments_view(&harness).by, Some(Reviewer::named("Gil").id));
    click(&mut harness, "Filter comments by reviewer");
    click(&mut harness, "Everyone");
    click(&mut harness, "Filter comments by origin");
    click(&mut harness, "Word comments");
    harness.get_by_label("0 shown · 0 open");
    assert_eq!(
        comments_view(&harness),
        CommentQuery {
            resolved: ResolvedFilter::Open,
            origin: OriginFilter::Is(copydesk::query::Origin::WordComment),
            ..CommentQuery::default()
        }
    );

    // Clicking a comment's passage opens its card in place, thread and all.
    click(&mut harness, "Filter comments by origin");
    click(&mut harness, "Comments (no tracked changes)");
    click(&mut harness, "“42% of households there own no car”");
    let gil = project(&harness)
        .comments
        .iter()
        .find(|c| c.body == "Gil's question.")
        .unwrap()
        .id
        .clone();
    assert_eq!(selected_comment(&harness), Some(gil));
    click(
        &mut harness,
        "Resolve comment on “42% of households there own no car”",
    );
    assert!(
        !project(&harness)
            .comments
            .iter()
            .find(|c| c.body == "Gil's question.")
            .unwrap()
            .is_open()
    );
    harness.get_by_label("3 shown · 3 open");
}

#[test]
fn f6_goes_through_open_comments_in_reading_order_or_the_view_s_order() {
    let folder = temp_dir();
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(
        Some(review_with_comments(folder.path())),
        Some("Ana"),
        &dialogs,
    );
    let reading: Vec<_> = CommentQuery {
        resolved: ResolvedFilter::Open,
        ..CommentQuery::default()
    }
    .comments(project(&harness))
    .into_iter()
    .map(|c| c.id.clone())
    .collect();
    assert_eq!(reading.len(), 4, "the sample's three and Gil's");

    // From the first section: the open comments in reading order, tracked changes left out.
    press(&mut harness, Modifiers::NONE, Key::F6);
    assert_eq!(selected_comment(&harness).as_ref(), Some(&reading[0]));
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Section
    );
    press(&mut harness, Modifiers::NONE, Key::F6);
    assert_eq!(selected_comment(&harness).as_ref(), Some(&reading[1]));
    press(&mut harness, Modifiers::SHIFT, Key::F6);
    press(&mut harness, Modifiers::SHIFT, Key::F6);
    assert_eq!(
        selected_comment(&harness).as_ref(),
        reading.last(),
        "wraps around"
    );

    // In the Comments tab, newest first: Gil's comment (the newest) first.
    press(&mut harness, CTRL, Key::Num6);
    click(&mut harness, "Sort comments");
    click(&mut harness, "Newest first");
    let newest: Vec<_> = comments_view(&harness)
        .comments(project(&harness))
        .into_iter()
        .filter(|c| c.is_open())
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(
        project(&harness).comment(&newest[0]).unwrap().body,
        "Gil's question."
    );
    // From the comment selected, the next one in that order.
    let from = newest
        .iter()
        .position(|id| Some(id) == reading.last())
        .unwrap();
    click(&mut harness, "Next open comment");
    assert_eq!(
        selected_comment(&harness).as_ref(),
        Some(&newest[(from + 1) % 4])
    );
    press(&mut harness, Modifiers::NONE, Key::F6);
    assert_eq!(
        selected_comment(&harness).as_ref(),
        Some(&newest[(from + 2) % 4])
    );
    assert_eq!(
        harness.state().state().views.side_panel(),
        SidePanel::Comments,
        "the card opens in the list"
    );
}

#[test]
fn a_redlined_draft_s_changes_are_shown_apart_and_acknowledged_in_single_steps() {
    let folder = temp_dir();
    let draft = folder.path().join("redlined.docx");
    std::fs::write(&draft, redlined_docx(219)).unwrap();
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Ana"), &dialogs);
    dialogs.answer_next(Some(draft));
    press(&mut harness, CTRL, Key::I);
    settle(&mut harness);
    let (said, is_error) = notice(&harness);
    assert!(!is_error, "{said}");
    assert!(said.contains("219 tracked changes were pending"), "{said}");
    assert!(said.contains("under Tracked changes"), "{said}");
    assert_eq!(unreviewed_changes(project(&harness)), 219);
    // The outline counts them as the gate does: apart from the comments.
    harness.get_by_label("219 tracked changes to review");
    assert!(harness.query_by_label_contains("open comment").is_none());

    // Not 219 comments: the comments list has none, the tracked changes their own view.
    press(&mut harness, CTRL, Key::Num6);
    harness.get_by_label("0 shown · 0 open");
    click(&mut harness, "Show tracked changes");
    assert!(
        harness
            .state()
            .state()
            .comment_views
            .shows_tracked_changes()
    );
    harness.get_by_label_contains("Bea Writer — 37 insertions, 36 deletions · 73 to review");
    harness.get_by_label_contains("Cal Editor — 73 insertions, 73 deletions · 146 to review");

    // One by one…
    click(&mut harness, "Acknowledge: Inserted “added0”");
    assert_eq!(unreviewed_changes(project(&harness)), 218);
    let first = project(&harness)
        .comments
        .iter()
        .find(|c| c.body.starts_with("Inserted “added0”"))
        .unwrap();
    assert_eq!(first.resolved.as_ref().unwrap().by, "Ana");
    // …an author's at once…
    click(
        &mut harness,
        "Acknowledge all tracked changes by Bea Writer",
    );
    assert_eq!(unreviewed_changes(project(&harness)), 146);
    // …and all at once: one step, which one Ctrl+Z takes back.
    click(&mut harness, "Acknowledge all tracked changes");
    assert_eq!(unreviewed_changes(project(&harness)), 0);
    let (said, _) = notice(&harness);
    assert!(said.contains("Acknowledged 146 tracked changes"), "{said}");
    assert!(
        harness
            .query_by_label_contains("tracked changes to review")
            .is_none()
    );
    harness.get_by_label_contains("Bea Writer — 37 insertions, 36 deletions · all acknowledged");
    assert!(
        !open_items(project(&harness))
            .iter()
            .any(|item| matches!(item, OpenItem::TrackedChanges { .. }))
    );
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(unreviewed_changes(project(&harness)), 146);
    assert!(open_items(project(&harness)).contains(&OpenItem::TrackedChanges { count: 146 }));
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(unreviewed_changes(project(&harness)), 218);

    // A change acknowledged by mistake is reopened.
    click(&mut harness, "Reopen: Inserted “added0”");
    assert_eq!(unreviewed_changes(project(&harness)), 219);
}
