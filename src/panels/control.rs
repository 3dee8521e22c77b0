//! A control from the engine's read model, drawn as a button: it applies the
//! control's action (the terminal echoes its command), is disabled when the
//! engine says it would do nothing, and says why in its tooltip.

use engine::view::Control;
use leptos::prelude::*;

use crate::workspace::expect_workspace;

/// One control as a button (`data-action`, disabled with its reason).
#[component]
pub fn ControlButton(
    /// What the button shows and does.
    control: Control,
    /// Extra classes (`b2p-button--primary`).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let ws = expect_workspace();
    let title = control.title();
    let testid = match control.name {
        "commit" => Some("new-commit"),
        "undo" => Some("undo"),
        "reset" => Some("reset"),
        "topology" => Some("topology"),
        _ => None,
    };
    let Control { name, label, action, enabled, .. } = control;
    view! {
        <button type="button" class=format!("b2p-button {class}") data-action=name data-testid=testid
            title=title disabled=!enabled on:click=move |_| ws.apply(&action)>
            {label}
        </button>
    }
}
