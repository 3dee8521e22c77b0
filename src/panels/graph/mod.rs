//! The repository panel: where HEAD is, the session's buttons, every git
//! step as a button or form, and the commit graph.

mod actions;
mod commit_graph;
mod toolbar;

use web_sys::Node as DomNode;

use crate::markup::{append_element, el};
use crate::pages::Page;
use crate::workspace::WorkspaceState;

/// The repository panel.
pub fn repository(parent: &DomNode, ws: &WorkspaceState, page: &mut Page) {
    let Some(section) = append_element(parent, "section", "b2p-panel b2p-panel--graph") else { return };
    let _ = section.set_attribute("aria-label", "Repository");
    crate::markup::append(&section, &[el("h2").class("b2p-panel__title").text("Your repository").into()]);
    toolbar::toolbar(&section, ws, page);
    actions::actions(&section, ws, page);
    commit_graph::commit_graph(&section, ws, page);
}
