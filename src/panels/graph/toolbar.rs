//! Buttons over the graph — new commit, undo, reset — and where HEAD is, all
//! from the engine's toolbar view. Each button applies its action, and the
//! terminal shows that action's command.

use engine::view::{Toolbar as Bar, toolbar as view};
use web_sys::Node as DomNode;

use crate::markup::{Element, el};
use crate::pages::Page;
use crate::panels::button;
use crate::workspace::WorkspaceState;

fn bar(b: &Bar) -> Element {
    el("div")
        .class("b2p-toolbar")
        .attr("role", "toolbar")
        .attr("aria-label", "Repository actions")
        .child(el("span").class("b2p-toolbar__where").attr("data-testid", "head-status").text(b.head.as_str()))
        .children(
            b.controls
                .iter()
                .enumerate()
                .map(|(i, c)| button(c.clone(), if i == 0 { "b2p-button--primary" } else { "" })),
        )
}

/// The toolbar.
pub fn toolbar(parent: &DomNode, ws: &WorkspaceState, page: &mut Page) {
    let w = ws.clone();
    page.memo(parent, ws, move || w.with_session(view), |b| bar(b).into());
}
