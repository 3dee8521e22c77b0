//! The environments: one card per server of the topology — what it runs,
//! under which profile, and how far behind it is — with the buttons that do
//! what `python main.py`, `stop`, `deploy production` and `topology` do.

use engine::Action;
use engine::servers::{Card, Control, Status, Topology};
use leptos::prelude::*;

use crate::app_state::expect_session;

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Running => "b2p-server__status b2p-server__status--up",
        Status::Unreachable | Status::Crashed => "b2p-server__status b2p-server__status--down",
        Status::Stopped | Status::NotDeployed => "b2p-server__status",
    }
}

#[component]
pub fn Servers() -> impl IntoView {
    let state = expect_session();
    let cards = Memo::new(move |_| state.session.with(|s| s.world.servers.cards(&s.world.origin)));
    let topology = Memo::new(move |_| state.session.with(|s| s.world.servers.topology));
    let other = move || match topology.get() {
        Topology::Minimal => Topology::Professional,
        Topology::Professional => Topology::Minimal,
    };
    view! {
        <section class="b2p-panel b2p-panel--servers" aria-label="Environments">
            <div class="b2p-servers__head">
                <h2 class="b2p-panel__title">"Environments"</h2>
                <button type="button" class="b2p-button" data-testid="topology"
                    title=move || format!("Runs: topology {}", other().name())
                    on:click=move |_| {
                        let t = other();
                        state.apply(move |_| Action::Topology(t));
                    }>
                    {move || format!("Switch to the {} setup", other().name())}
                </button>
            </div>
            <div class="b2p-servers">
                <For each=move || cards.get() key=|c| c.clone() let:card>
                    <ServerCard card />
                </For>
            </div>
        </section>
    }
}

#[component]
fn ServerCard(card: Card) -> impl IntoView {
    let state = expect_session();
    let text = match card.control {
        Control::Local { running: true } => "Stop (Ctrl+C)",
        Control::Local { running: false } => "Run python main.py",
        Control::Promote { .. } => "Promote staging's commit",
        Control::None => "",
    };
    // Promoting what production already runs would do nothing.
    let idle = card.control == Control::Promote { pending: false };
    let button = card.control.action().map(|action| {
        let title = format!("Runs: {}", action.to_line());
        view! {
            <button type="button" class="b2p-button b2p-server__action" title=title disabled=idle
                on:click=move |_| {
                    let a = action.clone();
                    state.apply(move |_| a);
                }>
                {text}
            </button>
        }
    });
    view! {
        <article class="b2p-server" data-testid="server-card" data-server=card.label.clone()
            data-deployed=card.deployed.clone().unwrap_or_default() data-status=card.status.name()>
            <header class="b2p-server__name">
                <span class=status_class(card.status) aria-hidden="true"></span>
                {card.label.clone()}
                <span class="b2p-server__state">{card.status.name()}</span>
            </header>
            <p class="b2p-server__url">{card.url.clone()}</p>
            <p class="b2p-server__runs">
                {card.running.clone().unwrap_or_else(|| "nothing running".into())}
            </p>
            <p class="b2p-server__meta">{format!("{} · {}", card.env_file, card.source)}</p>
            {card.behind.clone().map(|b| view! { <p class="b2p-server__meta">{b}</p> })}
            {(card.users_affected > 0).then(|| view! {
                <p class="b2p-server__alert" role="status">{format!("users affected: {}", card.users_affected)}</p>
            })}
            {button}
        </article>
    }
}
