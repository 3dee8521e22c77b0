//! Presenter mode (`/interview?present`): the guide's Monday–Thursday week
//! (the `real-world-week` lesson's steps) played on a live world, one step
//! per → / Space, ← taking the step back; a caption per step; the commit
//! graph and the environments side by side, in large type. The world is a
//! scratch one: presenting never touches the learner's saved worlds.

use engine::World;
use engine::lesson::{Lesson, start};
use engine::share::Start;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

use crate::content;
use crate::panels;
use crate::prose::inline;
use crate::workspace::{WorkspaceState, provide_workspace};

/// The lesson whose steps are the story.
const STORY: &str = "real-world-week";

/// The story and the world before its first step.
async fn story() -> Result<(Lesson, World), String> {
    let text = content::text(format!("/lessons/{STORY}.lesson")).await.map_err(|e| format!("The week: {e}."))?;
    let lesson = Lesson::parse(&text).map_err(|e| format!("The week could not be read: {e}."))?;
    let session = start(&lesson)?;
    Ok((lesson, session.world().clone()))
}

/// Whether a key press belongs to a field (the terminal's line: then it
/// types, it does not step) or Space to a focused button or link (which it
/// presses: stepping too would step twice).
fn in_field(ev: &KeyboardEvent) -> bool {
    let tag = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|t| t.tag_name());
    match tag.as_deref() {
        Some("INPUT" | "TEXTAREA" | "SELECT") => true,
        Some("BUTTON" | "A") => ev.key() == " ",
        _ => false,
    }
}

fn full_screen() {
    let Some(d) = web_sys::window().and_then(|w| w.document()) else { return };
    if d.fullscreen_element().is_some() {
        d.exit_fullscreen();
    } else if let Some(e) = d.document_element() {
        let _ = e.request_fullscreen();
    }
}

fn control(
    label: &'static str,
    keys: &'static str,
    act: &'static str,
    off: bool,
    on: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="b2p-button b2p-present__control"
            data-present=act
            aria-keyshortcuts=keys
            disabled=off
            on:click=move |_| on()
        >
            {label}
        </button>
    }
}

/// Steps forward and back on the scratch world.
#[derive(Clone, Copy)]
struct Player {
    story: LocalResource<Result<(Lesson, World), String>>,
    /// Steps played so far.
    at: RwSignal<usize>,
}

impl Player {
    fn forward(self, ws: &WorkspaceState) {
        let Some(Ok((lesson, _))) = self.story.get_untracked() else { return };
        let at = self.at.get_untracked();
        let Some(step) = lesson.steps.get(at) else { return };
        self.at.set(at + 1);
        ws.replay(&step.solution, |_| {});
    }

    /// The world as it was before the last step: replayed from the start,
    /// so it is exactly that world.
    fn back(self, ws: &WorkspaceState) {
        let Some(Ok((lesson, world))) = self.story.get_untracked() else { return };
        let at = self.at.get_untracked();
        if at == 0 {
            return;
        }
        self.at.set(at - 1);
        let lines: Vec<String> = lesson.steps[..at - 1].iter().flat_map(|s| s.solution.clone()).collect();
        ws.restart(world);
        ws.replay(&lines, |_| {});
    }
}

/// Presenter mode.
#[component]
pub fn Present() -> impl IntoView {
    let ws = WorkspaceState::scratch(Start::Lesson(STORY.into()), World::new());
    provide_workspace(ws.clone());
    let player = Player { story: content::resource(story), at: RwSignal::new(0) };
    // The story's start world, once it arrives.
    let w = ws.clone();
    Effect::new(move |_| {
        if let Some(Ok((_, world))) = player.story.get() {
            w.restart(world);
        }
    });
    let w = ws.clone();
    let keys = window_event_listener(leptos::ev::keydown, move |k| {
        if in_field(&k) || k.ctrl_key() || k.meta_key() || k.alt_key() {
            return;
        }
        match k.key().as_str() {
            "ArrowRight" | " " | "PageDown" => player.forward(&w),
            "ArrowLeft" | "PageUp" => player.back(&w),
            "f" | "F" => full_screen(),
            _ => return,
        }
        k.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let caption = move || {
        let at = player.at.get();
        let story = player.story.get();
        let n = story.as_ref().and_then(|s| s.as_ref().ok()).map_or(0, |(l, _)| l.steps.len());
        let body = match story {
            None => view! { <p role="status">"Loading the week…"</p> }.into_any(),
            Some(Err(e)) => view! { <p role="alert">{e}</p> }.into_any(),
            Some(Ok((lesson, _))) if at == 0 => view! {
                <p class="b2p-present__count">{format!("The week in {n} steps · press → or Space")}</p>
                <h1 class="b2p-present__title">{lesson.title.clone()}</h1>
                <p class="b2p-present__about">{inline(&lesson.intro)}</p>
            }
            .into_any(),
            Some(Ok((lesson, _))) => {
                let step = &lesson.steps[at - 1];
                let about =
                    (!step.about.is_empty()).then(|| view! { <p class="b2p-present__about">{inline(&step.about)}</p> });
                let end = (at == n).then(|| {
                    view! { <p class="b2p-present__about b2p-present__end" data-testid="present-end">{inline(&lesson.learned)}</p> }
                });
                view! {
                    <p class="b2p-present__count">{format!("Step {at} of {n}")}</p>
                    <h1 class="b2p-present__title">{step.objective.clone()}</h1>
                    {about}
                    <ul class="b2p-present__lines">
                        {step.solution.iter().map(|l| view! { <li><code>{l.clone()}</code></li> }).collect_view()}
                    </ul>
                    {end}
                }
                .into_any()
            }
        };
        let (w1, w2) = (ws.clone(), ws.clone());
        view! {
            <div
                class="b2p-present__caption"
                data-testid="present-caption"
                aria-live="polite"
                data-step=at.to_string()
                data-steps=n.to_string()
            >
                {body}
                <p class="b2p-present__controls">
                    {control("← Back", "ArrowLeft", "back", at == 0, move || player.back(&w1))}
                    {control("Next →", "ArrowRight Space", "next", at >= n, move || player.forward(&w2))}
                    {control("Full screen", "F", "full", false, full_screen)}
                    <A href="/interview" attr:class="b2p-button b2p-present__control">"Leave presenter mode"</A>
                </p>
            </div>
        }
    };
    view! {
        <div class="b2p-present" data-testid="presenter">
            {caption}
            <div class="b2p-present__stage">
                <panels::graph::Repository />
                <panels::environments::Environments />
            </div>
            <panels::terminal::Terminal />
        </div>
    }
}
