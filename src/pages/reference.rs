//! `/reference`: the guide's cheat sheet — quick commands, the
//! environment-differences table, the three profiles from the default
//! world, the workflow — fetched as a sheet on first use and printable on
//! two pages. Every command has a "try it" that opens the sandbox with it
//! typed.

use std::cell::RefCell;
use std::rc::Rc;

use engine::World;
use engine::sheet::Sheet;
use engine::view::map::map;
use engine::view::profiles::profiles;
use web_sys::Node as DomNode;

use crate::content;
use crate::markup::{Element, View, el};
use crate::pages::Page;
use crate::pages::home::big_picture;
use crate::pages::sheet::sections;
use crate::panels::profiles::table;

/// The sheet's live parts, from the world every learner starts with.
fn live(name: &str) -> Option<Element> {
    let world = World::new();
    match name {
        "workflow" => Some(big_picture(&map(&world), world.servers().topology, "Branches feed environments")),
        "profiles" => Some(table(&profiles(&world))),
        _ => None,
    }
}

fn tree(state: Option<&Result<Sheet, String>>) -> Element {
    let page = el("article").class("b2p-sheet b2p-reference").attr("data-testid", "reference");
    match state {
        None => page.child(el("p").attr("role", "status").text("Loading the reference…")),
        Some(Err(e)) => page.child(el("p").attr("role", "alert").text(e.clone())),
        Some(Ok(s)) => page
            .child(
                el("header")
                    .class("b2p-sheet__top")
                    .child(el("h1").class("b2p-sheet__title").text(s.title.clone()))
                    .child(
                        el("button")
                            .attr("type", "button")
                            .class("b2p-button b2p-sheet__print")
                            .attr("data-testid", "print")
                            .text("Print this sheet"),
                    ),
            )
            .children(sections(&s.blocks, &live)),
    }
}

/// The reference page.
pub fn reference(main: &DomNode, page: &mut Page) {
    let state: Rc<RefCell<Option<Result<Sheet, String>>>> = Rc::new(RefCell::new(None));
    let shown = state.clone();
    let Some(panel) = page.panel(main, None, move || tree(shown.borrow().as_ref()).into()) else { return };
    page.listen(crate::markup::listen(panel.host(), "click", |ev| {
        let on_print = crate::markup::clicked(&ev, "[data-testid=print]").is_some();
        if on_print && let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    }));
    let panel = Rc::downgrade(&panel);
    content::sheet("/reference/reference.sheet", "The reference", move |r| {
        *state.borrow_mut() = Some(r);
        if let Some(p) = panel.upgrade() {
            p.redraw();
        }
    });
}
