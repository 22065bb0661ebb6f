//! The command line, driven as a script or a publishing pipeline would: import, report,
//! check, revise, help, and the answers to input it cannot use.

mod evaluate;
mod revise_again;
mod safekeeping;

use std::path::Path;

use copydesk::edit::Edit;
use copydesk::model::{ClaimStatus, DealtWith, Resolution, ReviewStatus, Source};
use copydesk::project_file::load_project;
use copydesk::storage::SaveRequest;
use jiff::Timestamp;

use crate::common::cli::{fails_with, run, stderr, stdout};
use crate::common::{copydesk, passage_of, seed_article, temp_dir, write};
use copydesk::model::Reviewer;

fn apply_all(path: &Path, edits: Vec<Edit>) {
    let mut project = load_project(path).unwrap();
    for edit in edits {
        edit.apply(&mut project).unwrap();
    }
    SaveRequest::new(&project, path).save().unwrap();
}

#[test]
fn import_report_and_check_take_the_seed_through_review_to_publication() {
    let Some(seed) = seed_article() else { return };
    let dir = temp_dir();
    let project_path = dir.path().join("seed.copydesk.ron");
    let project_arg = project_path.to_str().unwrap();

    let output = run(&["import", seed.to_str().unwrap(), "-o", project_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("7 sections"),
        "{}",
        stdout(&output)
    );

    // Fresh from import, nothing is approved: the gate says no, listing every section.
    let output = run(&["check", project_arg]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let listing = stdout(&output);
    assert!(listing.contains("not ready — 7 items open"), "{listing}");
    assert!(
        listing.contains(
            "section “Strategic Importance of the Transfer” is not approved (unreviewed)"
        )
    );

    // A reviewer approves everything but flags "more than 4,000" and leaves a comment.
    let project = load_project(&project_path).unwrap();
    let (section, passage) = passage_of(&project, "more than 4,000");
    let claim = copydesk::model::Claim::new(
        section.clone(),
        passage.clone(),
        &Reviewer::named("Ana"),
        Timestamp::now(),
    );
    let claim_id = claim.id.clone();
    let comment = copydesk::model::Comment {
        body: "Which operation?".to_owned(),
        ..copydesk::model::Comment::new(
            section,
            Some(passage),
            &Reviewer::named("Ana"),
            Timestamp::now(),
        )
    };
    let comment_id = comment.id.clone();
    let mut edits: Vec<Edit> = project
        .sections
        .iter()
        .map(|s| Edit::SetSectionStatus {
            set: None,
            section: s.id.clone(),
            status: ReviewStatus::Approved,
        })
        .collect();
    edits.push(Edit::add_claim(claim));
    edits.push(Edit::add_comment(comment));
    apply_all(&project_path, edits);

    let output = run(&["check", project_arg]);
    assert_eq!(output.status.code(), Some(1));
    let listing = stdout(&output);
    assert!(listing.contains("2 items open"), "{listing}");
    assert!(
        listing.contains("claim “more than 4,000” in “Opening”: needs source"),
        "{listing}"
    );
    assert!(
        listing.contains("open comment by Ana on “more than 4,000”"),
        "{listing}"
    );

    // The JSON report carries the same state for other tools.
    let output = run(&["report", project_arg, "--format", "json"]);
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["format"], "copydesk-report");
    assert_eq!(report["summary"]["sections"], 7);
    assert_eq!(report["summary"]["approved"], 7);
    assert_eq!(report["summary"]["open_claims"], 1);
    assert_eq!(report["summary"]["ready"], false);
    assert_eq!(
        report["sections"][0]["claims"][0]["quote"],
        "more than 4,000"
    );
    assert_eq!(report["sections"][0]["claims"][0]["status"], "needs_source");
    assert_eq!(
        report["sections"][1]["heading"],
        "Strategic Importance of the Transfer"
    );

    // An incorrect claim still blocks until it is corrected or cut.
    apply_all(
        &project_path,
        vec![
            Edit::SetClaimStatus {
                id: claim_id.clone(),
                status: ClaimStatus::Incorrect,
            },
            Edit::SetCommentResolved {
                id: comment_id,
                resolved: Some(Resolution {
                    by_id: Default::default(),
                    by: "Ana".to_owned(),
                    at: Timestamp::now(),
                }),
            },
        ],
    );
    let output = run(&["check", project_arg]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("incorrect, not yet corrected or cut"),
        "{}",
        stdout(&output)
    );

    apply_all(
        &project_path,
        vec![
            Edit::SetClaimDealtWith {
                id: claim_id.clone(),
                dealt_with: Some(DealtWith::Corrected),
            },
            Edit::AddSource {
                claim: claim_id,
                index: 0,
                source: Source {
                    url: "https://example.org/pentagon-statement".to_owned(),
                    title: "Statement".to_owned(),
                    ..Source::default()
                },
            },
        ],
    );
    let output = run(&["check", project_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("ready"));

    let output = run(&["report", project_arg, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["summary"]["ready"], true);
    assert_eq!(
        report["sections"][0]["claims"][0]["dealt_with"],
        "corrected"
    );

    let output = run(&["report", project_arg]);
    let markdown = stdout(&output);
    assert!(markdown.contains("**Ready to publish:**"), "{markdown}");
    assert!(markdown.contains("| Strategic Importance of the Transfer | Approved | 0 | 0 |"));
    assert!(markdown.contains("### Incorrect (1)"), "{markdown}");
    assert!(
        markdown.contains("- “more than 4,000” (in “Opening”; flagged by")
            && markdown.contains(") — corrected"),
        "{markdown}"
    );
    assert!(markdown.contains("[Statement](https://example.org/pentagon-statement)"));
}

#[test]
fn unreadable_input_exits_2_with_a_message_never_a_panic() {
    let dir = temp_dir();
    let broken = dir.path().join("broken.copydesk.ron");
    write(
        &broken,
        "(format: \"copydesk-project\", version: 1, title: ",
    );
    for args in [
        vec!["check", broken.to_str().unwrap()],
        vec!["report", broken.to_str().unwrap()],
        vec!["check", "/nonexistent/review.copydesk.ron"],
        vec![
            "import",
            "/nonexistent/draft.txt",
            "-o",
            "/tmp/never-written.copydesk.ron",
        ],
    ] {
        let output = run(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        let message = stderr(&output);
        assert!(message.starts_with("copydesk: "), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{message}");
    }
    assert!(!Path::new("/tmp/never-written.copydesk.ron").exists());
    let message = stderr(&run(&["check", broken.to_str().unwrap()]));
    assert!(message.contains("broken.copydesk.ron:1:"), "{message}");
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["import", "--help"],
        vec!["report", "--help"],
        vec!["check", "--help"],
        vec!["sample", "--help"],
    ] {
        let output = run(&args);
        assert!(output.status.success(), "{args:?}");
        assert!(stdout(&output).contains("Usage:"), "{args:?}");
    }
    let output = run(&["report", "x", "--format", "pdf"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_desk_says_plainly_when_there_is_no_display() {
    let output = copydesk()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("no graphical display"), "{message}");
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn the_sample_review_can_be_written_and_checked() {
    let dir = temp_dir();
    let path = dir.path().join("sample.copydesk.ron");
    let output = run(&["sample", "-o", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let project = load_project(&path).unwrap();
    assert_eq!(project.title, "Riverton Doubles Its Bike-Share Network");
    let output = run(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("claim “€14.6 million” in “Opening”: in progress"));
    // It never overwrites an existing file.
    let output = run(&["sample", "-o", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_mistyped_command_is_not_taken_for_a_wish_to_open_the_desk() {
    let output = copydesk()
        .arg("chek")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    fails_with(&output, "chek: no such file");
}

#[test]
fn revise_carries_a_review_to_the_next_draft_and_check_waits_for_the_fuzzy_marks() {
    let dir = temp_dir();
    let project_path = dir.path().join("sample.copydesk.ron");
    let project_arg = project_path.to_str().unwrap();
    assert!(run(&["sample", "-o", project_arg]).status.success());
    let draft_2 = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-article-draft-2.md");
    let out_path = dir.path().join("sample-2.copydesk.ron");

    // Broken input leaves the project as it was.
    let before = std::fs::read(&project_path).unwrap();
    let binary = dir.path().join("draft-2.txt");
    write(&binary, [0_u8, 159, 146, 150, 0, 1, 2]);
    let output = run(&["revise", project_arg, binary.to_str().unwrap()]);
    fails_with(&output, "draft-2.txt");
    assert!(
        stderr(&output).contains("not a text file"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&project_path).unwrap(), before);

    let output = run(&[
        "revise",
        project_arg,
        draft_2.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("Draft 2 (sample-article-draft-2.md)"),
        "{text}"
    );
    assert!(text.contains("2 fuzzy, 1 orphaned"), "{text}");
    assert!(
        text.contains("changed since approval: What Riders Can Expect"),
        "{text}"
    );
    assert!(
        text.contains("fuzzy claim: “adding 1,200 bicycles and 85 docking stations” → “adding 1,400 bicycles and 85 docking stations”"),
        "{text}"
    );
    assert!(text.contains("orphaned comment: “Experts note”"), "{text}");
    // The original project is untouched when -o names another file.
    assert_eq!(std::fs::read(&project_path).unwrap(), before);
    let revised = load_project(&out_path).unwrap();
    assert_eq!(revised.draft.number, 2);

    // The gate says what waits for a person.
    let output = run(&["check", out_path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("fuzzy after the revision: confirm its new place"),
        "{text}"
    );
    assert!(
        text.contains("orphaned by the revision: re-attach it or resolve it"),
        "{text}"
    );
    assert!(text.contains("— changed since approval"), "{text}");

    // The reports say which draft this is and how each mark came through.
    let output = run(&["report", out_path.to_str().unwrap(), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["draft"]["number"], 2);
    assert_eq!(
        report["earlier_drafts"][0]["file_name"],
        "sample-article.md"
    );
    assert_eq!(report["summary"]["marks_to_confirm"], 3);
    let claims: Vec<&serde_json::Value> = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["claims"].as_array().unwrap())
        .collect();
    let figure = claims
        .iter()
        .find(|c| c["quote"].as_str().unwrap().contains("1,400"))
        .unwrap();
    assert_eq!(figure["placement"]["state"], "fuzzy");
    assert_eq!(
        figure["placement"]["quote_before"],
        "adding 1,200 bicycles and 85 docking stations"
    );
    let riders = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["heading"] == "What Riders Can Expect")
        .unwrap();
    assert_eq!(riders["revision"]["changed_since_approval"], true);
    let memo = stdout(&run(&["report", out_path.to_str().unwrap()]));
    assert!(
        memo.contains("Draft 2: sample-article-draft-2.md"),
        "{memo}"
    );
    assert!(
        memo.contains("Place in this draft: fuzzy; on draft 1 it read “adding 1,200 bicycles and 85 docking stations”"),
        "{memo}"
    );

    // The same draft again is not a revision: nothing changes, and that is no error.
    let output = run(&[
        "revise",
        out_path.to_str().unwrap(),
        draft_2.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("is the draft the project already holds"),
        "{}",
        stdout(&output)
    );

    // Another file is not overwritten by -o; without -o the project itself is updated.
    let output = run(&[
        "revise",
        project_arg,
        draft_2.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    fails_with(&output, "already exists");
    let output = run(&["revise", project_arg, draft_2.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(load_project(&project_path).unwrap().draft.number, 2);
}
