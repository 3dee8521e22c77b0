//! One module per route (`router::Route`), and [`Page`]: what a page keeps
//! alive while it is shown — its panels and its listeners. Leaving the page
//! drops it, and with it every redraw and listener it had.

pub mod home;
#[cfg(feature = "interview")]
pub mod interview;
pub mod lesson;
pub mod not_found;
#[cfg(feature = "interview")]
pub mod reference;
pub mod sandbox;
#[cfg(feature = "interview")]
pub mod sheet;

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Node as DomNode;

use crate::markup::{Listener, Node, Panel, View};
use crate::workspace::WorkspaceState;

/// The live parts of the page shown.
#[derive(Default)]
pub struct Page {
    views: Vec<Rc<dyn View>>,
    listeners: Vec<Listener>,
}

impl Page {
    /// A panel drawing `tree` at the end of `parent`, redrawn whenever `ws`
    /// changes; its buttons and forms act on `ws`.
    pub fn panel(
        &mut self,
        parent: &DomNode,
        ws: Option<&WorkspaceState>,
        tree: impl Fn() -> Node + 'static,
    ) -> Option<Rc<Panel>> {
        self.add(parent, ws, move || Some(tree()))
    }

    /// A panel drawn from `key` (what it shows, computed from the workspace)
    /// by `tree`: when a change leaves the key as it was, the panel is left
    /// alone — no tree built, nothing compared. Most commands change only a
    /// few panels.
    pub fn memo<K: PartialEq + 'static>(
        &mut self,
        parent: &DomNode,
        ws: &WorkspaceState,
        key: impl Fn() -> K + 'static,
        tree: impl Fn(&K) -> Node + 'static,
    ) -> Option<Rc<Panel>> {
        let last: RefCell<Option<K>> = RefCell::new(None);
        self.add(parent, Some(ws), move || {
            let k = key();
            if last.borrow().as_ref() == Some(&k) {
                return None;
            }
            let node = tree(&k);
            *last.borrow_mut() = Some(k);
            Some(node)
        })
    }

    fn add(
        &mut self,
        parent: &DomNode,
        ws: Option<&WorkspaceState>,
        tree: impl Fn() -> Option<Node> + 'static,
    ) -> Option<Rc<Panel>> {
        let panel = Panel::new(parent, ws, tree)?;
        let view: Rc<dyn View> = panel.clone();
        if let Some(ws) = ws {
            ws.watch(&view);
        }
        self.views.push(view);
        Some(panel)
    }

    /// Keeps `view` redrawn while the page is shown.
    pub fn keep(&mut self, ws: &WorkspaceState, view: Rc<dyn View>) {
        ws.watch(&view);
        self.views.push(view);
    }

    /// Keeps `listener` while the page is shown.
    pub fn listen(&mut self, listener: Listener) {
        self.listeners.push(listener);
    }
}
