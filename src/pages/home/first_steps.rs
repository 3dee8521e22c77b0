//! The home page's first steps: the guide's flow in five lines.

use leptos::prelude::*;

/// A list item of text and `code`, alternating.
fn step(parts: &[&'static str]) -> impl IntoView + use<> {
    let parts = parts
        .iter()
        .enumerate()
        .map(|(i, p)| if i % 2 == 1 { view! { <code>{*p}</code> }.into_any() } else { p.into_any() })
        .collect_view();
    view! { <li>{parts}</li> }
}

/// What to do in the first five minutes, as the guide does it.
#[component]
pub fn FirstSteps() -> impl IntoView {
    view! {
        <section class="b2p-home__steps" aria-labelledby="first-steps">
            <h2 id="first-steps" class="b2p-home__heading">"Your first five minutes"</h2>
            <ol class="b2p-home__list">
                {step(&["Start a feature from ", "development", ": ", "git checkout development", " then ", "git checkout -b feature/new-chatbot-intent", "."])}
                {step(&["Change the app with ", "edit product-inquiry", ", try it locally with ", "python main.py", " and ", "curl localhost:8000/", "."])}
                {step(&["Commit, merge into ", "development", " and push: the development server deploys it."])}
                {step(&["Merge ", "development", " into ", "main", " and push: staging runs it. Then ", "deploy production", "."])}
                {step(&["Compare the three profiles: ", "config compare", ". Same code, different configuration."])}
            </ol>
        </section>
    }
}
