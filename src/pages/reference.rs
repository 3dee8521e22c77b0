//! `/reference`: the guide's cheat sheet — quick commands, the
//! environment-differences table, the three profiles from the default
//! world, the workflow — fetched as a sheet on first use and printable on
//! two pages. Every command has a "try it" that opens the sandbox with it
//! typed.

use engine::World;
use engine::view::map::map;
use engine::view::profiles::profiles;
use leptos::prelude::*;

use crate::content;
use crate::pages::home::BigPicture;
use crate::pages::sheet::sections;
use crate::panels::profiles::ProfilesTable;

/// The sheet's live parts, from the world every learner starts with.
fn live(name: &str) -> Option<AnyView> {
    let world = World::new();
    match name {
        "workflow" => {
            let (steps, topology) = (map(&world), world.servers().topology);
            Some(view! { <BigPicture steps=steps topology=topology title="Branches feed environments" /> }.into_any())
        }
        "profiles" => Some(view! { <ProfilesTable profiles=profiles(&world) /> }.into_any()),
        _ => None,
    }
}

/// The reference page.
#[component]
pub fn Reference() -> impl IntoView {
    let sheet = content::resource(|| content::sheet("/reference/reference.sheet", "The reference"));
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <article class="b2p-sheet b2p-reference" data-testid="reference">
            {move || match sheet.get() {
                None => view! { <p role="status">"Loading the reference…"</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{e}</p> }.into_any(),
                Some(Ok(s)) => view! {
                    <header class="b2p-sheet__top">
                        <h1 class="b2p-sheet__title">{s.title.clone()}</h1>
                        <button type="button" class="b2p-button b2p-sheet__print" data-testid="print" on:click=print>
                            "Print this sheet"
                        </button>
                    </header>
                    {sections(&s.blocks, &live)}
                }
                .into_any(),
            }}
        </article>
    }
}
