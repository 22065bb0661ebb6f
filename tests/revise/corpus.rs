//! The anchoring corpus: revisions of the seed and the sample (text inserted before a mark,
//! edits inside it, the passage duplicated, rewrapping, typographic quotes, a paragraph moved,
//! sections renamed, split and merged, the passage deleted, the same words elsewhere, a
//! sentence rewritten), each mark with where a careful person would put it.

use crate::common::{line_moved, replaced, seed_article, seed_next_draft};

use super::{Case, Expect, Mark, Tally, mark, run};

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
    let sample = include_str!("../../assets/sample-article.md");
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
        total.add(&tally);
    }
    println!(
        "{:<60} {:>5} {:>5} {:>5} {:>8} {:>5}",
        "all", total.exact, total.moved, total.fuzzy, total.orphaned, total.wrong
    );
    println!(
        "marks whose words are unchanged and unique: {}, fuzzy: {}",
        total.unique_unchanged, total.unique_unchanged_fuzzy
    );
    assert_eq!(total.wrong, 0);
}
