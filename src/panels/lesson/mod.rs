//! The lesson panel: the lesson (`/lessons/ID.lesson`, fetched on first use
//! and read by the engine's [`Lesson::parse`]) beside its own workspace — the
//! objective, a live checklist (each step checked by the engine after every
//! command), hints one at a time, "show solution" (the step's lines run in
//! the terminal), reset, and at the end what was learned, the interviewer's
//! question and the next lesson. Text is always text, never HTML.

mod steps;

use engine::lesson::{Checklist, Lesson, start};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::content::{self, ContentError};
use crate::prose::inline;
use crate::saved;
use crate::workspace::expect_workspace;
use steps::Steps;

/// The lesson, or why it cannot be shown.
async fn load(id: String) -> Result<Lesson, String> {
    match content::text(format!("/lessons/{id}.lesson")).await {
        Ok(text) => Lesson::parse(&text).map_err(|e| format!("This lesson file has a mistake ({e}).")),
        Err(ContentError::NotFound) => Err(format!("There is no lesson called “{id}”.")),
        Err(e) => Err(e.to_string()),
    }
}

fn lesson_button(label: &'static str, act: &'static str, on: impl Fn() + 'static) -> impl IntoView {
    view! { <button type="button" class="b2p-button" data-lesson-act=act on:click=move |_| on()>{label}</button> }
}

/// The lesson panel of the workspace in context.
///
/// - `id`: the lesson (`big-picture`).
#[component]
pub fn LessonPanel(id: String) -> impl IntoView {
    let ws = expect_workspace().ws;
    let lesson = content::resource({
        let id = id.clone();
        move || load(id.clone())
    });
    let next = content::resource({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move {
                let ids: Vec<String> = content::lessons().await.into_iter().map(|(i, _)| i).collect();
                ids.iter().position(|i| *i == id).and_then(|p| ids.get(p + 1)).cloned()
            }
        }
    });
    // Steps reached when the world was opened (or reset), with a stamp; the
    // checklist goes on from there, following the world (the engine's
    // rule: in order, and kept once reached).
    let base = RwSignal::new((0_u64, Checklist::default()));
    let hints = RwSignal::new(Vec::<usize>::new());
    let w = ws.clone();
    let checklist = Memo::new(move |prev: Option<&(u64, Checklist)>| {
        let (stamp, from) = base.get();
        let mut c = match prev {
            Some((s, c)) if *s == stamp => c.clone(),
            _ => from,
        };
        if let Some(Ok(l)) = lesson.get() {
            w.with_world(|world| c.follow(&l, world));
        }
        (stamp, c)
    });
    // The first visit this page load opens the workspace at the lesson's
    // start, then replays a shared or saved world, the checklist following
    // each line; a return finds it as it was.
    let w = ws.clone();
    Effect::new(move |_| {
        let Some(Ok(l)) = lesson.get() else { return };
        if untrack(|| w.version()) != 0 {
            return;
        }
        let Ok(session) = start(&l) else { return };
        let mut reached = Checklist::default();
        crate::opening::open(&w, session.world().clone(), |world| {
            reached.follow(&l, world);
        });
        base.update(|(s, c)| (*s, *c) = (*s + 1, reached));
    });
    // Syncs storage: a finished lesson is recorded.
    let name = id.clone();
    Effect::new(move |_| {
        let finished = lesson.with(|l| matches!(l, Some(Ok(_)))) && checklist.with(|(_, c)| c.current().is_none());
        if finished {
            saved::finish(&name);
        }
    });
    let w = ws.clone();
    let body = move || {
        let l = match lesson.get() {
            None => return view! { <p class="b2p-lesson__status">"Loading the lesson…"</p> }.into_any(),
            Some(Err(e)) => {
                return view! { <div class="b2p-lesson__text b2p-lesson__text--error" role="alert">{e}</div> }
                    .into_any();
            }
            Some(Ok(l)) => l,
        };
        let current = checklist.with(|(_, c)| c.current());
        let (w1, w2, l1, l2) = (w.clone(), w.clone(), l.clone(), l.clone());
        let reset = move || {
            base.update(|(s, c)| (*s, *c) = (*s + 1, Checklist::default()));
            hints.set(Vec::new());
            if let Ok(session) = start(&l2) {
                w2.restart(session.world().clone());
            }
        };
        let actions = match current {
            Some(i) => {
                let more = hints.with(|h| h.get(i).copied().unwrap_or(0)) < l.steps[i].hints.len();
                let n = l.steps.len();
                let max = l.steps[i].hints.len();
                let hint = move || {
                    hints.update(|h| {
                        h.resize(n, 0);
                        h[i] = (h[i] + 1).min(max);
                    });
                };
                // Visibly, in the terminal: each line as if typed.
                let solve = move || {
                    for line in &l1.steps[i].solution {
                        w1.run_line(line);
                    }
                };
                view! {
                    <div class="b2p-lesson__actions">
                        {more.then(|| lesson_button("Hint", "hint", hint))}
                        {lesson_button("Show solution", "solve", solve)}
                        {lesson_button("Reset the lesson", "reset", reset)}
                    </div>
                }
                .into_any()
            }
            None => view! {
                <div class="b2p-lesson__finished" role="status" data-testid="lesson-finished">
                    <h3>"Lesson complete — what you learned"</h3>
                    <div class="b2p-lesson__text">{inline(&l.learned)}</div>
                    <h3>"An interviewer would ask"</h3>
                    <div class="b2p-lesson__text">{inline(&l.interview)}</div>
                    <p class="b2p-lesson__actions">
                        {move || next.get().flatten().map(|n| view! {
                            <A href=crate::links::lesson(&n) attr:class="b2p-button b2p-button--primary">"Next lesson"</A>
                        })}
                        {lesson_button("Do it again", "reset", reset)}
                    </p>
                </div>
            }
            .into_any(),
        };
        let steps = Signal::derive(move || checklist.with(|(_, c)| c.clone()));
        view! {
            <h3 class="b2p-lesson__title">{l.title.clone()}</h3>
            <div class="b2p-lesson__text">{inline(&l.intro)}</div>
            <Steps lesson=l.clone() checklist=steps hints=hints />
            {actions}
            <p class="b2p-panel__note">
                "Type in the terminal or use the buttons; every step is checked after each command. "
                <code>"undo"</code>
                " takes a command back."
            </p>
        }
        .into_any()
    };
    view! {
        <section class="b2p-panel b2p-panel--lesson" aria-label="Lesson" data-testid="lesson-panel" data-lesson=id>
            <h2 class="b2p-panel__title">"Lesson"</h2>
            {body}
        </section>
    }
}
