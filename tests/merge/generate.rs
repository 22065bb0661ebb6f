//! Random reviewing on a copy of a review, for the merge's property tests: each step is one
//! edit a reviewer makes in the desk — a status, a comment or reply added, edited, resolved or
//! deleted (with its tombstone), a claim added, moved on, noted, dealt with or deleted, a
//! source added, edited or deleted, a suggestion dismissed or taken back, a mark moved, the
//! reviewer noted in the review's list. Ids and times come from the step, so a failing case
//! shrinks and replays the same.

use copydesk::edit::Edit;
use copydesk::model::{
    Claim, ClaimId, ClaimStatus, Comment, CommentId, DealtWith, Dismissal, MarkId, Passage,
    Project, Reply, ReplyId, ReviewStatus, Reviewer, Source, SourceId, Stamp,
};
use jiff::Timestamp;
use proptest::prelude::*;

/// One step: what kind of edit, and two numbers that choose what it is about.
pub type Step = (u8, usize, usize);

const KINDS: u8 = 19;

/// A reviewer's session: up to `max` steps.
pub fn session(max: usize) -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec((0..KINDS, any::<usize>(), any::<usize>()), 0..max)
}

/// `base` as the reviewer named `who` leaves it after `steps`. `who` also tags the ids the
/// session makes, so two sessions never make the same id; `clock` offsets its times, so two
/// sessions' times interleave.
pub fn reviewed(base: &Project, who: &str, clock: i64, steps: &[Step]) -> Project {
    let mut project = base.clone();
    let reviewer = Reviewer::named(who);
    for (number, &(kind, a, b)) in steps.iter().enumerate() {
        let at = Timestamp::from_second(1_000 + clock + 2 * number as i64).unwrap();
        let session = Session {
            project: &project,
            reviewer: &reviewer,
            at,
            tag: format!("{}{number:04}", who.to_lowercase()),
        };
        if let Some(edit) = session.edit(kind, a, b) {
            // An edit that does not apply (a sentence dismissed twice) changes nothing.
            let _ = edit.apply(&mut project);
        }
    }
    project
}

struct Session<'a> {
    project: &'a Project,
    reviewer: &'a Reviewer,
    at: Timestamp,
    tag: String,
}

impl Session<'_> {
    fn stamp(&self) -> Stamp {
        Stamp::new(self.reviewer, self.at)
    }

    /// A passage of the section chosen by `a`, from a place and length chosen by `b`.
    fn passage(&self, a: usize, b: usize) -> Option<(copydesk::model::SectionId, Passage)> {
        let section = &self.project.sections[a % self.project.sections.len()];
        let length = section.char_count();
        if length < 2 {
            return None;
        }
        let start = b % (length - 1);
        let end = (start + 1 + (b / 7) % 30).min(length);
        let passage = Passage::from_section_text(&section.text, start..end).ok()?;
        Some((section.id.clone(), passage))
    }

    fn comment(&self, a: usize) -> Option<&Comment> {
        let comments = &self.project.comments;
        (!comments.is_empty()).then(|| &comments[a % comments.len()])
    }

    fn claim(&self, a: usize) -> Option<&Claim> {
        let claims = &self.project.claims;
        (!claims.is_empty()).then(|| &claims[a % claims.len()])
    }

    fn edit(&self, kind: u8, a: usize, b: usize) -> Option<Edit> {
        let tag = &self.tag;
        Some(match kind % KINDS {
            0 => Edit::section_status(
                self.project.sections[a % self.project.sections.len()]
                    .id
                    .clone(),
                ReviewStatus::ALL[b % 4],
                self.stamp(),
            ),
            1 => {
                let (section, passage) = self.passage(a, b)?;
                let mut comment = Comment::new(
                    section,
                    (!b.is_multiple_of(5)).then_some(passage),
                    self.reviewer,
                    self.at,
                );
                comment.id = CommentId::from_text(format!("c-{tag}"));
                comment.body = format!("Comment {tag}");
                Edit::add_comment(comment)
            }
            2 => Edit::delete_comment(self.comment(a)?.id.clone(), self.stamp()),
            3 => Edit::SetCommentBody {
                id: self.comment(a)?.id.clone(),
                body: format!("Rewritten {tag}"),
            },
            4 => {
                let comment = self.comment(a)?;
                Edit::SetCommentResolved {
                    id: comment.id.clone(),
                    resolved: comment.is_open().then(|| self.stamp()),
                }
            }
            5 => {
                let mut reply = Reply::new(self.reviewer, self.at, &format!("Reply {tag}"));
                reply.id = ReplyId::from_text(format!("r-{tag}"));
                Edit::add_reply(self.comment(a)?.id.clone(), reply)
            }
            6 => {
                let comment = self.comment(a)?;
                let reply = comment.replies.get(b % comment.replies.len().max(1))?;
                Edit::delete_reply(comment.id.clone(), reply.id.clone(), self.stamp())
            }
            7 => {
                let comment = self.comment(a)?;
                let reply = comment.replies.get(b % comment.replies.len().max(1))?;
                Edit::SetReplyBody {
                    comment: comment.id.clone(),
                    reply: reply.id.clone(),
                    body: format!("Reply rewritten {tag}"),
                }
            }
            8 => {
                let (section, passage) = self.passage(a, b)?;
                let mut claim = Claim::new(section, passage, self.reviewer, self.at);
                claim.id = ClaimId::from_text(format!("k-{tag}"));
                Edit::add_claim(claim)
            }
            9 => Edit::claim_status_change(
                self.claim(a)?,
                ClaimStatus::ALL[b % 5],
                self.reviewer,
                self.at,
            ),
            10 => Edit::delete_claim(self.claim(a)?.id.clone(), self.stamp()),
            11 => Edit::SetClaimNote {
                id: self.claim(a)?.id.clone(),
                note: format!("Note {tag}"),
            },
            12 => Edit::SetClaimDealtWith {
                id: self.claim(a)?.id.clone(),
                dealt_with: [None, Some(DealtWith::Corrected), Some(DealtWith::Cut)][b % 3],
            },
            13 => Edit::AddSource {
                claim: self.claim(a)?.id.clone(),
                index: usize::MAX,
                source: Source {
                    id: SourceId::from_text(format!("src-{tag}")),
                    url: format!("https://example.org/{tag}"),
                    ..Source::new(self.reviewer, self.at)
                },
            },
            14 => {
                let claim = self.claim(a)?;
                let index = b % claim.sources.len().max(1);
                let mut source = claim.sources.get(index)?.clone();
                if b.is_multiple_of(2) {
                    source.title = format!("Title {tag}");
                } else {
                    source.url = format!("https://example.org/moved/{tag}");
                }
                Edit::SetSource {
                    claim: claim.id.clone(),
                    index,
                    source,
                }
            }
            15 => {
                let claim = self.claim(a)?;
                let index = b % claim.sources.len().max(1);
                claim.sources.get(index)?;
                Edit::delete_source(claim.id.clone(), index, self.stamp())
            }
            16 if b.is_multiple_of(3) && !self.project.dismissed.is_empty() => Edit::Undismiss {
                sentence: self.project.dismissed[a % self.project.dismissed.len()]
                    .sentence
                    .clone(),
            },
            16 => {
                let (_, passage) = self.passage(a, b)?;
                Edit::Dismiss {
                    index: usize::MAX,
                    dismissal: Dismissal::new(&passage.quote, self.reviewer, self.at),
                }
            }
            17 => {
                let (section, passage) = self.passage(b, a)?;
                let mark = if a.is_multiple_of(2) {
                    MarkId::Comment(self.comment(b)?.id.clone())
                } else {
                    MarkId::Claim(self.claim(b)?.id.clone())
                };
                Edit::SetPlacement {
                    mark,
                    section,
                    passage: Some(passage),
                    carried: None,
                }
            }
            _ => Edit::NoteReviewer {
                reviewer: self.reviewer.clone(),
            },
        })
    }
}
