//! The big picture: the guide's two columns, branch → server, from a world's map.

use engine::servers::Topology;
use engine::view::map::{Step, insight};
use leptos::prelude::*;

fn step_row(s: &Step) -> impl IntoView + use<> {
    let state = match (&s.runs, s.current) {
        (None, _) => format!("{}: nothing running", s.status),
        (Some(_), true) => "runs the branch's tip".to_string(),
        (Some(_), false) => "not the branch's tip yet".to_string(),
    };
    view! {
        <li class=if s.current { "b2p-map__step b2p-map__step--current" } else { "b2p-map__step" } data-server=s.server>
            <div class="b2p-map__branch">
                <p class="b2p-map__name"><code>{s.branch.clone()}</code></p>
                <p class="b2p-map__commit">{s.tip.clone().unwrap_or_else(|| "no commits yet".into())}</p>
            </div>
            <div class="b2p-map__arrow">
                <span aria-hidden="true">"→"</span>
                <span class="b2p-map__feeds">{s.feeds}</span>
            </div>
            <div class="b2p-map__server" data-testid="map-server">
                <p class="b2p-map__name">{s.server}<span class="b2p-map__profile">{format!(" · {}", s.profile)}</span></p>
                <p class="b2p-map__url">{s.url.clone()}</p>
                <p class="b2p-map__commit">{s.runs.clone().unwrap_or_else(|| "—".into())}</p>
                <p class="b2p-map__state">{state}</p>
            </div>
        </li>
    }
}

/// The guide's two columns, branch → server, drawn from a world's map.
///
/// - `steps`, `topology`: the world's map.
/// - `title`: the section's heading.
#[component]
pub fn BigPicture(
    #[prop(into)] steps: Signal<Vec<Step>>,
    #[prop(into)] topology: Signal<Topology>,
    title: &'static str,
) -> impl IntoView {
    view! {
        <section class="b2p-map" aria-labelledby="map-title" data-testid="big-picture">
            <h2 id="map-title" class="b2p-home__heading">{title}</h2>
            <div class="b2p-map__heads" aria-hidden="true">
                <p>"Git workflow — code versions"</p>
                <p>"Deployment pipeline — where code runs"</p>
            </div>
            <ol class="b2p-map__flow">{move || steps.with(|s| s.iter().map(step_row).collect_view())}</ol>
            <p class="b2p-map__insight">{move || insight(topology.get())}</p>
        </section>
    }
}
