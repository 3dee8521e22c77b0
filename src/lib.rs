//! Branch to Prod's page: Leptos components that render the engine's read
//! model and send it actions. No engine rule is implemented here.
//!
//! - [`workspace`]: one world per page (the sandbox, each lesson), its
//!   private state, and the [`workspace::Workspace`] that arranges the panels.
//! - [`panels`]: one folder per panel, each with its stylesheet.
//! - [`pages`]: one module per route; [`router`] parses the address.
//! - [`content`]: text fetched on first use (lessons), never compiled in.

pub mod content;
pub mod markup;
pub mod pages;
pub mod panels;
pub mod router;
pub mod theme;
pub mod workspace;

use leptos::prelude::*;

use router::{Route, current_page};

/// The whole app: header, and the page the address names.
#[component]
pub fn App() -> impl IntoView {
    theme::restore();
    workspace::provide_workspaces();
    content::provide_cache();
    let location = router::provide_location();
    let route = Memo::new(move |_| location.route());
    let page = move || match route.get() {
        Route::Home => pages::home::Home().into_any(),
        Route::Sandbox => pages::sandbox::Sandbox().into_any(),
        Route::Lesson(id) => view! { <pages::lesson::Lesson id /> }.into_any(),
        Route::NotFound => pages::not_found::NotFound().into_any(),
    };
    let presenting = Memo::new(move |_| location.presenting());
    view! {
        <header class="b2p-header">
            <a href="/" class="b2p-header__brand">
                <span class="b2p-header__logo" aria-hidden="true">"⎇"</span>
                "Branch to Prod"
            </a>
            <nav class="b2p-header__nav" aria-label="Main">
                <a href="/" aria-current=current_page("/")>"Home"</a>
                <a href="/sandbox" aria-current=current_page("/sandbox")>"Sandbox"</a>
            </nav>
            <theme::ThemeToggle />
        </header>
        <main class="b2p-main" class:b2p-main--present=presenting>{page}</main>
    }
}
