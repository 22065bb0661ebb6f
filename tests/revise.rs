//! Carrying a review to a revised draft: the anchoring corpus.
//!
//! Each case takes real text (the seed article, the bundled sample), marks passages on it,
//! makes one kind of revision a writer makes, and says where a careful person would put
//! each mark afterwards. The test prints, per case, how many marks came out exact, moved,
//! fuzzy and orphaned, and how many were attached to the wrong words without a warning —
//! which must be none.

use std::path::Path;

use copydesk::import::import_bytes;
use copydesk::model::{AnchorState, Comment, DraftFormat, Passage, Project};
use copydesk::revise::{ReviseOptions, revise};
use jiff::Timestamp;

use crate::common::{line_moved, replaced, seed_article, seed_next_draft};

/// Where a mark should end up.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Same text, where the comparison expects it: occurrence `n` of the quote in the new text.
    Exact(usize),
    /// Same text once white space and typographic quotes are set aside, at occurrence `n` of
    /// the new text as written.
    ExactAs(&'static str, usize),
    /// Same text, elsewhere: occurrence `n` of the quote in the new text.
    Moved(usize),
    /// Exact or moved (either is honest, e.g. for one of two swapped paragraphs), at
    /// occurrence `n`.
    Placed(usize),
    /// Proposed for confirmation at occurrence `n` of this new text.
    Fuzzy(&'static str, usize),
    /// Not found: kept with its old passage.
    Orphaned,
}

struct Mark {
    quote: &'static str,
    /// Which occurrence of the quote in the old text is marked.
    occurrence: usize,
    expect: Expect,
}

fn mark(quote: &'static str, expect: Expect) -> Mark {
    Mark {
        quote,
        occurrence: 0,
        expect,
    }
}

struct Case {
    name: &'static str,
    old: String,
    new: String,
    marks: Vec<Mark>,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Tally {
    exact: usize,
    moved: usize,
    fuzzy: usize,
    orphaned: usize,
    wrong: usize,
}

fn project_from_text(name: &str, text: &str) -> Project {
    let format = if name.ends_with(".md") {
        DraftFormat::Markdown
    } else {
        DraftFormat::PlainText
    };
    import_bytes(
        Path::new(name),
        text.as_bytes(),
        format,
        Timestamp::UNIX_EPOCH,
    )
    .unwrap()
}

/// Occurrence `n` of `quote` in reading order: its section index and character range.
fn occurrence(project: &Project, quote: &str, n: usize) -> Option<(usize, std::ops::Range<usize>)> {
    project
        .sections
        .iter()
        .enumerate()
        .flat_map(|(index, section)| {
            section.text.match_indices(quote).map(move |(byte, _)| {
                let start = copydesk::text::char_offset_from_byte_offset(&section.text, byte);
                (index, start..start + quote.chars().count())
            })
        })
        .nth(n)
}

/// Marks every passage of the case (as comments, whose body names the mark), revises, and
/// tallies the outcome; panics with the details of any mark that ends up somewhere else than
/// expected.
fn run(case: &Case) -> Tally {
    let mut old = project_from_text("draft-1.txt", &case.old);
    for (index, mark) in case.marks.iter().enumerate() {
        let (section, range) = occurrence(&old, mark.quote, mark.occurrence)
            .unwrap_or_else(|| panic!("{}: “{}” is not in the old text", case.name, mark.quote));
        let passage = Passage::from_section_text(&old.sections[section].text, range).unwrap();
        let mut comment = Comment::new(
            old.sections[section].id.clone(),
            Some(passage),
            "Ana",
            Timestamp::UNIX_EPOCH,
        );
        comment.body = index.to_string();
        old.comments.push(comment);
    }
    let new = project_from_text("draft-2.txt", &case.new);
    let revised = revise(&old, new, ReviseOptions::default()).project;
    revised.validate().unwrap();

    let mut tally = Tally::default();
    let mut failures = Vec::new();
    for (index, mark) in case.marks.iter().enumerate() {
        let comment = revised
            .comments
            .iter()
            .find(|c| c.body == index.to_string())
            .unwrap();
        let carried = comment.carried.as_ref().unwrap();
        let state = carried.state;
        match state {
            AnchorState::Exact => tally.exact += 1,
            AnchorState::Moved => tally.moved += 1,
            AnchorState::Fuzzy => tally.fuzzy += 1,
            _ => tally.orphaned += 1,
        }
        let placed = comment.placed_passage().map(|passage| {
            let section = revised.section_index(&comment.section).unwrap();
            (section, passage.range())
        });
        let expected_place = match mark.expect {
            Expect::Exact(n) | Expect::Moved(n) | Expect::Placed(n) => {
                occurrence(&revised, mark.quote, n)
            }
            Expect::Fuzzy(quote, n) | Expect::ExactAs(quote, n) => occurrence(&revised, quote, n),
            Expect::Orphaned => None,
        };
        let silently_placed = matches!(state, AnchorState::Exact | AnchorState::Moved);
        if silently_placed && placed != expected_place {
            tally.wrong += 1;
        }
        let as_expected = match mark.expect {
            Expect::Exact(_) | Expect::ExactAs(..) => state == AnchorState::Exact,
            Expect::Moved(_) => state == AnchorState::Moved,
            Expect::Placed(_) => silently_placed,
            Expect::Fuzzy(..) => state == AnchorState::Fuzzy,
            Expect::Orphaned => state == AnchorState::Orphaned,
        } && (expected_place.is_none() || placed == expected_place);
        if !as_expected {
            let new_text = placed.clone().map(|(section, range)| {
                copydesk::text::slice_chars(&revised.sections[section].text, range).to_owned()
            });
            failures.push(format!(
                "  “{}”: expected {:?}, got {state:?} at {placed:?} {new_text:?} (expected at {expected_place:?})",
                mark.quote, mark.expect
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}: marks not where a careful person would put them:\n{}",
        case.name,
        failures.join("\n")
    );
    tally
}

/// Hard-wraps each line at `width` columns, with a blank line between paragraphs and two
/// spaces after each full stop.
fn rewrapped(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut column = 0;
        for word in line.replace(". ", ".  ").split(' ') {
            if column > 0 && column + word.len() > width {
                out.push('\n');
                column = 0;
            } else if column > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += word.len();
        }
        out.push_str("\n\n");
    }
    out
}

fn seed_cases(seed: &str) -> Vec<Case> {
    let case = |name, new: String, marks| Case {
        name,
        old: seed.to_owned(),
        new,
        marks,
    };
    let sentence_rewritten = replaced(
        seed,
        "Officials described the effort as a demonstration of the growing partnership between countries committed to counterterrorism and regional stability.",
        "Officials called the effort proof of a growing partnership among countries committed to fighting terrorism.",
    );
    let footer_removed = seed
        .lines()
        .filter(|l| !l.starts_with("Do Follow") && !l.starts_with("Read More"))
        .collect::<Vec<_>>()
        .join("\n");
    let revision = seed_next_draft(seed);
    vec![
        case(
            "text inserted before a mark",
            replaced(
                &replaced(
                    seed,
                    "The decision to move",
                    "Officials briefed reporters on Monday. The decision to move",
                ),
                "In a significant development",
                "An editor's note opens the piece.\nIn a significant development",
            ),
            vec![
                mark("more than 4,000", Expect::Exact(0)),
                mark(
                    "The decision to move the detainees to Iraq",
                    Expect::Exact(0),
                ),
                mark("Experts note", Expect::Exact(0)),
            ],
        ),
        case(
            "edit inside the marked passage",
            replaced(seed, "more than 4,000 Islamic", "more than 4,200 Islamic"),
            vec![
                mark(
                    "more than 4,000 Islamic State (IS) detainees",
                    Expect::Fuzzy("more than 4,200 Islamic State (IS) detainees", 0),
                ),
                mark("over 4,000 IS detainees is expected", Expect::Exact(0)),
            ],
        ),
        case(
            "marked passage duplicated elsewhere",
            replaced(
                seed,
                "This large-scale transfer",
                "Experts note that while security remains a top priority, critics disagree.\nThis large-scale transfer",
            ),
            vec![mark(
                "Experts note that while security remains a top priority",
                Expect::Exact(1),
            )],
        ),
        case(
            "white space and line wrap",
            rewrapped(seed, 60),
            vec![
                mark(
                    "more than 4,000 Islamic State (IS) detainees",
                    Expect::Exact(0),
                ),
                mark(
                    "Separating low-risk individuals from high-risk operatives",
                    Expect::Exact(0),
                ),
                mark("Analysts suggest", Expect::Exact(0)),
            ],
        ),
        case(
            "typographic quotes",
            replaced(
                &replaced(seed, "Iraq’s role", "Iraq's role"),
                "detainees’ legal",
                "detainees' legal",
            ),
            vec![
                Mark {
                    quote: "Iraq’s role as a regional hub",
                    occurrence: 0,
                    // The same words, with a straight apostrophe.
                    expect: Expect::ExactAs("Iraq's role as a regional hub", 0),
                },
                mark("Analysts suggest", Expect::Exact(0)),
            ],
        ),
        case(
            "paragraph moved to another section",
            line_moved(
                seed,
                "Experts note that while security",
                "The transfer highlights the significance",
            ),
            vec![
                mark(
                    "Separating low-risk individuals from high-risk operatives",
                    Expect::Moved(0),
                ),
                mark("Every detainee was assessed individually", Expect::Exact(0)),
            ],
        ),
        case(
            "section renamed",
            replaced(seed, "Strategic Importance of the Transfer", "Why Iraq"),
            vec![mark(
                "Iraq has established specialized detention centers",
                Expect::Exact(0),
            )],
        ),
        case(
            "section split in two",
            replaced(
                seed,
                "For many officials, this transfer",
                "What Officials Expect\nFor many officials, this transfer",
            ),
            vec![
                mark("reducing the operational capacity of IS", Expect::Exact(0)),
                mark(
                    "Iraq has established specialized detention centers",
                    Expect::Exact(0),
                ),
            ],
        ),
        case(
            "sections merged",
            replaced(seed, "Challenges and Future Steps\n", ""),
            vec![
                mark(
                    "authorities acknowledge that challenges remain",
                    Expect::Exact(0),
                ),
                mark("Analysts suggest", Expect::Exact(0)),
            ],
        ),
        case(
            "marked passage deleted",
            replaced(
                seed,
                "Every detainee was assessed individually, and efforts were made to ensure that the process adhered to international human rights standards. ",
                "",
            ),
            vec![
                mark("Every detainee was assessed individually", Expect::Orphaned),
                mark("providing access to legal representation", Expect::Exact(0)),
            ],
        ),
        case(
            "the same words elsewhere are not the marked words",
            replaced(
                &replaced(
                    seed,
                    "Authorities involved in the operation emphasized",
                    "Authorities emphasized",
                ),
                "The operation to transfer over 4,000 IS detainees represents a major achievement in international counterterrorism efforts. ",
                "",
            ),
            vec![
                // "the operation" and "over 4,000 IS detainees" are still elsewhere in the
                // text: those are other passages.
                Mark {
                    quote: "the operation",
                    occurrence: 2,
                    expect: Expect::Orphaned,
                },
                Mark {
                    quote: "over 4,000 IS detainees",
                    occurrence: 1,
                    expect: Expect::Orphaned,
                },
                mark("over 4,000 IS detainees", Expect::Exact(0)),
            ],
        ),
        case(
            "a claim's sentence rewritten",
            sentence_rewritten,
            vec![mark(
                "Officials described the effort as a demonstration of the growing partnership between countries committed to counterterrorism and regional stability.",
                Expect::Fuzzy(
                    "Officials called the effort proof of a growing partnership among countries committed to fighting terrorism.",
                    0,
                ),
            )],
        ),
        case(
            "promo footer removed",
            footer_removed,
            vec![
                mark("Do Follow Gulf Magazine on Instagram", Expect::Orphaned),
                mark("remains a shared responsibility", Expect::Exact(0)),
            ],
        ),
        case(
            "paragraphs swapped within a section",
            line_moved(
                seed,
                "The decision to move the detainees",
                "For many officials, this transfer",
            ),
            vec![
                mark(
                    "Iraq has established specialized detention centers",
                    Expect::Placed(0),
                ),
                mark("reducing the operational capacity of IS", Expect::Placed(0)),
            ],
        ),
        case(
            "moved paragraph, and its words in another added paragraph",
            replaced(
                &line_moved(
                    seed,
                    "Experts note that while security",
                    "The transfer highlights the significance",
                ),
                "This large-scale transfer",
                "Experts note that while security remains a top priority, budgets do not.\nThis large-scale transfer",
            ),
            vec![
                // Both copies are new text; the words around the moved one decide.
                Mark {
                    quote: "Experts note that while security remains a top priority",
                    occurrence: 0,
                    expect: Expect::Moved(1),
                },
                Mark {
                    quote: "Experts note",
                    occurrence: 0,
                    expect: Expect::Moved(1),
                },
            ],
        ),
        case(
            "moved paragraph with the marked words edited",
            replaced(
                &line_moved(
                    seed,
                    "Experts note that while security",
                    "The transfer highlights the significance",
                ),
                "Separating low-risk individuals from high-risk operatives",
                "Keeping low-risk individuals apart from hardened operatives",
            ),
            vec![mark(
                "Separating low-risk individuals from high-risk operatives",
                Expect::Orphaned,
            )],
        ),
        case(
            "the seed's next draft",
            revision,
            vec![
                mark(
                    "more than 4,000 Islamic State (IS) detainees",
                    Expect::Fuzzy("more than 4,200 Islamic State (IS) detainees", 0),
                ),
                mark(
                    "Separating low-risk individuals from high-risk operatives",
                    Expect::Moved(0),
                ),
                mark(
                    "Iraq has established specialized detention centers",
                    Expect::Exact(0),
                ),
                mark("Do Follow Gulf Magazine on Instagram", Expect::Orphaned),
                mark(
                    "Officials described the effort as a demonstration of the growing partnership between countries committed to counterterrorism and regional stability.",
                    Expect::Fuzzy(
                        "Officials called the effort proof of a growing partnership among countries committed to fighting terrorism.",
                        0,
                    ),
                ),
                mark("Analysts suggest", Expect::Exact(0)),
                mark("experts believe", Expect::Exact(0)),
            ],
        ),
    ]
}

/// Cases on the bundled sample, which needs nothing from outside the repository.
fn sample_cases() -> Vec<Case> {
    let sample = include_str!("../assets/sample-article.md");
    let case = |name, new: String, marks| Case {
        name,
        old: sample.to_owned(),
        new,
        marks,
    };
    vec![case(
        "sample: a figure changed, a paragraph moved, a heading renamed, the footer cut",
        {
            let text = replaced(sample, "adding 1,200 bicycles", "adding 1,400 bicycles");
            let text = replaced(&text, "## Costs and Funding", "## Who Pays");
            let text = replaced(&text, "Follow Riverton Daily on Instagram\n", "");
            let text = replaced(
                &text,
                "\n\nCritics argue that the money would be better spent on bus services. Analysts suggest that ridership could fall if the stations are not kept stocked during the morning rush.",
                "",
            );
            replaced(
                &text,
                "The transport authority will publish",
                "Critics argue that the money would be better spent on bus services. Analysts suggest that ridership could fall if the stations are not kept stocked during the morning rush.\n\nThe transport authority will publish",
            )
        },
        vec![
            mark(
                "adding 1,200 bicycles",
                Expect::Fuzzy("adding 1,400 bicycles", 0),
            ),
            mark("42% of households there own no car", Expect::Exact(0)),
            mark("€3.1 million a year", Expect::Exact(0)),
            mark("Analysts suggest", Expect::Moved(0)),
            mark("Follow Riverton Daily on Instagram", Expect::Orphaned),
        ],
    )]
}

#[test]
fn anchoring_corpus_on_the_sample() {
    for case in sample_cases() {
        let tally = run(&case);
        println!("{}: {tally:?}", case.name);
        assert_eq!(tally.wrong, 0);
    }
}

#[test]
fn anchoring_corpus_puts_every_mark_where_a_careful_person_would() {
    let Some(seed) = seed_article() else { return };
    let seed = std::fs::read_to_string(seed).unwrap();
    let mut total = Tally::default();
    println!("{:<60} exact moved fuzzy orphaned wrong", "case");
    for case in seed_cases(&seed) {
        let tally = run(&case);
        println!(
            "{:<60} {:>5} {:>5} {:>5} {:>8} {:>5}",
            case.name, tally.exact, tally.moved, tally.fuzzy, tally.orphaned, tally.wrong
        );
        total.exact += tally.exact;
        total.moved += tally.moved;
        total.fuzzy += tally.fuzzy;
        total.orphaned += tally.orphaned;
        total.wrong += tally.wrong;
    }
    println!(
        "{:<60} {:>5} {:>5} {:>5} {:>8} {:>5}",
        "all", total.exact, total.moved, total.fuzzy, total.orphaned, total.wrong
    );
    assert_eq!(total.wrong, 0);
}

#[test]
fn a_revised_project_saves_and_loads_with_its_drafts_and_mark_states() {
    let old = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let new = project_from_text(
        "sample-article-draft-2.md",
        include_str!("../assets/sample-article-draft-2.md"),
    );
    let revised = revise(&old, new, ReviseOptions::default()).project;
    let dir = crate::common::temp_dir();
    let path = dir.path().join("revised.copydesk.ron");
    copydesk::storage::SaveRequest::new(&revised, &path)
        .save()
        .unwrap();
    let loaded = copydesk::project_file::load_project(&path).unwrap();
    assert_eq!(loaded, revised);
    assert_eq!(loaded.earlier_drafts[0].sections, old.sections);
    assert!(loaded.comments.iter().all(|c| c.carried.is_some()));
    // An orphan keeps its old passage even though it lies outside its section now.
    let orphan = loaded
        .comments
        .iter()
        .find(|c| c.carried.as_ref().unwrap().state == AnchorState::Orphaned)
        .unwrap();
    assert_eq!(orphan.passage.as_ref().unwrap().quote, "Experts note");
    assert_eq!(loaded.section_title(&orphan.section), "Why the East Side");
}

#[test]
fn a_project_revised_twice_keeps_both_earlier_drafts_and_refinds_an_orphan() {
    let old = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let draft_2 = include_str!("../assets/sample-article-draft-2.md");
    let second = revise(
        &old,
        project_from_text("draft-2.md", draft_2),
        ReviseOptions::default(),
    )
    .project;
    // The writer puts the unnamed-source sentence back in the third draft.
    let draft_3 = replaced(
        draft_2,
        "## Who Pays",
        "Experts note that bike-share schemes tend to succeed when stations are no more than 300 metres apart, a spacing the new plan largely follows.\n\n## Who Pays",
    );
    let third = revise(
        &second,
        project_from_text("draft-3.md", &draft_3),
        ReviseOptions::default(),
    )
    .project;
    assert_eq!(third.draft.number, 3);
    let numbers: Vec<u32> = third
        .earlier_drafts
        .iter()
        .map(|d| d.draft.number)
        .collect();
    assert_eq!(numbers, [1, 2]);
    let experts = third
        .comments
        .iter()
        .find(|c| c.body.starts_with("Which experts"))
        .unwrap();
    assert_eq!(
        experts.placed_passage().map(|p| p.quote.as_str()),
        Some("Experts note")
    );
    assert!(experts.carried.as_ref().unwrap().state.is_placed());
}

#[test]
fn the_comparison_is_bounded_when_the_drafts_have_nothing_in_common() {
    let old = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let unrelated = "A different article.\n\nNothing here is like the sample at all, and no mark can be found in it.";
    let revised = revise(
        &old,
        project_from_text("other.txt", unrelated),
        ReviseOptions::default(),
    );
    let counts = revised.summary.marks;
    assert_eq!(counts.exact + counts.moved, 0);
    assert_eq!(counts.total(), old.comments.len() + old.claims.len());
    revised.project.validate().unwrap();
    // With no time at all, the result is coarser but never wrong.
    let rushed = revise(
        &old,
        project_from_text(
            "draft-2.md",
            include_str!("../assets/sample-article-draft-2.md"),
        ),
        ReviseOptions {
            diff_deadline: std::time::Duration::ZERO,
            search_budget: 0,
        },
    );
    rushed.project.validate().unwrap();
    for comment in &rushed.project.comments {
        if let Some(passage) = comment.placed_passage()
            && comment.carried.as_ref().unwrap().state == AnchorState::Exact
        {
            let before = comment
                .carried
                .as_ref()
                .unwrap()
                .passage_before
                .as_ref()
                .unwrap();
            assert_eq!(passage.quote, before.quote);
        }
    }
}

#[test]
fn reordered_sections_keep_their_approval_and_marks() {
    let old = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let sample = include_str!("../assets/sample-article.md");
    let costs_start = sample.find("## Costs and Funding").unwrap();
    let riders_start = sample.find("## What Riders Can Expect").unwrap();
    // The promo footer belongs to the last section, so it moves with it.
    let reordered = format!(
        "{}{}\n\n{}",
        &sample[..costs_start],
        sample[riders_start..].trim_end(),
        &sample[costs_start..riders_start],
    );
    let revised = revise(
        &old,
        project_from_text("reordered.md", &reordered),
        ReviseOptions::default(),
    );
    let project = &revised.project;
    let titles: Vec<&str> = project.sections.iter().map(|s| s.title()).collect();
    assert_eq!(
        titles,
        [
            "Opening",
            "Why the East Side",
            "What Riders Can Expect",
            "Costs and Funding"
        ]
    );
    let riders = &project.sections[2];
    assert_eq!(riders.status, copydesk::model::ReviewStatus::Approved);
    assert!(!riders.revision.as_ref().unwrap().text_changed);
    assert_eq!(revised.summary.changed, 0, "{}", revised.summary);
    // Every mark is still on its own words; the section comment stays with its section.
    for comment in &project.comments {
        let carried = comment.carried.as_ref().unwrap();
        assert!(
            matches!(carried.state, AnchorState::Exact | AnchorState::Moved),
            "{comment:?}"
        );
        assert_eq!(
            comment.passage.as_ref().map(|p| &p.quote),
            carried.passage_before.as_ref().map(|p| &p.quote)
        );
    }
    assert_eq!(project.marks_needing_attention(), 0);
}

/// Marks on words that only happen to recur must never be placed silently (exact or moved)
/// on the recurrence.
#[test]
fn words_that_merely_recur_never_silently_take_a_mark() {
    let cases = [
        (
            "Opening line here.\nRobin said the plan would work. Robin was wrong.",
            "Opening line here.\nRobin was wrong.",
            "Robin",
            0,
        ),
        (
            "Opening line here.\nRobin Hood met Robin Williams.",
            "Opening line here.\nRobin Williams.",
            "Robin",
            0,
        ),
        (
            "Opening line here.\nThe mayor lied, according to the police report, about taxes.",
            "Opening line here.\nA boy was hurt, according to the police report, in the crash.",
            "according to the police report,",
            0,
        ),
        // Found again only in new text whose context agrees in commas and full stops, or in
        // a word or two: not the same sentence.
        (
            "Opening line here.\nI met the captain, Robin, at noon.\nMiddle paragraph stays.",
            "Opening line here.\nMiddle paragraph stays.\nHer brother, Robin, was late.",
            "Robin",
            0,
        ),
        (
            "Opening line here.\nRobin, the captain, left early.\nMiddle paragraph stays.",
            "Opening line here.\nMiddle paragraph stays.\nRobin, her brother, came back.",
            "Robin",
            0,
        ),
        (
            "Opening line here.\nThe mayor said no to the budget.\nMiddle paragraph stays.",
            "Opening line here.\nMiddle paragraph stays.\nAsked about parking, the mayor said no again.",
            "said",
            0,
        ),
        (
            "Opening line here.\nThe council met. Robin said no. The vote failed.\nMiddle paragraph stays.",
            "Opening line here.\nMiddle paragraph stays.\nAt the party. Robin said no. Everyone laughed.",
            "Robin said no",
            0,
        ),
        // Two near-identical paragraphs, one deleted and the other edited: the mark in the
        // deleted one must not take the edited one's words.
        (
            "Opening line here.\nOn Monday the board met, and Robin voted no.\nOn Tuesday the board met, and Robin voted no.\nClosing line.",
            "Opening line here.\nOn Monday the board convened, and Robin voted no.\nClosing line.",
            "Robin voted no",
            1,
        ),
        // The same tokens, but not the same text: a space inside a figure, an accent.
        (
            "Opening line here.\nOfficials counted 4,000 people.",
            "Opening line here.\nOfficials counted 4, 000 people.",
            "4,000",
            0,
        ),
        (
            "Opening line here.\nThe Cafe Robin opened.",
            "Opening line here.\nThe Cafe\u{301} Robin opened.",
            "Cafe",
            0,
        ),
    ];
    for (old_text, new_text, quote, occurrence) in cases {
        let case = Case {
            name: "recurring words",
            old: old_text.to_owned(),
            new: new_text.to_owned(),
            marks: Vec::new(),
        };
        let mut old = project_from_text("old.txt", &case.old);
        let (section, range) = occurrence_of(&old, quote, occurrence);
        let passage = Passage::from_section_text(&old.sections[section].text, range).unwrap();
        old.comments.push(Comment::new(
            old.sections[section].id.clone(),
            Some(passage),
            "Ana",
            Timestamp::UNIX_EPOCH,
        ));
        let revised = revise(
            &old,
            project_from_text("new.txt", &case.new),
            ReviseOptions::default(),
        );
        let state = revised.project.comments[0].carried.as_ref().unwrap().state;
        assert!(
            matches!(state, AnchorState::Fuzzy | AnchorState::Orphaned),
            "“{quote}” in {old_text:?} → {new_text:?}: {state:?}"
        );
    }
}

fn occurrence_of(project: &Project, quote: &str, n: usize) -> (usize, std::ops::Range<usize>) {
    occurrence(project, quote, n).unwrap()
}

#[test]
fn an_unconfirmed_fuzzy_mark_stays_fuzzy_and_keeps_its_first_passage() {
    let mut old = project_from_text(
        "d1.txt",
        "Intro line here.\nOfficials counted more than 4,000 detainees in March.",
    );
    let (section, range) = occurrence_of(&old, "more than 4,000 detainees", 0);
    let passage = Passage::from_section_text(&old.sections[section].text, range).unwrap();
    old.comments.push(Comment::new(
        old.sections[section].id.clone(),
        Some(passage),
        "Ana",
        Timestamp::UNIX_EPOCH,
    ));
    let second_text = "Intro line here.\nOfficials counted more than 4,200 detainees in March.";
    let second = revise(
        &old,
        project_from_text("d2.txt", second_text),
        ReviseOptions::default(),
    )
    .project;
    assert_eq!(
        second.comments[0].carried.as_ref().unwrap().state,
        AnchorState::Fuzzy
    );
    // The next draft leaves the sentence alone: nobody confirmed the place, so it stays fuzzy,
    // and still remembers the words the reviewer marked.
    let third = revise(
        &second,
        project_from_text("d3.txt", second_text),
        ReviseOptions::default(),
    )
    .project;
    let carried = third.comments[0].carried.as_ref().unwrap();
    assert_eq!(carried.state, AnchorState::Fuzzy);
    assert_eq!(carried.from_draft, 1);
    assert_eq!(
        carried.passage_before.as_ref().unwrap().quote,
        "more than 4,000 detainees"
    );
    assert_eq!(
        third.comments[0].passage.as_ref().unwrap().quote,
        "more than 4,200 detainees"
    );
}

#[test]
fn split_and_merged_sections_keep_the_id_under_their_heading_and_the_most_urgent_status() {
    let old = copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let id_of = |project: &Project, title: &str| {
        project
            .sections
            .iter()
            .find(|s| s.title() == title)
            .unwrap()
            .id
            .clone()
    };
    let sample = include_str!("../assets/sample-article.md");
    // "Why the East Side" (needs changes) merged into the opening (in review): the request for
    // changes still stands.
    let merged = revise(
        &old,
        project_from_text(
            "merged.md",
            &replaced(sample, "## Why the East Side\n\n", ""),
        ),
        ReviseOptions::default(),
    )
    .project;
    let opening = &merged.sections[0];
    assert_eq!(opening.id, id_of(&old, "Opening"));
    assert_eq!(opening.status, copydesk::model::ReviewStatus::NeedsChanges);
    assert_eq!(opening.revision.as_ref().unwrap().from.len(), 2);
    assert!(opening.revision.as_ref().unwrap().heading_before.is_none());
    // "Costs and Funding" split, its second (longer) part under a new heading: the part under
    // the old heading keeps the id, so its section comment stays there.
    let split = revise(
        &old,
        project_from_text(
            "split.md",
            &replaced(
                sample,
                "Critics argue that",
                "## The Critics\n\nCritics argue, at length and with many examples of other cities whose schemes failed, that",
            ),
        ),
        ReviseOptions::default(),
    )
    .project;
    assert_eq!(
        id_of(&split, "Costs and Funding"),
        id_of(&old, "Costs and Funding")
    );
    let critics = split
        .sections
        .iter()
        .find(|s| s.title() == "The Critics")
        .unwrap();
    assert!(critics.revision.as_ref().unwrap().heading_before.is_none());
    let section_comment = split.comments.iter().find(|c| c.passage.is_none()).unwrap();
    assert_eq!(
        split.section_title(&section_comment.section),
        "Costs and Funding"
    );
}
