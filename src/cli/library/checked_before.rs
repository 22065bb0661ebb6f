//! `copydesk suggest --library`: each suggestion with the library claims it says again,
//! "checked before: verified in “Article” by Ana on 2026-12-01 — same figure 4,000; …", and
//! the same as JSON for tools (docs/FORMAT.md).

use std::collections::HashSet;
use std::fmt::Write as _;

use serde::Serialize;

use super::output::{JsonClaim, json};
use crate::library::{ClaimMatch, MatchKind, Matcher};
use crate::model::{ClaimId, Project};
use crate::suggest::Suggestion;
use crate::suggest::listing::{JsonSuggestion, json_suggestion, tsv_from_suggestions};
use crate::text::counted;

/// The library claims `suggestion` says again, best first: none of the project's own claims
/// (the same review, indexed in the library, would match itself).
fn matches_of(
    matcher: &Matcher,
    own_claims: &HashSet<&ClaimId>,
    suggestion: &Suggestion,
) -> Vec<ClaimMatch> {
    matcher
        .matches_for(&suggestion.sentence)
        .into_iter()
        .filter(|found| {
            matcher
                .claims()
                .get(found.claim)
                .is_some_and(|claim| !own_claims.contains(&claim.claim))
        })
        .collect()
}

fn own_claims(project: &Project) -> HashSet<&ClaimId> {
    project.claims.iter().map(|claim| &claim.id).collect()
}

/// "checked before: verified in “Article” by Ana on 2026-12-01 (2 sources) — same figure …".
fn checked_before_line(matcher: &Matcher, found: &ClaimMatch) -> String {
    let Some(claim) = matcher.claims().get(found.claim) else {
        return String::new();
    };
    format!(
        "checked before: {} in “{}” by {} on {} ({}) — {}",
        claim.status.label().to_lowercase(),
        claim.article,
        claim.checked_by,
        claim.checked_at.strftime("%Y-%m-%d"),
        counted(claim.sources.len(), "source", "sources"),
        found.explanation()
    )
}

/// The suggestions' TSV with a `library` column: each match's "checked before" line,
/// separated by " | " (empty when it matches nothing).
pub fn tsv_with_library_matches(
    project: &Project,
    suggestions: &[Suggestion],
    matcher: &Matcher,
) -> String {
    let own = own_claims(project);
    let plain = tsv_from_suggestions(project, suggestions);
    let mut out = String::new();
    for (index, line) in plain.lines().enumerate() {
        let column = match index.checked_sub(1).and_then(|row| suggestions.get(row)) {
            None => "library".to_owned(),
            Some(suggestion) => matches_of(matcher, &own, suggestion)
                .iter()
                .map(|found| checked_before_line(matcher, found).replace(['\t', '\n'], " "))
                .collect::<Vec<_>>()
                .join(" | "),
        };
        let _ = writeln!(out, "{line}\t{column}");
    }
    out
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    format: &'static str,
    version: u32,
    suggestions: Vec<JsonSuggestionWithMatches<'a>>,
}

#[derive(Serialize)]
struct JsonSuggestionWithMatches<'a> {
    #[serde(flatten)]
    suggestion: JsonSuggestion<'a>,
    library: Vec<JsonMatch<'a>>,
}

/// A library claim a suggestion matches.
#[derive(Serialize)]
struct JsonMatch<'a> {
    #[serde(flatten)]
    claim: JsonClaim<'a>,
    score: f32,
    /// `same_claim` or `different_figure`.
    kind: &'static str,
    /// For a different figure: the figure as the library's claim has it, and as the
    /// suggestion says it.
    figure_then: Option<&'a str>,
    figure_now: Option<&'a str>,
    same_figures: &'a [String],
    same_actors: &'a [String],
    wording: f32,
    explanation: String,
}

/// The suggestions' JSON (`copydesk-suggestions`, version 1) with a `library` array per
/// suggestion: the library claims it matches.
pub fn json_with_library_matches(
    project: &Project,
    suggestions: &[Suggestion],
    matcher: &Matcher,
) -> String {
    let own = own_claims(project);
    let matches: Vec<Vec<ClaimMatch>> = suggestions
        .iter()
        .map(|suggestion| matches_of(matcher, &own, suggestion))
        .collect();
    let rounded = |value: f32| (value * 100.0).round() / 100.0;
    let document = JsonDocument {
        format: "copydesk-suggestions",
        version: 1,
        suggestions: suggestions
            .iter()
            .zip(&matches)
            .map(|(suggestion, found)| JsonSuggestionWithMatches {
                suggestion: json_suggestion(project, suggestion),
                library: found
                    .iter()
                    .filter_map(|found| {
                        let claim = matcher.claims().get(found.claim)?;
                        let (kind, then, now) = match &found.kind {
                            MatchKind::SameClaim => ("same_claim", None, None),
                            MatchKind::DifferentFigure { checked, now } => (
                                "different_figure",
                                Some(checked.as_str()),
                                Some(now.as_str()),
                            ),
                        };
                        Some(JsonMatch {
                            claim: JsonClaim::from(claim),
                            score: rounded(found.score),
                            kind,
                            figure_then: then,
                            figure_now: now,
                            same_figures: &found.same_figures,
                            same_actors: &found.same_actors,
                            wording: rounded(found.wording),
                            explanation: found.explanation(),
                        })
                    })
                    .collect(),
            })
            .collect(),
    };
    json(&document)
}
