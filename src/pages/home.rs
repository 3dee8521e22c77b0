//! `/`: what the app teaches and what to do first. It has no world of its
//! own; the sandbox and the lessons do.

use leptos::prelude::*;

use crate::router::Link;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="b2p-intro">
            <h1 class="b2p-intro__title">"Branches are code versions. Environments are where code runs."</h1>
            <p class="b2p-intro__lead">
                "Work a real-feeling git repository — feature branch → "
                <code>"development"</code> " → " <code>"main"</code>
                " — and watch each branch feed its server: local, development, staging, production, "
                "each running the same chatbot under its own " <code>".env"</code> " profile."
            </p>
            <p class="b2p-intro__cta">
                <Link href="/sandbox" class="b2p-button b2p-button--primary b2p-intro__start">"Open the sandbox"</Link>
                " "
                <Link href="/lesson/big-picture" class="b2p-button b2p-intro__start">"Read the big picture"</Link>
            </p>
        </section>
        <section class="b2p-home__steps" aria-labelledby="first-steps">
            <h2 id="first-steps" class="b2p-home__heading">"Your first five minutes"</h2>
            <ol class="b2p-home__list">
                <li>"Start a feature from " <code>"development"</code> ": " <code>"git checkout development"</code>
                    " then " <code>"git checkout -b feature/new-chatbot-intent"</code> "."</li>
                <li>"Change the app with " <code>"edit product-inquiry"</code> ", try it locally with "
                    <code>"python main.py"</code> " and " <code>"curl localhost:8000/"</code> "."</li>
                <li>"Commit, merge into " <code>"development"</code> " and push: the development server deploys it."</li>
                <li>"Merge " <code>"development"</code> " into " <code>"main"</code>
                    " and push: staging runs it. Then " <code>"deploy production"</code> "."</li>
                <li>"Compare the three profiles: " <code>"config compare"</code> ". Same code, different configuration."</li>
            </ol>
        </section>
    }
}
