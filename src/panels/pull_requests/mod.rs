//! Pull requests on origin, as GitHub lists them: state, branches, checks,
//! approvals, what blocks the merge, and the merge button.

use engine::github::PrState;
use engine::view::pulls::{PullRow, pulls};
use leptos::prelude::*;

use crate::panels::ControlButton;
use crate::workspace::expect_workspace;

fn row_view(p: PullRow) -> impl IntoView {
    let state = match p.state {
        PrState::Open => "open",
        PrState::Closed => "closed",
        PrState::Merged => "merged",
    };
    let checks = match p.checks_pass {
        None => "no checks yet",
        Some(true) => "✓ checks passing",
        Some(false) => "× checks failing",
    };
    view! {
        <li class="b2p-pulls__item" data-pr=p.number data-state=state>
            <div class="b2p-pulls__title">
                <span class=format!("b2p-pulls__state b2p-pulls__state--{state}")>{state}</span>
                {p.title}
                <span class="b2p-pulls__number">{format!("#{}", p.number)}</span>
            </div>
            <p class="b2p-pulls__meta">
                <code>{p.head}</code> " → " <code>{p.base}</code>
                {format!(" · {checks} · {} approval{}", p.approvals, if p.approvals == 1 { "" } else { "s" })}
            </p>
            {(!p.blockers.is_empty()).then(|| view! {
                <ul class="b2p-pulls__blockers">
                    {p.blockers.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}
                </ul>
            })}
            {p.merge.map(|c| view! { <ControlButton control=c /> })}
        </li>
    }
}

/// The pull requests panel (`data-testid=pr-panel`).
#[component]
pub fn PullRequests() -> impl IntoView {
    let rows = expect_workspace().memo(|s| pulls(s.world()));
    view! {
        <section class="b2p-panel b2p-panel--pulls" aria-label="Pull requests" data-testid="pr-panel">
            <h2 class="b2p-panel__title">"Pull requests"</h2>
            <p class="b2p-panel__note" hidden=move || !rows.with(Vec::is_empty)>
                "No pull requests yet. Push a feature branch, then "
                <code>"gh pr create --base development --fill"</code> "."
            </p>
            <ul class="b2p-pulls">{move || rows.get().into_iter().map(row_view).collect_view()}</ul>
        </section>
    }
}
