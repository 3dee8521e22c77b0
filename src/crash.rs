//! The panic safety net. A panic in WebAssembly stops the app; instead of a
//! dead page the learner gets a panel: what happened, a way back (reload:
//! the world saved before the failing command comes back), a way out if that
//! world is what fails (start it fresh), and the error to copy into a bug
//! report. Drawn with plain DOM calls and links, because after a panic the
//! app's own state cannot be trusted.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;

use crate::markup::{Listener, listen};

/// Set by the panel, read by the next page load: only then does `#fresh`
/// discard the saved world (a link from anyone else cannot).
pub const MARKER: &str = "b2p-crashed";
/// The query of "start this world fresh".
pub const FRESH: &str = "fresh";

/// Installs the net: every panic is logged and then shown.
pub fn install() {
    std::panic::set_hook(Box::new(hook));
}

fn hook(info: &PanicHookInfo) {
    let text = format!("Branch to Prod {} crashed: {info}", env!("CARGO_PKG_VERSION"));
    web_sys::console::error_1(&text.clone().into());
    show(&text);
    crate::saved::rescue();
}

thread_local! {
    /// The copy button's listener, kept for the page's life.
    static COPY: std::cell::RefCell<Option<Listener>> = const { std::cell::RefCell::new(None) };
}

/// Replaces the page with the "something went wrong" panel.
pub fn show(error: &str) {
    let Some(window) = web_sys::window() else { return };
    let Some(doc) = window.document() else { return };
    let Some(root) = doc.get_element_by_id("app") else { return };
    if let Ok(Some(s)) = window.local_storage() {
        let _ = s.set_item(MARKER, "1");
    }
    let path = window.location().pathname().unwrap_or_else(|_| "/".into());
    let make = |tag: &str, class: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(web_sys::Node::from(e))
    };
    let build = || -> Option<web_sys::Element> {
        let panel: web_sys::Element = make("section", "b2p-crash", "")?.dyn_into().ok()?;
        panel.set_attribute("role", "alert").ok()?;
        panel.set_attribute("data-testid", "crash").ok()?;
        panel.append_child(&make("h1", "b2p-crash__title", "Something went wrong")?).ok()?;
        panel
            .append_child(&make(
                "p",
                "",
                "Branch to Prod hit a bug and stopped. Your world is saved in this browser as it was just before \
                 the failure: restore it, or start this world fresh if restoring brings the problem back.",
            )?)
            .ok()?;
        let el = |tag, class, text| make(tag, class, text).and_then(|n| n.dyn_into::<web_sys::Element>().ok());
        let actions = el("p", "b2p-crash__actions", "")?;
        let restore = el("a", "b2p-button b2p-button--primary", "Restore the last saved world")?;
        // `target`: a full load, which the app's router leaves to the browser.
        restore.set_attribute("href", &path).ok()?;
        restore.set_attribute("target", "_self").ok()?;
        restore.set_attribute("data-testid", "crash-restore").ok()?;
        let fresh = el("a", "b2p-button", "Reset: start this world fresh")?;
        fresh.set_attribute("href", &format!("{path}?{FRESH}")).ok()?;
        fresh.set_attribute("target", "_self").ok()?;
        fresh.set_attribute("data-testid", "crash-reset").ok()?;
        actions.append_child(&restore).ok()?;
        actions.append_child(&fresh).ok()?;
        panel.append_child(&actions).ok()?;
        let label = el("label", "b2p-crash__label", "The error, for a bug report:")?;
        let area = el("textarea", "b2p-crash__error", error)?;
        area.set_attribute("readonly", "").ok()?;
        area.set_attribute("rows", "6").ok()?;
        area.set_attribute("data-testid", "crash-error").ok()?;
        label.append_child(&area).ok()?;
        panel.append_child(&label).ok()?;
        let copy = el("button", "b2p-button", "Copy the error")?;
        copy.set_attribute("type", "button").ok()?;
        copy.set_attribute("data-testid", "crash-copy").ok()?;
        panel.append_child(&copy).ok()?;
        Some(panel)
    };
    let Some(panel) = build() else { return };
    root.set_text_content(None);
    let _ = root.append_child(&panel);
    let Some(copy) = panel.query_selector("[data-testid=crash-copy]").ok().flatten() else { return };
    let text = error.to_string();
    let button = copy.clone();
    let listener = listen(&copy, "click", move |_| {
        let done = button.clone();
        if let Some(w) = web_sys::window() {
            let promise = w.navigator().clipboard().write_text(&text);
            wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                done.set_text_content(Some(if ok { "Copied" } else { "Select the text above and copy it" }));
            });
        }
    });
    COPY.with_borrow_mut(|c| *c = Some(listener));
    if let Some(area) =
        panel.query_selector("textarea").ok().flatten().and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        area.select();
    }
}

/// At start: was the last page a crash, and did the learner ask for a fresh
/// world? The marker is cleared either way.
pub fn fresh_requested() -> bool {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else { return false };
    let crashed = s.get_item(MARKER).ok().flatten().is_some();
    let _ = s.remove_item(MARKER);
    crashed && crate::router::address().param(FRESH).is_some()
}

/// Crashes on purpose: how the end-to-end suite proves the net holds.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn b2p_crash_for_test() {
    panic!("a test asked for a crash");
}
