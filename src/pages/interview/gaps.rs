//! The answer's gaps: what the learner's worlds do not show yet, each with
//! the lesson that does it.

use engine::interview::Facts;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::content;

/// What the learner's worlds do not show yet, with the lesson that does it.
///
/// - `facts`: what the learner's saved worlds show, read once they load.
#[component]
pub fn Gaps(facts: LocalResource<Facts>) -> impl IntoView {
    let lessons = content::resource(content::lessons);
    move || {
        let Some(f) = facts.get() else {
            return view! {
                <div class="b2p-answer__gaps" data-testid="answer-gaps">
                    <p role="status">"Reading your lessons' worlds…"</p>
                </div>
            }
            .into_any();
        };
        let titles = lessons.get().unwrap_or_default();
        let gaps = f.gaps();
        let list = (!gaps.is_empty()).then(|| {
            let items = gaps
                .iter()
                .map(|(what, lesson)| {
                    let title =
                        titles.iter().find(|(id, _)| id == lesson).map_or("the lesson".to_string(), |(_, t)| t.clone());
                    view! { <li>{format!("{what}: ")}<A href=crate::links::lesson(lesson)>{title}</A></li> }
                })
                .collect_view();
            view! {
                <div>
                    <p>"Your worlds do not show these yet — do them, and the answer tells them:"</p>
                    <ul>{items}</ul>
                </div>
            }
        });
        view! { <div class="b2p-answer__gaps" data-testid="answer-gaps">{list}</div> }.into_any()
    }
}
