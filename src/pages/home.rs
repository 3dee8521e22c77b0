//! `/`: the big picture and what to do first. The map is the sandbox's
//! world, live: what the learner changes there shows here.

use engine::servers::Topology;
use engine::view::map::{Step, insight, map};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::content;

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

/// A list item of text and `code`, alternating.
fn step(parts: &[&'static str]) -> impl IntoView + use<> {
    let parts = parts
        .iter()
        .enumerate()
        .map(|(i, p)| if i % 2 == 1 { view! { <code>{*p}</code> }.into_any() } else { p.into_any() })
        .collect_view();
    view! { <li>{parts}</li> }
}

#[component]
fn FirstSteps() -> impl IntoView {
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

/// The curriculum with the learner's progress: the index is fetched after
/// the first paint (a few hundred bytes), progress is local.
#[component]
fn Lessons() -> impl IntoView {
    let index = LocalResource::new(content::lessons);
    let done = crate::saved::finished();
    move || {
        let list = index.get().unwrap_or_default();
        let finished = list.iter().filter(|(id, _)| done.contains(id)).count();
        let items = list
            .into_iter()
            .map(|(id, title)| {
                let is_done = done.contains(&id);
                view! {
                    <li data-lesson=id.clone() data-done=if is_done { "true" } else { "false" }>
                        <A href=format!("/lesson/{id}")>{title}</A>
                        {if is_done { " ✓ done" } else { "" }}
                    </li>
                }
            })
            .collect_view();
        let total = index.with(|l| l.as_ref().map_or(0, Vec::len));
        view! {
            <section class="b2p-home__lessons" aria-labelledby="lessons" data-testid="lesson-list">
                <h2 id="lessons" class="b2p-home__heading">{format!("Lessons ({finished} of {total} done)")}</h2>
                <ol class="b2p-home__list">{items}</ol>
            </section>
        }
    }
}

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let ws = super::sandbox::sandbox_workspace();
    let w = ws.clone();
    let world_map = Memo::new(move |_| w.with_world(|world| (map(world), world.servers().topology)));
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
