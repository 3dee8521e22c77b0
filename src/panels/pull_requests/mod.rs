//! Pull requests on origin, as GitHub lists them: state, branches, checks,
//! approvals, what blocks the merge, and the merge button.

use engine::github::PrState;
use engine::view::pulls::{PullRow, pulls};
use leptos::prelude::*;

use crate::markup::{Element, Markup, code, el};
use crate::panels::button;
use crate::workspace::expect_workspace;

fn row(p: &PullRow) -> Element {
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
    let blockers = (!p.blockers.is_empty())
        .then(|| el("ul").class("b2p-pulls__blockers").children(p.blockers.iter().map(|b| el("li").text(b.as_str()))));
    el("li")
        .class("b2p-pulls__item")
        .attr("data-pr", p.number.to_string())
        .attr("data-state", state)
        .child(
            el("div")
                .class("b2p-pulls__title")
                .child(el("span").class(format!("b2p-pulls__state b2p-pulls__state--{state}")).text(state))
                .text(p.title.as_str())
                .child(el("span").class("b2p-pulls__number").text(format!("#{}", p.number))),
        )
        .child(
            el("p")
                .class("b2p-pulls__meta")
                .child(code(p.head.as_str()))
                .text(" → ")
                .child(code(p.base.as_str()))
                .text(format!(" · {checks} · {} approval{}", p.approvals, if p.approvals == 1 { "" } else { "s" })),
        )
        .child_opt(blockers)
        .child_opt(p.merge.clone().map(|c| button(c, "")))
}

fn panel(rows: &[PullRow]) -> Element {
    el("section")
        .class("b2p-panel b2p-panel--pulls")
        .attr("aria-label", "Pull requests")
        .attr("data-testid", "pr-panel")
        .child(el("h2").class("b2p-panel__title").text("Pull requests"))
        .child_opt(rows.is_empty().then(|| {
            el("p")
                .class("b2p-panel__note")
                .text("No pull requests yet. Push a feature branch, then ")
                .child(code("gh pr create --base development --fill"))
                .text(".")
        }))
        .child(el("ul").class("b2p-pulls").children(rows.iter().map(row)))
}

/// The pull requests panel (`data-testid=pr-panel`).
#[component]
pub fn PullRequests() -> impl IntoView {
    let rows = expect_workspace().memo(|s| pulls(s.world()));
    view! { <Markup tree=move || rows.with(|r| panel(r).into()) /> }
}
