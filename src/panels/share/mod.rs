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
use crate::pages::Page;
use crate::workspace::WorkspaceState;
use crate::{opening, timer};

/// How long after a change the link is recomputed.
const QUIET_MS: i32 = 250;

struct Share {
    ws: WorkspaceState,
    host: DomElement,
    /// The workspace version the link shows; a timer is pending when behind.
    shown: Cell<Option<u64>>,
    pending: Cell<bool>,
    me: RefCell<Weak<Share>>,
}

impl Share {
    fn update(&self) {
        self.pending.set(false);
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

    fn find<T: JsCast>(&self, selector: &str) -> Option<T> {
        self.host.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into().ok())
    }
}

impl View for Share {
    fn redraw(&self) {
        if self.shown.get() == Some(self.ws.version()) || self.pending.replace(true) {
            return;
        }
        let me = self.me.borrow().clone();
        timer::after(QUIET_MS, move || {
            if let Some(s) = me.upgrade() {
                s.update();
            }
        });
    }
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
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("b2p-button")
                        .attr("data-share", "export")
                        .attr("data-testid", "export")
                        .text("Export file"),
                )
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
        pending: Cell::new(false),
        me: RefCell::new(Weak::new()),
    });
    *view.me.borrow_mut() = Rc::downgrade(&view);
    view.update();
    let w = ws.clone();
    let v = view.clone();
    page.listen(listen(&host, "click", move |ev| {
        let act = ev
            .target()
            .and_then(|t| t.dyn_into::<DomElement>().ok())
            .and_then(|t| t.closest("[data-share]").ok().flatten())
            .and_then(|b| b.get_attribute("data-share"));
        match act.as_deref() {
            Some("copy") => copy(&v),
            Some("export") => export(&w),
            _ => {}
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
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().clipboard().write_text(&input.value());
    let button = view.find::<DomElement>("[data-testid=share-copy]");
    wasm_bindgen_futures::spawn_local(async move {
        let ok = JsFuture::from(promise).await.is_ok();
        if let Some(b) = button {
            b.set_text_content(Some(if ok { "Copied ✓" } else { "Press Ctrl+C to copy" }));
        }
    });
}

fn export(ws: &WorkspaceState) {
    let record = ws.record();
    let text = file::export(&record);
    let parts = js_sys_array(&text);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Some(doc) = crate::markup::document() else { return };
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", &format!("branch-to-prod-{}.json", record.start.name().replace(':', "-")));
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    // The download has started by then.
    timer::after(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}

fn js_sys_array(text: &str) -> wasm_bindgen::JsValue {
    let array = js_sys::Array::new();
    array.push(&text.into());
    array.into()
}
