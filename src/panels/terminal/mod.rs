//! The terminal: scrollback of commands and their output, and the command
//! line. Enter runs the line through the engine; ↑/↓ walk the history (which
//! `clear` keeps). Everything shown is text: a learner's input is never
//! parsed as HTML.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use engine::Action;

use crate::markup::{self, Node, el};
use crate::workspace::{Entry, WorkspaceState, expect_workspace};

fn has_selection(input: NodeRef<html::Input>) -> bool {
    input
        .get_untracked()
        .is_some_and(|i| matches!((i.selection_start(), i.selection_end()), (Ok(Some(a)), Ok(Some(b))) if a != b))
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
        .child(el("pre").class("b2p-terminal__text").text(e.output.as_str()))
        .into()
}

/// Draws the scrollback into `host` and keeps it in step with the log, as
/// a terminal does: new entries are appended, and only `clear` redraws. Each
/// command costs the same at the thousandth line as at the first.
/// How many commands the terminal keeps on the page.
pub const SCROLLBACK: usize = 200;

fn scrollback(host: web_sys::Element, ws: WorkspaceState) {
    // The first entry drawn, and how many are drawn.
    let mut drawn: (Option<usize>, usize) = (None, 0);
    let effect = RenderEffect::new(move |_| {
        ws.with_log(|log| {
            let entries = log.entries();
            let first = entries.first().map(|e| e.seq);
            if first != drawn.0 || entries.len() < drawn.1 {
                // Entries only: the host may hold the framework's marker.
                while let Some(old) = host.last_element_child() {
                    old.remove();
                }
                drawn = (first, 0);
            }
            // Only the newest SCROLLBACK entries can be new to the page.
            let start = drawn.1.max(entries.len().saturating_sub(SCROLLBACK));
            let new: Vec<Node> = entries.iter().skip(start).map(entry).collect();
            markup::append(&host, &new);
            drawn.1 = entries.len();
            // Like a terminal's scrollback limit: the oldest entries leave the
            // page (↑ history keeps every line), so a long session costs each
            // command no more than a short one.
            while host.child_element_count() as usize > SCROLLBACK {
                let Some(oldest) = host.first_element_child() else { break };
                oldest.remove();
            }
        });
    });
    StoredValue::new_local(effect);
}

/// The terminal panel.
#[component]
pub fn Terminal() -> impl IntoView {
    let ws = expect_workspace();
    let input_ref = NodeRef::<html::Input>::new();
    let output_ref = NodeRef::<html::Div>::new();
    let (draft, set_draft) = signal(String::new());
    // Position while browsing history with ↑/↓ (None: editing a new line).
    let (cursor, set_cursor) = signal(None::<usize>);

    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            let line = draft.get_untracked();
            set_draft.set(String::new());
            set_cursor.set(None);
            ws.run_line(&line);
        }
        "ArrowUp" | "ArrowDown" => {
            ev.prevent_default();
            let up = ev.key() == "ArrowUp";
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
                set_cursor.set(next);
                set_draft.set(text);
            }
        }
        // Ctrl+C with nothing selected stops the local server, as in a real
        // terminal; with a selection it stays the browser's copy.
        "c" if ev.ctrl_key() && !has_selection(input_ref) => {
            ev.prevent_default();
            set_draft.set(String::new());
            set_cursor.set(None);
            ws.apply(&Action::StopLocal);
        }
        _ => {}
    };

    // Keep the newest output in view: a DOM side effect, no signal writes.
    Effect::new(move |_| {
        ws.with_log(|l| l.entries().len());
        if let Some(el) = output_ref.get() {
            el.set_scroll_top(el.scroll_height());
        }
    });

    view! {
        <section class="b2p-panel b2p-panel--terminal" aria-label="Terminal">
            <h2 class="b2p-panel__title">"Terminal"</h2>
            <div class="b2p-terminal" on:click=move |_| {
                if let Some(i) = input_ref.get() {
                    let _ = i.focus();
                }
            }>
                <div class="b2p-terminal__output" data-testid="terminal-output" node_ref=output_ref
                    role="log" aria-live="polite">
                    <p class="b2p-terminal__hint">
                        "Type a command, e.g. " <code>"git checkout -b feature/new-chatbot-intent"</code>
                        ", or " <code>"help"</code> "."
                    </p>
                    <div class="b2p-terminal__entries" use:scrollback=ws></div>
                </div>
                <label class="b2p-terminal__input-row">
                    <span class="b2p-terminal__prompt" aria-hidden="true">"$"</span>
                    <span class="b2p-visually-hidden">"Command"</span>
                    <input
                        class="b2p-terminal__input"
                        data-testid="terminal-input"
                        node_ref=input_ref
                        type="text"
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck="false"
                        prop:value=draft
                        on:input=move |ev| set_draft.set(event_target_value(&ev))
                        on:keydown=on_keydown
                    />
                </label>
            </div>
        </section>
    }
}
