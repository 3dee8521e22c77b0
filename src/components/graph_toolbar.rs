//! Buttons over the graph. Each sends the engine the same action as its
//! command, and the terminal shows that command.

use engine::Action;
use leptos::prelude::*;

use crate::app_state::expect_session;

#[component]
pub fn GraphToolbar() -> impl IntoView {
    let state = expect_session();
    let can_undo = move || state.session.with(engine::Session::can_undo);
    let branch = move || {
        state.session.with(|s| match s.world.head() {
            Some(engine::repo::Head::Branch(b)) => format!("On branch {b}"),
            Some(engine::repo::Head::Detached(id)) => {
                format!("HEAD detached at {}", engine::repo::short(id))
            }
            None => "No repository yet: run git init".to_string(),
        })
    };
    view! {
        <div class="b2p-toolbar" role="toolbar" aria-label="Repository actions">
            <span class="b2p-toolbar__where" data-testid="head-status">{branch}</span>
            <button
                type="button"
                class="b2p-button b2p-button--primary"
                data-testid="new-commit"
                title="Runs: git commit --allow-empty -m \"Commit N\""
                on:click=move |_| state.apply(Action::new_commit)
            >
                "New commit"
            </button>
            <button
                type="button"
                class="b2p-button"
                data-testid="undo"
                disabled=move || !can_undo()
                on:click=move |_| state.run_line("undo")
            >
                "Undo"
            </button>
        </div>
    }
}
