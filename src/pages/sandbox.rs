//! `/sandbox`: the repository, free to play with.

use leptos::prelude::*;

use crate::components::commit_graph::CommitGraph;
use crate::components::graph_toolbar::GraphToolbar;
use crate::components::servers::Servers;
use crate::components::terminal::Terminal;

/// The workspace: graph with its toolbar beside the terminal, the
/// environments below.
#[component]
pub fn Sandbox() -> impl IntoView {
    view! {
        <div class="b2p-workspace">
            <section class="b2p-panel b2p-panel--graph" aria-label="Repository">
                <h2 class="b2p-panel__title">"Your repository"</h2>
                <GraphToolbar />
                <CommitGraph />
            </section>
            <section class="b2p-panel b2p-panel--terminal" aria-label="Terminal">
                <h2 class="b2p-panel__title">"Terminal"</h2>
                <Terminal />
            </section>
            <Servers />
        </div>
    }
}
