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
    view! {
        <section class="b2p-panel b2p-panel--lesson" aria-label="Lesson" data-testid="lesson-panel" data-lesson=id>
            <h2 class="b2p-panel__title">"Lesson"</h2>
            {move || match text.get() {
                    None => view! { <p class="b2p-lesson__status">"Loading the lesson…"</p> }.into_any(),
                    Some(r) => match r {
                    Ok(body) => view! { <div class="b2p-lesson__text">{body}</div> }.into_any(),
                    Err(ContentError::NotFound) => view! {
                        <p class="b2p-lesson__status" role="alert">
                            {format!("There is no lesson called “{shown}”. ")}
                            <Link href="/">"See the lessons"</Link> " or "
                            <Link href="/sandbox">"open the sandbox"</Link> "."
                        </p>
                    }.into_any(),
                    Err(e) => view! { <p class="b2p-lesson__status" role="alert">{e.to_string()}</p> }.into_any(),
                    },
                }}
        </section>
    }
}
