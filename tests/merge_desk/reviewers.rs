//! Who did what: the reviewer says their role with their name, and a filter shows — in the
//! text, the cards, the claims view — and exports one reviewer's marks alone.

use copydesk::app::ScriptedFileDialogs;
use copydesk::model::{Claim, Comment, MarkId, Role};
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use jiff::Timestamp;

use super::{bo, saved, shows};
use crate::common::desk::{ALT, CTRL, Desk, desk, press, project, settle};
use crate::common::{passage_of, temp_dir};

#[test]
fn the_reviewer_says_their_role_and_the_review_notes_it() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, None, &dialogs);
    harness.get_by_label("Your name").click();
    harness.run();
    press(&mut harness, CTRL, Key::A);
    harness.get_by_label("Your name").type_text("Ana");
    harness.run();
    harness.get_by_label("Role: Editor").click();
    harness.run();
    harness.get_by_label("Continue").click();
    harness.run();
    let prefs = &harness.state().state().prefs;
    assert_eq!(prefs.reviewer_name, "Ana");
    assert_eq!(prefs.reviewer_role, Some(Role::Editor));
    assert!(shows(&harness, "Reviewing as Ana (Editor)"));

    // Her first change notes her, with her role, in the review's list of reviewers.
    press(&mut harness, ALT, Key::Num4);
    let ana = prefs_reviewer(&harness);
    assert!(project(&harness).reviewers.contains(&ana));

    // Asked again from the menu, the dialog starts from what she said.
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Reviewer name…").click();
    harness.run();
    harness.get_by_label("Role: Not said").click();
    harness.run();
    harness.get_by_label("Continue").click();
    harness.run();
    assert_eq!(harness.state().state().prefs.reviewer_role, None);
}

fn prefs_reviewer(harness: &Desk) -> copydesk::model::Reviewer {
    harness.state().state().prefs.reviewer()
}

/// Steps the desk until the export has been written.
fn wait_for_export(harness: &mut Desk) {
    for _ in 0..500 {
        if !harness.state().state().files.is_exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}

#[test]
fn one_reviewers_marks_are_shown_listed_and_exported_alone() {
    let bo = bo();
    let mut sample = copydesk::sample::sample_project(Timestamp::now()).unwrap();
    let (section, passage) = passage_of(&sample, "€3.1 million a year");
    sample
        .claims
        .push(Claim::new(section.clone(), passage, &bo, Timestamp::now()));
    sample.comments.push(Comment {
        body: "Bo's question about the running costs.".to_owned(),
        ..Comment::new(section, None, &bo, Timestamp::now())
    });
    sample.reviewers.push(bo);
    let bos_claim = sample.claims.last().unwrap().id.clone();
    let bos_comment = sample.comments.last().unwrap().id.clone();
    let dir = temp_dir();
    let path = saved(dir.path(), "review.copydesk.ron", &sample);
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(path), Some("Cy"), &dialogs);
    let everyone = harness.state().article_view().highlighted_marks().len();
    assert_eq!(everyone, 6, "the sample's five placed marks and Bo's claim");

    // Only Bo's marks: in the text, the cards of his section and the claims view.
    harness.get_by_label("Show marks by").click();
    harness.run();
    harness.get_by_label("Bo").click();
    harness.run();
    assert_eq!(
        harness.state().article_view().highlighted_marks(),
        [MarkId::Claim(bos_claim.clone())]
    );
    harness.get_by_label("Go to Costs and Funding").click();
    harness.run();
    assert!(harness.query_by_label("Comment on the section").is_some());
    assert_eq!(
        harness.query_all_by_label_contains("Comment on “").count(),
        0,
        "the sample reviewer's comments are hidden"
    );
    harness.get_by_label_contains("Claim status “€3.1 million");
    press(&mut harness, CTRL, Key::Num2);
    let state = harness.state().state();
    let listed: Vec<_> = state
        .views
        .claims_view()
        .claims(project(&harness))
        .into_iter()
        .map(|claim| claim.id.clone())
        .collect();
    assert_eq!(listed, std::slice::from_ref(&bos_claim));
    assert!(shows(&harness, "1 shown"));

    // Exported: only his marks.
    let target = dir.path().join("bo.json");
    press(&mut harness, CTRL, Key::E);
    harness
        .get_by_label("Review data (JSON, for tools)")
        .click();
    harness.run();
    dialogs.answer_next(Some(target.clone()));
    harness.get_by_label("Export…").click();
    harness.run();
    wait_for_export(&mut harness);
    settle(&mut harness);
    let (text, is_error) = crate::common::desk::notice(&harness);
    assert!(!is_error, "{text}");
    assert!(text.contains("only Bo's marks"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    let marks = |kind: &str| -> Vec<String> {
        json["sections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|section| section[kind].as_array().unwrap().clone())
            .map(|mark| mark["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(marks("claims"), [bos_claim.to_string()]);
    assert_eq!(marks("comments"), [bos_comment.to_string()]);

    // Everyone again.
    harness.get_by_label("Show marks by").click();
    harness.run();
    harness.get_by_label("Everyone").click();
    harness.run();
    assert_eq!(
        harness.state().article_view().highlighted_marks().len(),
        everyone
    );
}
