//! Branch to Prod's page: Leptos components that render the engine's world
//! and send it actions. No engine rule is implemented here.

pub mod app_state;
pub mod components;
pub mod graph_layout;
pub mod pages;
pub mod router;

use leptos::prelude::*;

use router::{Link, Route};

/// The whole app: header, and the page the address names.
#[component]
pub fn App() -> impl IntoView {
    app_state::provide_session();
    let location = router::provide_location();
    let route = Memo::new(move |_| location.route());
    let page = move || match route.get() {
        Route::Home => pages::home::Home().into_any(),
        Route::Sandbox => pages::sandbox::Sandbox().into_any(),
        Route::NotFound => pages::not_found::NotFound().into_any(),
    };
    view! {
        <header class="b2p-header">
            <Link href="/" class="b2p-header__brand">
                <span class="b2p-header__logo" aria-hidden="true">"⎇"</span>
                "Branch to Prod"
            </Link>
            <nav class="b2p-header__nav" aria-label="Main">
                <Link href="/sandbox">"Sandbox"</Link>
            </nav>
        </header>
        <main class="b2p-main">{page}</main>
    }
}
