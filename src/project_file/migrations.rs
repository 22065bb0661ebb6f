//! Older project files brought up to this version, one documented step per version: what
//! each version added, and why the defaults are true of a file from before it.

use super::{FORMAT_VERSION, UNKNOWN_BEFORE_HISTORY};
use crate::model::{ClaimStatus, Project, Reviewer, ReviewerId, SourceId, StatusChange};

type Migration = fn(&mut Project);

/// The steps, in order: `MIGRATIONS[n - 1]` brings a project from version `n` to `n + 1`.
///
/// Its length is tied to [`FORMAT_VERSION`], so a new version cannot be declared without its
/// step (even one that changes nothing, saying why). A new version also gets its golden file in
/// `tests/data/format`, written by the first copydesk that writes it, and the files already
/// there stay as they are.
const MIGRATIONS: [Migration; FORMAT_VERSION as usize - 1] =
    [v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6];

/// Applies the steps from the file's `version` up to [`FORMAT_VERSION`]; a project already at
/// the current version (or, read read-only, a newer one) is left as it is.
pub(super) fn migrate(project: &mut Project, version: u32) {
    let first = usize::try_from(version.saturating_sub(1)).unwrap_or(usize::MAX);
    for step in MIGRATIONS.iter().skip(first) {
        step(project);
    }
}

/// Version 1 → 2: claims get their status history.
///
/// Version 1 kept no history. Each claim's history starts with its flagging (`NeedsSource`,
/// by its author, at its creation); a claim whose status has moved on gets that status as a
/// second step, set by [`UNKNOWN_BEFORE_HISTORY`] and dated at its creation, because the file
/// does not say who set it, or when. The other fields version 2 added (dismissed suggestions,
/// claim kinds, sources' rank and access date) are simply absent from a version 1 file: none
/// dismissed, no kinds known, rank and date not set.
fn v1_to_v2(project: &mut Project) {
    for claim in &mut project.claims {
        claim.history.push(StatusChange {
            status: ClaimStatus::NeedsSource,
            by: claim.author.clone(),
            by_id: ReviewerId::default(),
            at: claim.created,
        });
        if claim.status != ClaimStatus::NeedsSource {
            claim.history.push(StatusChange {
                status: claim.status,
                by: UNKNOWN_BEFORE_HISTORY.to_owned(),
                by_id: ReviewerId::default(),
                at: claim.created,
            });
        }
    }
}

/// Version 2 → 3: nothing to change.
///
/// Version 3 added what a revised draft brings (earlier drafts, the draft number, sections'
/// `revision`, marks' `carried`). A version 2 project never had a revised draft, so the
/// defaults (no earlier drafts, draft 1, no revision, marks made on this draft) are exactly
/// true of it.
fn v2_to_v3(_project: &mut Project) {}

/// Version 3 → 4: nothing to change.
///
/// Version 4 added Word and web drafts (`draft.format` `Docx` and `Html`), the tracked changes
/// a Word draft had pending, and comments' `origin`. A version 3 project was imported from
/// plain text or Markdown, which have none of these, so the defaults (no tracked changes,
/// comments made in copydesk) are exactly true of it.
fn v3_to_v4(_project: &mut Project) {}

/// Version 4 → 5: who did what, by reviewer id; sources with ids; deletions and merge
/// conflicts kept.
///
/// Version 5 made reviews mergeable. Every record a person made or decided names them by a
/// stable id beside their name; a version 4 file has names only, so each name becomes a
/// reviewer whose id is derived from the name (two copies of one old file upgrade to the same
/// ids and still merge), listed in `reviewers`. Sources get ids derived from their claim and
/// place, for the same reason. A version 4 file has no deletions remembered, no conflicts and
/// no section status stamps: the defaults are exactly true of it.
fn v4_to_v5(project: &mut Project) {
    for source_list in project
        .claims
        .iter_mut()
        .map(|c| (c.id.clone(), &mut c.sources))
    {
        let (claim, sources) = source_list;
        for (index, source) in sources.iter_mut().enumerate() {
            if source.id.is_unset() {
                source.id = SourceId::derived_from(&format!("source:{claim}:{index}"));
            }
        }
    }
    name_reviewers_of_records(project);
}

/// Gives every record made by a name alone the id of the reviewer of that name, and lists
/// those reviewers in `project.reviewers` (the pseudo-author of version 1's history aside).
pub fn name_reviewers_of_records(project: &mut Project) {
    let mut seen: Vec<Reviewer> = Vec::new();
    let mut id_of = |name: &str, id: &mut ReviewerId| {
        if id.is_unset() {
            let reviewer = Reviewer::named(name);
            *id = reviewer.id.clone();
            if name != UNKNOWN_BEFORE_HISTORY && !seen.iter().any(|r| r.id == reviewer.id) {
                seen.push(reviewer);
            }
        }
    };
    for comment in &mut project.comments {
        id_of(&comment.author, &mut comment.author_id);
        for reply in &mut comment.replies {
            id_of(&reply.author, &mut reply.author_id);
        }
        if let Some(resolved) = &mut comment.resolved {
            id_of(&resolved.by, &mut resolved.by_id);
        }
        if let Some(decided) = comment.carried.as_mut().and_then(|c| c.decided.as_mut()) {
            id_of(&decided.by, &mut decided.by_id);
        }
    }
    for claim in &mut project.claims {
        id_of(&claim.author, &mut claim.author_id);
        for change in &mut claim.history {
            id_of(&change.by, &mut change.by_id);
        }
        if let Some(decided) = claim.carried.as_mut().and_then(|c| c.decided.as_mut()) {
            id_of(&decided.by, &mut decided.by_id);
        }
    }
    for dismissal in &mut project.dismissed {
        id_of(&dismissal.by, &mut dismissal.by_id);
    }
    for reviewer in seen {
        if !project.reviewers.iter().any(|r| r.id == reviewer.id) {
            project.reviewers.push(reviewer);
        }
    }
}
/// Version 5 → 6: the web address a draft was fetched from, and when (`draft.fetched`).
///
/// Nothing to change: a version 5 project was imported from a file, so no fetch is exactly
/// true of it. The version is new because a version 5 copydesk would read a fetched draft's
/// file and, saving it, silently drop the address and time; it opens version 6 read-only.
fn v5_to_v6(_project: &mut Project) {}
