//! The curriculum on the home page, with the learner's progress.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::content;

/// The curriculum with the learner's progress: the index is fetched after
/// the first paint (a few hundred bytes), progress is local.
#[component]
pub fn Lessons() -> impl IntoView {
    let index = content::resource(content::lessons);
    let done = crate::saved::finished();
    move || {
        let list = index.get().unwrap_or_default();
        let finished = list.iter().filter(|(id, _)| done.contains(id)).count();
        let items = list
            .into_iter()
            .map(|(id, title)| {
                let is_done = done.contains(&id);
                view! {
                    <li data-lesson=id.clone() data-done=if is_done { "true" } else { "false" }>
                        <A href=crate::links::lesson(&id)>{title}</A>
                        {if is_done { " ✓ done" } else { "" }}
                    </li>
                }
            })
            .collect_view();
        let total = index.with(|l| l.as_ref().map_or(0, Vec::len));
        view! {
            <section class="b2p-home__lessons" aria-labelledby="lessons" data-testid="lesson-list">
                <h2 id="lessons" class="b2p-home__heading">{format!("Lessons ({finished} of {total} done)")}</h2>
                <ol class="b2p-home__list">{items}</ol>
            </section>
        }
    }
}
