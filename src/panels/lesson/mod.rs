//! The lesson panel: the lesson's text, loaded on first use from
//! `/lessons/ID.md` and shown as text (never as HTML).

use leptos::prelude::*;

use crate::content::{self, ContentError};
use crate::router::Link;

/// The lesson panel (`data-testid=lesson-panel`).
#[component]
pub fn LessonPanel(
    /// The lesson's id, from the address (`/lesson/ID`), already checked to be a plain name.
    id: String,
) -> impl IntoView {
    let text = content::text(format!("/lessons/{id}.md"));
    let shown = id.clone();
    // One text node for every state: each branch as its own view would cost
    // more of the first load than the whole panel.
    let body = move || match text.get() {
        None => "Loading the lesson…".to_string(),
        Some(Ok(body)) => body,
        Some(Err(ContentError::NotFound)) => format!("There is no lesson called “{shown}”."),
        Some(Err(e)) => e.to_string(),
    };
    let failed = move || text.with(|t| matches!(t, Some(Err(_))));
    view! {
        <section class="b2p-panel b2p-panel--lesson" aria-label="Lesson" data-testid="lesson-panel" data-lesson=id>
            <h2 class="b2p-panel__title">"Lesson"</h2>
            <div class="b2p-lesson__text" class:b2p-lesson__text--error=failed
                role=move || failed().then_some("alert")>{body}</div>
            <p class="b2p-panel__note">"Try it in the workspace below, or "
                <Link href="/sandbox">"open the sandbox"</Link> "."</p>
        </section>
    }
}
