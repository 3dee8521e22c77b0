//! The lesson panel: the lesson's text, loaded on first use from
//! `/lessons/ID.md` and shown as text (never as HTML).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Node as DomNode;

use crate::content::{self, ContentError};
use crate::markup::{Element, View, el};
use crate::pages::Page;

fn panel(id: &str, text: Option<&Result<String, ContentError>>) -> Element {
    let (body, failed) = match text {
        None => ("Loading the lesson…".to_string(), false),
        Some(Ok(body)) => (body.clone(), false),
        Some(Err(ContentError::NotFound)) => (format!("There is no lesson called “{id}”."), true),
        Some(Err(e)) => (e.to_string(), true),
    };
    let class = if failed { "b2p-lesson__text b2p-lesson__text--error" } else { "b2p-lesson__text" };
    el("section")
        .class("b2p-panel b2p-panel--lesson")
        .attr("aria-label", "Lesson")
        .attr("data-testid", "lesson-panel")
        .attr("data-lesson", id)
        .child(el("h2").class("b2p-panel__title").text("Lesson"))
        .child(el("div").class(class).attr_opt("role", failed.then_some("alert")).text(body))
        .child(
            el("p")
                .class("b2p-panel__note")
                .text("Try it in the workspace below, or ")
                .child(el("a").attr("href", "/sandbox").text("open the sandbox"))
                .text("."),
        )
}

/// The lesson's text, or why it is missing.
type Loaded = Result<String, ContentError>;

/// The lesson panel: drawn at once (loading), again when the text arrives.
pub fn lesson_panel(parent: &DomNode, id: &str, page: &mut Page) {
    let text: Rc<RefCell<Option<Loaded>>> = Rc::new(RefCell::new(None));
    let (t, id_owned) = (text.clone(), id.to_string());
    let Some(panel) = page.panel(parent, None, move || panel(&id_owned, t.borrow().as_ref()).into()) else {
        return;
    };
    let shown = Rc::downgrade(&panel);
    content::text(format!("/lessons/{id}.md"), move |r| {
        *text.borrow_mut() = Some(r);
        // The page may have moved on; then nobody is waiting.
        if let Some(p) = shown.upgrade() {
            p.redraw();
        }
    });
}
