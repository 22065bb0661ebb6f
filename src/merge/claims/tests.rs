//! The rules for claims and sources, each on two copies of the sample.

use jiff::Timestamp;

use crate::edit::Edit;
use crate::merge::tests::{ana, bo, edited, merge, sample, stamp};
use crate::model::{
    CheckKind, ClaimStatus, ConflictTarget, ConflictValue, DealtWith, Deleted, Project, Reviewer,
    Source, SourceId,
};

fn status(project: &Project, index: usize, status: ClaimStatus, by: &Reviewer, at: i64) -> Project {
    let claim = project.claims[index].clone();
    edited(
        project,
        vec![Edit::claim_status_change(
            &claim,
            status,
            by,
            Timestamp::from_second(at).unwrap(),
        )],
    )
}

#[test]
fn two_different_statuses_leave_the_one_needing_more_attention_until_someone_decides() {
    let base = sample();
    // The sample's second claim is in progress.
    let verified = status(&base, 1, ClaimStatus::Verified, &ana(), 5);
    let incorrect = status(&base, 1, ClaimStatus::Incorrect, &bo(), 6);
    for (ours, theirs) in [(&verified, &incorrect), (&incorrect, &verified)] {
        let merged = merge(Some(&base), ours, theirs);
        let claim = &merged.project.claims[1];
        assert_eq!(claim.status, ClaimStatus::Incorrect);
        // Both steps are in the history, in time order.
        let steps: Vec<&str> = claim.history.iter().map(|s| s.by.as_str()).collect();
        assert_eq!(&steps[steps.len() - 2..], ["Ana", "Bo"]);
        let conflict = &merged.project.conflicts[0];
        assert_eq!(
            conflict.target,
            ConflictTarget::ClaimStatus(claim.id.clone())
        );
        assert_eq!(
            conflict.base,
            Some(ConflictValue::ClaimStatus(ClaimStatus::InProgress))
        );
        assert_eq!(
            conflict.ours.by.as_ref().unwrap().by,
            ours.claims[1].history.last().unwrap().by
        );
    }
    // Verified on one side and untouched on the other: verified.
    let merged = merge(Some(&base), &base, &verified);
    assert_eq!(merged.project.claims[1].status, ClaimStatus::Verified);
    assert_eq!(merged.project.claims[1].history, verified.claims[1].history);
}

#[test]
fn without_a_base_a_status_one_side_moved_on_from_the_others_is_taken() {
    let base = sample();
    let in_progress = status(&base, 0, ClaimStatus::InProgress, &ana(), 5);
    let verified = status(&in_progress, 0, ClaimStatus::Verified, &bo(), 6);
    let merged = merge(None, &in_progress, &verified);
    assert_eq!(merged.project.claims[0].status, ClaimStatus::Verified);
    assert!(merged.project.conflicts.is_empty());
    // Moved apart from the same start, they conflict.
    let needs_source_again = status(&in_progress, 0, ClaimStatus::NeedsSource, &ana(), 7);
    let merged = merge(None, &needs_source_again, &verified);
    assert_eq!(merged.project.claims[0].status, ClaimStatus::NeedsSource);
    assert_eq!(merged.project.conflicts.len(), 1);
}

#[test]
fn a_note_and_dealt_with_changed_differently_conflict_and_dealt_with_waits() {
    let base = status(&sample(), 0, ClaimStatus::Incorrect, &ana(), 1);
    let id = base.claims[0].id.clone();
    let side = |note: &str, dealt_with| {
        edited(
            &base,
            vec![
                Edit::SetClaimNote {
                    id: id.clone(),
                    note: note.to_owned(),
                },
                Edit::SetClaimDealtWith {
                    id: id.clone(),
                    dealt_with: Some(dealt_with),
                },
            ],
        )
    };
    let merged = merge(
        Some(&base),
        &side("Cut it.", DealtWith::Cut),
        &side("Fixed it.", DealtWith::Corrected),
    );
    let claim = &merged.project.claims[0];
    assert_eq!(claim.note, "Cut it.");
    assert_eq!(claim.dealt_with, None);
    assert!(claim.is_open());
    let targets: Vec<_> = merged.project.conflicts.iter().map(|c| &c.target).collect();
    assert_eq!(
        targets,
        [
            &ConflictTarget::ClaimNote(id.clone()),
            &ConflictTarget::ClaimDealtWith(id)
        ]
    );
}

#[test]
fn kinds_added_on_both_sides_are_united() {
    let mut base = sample();
    base.claims[0].kinds = vec![CheckKind::Figure];
    let with_kind = |kind| {
        let mut project = base.clone();
        project.claims[0].kinds.push(kind);
        project
    };
    let merged = merge(
        Some(&base),
        &with_kind(CheckKind::Event),
        &with_kind(CheckKind::Causal),
    );
    assert_eq!(
        merged.project.claims[0].kinds,
        [CheckKind::Figure, CheckKind::Event, CheckKind::Causal]
    );
}

fn source(url: &str) -> Source {
    Source {
        id: SourceId::derived_from(url),
        url: url.to_owned(),
        ..Source::new(&ana(), Timestamp::UNIX_EPOCH)
    }
}

#[test]
fn sources_are_united_by_id_and_merged_field_by_field() {
    let base = sample();
    let claim = base.claims[1].id.clone();
    let add = |url| Edit::AddSource {
        claim: claim.clone(),
        index: usize::MAX,
        source: source(url),
    };
    let set = |change: &dyn Fn(&mut Source)| {
        let mut changed = base.claims[1].sources[0].clone();
        change(&mut changed);
        Edit::SetSource {
            claim: claim.clone(),
            index: 0,
            source: changed,
        }
    };
    let ours = edited(
        &base,
        vec![
            add("https://ours.example"),
            set(&|s| {
                s.title = "Ours".to_owned();
                s.note = "Page 3".to_owned();
            }),
        ],
    );
    let theirs = edited(
        &base,
        vec![
            add("https://theirs.example"),
            set(&|s| {
                s.title = "Theirs".to_owned();
                s.url = "https://moved.example".to_owned();
            }),
        ],
    );
    let merged = merge(Some(&base), &ours, &theirs);
    let sources = &merged.project.claims[1].sources;
    let urls: Vec<&str> = sources.iter().map(|s| s.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://moved.example",
            "https://ours.example",
            "https://theirs.example"
        ]
    );
    assert_eq!(
        (sources[0].title.as_str(), sources[0].note.as_str()),
        ("Ours", "Page 3")
    );
    let conflict = &merged.project.conflicts[0];
    let ConflictValue::Source(their_side) = &conflict.theirs.value else {
        panic!("{conflict:?}");
    };
    // Picking theirs keeps the fields merged cleanly: their title, our note, their URL.
    assert_eq!(
        (
            their_side.title.as_str(),
            their_side.note.as_str(),
            their_side.url.as_str()
        ),
        ("Theirs", "Page 3", "https://moved.example")
    );
}

#[test]
fn a_source_deleted_on_one_side_is_deleted_unless_the_other_edited_it() {
    let base = sample();
    let claim = base.claims[1].id.clone();
    let deleted = edited(
        &base,
        vec![Edit::delete_source(claim.clone(), 0, stamp(&bo(), 3))],
    );
    let merged_one = merge(Some(&base), &base, &deleted);
    assert!(merged_one.project.claims[1].sources.is_empty());
    assert_eq!(merged_one.project.deleted, deleted.deleted);
    let noted = {
        let mut changed = base.claims[1].sources[0].clone();
        changed.note = "Still good.".to_owned();
        edited(
            &base,
            vec![Edit::SetSource {
                claim: claim.clone(),
                index: 0,
                source: changed,
            }],
        )
    };
    let merged_both = merge(Some(&base), &noted, &deleted);
    assert_eq!(merged_both.project.claims[1].sources[0].note, "Still good.");
    assert_eq!(
        merged_both.project.conflicts[0].target,
        ConflictTarget::Record(Deleted::Source {
            claim,
            source: base.claims[1].sources[0].id.clone()
        })
    );
}

#[test]
fn a_claim_deleted_on_one_side_and_verified_on_the_other_is_kept() {
    let base = sample();
    let id = base.claims[0].id.clone();
    let deleted = edited(
        &base,
        vec![Edit::delete_claim(id.clone(), stamp(&ana(), 2))],
    );
    let verified = status(&base, 0, ClaimStatus::Verified, &bo(), 3);
    let merged = merge(Some(&base), &deleted, &verified);
    assert_eq!(
        merged.project.claim(&id).unwrap().status,
        ClaimStatus::Verified
    );
    assert_eq!(
        merged.project.conflicts[0].target,
        ConflictTarget::Record(Deleted::Claim(id))
    );
}
