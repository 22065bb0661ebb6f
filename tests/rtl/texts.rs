//! The right-to-left test articles, written for copydesk's tests (short, plain news-like
//! sentences; no third-party text): one in Arabic, one in Hebrew, and a mixed one — Arabic with
//! Western and Arabic-Indic digits, a Latin name, parentheses and dates. Each has an English
//! paragraph a web page marks `dir="ltr"`, and the Arabic ones a right-to-left paragraph that
//! opens with a Latin word ("CNN …"), whose direction only Word's `w:bidi` or HTML's `dir` can
//! tell. The files in `tests/data/rtl/` are written from these (`files`).

use copydesk::bidi::Direction::{self, LeftToRight, RightToLeft};

/// A paragraph and the direction its Word and web-page files give it.
pub struct Paragraph {
    pub text: &'static str,
    pub source: Direction,
}

pub struct Section {
    pub heading: Option<&'static str>,
    pub paragraphs: &'static [Paragraph],
}

/// Where the web page says it reads right to left.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PageDir {
    /// `<html dir="rtl">`
    Root,
    /// `<body dir="rtl">`
    Body,
    /// `dir="rtl"` on each heading and paragraph.
    EachBlock,
}

pub struct Article {
    /// The files' stem in `tests/data/rtl/`.
    pub name: &'static str,
    pub language: &'static str,
    pub title: &'static str,
    pub sections: &'static [Section],
    pub page_dir: PageDir,
}

const fn rtl(text: &'static str) -> Paragraph {
    Paragraph {
        text,
        source: RightToLeft,
    }
}

const fn ltr(text: &'static str) -> Paragraph {
    Paragraph {
        text,
        source: LeftToRight,
    }
}

pub const ARABIC: Article = Article {
    name: "arabic",
    language: "ar",
    title: "طريق جديد على ساحل المدينة",
    page_dir: PageDir::Root,
    sections: &[
        Section {
            heading: None,
            paragraphs: &[rtl(
                "أعلنت البلدية يوم الاثنين أن العمل على الطريق الساحلي سينتهي قبل نهاية الصيف. وقال رئيس البلدية إن الطريق سيخفف الزحام في وسط المدينة.",
            )],
        },
        Section {
            heading: Some("التكلفة والتمويل"),
            paragraphs: &[
                rtl(
                    "بلغت تكلفة المشروع أكثر من أربعة ملايين دينار، دفعت الحكومة نصفها. وأضاف المسؤولون أن العمال سيعملون ليلا لتقليل الإزعاج.",
                ),
                rtl(
                    "CNN نقلت عن أحد المهندسين أن الجسر الجديد سيكون جاهزا في الخريف، وأن الاختبارات بدأت هذا الأسبوع.",
                ),
            ],
        },
        Section {
            heading: Some("آراء السكان"),
            paragraphs: &[
                rtl(
                    "قال بعض السكان إنهم سعداء بالمشروع، لكنهم يخشون ارتفاع أسعار المواقف قرب البحر.",
                ),
                ltr("The council published an English summary of the plan on its website."),
            ],
        },
    ],
};

pub const HEBREW: Article = Article {
    name: "hebrew",
    language: "he",
    title: "הרכבת החדשה לצפון",
    page_dir: PageDir::Body,
    sections: &[
        Section {
            heading: None,
            paragraphs: &[rtl(
                "משרד התחבורה הודיע ביום שלישי כי הקו החדש ייפתח בחודש הבא. לדברי המשרד, הנסיעה תתקצר בכחצי שעה.",
            )],
        },
        Section {
            heading: Some("לוח הזמנים"),
            paragraphs: &[
                rtl(
                    "הרכבות ייצאו כל עשרים דקות בשעות העומס. בסופי שבוע יפעל הקו בתדירות נמוכה יותר.",
                ),
                rtl("נוסעים רבים אמרו כי הם מחכים לקו הזה כבר שנים."),
            ],
        },
        Section {
            heading: Some("המחיר"),
            paragraphs: &[
                rtl("מחיר הנסיעה יהיה זהה למחיר הנסיעה באוטובוס, כך נמסר מהמשרד."),
                ltr("The ministry also published the timetable in English."),
            ],
        },
    ],
};

pub const MIXED: Article = Article {
    name: "mixed",
    language: "ar",
    title: "ميزانية عام 2024 في البرلمان",
    page_dir: PageDir::EachBlock,
    sections: &[
        Section {
            heading: None,
            paragraphs: &[rtl(
                "أقر البرلمان يوم ١٥ مارس ٢٠٢٤ ميزانية قدرها 4,200 مليون دينار (بزيادة ١٢٪ عن العام الماضي).",
            )],
        },
        Section {
            heading: Some("المستشفيات"),
            paragraphs: &[
                rtl(
                    "قالت وزيرة الصحة Maria Lopez إن الميزانية ستمول بناء ٣ مستشفيات جديدة (في الشمال والجنوب).",
                ),
                rtl("Reuters ذكرت أن العمل سيبدأ في 01/09/2024 ويستمر عامين."),
            ],
        },
        Section {
            heading: Some("التعليم (المدارس والجامعات)"),
            paragraphs: &[
                rtl("ستحصل المدارس على 350 مليون دينار، أي نحو ٨ في المئة من المجموع."),
                ltr("The finance ministry (in Amman) publishes the full tables in English."),
            ],
        },
    ],
};

pub const ARTICLES: [&Article; 3] = [&ARABIC, &HEBREW, &MIXED];

impl Article {
    /// Every word of the article — title, headings, paragraphs — sorted.
    pub fn words(&self) -> Vec<String> {
        let mut words: Vec<String> = self
            .lines()
            .iter()
            .flat_map(|line| line.split_whitespace())
            .map(str::to_owned)
            .collect();
        words.sort();
        words
    }

    /// The title, then each heading and paragraph, in reading order.
    pub fn lines(&self) -> Vec<&'static str> {
        let mut lines = vec![self.title];
        for section in self.sections {
            lines.extend(section.heading);
            lines.extend(section.paragraphs.iter().map(|p| p.text));
        }
        lines
    }
}
