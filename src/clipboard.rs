//! Copying text for the learner: the clipboard when the browser allows it,
//! and the button says whether it worked (else how to copy by hand).

use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// Copies `text`; `button` then reads `done`, or `failed` when the browser
/// refused.
pub fn copy(text: &str, button: Option<Element>, done: &'static str, failed: &'static str) {
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = JsFuture::from(promise).await.is_ok();
        if let Some(b) = button {
            b.set_text_content(Some(if ok { done } else { failed }));
        }
    });
}
