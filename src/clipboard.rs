//! Copying text for the learner: the clipboard when the browser allows it;
//! `done` learns whether it worked (the button then says so, or how to copy
//! by hand).

use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `done(false)` when the browser refused.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(JsFuture::from(promise).await.is_ok());
    });
}
