//! The lesson panel: the lesson's text, loaded on first use from
//! `/lessons/ID.md` and shown as text (never as HTML).

use leptos::prelude::*;

use crate::content::{self, ContentError};
use crate::markup::{Element, Markup, el};

fn panel(id: &str, text: Option<&Result<String, ContentError>>) -> Element {
    let (body, failed) = match text {
        None => ("Loading the lesson…".to_string(), false),
        Some(Ok(body)) => (body.clone(), false),
        Some(Err(ContentError::NotFound)) => (format!("There is no lesson called “{id}”."), true),
        Some(Err(e)) => (e.to_string(), true),
    };
    let class = if failed { "b2p-lesson__text b2p-lesson__text--error" } else { "b2p-lesson__text" };
    el("section")
        .class("b2p-panel b2p-panel--lesson")
        .attr("aria-label", "Lesson")
        .attr("data-testid", "lesson-panel")
        .attr("data-lesson", id)
        .child(el("h2").class("b2p-panel__title").text("Lesson"))
        .child(el("div").class(class).attr_opt("role", failed.then_some("alert")).text(body))
        .child(
            el("p")
                .class("b2p-panel__note")
                .text("Try it in the workspace below, or ")
                .child(el("a").attr("href", "/sandbox").text("open the sandbox"))
                .text("."),
        )
}

/// The lesson panel (`data-testid=lesson-panel`).
#[component]
pub fn LessonPanel(
    /// The lesson's id, from the address (`/lesson/ID`), already checked to be a plain name.
    id: String,
) -> impl IntoView {
    let text = content::text(format!("/lessons/{id}.md"));
    view! { <Markup tree=move || text.with(|t| panel(&id, t.as_ref()).into()) /> }
}
