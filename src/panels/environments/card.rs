//! One server's card, as a deploy list shows it: status, URL, the commit it
//! runs, its profile, how far behind it is, and its button.

use engine::servers::Status;
use engine::view::environments::Card;
use leptos::prelude::*;

use crate::panels::ControlButton;

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Running => "b2p-server__status b2p-server__status--up",
        Status::Unreachable | Status::Crashed => "b2p-server__status b2p-server__status--down",
        Status::Stopped | Status::NotDeployed => "b2p-server__status",
    }
}

/// A server card (`data-testid=server-card`, `data-server`, `data-deployed`).
#[component]
pub fn ServerCard(
    /// The card the engine computed.
    card: Card,
) -> impl IntoView {
    let row = card.row;
    view! {
        <article class="b2p-server" data-testid="server-card" data-server=row.label.clone()
            data-deployed=row.deployed.clone().unwrap_or_default() data-status=row.status.name()>
            <header class="b2p-server__name">
                <span class=status_class(row.status) aria-hidden="true"></span>
                {row.label.clone()}
                <span class="b2p-server__state">{row.status.name()}</span>
            </header>
            <p class="b2p-server__url">{row.url.clone()}</p>
            <p class="b2p-server__runs">{row.running.clone().unwrap_or_else(|| "nothing running".into())}</p>
            <p class="b2p-server__meta">{format!("{} · {}", row.env_file, row.source)}</p>
            {row.behind.clone().map(|b| view! { <p class="b2p-server__meta">{b}</p> })}
            {(row.users_affected > 0).then(|| view! {
                <p class="b2p-server__alert" role="status">{format!("users affected: {}", row.users_affected)}</p>
            })}
            {card.control.map(|c| view! { <ControlButton control=c class="b2p-server__action" /> })}
        </article>
    }
}
