//! A form from the engine's read model, drawn as a small inline form: its
//! fields fill in the command its button runs (the tooltip shows which), and
//! submitting it goes through the engine like a typed line.

use engine::view::forms::{Field, Form};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::workspace::expect_workspace;

fn field(f: &Field, form: &'static str) -> AnyView {
    match f.clone() {
        Field::Hidden { name, value } => view! { <input type="hidden" name=name value=value /> }.into_any(),
        Field::Text { name, label, placeholder, required } => view! {
            <label class="b2p-form__field">
                <span class="b2p-form__label">{label}</span>
                <input
                    type="text"
                    name=name
                    data-field=format!("{form}-{name}")
                    placeholder=placeholder
                    autocomplete="off"
                    spellcheck="false"
                    required=required
                />
            </label>
        }
        .into_any(),
        Field::Choice { name, label, options, value } => view! {
            <label class="b2p-form__field">
                <span class="b2p-form__label">{label}</span>
                <select name=name data-field=format!("{form}-{name}")>
                    {options
                        .into_iter()
                        .map(|o| {
                            let selected = o.value == value;
                            view! { <option value=o.value selected=selected>{o.text}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        }
        .into_any(),
    }
}

/// A form's named inputs, selects and text areas, as (name, value).
pub fn values(form: &web_sys::HtmlFormElement) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(list) = form.query_selector_all("[name]") else {
        return out;
    };
    for i in 0..list.length() {
        let Some(node) = list.item(i) else { continue };
        let value = if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            input.value()
        } else if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.value()
        } else if let Some(text) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            text.value()
        } else {
            continue;
        };
        if let Some(name) = node.dyn_ref::<web_sys::Element>().and_then(|e| e.get_attribute("name")) {
            out.push((name, value));
        }
    }
    out
}

/// The submitted form's values, and the form reset for the next command
/// (as a terminal's prompt is).
pub fn submitted(ev: &SubmitEvent) -> Option<Vec<(String, String)>> {
    ev.prevent_default();
    let form = ev.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
    let values = values(&form);
    form.reset();
    Some(values)
}

/// One form (`data-form` for the submit, `data-action` for tests).
///
/// - `form`: the form as the engine reads it now. Its fields are drawn
///   again only when it changes (the learner's typing survives other
///   commands).
#[component]
pub fn ActionForm(#[prop(into)] form: Signal<Form>) -> impl IntoView {
    let ws = expect_workspace().ws;
    let name = form.with_untracked(|f| f.name);
    let on_submit = move |ev: SubmitEvent| {
        if let Some(values) = submitted(&ev) {
            ws.submit(name, &values);
        }
    };
    view! {
        <form class="b2p-form" data-form=name data-action=name on:submit=on_submit>
            // A choice with nothing to choose is left out; the button says why.
            {move || form.with(|f| {
                f.fields
                    .iter()
                    .filter(|x| !matches!(x, Field::Choice { options, .. } if options.is_empty()))
                    .map(|x| field(x, name))
                    .collect_view()
            })}
            <button
                type="submit"
                class="b2p-button"
                data-action=name
                title=move || form.with(|f| f.why.clone().unwrap_or_else(|| format!("Runs: {}", f.template)))
                disabled=move || form.with(|f| f.why.is_some())
            >
                {move || form.with(|f| f.submit.clone())}
            </button>
        </form>
    }
}
