//! The library's reviews: 1,000 reviews of 50 sections (about 10,000 words) each, cut from
//! the generated book at places that differ from review to review, with the figures varied
//! (as `support::manuscript` does) so the library's claims are not the book's sentences
//! word for word; 50 claims each on runs of 1 to 12 words, settled or in progress, each with
//! a source and a note. Deterministic: the same reviews on every run.

use copydesk::model::{
    Claim, ClaimId, ClaimStatus, Passage, Project, Reviewer, Source, SourceId, StatusChange,
};
use jiff::{SignedDuration, Timestamp};

use crate::support::book::word_starts;

pub const REVIEWS: usize = 1_000;
const SECTIONS_PER_REVIEW: usize = 50;
const CLAIMS_PER_REVIEW: usize = 50;

/// What every review starts from: the book's project without its sections and marks.
pub fn empty_review(book: &Project) -> Project {
    Project {
        title: book.title.clone(),
        draft: book.draft.clone(),
        sections: Vec::new(),
        comments: Vec::new(),
        claims: Vec::new(),
        dismissed: Vec::new(),
        earlier_drafts: Vec::new(),
        reviewers: Vec::new(),
        deleted: Vec::new(),
        conflicts: Vec::new(),
    }
}

/// Review `number`, made from the book's project.
pub fn review(book: &Project, empty: &Project, number: usize) -> Project {
    let mut rng = fastrand::Rng::with_seed(number as u64 + 1);
    let first = (number * 37 + rng.usize(..11)) % (book.sections.len() - SECTIONS_PER_REVIEW);
    let mut review = empty.clone();
    review.title = format!("Review {number}: {}", book.title);
    review.draft.file_name = format!("review-{number:04}.txt");
    let varied = format!("{}", 20 + number % 50);
    for section in &book.sections[first..first + SECTIONS_PER_REVIEW] {
        let mut section = section.clone();
        section.text = section.text.replace("20", &varied);
        review.sections.push(section);
    }
    let reviewers = ["Dana Ortiz", "Sam Okafor", "Lee Brandt"];
    let at = base_time() + SignedDuration::from_hours(number as i64);
    let statuses = [
        ClaimStatus::Verified,
        ClaimStatus::Incorrect,
        ClaimStatus::Unverifiable,
        ClaimStatus::InProgress,
    ];
    let mut made = 0;
    while made < CLAIMS_PER_REVIEW {
        let section = &review.sections[rng.usize(..review.sections.len())];
        let starts = word_starts(&section.text);
        if starts.len() < 14 {
            continue;
        }
        let start = rng.usize(..starts.len() - 13);
        let range = starts[start]..starts[start + rng.usize(1..=12)] - 1;
        let Ok(passage) = Passage::from_section_text(&section.text, range) else {
            continue;
        };
        let author = Reviewer::named(reviewers[made % reviewers.len()]);
        let mut claim = Claim::new(section.id.clone(), passage, &author, at);
        claim.id = ClaimId::from_text(format!("r{number:04}-k{made:03}"));
        claim.status = statuses[made % statuses.len()];
        claim
            .history
            .push(StatusChange::new(claim.status, &author, at));
        claim.sources.push(Source {
            id: SourceId::derived_from(&format!("review {number} source {made}")),
            url: format!("https://example.org/records/{number}/{made}"),
            title: format!("Records office, file {number}-{made}"),
            ..Source::default()
        });
        claim.note = format!("Checked against file {number}-{made}.");
        review.claims.push(claim);
        made += 1;
    }
    review
}

fn base_time() -> Timestamp {
    "2026-01-05T09:00:00Z".parse().expect("a timestamp")
}
