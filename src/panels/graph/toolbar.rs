//! Buttons over the graph — new commit, undo, reset — and where HEAD is, all
//! from the engine's toolbar view. Each button applies its action, and the
//! terminal shows that action's command.

use engine::view::{Toolbar as Bar, toolbar};
use leptos::prelude::*;

use crate::markup::{Element, Markup, el};
use crate::panels::button;
use crate::workspace::expect_workspace;

fn bar(b: &Bar) -> Element {
    el("div")
        .class("b2p-toolbar")
        .attr("role", "toolbar")
        .attr("aria-label", "Repository actions")
        .child(el("span").class("b2p-toolbar__where").attr("data-testid", "head-status").text(b.head.as_str()))
        .children(
            b.controls
                .iter()
                .enumerate()
                .map(|(i, c)| button(c.clone(), if i == 0 { "b2p-button--primary" } else { "" })),
        )
}

/// The toolbar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let b = expect_workspace().memo(toolbar);
    view! { <Markup tree=move || b.with(|b| bar(b).into()) /> }
}
