//! Every git step of the guide's flow as a button or a small form — branch,
//! switch, change, stage, commit, merge, push, pull, fetch, open a pull
//! request, protect `main` — from the engine's [`workflow`]. Each runs the
//! same action as its typed command, and the terminal echoes that command.
//!
//! [`workflow`]: engine::view::forms::workflow

use engine::view::forms::Item;
use leptos::prelude::*;

use crate::panels::{ActionForm, ControlButton};
use crate::workspace::expect_workspace;

fn name(item: &Item) -> &'static str {
    match item {
        Item::Button(c) => c.name,
        Item::Form(f) => f.name,
    }
}

/// The git actions, keyed by name: an item keeps its element (and a form
/// the learner's typing) while other items change.
#[component]
pub fn Actions() -> impl IntoView {
    let items = expect_workspace().workflow;
    let names = move || items.with(|is| is.iter().map(name).collect::<Vec<_>>());
    view! {
        <div class="b2p-actions" role="group" aria-label="Git actions">
            <For each=names key=|n| *n let:n>
                {
                    let first = items.with_untracked(|is| is.iter().find(|i| name(i) == n).cloned());
                    first.map(|first| {
                        let item = Memo::new(move |_| {
                            items.with(|is| is.iter().find(|i| name(i) == n).cloned()).unwrap_or_else(|| first.clone())
                        });
                        match item.get_untracked() {
                            Item::Button(c) => {
                                let control = Signal::derive(move || match item.get() {
                                    Item::Button(c) => c,
                                    Item::Form(_) => c.clone(),
                                });
                                view! { <ControlButton control=control /> }.into_any()
                            }
                            Item::Form(f) => {
                                let form = Signal::derive(move || match item.get() {
                                    Item::Form(f) => f,
                                    Item::Button(_) => f.clone(),
                                });
                                view! { <ActionForm form=form /> }.into_any()
                            }
                        }
                    })
                }
            </For>
        </div>
    }
}
