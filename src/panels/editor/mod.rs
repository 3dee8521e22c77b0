//! A small editor for the working tree's files, `.env` profiles included.
//! Saving is `echo '…' > FILE`, the same action the terminal runs, so
//! `git status` and the servers see it.

use engine::view::files::{File, files};
use wasm_bindgen::JsCast;
use web_sys::Node as DomNode;

use crate::markup::{Element, el, listen};
use crate::pages::Page;
use crate::workspace::WorkspaceState;

fn editor_tree(all: &[File], path: &str) -> Element {
    let text = all.iter().find(|f| f.path == path).map(|f| f.text.clone()).unwrap_or_default();
    el("section")
        .class("b2p-panel b2p-panel--editor")
        .attr("aria-label", "Editor")
        .child(el("h2").class("b2p-panel__title").text("Files"))
        .child(
            el("form")
                .attr("data-form", "save")
                .attr("data-action", "save")
                .child(
                    el("div")
                        .class("b2p-editor__bar")
                        .child(
                            el("label").child(el("span").class("b2p-visually-hidden").text("File")).child(
                                el("select")
                                    .class("b2p-editor__file")
                                    .attr("name", "path")
                                    .attr("data-testid", "editor-file")
                                    .children(all.iter().map(|f| {
                                        let label = if f.status.is_empty() {
                                            f.path.clone()
                                        } else {
                                            format!("{}  [{}]", f.path, f.status.trim())
                                        };
                                        el("option")
                                            .attr("value", f.path.as_str())
                                            .flag("selected", f.path == path)
                                            .text(label)
                                    })),
                            ),
                        )
                        .child(
                            el("button")
                                .attr("type", "submit")
                                .class("b2p-button")
                                .attr("data-testid", "editor-save")
                                .attr("data-action", "save")
                                .attr("title", format!("Runs: echo '…' > {path}"))
                                .text("Save"),
                        ),
                )
                .child(
                    el("textarea")
                        .class("b2p-editor__text")
                        .attr("name", "text")
                        .attr("data-testid", "editor-text")
                        .attr("aria-label", format!("Contents of {path}"))
                        .attr("spellcheck", "false")
                        .attr("rows", "14")
                        .text(text),
                ),
        )
}

/// The editor panel: choosing a file shows it; Save writes it.
pub fn editor(parent: &DomNode, ws: &WorkspaceState, page: &mut Page) {
    let w = ws.clone();
    let Some(panel) =
        page.memo(parent, ws, move || (w.with_world(files), w.editing()), |(all, path)| editor_tree(all, path).into())
    else {
        return;
    };
    let (w, host) = (ws.clone(), panel.host().clone());
    page.listen(listen(panel.host(), "change", move |ev| {
        let Some(select) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else { return };
        w.edit_file(select.value());
        // The text area shows the new file (its typed text belonged to the old one).
        if let Some(area) = host
            .query_selector("textarea")
            .ok()
            .flatten()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.set_value(&area.default_value().unwrap_or_default());
        }
    }));
}
