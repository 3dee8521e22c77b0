//! One module per route (`router::Route`), and [`Page`]: what a page keeps
//! alive while it is shown — its panels and its listeners. Leaving the page
//! drops it, and with it every redraw and listener it had.

pub mod home;
pub mod lesson;
pub mod not_found;
pub mod sandbox;

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
