//! "Tell me about your development process": the learner's own answer,
//! assembled by `engine::interview` from every world they worked in (the
//! sandbox and each lesson's), editable and copyable, beside the guide's
//! answer and the follow-ups an interviewer asks (`/quiz/interview.sheet`).

use std::cell::RefCell;
use std::rc::Rc;

use engine::interview::{Facts, of_session};
use engine::lesson::{Lesson, start};
use engine::share::Start;
use engine::sheet::Sheet;
use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, Node as DomNode};

use crate::markup::{Element, Panel, View, append, el, listen};
use crate::pages::Page;
use crate::pages::sheet::blocks;
use crate::{content, saved, workspace};

/// What the answer is built from, gathered world by world.
#[derive(Default)]
struct Gathered {
    facts: Facts,
    /// Worlds still being read (a lesson's file is fetched first).
    pending: usize,
    /// The learner typed in the answer: a late world does not overwrite it.
    edited: bool,
    /// Lesson titles by id, for the links.
    lessons: Vec<(String, String)>,
}

fn text(f: &Facts) -> String {
    f.answer().join("\n\n")
}

fn gaps(g: &Gathered) -> Element {
    let gaps = g.facts.gaps();
    el("div")
        .class("b2p-answer__gaps")
        .attr("data-testid", "answer-gaps")
        .child_opt((g.pending > 0).then(|| el("p").attr("role", "status").text("Reading your lessons' worlds…")))
        .child_opt((!gaps.is_empty()).then(|| {
            el("div")
                .child(el("p").text("Your worlds do not show these yet — do them, and the answer tells them:"))
                .child(el("ul").children(gaps.iter().map(|(what, lesson)| {
                    let title = g.lessons.iter().find(|(id, _)| id == lesson).map_or("the lesson", |(_, t)| t.as_str());
                    el("li")
                        .text(format!("{what}: "))
                        .child(el("a").attr("href", format!("/lesson/{lesson}")).text(title.to_string()))
                })))
        }))
}

fn gold(sheet: Option<&Result<Sheet, String>>) -> Element {
    let side = el("div").class("b2p-answer__gold").attr("data-testid", "answer-gold");
    match sheet {
        None => side.child(el("p").attr("role", "status").text("Loading the guide's answer…")),
        Some(Err(e)) => side.child(el("p").attr("role", "alert").text(e.clone())),
        Some(Ok(s)) => side.children(blocks(&s.blocks, &|_| None)),
    }
}

/// Fills the answer box, unless the learner is writing in it (`force`: they
/// asked to rebuild).
fn fill(host: &web_sys::Element, g: &Gathered, force: bool) {
    if g.edited && !force {
        return;
    }
    if let Some(t) = host
        .query_selector("[data-testid=my-answer]")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
    {
        t.set_value(&text(&g.facts));
    }
}

/// Adds one world's facts; when the last arrives, the answer is filled.
fn add(g: &Rc<RefCell<Gathered>>, f: Facts, panel: &std::rc::Weak<Panel>, host: &web_sys::Element) {
    let mut s = g.borrow_mut();
    s.facts.merge(f);
    s.pending = s.pending.saturating_sub(1);
    fill(host, &s, false);
    drop(s);
    if let Some(p) = panel.upgrade() {
        p.redraw();
    }
}

/// The answer section, drawn into `parent`.
pub fn answer(parent: &DomNode, page: &mut Page) {
    let Some(section) = crate::markup::append_element(parent, "section", "b2p-panel b2p-answer") else { return };
    let _ = section.set_attribute("aria-labelledby", "answer-title");
    let _ = section.set_attribute("data-testid", "answer");
    append(
        &section,
        &[
            el("h2").attr("id", "answer-title").class("b2p-panel__title").text("“Tell me about your development process”").into(),
            el("p")
                .class("b2p-panel__note")
                .text("Your answer is assembled from what you did — in the sandbox and in each lesson's world. Edit it into your own words, then say it out loud.")
                .into(),
        ],
    );
    let Some(cols) = crate::markup::append_element(&section, "div", "b2p-answer__cols") else { return };
    let Some(mine) = crate::markup::append_element(&cols, "div", "b2p-answer__mine") else { return };
    append(
        &mine,
        &[
            el("h3").text("Your answer, from your worlds").into(),
            el("textarea")
                .class("b2p-answer__text")
                .attr("data-testid", "my-answer")
                .attr("aria-label", "Your answer")
                .attr("rows", "14")
                .attr("spellcheck", "true")
                .into(),
            el("p")
                .class("b2p-answer__actions")
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("b2p-button b2p-button--primary")
                        .attr("data-answer", "copy")
                        .attr("data-testid", "answer-copy")
                        .text("Copy my answer"),
                )
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("b2p-button")
                        .attr("data-answer", "rebuild")
                        .text("Rebuild from my worlds"),
                )
                .into(),
        ],
    );
    let gathered = Rc::new(RefCell::new(Gathered::default()));
    let g = gathered.clone();
    let Some(gap_panel) = page.panel(&mine, None, move || gaps(&g.borrow()).into()) else { return };
    let (g, gp) = (gathered.clone(), Rc::downgrade(&gap_panel));
    content::text("/lessons/index.txt".into(), move |r| {
        if let Ok(t) = r {
            g.borrow_mut().lessons = engine::lesson::index(&t);
            if let Some(p) = gp.upgrade() {
                p.redraw();
            }
        }
    });
    let sheet: Rc<RefCell<Option<Result<Sheet, String>>>> = Rc::new(RefCell::new(None));
    let s = sheet.clone();
    let Some(gold_panel) = page.panel(&cols, None, move || gold(s.borrow().as_ref()).into()) else { return };
    let gp = Rc::downgrade(&gold_panel);
    content::sheet("/quiz/interview.sheet", "The guide's answer", move |r| {
        *sheet.borrow_mut() = Some(r);
        if let Some(p) = gp.upgrade() {
            p.redraw();
        }
    });

    // Buttons, and the learner's own edits.
    let (g, host) = (gathered.clone(), section.clone());
    page.listen(listen(&section, "click", move |ev| {
        let Some(b) = crate::markup::clicked(&ev, "[data-answer]") else {
            return;
        };
        match b.get_attribute("data-answer").as_deref() {
            Some("copy") => {
                let text = host
                    .query_selector("[data-testid=my-answer]")
                    .ok()
                    .flatten()
                    .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
                    .map(|t| t.value())
                    .unwrap_or_default();
                crate::clipboard::copy(&text, Some(b), "Copied ✓", "Select the answer and press Ctrl+C");
            }
            Some("rebuild") => {
                g.borrow_mut().edited = false;
                fill(&host, &g.borrow(), true);
            }
            _ => {}
        }
    }));
    let g = gathered.clone();
    page.listen(listen(&section, "input", move |_| g.borrow_mut().edited = true));

    // Every world the learner worked in: the sandbox, each lesson's.
    let sandbox = crate::pages::sandbox::sandbox_workspace();
    let open = workspace::opened();
    let mut starts: Vec<Start> = saved::worlds();
    for ws in &open {
        if !starts.contains(ws.start()) {
            starts.push(ws.start().clone());
        }
    }
    // The sandbox is read above; every other world is a lesson's.
    starts.retain(|s| matches!(s, Start::Lesson(_)));
    gathered.borrow_mut().pending = starts.len() + 1;
    let panel = Rc::downgrade(&gap_panel);
    add(&gathered, sandbox.with_session(of_session), &panel, &section);
    for start_at in starts {
        if let Some(ws) = open.iter().find(|w| *w.start() == start_at && w.version() > 0) {
            add(&gathered, ws.with_session(of_session), &panel, &section);
            continue;
        }
        let Start::Lesson(id) = &start_at else { continue };
        let (g, panel, host) = (gathered.clone(), panel.clone(), section.clone());
        content::text(format!("/lessons/{id}.lesson"), move |r| {
            // A lesson's saved lines replay onto its start, as the lesson page does.
            let session = r
                .ok()
                .and_then(|t| Lesson::parse(&t).ok())
                .and_then(|l| start(&l).ok())
                .and_then(|session| saved::world(&start_at).map(|rec| rec.replay(session.world().clone())));
            add(&g, session.as_ref().map(of_session).unwrap_or_default(), &panel, &host);
        });
    }
}
