//! `/`: what the app teaches, and the sandbox to start in.

use leptos::prelude::*;

use super::sandbox::Sandbox;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="b2p-intro">
            <h1 class="b2p-intro__title">"Branches are code versions. Environments are where code runs."</h1>
            <p class="b2p-intro__lead">
                "Work a real-feeling git repository — feature branch → "
                <code>"development"</code> " → " <code>"main"</code>
                " — and see how professional teams move code from your laptop to production."
            </p>
        </section>
        <Sandbox />
    }
}
