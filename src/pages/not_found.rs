//! Any other address.

use wasm_bindgen::JsCast;
use web_sys::Node as DomNode;

use crate::markup::el;

/// The not-found page.
pub fn not_found(main: &DomNode) {
    let tree = el("section").class("b2p-intro").child(el("h1").class("b2p-intro__title").text("Nothing here")).child(
        el("p")
            .text("That page does not exist. ")
            .child(el("a").attr("href", "/sandbox").text("Open the sandbox"))
            .text("."),
    );
    if let Some(main) = main.dyn_ref::<web_sys::Element>() {
        crate::markup::append(main, &[tree.into()]);
    }
}

/// An interview page shown by the core build: only a server that answers
/// every path with `index.html` gets here (Netlify answers these paths with
/// `interview.html`). A link loads the right build; nothing reloads by
/// itself, so a misconfigured server cannot loop.
#[cfg(not(feature = "interview"))]
pub fn elsewhere(main: &DomNode) {
    let tree = el("section").class("b2p-intro").child(el("h1").class("b2p-intro__title").text("One more step")).child(
        el("p")
            .text("This page is part of the interview build. ")
            .child(el("a").attr("href", "/interview.html").attr("target", "_self").text("Open it"))
            .text("."),
    );
    if let Some(main) = main.dyn_ref::<web_sys::Element>() {
        crate::markup::append(main, &[tree.into()]);
    }
}
