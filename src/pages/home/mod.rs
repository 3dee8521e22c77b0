//! `/`: the big picture and what to do first. The map is the sandbox's
//! world, live: what the learner changes there shows here.

mod big_picture;
mod first_steps;
mod lessons;

use engine::view::map::map;
use leptos::prelude::*;
use leptos_router::components::A;

pub use big_picture::BigPicture;
use first_steps::FirstSteps;
use lessons::Lessons;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let ws = super::sandbox::sandbox_workspace();
    let world_map = Memo::new(move |_| ws.with_world(|world| (map(world), world.servers().topology)));
    view! {
        <div class="b2p-home">
            <section class="b2p-intro">
                <h1 class="b2p-intro__title">"Branches are code versions. Environments are where code runs."</h1>
                <p class="b2p-intro__lead">
                    "Work a real-feeling git repository — feature branch → " <code>"development"</code> " → "
                    <code>"main"</code>
                    " — and watch each branch feed its server: local, development, staging, production, each running the same chatbot under its own "
                    <code>".env"</code> " profile."
                </p>
                <p class="b2p-intro__cta">
                    <A href="/lesson/big-picture" attr:class="b2p-button b2p-button--primary b2p-intro__start">
                        "Start learning: the big picture"
                    </A>
                    " "
                    <A href="/sandbox" attr:class="b2p-button b2p-intro__start">"Open the sandbox"</A>
                </p>
            </section>
            <BigPicture
                steps=Signal::derive(move || world_map.with(|m| m.0.clone()))
                topology=Signal::derive(move || world_map.with(|m| m.1))
                title="The big picture, live from your sandbox"
            />
            <Lessons />
            <FirstSteps />
        </div>
    }
}
