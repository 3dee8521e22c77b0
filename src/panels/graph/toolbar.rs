//! Buttons over the graph — new commit, undo, reset — and where HEAD is, all
//! from the engine's toolbar view. Each button applies its action, and the
//! terminal shows that action's command.

use engine::view::toolbar;
use leptos::prelude::*;

use crate::panels::ControlButton;
use crate::workspace::expect_workspace;

/// The toolbar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let bar = expect_workspace().memo(toolbar);
    view! {
        <div class="b2p-toolbar" role="toolbar" aria-label="Repository actions">
            <span class="b2p-toolbar__where" data-testid="head-status">{move || bar.with(|b| b.head.clone())}</span>
            {move || bar.get().controls.into_iter().enumerate().map(|(i, c)| {
                let class = if i == 0 { "b2p-button--primary" } else { "" };
                view! { <ControlButton control=c class /> }
            }).collect_view()}
        </div>
    }
}
