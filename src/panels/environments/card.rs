//! A server card, as a deploy list shows it (`data-testid=server-card`,
//! `data-server`, `data-deployed`, `data-status`).

use engine::servers::Status;
use engine::view::environments::Card;
use leptos::prelude::*;

use super::console::Console;
use crate::panels::{ActionForm, ControlButton};
use crate::prose::inline;

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Running => "b2p-server__status b2p-server__status--up",
        Status::Unreachable | Status::Crashed => "b2p-server__status b2p-server__status--down",
        Status::Stopped | Status::NotDeployed => "b2p-server__status",
    }
}

/// One server's card.
///
/// - `server`: its name (`local`, `development`, `staging`, `production`).
/// - `card`: what the engine says of it now (`None` once the topology drops it).
#[component]
pub fn ServerCard(server: String, card: Memo<Option<Card>>) -> impl IntoView {
    let row = move |f: fn(&Card) -> String| move || card.with(|c| c.as_ref().map(f).unwrap_or_default());
    let status = move || card.with(|c| c.as_ref().map(|c| c.row.status));
    // The button and the forms keep their elements while their state
    // changes; a different button (or form) is drawn anew.
    let control_name = Memo::new(move |_| card.with(|c| c.as_ref().and_then(|c| c.control.as_ref().map(|x| x.name))));
    let control = move || {
        control_name.get().and_then(|name| {
            let now = move || card.with(|c| c.as_ref().and_then(|c| c.control.clone()).filter(|x| x.name == name));
            untrack(now).map(|first| {
                let c = Signal::derive(move || now().unwrap_or_else(|| first.clone()));
                view! { <ControlButton control=c class="b2p-server__action" /> }
            })
        })
    };
    // The request console comes last.
    let form_names = move || {
        let names: Vec<&'static str> =
            card.with(|c| c.as_ref().map(|c| c.forms.iter().map(|f| f.name).collect()).unwrap_or_default());
        // A partition, not a sort: std's sort is compiled once per type (see engine::order).
        let (console, rest): (Vec<_>, Vec<_>) = names.into_iter().partition(|n| *n == "request");
        rest.into_iter().chain(console).collect::<Vec<_>>()
    };
    let s = server.clone();
    let form = move |name: &'static str| {
        let now = move || card.with(|c| c.as_ref().and_then(|c| c.forms.iter().find(|f| f.name == name).cloned()));
        let first = untrack(now);
        first.map(|first| {
            let form = Signal::derive(move || now().unwrap_or_else(|| first.clone()));
            if name == "request" {
                view! { <Console server=s.clone() form=form /> }.into_any()
            } else {
                view! { <ActionForm form=form /> }.into_any()
            }
        })
    };
    view! {
        <article
            class="b2p-server"
            data-testid="server-card"
            data-server=server.clone()
            data-deployed=row(|c| c.row.deployed.clone().unwrap_or_default())
            data-status=move || status().map(Status::name).unwrap_or_default()
        >
            <header class="b2p-server__name">
                <span class=move || status().map_or("b2p-server__status", status_class) aria-hidden="true"></span>
                {server.clone()}
                <span class="b2p-server__state">{move || status().map(Status::name).unwrap_or_default()}</span>
            </header>
            <p class="b2p-server__url">{row(|c| c.row.url.clone())}</p>
            <p class="b2p-server__runs">{row(|c| c.row.running.clone().unwrap_or_else(|| "nothing running".into()))}</p>
            // The engine names commands in backticks (`deploy production`).
            <p class="b2p-server__meta">{move || inline(&row(|c| format!("{} · {}", c.row.env_file, c.row.source))())}</p>
            {move || card.with(|c| c.as_ref().and_then(|c| c.row.behind.clone()))
                .map(|b| view! { <p class="b2p-server__meta">{b}</p> })}
            {move || {
                let users = card.with(|c| c.as_ref().map_or(0, |c| c.row.users_affected));
                (users > 0).then(|| view! {
                    <p class="b2p-server__alert" role="status">{format!("users affected: {users}")}</p>
                })
            }}
            {control}
            <For each=form_names key=|n| *n children=form />
        </article>
    }
}
