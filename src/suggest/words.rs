//! Words of a sentence, and the small closed classes of English the detector reasons with.
//!
//! The lists are grammatical classes (auxiliaries, modal hedges, speech verbs, irregular past
//! forms, generic source nouns, evaluative vocabulary), not phrases taken from one article:
//! the detector is judged on news it has never seen.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A closed class of words, looked up in constant time.
pub struct WordSet(LazyLock<HashSet<&'static str, FastHash>>);

/// A quick hash for short words; the sets are fixed, so no protection against crafted keys is needed.
pub type FastHash = foldhash::fast::FixedState;

/// Something a token's lower-case form can be looked up in.
pub trait Words {
    fn has(&self, word: &str) -> bool;
}

impl Words for WordSet {
    fn has(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

impl Words for [&str] {
    fn has(&self, word: &str) -> bool {
        self.contains(&word)
    }
}

impl<const N: usize> Words for [&str; N] {
    fn has(&self, word: &str) -> bool {
        self.contains(&word)
    }
}

macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident = [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        pub static $name: WordSet =
            WordSet(LazyLock::new(|| [$($word),*].into_iter().collect()));
    };
}

/// One token: a word or number, or a single punctuation mark or symbol.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offset in the sentence.
    pub start: usize,
    /// The token in lower case (borrowed when it already is).
    pub lower: Cow<'a, str>,
    pub is_word: bool,
}

impl Token<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    pub fn is_any(&self, words: &(impl Words + ?Sized)) -> bool {
        words.has(&self.lower)
    }

    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// "IS", "CBO", "NATO", "U.S": two or more letters, all capitals.
    pub fn is_acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && self
                .text
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '&')
    }

    pub fn has_digit(&self) -> bool {
        self.text.bytes().any(|b| b.is_ascii_digit())
    }
}

/// Splits a sentence into tokens. Inside a token, `.` `,` `'` `’` and `-` are kept when they
/// sit between letters or digits, so "4,000", "3.5", "U.S", "don't" and "high-risk" stay whole.
pub fn tokens(sentence: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut index = 0;
    while index < chars.len() {
        let (start, c) = chars[index];
        if c.is_whitespace() {
            index += 1;
            continue;
        }
        let mut end_index = index + 1;
        if c.is_alphanumeric() {
            while end_index < chars.len() {
                let next = chars[end_index].1;
                let joins = matches!(next, '.' | ',' | '\'' | '’' | '-' | '‑')
                    && chars
                        .get(end_index + 1)
                        .is_some_and(|(_, after)| after.is_alphanumeric())
                    // A comma only joins digits: "4,000" but not "Iraq,Syria".
                    && (next != ',' || chars[end_index - 1].1.is_ascii_digit()
                        && chars[end_index + 1].1.is_ascii_digit());
                if next.is_alphanumeric() || joins {
                    end_index += if joins { 2 } else { 1 };
                } else {
                    break;
                }
            }
        }
        let end = chars
            .get(end_index)
            .map_or(sentence.len(), |(byte, _)| *byte);
        let text = &sentence[start..end];
        tokens.push(Token {
            text,
            start,
            lower: if text.chars().any(char::is_uppercase) {
                Cow::Owned(text.to_lowercase())
            } else {
                Cow::Borrowed(text)
            },
            is_word: c.is_alphanumeric(),
        });
        index = end_index;
    }
    tokens
}

word_set! {
    AUXILIARIES = ["was", "were", "has", "have", "had", "been", "got", "gets"]
}

word_set! {
    MODAL_HEDGES = [
    "may",
    "might",
    "could",
    "would",
    "should",
    "can",
    "will",
    "shall",
    "likely",
    "unlikely",
    "possibly",
    "possible",
    "perhaps",
    "probably",
    "potentially",
    "expected",
    "anticipated",
    "poised",
    "appears",
    "appear",
    "seems",
    "seem",
    "hopes",
    "hope",
    "aims",
    "aim",
    "if",
    "whether",
    "'ll",
]
}

word_set! {
    /// Verbs that report speech or belief: the heart of an attribution.
    SPEECH_VERBS = [
    "say",
    "says",
    "said",
    "told",
    "tells",
    "tell",
    "state",
    "states",
    "stated",
    "announce",
    "announces",
    "announced",
    "confirm",
    "confirms",
    "confirmed",
    "add",
    "adds",
    "added",
    "write",
    "writes",
    "wrote",
    "testify",
    "testifies",
    "testified",
    "explain",
    "explains",
    "explained",
    "note",
    "notes",
    "noted",
    "argue",
    "argues",
    "argued",
    "warn",
    "warns",
    "warned",
    "insist",
    "insists",
    "insisted",
    "deny",
    "denies",
    "denied",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "emphasize",
    "emphasizes",
    "emphasized",
    "emphasise",
    "emphasises",
    "emphasised",
    "stress",
    "stresses",
    "stressed",
    "estimate",
    "estimates",
    "estimated",
    "report",
    "reports",
    "reported",
    "claim",
    "claims",
    "claimed",
    "allege",
    "alleges",
    "alleged",
    "predict",
    "predicts",
    "predicted",
    "suggest",
    "suggests",
    "suggested",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "describe",
    "describes",
    "described",
    "agree",
    "agrees",
    "agreed",
    "contend",
    "contends",
    "contended",
    "maintain",
    "maintains",
    "maintained",
    "indicate",
    "indicates",
    "indicated",
    "fear",
    "fears",
    "feared",
    "expect",
    "expects",
    "concede",
    "concedes",
    "conceded",
    "admit",
    "admits",
    "admitted",
    "assert",
    "asserts",
    "asserted",
    "observe",
    "observes",
    "observed",
    "caution",
    "cautions",
    "cautioned",
    "consider",
    "considers",
    "call",
    "calls",
    "called",
    "hail",
    "hails",
    "hailed",
    "tweeted",
    "posted",
    "wrote",
    "recalled",
    "recalls",
    "told",
]
}

word_set! {
    /// Verbs that attribute content specifically (used for named attributions): a subset of
    /// speech verbs that report what someone said or published rather than what they felt.
    REPORTING_VERBS = [
    "say",
    "says",
    "said",
    "told",
    "tells",
    "state",
    "states",
    "stated",
    "announce",
    "announces",
    "announced",
    "confirm",
    "confirms",
    "confirmed",
    "added",
    "adds",
    "wrote",
    "writes",
    "testified",
    "explained",
    "explains",
    "noted",
    "notes",
    "argued",
    "argues",
    "warned",
    "warns",
    "insisted",
    "denied",
    "denies",
    "acknowledged",
    "emphasized",
    "stressed",
    "estimated",
    "estimates",
    "reported",
    "reports",
    "claimed",
    "claims",
    "alleged",
    "predicted",
    "tweeted",
    "posted",
    "recalled",
    "conceded",
    "admitted",
    "asserted",
    "condemned",
    "condemns",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "urged",
    "urges",
    "praised",
    "criticized",
    "criticised",
    "accused",
    "demanded",
    "declared",
    "declares",
    "apologized",
    "apologised",
    "expressed",
    "saying",
    "noting",
    "adding",
    "warning",
    "telling",
    "arguing",
    "insisting",
    "explaining",
    "announcing",
    "confirming",
    "acknowledging",
    "acknowledges",
    "describes",
]
}

word_set! {
    /// Nouns for sources that are not named: who they are cannot be checked.
    GENERIC_SOURCES = [
    "officials",
    "official",
    "authorities",
    "experts",
    "analysts",
    "observers",
    "sources",
    "source",
    "critics",
    "insiders",
    "commentators",
    "scientists",
    "researchers",
    "economists",
    "diplomats",
    "witnesses",
    "residents",
    "people",
    "many",
    "some",
    "others",
    "supporters",
    "opponents",
    "campaigners",
    "activists",
    "advocates",
    "observers",
    "specialists",
    "insiders",
    "reports",
    "studies",
    "research",
]
}

word_set! {
    /// Nouns for a source that is identified by its role: "the mayor said", "the ministry said".
    ROLE_SOURCES = [
    "mayor",
    "governor",
    "president",
    "minister",
    "ministry",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "founder",
    "director",
    "commissioner",
    "department",
    "agency",
    "company",
    "police",
    "court",
    "judge",
    "prosecutor",
    "prosecutors",
    "council",
    "board",
    "statement",
    "census",
    "coach",
    "manager",
    "senator",
    "lawmaker",
    "ambassador",
    "general",
    "chancellor",
    "premier",
    "authority",
    "commission",
    "office",
    "bureau",
    "institute",
    "university",
    "government",
    "administration",
    "regulator",
    "he",
    "she",
    "lawmakers",
    "legislators",
    "senators",
    "ministers",
    "judges",
    "governors",
    "mayors",
    "spokespeople",
    "parliament",
    "congress",
    "party",
    "parties",
]
}

word_set! {
    /// Past forms that do not end in "-ed".
    IRREGULAR_PAST = [
    "began",
    "became",
    "brought",
    "built",
    "bought",
    "caught",
    "chose",
    "came",
    "cut",
    "dealt",
    "did",
    "drew",
    "drove",
    "fell",
    "fought",
    "found",
    "fled",
    "flew",
    "froze",
    "gave",
    "grew",
    "heard",
    "held",
    "hit",
    "hid",
    "kept",
    "knew",
    "laid",
    "led",
    "left",
    "lent",
    "lost",
    "made",
    "met",
    "paid",
    "put",
    "quit",
    "ran",
    "rose",
    "sank",
    "saw",
    "sold",
    "sent",
    "set",
    "shot",
    "shut",
    "sought",
    "spent",
    "spoke",
    "stood",
    "stole",
    "struck",
    "swept",
    "took",
    "taught",
    "tore",
    "threw",
    "won",
    "withdrew",
    "overtook",
    "undertook",
    "upheld",
    "overthrew",
    "split",
    "stuck",
    "broke",
    "beat",
    "bound",
    "burst",
    "cast",
    "dug",
    "fed",
    "forgave",
    "hung",
    "lit",
    "overcame",
    "oversaw",
    "rode",
    "sang",
    "shook",
    "slid",
    "sped",
    "swam",
    "swung",
    "woke",
    "wore",
    "wound",
    "taken",
    "given",
    "seen",
    "done",
    "chosen",
    "driven",
    "written",
    "broken",
    "spoken",
    "stolen",
    "frozen",
    "risen",
    "fallen",
    "grown",
    "known",
    "shown",
    "thrown",
    "drawn",
    "withdrawn",
    "overseen",
    "undertaken",
    "begun",
    "flown",
    "beaten",
    "forgotten",
    "hidden",
    "sworn",
    "torn",
    "worn",
    "shaken",
    "arisen",
    "become",
    "run",
    "won",
    "sung",
    "swum",
    "hurt",
    "spread",
    "cost",
    "upset",
    "forecast",
    "bid",
    "sped",
    "slept",
    "swore",
    "wept",
    "bent",
    "lent",
]
}

word_set! {
    /// Verbs that interpret, evaluate or state an intent rather than report an action.
    NON_EVENT_VERBS = [
    "represented",
    "reflected",
    "highlighted",
    "demonstrated",
    "underscored",
    "seemed",
    "appeared",
    "remained",
    "symbolized",
    "symbolised",
    "signaled",
    "signalled",
    "aimed",
    "intended",
    "sought",
    "hoped",
    "wanted",
    "planned",
    "expected",
    "believed",
    "considered",
    "described",
    "deemed",
    "regarded",
    "viewed",
    "seen",
    "hailed",
    "called",
    "driven",
    "motivated",
    "designed",
    "meant",
    "needed",
    "required",
    "tried",
    "wished",
    "felt",
    "thought",
    "known",
    "based",
    "concerned",
    "interested",
    "committed",
    "dedicated",
    "involved",
    "used",
    "supposed",
    "determined",
    "looked",
    "sounded",
    "belonged",
    "existed",
    "lacked",
    "deserved",
    "resembled",
    "liked",
    "loved",
    "hated",
    "enjoyed",
]
}

word_set! {
    /// Adverbs that make a statement generic or habitual: background, not news.
    GENERIC_MARKERS = [
    "generally",
    "usually",
    "typically",
    "often",
    "tend",
    "tends",
    "commonly",
    "normally",
    "traditionally",
    "sometimes",
    "rarely",
    "seldom",
    "tended",
    "historically",
    "always",
    "habitually",
]
}

word_set! {
    /// Words that end in "-ed" but are not past forms.
    NOT_PAST_ED = [
    "need", "speed", "seed", "feed", "bed", "red", "shed", "hundred", "breed", "greed", "deed",
    "steed", "weed", "indeed", "proceed", "exceed", "succeed", "embed", "sacred", "wicked",
    "naked", "rugged", "ragged", "kindred", "fled", "wed", "led",
]
}

word_set! {
    /// Words that mark a statement as an evaluation or an interpretation rather than a fact.
    EVALUATIVE = [
    "significant",
    "significance",
    "critical",
    "crucial",
    "vital",
    "essential",
    "important",
    "importance",
    "major",
    "key",
    "successful",
    "successfully",
    "success",
    "meticulous",
    "effective",
    "effectively",
    "efficient",
    "efficiently",
    "clear",
    "clearly",
    "strong",
    "robust",
    "bold",
    "landmark",
    "remarkable",
    "impressive",
    "commitment",
    "responsible",
    "responsibly",
    "humane",
    "fair",
    "fairly",
    "safely",
    "securely",
    "smoothly",
    "properly",
    "seamless",
    "seamlessly",
    "meaningful",
    "valuable",
    "promising",
    "ambitious",
    "innovative",
    "powerful",
    "achievement",
    "milestone",
    "priority",
    "paramount",
    "great",
    "excellent",
    "good",
    "bad",
    "poor",
    "terrible",
    "disastrous",
    "alarming",
    "troubling",
    "welcome",
    "encouraging",
    "best",
    "worst",
    "beautiful",
    "exciting",
    "interesting",
    "influential",
    "inspiring",
    "tremendous",
    "outstanding",
    "unfortunate",
    "unfortunately",
    "fortunately",
    "sadly",
    "hopefully",
    "rightly",
    "wrongly",
    "wisely",
    "vision",
    "demonstrates",
    "highlights",
    "underscores",
    "represents",
    "reflects",
    "symbolizes",
    "showcases",
    "exemplifies",
]
}

word_set! {
    /// Verbs that interpret what something means rather than report what happened.
    INTERPRETIVE_VERBS = [
    "demonstrates",
    "highlights",
    "underscores",
    "represents",
    "reflects",
    "symbolizes",
    "showcases",
    "exemplifies",
    "signals",
    "marks",
]
}

word_set! {
    /// Words that, after "the" or a possessive, make an "-est" word a superlative.
    NOT_SUPERLATIVE_EST = [
    "interest",
    "forest",
    "protest",
    "request",
    "contest",
    "test",
    "arrest",
    "west",
    "rest",
    "guest",
    "honest",
    "modest",
    "earnest",
    "invest",
    "suggest",
    "manifest",
    "harvest",
    "latest",
    "chest",
    "nest",
    "quest",
    "crest",
    "digest",
    "priest",
    "pest",
    "vest",
    "zest",
    "unrest",
    "conquest",
    "behest",
    "bequest",
    "inquest",
    "midwest",
    "northwest",
    "southwest",
    "attest",
    "detest",
    "divest",
    "infest",
    "ingest",
    "jest",
    "lest",
    "pretest",
    "everest",
    "budapest",
    "bucharest",
    "interest",
    "best",
    "worst",
]
}

word_set! {
    WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
]
}

word_set! {
    MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
}

word_set! {
    SPELLED_NUMBERS = [
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
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "half",
    "twice",
    "tripled",
    "doubled",
    "halved",
]
}

word_set! {
    /// Words after a number that belong to the figure: "3.5 percent", "$1.2 billion".
    SCALE_WORDS = [
    "percent",
    "per",
    "cent",
    "percentage",
    "points",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "bn",
    "m",
    "k",
]
}

word_set! {
    /// Words before a number that belong to the figure: "more than 4,000", "nearly 12".
    FIGURE_QUALIFIERS = [
    "more",
    "than",
    "over",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "at",
    "least",
    "up",
    "to",
    "fewer",
    "less",
    "some",
    "just",
    "only",
    "as",
    "many",
    "under",
    "below",
    "above",
    "exactly",
    "estimated",
    "an",
]
}

/// Currency and unit symbols that open or close a figure.
pub fn is_figure_symbol(text: &str) -> bool {
    matches!(text, "$" | "€" | "£" | "¥" | "₹" | "%")
}

word_set! {
    /// Words that open sentences. After a dotted acronym ("in the U.S. The next day"), one of
    /// these means the acronym ended the sentence; any other capitalised word ("the U.S.
    /// Senate") does not. At the start of a sentence, none of them is a name.
    SENTENCE_OPENERS = [
    "the",
    "a",
    "an",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "from",
    "his",
    "her",
    "their",
    "our",
    "there",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "since",
    "although",
    "however",
    "meanwhile",
    "still",
    "then",
    "now",
    "according",
    "some",
    "many",
    "most",
    "all",
    "no",
    "one",
    "other",
    "others",
    "what",
    "who",
    "why",
    "how",
    "last",
    "earlier",
    "later",
    "few",
    "several",
    "both",
    "such",
    "each",
    "every",
    "more",
    "less",
    "only",
    "even",
    "nor",
    "yet",
]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sentence: &str) -> Vec<&str> {
        tokens(sentence)
            .into_iter()
            .map(|token| token.text)
            .collect()
    }

    #[test]
    fn numbers_acronyms_and_compounds_stay_whole() {
        assert_eq!(
            texts("More than 4,000 U.S. high-risk detainees, 3.5% don't."),
            [
                "More",
                "than",
                "4,000",
                "U.S",
                ".",
                "high-risk",
                "detainees",
                ",",
                "3.5",
                "%",
                "don't",
                "."
            ]
        );
        assert_eq!(
            texts("Iraq,Syria $1.2bn"),
            ["Iraq", ",", "Syria", "$", "1.2bn"]
        );
    }

    #[test]
    fn acronyms_are_recognised() {
        let tokens = tokens("IS CBO U.S Iraq A");
        let acronyms: Vec<bool> = tokens.iter().map(Token::is_acronym).collect();
        assert_eq!(acronyms, [true, true, true, false, false]);
    }
}

word_set! {
    /// Words that put an action in the future as a plan or a schedule, not a guess: "will
    /// sign", "is scheduled to", "plans to". Checkable once a named actor or a day is given.
    FUTURE_MARKERS = ["will", "shall", "'ll"]
}

word_set! {
    /// Words that, followed by "to", schedule an action: "is due to land", "plans to sign".
    SCHEDULING_WORDS = ["scheduled", "set", "due", "plans", "planned", "expected", "poised", "slated"]
}

word_set! {
    /// Verbs that, after "will", state an intent or an attempt rather than an action:
    /// "will seek", "will try".
    INTENT_VERBS = [
    "seek", "try", "want", "hope", "aim", "consider", "need", "like", "wish", "prefer",
    "struggle", "attempt", "look", "feel", "think", "wonder", "likely", "probably",
]
}

word_set! {
    /// The commonest English function words, for telling English from other languages written
    /// in Latin letters (see `language`). Words as common in French, Spanish, Italian,
    /// Portuguese, German or Dutch ("a", "in", "on", "as", "de", "die") are left out; a few
    /// shared with one of them ("is", "was", "will") stay, being far commoner in English.
    ENGLISH_FUNCTION_WORDS = [
    "the", "an", "and", "or", "but", "if", "because", "of", "to", "at", "by", "for", "from",
    "with", "into", "about", "after", "before", "while", "than", "up", "out", "that", "this",
    "these", "those", "which", "who", "what", "when", "how", "there", "it", "its", "he", "she",
    "his", "her", "they", "their", "them", "you", "your", "our", "is", "are", "was", "were",
    "be", "been", "have", "has", "had", "will", "would", "could", "should", "can", "may",
    "more", "most", "not", "said", "says",
]
}
