//! Panels drawn from plain values instead of Leptos view types.
//!
//! Each distinct Leptos view costs the first load several kilobytes of
//! generic code; a panel built as a [`Node`] tree costs only the code that
//! builds the tree, and one renderer ([`patch`]) serves every panel. The
//! terminal and the graph stay Leptos views; read-mostly panels (pull
//! requests, profiles, environments, the toolbar) use this.

mod node;
mod patch;

pub use node::{Element, Node, code, el};

use std::rc::Rc;

use engine::Action;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::workspace::WorkspaceState;

/// Appends `nodes` (which carry no actions) to `parent`: for append-only
/// content such as the terminal's scrollback, whose cost must not grow with
/// its length.
pub fn append(parent: &web_sys::Element, nodes: &[Node]) {
    let drawn = parent
        .owner_document()
        .ok_or(wasm_bindgen::JsValue::NULL)
        .and_then(|doc| patch::append(&doc, parent, nodes, false));
    if let Err(e) = drawn {
        leptos::logging::error!("drawing failed: {e:?}");
    }
}

/// What a panel draws: a fixed tree, or a function of signals (memos of the
/// engine's read model) that is called again whenever they change. One type
/// for every panel, so the reactive machinery is compiled once, not once per
/// panel.
#[derive(Clone)]
pub struct Tree(Rc<dyn Fn() -> Node>);

impl<F: Fn() -> Node + 'static> From<F> for Tree {
    fn from(f: F) -> Self {
        Self(Rc::new(f))
    }
}

impl From<Node> for Tree {
    fn from(n: Node) -> Self {
        Self(Rc::new(move || n.clone()))
    }
}

impl From<Element> for Tree {
    fn from(e: Element) -> Self {
        Node::from(e).into()
    }
}

/// What the host element needs: the tree to show, and where its click
/// actions go.
#[derive(Clone)]
struct Host {
    tree: Tree,
    actions: StoredValue<Vec<Action>>,
}

/// Draws `host.tree` into `el` now, and again whenever it changes.
fn draw(el: web_sys::Element, host: Host) {
    // What is on the page: the tree and its DOM node.
    let mut shown: Option<(web_sys::Node, Node)> = None;
    let effect = RenderEffect::new(move |_| {
        let mut next = (host.tree.0)();
        let mut actions = Vec::new();
        patch::number_actions(&mut next, &mut actions);
        match patch::root(&el, shown.as_ref().map(|(d, n)| (d, n)), &next) {
            Ok(dom) => shown = Some((dom, next)),
            Err(e) => leptos::logging::error!("drawing a panel failed: {e:?}"),
        }
        host.actions.set_value(actions);
    });
    // The effect lives as long as the component that owns the host.
    StoredValue::new_local(effect);
}

/// A panel drawn from `tree` (recomputed from the engine's read model, or
/// fixed); a click on an element that carries an action applies it to the
/// page's workspace.
#[component]
pub fn Markup(
    /// The panel.
    #[prop(into)]
    tree: Tree,
) -> impl IntoView {
    // Pages without a world (home) draw no action buttons.
    let ws = use_context::<WorkspaceState>();
    let actions = StoredValue::new(Vec::new());
    let host = Host { tree, actions };
    let click = move |ev: web_sys::MouseEvent| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let index = target
            .and_then(|t| t.closest("[data-act]").ok().flatten())
            .and_then(|e| e.get_attribute("data-act"))
            .and_then(|i| i.parse::<usize>().ok());
        if let (Some(ws), Some(action)) = (ws, index.and_then(|i| actions.with_value(|a| a.get(i).cloned()))) {
            ws.apply(&action);
        }
    };
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let form = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some((form, name)) = form.and_then(|f| f.get_attribute("data-form").map(|n| (f, n))) else {
            return;
        };
        if let Some(ws) = ws {
            ws.submit(&name, &values(&form));
            // Ready for the next command, as a terminal's prompt is.
            if let Some(f) = form.dyn_ref::<web_sys::HtmlFormElement>() {
                f.reset();
            }
        }
    };
    view! { <div class="b2p-markup" use:draw=host on:click=click on:submit=submit></div> }
}

/// A form's named inputs and selects, as (name, value).
fn values(form: &web_sys::Element) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(list) = form.query_selector_all("[name]") else {
        return out;
    };
    for i in 0..list.length() {
        let Some(node) = list.item(i) else { continue };
        let value = if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            input.value()
        } else if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.value()
        } else {
            continue;
        };
        if let Some(name) = node.dyn_ref::<web_sys::Element>().and_then(|e| e.get_attribute("name")) {
            out.push((name, value));
        }
    }
    out
}
