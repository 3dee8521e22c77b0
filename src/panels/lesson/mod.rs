//! The lesson panel: the lesson (`/lessons/ID.lesson`, fetched on first use
//! and read by the engine's [`Lesson::parse`]) beside its own workspace — the
//! objective, a live checklist (each step checked by the engine after every
//! command), hints one at a time, "show solution" (the step's lines run in
//! the terminal), reset, and at the end what was learned, the interviewer's
//! question and the next lesson. Text is always text, never HTML.

use std::cell::RefCell;
use std::rc::Rc;

use engine::lesson::{Checklist, Lesson, start};
use web_sys::Node as DomNode;

use crate::content::{self, ContentError};
use crate::markup::{Element, View, code, el, inline, listen};
use crate::pages::Page;
use crate::saved;
use crate::workspace::WorkspaceState;

/// What the panel knows beside the world.
#[derive(Default)]
struct State {
    /// The lesson, or why it cannot be shown.
    lesson: Option<Result<Lesson, String>>,
    /// Steps reached so far (the engine's rule: in order, and kept).
    checklist: Checklist,
    /// Hints shown, per step.
    hints: Vec<usize>,
    /// The lesson after this one, if any.
    next: Option<String>,
}

impl State {
    /// Marks the steps the world now meets.
    fn follow(&mut self, ws: &WorkspaceState) -> bool {
        let Some(Ok(lesson)) = &self.lesson else { return false };
        ws.with_world(|w| self.checklist.follow(lesson, w))
    }

    fn current(&self) -> Option<usize> {
        self.checklist.current()
    }
}

/// Lesson prose: text, with `backticked` spans as code; nothing else is
/// interpreted, so no markup in a lesson file reaches the page as HTML.
fn prose(class: &'static str, text: &str) -> Element {
    el("div").class(class).children(inline(text))
}

fn lesson_button(act: &str, label: &str) -> Element {
    el("button").attr("type", "button").class("b2p-button").attr("data-lesson-act", act).text(label)
}

fn body(lesson: &Lesson, s: &State) -> Vec<Element> {
    let current = s.current();
    let steps = lesson.steps.iter().enumerate().map(|(i, step)| {
        let done = s.checklist.is_done(i);
        let shown = s.hints.get(i).copied().unwrap_or(0);
        let here = current == Some(i);
        el("li")
            .class(if here { "b2p-lesson__step b2p-lesson__step--current" } else { "b2p-lesson__step" })
            .attr("data-testid", "lesson-step")
            .attr("data-done", if done { "true" } else { "false" })
            .attr_opt("aria-current", here.then_some("step"))
            .child(el("span").class("b2p-lesson__mark").attr("aria-hidden", "true").text(if done {
                "✓"
            } else {
                "○"
            }))
            .child(el("strong").text(step.objective.as_str()))
            .child(el("span").class("b2p-visually-hidden").text(if done { " (done)" } else { " (to do)" }))
            .child_opt(
                (here && !step.about.is_empty()).then(|| el("p").class("b2p-lesson__about").text(step.about.as_str())),
            )
            .child_opt((here && shown > 0).then(|| {
                el("ol")
                    .class("b2p-lesson__hints")
                    .attr("aria-live", "polite")
                    .children(step.hints.iter().take(shown).map(|h| el("li").child(prose("b2p-lesson__hint", h))))
            }))
    });
    let mut out = vec![
        el("h3").class("b2p-lesson__title").text(lesson.title.as_str()),
        prose("b2p-lesson__text", &lesson.intro),
        el("ol").class("b2p-lesson__steps").attr("aria-label", "Steps").children(steps),
    ];
    match current {
        Some(i) => {
            let more = s.hints.get(i).copied().unwrap_or(0) < lesson.steps[i].hints.len();
            out.push(
                el("div")
                    .class("b2p-lesson__actions")
                    .child_opt(more.then(|| lesson_button("hint", "Hint")))
                    .child(lesson_button("solve", "Show solution"))
                    .child(lesson_button("reset", "Reset the lesson")),
            );
        }
        None => {
            out.push(
                el("div")
                    .class("b2p-lesson__finished")
                    .attr("role", "status")
                    .attr("data-testid", "lesson-finished")
                    .child(el("h3").text("Lesson complete — what you learned"))
                    .child(prose("b2p-lesson__text", &lesson.learned))
                    .child(el("h3").text("An interviewer would ask"))
                    .child(prose("b2p-lesson__text", &lesson.interview))
                    .child(
                        el("p")
                            .class("b2p-lesson__actions")
                            .child_opt(s.next.as_ref().map(|n| {
                                el("a")
                                    .class("b2p-button b2p-button--primary")
                                    .attr("href", format!("/lesson/{n}"))
                                    .text("Next lesson")
                            }))
                            .child(lesson_button("reset", "Do it again")),
                    ),
            );
        }
    }
    out
}

fn panel(id: &str, s: &State) -> Element {
    let section = el("section")
        .class("b2p-panel b2p-panel--lesson")
        .attr("aria-label", "Lesson")
        .attr("data-testid", "lesson-panel")
        .attr("data-lesson", id)
        .child(el("h2").class("b2p-panel__title").text("Lesson"));
    match &s.lesson {
        None => section.child(el("p").class("b2p-lesson__status").text("Loading the lesson…")),
        Some(Err(e)) => section
            .child(el("div").class("b2p-lesson__text b2p-lesson__text--error").attr("role", "alert").text(e.as_str())),
        Some(Ok(lesson)) => section.children(body(lesson, s)).child(
            el("p")
                .class("b2p-panel__note")
                .text("Type in the terminal or use the buttons; every step is checked after each command. ")
                .child(code("undo"))
                .text(" takes a command back."),
        ),
    }
}

/// The lesson panel, drawn at once (loading) and again when the lesson
/// arrives; the workspace starts from the lesson's start state the first time.
pub fn lesson_panel(parent: &DomNode, id: &str, ws: &WorkspaceState, page: &mut Page) {
    let state = Rc::new(RefCell::new(State::default()));
    let (st, w, name) = (state.clone(), ws.clone(), id.to_string());
    let Some(panel) = page.panel(parent, Some(ws), move || {
        let mut s = st.borrow_mut();
        if s.follow(&w) {
            saved::finish(&name);
        }
        panel(&name, &s).into()
    }) else {
        return;
    };
    // The lesson's buttons: hints, the solution, reset.
    let (st, w, shown) = (state.clone(), ws.clone(), Rc::downgrade(&panel));
    page.listen(listen(panel.host(), "click", move |ev| {
        let act = crate::markup::clicked(&ev, "[data-lesson-act]").and_then(|b| b.get_attribute("data-lesson-act"));
        let Some(act) = act else { return };
        let mut s = st.borrow_mut();
        let Some(Ok(lesson)) = s.lesson.clone() else { return };
        let current = s.current();
        match (act.as_str(), current) {
            ("hint", Some(i)) => {
                s.hints.resize(lesson.steps.len(), 0);
                s.hints[i] = (s.hints[i] + 1).min(lesson.steps[i].hints.len());
            }
            ("solve", Some(i)) => {
                drop(s);
                // Visibly, in the terminal: each line as if typed.
                for line in &lesson.steps[i].solution {
                    w.run_line(line);
                }
                return;
            }
            ("reset", _) => {
                s.checklist = Checklist::default();
                s.hints.clear();
                drop(s);
                if let Ok(session) = start(&lesson) {
                    w.restart(session.world().clone());
                }
                return;
            }
            _ => return,
        }
        drop(s);
        if let Some(p) = shown.upgrade() {
            p.redraw();
        }
    }));
    let (w, shown, lesson_id) = (ws.clone(), Rc::downgrade(&panel), id.to_string());
    content::text(format!("/lessons/{id}.lesson"), move |r| {
        let parsed = match r {
            Ok(text) => Lesson::parse(&text).map_err(|e| format!("This lesson file has a mistake ({e}).")),
            Err(ContentError::NotFound) => Err(format!("There is no lesson called “{lesson_id}”.")),
            Err(e) => Err(e.to_string()),
        };
        // The first visit this page load opens the workspace at the
        // lesson's start, then replays a shared or saved world, the
        // checklist following each line; a return finds it as it was.
        let first = w.version() == 0;
        state.borrow_mut().lesson = Some(parsed.clone());
        if let Ok(lesson) = &parsed
            && first
            && let Ok(session) = start(lesson)
        {
            crate::opening::open(&w, session.world().clone(), |ws| {
                state.borrow_mut().follow(ws);
            });
        }
        if let Some(p) = shown.upgrade() {
            p.redraw();
        }
        content::text("/lessons/index.txt".into(), move |index| {
            let ids: Vec<String> =
                index.map(|t| engine::lesson::index(&t).into_iter().map(|(id, _)| id).collect()).unwrap_or_default();
            state.borrow_mut().next = ids.iter().position(|i| *i == lesson_id).and_then(|p| ids.get(p + 1)).cloned();
            if let Some(p) = shown.upgrade() {
                p.redraw();
            }
        });
    });
}
