//! A form from the engine's read model, drawn as a small inline form: its
//! fields fill in the command its button runs (the tooltip shows which), and
//! submitting it goes through the engine like a typed line.

use engine::view::forms::{Field, Form};

use crate::markup::{Element, el};

fn field(f: &Field, form: &str) -> Element {
    match f {
        Field::Hidden { name, value } => {
            el("input").attr("type", "hidden").attr("name", *name).attr("value", value.as_str())
        }
        Field::Text { name, label, placeholder, required } => {
            el("label").class("b2p-form__field").child(el("span").class("b2p-form__label").text(*label)).child(
                el("input")
                    .attr("type", "text")
                    .attr("name", *name)
                    .attr("data-field", format!("{form}-{name}"))
                    .attr("placeholder", placeholder.as_str())
                    .attr("autocomplete", "off")
                    .attr("spellcheck", "false")
                    .flag("required", *required),
            )
        }
        Field::Choice { name, label, options, value } => el("label")
            .class("b2p-form__field")
            .child(el("span").class("b2p-form__label").text(*label))
            .child(el("select").attr("name", *name).attr("data-field", format!("{form}-{name}")).children(
                options.iter().map(|o| {
                    el("option")
                        .attr("value", o.value.as_str())
                        .flag("selected", o.value == *value)
                        .text(o.text.as_str())
                }),
            )),
    }
}

/// One form (`data-form` for the submit, `data-action` for tests).
pub fn form(f: &Form) -> Element {
    let title = f.why.clone().unwrap_or_else(|| format!("Runs: {}", f.template));
    el("form")
        .class("b2p-form")
        .attr("data-form", f.name)
        .attr("data-action", f.name)
        // A choice with nothing to choose is left out; the button says why.
        .children(
            f.fields
                .iter()
                .filter(|x| !matches!(x, Field::Choice { options, .. } if options.is_empty()))
                .map(|x| field(x, f.name)),
        )
        .child(
            el("button")
                .attr("type", "submit")
                .class("b2p-button")
                .attr("data-action", f.name)
                .attr("title", title)
                .flag("disabled", f.why.is_some())
                .text(f.submit.as_str()),
        )
}
