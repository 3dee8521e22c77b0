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

use leptos::prelude::*;

/// A button that copies what `text` gives when pressed, then says whether
/// it worked (or how to copy by hand).
///
/// - `label`: what it says before; `failed`: what it says if the browser refused.
/// - `testid`: its `data-testid`.
/// - `text`: the text to copy, read when pressed.
#[component]
pub fn CopyButton<F>(label: &'static str, failed: &'static str, testid: &'static str, text: F) -> impl IntoView
where
    F: Fn() -> String + 'static,
{
    let said = RwSignal::new(label);
    let press = move |_| {
        copy(&text(), move |ok| {
            said.try_set(if ok { "Copied ✓" } else { failed });
        });
    };
    view! {
        <button type="button" class="b2p-button b2p-button--primary" data-testid=testid on:click=press>
            {move || said.get()}
        </button>
    }
}
