//! Suggestions as text: TSV and JSON for tools (an evaluation is printed by `evaluate::report`).

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::Project;

use super::Suggestion;

/// One row per suggestion: section, kinds, score, sentence, reasons. Tabs inside a field
/// become spaces so the columns stay columns.
pub fn tsv_from_suggestions(project: &Project, suggestions: &[Suggestion]) -> String {
    let mut out = String::from("section\tkinds\tscore\tsentence\treason\n");
    for suggestion in suggestions {
        let section = project.section_title(&suggestion.section);
        let kinds: Vec<&str> = suggestion.kinds().iter().map(|kind| kind.key()).collect();
        let _ = writeln!(
            out,
            "{}\t{}\t{:.2}\t{}\t{}",
            field(section),
            kinds.join(","),
            suggestion.score(),
            field(&suggestion.sentence),
            field(&suggestion.reasons())
        );
    }
    out
}

fn field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

#[derive(Serialize)]
struct JsonSuggestions<'a> {
    format: &'static str,
    version: u32,
    suggestions: Vec<JsonSuggestion<'a>>,
}

#[derive(Serialize)]
pub(crate) struct JsonSuggestion<'a> {
    section_id: &'a str,
    section: &'a str,
    /// Character offsets in the section's text.
    start: usize,
    end: usize,
    sentence: &'a str,
    kinds: Vec<&'static str>,
    score: f32,
    reasons: Vec<JsonReason<'a>>,
}

#[derive(Serialize)]
struct JsonReason<'a> {
    kind: &'static str,
    reason: &'a str,
}

/// The suggestions as JSON (`copydesk-suggestions`, version 1; see docs/FORMAT.md).
pub fn json_from_suggestions(project: &Project, suggestions: &[Suggestion]) -> String {
    let document = JsonSuggestions {
        format: "copydesk-suggestions",
        version: 1,
        suggestions: suggestions
            .iter()
            .map(|suggestion| json_suggestion(project, suggestion))
            .collect(),
    };
    let mut json = serde_json::to_string_pretty(&document).unwrap_or_default();
    json.push('\n');
    json
}

/// One suggestion in the JSON forms (the suggestion list and the report).
pub(crate) fn json_suggestion<'a>(
    project: &'a Project,
    suggestion: &'a Suggestion,
) -> JsonSuggestion<'a> {
    JsonSuggestion {
        section_id: suggestion.section.as_str(),
        section: project.section_title(&suggestion.section),
        start: suggestion.range.start,
        end: suggestion.range.end,
        sentence: &suggestion.sentence,
        kinds: suggestion.kinds().iter().map(|kind| kind.key()).collect(),
        score: (suggestion.score() * 100.0).round() / 100.0,
        reasons: suggestion
            .assessment
            .signals
            .iter()
            .map(|signal| JsonReason {
                kind: signal.kind.key(),
                reason: &signal.reason,
            })
            .collect(),
    }
}
