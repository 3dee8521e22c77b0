//! Share and save: the current world's share link (always shown, with a
//! copy button), export to a JSON file and import from one. The link is
//! computed a moment after the last change, not on every command: it covers
//! the whole session, and commands must stay fast however long that is.

use std::rc::Rc;

use engine::share::{file, link};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::clipboard::CopyButton;
use crate::notice::{self, Tone};
use crate::opening;
use crate::timer::{Quiet, when_calm};
use crate::workspace::{WorkspaceState, expect_workspace};

fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// The link to the world as it is now, and how many commands it holds.
fn share_link(ws: &WorkspaceState) -> (String, usize) {
    let record = ws.record();
    (format!("{}{}#{}", origin(), record.start.path(), link::encode(&record)), record.lines.len())
}

/// The share panel.
#[component]
pub fn Share() -> impl IntoView {
    let ws = expect_workspace().ws;
    // (link, commands, the version it shows)
    let shown = RwSignal::new((String::new(), 0, u64::MAX));
    let refresh = {
        let ws = ws.clone();
        move || {
            let version = untrack(|| ws.version());
            let (url, n) = share_link(&ws);
            shown.try_set((url, n, version));
        }
    };
    refresh();
    // Recomputed once 300 ms pass without a change.
    let quiet = Rc::new(Quiet::new(300.0, f64::INFINITY));
    let (w, r) = (ws.clone(), Rc::new(refresh.clone()) as Rc<dyn Fn()>);
    Effect::new(move |_| {
        if w.version() != shown.get_untracked().2 {
            when_calm(&quiet, r.clone());
        }
    });
    let input = NodeRef::<html::Input>::new();
    let w = ws.clone();
    // The link as it is now, selected in its field (where Ctrl+C copies it
    // if the browser refuses).
    let copied = move || {
        if shown.get_untracked().2 != untrack(|| w.version()) {
            refresh();
        }
        let url = shown.get_untracked().0;
        if let Some(input) = input.get_untracked() {
            input.set_value(&url);
            input.select();
        }
        url
    };
    // The Export link points at the world as it is now (a JSON file) just
    // before the browser follows it: only an export pays for the file.
    let w = ws.clone();
    let export = move |ev: leptos::ev::MouseEvent| {
        let Some(a) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let record = w.record();
        let json = file::export(&record);
        let href = format!("data:application/json;charset=utf-8,{}", js_sys::encode_uri_component(&json));
        let _ = a.set_attribute("href", &href);
        let _ = a.set_attribute("download", &format!("branch-to-prod-{}.json", record.start.name().replace(':', "-")));
    };
    let navigate = use_navigate();
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(f) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let text = gloo_file::futures::read_as_text(&gloo_file::File::from(f)).await.unwrap_or_default();
            match file::import(&text) {
                Ok(record) => opening::import(record, &navigate),
                Err(e) => notice::show(Tone::Problem, format!("This file {e}. Nothing was changed.")),
            }
        });
    };
    view! {
        <section class="b2p-panel b2p-panel--share" aria-labelledby="share-title">
            <h2 class="b2p-panel__title" id="share-title">"Share this world"</h2>
            <p class="b2p-share__hint">
                "The link opens this exact world — graph, servers, pull requests, and your commands in the terminal. \
                 It lives after the #, which no server sees. Your work is also saved in this browser."
            </p>
            <div class="b2p-share__row">
                <label class="b2p-share__link">
                    <span class="b2p-visually-hidden">"Share link"</span>
                    <input
                        type="text"
                        readonly
                        class="b2p-share__input"
                        data-testid="share-link"
                        spellcheck="false"
                        node_ref=input
                        prop:value=move || shown.with(|s| s.0.clone())
                        data-commands=move || shown.with(|s| s.1.to_string())
                    />
                </label>
                <CopyButton label="Copy link" failed="Press Ctrl+C to copy" testid="share-copy" text=copied />
            </div>
            <div class="b2p-share__row">
                // An href from the start: a link without one is out of the tab
                // order; the click replaces it before the browser follows.
                <a
                    class="b2p-button"
                    href="data:application/json;charset=utf-8,"
                    download="branch-to-prod.json"
                    data-testid="export"
                    on:click=export
                >
                    "Export file"
                </a>
                <label class="b2p-button b2p-share__import">
                    "Import file"
                    <input
                        type="file"
                        accept=".json,application/json"
                        class="b2p-visually-hidden"
                        data-testid="import"
                        on:change=import
                    />
                </label>
                <span class="b2p-share__size" data-testid="share-size" aria-live="polite">
                    {move || shown.with(|s| format!("{} characters", s.0.chars().count()))}
                </span>
            </div>
        </section>
    }
}
