//! Presenter mode (`/interview?present`): the guide's Monday–Thursday week
//! (the `real-world-week` lesson's steps) played on a live world, one step
//! per → / Space, ← taking the step back; a caption per step; the commit
//! graph and the environments side by side, in large type. The world is a
//! scratch one: presenting never touches the learner's saved worlds.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use engine::World;
use engine::lesson::{Lesson, start};
use engine::share::Start;
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, Node as DomNode};

use crate::content;
use crate::markup::{Element, code, el, inline, listen};
use crate::pages::Page;
use crate::panels;
use crate::workspace::WorkspaceState;

/// The lesson whose steps are the story.
const STORY: &str = "real-world-week";

struct Show {
    lesson: Option<Result<Lesson, String>>,
    /// The world before the first step.
    start: World,
    /// Steps played so far.
    at: Cell<usize>,
    ws: WorkspaceState,
}

impl Show {
    fn steps(&self) -> usize {
        self.lesson.as_ref().and_then(|l| l.as_ref().ok()).map_or(0, |l| l.steps.len())
    }

    /// Plays the next step on the live world: its lines, typed.
    fn forward(&self) {
        let Some(Ok(lesson)) = &self.lesson else { return };
        let at = self.at.get();
        let Some(step) = lesson.steps.get(at) else { return };
        self.at.set(at + 1);
        self.ws.replay(&step.solution, |_| {});
    }

    /// Takes the last step back: the world as it was before it (replayed
    /// from the start, so it is exactly that world).
    fn back(&self) {
        let Some(Ok(lesson)) = &self.lesson else { return };
        let at = self.at.get();
        if at == 0 {
            return;
        }
        self.at.set(at - 1);
        let lines: Vec<String> = lesson.steps[..at - 1].iter().flat_map(|s| s.solution.clone()).collect();
        self.ws.restart(self.start.clone());
        self.ws.replay(&lines, |_| {});
    }
}

fn control(act: &'static str, label: &'static str, keys: &'static str) -> Element {
    el("button")
        .attr("type", "button")
        .class("b2p-button b2p-present__control")
        .attr("data-present", act)
        .attr("aria-keyshortcuts", keys)
        .text(label)
}

fn caption(show: &Show) -> Element {
    let at = show.at.get();
    let n = show.steps();
    let bar =
        el("div").class("b2p-present__caption").attr("data-testid", "present-caption").attr("aria-live", "polite");
    let body = match &show.lesson {
        None => vec![el("p").attr("role", "status").text("Loading the week…")],
        Some(Err(e)) => vec![el("p").attr("role", "alert").text(e.clone())],
        Some(Ok(lesson)) if at == 0 => vec![
            el("p").class("b2p-present__count").text(format!("The week in {n} steps · press → or Space")),
            el("h1").class("b2p-present__title").text(lesson.title.clone()),
            el("p").class("b2p-present__about").children(inline(&lesson.intro)),
        ],
        Some(Ok(lesson)) => {
            let step = &lesson.steps[at - 1];
            let mut out = vec![
                el("p").class("b2p-present__count").text(format!("Step {at} of {n}")),
                el("h1").class("b2p-present__title").text(step.objective.clone()),
            ];
            if !step.about.is_empty() {
                out.push(el("p").class("b2p-present__about").children(inline(&step.about)));
            }
            out.push(
                el("ul")
                    .class("b2p-present__lines")
                    .children(step.solution.iter().map(|l| el("li").child(code(l.clone())))),
            );
            if at == n {
                out.push(
                    el("p")
                        .class("b2p-present__about b2p-present__end")
                        .attr("data-testid", "present-end")
                        .children(inline(&lesson.learned)),
                );
            }
            out
        }
    };
    bar.attr("data-step", at.to_string()).attr("data-steps", n.to_string()).children(body).child(
        el("p")
            .class("b2p-present__controls")
            .child(control("back", "← Back", "ArrowLeft").flag("disabled", at == 0))
            .child(control("next", "Next →", "ArrowRight Space").flag("disabled", at >= n))
            .child(control("full", "Full screen", "F"))
            .child(
                el("a")
                    .class("b2p-button b2p-present__control")
                    .attr("href", "/interview")
                    .text("Leave presenter mode"),
            ),
    )
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

/// Presenter mode, drawn into `main`.
pub fn present(main: &DomNode, page: &mut Page) {
    let ws = WorkspaceState::scratch(Start::Lesson(STORY.into()), World::new());
    let show = Rc::new(RefCell::new(Show { lesson: None, start: World::new(), at: Cell::new(0), ws: ws.clone() }));
    let Some(root) = crate::markup::append_element(main, "div", "b2p-present") else { return };
    let _ = root.set_attribute("data-testid", "presenter");
    let s = show.clone();
    let Some(bar) = page.panel(&root, Some(&ws), move || caption(&s.borrow()).into()) else { return };
    let Some(stage) = crate::markup::append_element(&root, "div", "b2p-present__stage") else { return };
    panels::graph::repository(&stage, &ws, page);
    panels::environments::environments(&stage, &ws, page);
    panels::terminal::terminal(&root, &ws, page);

    let act = {
        let show = show.clone();
        move |what: &str| {
            let s = show.borrow();
            match what {
                "next" => s.forward(),
                "back" => s.back(),
                "full" => {
                    if let Some(d) = crate::markup::document() {
                        if d.fullscreen_element().is_some() {
                            d.exit_fullscreen();
                        } else if let Some(e) = d.document_element() {
                            let _ = e.request_fullscreen();
                        }
                    }
                }
                _ => {}
            }
        }
    };
    let a = act.clone();
    page.listen(listen(bar.host(), "click", move |ev| {
        let what = crate::markup::clicked(&ev, "[data-present]").and_then(|b| b.get_attribute("data-present"));
        if let Some(w) = what {
            a(&w);
        }
    }));
    if let Some(window) = web_sys::window() {
        page.listen(listen(&window, "keydown", move |ev| {
            let Some(k) = ev.dyn_ref::<KeyboardEvent>() else { return };
            if in_field(k) || k.ctrl_key() || k.meta_key() || k.alt_key() {
                return;
            }
            let what = match k.key().as_str() {
                "ArrowRight" | " " | "PageDown" => "next",
                "ArrowLeft" | "PageUp" => "back",
                "f" | "F" => "full",
                _ => return,
            };
            ev.prevent_default();
            act(what);
        }));
    }
    let s = show;
    content::text(format!("/lessons/{STORY}.lesson"), move |r| {
        let lesson = r
            .map_err(|e| format!("The week: {e}."))
            .and_then(|t| Lesson::parse(&t).map_err(|e| format!("The week could not be read: {e}.")));
        let begun = lesson.as_ref().map_err(Clone::clone).and_then(start);
        let mut show = s.borrow_mut();
        match begun {
            Ok(session) => {
                show.start = session.world().clone();
                show.lesson = Some(lesson);
                let (ws, world) = (show.ws.clone(), show.start.clone());
                drop(show);
                ws.restart(world);
            }
            Err(e) => {
                show.lesson = Some(Err(e));
                let ws = show.ws.clone();
                drop(show);
                ws.changed();
            }
        }
    });
}
