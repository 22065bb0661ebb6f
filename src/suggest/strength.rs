//! How strong a suggestion must be to be offered. A dense text suggests nearly every
//! sentence, and a page underlined line after line looks ruled: the desk can offer every
//! suggestion, or only the strong ones.

use serde::{Deserialize, Serialize};

use super::Suggestion;

/// Which suggestions are offered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SuggestionStrength {
    /// Every sentence the detector suggests.
    #[default]
    All,
    /// Sentences with one clear sign (a figure, a ranking, a named source, a dated event, a
    /// promotional line) or several weaker ones.
    Strong,
}

/// The score from which a suggestion is strong: one clear sign alone (a weight of 0.8 or
/// more) reaches it; an unnamed source (0.6), a cause (0.7) or an action told without a date
/// (0.55 to 0.75) alone does not. Just under 0.8, so a weight of 0.8 is not lost to rounding.
pub const STRONG_SCORE: f32 = 0.79;

impl SuggestionStrength {
    pub const ALL: [Self; 2] = [Self::All, Self::Strong];

    /// How the menu names it: "Suggestions: all", "Suggestions: strong only".
    pub fn label(self) -> &'static str {
        match self {
            Self::All => "Suggestions: all",
            Self::Strong => "Suggestions: strong only",
        }
    }

    /// Whether a suggestion of this strength is offered.
    pub fn admits(self, suggestion: &Suggestion) -> bool {
        match self {
            Self::All => true,
            Self::Strong => suggestion.score() >= STRONG_SCORE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionId;
    use crate::suggest::Detector;

    fn suggestion(sentence: &str) -> Suggestion {
        Suggestion {
            section: SectionId::from_text("s-1"),
            range: 0..sentence.chars().count(),
            sentence: sentence.to_owned(),
            assessment: Detector::default().assess(sentence),
        }
    }

    #[test]
    fn strong_only_keeps_clear_signs_and_drops_single_weak_ones() {
        let strong = [
            "The plan costs $1.2 billion a year.",
            "Mayor Lisa Ortiz said the plan was fair.",
            "Police arrested two men on Monday.",
        ];
        let weak = [
            "Critics argue that the money would be better spent on bus services.",
            "Every applicant was interviewed in person.",
        ];
        for sentence in strong {
            let suggestion = suggestion(sentence);
            assert!(!suggestion.assessment.signals.is_empty(), "{sentence}");
            assert!(SuggestionStrength::Strong.admits(&suggestion), "{sentence}");
        }
        for sentence in weak {
            let suggestion = suggestion(sentence);
            assert!(!suggestion.assessment.signals.is_empty(), "{sentence}");
            assert!(SuggestionStrength::All.admits(&suggestion), "{sentence}");
            assert!(
                !SuggestionStrength::Strong.admits(&suggestion),
                "{sentence}"
            );
        }
    }
}
