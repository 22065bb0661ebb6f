//! What the `library` commands print: an update's report, claims and the library's figures,
//! as text for people and as JSON for tools (docs/FORMAT.md).

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::LibraryFormat;
use crate::library::{LibraryClaim, LibraryStats, UpdateReport};
use crate::model::Source;
use crate::text::{counted, one_line};

/// "Indexed 3 reviews, 2 unchanged, 1 removed; the library holds 12 claims.", then each file
/// skipped with why.
pub fn text_from_update(report: &UpdateReport) -> String {
    let mut text = String::new();
    if report.rebuilt {
        text.push_str(
            "The library's index was damaged: it was set aside (claims.sqlite.damaged) and rebuilt from the reviews.\n",
        );
    }
    let _ = writeln!(
        text,
        "Indexed {}, {} unchanged, {} removed; the library holds {}.",
        counted(report.indexed, "review", "reviews"),
        report.unchanged,
        report.removed,
        counted(report.claims, "claim", "claims"),
    );
    if !report.skipped.is_empty() {
        let _ = writeln!(
            text,
            "Skipped {} that could not be read:",
            counted(report.skipped.len(), "file", "files")
        );
        for skipped in &report.skipped {
            // The loader's message names the file already.
            let path = skipped.path.display().to_string();
            if skipped.reason.starts_with(&path) {
                let _ = writeln!(text, "  {}", skipped.reason);
            } else {
                let _ = writeln!(text, "  {path}: {}", skipped.reason);
            }
        }
    }
    text
}

#[derive(Serialize)]
struct JsonUpdate<'a> {
    format: &'static str,
    version: u32,
    indexed: usize,
    unchanged: usize,
    removed: usize,
    claims: usize,
    rebuilt: bool,
    skipped: Vec<JsonSkipped<'a>>,
}

#[derive(Serialize)]
struct JsonSkipped<'a> {
    path: String,
    reason: &'a str,
}

/// The report of `library add` and `library update` (`copydesk-library-update`).
pub fn json_from_update(report: &UpdateReport) -> String {
    json(&JsonUpdate {
        format: "copydesk-library-update",
        version: 1,
        indexed: report.indexed,
        unchanged: report.unchanged,
        removed: report.removed,
        claims: report.claims,
        rebuilt: report.rebuilt,
        skipped: report
            .skipped
            .iter()
            .map(|skipped| JsonSkipped {
                path: skipped.path.display().to_string(),
                reason: &skipped.reason,
            })
            .collect(),
    })
}

/// Claims found or listed, as text or JSON (`copydesk-library-claims`).
pub fn claims(claims: &[LibraryClaim], format: LibraryFormat) -> String {
    match format {
        LibraryFormat::Text => text_from_claims(claims),
        LibraryFormat::Json => json(&JsonClaims {
            format: "copydesk-library-claims",
            version: 1,
            claims: claims.iter().map(JsonClaim::from).collect(),
        }),
    }
}

fn text_from_claims(claims: &[LibraryClaim]) -> String {
    if claims.is_empty() {
        return "No claim found.\n".to_owned();
    }
    let mut text = String::new();
    for claim in claims {
        let _ = writeln!(
            text,
            "{} — “{}” ({})\n  {}\n  Checked by {} on {}; {}",
            claim.status.label(),
            claim.article,
            claim.review.display(),
            one_line(&claim.sentence),
            claim.checked_by,
            claim.checked_at.strftime("%Y-%m-%d"),
            counted(claim.sources.len(), "source", "sources"),
        );
        for source in &claim.sources {
            let _ = writeln!(text, "    {}", source_line(source));
        }
        if !claim.note.trim().is_empty() {
            let _ = writeln!(text, "  Note: {}", one_line(&claim.note));
        }
    }
    text
}

/// A source on one line: its title and address, whichever it has.
pub fn source_line(source: &Source) -> String {
    match (source.title.trim(), source.url.trim()) {
        ("", "") => one_line(&source.note),
        ("", url) => url.to_owned(),
        (title, "") => title.to_owned(),
        (title, url) => format!("{title} <{url}>"),
    }
}

#[derive(Serialize)]
struct JsonClaims<'a> {
    format: &'static str,
    version: u32,
    claims: Vec<JsonClaim<'a>>,
}

/// A library claim in the JSON outputs.
#[derive(Serialize)]
pub struct JsonClaim<'a> {
    article: &'a str,
    review: String,
    claim_id: &'a str,
    quote: &'a str,
    sentence: &'a str,
    status: &'static str,
    sources: &'a [Source],
    note: &'a str,
    checked_by: &'a str,
    checked_at: String,
}

impl<'a> From<&'a LibraryClaim> for JsonClaim<'a> {
    fn from(claim: &'a LibraryClaim) -> Self {
        Self {
            article: &claim.article,
            review: claim.review.display().to_string(),
            claim_id: claim.claim.as_str(),
            quote: &claim.quote,
            sentence: &claim.sentence,
            status: claim.status.key(),
            sources: &claim.sources,
            note: &claim.note,
            checked_by: &claim.checked_by,
            checked_at: claim.checked_at.to_string(),
        }
    }
}

/// The library's figures for people.
pub fn text_from_stats(stats: &LibraryStats) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{} from {} in {}.",
        counted(stats.claims, "claim", "claims"),
        counted(stats.reviews, "review", "reviews"),
        counted(stats.folders.len(), "folder", "folders"),
    );
    for folder in &stats.folders {
        let _ = writeln!(text, "  {}", folder.display());
    }
    for (status, count) in &stats.by_status {
        let _ = writeln!(text, "{status}: {count}");
    }
    let _ = writeln!(
        text,
        "Index: {} KB for {} KB of reviews.",
        stats.index_bytes.div_ceil(1024),
        stats.reviews_bytes.div_ceil(1024)
    );
    text
}

#[derive(Serialize)]
struct JsonStats {
    format: &'static str,
    version: u32,
    index: String,
    folders: Vec<String>,
    reviews: usize,
    claims: usize,
    by_status: serde_json::Map<String, serde_json::Value>,
    index_bytes: u64,
    reviews_bytes: u64,
}

/// The library's figures for tools (`copydesk-library-stats`).
pub fn json_from_stats(index: &Path, stats: &LibraryStats) -> String {
    json(&JsonStats {
        format: "copydesk-library-stats",
        version: 1,
        index: index.display().to_string(),
        folders: stats
            .folders
            .iter()
            .map(|folder| folder.display().to_string())
            .collect(),
        reviews: stats.reviews,
        claims: stats.claims,
        by_status: stats
            .by_status
            .iter()
            .map(|(status, count)| (status.clone(), (*count).into()))
            .collect(),
        index_bytes: stats.index_bytes,
        reviews_bytes: stats.reviews_bytes,
    })
}

/// Pretty JSON and a final newline, as the other JSON outputs.
pub fn json(value: &impl Serialize) -> String {
    let mut json = serde_json::to_string_pretty(value).unwrap_or_default();
    json.push('\n');
    json
}
