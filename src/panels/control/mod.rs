//! A control from the engine's read model, drawn as a button: it applies the
//! control's action (the terminal echoes its command), is disabled when the
//! engine says it would do nothing, and says why in its tooltip.

use engine::view::Control;
use leptos::prelude::*;

use crate::workspace::expect_workspace;

mod row;
pub use row::Controls;

fn testid(name: &str) -> Option<&'static str> {
    match name {
        "commit-empty" => Some("new-commit"),
        "undo" => Some("undo"),
        "reset" => Some("reset"),
        "topology" => Some("topology"),
        _ => None,
    }
}

/// One control as a button (`data-action`, disabled with its reason).
///
/// - `control`: the control as the engine reads it now. The button stays
///   the same element while it changes (a focused button keeps focus).
/// - `class`: classes beside `b2p-button` (`b2p-button--primary`).
#[component]
pub fn ControlButton(#[prop(into)] control: Signal<Control>, #[prop(optional)] class: &'static str) -> impl IntoView {
    let ws = expect_workspace().ws;
    let name = control.with_untracked(|c| c.name);
    let class = if class.is_empty() { "b2p-button".to_string() } else { format!("b2p-button {class}") };
    view! {
        <button
            type="button"
            class=class
            data-action=name
            data-testid=testid(name)
            title=move || control.with(Control::title)
            disabled=move || !control.with(|c| c.enabled)
            on:click=move |_| ws.apply(&control.with_untracked(|c| c.action.clone()))
        >
            {move || control.with(|c| c.label.clone())}
        </button>
    }
}
