//! A control from the engine's read model, drawn as a button: it applies the
//! control's action (the terminal echoes its command), is disabled when the
//! engine says it would do nothing, and says why in its tooltip.

use engine::view::Control;

use crate::markup::{Element, el};

/// One control as a button (`data-action`, disabled with its reason);
/// `class` adds classes (`b2p-button--primary`).
pub fn button(control: Control, class: &str) -> Element {
    let title = control.title();
    let testid = match control.name {
        "commit-empty" => Some("new-commit"),
        "undo" => Some("undo"),
        "reset" => Some("reset"),
        "topology" => Some("topology"),
        _ => None,
    };
    let Control { name, label, action, enabled, .. } = control;
    let class = if class.is_empty() { "b2p-button".to_string() } else { format!("b2p-button {class}") };
    el("button")
        .attr("type", "button")
        .class(class)
        .attr("data-action", name)
        .attr_opt("data-testid", testid)
        .attr("title", title)
        .flag("disabled", !enabled)
        .text(label)
        .on_click(action)
}
