//! The root component: the header, the notice, and the pages routed by
//! `leptos_router`. Page-wide listeners (a share link pasted into the address
//! bar, the page being hidden) are the app's, for its lifetime.

mod header;
mod listeners;
mod main_area;

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::notice::NoticeBar;
use crate::{crash, opening, saved, theme};
use header::Header;
use listeners::Listeners;
use main_area::MainArea;

/// What must happen before the router reads the address: the remembered
/// theme, a fresh start asked for by the crash panel, a share link in the
/// fragment (the address is corrected to its page).
pub fn before_mount() {
    theme::restore();
    if crash::fresh_requested()
        && let Some(start) = opening::start_of(&opening::path_now())
    {
        saved::forget(&start);
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start.path()));
        }
    }
    opening::read_fragment();
}

/// The app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Listeners />
            <Header />
            <NoticeBar />
            <MainArea />
        </Router>
    }
}
