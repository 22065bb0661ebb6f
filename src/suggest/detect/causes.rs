//! Causes: a concrete cause stated as fact ("forced the closure", "led to 40 cancellations").

use super::Reading;

impl Reading<'_> {
    /// "caused", "led to", "forced", "because of", "as a result of".
    pub(super) fn cause(&self) -> Option<String> {
        const CAUSAL: &[&str] = &[
            "caused",
            "causing",
            "forced",
            "forcing",
            "triggered",
            "prompted",
            "sparked",
            "fueled",
            "fuelled",
        ];
        let tokens = self.tokens;
        tokens.iter().enumerate().find_map(|(index, token)| {
            let next = tokens.get(index + 1);
            if token.is_any(CAUSAL) && index > 0 && !tokens[index - 1].is_any(&["the", "a"]) {
                return Some(self.quote(index, index));
            }
            // "This runs the server out of memory and causes tremendous CPU load": the present
            // of a system's behaviour — but "the root causes of" and "its causes are" are nouns.
            if token.is_any(&["causes", "triggers"])
                && index > 0
                && !tokens[index - 1].is_any(&["the", "a", "its", "their", "root", "main", "of"])
                && !tokens[index - 1].lower.ends_with("’s")
                && !tokens[index - 1].lower.ends_with("'s")
                && next.is_some_and(|next| {
                    next.is_word && !next.is_any(&["of", "are", "is", "were", "was", "include"])
                })
            {
                return Some(self.quote(index, index));
            }
            if token.is_any(&["led", "contributed", "leading"]) && next.is_some_and(|n| n.is("to"))
                || token.is("resulted") && next.is_some_and(|n| n.is("in"))
                || token.is("because") && next.is_some_and(|n| n.is("of"))
                || token.is("due") && next.is_some_and(|n| n.is("to"))
            {
                let past_elsewhere =
                    (0..tokens.len()).any(|other| other != index && self.is_past_form(other));
                return (token.is_any(&["led", "contributed", "resulted"]) || past_elsewhere)
                    .then(|| self.quote(index, index + 1));
            }
            None
        })
    }
}
