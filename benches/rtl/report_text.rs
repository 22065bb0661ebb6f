//! The right-to-left documents the `rtl` group measures, generated at run time from a
//! vocabulary of our own (no third-party text): a long Arabic report shaped like a Word
//! report (89 headings, long paragraphs) and one long section without headings.
//!
//! Deterministic (a seeded order), and mixed as Arabic news copy is: Western figures
//! (4,000, 2026, 12.5%) and Arabic-Indic ones (٢٠٢٦، ١٢٫٥)، Latin names, parentheses, and now
//! and then a Hebrew quotation, so the layout meets every kind of run UAX #9 orders.

use std::fmt::Write as _;

/// The report's words, and how many headings it has (its sections, after an opening one).
pub const REPORT_WORDS: usize = 36_000;
pub const REPORT_HEADINGS: usize = 89;
/// The single long section.
pub const SECTION_WORDS: usize = 8_000;

/// Plain words of news copy: people, places, institutions, verbs of reporting, connectives
/// (one string, split at spaces).
const WORDS: &str = "
    قال المجلس الوزارة الحكومة المدينة التقرير المياه الميزانية
    السكان المشروع الطريق المحكمة القرار اللجنة العام الماضي الجديد
    في من إلى على عن مع بعد قبل خلال حتى أن هذا هذه التي الذي كان
    كانت يوم الأحد الاثنين مليون دولار نسبة ارتفاع انخفاض أسعار الخبز
    المدارس المستشفى الأطباء المعلمين العمال الميناء السفن الجفاف
    الأمطار الحرارة الصيف الشتاء المزارعين القمح الأسواق البلدية
    الرئيس الوزير المتحدث الرسمي البيانات الأرقام الدراسة الباحثون
    الجامعة الطلاب السكن الإيجار الكهرباء الشبكة النقل الحافلات
    القطار المحطة الشارع الحي السوق الشركة الموظفين الرواتب الضرائب
    الاستثمار البنك القرض الآبار السد النهر الوادي التحقيق الشهود
    الجلسة القاضي المحامي الحكم الاستئناف التصويت النواب البرلمان
    القانون التعديل المعارضة الأغلبية وأضاف وأكد وأشار مصادر محلية
    رسمية جديدة كبيرة صغيرة واسعة سريعة أكثر أقل حوالي نحو أيضا
";

/// Figures as drafts write them: Western digits and Arabic-Indic ones.
const FIGURES: [&str; 12] = [
    "4,000",
    "2026",
    "12.5%",
    "350",
    "1.2",
    "٢٠٢٦",
    "١٢٫٥",
    "٤٬٠٠٠",
    "٣٥٠",
    "٧٥٪",
    "18",
    "٩",
];

/// Latin names inside Arabic sentences: people, agencies, a report's code.
const LATIN_NAMES: [&str; 6] = [
    "Maria Lopez",
    "UNICEF",
    "Reuters",
    "Water Board",
    "Daniel Brandt",
    "WHO-2026",
];

/// Hebrew quotations (our own sentences: "the committee published the report today", "the
/// water prices rose again", "the hearing was postponed to next week").
const HEBREW_QUOTES: [&str; 3] = [
    "הוועדה פרסמה את הדוח היום",
    "מחירי המים עלו שוב",
    "הדיון נדחה לשבוע הבא",
];

const TOPICS: [&str; 12] = [
    "ميزانية المدينة",
    "حقوق المياه",
    "موسم الجفاف",
    "داخل المحكمة",
    "النقل في الإقليم",
    "ما تقوله الأرقام",
    "أصوات من الوادي",
    "الحرارة والمدينة",
    "بعد التصويت",
    "الميناء والسفن",
    "المدارس والمعلمون",
    "أسعار الخبز",
];

/// The long report as Markdown: a title, an opening section, then [`REPORT_HEADINGS`] headed
/// sections of long paragraphs, [`REPORT_WORDS`] words in all (or a sentence more).
pub fn long_report() -> String {
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut text = "# تقرير المياه والمدينة\n\n".to_owned();
    let sections = REPORT_HEADINGS + 1;
    let mut words = 0;
    for index in 0..sections {
        if index > 0 {
            let topic = TOPICS[index % TOPICS.len()];
            let _ = writeln!(text, "## {index}. {topic}\n");
        }
        while words < (index + 1) * REPORT_WORDS / sections {
            words += paragraph(&mut rng, &mut text);
        }
    }
    text
}

/// One section of [`SECTION_WORDS`] words, long paragraphs, no heading.
pub fn long_section() -> String {
    let mut rng = fastrand::Rng::with_seed(8000);
    let mut text = String::new();
    let mut words = 0;
    while words < SECTION_WORDS {
        words += paragraph(&mut rng, &mut text);
    }
    text
}

/// Appends a paragraph of 5 to 9 sentences and a blank line; returns its words.
fn paragraph(rng: &mut fastrand::Rng, text: &mut String) -> usize {
    let mut sentences = Vec::new();
    for _ in 0..rng.usize(5..=9) {
        sentences.push(sentence(rng));
    }
    let paragraph = sentences.join(" ");
    let _ = writeln!(text, "{paragraph}\n");
    paragraph.split_whitespace().count()
}

/// A sentence of 10 to 24 words: plain words, a figure in most, now and then a Latin name, a
/// parenthesis or a Hebrew quotation; it ends with a full stop or an Arabic question mark.
fn sentence(rng: &mut fastrand::Rng) -> String {
    let vocabulary: Vec<&str> = WORDS.split_whitespace().collect();
    let mut words: Vec<String> = (0..rng.usize(10..=24))
        .map(|_| vocabulary[rng.usize(..vocabulary.len())].to_owned())
        .collect();
    if rng.u8(..10) < 7 {
        let place = rng.usize(1..words.len());
        words.insert(place, FIGURES[rng.usize(..FIGURES.len())].to_owned());
    }
    if rng.u8(..10) < 2 {
        let place = rng.usize(1..words.len());
        words.insert(
            place,
            LATIN_NAMES[rng.usize(..LATIN_NAMES.len())].to_owned(),
        );
    }
    if rng.u8(..10) < 2 {
        let place = rng.usize(..words.len() - 1);
        words[place] = format!("({}", words[place]);
        words[place + 1] = format!("{})", words[place + 1]);
    }
    if rng.u8(..40) == 0 {
        let quote = HEBREW_QUOTES[rng.usize(..HEBREW_QUOTES.len())];
        words.push(format!("وقالت: «{quote}»"));
    }
    let end = if rng.u8(..10) == 0 { "؟" } else { "." };
    format!("{}{end}", words.join(" "))
}
