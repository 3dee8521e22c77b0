//! `/`: what the app teaches and what to do first. It has no world of its
//! own; the sandbox and the lessons do.

use leptos::prelude::*;

use crate::markup::{Element, Markup, Node, code, el};

fn intro() -> Element {
    el("section")
        .class("b2p-intro")
        .child(el("h1").class("b2p-intro__title").text("Branches are code versions. Environments are where code runs."))
        .child(
            el("p")
                .class("b2p-intro__lead")
                .text("Work a real-feeling git repository — feature branch → ")
                .child(code("development"))
                .text(" → ")
                .child(code("main"))
                .text(
                    " — and watch each branch feed its server: local, development, staging, production, \
                     each running the same chatbot under its own ",
                )
                .child(code(".env"))
                .text(" profile."),
        )
        .child(
            el("p")
                .class("b2p-intro__cta")
                .child(
                    el("a")
                        .attr("href", "/sandbox")
                        .class("b2p-button b2p-button--primary b2p-intro__start")
                        .text("Open the sandbox"),
                )
                .text(" ")
                .child(
                    el("a")
                        .attr("href", "/lesson/big-picture")
                        .class("b2p-button b2p-intro__start")
                        .text("Read the big picture"),
                ),
        )
}

/// A list item of text and `code`, alternating: `step(&["Run ", "git init", "."])`.
fn step(parts: &[&str]) -> Element {
    el("li").children(parts.iter().enumerate().map(|(i, p)| if i % 2 == 1 { code(*p).into() } else { Node::from(*p) }))
}

fn first_steps() -> Element {
    el("section")
        .class("b2p-home__steps")
        .attr("aria-labelledby", "first-steps")
        .child(el("h2").attr("id", "first-steps").class("b2p-home__heading").text("Your first five minutes"))
        .child(el("ol").class("b2p-home__list").children([
            step(&[
                "Start a feature from ",
                "development",
                ": ",
                "git checkout development",
                " then ",
                "git checkout -b feature/new-chatbot-intent",
                ".",
            ]),
            step(&[
                "Change the app with ",
                "edit product-inquiry",
                ", try it locally with ",
                "python main.py",
                " and ",
                "curl localhost:8000/",
                ".",
            ]),
            step(&["Commit, merge into ", "development", " and push: the development server deploys it."]),
            step(&[
                "Merge ",
                "development",
                " into ",
                "main",
                " and push: staging runs it. Then ",
                "deploy production",
                ".",
            ]),
            step(&["Compare the three profiles: ", "config compare", ". Same code, different configuration."]),
        ]))
}

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let page = el("div").class("b2p-home").child(intro()).child(first_steps());
    view! { <Markup tree=Node::from(page) /> }
}
