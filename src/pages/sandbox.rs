//! `/sandbox`: the whole world, free to play with. Its world lasts for the
//! visit: leaving the page and coming back finds it as it was.

use engine::World;
use engine::share::Start;
use wasm_bindgen::JsCast;
use web_sys::Node as DomNode;

use crate::markup::el;
use crate::pages::Page;
use crate::workspace::{self, Layout, workspace};

/// The sandbox's workspace, its world restored on first use (from a share
/// link, else the saved world).
pub fn sandbox_workspace() -> crate::workspace::WorkspaceState {
    let (ws, new) = workspace(&Start::Sandbox);
    if new {
        crate::opening::open(&ws, World::new(), |_| {});
    }
    ws
}

/// The sandbox page.
pub fn sandbox(main: &DomNode, presenting: bool, page: &mut Page) {
    if let Some(main) = main.dyn_ref::<web_sys::Element>() {
        crate::markup::append(main, &[el("h1").class("b2p-visually-hidden").text("Sandbox").into()]);
    }
    let ws = sandbox_workspace();
    let layout = if presenting { Layout::Presenter } else { Layout::Sandbox };
    workspace::draw(main, &ws, layout, page);
    // A "try it" from the reference: the line typed, waiting for Enter.
    if let Some(line) = crate::router::address().decoded("try")
        && let Some(input) = main
            .dyn_ref::<web_sys::Element>()
            .and_then(|m| m.query_selector("[data-testid=terminal-input]").ok().flatten())
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value(&line);
        let _ = input.focus();
    }
}
