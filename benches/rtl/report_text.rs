//! The right-to-left documents the `rtl` group measures, generated at run time from a
//! vocabulary of our own (no third-party text): a long Arabic report shaped like a Word
//! report (89 headings, long paragraphs) and one long section without headings.
//!
//! Deterministic (a seeded order), and mixed as Arabic news copy is: Western figures
//! (4,000, 2026, 12.5%) and Arabic-Indic ones (٢٠٢٦، ١٢٫٥)، Latin names, parentheses, and now
//! and then a Hebrew quotation, so the layout meets every kind of run UAX #9 orders. The same
//! shapes in English ([`ENGLISH`]) are the control: what length costs, apart from direction.

use std::fmt::Write as _;

/// The report's words, and how many headings it has (its sections, after an opening one).
pub const REPORT_WORDS: usize = 36_000;
pub const REPORT_HEADINGS: usize = 89;
/// The single long section.
pub const SECTION_WORDS: usize = 8_000;

/// A document's language: its words, figures, names, quotations and headings.
pub struct Language {
    pub name: &'static str,
    title: &'static str,
    /// One string, split at spaces.
    words: &'static str,
    figures: &'static [&'static str],
    names: &'static [&'static str],
    /// Quotations in another script, brought in by `quote_intro` (`{}` is the quotation).
    quotes: &'static [&'static str],
    quote_intro: &'static str,
    topics: &'static [&'static str],
    question_mark: &'static str,
    /// A comment on a passage, and what is typed into one key by key.
    pub comment: &'static str,
    pub typed: &'static str,
}

pub const ARABIC: Language = Language {
    name: "Arabic",
    title: "تقرير المياه والمدينة",
    words: ARABIC_WORDS,
    figures: &ARABIC_FIGURES,
    names: &LATIN_NAMES,
    quotes: &HEBREW_QUOTES,
    quote_intro: "وقالت: «{}»",
    topics: &ARABIC_TOPICS,
    question_mark: "؟",
    // "Where does this figure come from?", "... Please name the source."
    comment: "من أين جاء هذا الرقم؟",
    typed: "من أين جاء هذا الرقم؟ يرجى ذكر المصدر.",
};

/// The control document: the same shapes, in English, left to right.
pub const ENGLISH: Language = Language {
    name: "English (control)",
    title: "The water and the city",
    words: ENGLISH_WORDS,
    figures: &["4,000", "2026", "12.5%", "350", "1.2", "18", "9", "75%"],
    names: &LATIN_NAMES,
    quotes: &[],
    quote_intro: "",
    topics: &[
        "The city budget",
        "Water rights",
        "A season of drought",
        "Inside the court",
        "Transport in the region",
        "What the figures say",
        "Voices from the valley",
        "Heat and the city",
        "After the vote",
        "The port and its ships",
        "Schools and teachers",
        "The price of bread",
    ],
    question_mark: "?",
    comment: "Where does this figure come from?",
    typed: "Where does this figure come from? Name the source.",
};

const ENGLISH_WORDS: &str = "
    said the council ministry government city report water budget residents project road
    court decision committee year last new in from to on about with after before during
    until that this these which who was were day Sunday Monday million dollars share rise
    fall prices bread schools hospital doctors teachers workers port ships drought rain
    heat summer winter farmers wheat markets municipality president minister spokesman
    official data figures study researchers university students housing rent electricity
    network transport buses train station street district market company employees wages
    taxes investment bank loan wells dam river valley inquiry witnesses hearing judge
    lawyer ruling appeal vote deputies parliament law amendment opposition majority added
    stressed noted sources local formal large small wide fast more less about around also
";

/// Plain words of news copy: people, places, institutions, verbs of reporting, connectives
/// (one string, split at spaces).
const ARABIC_WORDS: &str = "
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
const ARABIC_FIGURES: [&str; 12] = [
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

const ARABIC_TOPICS: [&str; 12] = [
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
pub fn long_report(language: &Language) -> String {
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut text = format!("# {}\n\n", language.title);
    let sections = REPORT_HEADINGS + 1;
    let mut words = 0;
    for index in 0..sections {
        if index > 0 {
            let topic = language.topics[index % language.topics.len()];
            let _ = writeln!(text, "## {index}. {topic}\n");
        }
        while words < (index + 1) * REPORT_WORDS / sections {
            words += paragraph(language, &mut rng, &mut text);
        }
    }
    text
}

/// One section of [`SECTION_WORDS`] words, long paragraphs, no heading.
pub fn long_section(language: &Language) -> String {
    let mut rng = fastrand::Rng::with_seed(8000);
    let mut text = String::new();
    let mut words = 0;
    while words < SECTION_WORDS {
        words += paragraph(language, &mut rng, &mut text);
    }
    text
}

/// Appends a paragraph of 5 to 9 sentences and a blank line; returns its words.
fn paragraph(language: &Language, rng: &mut fastrand::Rng, text: &mut String) -> usize {
    let mut sentences = Vec::new();
    for _ in 0..rng.usize(5..=9) {
        sentences.push(sentence(language, rng));
    }
    let paragraph = sentences.join(" ");
    let _ = writeln!(text, "{paragraph}\n");
    paragraph.split_whitespace().count()
}

/// A sentence of 10 to 24 words: plain words, a figure in most, now and then a Latin name, a
/// parenthesis or a quotation in another script; it ends with a full stop or a question mark.
fn sentence(language: &Language, rng: &mut fastrand::Rng) -> String {
    let vocabulary: Vec<&str> = language.words.split_whitespace().collect();
    let pick = |rng: &mut fastrand::Rng, from: &[&str]| from[rng.usize(..from.len())].to_owned();
    let mut words: Vec<String> = (0..rng.usize(10..=24))
        .map(|_| pick(rng, &vocabulary))
        .collect();
    if rng.u8(..10) < 7 {
        let place = rng.usize(1..words.len());
        words.insert(place, pick(rng, language.figures));
    }
    if rng.u8(..10) < 2 {
        let place = rng.usize(1..words.len());
        words.insert(place, pick(rng, language.names));
    }
    if rng.u8(..10) < 2 {
        let place = rng.usize(..words.len() - 1);
        words[place] = format!("({}", words[place]);
        words[place + 1] = format!("{})", words[place + 1]);
    }
    if rng.u8(..40) == 0 && !language.quotes.is_empty() {
        let quote = pick(rng, language.quotes);
        words.push(language.quote_intro.replace("{}", &quote));
    }
    let end = if rng.u8(..10) == 0 {
        language.question_mark
    } else {
        "."
    };
    format!("{}{end}", words.join(" "))
}
