//! Any other address.

use leptos::prelude::*;

use crate::markup::{Markup, Node, el};

/// The not-found page.
#[component]
pub fn NotFound() -> impl IntoView {
    let tree = el("section").class("b2p-intro").child(el("h1").class("b2p-intro__title").text("Nothing here")).child(
        el("p")
            .text("That page does not exist. ")
            .child(el("a").attr("href", "/sandbox").text("Open the sandbox"))
            .text("."),
    );
    view! { <Markup tree=Node::from(tree) /> }
}
