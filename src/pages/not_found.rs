//! Any other address.

use leptos::prelude::*;
use leptos_router::components::A;

/// The not-found page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="b2p-intro">
            <h1 class="b2p-intro__title">"Nothing here"</h1>
            <p>"That page does not exist. " <A href="/sandbox">"Open the sandbox"</A> "."</p>
        </section>
    }
}
