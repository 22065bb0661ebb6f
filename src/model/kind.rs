//! Kinds of check-worthy statement, shared by suggestions and the claims they become.

use serde::{Deserialize, Serialize};

/// Why a sentence deserves a fact-checker's attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CheckKind {
    /// A figure or quantity: counts, money, percentages, dates, forecasts with figures.
    Figure,
    /// A specific event or action, by an identifiable actor, on a date, or plainly described.
    Event,
    /// A statement attributed to a named or specifically identified source.
    Attribution,
    /// A superlative, ranking or measurable comparison.
    Comparison,
    /// A causal claim about a concrete state, stated as fact.
    Causal,
    /// Content put in the mouth of an unnamed or vague source: a sourcing problem, not a
    /// factual claim in itself.
    UnnamedSource,
    /// A promotional or boilerplate line, likely to be cut.
    Promotional,
}

impl CheckKind {
    pub const ALL: [Self; 7] = [
        Self::Figure,
        Self::Event,
        Self::Attribution,
        Self::Comparison,
        Self::Causal,
        Self::UnnamedSource,
        Self::Promotional,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Figure => "Figure",
            Self::Event => "Event",
            Self::Attribution => "Attributed statement",
            Self::Comparison => "Superlative or comparison",
            Self::Causal => "Causal claim",
            Self::UnnamedSource => "Unnamed source",
            Self::Promotional => "Promotional line",
        }
    }

    /// A stable machine name, for the command line and the JSON outputs.
    pub fn key(self) -> &'static str {
        match self {
            Self::Figure => "figure",
            Self::Event => "event",
            Self::Attribution => "attribution",
            Self::Comparison => "comparison",
            Self::Causal => "causal",
            Self::UnnamedSource => "unnamed_source",
            Self::Promotional => "promotional",
        }
    }

    /// Whether this kind makes a sentence a factual claim (what the evaluation measures).
    pub fn is_factual(self) -> bool {
        !matches!(self, Self::UnnamedSource | Self::Promotional)
    }
}
