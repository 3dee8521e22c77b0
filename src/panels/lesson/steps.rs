//! The lesson's checklist: each step done or to do, the current one with
//! what it is about and the hints asked for so far.

use engine::lesson::{Checklist, Lesson};
use leptos::prelude::*;

use crate::prose::inline;

/// The steps.
///
/// - `lesson`: the lesson.
/// - `checklist`: the steps reached.
/// - `hints`: how many hints are shown, per step.
#[component]
pub fn Steps(lesson: Lesson, checklist: Signal<Checklist>, hints: RwSignal<Vec<usize>>) -> impl IntoView {
    let steps = lesson
        .steps
        .into_iter()
        .enumerate()
        .map(|(i, step)| {
            let done = move || checklist.with(|c| c.is_done(i));
            let here = move || checklist.with(|c| c.current() == Some(i));
            let about = step.about.clone();
            let step_hints = step.hints.clone();
            let extra = move || {
                let shown = hints.with(|h| h.get(i).copied().unwrap_or(0));
                here().then(|| {
                    let about = (!about.is_empty()).then(|| view! { <p class="b2p-lesson__about">{about.clone()}</p> });
                    let hints = (shown > 0).then(|| {
                        view! {
                            <ol class="b2p-lesson__hints" aria-live="polite">
                                {step_hints
                                    .iter()
                                    .take(shown)
                                    .map(|h| view! { <li><div class="b2p-lesson__hint">{inline(h)}</div></li> })
                                    .collect_view()}
                            </ol>
                        }
                    });
                    view! { {about} {hints} }
                })
            };
            view! {
                <li
                    class=move || if here() { "b2p-lesson__step b2p-lesson__step--current" } else { "b2p-lesson__step" }
                    data-testid="lesson-step"
                    data-done=move || if done() { "true" } else { "false" }
                    aria-current=move || here().then_some("step")
                >
                    <span class="b2p-lesson__mark" aria-hidden="true">{move || if done() { "✓" } else { "○" }}</span>
                    <strong>{step.objective}</strong>
                    <span class="b2p-visually-hidden">{move || if done() { " (done)" } else { " (to do)" }}</span>
                    {extra}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="b2p-lesson__steps" aria-label="Steps">{steps}</ol> }
}
