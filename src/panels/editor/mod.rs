//! A small editor for the working tree's files. Saving is `echo '…' > FILE`,
//! the same action the terminal runs, so `git status` and the servers see it.

use engine::view::files::{files, save};
use leptos::prelude::*;

use crate::workspace::expect_workspace;

/// The editor panel.
#[component]
pub fn Editor() -> impl IntoView {
    let ws = expect_workspace();
    let all = ws.memo(|s| files(s.world()));
    let (path, set_path) = signal("intents.json".to_string());
    let (draft, set_draft) = signal(None::<String>);
    let current = move || all.with(|fs| fs.iter().find(|f| f.path == path.get()).cloned());
    let text = move || draft.get().or_else(|| current().map(|f| f.text)).unwrap_or_default();
    let save_it = move |_| {
        if let Some(d) = draft.get_untracked() {
            ws.apply(&save(&path.get_untracked(), &d));
            set_draft.set(None);
        }
    };
    view! {
        <section class="b2p-panel b2p-panel--editor" aria-label="Editor">
            <h2 class="b2p-panel__title">"Files"</h2>
            <div class="b2p-editor__bar">
                <label>
                    <span class="b2p-visually-hidden">"File"</span>
                    <select class="b2p-editor__file" data-testid="editor-file"
                        on:change=move |ev| { set_path.set(event_target_value(&ev)); set_draft.set(None); }>
                        {move || all.get().into_iter().map(|f| {
                            let selected = f.path == path.get_untracked();
                            let label = if f.status.is_empty() { f.path.clone() } else { format!("{}  [{}]", f.path, f.status.trim()) };
                            view! { <option value=f.path selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="b2p-button" data-action="save" data-testid="editor-save"
                    disabled=move || draft.with(Option::is_none)
                    title=move || format!("Runs: echo '…' > {}", path.get())
                    on:click=save_it>
                    "Save"
                </button>
            </div>
            <textarea class="b2p-editor__text" data-testid="editor-text" spellcheck="false" rows="14"
                prop:value=text on:input=move |ev| set_draft.set(Some(event_target_value(&ev)))></textarea>
        </section>
    }
}
