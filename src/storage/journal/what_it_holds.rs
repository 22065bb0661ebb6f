//! What a recovery journal holds that its project file does not: what restoring it would
//! bring back, in words, for the desk's question and `copydesk recover`.

use super::JournalMeta;
use crate::model::Project;

/// What restoring the review in a journal would bring back, compared with its project file as
/// it is on disk now: the lines the desk and `copydesk recover` show. Empty when the file
/// already holds everything the journal does.
pub fn what_restoring_brings_back(meta: &JournalMeta, journal: &Project) -> Vec<String> {
    let Some(path) = &meta.project_path else {
        return what_would_be_restored(None, journal);
    };
    match crate::project_file::load_project(path) {
        Ok(saved) => what_would_be_restored(Some(&saved), journal),
        Err(error) => {
            let problem = if path.exists() {
                format!("Its file cannot be read now ({error}).")
            } else {
                format!("Its file {} is gone (moved or deleted).", path.display())
            };
            vec![
                problem,
                format!(
                    "Restoring gives the review as autosaved: {}.",
                    contents(journal)
                ),
            ]
        }
    }
}

/// "4 sections, 3 comments, 2 claims".
fn contents(journal: &Project) -> String {
    use crate::text::counted;
    format!(
        "{}, {}, {}",
        counted(journal.sections.len(), "section", "sections"),
        counted(journal.comments.len(), "comment", "comments"),
        counted(journal.claims.len(), "claim", "claims"),
    )
}

/// What restoring `journal` would bring back, compared with `saved` (the project file as it
/// is on disk, if there is one): a few lines a person can judge.
pub fn what_would_be_restored(saved: Option<&Project>, journal: &Project) -> Vec<String> {
    let Some(saved) = saved else {
        return vec![format!("A review never saved: {}.", contents(journal))];
    };
    let mut lines = Vec::new();
    let (added, removed, changed) = compare_by_id(&saved.comments, &journal.comments, |c| &c.id);
    lines.extend(differences("comment", "comments", added, removed, changed));
    // A few words of each new comment let the person recognise their own work.
    for comment in journal
        .comments
        .iter()
        .filter(|c| !saved.comments.iter().any(|s| s.id == c.id))
        .take(3)
    {
        // 60 characters and an ellipsis.
        let start = crate::text::shortened(&crate::text::one_line(&comment.body), 61);
        lines.push(format!("New comment: “{start}”"));
    }
    let (added, removed, changed) = compare_by_id(&saved.claims, &journal.claims, |c| &c.id);
    lines.extend(differences("claim", "claims", added, removed, changed));
    for section in &journal.sections {
        let before = saved.sections.iter().find(|s| s.id == section.id);
        if let Some(before) = before
            && before.status != section.status
        {
            lines.push(format!(
                "“{}”: {} (was {}).",
                section.title(),
                section.status.label().to_lowercase(),
                before.status.label().to_lowercase()
            ));
        }
    }
    if journal.sections.len() != saved.sections.len() || journal.draft != saved.draft {
        lines.push("The article text differs (a revised draft was imported).".to_owned());
    }
    if lines.is_empty() && journal != saved {
        lines.push("Small changes (dismissed suggestions, wording).".to_owned());
    }
    lines
}

/// "2 comments added, 1 comment changed.", or nothing when nothing differs.
fn differences(
    what: &str,
    plural: &str,
    added: usize,
    removed: usize,
    changed: usize,
) -> Option<String> {
    use crate::text::counted;
    let parts: Vec<String> = [(added, "added"), (removed, "removed"), (changed, "changed")]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, how)| format!("{} {how}", counted(count, what, plural)))
        .collect();
    (!parts.is_empty()).then(|| format!("{}.", parts.join(", ")))
}

/// How many items of `after` are new, how many of `before` are gone, and how many are in
/// both but differ.
fn compare_by_id<T: PartialEq, Id: PartialEq>(
    before: &[T],
    after: &[T],
    id: impl Fn(&T) -> &Id,
) -> (usize, usize, usize) {
    let find = |items: &[T], wanted: &Id| items.iter().position(|item| id(item) == wanted);
    let added = after
        .iter()
        .filter(|a| find(before, id(a)).is_none())
        .count();
    let removed = before
        .iter()
        .filter(|b| find(after, id(b)).is_none())
        .count();
    let changed = after
        .iter()
        .filter(|a| find(before, id(a)).is_some_and(|index| &before[index] != *a))
        .count();
    (added, removed, changed)
}
