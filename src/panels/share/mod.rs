//! Share and save: the current world's share link (always shown, with a
//! copy button), export to a JSON file and import from one. The link is
//! computed a moment after the last change, not on every command: it covers
//! the whole session, and commands must stay fast however long that is.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use engine::share::{file, link};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element as DomElement, HtmlInputElement, Node as DomNode};

use crate::markup::{View, el, listen};
use crate::notice::{self, Tone};
use crate::opening;
use crate::pages::Page;
use crate::timer::{self, Quiet};
use crate::workspace::WorkspaceState;

struct Share {
    ws: WorkspaceState,
    host: DomElement,
    /// The workspace version the link shows.
    shown: Cell<Option<u64>>,
    /// Recomputed once 300 ms pass without a change.
    quiet: Quiet,
    me: RefCell<Weak<Share>>,
}

impl Share {
    fn update(&self) {
        let record = self.ws.record();
        let url = format!("{}{}#{}", origin(), record.start.path(), link::encode(&record));
        if let Some(input) = self.find::<HtmlInputElement>("[data-testid=share-link]") {
            input.set_value(&url);
            // How many commands the link holds: a test waits for its own.
            let _ = input.set_attribute("data-commands", &record.lines.len().to_string());
        }
        if let Some(size) = self.find::<DomElement>("[data-testid=share-size]") {
            size.set_text_content(Some(&format!("{} characters", url.chars().count())));
        }
        self.shown.set(Some(self.ws.version()));
    }

    /// Points the Export link at the world as it is now (a JSON file), just
    /// before the browser follows it: only an export pays for the file.
    fn point_export(&self, a: &DomElement) {
        let record = self.ws.record();
        let json = file::export(&record);
        let href = format!("data:application/json;charset=utf-8,{}", js_sys::encode_uri_component(&json));
        let _ = a.set_attribute("href", &href);
        let _ = a.set_attribute("download", &format!("branch-to-prod-{}.json", record.start.name().replace(':', "-")));
    }

    fn find<T: JsCast>(&self, selector: &str) -> Option<T> {
        self.host.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into().ok())
    }
}

impl View for Share {
    fn redraw(&self) {
        if self.shown.get() != Some(self.ws.version())
            && let Some(ms) = self.quiet.touch()
        {
            wait(self.me.borrow().clone(), ms);
        }
    }
}

fn wait(me: Weak<Share>, ms: i32) {
    timer::after(
        ms,
        Box::new(move || {
            if let Some(s) = me.upgrade() {
                match s.quiet.due() {
                    None => s.update(),
                    Some(ms) => wait(me, ms),
                }
            }
        }),
    );
}

fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// The share panel, at the end of `parent`.
pub fn share(parent: &DomNode, ws: &WorkspaceState, page: &mut Page) {
    let tree = el("section")
        .class("b2p-panel b2p-panel--share")
        .attr("aria-labelledby", "share-title")
        .child(el("h2").class("b2p-panel__title").attr("id", "share-title").text("Share this world"))
        .child(el("p").class("b2p-share__hint").text(
            "The link opens this exact world — graph, servers, pull requests, and your commands in the terminal. \
             It lives after the #, which no server sees. Your work is also saved in this browser.",
        ))
        .child(
            el("div")
                .class("b2p-share__row")
                .child(
                    el("label")
                        .class("b2p-share__link")
                        .child(el("span").class("b2p-visually-hidden").text("Share link"))
                        .child(
                            el("input")
                                .attr("type", "text")
                                .attr("readonly", "")
                                .class("b2p-share__input")
                                .attr("data-testid", "share-link")
                                .attr("spellcheck", "false"),
                        ),
                )
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("b2p-button b2p-button--primary")
                        .attr("data-share", "copy")
                        .attr("data-testid", "share-copy")
                        .text("Copy link"),
                ),
        )
        .child(
            el("div")
                .class("b2p-share__row")
                .child(el("a").class("b2p-button").attr("data-testid", "export").text("Export file"))
                .child(
                    el("label").class("b2p-button b2p-share__import").text("Import file").child(
                        el("input")
                            .attr("type", "file")
                            .attr("accept", ".json,application/json")
                            .class("b2p-visually-hidden")
                            .attr("data-testid", "import"),
                    ),
                )
                .child(
                    el("span").class("b2p-share__size").attr("data-testid", "share-size").attr("aria-live", "polite"),
                ),
        );
    let Some(host) = crate::markup::append_element(parent, "div", "b2p-markup") else { return };
    crate::markup::append(&host, &[tree.into()]);
    let view = Rc::new(Share {
        ws: ws.clone(),
        host: host.clone(),
        shown: Cell::new(None),
        quiet: Quiet::new(300.0, f64::INFINITY),
        me: RefCell::new(Weak::new()),
    });
    *view.me.borrow_mut() = Rc::downgrade(&view);
    view.update();
    let v = view.clone();
    page.listen(listen(&host, "click", move |ev| {
        let target = ev.target().and_then(|t| t.dyn_into::<DomElement>().ok());
        if let Some(t) = target {
            if t.closest("[data-share=copy]").ok().flatten().is_some() {
                copy(&v);
            } else if let Some(a) = t.closest("[data-testid=export]").ok().flatten() {
                v.point_export(&a);
            }
        }
    }));
    page.listen(listen(&host, "change", move |ev| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        let Some(f) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        wasm_bindgen_futures::spawn_local(async move {
            let text = JsFuture::from(f.text()).await.ok().and_then(|t| t.as_string()).unwrap_or_default();
            match file::import(&text) {
                Ok(record) => opening::import(record),
                Err(e) => notice::show(Tone::Problem, format!("This file {e}. Nothing was changed.")),
            }
        });
    }));
    page.keep(ws, view);
}

fn copy(view: &Share) {
    if view.shown.get() != Some(view.ws.version()) {
        view.update();
    }
    let Some(input) = view.find::<HtmlInputElement>("[data-testid=share-link]") else { return };
    input.select();
    let button = view.find::<DomElement>("[data-testid=share-copy]");
    crate::clipboard::copy(&input.value(), button, "Copied ✓", "Press Ctrl+C to copy");
}
