//! Figures and dates in digits: the signs that read the same in any language, and all the
//! detector looks for in a sentence that is not English (see `suggest::language`).
//!
//! Digits are Western (0–9), Arabic-Indic (٠–٩, Arabic) or Extended Arabic-Indic (۰–۹,
//! Persian and Urdu), grouped by "," "." or the Arabic separators "٬" (thousands) and "٫"
//! (decimal), with a currency sign before or a percent sign ("%", "٪") after. A number joined
//! to Latin letters is a code or a name ("G7", "COVID-19"), not a figure; joined to an Arabic or
//! Hebrew letter it is a figure with a preposition ("ב-2024", "ب٥٠٠"). The reason quotes the
//! figure as written, in the text's own digits.

use super::Signal;
use crate::model::CheckKind;

/// Words before a year that name it as one: Arabic "عام", "سنة" (year), "منذ" (since), "في"
/// (in); Hebrew "שנת", "בשנת" (in the year), "משנת" (since the year); Persian "سال" (year),
/// "در" (in), "از" (from).
const YEAR_WORDS: &[&str] = &[
    "عام",
    "العام",
    "لعام",
    "سنة",
    "منذ",
    "في",
    "שנת",
    "בשנת",
    "משנת",
    "לשנת",
    "סוף",
    "سال",
    "در",
    "از",
];

/// Letters written after a year to name its era: Arabic "م" (AD), "هـ" (AH), Persian "ش"
/// (solar Hijri).
const ERA_MARKS: &[&str] = &["م", "هـ", "ه", "ش"];

/// Words after a number that give its scale or make it a share: Arabic "مليون" (million),
/// "مليار" (billion), "ألف" (thousand), "بالمئة" (percent); Hebrew "מיליון", "מיליארד",
/// "אלף", "אחוז"; Persian "میلیون", "میلیارد", "هزار", "درصد".
const SCALE_WORDS: &[&str] = &[
    "مليون",
    "ملايين",
    "مليار",
    "مليارات",
    "ألف",
    "آلاف",
    "بالمئة",
    "بالمائة",
    "מיליון",
    "מיליארד",
    "אלף",
    "אחוז",
    "אחוזים",
    "میلیون",
    "میلیارد",
    "هزار",
    "درصد",
];

/// Hebrew prepositions joined to a number by a hyphen or a maqaf: "ב-2024" (in 2024).
const HEBREW_PREFIXES: &[char] = &['ב', 'מ', 'ל', 'ו', 'ה'];

/// A figure or a date found in a sentence, as a signal with a readable reason.
pub(super) fn figure_or_date(sentence: &str) -> Option<Signal> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut index = 0;
    while index < chars.len() {
        if !is_digit(chars[index].1) {
            index += 1;
            continue;
        }
        let end = number_end(&chars, index);
        let found = Number {
            sentence,
            chars: &chars,
            start: index,
            end,
        };
        if let Some(signal) = found.signal() {
            return Some(signal);
        }
        index = end;
    }
    None
}

/// A digit of the three systems the detector reads.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic()
        && (c.is_ascii_alphabetic()
            || unicode_script::UnicodeScript::script(&c) == unicode_script::Script::Latin)
}

/// Where the number starting at `start` ends: digits, and separators between digits.
fn number_end(chars: &[(usize, char)], start: usize) -> usize {
    let mut end = start + 1;
    while end < chars.len() {
        let c = chars[end].1;
        let joins = matches!(c, ',' | '.' | '٬' | '٫' | '/' | '-' | '‑')
            && chars.get(end + 1).is_some_and(|(_, next)| is_digit(*next));
        if is_digit(c) {
            end += 1;
        } else if joins {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// A number of a sentence, as character positions `start..end`.
struct Number<'a> {
    sentence: &'a str,
    chars: &'a [(usize, char)],
    start: usize,
    end: usize,
}

impl Number<'_> {
    fn char_at(&self, index: Option<usize>) -> Option<char> {
        index
            .and_then(|index| self.chars.get(index))
            .map(|(_, c)| *c)
    }

    fn byte(&self, index: usize) -> usize {
        self.chars
            .get(index)
            .map_or(self.sentence.len(), |(byte, _)| *byte)
    }

    fn text(&self, from: usize, to: usize) -> &str {
        &self.sentence[self.byte(from)..self.byte(to)]
    }

    fn signal(&self) -> Option<Signal> {
        if self.is_a_code() || self.is_a_page_number() {
            return None;
        }
        let number = self.text(self.start, self.end);
        let (reason, quoted) = if is_numeric_date(number) {
            ("gives the date", number.to_owned())
        } else if let Some(year) = self.year_in_context() {
            ("gives the year", year)
        } else {
            ("contains the figure", self.with_signs())
        };
        Some(Signal {
            kind: CheckKind::Figure,
            reason: format!("{reason} ‘{quoted}’"),
            weight: 0.9,
        })
    }

    /// "G7", "COVID-19", "F-16": digits after Latin letters name something ("10km" after
    /// them is still a figure).
    fn is_a_code(&self) -> bool {
        let before = self.start.checked_sub(1);
        let joined_before = match self.char_at(before) {
            Some('-' | '‑') => self.char_at(before.and_then(|at| at.checked_sub(1))),
            other => other,
        };
        joined_before.is_some_and(is_latin_letter)
    }

    /// A number after leader dots ("مقدمة ..... ٣"): a table of contents' page.
    fn is_a_page_number(&self) -> bool {
        let before = self.sentence[..self.byte(self.start)].trim_end();
        before.ends_with("..") || before.ends_with('…')
    }

    /// The number with its currency sign before it and its percent sign or scale word
    /// after it: "$40", "٣٫٥٪", "٤٥ مليون".
    fn with_signs(&self) -> String {
        let is_currency = |c: char| matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₪' | '﷼');
        let is_percent = |c: char| matches!(c, '%' | '٪' | '‰' | '؉');
        let mut from = self.start;
        if self
            .start
            .checked_sub(1)
            .and_then(|at| self.char_at(Some(at)))
            .is_some_and(is_currency)
        {
            from -= 1;
        }
        let mut to = self.end;
        let after = |offset: usize| self.char_at(Some(self.end + offset));
        if after(0).is_some_and(is_percent) {
            to += 1;
        } else if after(0).is_some_and(char::is_whitespace) && after(1).is_some_and(is_percent) {
            to += 2;
        } else if after(0).is_some_and(char::is_whitespace) {
            let next_word = self.sentence[self.byte(self.end + 1)..]
                .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '،')
                .next()
                .unwrap_or_default();
            if SCALE_WORDS.contains(&next_word) {
                to += 1 + next_word.chars().count();
            }
        }
        self.text(from, to).to_owned()
    }

    /// A four-digit year named as one: after a word for "year" or "in" ("عام ٢٠٢٤",
    /// "בשנת 2024", "سال ۱۴۰۲"), joined to a Hebrew preposition ("ב-2024"), or followed by
    /// its era ("٢٠٢٤م"). Returned with the word that names it.
    fn year_in_context(&self) -> Option<String> {
        let number = self.text(self.start, self.end);
        let digits: String = number.chars().filter_map(western_digit).collect();
        let is_year_like = number.chars().count() == 4
            && digits.len() == 4
            && digits
                .parse::<u32>()
                .is_ok_and(|year| (1300..=2100).contains(&year));
        if !is_year_like {
            return None;
        }
        let before = &self.sentence[..self.byte(self.start)];
        let after = &self.sentence[self.byte(self.end)..];
        let previous_word = before.split_whitespace().next_back().unwrap_or_default();
        if before.ends_with(char::is_whitespace) && YEAR_WORDS.contains(&previous_word) {
            return Some(format!("{previous_word} {number}"));
        }
        let mut prefix = previous_word.chars();
        if let (Some(letter), Some('-' | '־'), None) = (prefix.next(), prefix.next(), prefix.next())
            && HEBREW_PREFIXES.contains(&letter)
        {
            return Some(format!("{previous_word}{number}"));
        }
        let next_word = after
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '،')
            .next()
            .unwrap_or_default();
        if ERA_MARKS.contains(&next_word) {
            return Some(format!("{number}{next_word}"));
        }
        let following = after.trim_start();
        let next_word = following
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '،')
            .next()
            .unwrap_or_default();
        (after.starts_with(char::is_whitespace) && ERA_MARKS.contains(&next_word))
            .then(|| format!("{number} {next_word}"))
    }
}

/// A digit of any of the three systems as its Western digit.
fn western_digit(c: char) -> Option<char> {
    let value = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
        '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
        _ => return None,
    };
    char::from_digit(value, 10)
}

/// "12/3/2024", "2024-03-12", "١٢/٣/٢٠٢٤", "12.03.2024": day, month and year, in either order.
fn is_numeric_date(number: &str) -> bool {
    let western: String = number
        .chars()
        .map(|c| western_digit(c).unwrap_or(c))
        .collect();
    let separator = western.chars().find(|c| !c.is_ascii_digit());
    let Some(separator) = separator.filter(|c| matches!(c, '/' | '-' | '.')) else {
        return false;
    };
    let parts: Vec<&str> = western.split(separator).collect();
    let [first, second, third] = parts.as_slice() else {
        return false;
    };
    let value = |part: &str| part.parse::<u32>().ok();
    let day_or_month =
        |part: &str| part.len() <= 2 && value(part).is_some_and(|v| (1..=31).contains(&v));
    let is_month_among =
        |a: &str, b: &str| value(a).is_some_and(|v| v <= 12) || value(b).is_some_and(|v| v <= 12);
    let year = |part: &str| part.len() == 4 || part.len() == 2;
    (first.len() == 4
        && day_or_month(second)
        && day_or_month(third)
        && is_month_among(second, third))
        || (day_or_month(first)
            && day_or_month(second)
            && year(third)
            && is_month_among(first, second))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(sentence: &str) -> Option<String> {
        figure_or_date(sentence).map(|signal| signal.reason)
    }

    #[test]
    fn figures_are_quoted_in_their_own_digits_with_their_signs() {
        assert_eq!(
            reason("ارتفع عدد السكان إلى ٤٬٥٠٠ نسمة."),
            Some("contains the figure ‘٤٬٥٠٠’".to_owned())
        );
        assert_eq!(
            reason("بلغ معدل التضخم ٣٫٥٪ في الربع الأول."),
            Some("contains the figure ‘٣٫٥٪’".to_owned())
        );
        assert_eq!(
            reason("قیمت نان ۲۵ درصد گران شد."),
            Some("contains the figure ‘۲۵ درصد’".to_owned())
        );
        assert_eq!(
            reason("بلغت الكلفة ٤٥ مليون دينار."),
            Some("contains the figure ‘٤٥ مليون’".to_owned())
        );
        assert_eq!(
            reason("המחירים עלו ב-12.5% בחודש האחרון."),
            Some("contains the figure ‘12.5%’".to_owned())
        );
        assert_eq!(
            reason("Le budget atteint 48,2 % du total."),
            Some("contains the figure ‘48,2 %’".to_owned())
        );
        assert_eq!(
            reason("החברה גייסה $40 מיליון."),
            Some("contains the figure ‘$40 מיליון’".to_owned())
        );
    }

    #[test]
    fn dates_and_years_are_named_as_such() {
        assert_eq!(
            reason("وقع الحادث في ١٢/٣/٢٠٢٤ قرب الميناء."),
            Some("gives the date ‘١٢/٣/٢٠٢٤’".to_owned())
        );
        assert_eq!(
            reason("הישיבה נערכה ב-2024-03-12 בירושלים."),
            Some("gives the date ‘2024-03-12’".to_owned())
        );
        assert_eq!(
            reason("افتتح المصنع عام ٢٠١٩ في المدينة."),
            Some("gives the year ‘عام ٢٠١٩’".to_owned())
        );
        assert_eq!(
            reason("המפעל נפתח ב-2019 בצפון."),
            Some("gives the year ‘ב-2019’".to_owned())
        );
        assert_eq!(
            reason("تأسست الشركة سنة ١٩٩٨م في دبي."),
            Some("gives the year ‘سنة ١٩٩٨’".to_owned())
        );
        assert_eq!(
            reason("این سد در سال ۱۳۹۸ ساخته شد."),
            Some("gives the year ‘سال ۱۳۹۸’".to_owned())
        );
        assert_eq!(
            reason("بني المسجد ١٤٢٠ هـ على التل."),
            Some("gives the year ‘١٤٢٠ هـ’".to_owned())
        );
    }

    #[test]
    fn codes_and_page_numbers_are_not_figures() {
        assert_eq!(reason("תוכנית G7 ונגיף COVID-19 נדונו שוב."), None);
        assert_eq!(reason("مقدمة ..... ٣"), None);
        assert_eq!(reason("مقدمة … ١٢"), None);
        assert_eq!(reason("قال الوزير إن الوضع مستقر."), None);
    }

    #[test]
    fn a_number_is_not_a_date_unless_its_parts_are_a_day_a_month_and_a_year() {
        assert!(is_numeric_date("12/3/2024"));
        assert!(is_numeric_date("٢٠٢٤-٠٣-١٢"));
        assert!(is_numeric_date("12.03.24"));
        assert!(!is_numeric_date("52-48"));
        assert!(!is_numeric_date("24/7"));
        assert!(!is_numeric_date("1.250.000"));
        assert!(!is_numeric_date("40/40/2024"));
    }
}
