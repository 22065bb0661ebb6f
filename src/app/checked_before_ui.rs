//! "Checked before": what the claim library knows of a claim or a suggested sentence — the
//! verdict (its icon and word, never colour alone), the article, who checked it and when,
//! the sources, why it matches, and, when the figure differs, a warning in words — with the
//! button that copies the sources and verdict into the claim (one undoable edit).

use egui::{Frame, RichText, Ui};

use super::card_parts_ui::is_web_address;
use super::look;
use super::state::{Action, CheckedBefore, LibraryAction};
use crate::library::{ClaimMatch, LibraryClaim, MatchKind};
use crate::model::{Claim, Source};
use crate::text::{counted, shortened};

/// The "Checked before" block of a claim's card: the best match in full, the others counted
/// and shown on request. Nothing when the claim matches nothing.
pub fn claim_checked_before_ui(
    ui: &mut Ui,
    claim: &Claim,
    claim_name: &str,
    matches: &[CheckedBefore<'_>],
    actions: &mut Vec<Action>,
) {
    let Some((best, others)) = matches.split_first() else {
        return;
    };
    ui.add_space(4.0);
    Frame::new()
        .inner_margin(8)
        .corner_radius(4.0)
        .fill(ui.visuals().faint_bg_color)
        .stroke(egui::Stroke::new(1.0, look::attention_color(ui.visuals())))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Checked before").strong());
                if !others.is_empty() {
                    ui.label(
                        RichText::new(counted(others.len(), "more check", "more checks"))
                            .size(11.5)
                            .weak(),
                    );
                }
            });
            check_ui(ui, claim, claim_name, *best, 0, actions);
            if !others.is_empty() {
                egui::CollapsingHeader::new(
                    RichText::new(counted(others.len(), "more check", "more checks")).size(12.0),
                )
                .id_salt(("more checks", &claim.id))
                .show(ui, |ui| {
                    for (index, other) in others.iter().enumerate() {
                        ui.separator();
                        check_ui(ui, claim, claim_name, *other, index + 1, actions);
                    }
                });
            }
        });
}

/// One check: verdict and article, who and when, the figure warning, sources, why it
/// matches, the note, and the button to reuse it.
fn check_ui(
    ui: &mut Ui,
    claim: &Claim,
    claim_name: &str,
    found: CheckedBefore<'_>,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let checked = found.checked;
    verdict_ui(ui, checked);
    if let Some(warning) = figure_warning(found.matched, checked) {
        warning_ui(ui, &warning);
    }
    if !checked.sources.is_empty() {
        ui.label(RichText::new("Sources").size(12.0).strong());
        sources_ui(ui, &checked.sources);
    }
    if !checked.note.trim().is_empty() {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "Their note: {}",
                    shortened(checked.note.trim(), 300)
                ))
                .size(12.0),
            )
            .wrap(),
        );
    }
    ui.add(
        egui::Label::new(
            RichText::new(format!("Why: {}", found.matched.explanation()))
                .size(11.5)
                .weak(),
        )
        .wrap(),
    );
    let label = if index == 0 {
        format!("Reuse sources and verdict for claim {claim_name}")
    } else {
        format!("Reuse check {} for claim {claim_name}", index + 1)
    };
    if ui
        .button("Reuse sources and verdict")
        .accessible_name(label)
        .on_hover_text(
            "Copy these sources into this claim, with a note saying where they came from; the \
             claim becomes In progress until you confirm it for this draft (one undo step)",
        )
        .clicked()
    {
        actions.push(Action::Library(LibraryAction::Reuse {
            claim: claim.id.clone(),
            review: checked.review.clone(),
            checked: checked.claim.clone(),
        }));
    }
}

/// "✔ Verified in “Article”", then "by Ana · 3 Mar 2026, 10:12".
pub fn verdict_ui(ui: &mut Ui, checked: &LibraryClaim) {
    ui.horizontal_wrapped(|ui| {
        ui.label(look::claim_status_text(checked.status, ui.visuals()).strong());
        ui.label(format!("in “{}”", shortened(&checked.article, 80)));
    });
    ui.label(
        RichText::new(format!(
            "by {} · {}",
            checked.checked_by,
            look::time_for_people(checked.checked_at)
        ))
        .size(11.5)
        .weak(),
    );
}

/// A warning line, marked by its sign and its words as well as its colour.
fn warning_ui(ui: &mut Ui, warning: &str) {
    ui.add(
        egui::Label::new(
            RichText::new(format!("⚠ {warning}"))
                .strong()
                .color(look::attention_color(ui.visuals())),
        )
        .wrap(),
    );
}

/// The sources of a check: each title as a link to its address (or its address, or the
/// title alone without one).
pub fn sources_ui(ui: &mut Ui, sources: &[Source]) {
    for source in sources {
        let url = source.url.trim();
        let title = source.title.trim();
        let shown = match (title.is_empty(), url.is_empty()) {
            (false, _) => shortened(title, 60),
            (true, false) => shortened(url, 60),
            (true, true) => "(a source with no title or address)".to_owned(),
        };
        if is_web_address(url) {
            ui.hyperlink_to(format!("{shown} ↗"), url)
                .on_hover_text(format!("Open {url} in the browser"));
        } else {
            ui.label(RichText::new(shown).size(12.5));
        }
    }
}

/// What a suggested sentence's row says of the checks it matches: "Checked before: verified
/// in “Article” (Ana, 3 Mar 2026)" and, for another figure, the warning line.
pub fn suggestion_checked_before_ui(ui: &mut Ui, matches: &[CheckedBefore<'_>]) {
    let Some(best) = matches.first() else {
        return;
    };
    let checked = best.checked;
    let more = match matches.len() - 1 {
        0 => String::new(),
        others => format!(" and {}", counted(others, "more check", "more checks")),
    };
    ui.add(
        egui::Label::new(
            RichText::new(format!(
                "Checked before: {} {} in “{}” ({}, {}){more}",
                look::claim_status_icon(checked.status),
                checked.status.label().to_lowercase(),
                shortened(&checked.article, 60),
                checked.checked_by,
                look::time_for_people(checked.checked_at)
            ))
            .size(12.0),
        )
        .wrap(),
    );
    if let Some(warning) = figure_warning(best.matched, checked) {
        warning_ui(ui, &warning);
    }
}

/// For the same claim with another figure: "Last checked as about 5,700 (verified, 3
/// sources) — this draft says more than 4,000".
pub fn figure_warning(matched: &ClaimMatch, checked: &LibraryClaim) -> Option<String> {
    let MatchKind::DifferentFigure { checked: then, now } = &matched.kind else {
        return None;
    };
    Some(format!(
        "Last checked as {then} ({}, {}) — this draft says {now}",
        checked.status.label().to_lowercase(),
        counted(checked.sources.len(), "source", "sources")
    ))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::figure_warning;
    use crate::library::{ClaimMatch, LibraryClaim, MatchKind};
    use crate::model::{ClaimId, ClaimStatus, Source};

    #[test]
    fn another_figure_is_said_in_words() {
        let checked = LibraryClaim {
            review: PathBuf::from("/team/transfer.copydesk.ron"),
            claim: ClaimId::from_text("k-1"),
            article: "The transfer".to_owned(),
            quote: "about 5,700 fighters".to_owned(),
            sentence: "The group moved about 5,700 fighters.".to_owned(),
            status: ClaimStatus::Verified,
            sources: vec![Source::default(); 3],
            note: String::new(),
            checked_by: "Ana".to_owned(),
            checked_at: jiff::Timestamp::UNIX_EPOCH,
        };
        let mut matched = ClaimMatch {
            claim: 0,
            score: 0.9,
            kind: MatchKind::SameClaim,
            same_figures: Vec::new(),
            same_actors: Vec::new(),
            wording: 0.7,
        };
        assert_eq!(figure_warning(&matched, &checked), None);
        matched.kind = MatchKind::DifferentFigure {
            checked: "about 5,700".to_owned(),
            now: "more than 4,000".to_owned(),
        };
        assert_eq!(
            figure_warning(&matched, &checked).as_deref(),
            Some(
                "Last checked as about 5,700 (verified, 3 sources) — this draft says more than 4,000"
            )
        );
    }
}
