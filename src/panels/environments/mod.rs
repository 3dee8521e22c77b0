//! The environments: one card per server of the topology — what it runs,
//! under which profile, how far behind it is — with the button the engine
//! allows on it, and the topology switch.

mod card;
mod console;

use leptos::prelude::*;

use crate::panels::ControlButton;
use crate::workspace::expect_workspace;
use card::ServerCard;

/// The environments panel: the cards keyed by server, each reading its own
/// card from the panel's memo.
#[component]
pub fn Environments() -> impl IntoView {
    let env = expect_workspace().environments;
    let switch = Signal::derive(move || env.with(|e| e.switch.clone()));
    let servers = move || env.with(|e| e.cards.iter().map(|c| c.row.label.clone()).collect::<Vec<_>>());
    view! {
        <section class="b2p-panel b2p-panel--servers" aria-label="Environments">
            <div class="b2p-servers__head">
                <h2 class="b2p-panel__title">"Environments"</h2>
                <ControlButton control=switch />
            </div>
            <div class="b2p-servers">
                <For each=servers key=Clone::clone let:server>
                    {
                        let s = server.clone();
                        let card = Memo::new(move |_| env.with(|e| e.cards.iter().find(|c| c.row.label == s).cloned()));
                        view! { <ServerCard server=server card=card /> }
                    }
                </For>
            </div>
        </section>
    }
}
