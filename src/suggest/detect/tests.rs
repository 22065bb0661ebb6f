//! The detector's rules, family by family, on sentences written to show each one and its
//! exceptions.

use super::*;
use CheckKind::*;

fn kinds(sentence: &str) -> Vec<CheckKind> {
    Detector::default().assess(sentence).kinds()
}

fn reasons(sentence: &str) -> String {
    Detector::default().assess(sentence).reasons()
}

#[test]
fn figures_are_quoted_with_their_qualifiers_and_units() {
    assert_eq!(
        reasons("More than 4,000 detainees were moved."),
        "contains the figure ‘More than 4,000’; describes what was done: ‘were moved’"
    );
    assert!(reasons("The plan costs $1.2 billion a year.").contains("‘$1.2 billion’"));
    assert!(reasons("Turnout fell to 3.5 percent.").contains("‘3.5 percent’"));
    assert!(reasons("Nearly two dozen shops closed.").contains("figure"));
    assert_eq!(kinds("Unemployment could reach 7% next year."), [Figure]);
    // Numbers inside names are not figures.
    assert!(!kinds("COVID-19 changed how the G7 meets.").contains(&Figure));
}

#[test]
fn named_actors_dates_and_plain_descriptions_make_events() {
    assert!(reasons("Germany signed the accord.").contains("reports what ‘Germany’ did: ‘signed’"));
    assert!(reasons("Police arrested two men on Monday.").contains("dated event"));
    assert_eq!(kinds("Every applicant was interviewed in person."), [Event]);
    // Speculation, habits and interpretation are not events.
    assert!(kinds("The change could help families.").is_empty());
    assert!(kinds("The move reflected a growing partnership.").is_empty());
    assert!(kinds("Security forces collaborated safely and securely.").is_empty());
    assert!(kinds("Batteries generally lasted longer than expected.").is_empty());
}

#[test]
fn attributions_to_a_named_source_are_told_from_unnamed_ones() {
    assert!(
        reasons("Mayor Lisa Ortiz said the plan was fair.")
            .contains("attributes a statement to ‘Mayor Lisa Ortiz’")
    );
    assert!(reasons("Rates will rise, according to the CBO.").contains("‘the CBO’"));
    assert!(kinds("“We will act,” the ministry said.").contains(&Attribution));
    assert_eq!(
        kinds("Experts note that security remains a priority."),
        [UnnamedSource]
    );
    assert_eq!(
        kinds("Officials described the effort as a success."),
        [UnnamedSource]
    );
    assert_eq!(
        kinds("The plan, described by officials as essential, aimed to help."),
        [UnnamedSource]
    );
    // A figure stays checkable whoever gives it.
    assert_eq!(
        kinds("Officials said 300 homes were damaged."),
        [Figure, UnnamedSource]
    );
}

#[test]
fn appositions_single_evaluative_words_and_inner_generic_nouns_do_not_hide_facts() {
    assert_eq!(kinds("Smith, the club's captain, resigned."), [Event]);
    assert_eq!(kinds("A major fire destroyed the warehouse."), [Event]);
    assert_eq!(kinds("The key witness was arrested."), [Event]);
    assert!(
        kinds("The council, which some residents opposed, said the plan would go ahead.")
            .contains(&Attribution)
    );
}

#[test]
fn superlatives_rankings_and_measurable_comparisons() {
    assert!(
        reasons("It was one of the most extensive transfers in recent years.")
            .contains("‘one of the most extensive’")
    );
    assert!(kinds("It is the largest plant in Europe.").contains(&Comparison));
    assert!(kinds("Prices hit a record high.").contains(&Comparison));
    assert!(kinds("Rents are higher than in the capital.").contains(&Comparison));
    // Matters of taste are opinions, however superlative.
    assert!(kinds("He is the most exciting player the club has ever had.").is_empty());
    assert!(kinds("It was a better plan than the last one.").is_empty());
}

#[test]
fn concrete_causes_stated_as_fact() {
    assert!(
        reasons("The flooding forced the closure of the bridge.")
            .contains("states a cause as fact: ‘forced’")
    );
    assert!(kinds("The outage led to 40 cancelled flights.").contains(&Causal));
    // A general or hedged cause is background or speculation.
    assert!(!kinds("Smoking may lead to cancer.").contains(&Causal));
}

#[test]
fn promotional_and_boilerplate_lines() {
    for line in [
        "Do Follow Gulf Magazine on Instagram",
        "Read More:- Iraq Triumphs With Full Refining Capacity Boost Across New Plants 2026",
        "Subscribe to our newsletter for daily updates.",
        "Stay informed: Download the Daily app for alerts.",
        "© 2025 Dunmore Daily. All rights reserved.",
    ] {
        assert_eq!(kinds(line), [Promotional], "{line}");
    }
    // News that happens to start like a call to action is not a promotion.
    for news in [
        "Also on Tuesday, the council approved more than 300 new homes.",
        "Support for the measure fell to 41 percent, more than a year after the vote.",
        "Share prices fell 12% as investors sold more stock.",
        "Get ready: the city will close more roads.",
    ] {
        assert!(!kinds(news).contains(&Promotional), "{news}");
    }
    assert!(kinds("Share prices fell 12% as investors sold more stock.").contains(&Figure));
    // An imperative in a news sentence is not a promotion.
    assert!(
        !kinds("Read the report, the minister told lawmakers on Tuesday.").contains(&Promotional)
    );
}

#[test]
fn headlines_datelines_and_fragments_are_not_claims() {
    assert!(kinds("Iraq Triumphs With Full Refining Capacity Boost").is_empty());
    assert!(kinds("RIVERTON, Ore., Feb. 12").is_empty());
    assert!(kinds("Yes.").is_empty());
}

#[test]
fn proper_nouns_are_learned_from_the_document() {
    let text = [
        "Aid reached Karvia last week.",
        "Karvia has opened two camps.",
        "Security forces patrolled.",
    ];
    let detector = Detector::from_sentences(text);
    assert!(detector.proper_nouns.contains("karvia"));
    assert!(!detector.proper_nouns.contains("security"));
    assert!(
        detector
            .assess("Karvia opened a camp, and it cost nothing.")
            .reasons()
            .contains("‘Karvia’")
    );
}

#[test]
fn the_page_numbers_of_a_table_of_contents_are_not_figures() {
    // A line with leaders, alone or with the next ones read as one sentence.
    assert!(!kinds("How the city grew and changed over the years .......... 12").contains(&Figure));
    assert!(
        kinds(
            "Introduction .......... 1 How the city grew and changed .......... 12 Where the \
             money went when the council sold its land .......... 27"
        )
        .is_empty()
    );
    assert!(kinds("Chapter 3 what the residents said … 45 Chapter 4 the vote … 61").is_empty());
    // Headings each followed by their page, and a heading line ending in its page.
    assert!(
        kinds(
            "Introduction 1 How the city grew 12 Where the money went 27 What the residents said 45"
        )
        .is_empty()
    );
    assert!(!kinds("How the city grew and changed 17").contains(&Figure));
    // Figures in prose stay figures, also with a number ending the sentence.
    assert!(kinds("The council sold 4,000 homes in 2019.").contains(&Figure));
    assert!(kinds("In 2019 Paris had 4 stations and 12 bikes.").contains(&Figure));
    assert!(kinds("The number of stations rose to 45").contains(&Figure));
    assert!(kinds("Arsenal beat Chelsea 2 1 on Sunday").contains(&Figure));
    assert!(
        kinds("The fund paid out 300 in March, 450 in April and 600 in May.").contains(&Figure)
    );
}

#[test]
fn attribution_reaches_beyond_said_and_past_the_quotation() {
    assert!(
        reasons("“The bridge is unsafe,” says engineer Tomás Reyes.")
            .contains("attributes a statement to ‘Tomás Reyes’")
    );
    assert!(reasons("Councillor Ama Adebayo condemned the closure.").contains("attributes"));
    assert!(
        reasons("On Monday, Pentagon officials said the drills ended early.")
            .contains("attributes a statement to ‘Pentagon officials’")
    );
    // A nationality names nobody; the content after "said that" is not its source.
    assert!(kinds("Norwegian officials said the talks were promising.").contains(&UnnamedSource));
    assert!(!reasons("They said that Portugal had a long way to go.").contains("attributes"));
    assert!(!reasons("Let us say what the Hartwell plan is not.").contains("attributes"));
    assert!(!reasons("Analysts say the company faces a crowded market.").contains("attributes"));
}

#[test]
fn plans_and_schedules_with_an_actor_or_a_day_are_events() {
    assert!(
        reasons("Harlow Water will replace the pipes on Elm Street.")
            .contains("says what ‘Harlow Water’ will do: ‘will replace’")
    );
    assert!(
        reasons("The central bank is expected to raise rates on Wednesday.")
            .contains("scheduled event: ‘expected to raise’ on Wednesday")
    );
    assert!(reasons("The minister plans to visit Lagos later this month.").contains("scheduled"));
    // Guesses, intents and futures with nobody in particular are not.
    assert!(kinds("Prices will probably rise in Lagos.").is_empty());
    assert!(kinds("The change could come as early as this month.").is_empty());
    assert!(kinds("The world will watch as leaders in Oslo meet.").is_empty());
    assert!(kinds("The coalition will seek a compromise with Berlin.").is_empty());
    assert!(kinds("Then there will be a merger of the two businesses.").is_empty());
    // "I" is no name: a speaker's own belief about the future is no plan of anyone's.
    assert!(kinds("I don't believe it will happen.").is_empty());
    assert!(kinds("But I will not stand for it.").is_empty());
}

#[test]
fn an_unnamed_source_with_its_day_reports_an_event() {
    assert!(kinds("Officials said Tuesday that the mayor had resigned.").contains(&Event));
    assert_eq!(
        kinds("Officials said the mayor had shown real leadership."),
        [UnnamedSource]
    );
}

#[test]
fn credit_lines_and_a_partys_silence_are_boilerplate() {
    assert!(kinds("Mara Quist and Ilya Dorn contributed.").is_empty());
    assert!(
        kinds("Transport Writer Ben Oyelaran in Leeds, England, contributed to this report.")
            .is_empty()
    );
    assert!(kinds("Lena Park reported from Busan, and Omar Haddad from Cairo.").is_empty());
    assert!(kinds("The ministry did not respond to a request for comment.").is_empty());
    assert!(kinds("Hartwell Ltd declined to comment.").is_empty());
    // A contribution that is news stays news.
    assert!(kinds("Volunteers contributed 400 hours to the clinic.").contains(&Figure));
}

#[test]
fn background_without_a_date_is_not_an_event() {
    assert!(
        kinds("In the past, ministers who crossed the party tended to lose their seats.")
            .is_empty()
    );
    assert!(kinds("Relations historically warmed after elections.").is_empty());
    assert!(kinds("In the past year, Denholm closed its clinics.").contains(&Event));
}

#[test]
fn numbers_that_point_back_are_not_figures_and_spelled_measures_are() {
    assert!(!kinds("Talks between the two sides stalled.").contains(&Figure));
    assert!(reasons("The order has a six-month review period.").contains("figure ‘six-month’"));
    assert!(!reasons("After Tuesday’s vote, the council adjourned.").contains("‘Tuesday’s’ did"));
}

#[test]
fn a_systems_present_behaviour_can_be_a_cause() {
    assert!(kinds("The malformed packet causes heavy memory use.").contains(&Causal));
    assert!(!kinds("The root causes of the outage are unclear.").contains(&Causal));
}

#[test]
fn arabic_hebrew_and_persian_figures_and_dates_are_found_in_their_own_digits() {
    assert_eq!(
        reasons("قالت الوزارة إن عدد الطلاب بلغ ١٢٬٥٠٠ طالب هذا العام."),
        "contains the figure ‘١٢٬٥٠٠’"
    );
    assert_eq!(
        reasons("ارتفع سعر الخبز بنسبة ٧٫٥٪ خلال شهر واحد."),
        "contains the figure ‘٧٫٥٪’"
    );
    assert_eq!(
        reasons("עיריית חיפה פתחה את הגשר החדש ב-14/05/2023 בטקס קצר."),
        "gives the date ‘14/05/2023’"
    );
    assert_eq!(
        reasons("شهرداری تهران در سال ۱۴۰۱ دو پل تازه ساخت."),
        "gives the year ‘سال ۱۴۰۱’"
    );
    for sentence in [
        "قالت الوزارة إن عدد الطلاب بلغ ١٢٬٥٠٠ طالب هذا العام.",
        "עיריית חיפה פתחה את הגשר החדש ב-14/05/2023 בטקס קצר.",
    ] {
        assert_eq!(kinds(sentence), [Figure], "{sentence}");
    }
}

#[test]
fn english_only_kinds_do_not_fire_on_text_that_is_not_english() {
    // Nothing to check: no figure, no date.
    assert!(kinds("الطقس جميل في المدينة والناس سعداء.").is_empty());
    assert!(kinds("הרחוב שקט והחנויות פתוחות כרגיל.").is_empty());
    // A Latin "said" or "according to" inside a Hebrew or Arabic sentence is no source…
    assert!(kinds("לדברי הדובר, the minister said שהמצב יציב ורגוע.").is_empty());
    assert!(kinds("according to المتحدث الرسمي فإن الوضع مستقر تماما.").is_empty());
    // … nor a Latin superlative, a promotion or a past tense an event.
    assert!(kinds("המסעדה היא the best in town לפי המבקרים.").is_empty());
    // The same words in an English sentence are read as ever.
    assert_eq!(
        kinds("The minister said the situation was stable."),
        [Attribution]
    );
    // French: a figure, and none of the English kinds its "a annoncé" might look like.
    assert_eq!(
        kinds(
            "Le ministre de l'Économie a annoncé mardi une baisse des impôts de 2 milliards \
             d'euros pour les ménages."
        ),
        [Figure]
    );
}
