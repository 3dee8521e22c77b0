//! The terminal: scrollback of commands and their output, and the command
//! line. Enter runs the line through the engine; ↑/↓ walk the history (which
//! `clear` keeps); Tab completes (the engine's [`complete`]); Ctrl+U clears
//! the line, Ctrl+L the screen, Ctrl+C stops the local server. Everything
//! shown is text: a learner's input is never parsed as HTML.

mod entry;

use engine::Action;
use engine::view::complete::complete;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::workspace::{WorkspaceState, expect_workspace};
use entry::EntryView;

/// How many commands the terminal keeps on the page (↑ history keeps
/// every line), so a long session costs each command no more than a short one.
pub const SCROLLBACK: usize = 200;

fn has_selection(i: &HtmlInputElement) -> bool {
    matches!((i.selection_start(), i.selection_end()), (Ok(Some(a)), Ok(Some(b))) if a != b)
}

/// The command line's keys; `cursor` is where ↑/↓ are in the history.
fn on_key(ev: &KeyboardEvent, input: &HtmlInputElement, ws: &WorkspaceState, cursor: RwSignal<Option<usize>>) {
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
            let picked = ws.with_log_untracked(|log| {
                let lines = log.history();
                if lines.is_empty() {
                    return None;
                }
                let next = match (cursor.get_untracked(), up) {
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
            let done = ws.with_session_untracked(|s| complete(s.world(), &line));
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

/// A line to show typed on the command line, focused, when the terminal
/// first appears (the reference's "try it").
#[derive(Debug, Clone, Default)]
pub struct Typed(pub Option<String>);

/// The terminal panel: scrollback (keyed by entry, so a command appends one
/// entry and moves nothing else) and the command line.
#[component]
pub fn Terminal() -> impl IntoView {
    let ws = expect_workspace().ws;
    let input = NodeRef::<html::Input>::new();
    let output = NodeRef::<html::Div>::new();
    let cursor = RwSignal::new(None::<usize>);
    let w = ws.clone();
    // Only the newest SCROLLBACK entries are on the page.
    let shown = Memo::new(move |_| {
        w.with_log(|log| {
            let all = log.entries();
            all[all.len().saturating_sub(SCROLLBACK)..].to_vec()
        })
    });
    // Syncs the outside: the newest entry scrolled into view, after the
    // page has drawn it.
    Effect::new(move |_| {
        shown.with(|s| s.last().map(|e| e.seq));
        if let Some(out) = output.get_untracked() {
            request_animation_frame(move || out.set_scroll_top(out.scroll_height()));
        }
    });
    // Syncs the outside: a "try it" line typed and focused, once the input
    // is on the page.
    let typed = use_context::<Typed>().and_then(|t| t.0);
    Effect::new(move |_| {
        if let (Some(i), Some(line)) = (input.get(), typed.as_deref()) {
            i.set_value(line);
            let _ = i.focus();
        }
    });
    let keys = move |ev: KeyboardEvent| {
        if let Some(i) = input.get_untracked() {
            on_key(&ev, &i, &ws, cursor);
        }
    };
    let focus = move |_| {
        if let Some(i) = input.get_untracked() {
            let _ = i.focus();
        }
    };
    view! {
        <section class="b2p-panel b2p-panel--terminal" aria-label="Terminal">
            <h2 class="b2p-panel__title">"Terminal"</h2>
            <div class="b2p-terminal" on:click=focus>
                <div
                    class="b2p-terminal__output"
                    data-testid="terminal-output"
                    role="log"
                    tabindex="0"
                    aria-live="polite"
                    node_ref=output
                >
                    <p class="b2p-terminal__hint">
                        "Type a command, e.g. " <code>"git checkout -b feature/new-chatbot-intent"</code> ", or "
                        <code>"help"</code> ". Tab completes; ↑/↓ recall."
                    </p>
                    <div class="b2p-terminal__entries">
                        <For each=move || shown.get() key=|e| e.seq let:entry>
                            <EntryView entry=entry />
                        </For>
                    </div>
                </div>
                <label class="b2p-terminal__input-row">
                    <span class="b2p-terminal__prompt" aria-hidden="true">"$"</span>
                    <span class="b2p-visually-hidden">"Command"</span>
                    <input
                        class="b2p-terminal__input"
                        data-testid="terminal-input"
                        type="text"
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck="false"
                        node_ref=input
                        on:keydown=keys
                    />
                </label>
            </div>
        </section>
    }
}
