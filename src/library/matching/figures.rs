//! The figures and dates of a sentence, normalised so two ways of writing one number compare
//! equal ("4,000" and "4000", "3 million" and "3,000,000", "12.5%" and "12.5 percent"), each
//! kept with its qualifier as written ("more than 4,000") and the noun it counts ("fighters"),
//! so two figures of the same thing can be told from figures of different things. Years, and
//! days and months, are dates: a claim about 2014 is another claim than one about 2015, but
//! not "the same claim with another figure".

use super::stems::{is_stop_word, stem};
use crate::suggest::words::{
    FIGURE_QUALIFIERS, IRREGULAR_PAST, MONTHS, SCALE_WORDS, Token, WEEKDAYS,
};

/// What a figure measures, beyond its value: a count, a share, an amount of money.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum FigureKind {
    Count,
    Percent,
    Points,
    Money(char),
}

/// A figure of a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Figure {
    pub value: f64,
    pub kind: FigureKind,
    /// The stems of the noun it counts, when one follows it ("fighters", "cholera cases")
    /// or precedes it ("a population of 4 million"); empty when none does.
    pub nouns: Vec<String>,
    /// As written, with its qualifier: "more than 4,000".
    pub text: String,
}

/// A date of a sentence, as precise as it is written: a year, a month and year, a day, or
/// a weekday.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Date {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub weekday: Option<u8>,
    /// As written: "March 2014".
    pub text: String,
}

impl Date {
    /// Whether two dates can name the same time: every part both give is the same, and they
    /// give one part in common ("March 2014" and "2014" agree; "Monday" and "2014" say nothing
    /// about each other, so they are not counted as agreeing).
    pub fn agrees_with(&self, other: &Date) -> bool {
        let parts = [
            (self.year.map(i64::from), other.year.map(i64::from)),
            (self.month.map(i64::from), other.month.map(i64::from)),
            (self.day.map(i64::from), other.day.map(i64::from)),
            (self.weekday.map(i64::from), other.weekday.map(i64::from)),
        ];
        let shared = parts.iter().filter(|(a, b)| a.is_some() && b.is_some());
        shared.clone().count() > 0 && shared.clone().all(|(a, b)| a == b)
    }

    /// Whether two dates say nothing about each other (a weekday and a year).
    pub fn is_comparable_with(&self, other: &Date) -> bool {
        (self.year.is_some() && other.year.is_some())
            || (self.month.is_some() && other.month.is_some())
            || (self.weekday.is_some() && other.weekday.is_some())
    }
}

/// The figures and dates of a tokenized sentence.
pub(super) fn figures_and_dates(sentence: &str, tokens: &[Token]) -> (Vec<Figure>, Vec<Date>) {
    let mut figures = Vec::new();
    let mut dates = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let token = &tokens[index];
        if let Some(weekday) = weekday_number(token) {
            dates.push(Date {
                weekday: Some(weekday),
                text: token.text.to_owned(),
                ..Date::default()
            });
            index += 1;
            continue;
        }
        if let Some(month) = month_number(token) {
            let (mut date, next) = date_from_month(tokens, index, month);
            date.text = written(sentence, tokens, index, next);
            dates.push(date);
            index = next;
            continue;
        }
        if let Some(figure) = share_at(sentence, tokens, index) {
            figures.push(figure);
            index += 1;
            continue;
        }
        let Some(number) = number_of(token) else {
            index += 1;
            continue;
        };
        // "3 March 2014": a day before a month.
        if let Some(month) = tokens.get(index + 1).and_then(month_number)
            && is_day(number, token)
        {
            let (mut date, next) = date_from_month(tokens, index + 1, month);
            date.day = Some(number as u8);
            date.text = written(sentence, tokens, index, next);
            dates.push(date);
            index = next;
            continue;
        }
        if is_year(number, token, tokens, index) {
            dates.push(Date {
                year: Some(number as i32),
                text: token.text.to_owned(),
                ..Date::default()
            });
            index += 1;
            continue;
        }
        let (figure, next) = figure_at(sentence, tokens, index, number);
        figures.push(figure);
        index = next;
    }
    (figures, dates)
}

/// The words from `from` up to `to`, as the sentence writes them, without a closing comma.
fn written(sentence: &str, tokens: &[Token], from: usize, to: usize) -> String {
    let last = (from..to)
        .rev()
        .find(|&at| tokens[at].text != ",")
        .unwrap_or(from);
    sentence[tokens[from].start..tokens[last].end()].to_owned()
}

/// A month at `index`, with the day and year that may follow: "March 3, 2014", "March 2014".
fn date_from_month(tokens: &[Token], index: usize, month: u8) -> (Date, usize) {
    let mut date = Date {
        month: Some(month),
        ..Date::default()
    };
    let mut next = index + 1;
    if let Some(token) = tokens.get(next)
        && let Some(number) = number_of(token)
        && is_day(number, token)
    {
        date.day = Some(number as u8);
        next += 1;
        if tokens.get(next).is_some_and(|token| token.text == ",") {
            next += 1;
        }
    }
    if let Some(token) = tokens.get(next)
        && let Some(number) = number_of(token)
        && (1800.0..=2100.0).contains(&number)
        && token.text.len() == 4
    {
        date.year = Some(number as i32);
        next += 1;
    }
    (date, next)
}

/// A share written as a fraction before "of": "half of", "a third of", "two thirds of", as a
/// percentage, so "half" and "50%" are one figure.
fn share_at(sentence: &str, tokens: &[Token], index: usize) -> Option<Figure> {
    let percent = match tokens[index].lower.as_ref() {
        "half" => 50.0,
        "third" | "thirds" => 100.0 / 3.0,
        "quarter" | "quarters" => 25.0,
        _ => return None,
    };
    if !tokens.get(index + 1).is_some_and(|next| next.is("of")) {
        return None;
    }
    let before = index.checked_sub(1).map(|at| &tokens[at]);
    let (from, times) = match before.map(|token| token.lower.as_ref()) {
        Some("a" | "one") if percent < 50.0 => (index - 1, 1.0),
        Some("two") if percent < 50.0 => (index - 1, 2.0),
        Some("three") if percent < 30.0 => (index - 1, 3.0),
        _ if percent == 50.0 => (index, 1.0),
        _ => return None,
    };
    Some(Figure {
        value: percent * times,
        kind: FigureKind::Percent,
        nouns: nouns_after(tokens, index + 1),
        text: sentence[tokens[from].start..tokens[index].end()].to_owned(),
    })
}

/// The figure whose number is at `index`, and the index after it.
fn figure_at(sentence: &str, tokens: &[Token], index: usize, number: f64) -> (Figure, usize) {
    let mut value = number * suffix_scale(&tokens[index].lower);
    let mut kind = FigureKind::Count;
    let mut from = index;
    if let Some(symbol) = index
        .checked_sub(1)
        .and_then(|at| currency_of(tokens[at].text))
    {
        kind = FigureKind::Money(symbol);
        from -= 1;
    }
    while from > 0 && tokens[from - 1].is_any(&FIGURE_QUALIFIERS) && index - from < 4 {
        from -= 1;
    }
    // A qualifier must touch the number: "more than 4,000", but not a stray "to" or "as".
    while from < index && tokens[from].is_any(&["to", "at", "as", "an", "up", "a", "the"]) {
        let rest: Vec<&str> = tokens[from..index]
            .iter()
            .map(|token| token.lower.as_ref())
            .collect();
        if matches!(
            rest.as_slice(),
            ["at", "least", ..] | ["up", "to", ..] | ["as", "many", "as", ..]
        ) {
            break;
        }
        from += 1;
    }
    let mut to = index;
    while let Some(next) = tokens.get(to + 1) {
        match next.lower.as_ref() {
            "hundred" => value *= 100.0,
            "thousand" => value *= 1e3,
            "million" | "m" => value *= 1e6,
            "billion" | "bn" => value *= 1e9,
            "trillion" => value *= 1e12,
            "%" | "percent" => kind = FigureKind::Percent,
            "per" if tokens.get(to + 2).is_some_and(|after| after.is("cent")) => {
                kind = FigureKind::Percent;
                to += 1;
            }
            "percentage" | "points" => kind = FigureKind::Points,
            _ => break,
        }
        to += 1;
    }
    let mut nouns = nouns_after(tokens, to);
    if nouns.is_empty() {
        nouns.extend(noun_before(tokens, from));
    }
    let mut text = sentence[tokens[from].start..tokens[to].end()].to_owned();
    // "Around 5,700" opening a sentence reads "around 5,700" where it is quoted inside
    // another ("this draft says around 5,700").
    if from == 0 && tokens[from].is_word && !tokens[from].has_digit() {
        text = lowercase_first_letter(&text);
    }
    (
        Figure {
            value,
            kind,
            nouns,
            text,
        },
        to + 1,
    )
}

fn lowercase_first_letter(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(characters).collect()
    })
}

/// The noun a figure counts, in the few words after it: "4,000 Islamic State fighters",
/// "23 of them women", "312 new cholera cases" (both words, as "312 new cases of cholera"
/// must agree with it) — but none in "$40 million for road repairs".
fn nouns_after(tokens: &[Token], figure_end: usize) -> Vec<String> {
    let mut nouns = Vec::new();
    for token in tokens.iter().skip(figure_end + 1).take(5) {
        let skipped = token.is_capitalized()
            || token.is_any(&[
                "of", "the", "its", "their", "his", "her", "our", "them", "more", "new",
            ]);
        if nouns.is_empty() && token.is_word && !token.has_digit() && skipped {
            continue;
        }
        let is_verb = token.is_any(&IRREGULAR_PAST) || token.lower.ends_with("ed");
        if !token.is_word
            || token.has_digit()
            || skipped
            || is_stop_word(&token.lower)
            || (is_verb && !nouns.is_empty())
        {
            break;
        }
        nouns.push(stem(&token.lower));
        if nouns.len() == 2 {
            break;
        }
    }
    nouns
}

/// The noun a figure measures when it ends a phrase: "a population of 4 million".
fn noun_before(tokens: &[Token], figure_start: usize) -> Option<String> {
    let before = figure_start.checked_sub(1).map(|at| &tokens[at])?;
    if !before.is("of") {
        return None;
    }
    let noun = figure_start.checked_sub(2).map(|at| &tokens[at])?;
    (noun.is_word && !noun.has_digit() && !is_stop_word(&noun.lower)).then(|| stem(&noun.lower))
}

/// A number written in digits ("4,000", "12.5", "3rd", "12bn") or as a word ("seven").
fn number_of(token: &Token) -> Option<f64> {
    if token.has_digit() {
        let digits = token
            .lower
            .trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &token.lower[digits.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "m" | "bn" | "k") {
            return None;
        }
        return digits.replace(',', "").parse().ok();
    }
    spelled_number(&token.lower)
}

/// The multiplier a number's own suffix gives: "12bn", "5m", "3k".
fn suffix_scale(lower: &str) -> f64 {
    if lower.ends_with("bn") {
        1e9
    } else if lower.ends_with('m') {
        1e6
    } else if lower.ends_with('k') {
        1e3
    } else {
        1.0
    }
}

/// Numbers written as one word. Vague plurals ("dozens", "thousands") count nothing exact,
/// and "one" is as often a pronoun as a number: neither is a figure.
fn spelled_number(lower: &str) -> Option<f64> {
    const SPELLED: [&str; 20] = [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
    ];
    const TENS: [&str; 6] = ["forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(at) = SPELLED.iter().position(|word| *word == lower) {
        return Some(if at < 19 { at as f64 + 2.0 } else { 30.0 });
    }
    TENS.iter()
        .position(|word| *word == lower)
        .map(|at| 40.0 + 10.0 * at as f64)
}

fn is_day(number: f64, token: &Token) -> bool {
    token.has_digit() && number.fract() == 0.0 && (1.0..=31.0).contains(&number)
}

/// A year: four digits between 1800 and 2100, not an amount ("$2000") nor a count ("2000
/// people" is a count only after a qualifier: "more than 2000").
fn is_year(number: f64, token: &Token, tokens: &[Token], index: usize) -> bool {
    token.text.len() == 4
        && token.text.bytes().all(|b| b.is_ascii_digit())
        && (1800.0..=2100.0).contains(&number)
        && !index.checked_sub(1).is_some_and(|at| {
            currency_of(tokens[at].text).is_some() || tokens[at].is_any(&COUNT_QUALIFIERS)
        })
        && !tokens
            .get(index + 1)
            .is_some_and(|next| next.is_any(&SCALE_WORDS) || next.text == "%")
}

/// Qualifiers that make a four-digit number a count: "more than 2000", "nearly 1900".
const COUNT_QUALIFIERS: [&str; 16] = [
    "more",
    "than",
    "over",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "least",
    "fewer",
    "less",
    "some",
    "under",
    "exactly",
    "estimated",
];

fn currency_of(text: &str) -> Option<char> {
    match text {
        "$" | "€" | "£" | "¥" | "₹" => text.chars().next(),
        _ => None,
    }
}

fn month_number(token: &Token) -> Option<u8> {
    // "may" and "march" are words too: only a capitalised one is a month.
    if !token.is_capitalized() || !(token.is_any(&MONTHS) || token.is("may")) {
        return None;
    }
    const ORDER: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    ORDER
        .iter()
        .position(|prefix| token.lower.starts_with(prefix))
        .map(|at| at as u8 + 1)
}

fn weekday_number(token: &Token) -> Option<u8> {
    const ORDER: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    if !token.is_any(&WEEKDAYS) {
        return None;
    }
    ORDER
        .iter()
        .position(|day| token.lower == *day)
        .map(|at| at as u8 + 1)
}
