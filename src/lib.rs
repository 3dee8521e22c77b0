//! Branch to Prod's page: Leptos components that render the engine's world
//! and send it actions. No engine rule is implemented here.

pub mod app_state;
pub mod components;
pub mod graph_layout;
pub mod pages;

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

/// The whole app: header, routes.
#[component]
pub fn App() -> impl IntoView {
    app_state::provide_session();
    view! {
        <Router>
            <header class="b2p-header">
                <A href="/" attr:class="b2p-header__brand">
                    <span class="b2p-header__logo" aria-hidden="true">"⎇"</span>
                    "Branch to Prod"
                </A>
                <nav class="b2p-header__nav" aria-label="Main">
                    <A href="/sandbox">"Sandbox"</A>
                </nav>
            </header>
            <main class="b2p-main">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/sandbox") view=pages::sandbox::Sandbox />
                </Routes>
            </main>
        </Router>
    }
}
