//! The book every book-scale target is measured on: 300,000 words in 1,500 sections with
//! 10,000 comments and claims, and the same text as .txt, .md and .docx.
//!
//! Deterministic: the same book, byte for byte and id for id, on every run and machine. Its
//! sentences are real news sentences (the bundled sample and the labelled test articles)
//! drawn in a seeded order, so the suggestion pass, the sentence splitter and the text layout
//! work on the kind of prose reviewers get, and no two paragraphs are the same text.

use std::fmt::Write as _;
use std::path::Path;

use copydesk::model::{
    Claim, ClaimId, ClaimStatus, Comment, CommentId, DraftFormat, Passage, Project, Reply,
    Resolution, ReviewStatus, SectionId, Source, StatusChange,
};
use copydesk::model::{Reviewer, SourceId};
use jiff::{SignedDuration, Timestamp};
use unicode_segmentation::UnicodeSegmentation;

pub const BOOK_WORDS: usize = 300_000;
pub const BOOK_SECTIONS: usize = 1_500;
/// Half comments, half claims.
pub const BOOK_MARKS: usize = 10_000;
pub const BOOK_TITLE: &str = "The Long Inquiry";

const TOPICS: [&str; 12] = [
    "The harbour inquiry",
    "Water rights",
    "The council budget",
    "Heat and the city",
    "A season of drought",
    "Inside the court",
    "The bakery on Mill Street",
    "Transport and the region",
    "What the figures say",
    "Voices from the valley",
    "The transfer",
    "After the vote",
];

/// The same text in every form a draft arrives in, and the review of it.
pub struct Book {
    pub plain: String,
    pub markdown: String,
    pub docx: Vec<u8>,
    /// The plain text imported, with [`BOOK_MARKS`] marks on it.
    pub project: Project,
}

impl Book {
    pub fn generate() -> Self {
        let sections = section_texts();
        let plain = text_from_sections(&sections, "", "");
        let markdown = text_from_sections(&sections, "# ", "## ");
        let mut imported = copydesk::import::import_bytes(
            Path::new("the-long-inquiry.txt"),
            plain.as_bytes(),
            DraftFormat::PlainText,
            base_time(),
        )
        .expect("the book imports");
        assert_eq!(
            imported.sections.len(),
            BOOK_SECTIONS,
            "the book's sections"
        );
        // Imports give sections random ids; the book's are fixed, so it is the same book.
        for (index, section) in imported.sections.iter_mut().enumerate() {
            section.id = SectionId::from_text(format!("s-{index:012x}"));
        }
        let docx = copydesk::export::export_bytes(&imported, copydesk::export::ExportFormat::Docx)
            .expect("the book exports");
        let project = marked(imported);
        Self {
            plain,
            markdown,
            docx,
            project,
        }
    }

    pub fn words(&self) -> usize {
        self.plain.split_whitespace().count()
    }

    /// Writes `the-long-inquiry.{txt,md,docx}` and `the-long-inquiry.copydesk.ron` into
    /// `folder`; returns the project file's path.
    pub fn write_to(&self, folder: &Path) -> std::path::PathBuf {
        std::fs::write(folder.join("the-long-inquiry.txt"), &self.plain).expect("write .txt");
        std::fs::write(folder.join("the-long-inquiry.md"), &self.markdown).expect("write .md");
        std::fs::write(folder.join("the-long-inquiry.docx"), &self.docx).expect("write .docx");
        let project = folder.join("the-long-inquiry.copydesk.ron");
        copydesk::storage::SaveRequest::new(&self.project, &project)
            .save()
            .expect("write project");
        project
    }
}

fn base_time() -> Timestamp {
    "2026-11-02T09:00:00Z".parse().expect("a timestamp")
}

/// Every sentence of the source articles that reads as body text.
fn sentence_pool() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/suggest");
    let mut names: Vec<_> = std::fs::read_dir(folder)
        .expect("tests/data/suggest")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut articles = vec![copydesk::sample::SAMPLE_ARTICLE.to_owned()];
    for path in names {
        articles.push(std::fs::read_to_string(path).expect("a source article"));
    }
    let mut pool = Vec::new();
    for article in &articles {
        for line in article.lines() {
            for sentence in line.split_sentence_bounds() {
                let sentence = sentence.trim();
                let ends_as_sentence = sentence.ends_with(['.', '?', '!', '"', '”']);
                if ends_as_sentence && sentence.split_whitespace().count() >= 6 {
                    pool.push(sentence.to_owned());
                }
            }
        }
    }
    pool
}

/// The book's sections as (heading, paragraphs); the first has no heading. Section `i` ends
/// once the book has `(i + 1) × 200` words, so there are exactly [`BOOK_SECTIONS`] sections
/// and [`BOOK_WORDS`] words or a few more.
fn section_texts() -> Vec<(Option<String>, Vec<String>)> {
    let pool = sentence_pool();
    let mut rng = fastrand::Rng::with_seed(2026);
    let words_per_section = BOOK_WORDS / BOOK_SECTIONS;
    let mut words = 0;
    let mut sections = Vec::with_capacity(BOOK_SECTIONS);
    for index in 0..BOOK_SECTIONS {
        let heading = (index > 0).then(|| {
            let topic = TOPICS[index % TOPICS.len()];
            format!("{topic}, part {}", index / TOPICS.len() + 1)
        });
        let mut paragraphs = Vec::new();
        while words < (index + 1) * words_per_section {
            let mut paragraph = String::new();
            for _ in 0..rng.usize(3..=6) {
                let sentence = &pool[rng.usize(..pool.len())];
                if !paragraph.is_empty() {
                    paragraph.push(' ');
                }
                paragraph.push_str(sentence);
                words += sentence.split_whitespace().count();
            }
            paragraphs.push(paragraph);
        }
        sections.push((heading, paragraphs));
    }
    sections
}

/// The book as text, each heading after `heading_mark` (`""` for plain text, where headings
/// are known by their shape, `"## "` for Markdown) and the title after `title_mark`.
fn text_from_sections(
    sections: &[(Option<String>, Vec<String>)],
    title_mark: &str,
    heading_mark: &str,
) -> String {
    let mut text = format!("{title_mark}{BOOK_TITLE}\n\n");
    for (heading, paragraphs) in sections {
        if let Some(heading) = heading {
            let _ = writeln!(text, "{heading_mark}{heading}\n");
        }
        for paragraph in paragraphs {
            let _ = writeln!(text, "{paragraph}\n");
        }
    }
    text
}

/// Puts [`BOOK_MARKS`] marks on runs of 1 to 12 words spread through the book, the way a
/// review of a book looks: claims in every state with sources and notes, comments with
/// replies, some resolved, some on whole sections; and sections in every review status.
fn marked(mut project: Project) -> Project {
    let mut rng = fastrand::Rng::with_seed(7);
    let reviewers = ["Dana Ortiz", "Sam Okafor", "Lee Brandt"];
    let word_starts: Vec<Vec<usize>> = project
        .sections
        .iter()
        .map(|section| word_starts(&section.text))
        .collect();
    let statuses = [
        ReviewStatus::Unreviewed,
        ReviewStatus::InReview,
        ReviewStatus::NeedsChanges,
        ReviewStatus::Approved,
    ];
    for (index, section) in project.sections.iter_mut().enumerate() {
        section.status = statuses[index % statuses.len()];
    }
    let mut made = 0;
    while made < BOOK_MARKS {
        let index = made * BOOK_SECTIONS / BOOK_MARKS + rng.usize(..2);
        let section = &project.sections[index.min(BOOK_SECTIONS - 1)];
        let starts = &word_starts[index.min(BOOK_SECTIONS - 1)];
        let first = rng.usize(..starts.len() - 13);
        let range = starts[first]..starts[first + rng.usize(1..=12)] - 1;
        let Ok(passage) = Passage::from_section_text(&section.text, range) else {
            continue;
        };
        let author = reviewers[made % reviewers.len()];
        let at = base_time() + SignedDuration::from_secs(60 * made as i64);
        if made % 2 == 0 {
            let mut claim = Claim::new(section.id.clone(), passage, &Reviewer::named(author), at);
            claim.id = ClaimId::from_text(format!("k-{made:012x}"));
            let status = [
                ClaimStatus::NeedsSource,
                ClaimStatus::InProgress,
                ClaimStatus::Verified,
                ClaimStatus::Incorrect,
            ][made / 2 % 4];
            if status != claim.status {
                claim.status = status;
                claim.history.push(StatusChange::new(
                    status,
                    &Reviewer::named("Sam Okafor"),
                    at,
                ));
            }
            if made % 6 == 0 {
                claim.sources.push(Source {
                    id: SourceId::derived_from(&format!("book source {made}")),
                    url: format!("https://example.org/records/{made}"),
                    title: format!("Council records, file {made}"),
                    ..Source::default()
                });
                claim.note = "Matches the published figures.".to_owned();
            }
            project.claims.push(claim);
        } else {
            let whole_section = made % 20 == 1;
            let mut comment = Comment::new(
                section.id.clone(),
                (!whole_section).then_some(passage),
                &Reviewer::named(author),
                at,
            );
            comment.id = CommentId::from_text(format!("c-{made:012x}"));
            comment.body = format!("Can we say where this comes from? (note {made})");
            if made % 4 == 1 {
                let mut reply = Reply::new(&Reviewer::named("Sam Okafor"), at, "Asked the writer.");
                reply.id = copydesk::model::ReplyId::from_text(format!("r-{made:012x}"));
                comment.replies.push(reply);
            }
            if made % 8 == 3 {
                comment.resolved = Some(Resolution::new(&Reviewer::named("Lee Brandt"), at));
            }
            project.comments.push(comment);
        }
        made += 1;
    }
    project
}

/// Where each word of a text starts (after each white-space character), in characters.
pub fn word_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            text.chars()
                .enumerate()
                .filter(|(_, c)| c.is_whitespace())
                .map(|(i, _)| i + 1),
        )
        .collect()
}
