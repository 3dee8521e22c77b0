//! The page's rendering: panels drawn from plain values ([`Node`] trees) that
//! panels build from the engine's read model, and patched in place whenever
//! their workspace changes.
//!
//! Why not a framework's views: the engine is most of the first-load budget
//! (≈ 185 KB of the 250), and in this app Leptos's views and reactive graph
//! measured 33 KB more. Here the world changes only through the workspace
//! ([`WorkspaceState::apply`]), so every panel is a pure function of it,
//! redrawn after each change; [`patch`] touches only what differs. One
//! renderer and one listener pair per panel serve the whole page.

mod listen;
mod node;
mod patch;

pub use listen::{Listener, clicked, listen};
pub use node::{Element, Node, code, el, inline};

use std::cell::RefCell;
use std::rc::Rc;

use engine::Action;
use wasm_bindgen::JsCast;
use web_sys::{Element as DomElement, Node as DomNode};

use crate::workspace::WorkspaceState;

/// Something on the page drawn from a workspace, redrawn when it changes.
pub trait View {
    /// Brings the page up to date.
    fn redraw(&self);
}

/// The page's document.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// A new element `tag` with `class`, appended to `parent`.
pub fn append_element(parent: &DomNode, tag: &str, class: &str) -> Option<DomElement> {
    let e = document()?.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    parent.append_child(&e).ok()?;
    Some(e)
}

/// Appends `nodes` (which carry no actions) to `parent`: for append-only
/// content such as the terminal's scrollback, whose cost must not grow with
/// its length.
pub fn append(parent: &DomElement, nodes: &[Node]) {
    let drawn = parent
        .owner_document()
        .ok_or(wasm_bindgen::JsValue::NULL)
        .and_then(|doc| patch::append(&doc, parent, nodes, false));
    if let Err(e) = drawn {
        web_sys::console::error_2(&"drawing failed".into(), &e);
    }
}

/// A panel: a host element showing the tree its function returns now. A
/// click on an element that carries an action applies it to the workspace,
/// and a form from the engine's read model is submitted to it.
pub struct Panel {
    host: DomElement,
    /// The tree to show, or `None` when what it shows has not changed.
    tree: Box<dyn Fn() -> Option<Node>>,
    shown: RefCell<Option<(DomNode, Node)>>,
    actions: RefCell<Vec<Action>>,
    listeners: RefCell<Vec<Listener>>,
}

impl Panel {
    /// A panel drawing `tree` in a new host at the end of `parent`; its
    /// buttons and forms act on `ws`.
    pub fn new(
        parent: &DomNode,
        ws: Option<&WorkspaceState>,
        tree: impl Fn() -> Option<Node> + 'static,
    ) -> Option<Rc<Self>> {
        let host = append_element(parent, "div", "b2p-markup")?;
        let panel = Rc::new(Self {
            host,
            tree: Box::new(tree),
            shown: RefCell::new(None),
            actions: RefCell::new(Vec::new()),
            listeners: RefCell::new(Vec::new()),
        });
        panel.redraw();
        if let Some(ws) = ws {
            let (me, to) = (Rc::downgrade(&panel), ws.clone());
            let click = listen(&panel.host, "click", move |ev| {
                let index = ev
                    .target()
                    .and_then(|t| t.dyn_into::<DomElement>().ok())
                    .and_then(|t| t.closest("[data-act]").ok().flatten())
                    .and_then(|e| e.get_attribute("data-act"))
                    .and_then(|i| i.parse::<usize>().ok());
                let action = me.upgrade().zip(index).and_then(|(p, i)| p.actions.borrow().get(i).cloned());
                if let Some(action) = action {
                    to.apply(&action);
                }
            });
            let to = ws.clone();
            let submit = listen(&panel.host, "submit", move |ev| {
                ev.prevent_default();
                let form = ev.target().and_then(|t| t.dyn_into::<DomElement>().ok());
                let Some((form, name)) = form.and_then(|f| f.get_attribute("data-form").map(|n| (f, n))) else {
                    return;
                };
                let values = values(&form);
                // Ready for the next command, as a terminal's prompt is.
                if let Some(f) = form.dyn_ref::<web_sys::HtmlFormElement>() {
                    f.reset();
                }
                to.submit(&name, &values);
            });
            panel.listeners.borrow_mut().extend([click, submit]);
        }
        Some(panel)
    }

    /// The element the panel draws into.
    pub fn host(&self) -> &DomElement {
        &self.host
    }
}

impl View for Panel {
    fn redraw(&self) {
        let Some(mut next) = (self.tree)() else { return };
        let mut actions = Vec::new();
        patch::number_actions(&mut next, &mut actions);
        let mut shown = self.shown.borrow_mut();
        match patch::root(&self.host, shown.as_ref().map(|(d, n)| (d, n)), &next) {
            Ok(dom) => *shown = Some((dom, next)),
            Err(e) => web_sys::console::error_2(&"drawing a panel failed".into(), &e),
        }
        *self.actions.borrow_mut() = actions;
    }
}

/// A form's named inputs, selects and text areas, as (name, value).
fn values(form: &DomElement) -> Vec<(String, String)> {
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
        } else if let Some(text) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            text.value()
        } else {
            continue;
        };
        if let Some(name) = node.dyn_ref::<DomElement>().and_then(|e| e.get_attribute("name")) {
            out.push((name, value));
        }
    }
    out
}
