//! The memo's claims: every claim grouped by where its check stands, with the passage, the
//! sources and the notes, then the suggestions nobody has decided yet.

use std::fmt::Write as _;

use crate::model::{AnchorState, Claim, ClaimStatus, Project};
use crate::suggest::Suggestion;

use crate::text::{one_line, readable_timestamp};

pub fn claims_by_status(out: &mut String, project: &Project, undecided: &[&Suggestion]) {
    out.push_str("\n## Fact-check memo\n");
    if project.claims.is_empty() {
        out.push_str("\nNo claims flagged yet.\n");
    }
    for status in ClaimStatus::ATTENTION_ORDER {
        let claims: Vec<&Claim> = project
            .claims
            .iter()
            .filter(|claim| claim.status == status)
            .collect();
        if claims.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {} ({})\n", status.label(), claims.len());
        for claim in claims {
            memo_claim(out, project, claim);
        }
    }
    let _ = writeln!(
        out,
        "\n### Suggestions not yet decided ({})\n",
        undecided.len()
    );
    if undecided.is_empty() {
        out.push_str("None: every suggested sentence was accepted or dismissed.\n");
    }
    for suggestion in undecided {
        let kinds: Vec<&str> = suggestion.kinds().iter().map(|kind| kind.label()).collect();
        let section = project.section_title(&suggestion.section);
        let _ = writeln!(
            out,
            "- **{}** — “{}” (in “{section}”): {}",
            kinds.join(", "),
            suggestion.sentence,
            suggestion.reasons()
        );
    }
}

fn memo_claim(out: &mut String, project: &Project, claim: &Claim) {
    let section = project.section_title(&claim.section);
    let dealt_with = claim
        .dealt_with
        .filter(|_| claim.status.can_be_dealt_with())
        .map_or_else(
            || {
                if claim.status.can_be_dealt_with() {
                    " — **not yet corrected or cut**".to_owned()
                } else {
                    String::new()
                }
            },
            |d| format!(" — {}", d.label().to_lowercase()),
        );
    let kinds = if claim.kinds.is_empty() {
        String::new()
    } else {
        let labels: Vec<&str> = claim.kinds.iter().map(|kind| kind.label()).collect();
        format!("; {}", labels.join(", ").to_lowercase())
    };
    let _ = writeln!(
        out,
        "- “{}” (in “{section}”; flagged by {}, {}{kinds}){dealt_with}",
        one_line(&claim.passage.quote),
        claim.author,
        readable_timestamp(claim.created)
    );
    if let Some(carried) = claim
        .carried
        .as_ref()
        .filter(|c| c.state != AnchorState::Exact)
    {
        let before = carried
            .passage_before
            .as_ref()
            .filter(|p| p.quote != claim.passage.quote)
            .map_or_else(String::new, |p| {
                format!(
                    "; on draft {} it read “{}”",
                    carried.from_draft,
                    one_line(&p.quote)
                )
            });
        let _ = writeln!(
            out,
            "  - Place in this draft: {}{before}",
            carried.state.label()
        );
    }
    if claim.sources.is_empty() && claim.status != ClaimStatus::NeedsSource {
        out.push_str("  - No source recorded.\n");
    }
    for source in &claim.sources {
        let label = match (source.title.is_empty(), source.url.is_empty()) {
            (true, true) => "(untitled source)".to_owned(),
            (true, false) => source.url.clone(),
            (false, true) => source.title.clone(),
            (false, false) => format!("[{}]({})", source.title, source.url),
        };
        let mut details = Vec::new();
        if source.rank != crate::model::SourceRank::Unspecified {
            details.push(source.rank.label().to_lowercase());
        }
        if let Some(accessed) = source.accessed {
            details.push(format!("accessed {accessed}"));
        }
        if !source.note.trim().is_empty() {
            details.push(one_line(&source.note));
        }
        let details = if details.is_empty() {
            String::new()
        } else {
            format!(" — {}", details.join("; "))
        };
        let _ = writeln!(out, "  - Source: {label}{details}");
    }
    if !claim.note.trim().is_empty() {
        let _ = writeln!(out, "  - Verdict note: {}", one_line(&claim.note));
    }
    if claim.history.len() > 1 {
        let steps: Vec<String> = claim
            .history
            .iter()
            .map(|change| {
                format!(
                    "{} ({}, {})",
                    change.status.label(),
                    change.by,
                    readable_timestamp(change.at)
                )
            })
            .collect();
        let _ = writeln!(out, "  - History: {}", steps.join(" → "));
    }
}
