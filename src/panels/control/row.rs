//! A row of the engine's controls as buttons.

use engine::view::Control;
use leptos::prelude::*;

use super::ControlButton;

/// A row of controls, keyed by name: a control whose state changes keeps
/// its button.
///
/// - `controls`: the row as the engine reads it now.
/// - `primary`: the first control is styled as the main action.
#[component]
pub fn Controls(#[prop(into)] controls: Signal<Vec<Control>>, #[prop(optional)] primary: bool) -> impl IntoView {
    let names = move || controls.with(|cs| cs.iter().enumerate().map(|(i, c)| (i, c.name)).collect::<Vec<_>>());
    view! {
        <For each=names key=|(_, name)| *name let:((i, name))>
            {
                let first = controls.with_untracked(|cs| cs.iter().find(|c| c.name == name).cloned());
                first.map(|first| {
                    // This control as the engine reads it now, however the row changes.
                    let control = Memo::new(move |_| {
                        controls.with(|cs| cs.iter().find(|c| c.name == name).cloned()).unwrap_or_else(|| first.clone())
                    });
                    let class = if primary && i == 0 { "b2p-button--primary" } else { "" };
                    view! { <ControlButton control=control class=class /> }
                })
            }
        </For>
    }
}
