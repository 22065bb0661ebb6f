//! An Arabic article through the suggestion pass, as the desk and the command line run it:
//! figures and dates in Arabic-Indic digits are suggested, quoted in those digits; nothing
//! English-only (a Latin superlative, "according to") is. The article is written for this test.

use copydesk::import::import_file;
use copydesk::model::CheckKind;
use copydesk::suggest::{assessed_sentences, detect_in_project};
use jiff::Timestamp;

use crate::common::{temp_dir, write};

/// A short news story: a bridge opened, its cost, its traffic, when it was built; a question,
/// a Latin superlative quoted inside an Arabic sentence, and a line with nothing to check.
const ARTICLE: &str = "جسر جديد فوق النهر

افتتحت بلدية المدينة يوم الثلاثاء جسراً جديداً فوق النهر بتكلفة ٤٥ مليون دينار. وقال رئيس البلدية إن الجسر سيخدم أكثر من ٢٠٬٠٠٠ سيارة يومياً.
بدأ العمل في المشروع عام ٢٠٢١ وانتهى في ١٥/٣/٢٠٢٤. هل سيخفف الجسر الزحام؟ ووصف التقرير الجسر بأنه \"the safest\" في البلاد، according to المهندسين.
الطقس كان جميلاً والناس سعداء بالافتتاح.
";

#[test]
fn an_arabic_article_gets_its_figures_and_dates_and_no_english_only_kinds() {
    let folder = temp_dir();
    let path = folder.path().join("bridge.txt");
    write(&path, ARTICLE);
    let project = import_file(&path, Timestamp::UNIX_EPOCH).unwrap();

    // Every sentence was split where Arabic ends one ("." and "؟", not "،").
    let sentences: Vec<&str> = assessed_sentences(&project)
        .into_iter()
        .map(|(_, _, sentence, _)| sentence)
        .collect();
    assert!(
        sentences.contains(&"هل سيخفف الجسر الزحام؟"),
        "{sentences:#?}"
    );
    assert!(
        sentences
            .contains(&"ووصف التقرير الجسر بأنه \"the safest\" في البلاد، according to المهندسين."),
        "{sentences:#?}"
    );

    let found: Vec<(String, Vec<CheckKind>, String)> = detect_in_project(&project)
        .into_iter()
        .map(|suggestion| {
            (
                suggestion.sentence.clone(),
                suggestion.kinds(),
                suggestion.reasons(),
            )
        })
        .collect();
    let expected = [
        (
            "افتتحت بلدية المدينة يوم الثلاثاء جسراً جديداً فوق النهر بتكلفة ٤٥ مليون دينار.",
            "contains the figure ‘٤٥ مليون’",
        ),
        (
            "وقال رئيس البلدية إن الجسر سيخدم أكثر من ٢٠٬٠٠٠ سيارة يومياً.",
            "contains the figure ‘٢٠٬٠٠٠’",
        ),
        (
            "بدأ العمل في المشروع عام ٢٠٢١ وانتهى في ١٥/٣/٢٠٢٤.",
            "gives the year ‘عام ٢٠٢١’",
        ),
    ]
    .map(|(sentence, reason)| {
        (
            sentence.to_owned(),
            vec![CheckKind::Figure],
            reason.to_owned(),
        )
    });
    assert_eq!(found, expected);
}
