//! The repository panel: where HEAD is, the session's buttons, every git
//! step as a button or form, and the commit graph.

mod actions;
mod commit_graph;
mod detail;
mod geometry;
mod toolbar;

use leptos::prelude::*;

pub use commit_graph::CommitGraph;

/// The repository panel.
#[component]
pub fn Repository() -> impl IntoView {
    view! {
        <section class="b2p-panel b2p-panel--graph" aria-label="Repository">
            <h2 class="b2p-panel__title">"Your repository"</h2>
            <toolbar::Toolbar />
            <actions::Actions />
            <CommitGraph />
            <detail::Detail />
        </section>
    }
}
