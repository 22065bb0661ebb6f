//! Whether a sentence is English enough for the detector's English rules.
//!
//! Most of the detector reads English: speech verbs, past tenses, hedges, superlatives,
//! capitalised names. On Arabic, Hebrew or French those rules either find nothing or, worse,
//! fire on a Latin "said" quoted inside a Hebrew sentence. Figures and dates written in
//! digits read the same in any language, so a sentence that is not English gets only those
//! (`detect::neutral`). How English is told:
//!
//! - **Script, per sentence.** A sentence whose letters are mostly not Latin (Arabic, Hebrew,
//!   Cyrillic, Greek, Chinese…) is not English, whatever Latin names or words it quotes. A few
//!   letters are enough to tell a script, and a document switches script from one sentence or
//!   quotation to the next, so each sentence is judged alone.
//! - **English function words, per paragraph.** Latin letters are English when the commonest
//!   English function words ("the", "of", "was", "said") make a share of the words; French,
//!   Spanish or German prose has almost none of them. A sentence has too few words to tell (a
//!   headline has none of them at all), while a paragraph keeps to one language, so the words
//!   are counted over the paragraph; a paragraph too short to tell takes its section's
//!   verdict, and a section too short to tell is English, the language the rules were written
//!   for — so English text never loses a rule for want of evidence.

use std::collections::HashMap;

use unicode_script::{Script, UnicodeScript};

use super::words::{ENGLISH_FUNCTION_WORDS, Token};

/// Which of the detector's rules a sentence is read with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    /// Every rule.
    #[default]
    English,
    /// Only the rules that do not depend on English words: figures and dates in digits.
    NotEnglish,
}

/// Fewer Latin words than this tell nothing about which language they are in.
const WORDS_TO_TELL: usize = 12;

/// The share of English function words from which Latin text is English. Every paragraph of
/// twelve words or more in copydesk's English test articles and the news set has 12.5 % or
/// more of them (the least: sentences full of names and figures); French, Spanish, Italian,
/// Portuguese, German, Dutch and Norwegian news sentences 0–5 %.
const ENGLISH_SHARE: f64 = 0.08;

/// What a piece of text's words say about its language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    latin_letters: usize,
    other_letters: usize,
    latin_words: usize,
    english_words: usize,
}

impl Evidence {
    /// The evidence of one sentence's tokens (from `words::tokens`).
    pub fn of(tokens: &[Token]) -> Self {
        let mut evidence = Self::default();
        for token in tokens.iter().filter(|token| token.is_word) {
            let (mut latin, mut other) = (0, 0);
            for c in token.text.chars().filter(|c| c.is_alphabetic()) {
                if c.is_ascii_alphabetic() {
                    latin += 1;
                } else {
                    match c.script() {
                        Script::Latin => latin += 1,
                        Script::Common | Script::Inherited | Script::Unknown => {}
                        _ => other += 1,
                    }
                }
            }
            evidence.latin_letters += latin;
            evidence.other_letters += other;
            if latin > 0 && latin >= other {
                evidence.latin_words += 1;
                if token.is_any(&ENGLISH_FUNCTION_WORDS) {
                    evidence.english_words += 1;
                }
            }
        }
        evidence
    }

    fn add(&mut self, other: &Self) {
        self.latin_letters += other.latin_letters;
        self.other_letters += other.other_letters;
        self.latin_words += other.latin_words;
        self.english_words += other.english_words;
    }

    /// Whether most letters are not Latin (text without letters counts as Latin).
    fn is_in_another_script(&self) -> bool {
        self.other_letters > self.latin_letters
    }

    /// What the Latin words say, when there are enough of them to tell.
    fn latin_verdict(&self) -> Option<Language> {
        let verdict = if self.english_words as f64 >= self.latin_words as f64 * ENGLISH_SHARE {
            Language::English
        } else {
            Language::NotEnglish
        };
        (self.latin_words >= WORDS_TO_TELL).then_some(verdict)
    }
}

impl Language {
    pub fn is_english(self) -> bool {
        self == Self::English
    }

    /// The language of a sentence read on its own, with no paragraph around it.
    pub fn of_sentence(tokens: &[Token]) -> Self {
        let evidence = Evidence::of(tokens);
        Self::in_context(&evidence, &[&evidence])
    }

    /// A sentence's language from its own script and the words of what surrounds it, nearest
    /// first (its paragraph, its section): the first with enough Latin words decides.
    fn in_context(sentence: &Evidence, surroundings: &[&Evidence]) -> Self {
        if sentence.is_in_another_script() {
            return Self::NotEnglish;
        }
        surroundings
            .iter()
            .find_map(|evidence| evidence.latin_verdict())
            .unwrap_or(Self::English)
    }
}

/// Where a sentence is: its section's and its paragraph's positions (any numbers that are
/// equal for sentences of the same section, of the same paragraph).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    pub section: usize,
    pub paragraph: usize,
}

/// The language of each sentence, from each sentence's evidence and where it is.
pub fn sentence_languages(sentences: &[(Place, Evidence)]) -> Vec<Language> {
    let mut paragraphs: HashMap<Place, Evidence> = HashMap::new();
    let mut sections: HashMap<usize, Evidence> = HashMap::new();
    for (place, evidence) in sentences {
        paragraphs.entry(*place).or_default().add(evidence);
        sections.entry(place.section).or_default().add(evidence);
    }
    sentences
        .iter()
        .map(|(place, evidence)| {
            let surroundings: Vec<&Evidence> =
                [paragraphs.get(place), sections.get(&place.section)]
                    .into_iter()
                    .flatten()
                    .collect();
            Language::in_context(evidence, &surroundings)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::words::tokens;

    fn alone(sentence: &str) -> Language {
        Language::of_sentence(&tokens(sentence))
    }

    fn in_paragraphs(paragraphs: &[&[&str]]) -> Vec<Language> {
        let mut sentences = Vec::new();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            for sentence in *paragraph {
                let place = Place {
                    section: 0,
                    paragraph: index,
                };
                sentences.push((place, Evidence::of(&tokens(sentence))));
            }
        }
        sentence_languages(&sentences)
    }

    #[test]
    fn arabic_hebrew_persian_and_cyrillic_sentences_are_not_english() {
        for sentence in [
            "قال وزير المالية إن التضخم ارتفع إلى ٤٫٥٪ في عام ٢٠٢٤.",
            "לפי הדובר, the minister said כי המחירים עלו ב-5% בשנה שעברה.",
            "وزیر اقتصاد گفت تورم در سال ۱۴۰۲ به ۴۰ درصد رسید.",
            "Министр сказал, что цены выросли на 5% за год.",
        ] {
            assert_eq!(alone(sentence), Language::NotEnglish, "{sentence}");
        }
    }

    #[test]
    fn english_quoting_other_scripts_stays_english() {
        assert_eq!(
            alone("The banner read مرحبا, officials in the northern city of Tripoli said."),
            Language::English
        );
        assert_eq!(alone("Prices rose 5% in 2024."), Language::English);
        assert_eq!(alone("4,000 – 12%"), Language::English);
    }

    #[test]
    fn latin_text_without_english_function_words_is_not_english() {
        assert_eq!(
            alone(
                "Le conseil municipal a voté mardi un budget de 48 millions d'euros, en hausse \
                 de 3 % par rapport à l'année dernière, selon le maire."
            ),
            Language::NotEnglish
        );
        assert_eq!(
            alone(
                "Der Stadtrat hat am Dienstag einen Haushalt von 48 Millionen Euro beschlossen, \
                 sagte der Bürgermeister."
            ),
            Language::NotEnglish
        );
    }

    #[test]
    fn a_short_sentence_takes_its_paragraphs_language_and_a_short_paragraph_its_sections() {
        let french = "Le conseil municipal a voté mardi un budget de 48 millions d'euros, en \
                      hausse de 3 % par rapport à l'année dernière, selon le maire.";
        let english = "The council approved a budget of 48 million euros on Tuesday, up 3 \
                       percent from last year, the mayor said.";
        // "Il a démissionné." alone says nothing; its paragraph is French.
        assert_eq!(
            in_paragraphs(&[
                &[french, "Il a démissionné."],
                &[english, "Costa Wins Derby."]
            ]),
            [
                Language::NotEnglish,
                Language::NotEnglish,
                Language::English,
                Language::English
            ]
        );
        // A headline in a paragraph of its own takes the section's verdict.
        assert_eq!(
            in_paragraphs(&[&["Budget municipal"], &[french], &[french]]),
            [Language::NotEnglish; 3]
        );
        assert_eq!(
            in_paragraphs(&[&["Costa Double Lifts Harbor City"], &[english]]),
            [Language::English; 2]
        );
    }

    #[test]
    fn text_too_short_to_tell_is_english() {
        assert_eq!(alone("Costa scored twice."), Language::English);
        assert_eq!(in_paragraphs(&[&["Budget municipal"]]), [Language::English]);
        assert_eq!(alone(""), Language::English);
    }
}
