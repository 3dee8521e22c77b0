//! The terminal: scrollback of commands and their output, and the command
//! line. Enter runs the line through the engine; ↑/↓ walk the history (which
//! `clear` keeps); Tab completes (the engine's [`complete`]); Ctrl+U clears
//! the line, Ctrl+L the screen, Ctrl+C stops the local server. Everything
//! shown is text: a learner's input is never parsed as HTML.
//!
//! Drawn with the DOM directly (a fixed frame, then appended entries): a
//! terminal's page cost must not grow with the session, and this is the
//! panel every command touches.

use std::cell::Cell;
use std::rc::Rc;

use std::cell::RefCell;

use engine::Action;
use engine::outcome::TUTOR_NOTE;
use engine::view::complete::complete;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element as DomElement, HtmlInputElement, KeyboardEvent, Node as DomNode};

use crate::markup::{self, Element, Node, View, append_element, code, el, listen};
use crate::pages::Page;
use crate::workspace::{Entry, WorkspaceState};

/// How many commands the terminal keeps on the page.
pub const SCROLLBACK: usize = 200;

/// One output line (with the newline before it, after the first), coloured
/// by what it is: the tutor's notes, git's hints, errors.
fn line(i: usize, line: &str) -> Node {
    let class = if line.starts_with(TUTOR_NOTE) {
        Some("b2p-terminal__note")
    } else if line.starts_with("hint: ") {
        Some("b2p-terminal__hint-line")
    } else if line.starts_with("error: ") || line.starts_with("fatal: ") || line.starts_with("bash: ") {
        Some("b2p-terminal__err")
    } else {
        None
    };
    let text = if i == 0 { line.to_string() } else { format!("\n{line}") };
    match class {
        Some(class) => el("span").class(class).text(text).into(),
        None => Node::from(text),
    }
}

fn entry(e: &Entry) -> Node {
    let class = if e.ok { "b2p-terminal__entry" } else { "b2p-terminal__entry b2p-terminal__entry--error" };
    el("div")
        .class(class)
        .child(
            el("div")
                .class("b2p-terminal__line")
                .child(el("span").class("b2p-terminal__prompt").attr("aria-hidden", "true").text("$ "))
                .text(e.line.as_str()),
        )
        .child(
            el("pre").class("b2p-terminal__text").children(e.output.split('\n').enumerate().map(|(i, l)| line(i, l))),
        )
        .into()
}

fn frame() -> Element {
    el("div")
        .class("b2p-terminal")
        .child(
            el("div")
                .class("b2p-terminal__output")
                .attr("data-testid", "terminal-output")
                .attr("role", "log")
                .attr("aria-live", "polite")
                .child(
                    el("p")
                        .class("b2p-terminal__hint")
                        .text("Type a command, e.g. ")
                        .child(code("git checkout -b feature/new-chatbot-intent"))
                        .text(", or ")
                        .child(code("help"))
                        .text(". Tab completes; ↑/↓ recall."),
                )
                .child(el("div").class("b2p-terminal__entries")),
        )
        .child(
            el("label")
                .class("b2p-terminal__input-row")
                .child(el("span").class("b2p-terminal__prompt").attr("aria-hidden", "true").text("$"))
                .child(el("span").class("b2p-visually-hidden").text("Command"))
                .child(
                    el("input")
                        .class("b2p-terminal__input")
                        .attr("data-testid", "terminal-input")
                        .attr("type", "text")
                        .attr("autocomplete", "off")
                        .attr("autocapitalize", "off")
                        .attr("spellcheck", "false"),
                ),
        )
}

/// The scrollback, kept in step with the log as a terminal does: new entries
/// are appended, and only `clear` redraws; the newest stays in view.
struct Scrollback {
    ws: WorkspaceState,
    host: DomElement,
    /// The first entry drawn, and how many are drawn.
    drawn: RefCell<(Option<usize>, usize)>,
    /// Where the entries scroll.
    output: DomElement,
}

impl View for Scrollback {
    fn redraw(&self) {
        let mut drawn = self.drawn.borrow_mut();
        let host = &self.host;
        let grew = self.ws.with_log(|log| {
            let entries = log.entries();
            let first = entries.first().map(|e| e.seq);
            if first != drawn.0 || entries.len() < drawn.1 {
                host.set_text_content(None);
                *drawn = (first, 0);
            }
            // Only the newest SCROLLBACK entries can be new to the page.
            let start = drawn.1.max(entries.len().saturating_sub(SCROLLBACK));
            let new: Vec<Node> = entries.iter().skip(start).map(entry).collect();
            markup::append(host, &new);
            let grew = entries.len() != drawn.1;
            drawn.1 = entries.len();
            grew
        });
        // Like a terminal's scrollback limit: the oldest entries leave the
        // page (↑ history keeps every line), so a long session costs each
        // command no more than a short one.
        while host.child_element_count() as usize > SCROLLBACK {
            let Some(oldest) = host.first_element_child() else { break };
            oldest.remove();
        }
        // The newest entry into view at the next frame: reading the output's
        // height now would lay out the page before the other panels have
        // redrawn, and then again after. (A one-shot callback: it outlives
        // this panel if the page changes before the frame.)
        if grew && let Some(w) = web_sys::window() {
            let output = self.output.clone();
            let scroll = Closure::once_into_js(move || output.set_scroll_top(output.scroll_height()));
            let _ = w.request_animation_frame(scroll.unchecked_ref());
        }
    }
}

fn has_selection(i: &HtmlInputElement) -> bool {
    matches!((i.selection_start(), i.selection_end()), (Ok(Some(a)), Ok(Some(b))) if a != b)
}

/// The command line's keys.
fn on_key(ev: &KeyboardEvent, input: &HtmlInputElement, ws: &WorkspaceState, cursor: &Cell<Option<usize>>) {
    let ctrl = ev.ctrl_key();
    match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            let line = input.value();
            input.set_value("");
            cursor.set(None);
            ws.run_line(&line);
        }
        key @ ("ArrowUp" | "ArrowDown") => {
            ev.prevent_default();
            let up = key == "ArrowUp";
            let picked = ws.with_log(|log| {
                let lines = log.history();
                if lines.is_empty() {
                    return None;
                }
                let next = match (cursor.get(), up) {
                    (None, true) => Some(lines.len() - 1),
                    (Some(i), true) => Some(i.saturating_sub(1)),
                    (Some(i), false) if i + 1 < lines.len() => Some(i + 1),
                    // Past the newest line: back to an empty command line.
                    (_, false) => None,
                };
                Some((next, next.map(|i| lines[i].clone()).unwrap_or_default()))
            });
            if let Some((next, text)) = picked {
                cursor.set(next);
                input.set_value(&text);
            }
        }
        "Tab" if !ev.shift_key() => {
            ev.prevent_default();
            let line = input.value();
            let done = ws.with_world(|w| complete(w, &line));
            input.set_value(&done.line);
            if done.options.len() > 1 {
                ws.note(&line, done.options.join("  "));
            }
        }
        "u" | "U" if ctrl => {
            ev.prevent_default();
            input.set_value("");
        }
        "l" | "L" if ctrl => {
            ev.prevent_default();
            ws.clear_screen();
        }
        // Ctrl+C with nothing selected stops the local server, as in a real
        // terminal; with a selection it stays the browser's copy.
        "c" if ctrl && !has_selection(input) => {
            ev.prevent_default();
            input.set_value("");
            cursor.set(None);
            ws.apply(&Action::StopLocal);
        }
        _ => {}
    }
}

/// The terminal panel: drawn into a new section of `parent`, its keys wired.
pub fn terminal(parent: &DomNode, ws: &WorkspaceState, page: &mut Page) {
    let Some(host) = append_element(parent, "section", "b2p-panel b2p-panel--terminal") else { return };
    let _ = host.set_attribute("aria-label", "Terminal");
    markup::append(&host, &[el("h2").class("b2p-panel__title").text("Terminal").into(), frame().into()]);
    let find = |sel: &str| host.query_selector(sel).ok().flatten();
    let (Some(terminal), Some(output), Some(entries), Some(input)) = (
        find(".b2p-terminal"),
        find(".b2p-terminal__output"),
        find(".b2p-terminal__entries"),
        find(".b2p-terminal__input").and_then(|i| i.dyn_into::<HtmlInputElement>().ok()),
    ) else {
        return;
    };
    let scrollback = Rc::new(Scrollback { ws: ws.clone(), host: entries, drawn: RefCell::new((None, 0)), output });
    scrollback.redraw();
    page.keep(ws, scrollback);
    let cursor = Cell::new(None::<usize>);
    let (field, w) = (input.clone(), ws.clone());
    page.listen(listen(&input, "keydown", move |ev| {
        if let Some(ev) = ev.dyn_ref::<KeyboardEvent>() {
            on_key(ev, &field, &w, &cursor);
        }
    }));
    page.listen(listen(&terminal, "click", move |_| {
        let _ = input.focus();
    }));
}
