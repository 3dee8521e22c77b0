//! The repository panel: where HEAD is, the session's buttons, and the commit graph.

mod actions;
mod commit_graph;
mod toolbar;

pub use actions::Actions;
pub use commit_graph::CommitGraph;
pub use toolbar::Toolbar;

use leptos::prelude::*;

/// The repository panel.
#[component]
pub fn Repository() -> impl IntoView {
    view! {
        <section class="b2p-panel b2p-panel--graph" aria-label="Repository">
            <h2 class="b2p-panel__title">"Your repository"</h2>
            <Toolbar />
            <Actions />
            <CommitGraph />
        </section>
    }
}
