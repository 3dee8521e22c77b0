//! `/sandbox`: the whole world, free to play with. Its world lasts for the
//! visit: leaving the page and coming back finds it as it was.

use engine::World;
use leptos::prelude::*;

use crate::router::Location;
use crate::workspace::{Layout, Workspace, provide_workspace};

/// The sandbox page.
#[component]
pub fn Sandbox() -> impl IntoView {
    provide_workspace("sandbox", World::new);
    let presenting = use_context::<Location>().is_some_and(Location::presenting);
    let layout = if presenting { Layout::Presenter } else { Layout::Sandbox };
    view! {
        <h1 class="b2p-visually-hidden">"Sandbox"</h1>
        <Workspace layout />
    }
}
