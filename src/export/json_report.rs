//! The JSON report: the review for other tools, a stable interface (`copydesk-report`, version 1,
//! documented in docs/FORMAT.md). Built from its own types rather than from the model, so the
//! model can change without breaking the tools that read it. New fields are only ever added.

use serde::Serialize;

/// The `format` and `version` fields of the JSON report.
pub const REPORT_FORMAT: &str = "copydesk-report";
pub const REPORT_VERSION: u32 = 1;

use crate::model::{Project, Section};

use crate::suggest::Suggestion;
use crate::suggest::listing::{JsonSuggestion, json_suggestion};

#[derive(Serialize)]
struct JsonReport<'a> {
    format: &'static str,
    version: u32,
    title: &'a str,
    draft: JsonDraft<'a>,
    summary: JsonSummary,
    sections: Vec<JsonSection<'a>>,
    /// Suggested sentences nobody has accepted or dismissed yet.
    suggestions: Vec<JsonSuggestion<'a>>,
    /// The drafts before the current one, oldest first (empty until a revised draft comes in).
    earlier_drafts: Vec<JsonDraft<'a>>,
}

#[derive(Serialize)]
struct JsonDraft<'a> {
    file_name: &'a str,
    format: &'static str,
    sha256: &'a str,
    imported_at: String,
    number: u32,
    /// Tracked changes a Word draft had pending, by author (omitted when none).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tracked_changes: &'a [crate::model::TrackedChanges],
    /// The web address a fetched page came from, and when it was fetched (omitted for a file).
    #[serde(skip_serializing_if = "Option::is_none")]
    fetched_from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fetched_at: Option<String>,
}

#[derive(Serialize)]
struct JsonSummary {
    sections: usize,
    approved: usize,
    open_comments: usize,
    open_claims: usize,
    /// Fuzzy or orphaned marks of a revised draft nobody has looked at yet.
    marks_to_confirm: usize,
    ready: bool,
}

#[derive(Serialize)]
struct JsonSection<'a> {
    id: &'a str,
    heading: Option<&'a str>,
    level: u8,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<JsonSectionRevision<'a>>,
    comments: Vec<JsonComment<'a>>,
    claims: Vec<JsonClaim<'a>>,
}

#[derive(Serialize)]
struct JsonComment<'a> {
    id: &'a str,
    quote: Option<&'a str>,
    start: Option<usize>,
    end: Option<usize>,
    author: &'a str,
    created: String,
    body: &'a str,
    resolved: bool,
    resolved_by: Option<&'a str>,
    replies: Vec<JsonReply<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    placement: Option<JsonPlacement<'a>>,
    /// Where a comment the draft's own file carried came from (omitted for the review's own).
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<&'static str>,
}

/// How a section relates to the previous draft.
#[derive(Serialize)]
struct JsonSectionRevision<'a> {
    from_draft: u32,
    new: bool,
    text_changed: bool,
    changed_since_approval: bool,
    heading_before: Option<&'a str>,
}

/// How a mark came through the latest revised draft.
#[derive(Serialize)]
struct JsonPlacement<'a> {
    /// exact, moved, fuzzy, orphaned, confirmed, reattached or removed.
    state: &'static str,
    from_draft: u32,
    quote_before: Option<&'a str>,
    similarity: Option<u8>,
}

fn json_placement(carried: Option<&crate::model::Carried>) -> Option<JsonPlacement<'_>> {
    carried.map(|c| JsonPlacement {
        state: c.state.key(),
        from_draft: c.from_draft,
        quote_before: c.passage_before.as_ref().map(|p| p.quote.as_str()),
        similarity: c.similarity,
    })
}

fn json_draft(draft: &crate::model::Draft) -> JsonDraft<'_> {
    JsonDraft {
        file_name: &draft.file_name,
        format: draft.format.key(),
        sha256: &draft.sha256,
        imported_at: draft.imported_at.to_string(),
        number: draft.number,
        tracked_changes: &draft.tracked_changes,
        fetched_from: draft.fetched.as_ref().map(|f| f.address.as_str()),
        fetched_at: draft.fetched.as_ref().map(|f| f.at.to_string()),
    }
}

#[derive(Serialize)]
struct JsonReply<'a> {
    id: &'a str,
    author: &'a str,
    created: String,
    body: &'a str,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    id: &'a str,
    quote: &'a str,
    /// `null` for an orphan of a revised draft: its passage is not in the current text.
    start: Option<usize>,
    end: Option<usize>,
    author: &'a str,
    created: String,
    status: &'static str,
    open: bool,
    dealt_with: Option<&'static str>,
    sources: Vec<JsonSource<'a>>,
    note: &'a str,
    kinds: Vec<&'static str>,
    history: Vec<JsonStatusChange<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    placement: Option<JsonPlacement<'a>>,
}

#[derive(Serialize)]
struct JsonStatusChange<'a> {
    status: &'static str,
    by: &'a str,
    at: String,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    url: &'a str,
    title: &'a str,
    note: &'a str,
    rank: &'static str,
    accessed: Option<String>,
}

/// The report as pretty-printed JSON; `undecided` are the suggestions nobody decided yet.
pub fn json_report(project: &Project, undecided: &[&Suggestion]) -> String {
    let progress = project.progress();
    let report = JsonReport {
        format: REPORT_FORMAT,
        version: REPORT_VERSION,
        title: &project.title,
        draft: json_draft(&project.draft),
        summary: JsonSummary {
            sections: progress.sections,
            approved: progress.approved,
            open_comments: progress.open_comments,
            open_claims: progress.open_claims,
            marks_to_confirm: project.marks_needing_attention(),
            ready: crate::check::open_items(project).is_empty(),
        },
        sections: project
            .sections
            .iter()
            .map(|section| json_section(project, section))
            .collect(),
        suggestions: undecided
            .iter()
            .map(|suggestion| json_suggestion(project, suggestion))
            .collect(),
        earlier_drafts: project
            .earlier_drafts
            .iter()
            .map(|earlier| json_draft(&earlier.draft))
            .collect(),
    };
    // Only strings, numbers and lists: serializing cannot fail.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

fn json_section<'a>(project: &'a Project, section: &'a Section) -> JsonSection<'a> {
    JsonSection {
        id: section.id.as_str(),
        heading: section.heading.as_deref(),
        level: section.level,
        status: section.status.key(),
        revision: section.revision.as_ref().map(|r| JsonSectionRevision {
            from_draft: r.from_draft,
            new: r.is_new(),
            text_changed: r.text_changed,
            changed_since_approval: r.changed_since_approval(),
            heading_before: r.heading_before.as_deref(),
        }),
        comments: project
            .comments_in(&section.id)
            .map(|c| JsonComment {
                id: c.id.as_str(),
                quote: c.passage.as_ref().map(|p| p.quote.as_str()),
                // An orphan's offsets belong to an earlier draft: not given as positions here.
                start: c.placed_passage().map(|p| p.start),
                end: c.placed_passage().map(|p| p.end),
                author: &c.author,
                created: c.created.to_string(),
                body: &c.body,
                resolved: c.resolved.is_some(),
                resolved_by: c.resolved.as_ref().map(|r| r.by.as_str()),
                replies: c
                    .replies
                    .iter()
                    .map(|r| JsonReply {
                        id: r.id.as_str(),
                        author: &r.author,
                        created: r.created.to_string(),
                        body: &r.body,
                    })
                    .collect(),
                placement: json_placement(c.carried.as_ref()),
                origin: c.origin.map(crate::model::CommentOrigin::key),
            })
            .collect(),
        claims: project
            .claims_in(&section.id)
            .map(|c| JsonClaim {
                id: c.id.as_str(),
                quote: &c.passage.quote,
                start: c.placed_passage().map(|p| p.start),
                end: c.placed_passage().map(|p| p.end),
                author: &c.author,
                created: c.created.to_string(),
                status: c.status.key(),
                open: c.is_open(),
                // Only an incorrect or unverifiable claim is "dealt with"; for other statuses
                // a leftover value means nothing.
                dealt_with: c
                    .dealt_with
                    .filter(|_| c.status.can_be_dealt_with())
                    .map(|d| d.key()),
                sources: c
                    .sources
                    .iter()
                    .map(|s| JsonSource {
                        url: &s.url,
                        title: &s.title,
                        note: &s.note,
                        rank: s.rank.key(),
                        accessed: s.accessed.map(|date| date.to_string()),
                    })
                    .collect(),
                note: &c.note,
                kinds: c.kinds.iter().map(|kind| kind.key()).collect(),
                history: c
                    .history
                    .iter()
                    .map(|change| JsonStatusChange {
                        status: change.status.key(),
                        by: &change.by,
                        at: change.at.to_string(),
                    })
                    .collect(),
                placement: json_placement(c.carried.as_ref()),
            })
            .collect(),
    }
}
