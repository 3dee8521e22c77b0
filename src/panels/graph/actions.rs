//! Every git step of the guide's flow as a button or a small form — branch,
//! switch, change, stage, commit, merge, push, pull, fetch, open a pull
//! request, protect `main` — from the engine's [`workflow`]. Each runs the
//! same action as its typed command, and the terminal echoes that command.

use engine::view::forms::{Item, workflow};
use leptos::prelude::*;

use crate::markup::{Element, Markup, el};
use crate::panels::{button, form};
use crate::workspace::expect_workspace;

fn actions(items: &[Item]) -> Element {
    el("div").class("b2p-actions").attr("role", "group").attr("aria-label", "Git actions").children(items.iter().map(
        |i| match i {
            Item::Button(c) => button(c.clone(), ""),
            Item::Form(f) => form(f),
        },
    ))
}

/// The git actions.
#[component]
pub fn Actions() -> impl IntoView {
    let items = expect_workspace().memo(|s| workflow(s.world()));
    view! { <Markup tree=move || items.with(|i| actions(i).into()) /> }
}
