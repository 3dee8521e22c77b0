//! The root component: the header, the notice, and the pages routed by
//! `leptos_router`. Page-wide listeners (a share link pasted into the address
//! bar, the page being hidden) are the app's, for its lifetime.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::{NavigateOptions, path};

use crate::notice::NoticeBar;
use crate::pages::{home::Home, interview::Interview, lesson::LessonPage, not_found::NotFound};
use crate::pages::{reference::Reference, sandbox::Sandbox};
use crate::{crash, opening, saved, theme};

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

/// The header: the brand, the main navigation (`aria-current` on the page
/// shown), the theme toggle.
#[component]
fn Header() -> impl IntoView {
    let dark = RwSignal::new(theme::dark_now());
    view! {
        <header class="b2p-header">
            <A href="/" attr:class="b2p-header__brand">
                <span class="b2p-header__logo" aria-hidden="true">"⎇"</span>
                "Branch to Prod"
            </A>
            <nav class="b2p-header__nav" aria-label="Main">
                <A href="/" exact=true>"Home"</A>
                <A href="/sandbox" exact=true>"Sandbox"</A>
                <A href="/interview" exact=true>"Interview"</A>
                <A href="/reference" exact=true>"Reference"</A>
            </nav>
            <button
                type="button"
                class="b2p-button b2p-header__theme"
                data-testid="theme-toggle"
                aria-pressed=move || if dark.get() { "true" } else { "false" }
                on:click=move |_| dark.set(theme::flip())
            >
                "Dark mode"
            </button>
        </header>
    }
}

/// Page-wide listeners, inside the router (a pasted link navigates).
#[component]
fn Listeners() -> impl IntoView {
    let navigate = use_navigate();
    // A share link pasted into the address bar of an open page changes only
    // the fragment: open it as a link is opened.
    let pasted = window_event_listener(leptos::ev::hashchange, move |_| {
        if opening::read_fragment() {
            navigate(&opening::path_now(), NavigateOptions { replace: true, ..NavigateOptions::default() });
        }
    });
    // Saved a moment after each change; at once when the page is hidden.
    let hidden = window_event_listener(leptos::ev::pagehide, |_| saved::flush());
    on_cleanup(move || {
        pasted.remove();
        hidden.remove();
    });
}

/// The page shown, large for a projector in presenter mode (`?present`).
#[component]
fn Main() -> impl IntoView {
    let query = use_query_map();
    let class = move || {
        let present = query.with(|q| crate::links::presenting(q.get_str("present")));
        if present { "b2p-main b2p-main--present" } else { "b2p-main" }
    };
    view! {
        <main class=class>
            // The routes are links::PAGES (netlify.toml rewrites each).
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Home />
                <Route path=path!("/sandbox") view=Sandbox />
                <Route path=path!("/lesson/:id") view=LessonPage />
                <Route path=path!("/interview") view=Interview />
                <Route path=path!("/reference") view=Reference />
            </Routes>
        </main>
    }
}

/// The app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Listeners />
            <Header />
            <NoticeBar />
            <Main />
        </Router>
    }
}
