//! Buttons over the graph — new commit, undo, reset — and where HEAD is, all
//! from the engine's toolbar view. Each button applies its action, and the
//! terminal shows that action's command.

use leptos::prelude::*;

use crate::panels::Controls;
use crate::workspace::expect_workspace;

/// The toolbar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let bar = expect_workspace().toolbar;
    let controls = Signal::derive(move || bar.with(|b| b.controls.clone()));
    view! {
        <div class="b2p-toolbar" role="toolbar" aria-label="Repository actions">
            <span class="b2p-toolbar__where" data-testid="head-status">{move || bar.with(|b| b.head.clone())}</span>
            <Controls controls=controls primary=true />
        </div>
    }
}
