//! Files of every released format version (the golden files in `tests/data/format`, written by
//! the copydesk of their time) open in this one, exactly as the migration chain promises.
//! Files from a newer version are in `newer`; hostile nesting and size in `limits`.

mod limits;
mod newer;
mod reviewers;

use std::path::Path;

use copydesk::model::{
    AnchorState, CheckKind, ClaimStatus, CommentOrigin, DraftFormat, Project, ReviewStatus,
    SourceRank,
};
use copydesk::project_file::{
    FORMAT_VERSION, ReadProject, UNKNOWN_BEFORE_HISTORY, load_project, read_project,
    read_project_bytes, ron_from_project,
};

use crate::common::{GOLDEN_PROJECTS, golden_project};

const SAMPLE_TITLE: &str = "Riverton Doubles Its Bike-Share Network";
const SAMPLE_REVIEWER: &str = "Sample reviewer";

/// A golden file, read as the desk reads it.
fn read_golden(name: &str) -> ReadProject {
    let (path, bytes) = golden_project(name);
    read_project_bytes(&path, &bytes).unwrap_or_else(|error| panic!("{error}"))
}

fn golden(name: &str) -> Project {
    read_golden(name).project
}

/// The text of a golden file, to make variants of.
fn golden_text(name: &str) -> String {
    String::from_utf8(golden_project(name).1).unwrap()
}

fn claim_quoting<'a>(project: &'a Project, quote: &str) -> &'a copydesk::model::Claim {
    project
        .claims
        .iter()
        .find(|c| c.passage.quote == quote)
        .unwrap_or_else(|| panic!("no claim on “{quote}”"))
}

/// `(status, by)` of each step of a claim's history.
fn history(claim: &copydesk::model::Claim) -> Vec<(ClaimStatus, &str)> {
    claim
        .history
        .iter()
        .map(|step| (step.status, step.by.as_str()))
        .collect()
}

fn states(project: &Project) -> Vec<AnchorState> {
    let mut states: Vec<AnchorState> = project
        .comments
        .iter()
        .filter_map(|c| c.carried.as_ref())
        .chain(project.claims.iter().filter_map(|c| c.carried.as_ref()))
        .map(|carried| carried.state)
        .collect();
    states.sort_by_key(|state| state.key());
    states
}

#[test]
fn every_golden_file_opens_with_the_version_it_was_written_in() {
    for (name, version) in GOLDEN_PROJECTS {
        let (path, _) = golden_project(name);
        let read = read_golden(name);
        assert_eq!(read.version, version, "{name}");
        assert!(!read.is_from_newer_version(), "{name}");
        assert_eq!(
            read.is_from_older_version(),
            version < FORMAT_VERSION,
            "{name}"
        );
        assert_eq!(read_project(&path).unwrap(), read, "{name}");
        // The commands that write take every released version.
        assert_eq!(load_project(&path).unwrap(), read.project, "{name}");
        read.project.validate().unwrap();
    }
}

#[test]
fn every_golden_file_is_the_sample_review_or_a_word_import() {
    for (name, _) in GOLDEN_PROJECTS {
        let project = golden(name);
        if name.contains("word") {
            assert_eq!(project.draft.format, DraftFormat::Docx, "{name}");
            continue;
        }
        assert_eq!(project.title, SAMPLE_TITLE, "{name}");
        assert_eq!(project.comments.len(), 3, "{name}");
        // Version 5's sample is two reviewers' copies merged: one deleted a claim.
        let claims = if name == "v5.copydesk.ron" { 2 } else { 3 };
        assert_eq!(project.claims.len(), claims, "{name}");
        assert_eq!(project.comments[0].replies.len(), 1, "{name}");
        assert_eq!(project.comments[0].replies[0].author, "Sample writer");
    }
}

#[test]
fn version_1_claims_get_the_history_the_migration_documents() {
    let project = golden("v1.copydesk.ron");
    assert_eq!(project.draft.file_name, "sample-article.md");
    assert_eq!(project.draft.format, DraftFormat::Markdown);
    assert_eq!(project.draft.number, 1);
    let statuses: Vec<ReviewStatus> = project.sections.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [
            ReviewStatus::InReview,
            ReviewStatus::NeedsChanges,
            ReviewStatus::Unreviewed,
            ReviewStatus::Approved
        ]
    );

    // Flagged and never moved on: the flagging is the whole history.
    let flagged = claim_quoting(&project, "adding 1,200 bicycles and 85 docking stations");
    assert_eq!(flagged.status, ClaimStatus::NeedsSource);
    assert_eq!(
        history(flagged),
        [(ClaimStatus::NeedsSource, SAMPLE_REVIEWER)]
    );
    assert_eq!(flagged.history[0].at, flagged.created);
    // Moved on: the flagging by its author, then the status reached, by nobody known.
    for (quote, status) in [
        ("€14.6 million", ClaimStatus::InProgress),
        ("42% of households there own no car", ClaimStatus::Verified),
    ] {
        let claim = claim_quoting(&project, quote);
        assert_eq!(claim.status, status);
        assert_eq!(
            history(claim),
            [
                (ClaimStatus::NeedsSource, SAMPLE_REVIEWER),
                (status, UNKNOWN_BEFORE_HISTORY)
            ],
            "{quote}"
        );
        assert!(claim.history.iter().all(|step| step.at == claim.created));
        // Version 1 had no kinds, and no rank or access date for sources.
        assert!(claim.kinds.is_empty());
        assert!(
            claim
                .sources
                .iter()
                .all(|s| s.rank == SourceRank::Unspecified && s.accessed.is_none())
        );
    }
    assert!(project.dismissed.is_empty());
    assert!(project.earlier_drafts.is_empty());
}

#[test]
fn version_2_keeps_its_own_history_kinds_dismissals_and_source_ranks() {
    let project = golden("v2.copydesk.ron");
    // The file's history is kept as written: version 2 is past the step that makes one up.
    let in_progress = claim_quoting(&project, "€14.6 million");
    assert_eq!(
        history(in_progress),
        [
            (ClaimStatus::NeedsSource, SAMPLE_REVIEWER),
            (ClaimStatus::InProgress, SAMPLE_REVIEWER)
        ]
    );
    let source = &in_progress.sources[0];
    assert_eq!(source.rank, SourceRank::Primary);
    assert!(source.accessed.is_some());
    let verified = claim_quoting(&project, "42% of households there own no car");
    assert_eq!(verified.kinds, [CheckKind::Figure]);
    assert_eq!(verified.sources[0].rank, SourceRank::Primary);
    assert_eq!(verified.sources[0].accessed, None);

    assert_eq!(project.dismissed.len(), 1);
    assert!(
        project.dismissed[0]
            .sentence
            .starts_with("\"People in Marlow and Eastbridge"),
        "{}",
        project.dismissed[0].sentence
    );
    assert_eq!(project.dismissed[0].by, SAMPLE_REVIEWER);
    assert!(project.earlier_drafts.is_empty());
}

/// The sample carried over to `assets/sample-article-draft-2.md` by `copydesk revise`, as
/// versions 3 and 4 wrote it.
fn assert_is_the_revised_sample(name: &str) {
    let project = golden(name);
    assert_eq!(
        project.draft.file_name, "sample-article-draft-2.md",
        "{name}"
    );
    assert_eq!(project.draft.number, 2, "{name}");
    let headings: Vec<&str> = project.sections.iter().map(|s| s.title()).collect();
    assert_eq!(headings.len(), 5, "{headings:?}");
    assert!(headings.contains(&"Who Pays"), "{headings:?}");
    assert!(project.sections.iter().all(|s| s.revision.is_some()));
    let renamed = project
        .sections
        .iter()
        .find(|s| s.heading.as_deref() == Some("Who Pays"))
        .and_then(|s| s.revision.as_ref())
        .unwrap();
    assert_eq!(renamed.heading_before.as_deref(), Some("Costs and Funding"));
    assert_eq!(renamed.from_draft, 1);
    // The approved section the writer changed went back to review.
    let riders = project
        .sections
        .iter()
        .find(|s| s.heading.as_deref() == Some("What Riders Can Expect"))
        .unwrap();
    assert!(riders.revision.as_ref().unwrap().changed_since_approval());
    assert_eq!(riders.status, ReviewStatus::InReview);

    assert_eq!(project.earlier_drafts.len(), 1, "{name}");
    let first = &project.earlier_drafts[0];
    assert_eq!(first.draft.file_name, "sample-article.md");
    assert_eq!(first.draft.number, 1);
    assert_eq!(first.title, SAMPLE_TITLE);
    assert_eq!(first.sections.len(), 4);
    assert!(
        first
            .sections
            .iter()
            .any(|s| s.status == ReviewStatus::Approved)
    );

    use AnchorState::{Exact, Fuzzy, Orphaned};
    assert_eq!(
        states(&project),
        [Exact, Exact, Exact, Fuzzy, Fuzzy, Orphaned],
        "{name}"
    );
    let orphan = project
        .comments
        .iter()
        .find(|c| c.carried.as_ref().is_some_and(|c| c.state == Orphaned))
        .unwrap();
    assert_eq!(orphan.passage.as_ref().unwrap().quote, "Experts note");
    let fuzzy_claim = claim_quoting(&project, "adding 1,400 bicycles and 85 docking stations");
    let carried = fuzzy_claim.carried.as_ref().unwrap();
    assert_eq!(carried.state, Fuzzy);
    assert_eq!(
        carried.passage_before.as_ref().unwrap().quote,
        "adding 1,200 bicycles and 85 docking stations"
    );
    assert!(first.section(&carried.section_before).is_some());
}

#[test]
fn version_3_brings_its_revised_draft_and_the_draft_before() {
    assert_is_the_revised_sample("v3.copydesk.ron");
}

#[test]
fn version_4_brings_its_revised_draft_and_the_draft_before() {
    assert_is_the_revised_sample("v4.copydesk.ron");
}

#[test]
fn version_4_brings_a_word_draft_with_its_tracked_changes() {
    let project = golden("v4-word-tracked.copydesk.ron");
    assert_eq!(project.draft.format, DraftFormat::Docx);
    assert_eq!(project.draft.file_name, "paragraph_insertion_deletion.docx");
    let changes = &project.draft.tracked_changes;
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!((changes[0].insertions, changes[0].deletions), (1, 1));
    let origins: Vec<Option<CommentOrigin>> = project.comments.iter().map(|c| c.origin).collect();
    assert_eq!(
        origins,
        [
            Some(CommentOrigin::TrackedInsertion),
            Some(CommentOrigin::TrackedDeletion)
        ]
    );
    assert!(
        project
            .comments
            .iter()
            .all(|c| c.author == changes[0].author)
    );
}

#[test]
fn version_4_brings_a_word_draft_with_its_comments() {
    let project = golden("v4-word-comments.copydesk.ron");
    assert_eq!(project.draft.format, DraftFormat::Docx);
    assert_eq!(project.draft.file_name, "comments.docx");
    assert!(project.draft.tracked_changes.is_empty());
    assert!(!project.comments.is_empty());
    assert!(
        project
            .comments
            .iter()
            .all(|c| c.origin == Some(CommentOrigin::WordComment))
    );
    assert!(
        project.comments.iter().any(|c| !c.replies.is_empty()),
        "the corpus file has a reply"
    );
}

#[test]
fn a_golden_file_saved_again_is_in_the_current_version_and_reopens_equal() {
    for (name, version) in GOLDEN_PROJECTS {
        let project = golden(name);
        let text = ron_from_project(&project).unwrap();
        assert!(
            text.contains(&format!("\n    version: {FORMAT_VERSION},\n")),
            "{name}"
        );
        let path = Path::new(name);
        let read = read_project_bytes(path, text.as_bytes()).unwrap();
        assert_eq!(read.version, FORMAT_VERSION);
        assert!(!read.is_from_older_version());
        // Migrated once, not again: a version 1 file's made-up history is not doubled.
        assert_eq!(read.project, project, "{name}");
        assert_eq!(ron_from_project(&read.project).unwrap(), text, "{name}");
        if version == FORMAT_VERSION {
            // Saved by this version as it was: the same bytes.
            assert_eq!(text, golden_text(name), "{name}");
        }
    }
}
