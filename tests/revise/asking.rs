//! Re-anchoring that asks only when it must (issue 22): unchanged words found once are
//! placed, small edits inside short marks come out fuzzy on the new words, a guess far from
//! the mark or without its distinctive words is no guess, and fuzzy passages are cut to words
//! and to the old passage's extent. The texts are our own, made to show each case.

use super::{Case, Expect, Tally, mark, run_as};

fn case(name: &'static str, old: &str, new: &str, marks: Vec<super::Mark>) -> Case {
    Case {
        name,
        old: old.to_owned(),
        new: new.to_owned(),
        marks,
    }
}

#[test]
fn unchanged_words_found_once_in_the_paired_paragraph_are_placed_not_asked_about() {
    let old = "# Harbour Plans\n\n\
        The harbour board met on Tuesday to discuss the new ferry terminal. According to minutes seen by this paper, the engineer Tomasz Wielgus warned that the pier would need repairs before any ferry could dock.\n\n\
        Residents have complained for months about noise from the building site on Quay Street.\n\n\
        ## The Money\n\n\
        The board has set aside £2.4 million for the work, most of it from a regional grant that expires next year.\n";
    let new = "# Harbour Plans\n\n\
        The harbour board met on Tuesday to discuss the new ferry terminal. At that meeting, minutes show, Tomasz Wielgus told the board that the pier would need repairs before any ferry could dock.\n\n\
        Residents have complained for months about noise from the building site on Quay Street, which opened in May.\n\n\
        ## The Money\n\n\
        Most of the £2.4 million the board has set aside for the work comes from a regional grant that expires next year.\n";
    let tally = run_as(
        &case(
            "unchanged, unique words in a reworded sentence",
            old,
            new,
            vec![
                mark("Tomasz Wielgus", Expect::Exact(0)),
                mark("Quay Street", Expect::Exact(0)),
                mark("£2.4 million", Expect::Exact(0)),
                mark("regional grant", Expect::Exact(0)),
            ],
        ),
        "md",
    );
    println!("{tally:?}");
    assert_eq!(tally.wrong, 0);
    assert_eq!(tally.unique_unchanged, 4);
    assert_eq!(tally.unique_unchanged_fuzzy, 0);
}

#[test]
fn unchanged_words_that_now_occur_twice_are_still_asked_about() {
    let old = "# Harbour Plans\n\n\
        According to minutes seen by this paper, the engineer Tomasz Wielgus warned that the pier would need repairs before any ferry could dock.\n\n\
        Residents have complained for months about noise from the building site.\n";
    let new = "# Harbour Plans\n\n\
        At that meeting, minutes show, Tomasz Wielgus told the board that the pier would need repairs before any ferry could dock.\n\n\
        Residents have complained for months about noise from the building site. Tomasz Wielgus said the work would end soon.\n";
    let tally = run_as(
        &case(
            "unchanged words, found twice",
            old,
            new,
            vec![mark("Tomasz Wielgus", Expect::Fuzzy("Tomasz Wielgus", 0))],
        ),
        "md",
    );
    assert_eq!(tally.wrong, 0);
}

#[test]
fn small_edits_inside_short_marks_come_out_fuzzy_on_the_new_words() {
    let old = "# Mills\n\n\
        Trade on the river collapsed. In the late 1800s the mills closed one by one.\n\n\
        Ferry fares have risen by a third starting in December 2015, the operator said.\n\n\
        In a letter to residents, the mayor promised a new footbridge by spring.\n\n\
        The auditors rejected the hospital's accounts in March.\n";
    let new = "# Mills\n\n\
        Trade on the river collapsed, and in the late 1800s the mills closed one by one.\n\n\
        Since December 2015 ferry fares have risen by a third, the operator said.\n\n\
        The mayor promised a new footbridge by spring in a letter to residents.\n\n\
        The hospital's accounts were rejected by the auditors in March.\n";
    let tally = run_as(
        &case(
            "a capital dropped, a preposition swapped, a clause moved, active to passive",
            old,
            new,
            vec![
                mark("In the late 1800s", Expect::Fuzzy("in the late 1800s", 0)),
                mark(
                    "starting in December 2015",
                    Expect::Fuzzy("Since December 2015", 0),
                ),
                mark(
                    "In a letter to residents",
                    Expect::Fuzzy("in a letter to residents", 0),
                ),
                mark(
                    "The auditors rejected the hospital's accounts",
                    Expect::Fuzzy("The hospital's accounts were rejected by the auditors", 0),
                ),
            ],
        ),
        "md",
    );
    println!("{tally:?}");
    assert_eq!(tally.wrong, 0);
}

#[test]
fn deleted_words_are_not_guessed_in_another_section_nor_without_their_distinctive_words() {
    let old = "# Budget\n\n\
        The plan drafted by Ines Carvalho would cut the ferry subsidy by half. Councillors will vote on it in June.\n\n\
        “We will not wait,” says Ines Carvalho, who chairs the finance committee.\n\n\
        # Schools\n\n\
        Two primary schools will share a head teacher from September.\n";
    let new = "# Budget\n\n\
        The plan would cut the ferry subsidy by half. Councillors will vote on it in June.\n\n\
        “We will not wait,” says the committee's chair.\n\n\
        # Schools\n\n\
        Two primary schools will share a head teacher from September. Ines Carvalho, a parent, welcomed the change.\n";
    let tally = run_as(
        &case(
            "the marked words deleted",
            old,
            new,
            vec![
                mark("Ines Carvalho", Expect::Orphaned),
                mark("says Ines Carvalho", Expect::Orphaned),
            ],
        ),
        "md",
    );
    println!("{tally:?}");
    assert_eq!(tally.wrong, 0);
}

#[test]
fn a_fuzzy_passage_is_cut_to_words_and_to_the_old_passage() {
    let old = "# Pool\n\n\
        The council voted to close the pool on Fridays.\n\n\
        Swimmers may use the lido on Sundays only, the council said.\n";
    let new = "# Pool\n\n\
        The council, after a long debate, agreed to shut the pool on Fridays.\n\n\
        Swimmers may use the lido on weekends, from May onwards, the council said.\n";
    let tally: Tally = run_as(
        &case(
            "a fuzzy passage trimmed",
            old,
            new,
            vec![
                mark(
                    "voted to close the pool",
                    Expect::Fuzzy("agreed to shut the pool", 0),
                ),
                mark(
                    "the lido on Sundays",
                    Expect::Fuzzy("the lido on weekends", 0),
                ),
            ],
        ),
        "md",
    );
    println!("{tally:?}");
    assert_eq!(tally.wrong, 0);
}
