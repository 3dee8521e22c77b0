//! Any other address.

use crate::router::Link;
use leptos::prelude::*;

/// The not-found page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="b2p-intro">
            <h1 class="b2p-intro__title">"Nothing here"</h1>
            <p>"That page does not exist. " <Link href="/sandbox">"Open the sandbox"</Link> "."</p>
        </section>
    }
}
