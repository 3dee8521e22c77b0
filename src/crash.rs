//! The panic safety net. A panic in WebAssembly stops the app; instead of a
//! dead page the learner gets a panel: what happened, a way back (reload:
//! the world saved before the failing command comes back), a way out if that
//! world is what fails (start it fresh), and the error to copy into a bug
//! report. Drawn from a static template with a few DOM calls, and its way
//! back is plain links, kept outside Leptos, because after a panic the app's own state cannot be
//! trusted.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;

use gloo_events::EventListener;

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
    static COPY: std::cell::RefCell<Option<EventListener>> = const { std::cell::RefCell::new(None) };
}

/// Replaces the page with the "something went wrong" panel (the
/// `#b2p-crash` template of `index.html`, static markup).
pub fn show(error: &str) {
    let Some(window) = web_sys::window() else { return };
    let Some(doc) = window.document() else { return };
    let (Some(root), Some(template)) = (doc.get_element_by_id("app"), doc.get_element_by_id("b2p-crash")) else {
        return;
    };
    if let Some(s) = crate::saved::storage() {
        let _ = s.set_item(MARKER, "1");
    }
    let path = window.location().pathname().unwrap_or_else(|_| "/".into());
    // The template's own nodes, cloned: no markup is parsed here.
    let Some(content) = template.dyn_ref::<web_sys::HtmlTemplateElement>().map(web_sys::HtmlTemplateElement::content)
    else {
        return;
    };
    let Ok(panel) = content.clone_node_with_deep(true) else { return };
    root.set_text_content(None);
    let _ = root.append_child(&panel);
    let find = |testid: &str| root.query_selector(&format!("[data-testid={testid}]")).ok().flatten();
    // `target`: a full load, which the app's router leaves to the browser
    // (set here: the HTML minifier drops a default-valued attribute).
    for (id, href) in [("crash-restore", path.clone()), ("crash-reset", format!("{path}?{FRESH}"))] {
        if let Some(a) = find(id) {
            let _ = a.set_attribute("href", &href);
            let _ = a.set_attribute("target", "_self");
        }
    }
    if let Some(area) = find("crash-error") {
        area.set_text_content(Some(error));
        if let Some(area) = area.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.select();
        }
    }
    let Some(copy) = find("crash-copy") else { return };
    let (text, button) = (error.to_string(), copy.clone());
    let listener = EventListener::new(&copy, "click", move |_| {
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
}

/// At start: was the last page a crash, and did the learner ask for a fresh
/// world? The marker is cleared either way.
pub fn fresh_requested() -> bool {
    let Some(s) = crate::saved::storage() else { return false };
    let crashed = s.get_item(MARKER).ok().flatten().is_some();
    let _ = s.remove_item(MARKER);
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    crashed && search.trim_start_matches('?').split('&').any(|p| p.split('=').next() == Some(FRESH))
}

/// Crashes on purpose: how the end-to-end suite proves the net holds.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn b2p_crash_for_test() {
    panic!("a test asked for a crash");
}
