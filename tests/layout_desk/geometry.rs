//! Where the desk put its interactive widgets, read from the AccessKit tree (which widgets a
//! person can reach: buttons, check boxes, text fields, combo boxes, links, tabs…) and egui's
//! widget rectangles (how much of each is visible after clipping), and what is wrong with it:
//! two widgets drawn over each other, or a widget cut off by the window or a panel.

use std::collections::{HashMap, HashSet};

use egui::accesskit::Role;
use egui::{LayerId, Rect};
use egui_kittest::kittest::NodeT as _;

use crate::common::desk::Desk;

/// An interactive widget as the last frame drew it.
#[derive(Debug, Clone)]
pub(crate) struct Widget {
    pub label: String,
    pub role: Role,
    /// The whole widget.
    pub rect: Rect,
    /// What is left of it after clipping (empty when scrolled out of view).
    pub visible: Rect,
    /// Its AccessKit ancestors' ids, to tell a widget inside another from two side by side.
    ancestors: HashSet<u64>,
    id: u64,
}

impl Widget {
    fn is_shown(&self) -> bool {
        self.visible.is_positive()
    }
}

/// Every interactive widget a person can reach now: those behind a modal dialog are left out.
pub(crate) fn interactive_widgets(harness: &Desk) -> Vec<Widget> {
    let rects = widget_rects(harness);
    let mut widgets = Vec::new();
    for node in harness.root().children_recursive() {
        let accesskit = node.accesskit_node();
        if !egui::accessibility::is_input(accesskit.role()) || accesskit.is_hidden() {
            continue;
        }
        let id = accesskit.locate().0.0;
        let Some((layer, rect)) = rects.get(&id) else {
            continue;
        };
        if !harness.ctx.memory(|m| m.allows_interaction(*layer)) {
            continue;
        }
        let mut ancestors = HashSet::new();
        let mut parent = accesskit.parent();
        while let Some(up) = parent {
            ancestors.insert(up.locate().0.0);
            parent = up.parent();
        }
        widgets.push(Widget {
            label: accesskit.label().unwrap_or_default(),
            role: accesskit.role(),
            rect: rect.rect,
            visible: rect.interact_rect,
            ancestors,
            id,
        });
    }
    widgets
}

/// What a person would mind in the layout of the last frame: interactive widgets drawn over
/// each other, widgets outside the window, and widgets cut off at the side by a panel (cut
/// at the top or bottom is a list scrolled part way, which is fine).
pub(crate) fn layout_problems(harness: &Desk) -> Vec<String> {
    let window = harness.ctx.content_rect();
    let widgets = interactive_widgets(harness);
    let mut problems = Vec::new();
    let shown: Vec<&Widget> = widgets.iter().filter(|w| w.is_shown()).collect();
    for (index, a) in shown.iter().enumerate() {
        for b in &shown[index + 1..] {
            if a.ancestors.contains(&b.id) || b.ancestors.contains(&a.id) {
                continue;
            }
            let overlap = a.visible.intersect(b.visible);
            if overlap.width() > 1.0 && overlap.height() > 1.0 {
                problems.push(format!(
                    "{:?} “{}” at {:?} overlaps {:?} “{}” at {:?}",
                    a.role, a.label, a.visible, b.role, b.label, b.visible
                ));
            }
        }
    }
    for widget in &shown {
        let cut = widget.rect.width() - widget.visible.width() > 1.0;
        if !window.expand(0.5).contains_rect(widget.visible) {
            problems.push(format!(
                "{:?} “{}” at {:?} lies outside the window {window:?}",
                widget.role, widget.label, widget.visible
            ));
        } else if cut {
            problems.push(format!(
                "{:?} “{}” is cut off at the side: {:?} of {:?} shows",
                widget.role, widget.label, widget.visible, widget.rect
            ));
        }
    }
    problems
}

/// The rectangles of the containers with this role (dialogs, panels, tips): their whole
/// extent, unclipped.
pub(crate) fn container_rects(harness: &Desk, role: Role) -> Vec<Rect> {
    let rects = widget_rects(harness);
    harness
        .root()
        .children_recursive()
        .filter(|node| node.accesskit_node().role() == role)
        .filter_map(|node| rects.get(&node.accesskit_node().locate().0.0))
        .map(|(_, widget)| widget.rect)
        .filter(|rect| rect.is_positive())
        .collect()
}

/// Every widget and container of the last frame by its id, with its layer.
fn widget_rects(harness: &Desk) -> HashMap<u64, (LayerId, egui::WidgetRect)> {
    harness.ctx.viewport(|viewport| {
        viewport
            .prev_pass
            .widgets
            .layers()
            .flat_map(|(layer, widgets)| widgets.iter().map(|w| (w.id.value(), (*layer, *w))))
            .collect()
    })
}
