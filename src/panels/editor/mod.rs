//! A small editor for the working tree's files, `.env` profiles included.
//! Saving is `echo '…' > FILE`, the same action the terminal runs, so
//! `git status` and the servers see it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::panels::form::values;
use crate::workspace::expect_workspace;

/// The editor panel: choosing a file shows it; Save writes it.
#[component]
pub fn Editor() -> impl IntoView {
    let models = expect_workspace();
    let (files, ws) = (models.files, models.ws);
    let w = ws.clone();
    let path = Memo::new(move |_| w.editing());
    // The open file's text: the text area shows it anew when it changes (a
    // save, another file), and keeps the learner's typing otherwise.
    let text = Memo::new(move |_| {
        let p = path.get();
        files.with(|all| all.iter().find(|f| f.path == p).map(|f| f.text.clone()).unwrap_or_default())
    });
    let options = move || {
        let open = path.get();
        files.with(|all| {
            all.iter()
                .map(|f| {
                    let label =
                        if f.status.is_empty() { f.path.clone() } else { format!("{}  [{}]", f.path, f.status.trim()) };
                    let selected = f.path == open;
                    view! { <option value=f.path.clone() selected=selected>{label}</option> }
                })
                .collect_view()
        })
    };
    let w = ws.clone();
    let choose = move |ev: leptos::ev::Event| {
        if let Some(select) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
            w.edit_file(select.value());
        }
    };
    // Not reset after saving, unlike the action forms: the text saved stays.
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        if let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) {
            ws.submit("save", &values(&form));
        }
    };
    view! {
        <section class="b2p-panel b2p-panel--editor" aria-label="Editor">
            <h2 class="b2p-panel__title">"Files"</h2>
            <form data-form="save" data-action="save" on:submit=save>
                <div class="b2p-editor__bar">
                    <label>
                        <span class="b2p-visually-hidden">"File"</span>
                        <select class="b2p-editor__file" name="path" data-testid="editor-file" on:change=choose>
                            {options}
                        </select>
                    </label>
                    <button
                        type="submit"
                        class="b2p-button"
                        data-testid="editor-save"
                        data-action="save"
                        title=move || format!("Runs: echo '…' > {}", path.get())
                    >
                        "Save"
                    </button>
                </div>
                <textarea
                    class="b2p-editor__text"
                    name="text"
                    data-testid="editor-text"
                    aria-label=move || format!("Contents of {}", path.get())
                    spellcheck="false"
                    rows="14"
                    prop:value=move || text.get()
                ></textarea>
            </form>
        </section>
    }
}
