//! A claim checked before, reused: its sources and verdict copied into a claim of the open
//! review as one undoable edit. The status becomes In progress, not the old verdict: the
//! reviewer confirms it for this draft, and the note says where the sources came from.

use jiff::Timestamp;

use super::record::LibraryClaim;
use crate::edit::Edit;
use crate::model::{Claim, ClaimStatus, Reviewer, Source, SourceId, Stamp};

/// The edit that copies `checked`'s sources and verdict into `claim`: each source added (with
/// a new id, stamped as added now by `by`), the status set to In progress (recorded in its
/// history) unless the claim is already settled, and a line appended to the note naming the
/// article, the verdict, who checked it and when, and the verdict note.
pub fn reuse_edit(claim: &Claim, checked: &LibraryClaim, by: &Reviewer, now: Timestamp) -> Edit {
    let mut edits = Vec::new();
    let known_urls: Vec<&str> = claim
        .sources
        .iter()
        .map(|source| source.url.as_str())
        .filter(|url| !url.is_empty())
        .collect();
    for source in &checked.sources {
        if !source.url.is_empty() && known_urls.contains(&source.url.as_str()) {
            continue;
        }
        edits.push(Edit::AddSource {
            claim: claim.id.clone(),
            index: usize::MAX,
            source: Source {
                id: SourceId::random(),
                added: Some(Stamp::new(by, now)),
                ..source.clone()
            },
        });
    }
    if claim.status == ClaimStatus::NeedsSource
        && let Edit::Batch { edits: status, .. } =
            Edit::claim_status_change(claim, ClaimStatus::InProgress, by, now)
    {
        edits.extend(status);
    }
    let line = reused_note(checked);
    let note = if claim.note.trim().is_empty() {
        line
    } else {
        format!("{}\n{line}", claim.note.trim_end())
    };
    edits.push(Edit::SetClaimNote {
        id: claim.id.clone(),
        note,
    });
    Edit::Batch {
        label: format!(
            "reuse the check of “{}”",
            crate::text::shortened(&checked.quote, 30)
        ),
        edits,
    }
}

/// The note's line saying where reused sources and verdict came from.
pub fn reused_note(checked: &LibraryClaim) -> String {
    let mut line = format!(
        "Checked before in “{}”: {} by {} on {} ({}).",
        checked.article,
        checked.status.label().to_lowercase(),
        checked.checked_by,
        checked.checked_at.strftime("%Y-%m-%d"),
        crate::text::counted(checked.sources.len(), "source", "sources"),
    );
    if !checked.note.trim().is_empty() {
        line.push_str(&format!(
            " Their note: {}",
            crate::text::one_line(&checked.note)
        ));
    }
    line.push_str(" Confirm for this draft.");
    line
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::{ClaimId, Passage, Project, SectionId};

    fn checked() -> LibraryClaim {
        LibraryClaim {
            review: PathBuf::from("/reviews/earlier.copydesk.ron"),
            claim: ClaimId::random(),
            article: "Fighters cross the border".to_owned(),
            quote: "about 5,700".to_owned(),
            sentence: "About 5,700 fighters crossed into Iraq.".to_owned(),
            status: ClaimStatus::Verified,
            sources: vec![Source {
                url: "https://wire.example/report".to_owned(),
                title: "Wire report".to_owned(),
                ..Source::default()
            }],
            note: "Wire and ministry agree.".to_owned(),
            checked_by: "Ben Ode".to_owned(),
            checked_at: Timestamp::from_second(1_800_000_000).expect("a time"),
        }
    }

    fn project_with_claim() -> (Project, ClaimId) {
        let mut project = crate::import::import_bytes(
            std::path::Path::new("draft.txt"),
            b"Crossings\n\nMore than 4,000 fighters crossed into Iraq.\n",
            crate::model::DraftFormat::PlainText,
            Timestamp::UNIX_EPOCH,
        )
        .expect("imports");
        let section: SectionId = project
            .sections
            .iter()
            .find(|section| section.text.contains("4,000"))
            .expect("the section")
            .id
            .clone();
        let text = &project.section(&section).expect("the section").text;
        let passage = Passage::from_section_text(text, 0..15).expect("a passage");
        let claim = Claim::new(
            section,
            passage,
            &Reviewer::named("Ana"),
            Timestamp::UNIX_EPOCH,
        );
        let id = claim.id.clone();
        project.claims.push(claim);
        (project, id)
    }

    #[test]
    fn reusing_copies_sources_sets_in_progress_and_notes_where_it_came_from() {
        let (mut project, id) = project_with_claim();
        let before = project.clone();
        let claim = project.claim(&id).expect("the claim").clone();
        let edit = reuse_edit(
            &claim,
            &checked(),
            &Reviewer::named("Ana"),
            Timestamp::now(),
        );
        let inverse = edit.apply(&mut project).expect("applies");
        let claim = project.claim(&id).expect("the claim");
        assert_eq!(claim.status, ClaimStatus::InProgress);
        assert_eq!(claim.sources.len(), 1);
        assert_eq!(claim.sources[0].url, "https://wire.example/report");
        assert!(
            claim.note.contains("Fighters cross the border"),
            "{}",
            claim.note
        );
        assert!(claim.note.contains("verified by Ben Ode"), "{}", claim.note);
        assert!(claim.note.contains("Wire and ministry agree."));
        inverse.apply(&mut project).expect("undoes");
        assert_eq!(project, before, "one undo takes the whole reuse back");
    }

    #[test]
    fn a_source_the_claim_already_has_is_not_added_twice() {
        let (mut project, id) = project_with_claim();
        let claim = project.claim(&id).expect("the claim").clone();
        let first = reuse_edit(
            &claim,
            &checked(),
            &Reviewer::named("Ana"),
            Timestamp::now(),
        );
        first.apply(&mut project).expect("applies");
        let claim = project.claim(&id).expect("the claim").clone();
        let again = reuse_edit(
            &claim,
            &checked(),
            &Reviewer::named("Ana"),
            Timestamp::now(),
        );
        again.apply(&mut project).expect("applies");
        assert_eq!(project.claim(&id).expect("the claim").sources.len(), 1);
    }
}
