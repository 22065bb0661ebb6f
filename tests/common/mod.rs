//! Helpers shared by the integration tests: the test material (the seed article, the shared
//! corpus, golden project files), the `copydesk` binary, and ways to make drafts and edits.
//! The desk harness, the safekeeping workspaces and the command-line helpers have modules of
//! their own.

pub mod cli;
pub mod desk;
pub mod redlined;
pub mod safekeeping;
pub mod web_server;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use copydesk::edit::Edit;
use copydesk::model::Reviewer;
use copydesk::model::{
    Claim, ClaimStatus, Comment, Passage, Project, ReviewStatus, SectionId, Source,
};
use jiff::Timestamp;

/// The six headings of the seed article, exactly as written.
pub const SEED_HEADINGS: [&str; 6] = [
    "Strategic Importance of the Transfer",
    "Humanitarian and Legal Considerations",
    "International Cooperation and Coordination",
    "Implications for Regional Security",
    "Challenges and Future Steps",
    "A Step Toward Long-Term Stability",
];

/// A file from `../shared`, the test material beside the checkout.
///
/// Under CI (`CI=true`) a missing file fails the test loudly; elsewhere the test says it
/// was skipped and returns `None`.
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if path.exists() {
        return Some(path);
    }
    let under_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !under_ci,
        "{} is missing: under CI the shared test material must be present",
        path.display()
    );
    // Straight to stderr, past the test harness's capture, so the skip is seen even though
    // the test counts as passed.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {} is missing (no ../shared beside the checkout); a test did not run",
        path.display()
    );
    None
}

pub fn seed_article() -> Option<PathBuf> {
    shared_file("samples/seed-article.txt")
}

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The names of the files in `folder`, sorted.
pub fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The `copydesk` binary built for these tests, with a data folder of its own (backups and
/// recovery journals must not land in the data folder of whoever runs the tests).
pub fn copydesk() -> Command {
    let data = Path::new(env!("CARGO_TARGET_TMPDIR")).join("copydesk-data");
    let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    command.env("COPYDESK_DATA_DIR", data);
    command
}

/// The first passage quoting `quote`, anywhere in the project.
pub fn passage_of(project: &Project, quote: &str) -> (SectionId, Passage) {
    for section in &project.sections {
        if let Some(byte) = section.text.find(quote) {
            let start = copydesk::text::char_offset_from_byte_offset(&section.text, byte);
            let end = start + quote.chars().count();
            let passage = Passage::from_section_text(&section.text, start..end).unwrap();
            return (section.id.clone(), passage);
        }
    }
    panic!("“{quote}” is not in the project");
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) {
    std::fs::write(path, contents).unwrap();
}

/// `text` with `from` replaced by `to`, which must be there.
pub fn replaced(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the text has no “{from}”");
    text.replacen(from, to, 1)
}

/// `text` with the line starting with `start` taken out and put after the line starting with
/// `after`.
pub fn line_moved(text: &str, start: &str, after: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    let from = lines.iter().position(|l| l.starts_with(start)).unwrap();
    let line = lines.remove(from);
    let to = lines.iter().position(|l| l.starts_with(after)).unwrap();
    lines.insert(to + 1, line);
    lines.join("\n")
}

/// The seed's next draft, as a writer sends it back: a figure changed, a paragraph moved to
/// another section, a heading renamed, the promo footer removed, a claim's sentence rewritten.
pub fn seed_next_draft(seed: &str) -> String {
    let footer_removed = seed
        .lines()
        .filter(|l| !l.starts_with("Do Follow") && !l.starts_with("Read More"))
        .collect::<Vec<_>>()
        .join("\n");
    let text = replaced(
        &footer_removed,
        "more than 4,000 Islamic State (IS) detainees",
        "more than 4,200 Islamic State (IS) detainees",
    );
    let text = line_moved(
        &text,
        "Experts note that while security",
        "The transfer highlights the significance",
    );
    let text = replaced(
        &text,
        "Strategic Importance of the Transfer",
        "Why Iraq Took the Detainees",
    );
    replaced(
        &text,
        "Officials described the effort as a demonstration of the growing partnership between countries committed to counterterrorism and regional stability.",
        "Officials called the effort proof of a growing partnership among countries committed to fighting terrorism.",
    )
}

/// A zip archive holding `entries` (name, content), deflated: handmade Word documents.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// The Word files of the shared corpus (`../shared/corpus/docx/`), sorted; `None` where the
/// corpus is missing (see [`shared_file`]).
pub fn corpus_docx_files() -> Option<Vec<PathBuf>> {
    let corpus = shared_file("corpus/docx")?;
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    Some(files)
}

/// The golden project files in `tests/data/format`, with their format versions: each written
/// by a real copydesk of that version, the last before the next (see the README there). Never
/// regenerated: they are what users' files of those versions look like.
pub const GOLDEN_PROJECTS: [(&str, u32); 7] = [
    ("v1.copydesk.ron", 1),
    ("v2.copydesk.ron", 2),
    ("v3.copydesk.ron", 3),
    ("v4.copydesk.ron", 4),
    ("v4-word-tracked.copydesk.ron", 4),
    ("v4-word-comments.copydesk.ron", 4),
    ("v5.copydesk.ron", 5),
];

/// The path and bytes of a golden project file (see [`GOLDEN_PROJECTS`]).
pub fn golden_project(name: &str) -> (PathBuf, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/format")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

/// Builds a valid edit for the current project from random choices (property tests: random
/// edits, undone; random projects, saved and reopened).
pub fn edit_from_choices(project: &Project, kind: u8, a: usize, b: usize) -> Edit {
    let section = &project.sections[a % project.sections.len()];
    let text_len = section.char_count();
    let passage = |a: usize, b: usize| {
        let start = a % text_len.max(1);
        let end = (start + 1 + b % 40).min(text_len);
        Passage::from_section_text(&section.text, start..end).ok()
    };
    match kind % 8 {
        0 => Edit::SetSectionStatus {
            set: None,
            section: section.id.clone(),
            status: ReviewStatus::ALL[b % 4],
        },
        1 => match passage(a, b) {
            Some(passage) => Edit::add_comment(Comment::new(
                section.id.clone(),
                Some(passage),
                &Reviewer::named("Prop"),
                Timestamp::UNIX_EPOCH,
            )),
            None => Edit::add_comment(Comment::new(
                section.id.clone(),
                None,
                &Reviewer::named("Prop"),
                Timestamp::UNIX_EPOCH,
            )),
        },
        2 if !project.comments.is_empty() => Edit::RemoveComment {
            deleted: None,
            id: project.comments[b % project.comments.len()].id.clone(),
        },
        3 if !project.comments.is_empty() => Edit::SetCommentBody {
            id: project.comments[b % project.comments.len()].id.clone(),
            body: format!("body {a}"),
        },
        4 => match passage(b, a) {
            Some(passage) => Edit::add_claim(Claim::new(
                section.id.clone(),
                passage,
                &Reviewer::named("Prop"),
                Timestamp::UNIX_EPOCH,
            )),
            None => Edit::SetSectionStatus {
                set: None,
                section: section.id.clone(),
                status: ReviewStatus::InReview,
            },
        },
        5 if !project.claims.is_empty() => Edit::SetClaimStatus {
            id: project.claims[a % project.claims.len()].id.clone(),
            status: ClaimStatus::ALL[b % 5],
        },
        6 if !project.claims.is_empty() => Edit::AddSource {
            claim: project.claims[a % project.claims.len()].id.clone(),
            index: b,
            source: Source {
                url: format!("https://example.org/{b}"),
                ..Source::default()
            },
        },
        7 if !project.claims.is_empty() => Edit::RemoveClaim {
            deleted: None,
            id: project.claims[b % project.claims.len()].id.clone(),
        },
        _ => Edit::SetSectionStatus {
            set: None,
            section: section.id.clone(),
            status: ReviewStatus::NeedsChanges,
        },
    }
}

/// The sample review's next draft, bundled with the desk.
pub fn sample_draft_2() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sample-article-draft-2.md")
}
