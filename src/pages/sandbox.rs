//! `/sandbox`: the whole world, free to play with. Its world lasts for the
//! visit: leaving the page and coming back finds it as it was.

use engine::World;
use engine::share::Start;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::workspace::{Layout, Workspace, WorkspaceState, workspace};

/// The sandbox's workspace, its world restored on first use (from a share
/// link, else the saved world).
pub fn sandbox_workspace() -> WorkspaceState {
    let (ws, new) = workspace(&Start::Sandbox);
    if new {
        crate::opening::open(&ws, World::new(), |_| {});
    }
    ws
}

/// The sandbox page; `?present` for a projector, `?try=LINE` (the
/// reference's "try it") with the line typed and waiting for Enter.
#[component]
pub fn Sandbox() -> impl IntoView {
    let query = use_query_map();
    let presenting = Memo::new(move |_| query.with(|q| crate::links::presenting(q.get_str("present"))));
    view! {
        <h1 class="b2p-visually-hidden">"Sandbox"</h1>
        {move || {
            // A link or file opened for the sandbox: its world, drawn anew.
            crate::opening::generation();
            let layout = if presenting.get() { Layout::Presenter } else { Layout::Sandbox };
            let typed = query.with(|q| q.get("try"));
            view! { <Workspace ws=sandbox_workspace() layout=layout typed=typed /> }
        }}
    }
}
