//! The environments: one card per server of the topology — what it runs,
//! under which profile, how far behind it is — with the button the engine
//! allows on it, and the topology switch.

mod card;

use engine::view::environments::environments;
use leptos::prelude::*;

use crate::panels::ControlButton;
use crate::workspace::expect_workspace;
use card::ServerCard;

/// The environments panel.
#[component]
pub fn Environments() -> impl IntoView {
    let env = expect_workspace().memo(|s| environments(s.world()));
    view! {
        <section class="b2p-panel b2p-panel--servers" aria-label="Environments">
            <div class="b2p-servers__head">
                <h2 class="b2p-panel__title">"Environments"</h2>
                {move || view! { <ControlButton control=env.with(|e| e.switch.clone()) /> }}
            </div>
            <div class="b2p-servers">
                <For each=move || env.with(|e| e.cards.clone()) key=|c| (c.row.clone(), c.control.as_ref().map(|c| (c.name, c.enabled))) let:card>
                    <ServerCard card />
                </For>
            </div>
        </section>
    }
}
