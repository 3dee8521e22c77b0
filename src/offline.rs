//! Working offline: the service worker (`/sw.js`, written by the build with
//! the list of this version's files) keeps the app shell, the hashed assets
//! and the lessons. A new version installs in the background into a cache of
//! its own and waits; on the next load this page asks it to take over —
//! only when no other tab still runs the old version — and reloads into it.
//! So a page never mixes two versions' files.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::ServiceWorkerRegistration;

use crate::notice::{self, Tone};

/// Registers the service worker (release builds on served sites only: under
/// `trunk serve` a worker would keep serving a stale build), and moves to a
/// new version when one is installed and waiting.
pub fn start() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let secure = window.is_secure_context();
    let container = window.navigator().service_worker();
    if !secure || container.is_undefined() {
        return;
    }
    let had_controller = container.controller().is_some();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(container.register("/sw.js")).await else { return };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else { return };
        if had_controller && let Some(waiting) = reg.waiting() {
            take_over(&container, &waiting);
        }
    });
}

/// Asks the waiting version to take over; when it does, this page reloads
/// into it. It refuses while another tab runs the old version (it says so).
fn take_over(container: &web_sys::ServiceWorkerContainer, waiting: &web_sys::ServiceWorker) {
    let reload = Closure::once_into_js(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let _ = container.add_event_listener_with_callback("controllerchange", reload.unchecked_ref());
    let answer = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        if ev.data().as_string().as_deref() == Some("busy") {
            notice::show(
                Tone::Info,
                "A new version of Branch to Prod is ready: it opens once your other Branch to Prod tabs are closed.",
            );
        }
    });
    container.set_onmessage(Some(answer.as_ref().unchecked_ref()));
    answer.forget();
    let _ = waiting.post_message(&"take-over".into());
}
