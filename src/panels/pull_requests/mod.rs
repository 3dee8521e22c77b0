//! Pull requests on origin, as GitHub shows them: state, branches, checks,
//! reviews, the deploy preview, what blocks the merge, the merge box (merge,
//! squash, rebase) and a review by the teammate; each opens to its commits,
//! files changed, reviews and CI log.

use engine::github::PrState;
use engine::view::pulls::{PullRow, pulls};
use web_sys::Node as DomNode;

use crate::markup::{Element, code, el};
use crate::pages::Page;
use crate::panels::button;
use crate::workspace::WorkspaceState;

fn list(title: &str, class: &str, items: &[String]) -> Option<Element> {
    (!items.is_empty()).then(|| {
        el("div")
            .child(el("h4").class("b2p-pulls__section").text(title))
            .child(el("ul").class(class).children(items.iter().map(|i| el("li").text(i.as_str()))))
    })
}

fn row(p: &PullRow) -> Element {
    let state = match p.state {
        PrState::Open => "open",
        PrState::Closed => "closed",
        PrState::Merged => "merged",
    };
    let checks = match p.checks_pass {
        None => "no checks yet",
        Some(true) => "✓ All checks have passed",
        Some(false) => "× Some checks were not successful",
    };
    let blockers = (!p.blockers.is_empty())
        .then(|| el("ul").class("b2p-pulls__blockers").children(p.blockers.iter().map(|b| el("li").text(b.as_str()))));
    let merge_box = (p.state == PrState::Open).then(|| {
        el("div").class("b2p-pulls__merge").children(p.review.clone().map(|c| button(c, ""))).children(
            p.merges
                .iter()
                .enumerate()
                .map(|(i, c)| button(c.clone(), if i == 0 { "b2p-button--primary" } else { "" })),
        )
    });
    let log: Option<Element> = (!p.ci_log.is_empty()).then(|| {
        el("div")
            .child(el("h4").class("b2p-pulls__section").text("CI log"))
            .child(el("pre").class("b2p-pulls__log").text(p.ci_log.join("\n")))
    });
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
                .text(format!("{} wants to merge ", p.author))
                .child(code(p.head.as_str()))
                .text(" into ")
                .child(code(p.base.as_str()))
                .text(format!(" · {checks} · {} approval{}", p.approvals, if p.approvals == 1 { "" } else { "s" })),
        )
        .child_opt(
            p.preview
                .as_ref()
                .map(|u| el("p").class("b2p-pulls__meta").text("Deploy preview: ").child(code(u.as_str()))),
        )
        .child_opt(blockers)
        .child_opt(merge_box)
        .child(
            el("details")
                .class("b2p-pulls__details")
                .child(el("summary").text(format!(
                    "Commits ({}), files changed ({}), reviews ({}), CI",
                    p.commits.len(),
                    p.files.len(),
                    p.reviews.len()
                )))
                .child_opt(list("Commits", "b2p-pulls__commits", &p.commits))
                .child_opt(list("Files changed", "b2p-pulls__files", &p.files))
                .child_opt(list("Reviews", "b2p-pulls__reviews", &p.reviews))
                .child_opt(log),
        )
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
                .text(" — or the “Open a pull request” button.")
        }))
        .child(el("ul").class("b2p-pulls").children(rows.iter().map(row)))
}

/// The pull requests panel (`data-testid=pr-panel`).
pub fn pull_requests(parent: &DomNode, ws: &WorkspaceState, page: &mut Page) {
    let w = ws.clone();
    page.memo(parent, ws, move || w.with_world(pulls), |rows| panel(rows).into());
}
