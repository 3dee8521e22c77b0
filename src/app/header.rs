//! The header on every page: the brand, the main navigation, the theme toggle.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::theme;

/// The header: the brand, the main navigation (`aria-current` on the page
/// shown), the theme toggle.
#[component]
pub fn Header() -> impl IntoView {
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
