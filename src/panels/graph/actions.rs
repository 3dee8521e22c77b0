//! Every git step of the guide's flow as a button or a small form — branch,
//! switch, change, stage, commit, merge, push, pull, fetch, open a pull
//! request, protect `main` — from the engine's [`workflow`]. Each runs the
//! same action as its typed command, and the terminal echoes that command.

use engine::view::forms::{Item, workflow};
use web_sys::Node as DomNode;

use crate::markup::{Element, el};
use crate::pages::Page;
use crate::panels::{button, form};
use crate::workspace::WorkspaceState;

fn bar(items: &[Item]) -> Element {
    el("div").class("b2p-actions").attr("role", "group").attr("aria-label", "Git actions").children(items.iter().map(
        |i| match i {
            Item::Button(c) => button(c.clone(), ""),
            Item::Form(f) => form(f),
        },
    ))
}

/// The git actions.
pub fn actions(parent: &DomNode, ws: &WorkspaceState, page: &mut Page) {
    let w = ws.clone();
    page.memo(parent, ws, move || w.with_world(workflow), |items| bar(items).into());
}
