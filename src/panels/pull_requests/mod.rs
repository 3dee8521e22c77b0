//! Pull requests on origin, as GitHub shows them: state, branches, checks,
//! reviews, the deploy preview, what blocks the merge, the merge box (merge,
//! squash, rebase) and a review by the teammate; each opens to its commits,
//! files changed, reviews and CI log.

mod row;

use leptos::prelude::*;

use crate::workspace::expect_workspace;
use row::PullRequest;

/// The pull requests panel (`data-testid=pr-panel`), keyed by number.
#[component]
pub fn PullRequests() -> impl IntoView {
    let pulls = expect_workspace().pulls;
    let numbers = move || pulls.with(|ps| ps.iter().map(|p| p.number).collect::<Vec<_>>());
    view! {
        <section class="b2p-panel b2p-panel--pulls" aria-label="Pull requests" data-testid="pr-panel">
            <h2 class="b2p-panel__title">"Pull requests"</h2>
            <Show when=move || pulls.with(Vec::is_empty)>
                <p class="b2p-panel__note">
                    "No pull requests yet. Push a feature branch, then "
                    <code>"gh pr create --base development --fill"</code>
                    " — or the “Open a pull request” button."
                </p>
            </Show>
            <ul class="b2p-pulls">
                <For each=numbers key=|n| *n let:number>
                    {
                        let pr = Memo::new(move |_| pulls.with(|ps| ps.iter().find(|p| p.number == number).cloned()));
                        view! { <PullRequest number=number pr=pr /> }
                    }
                </For>
            </ul>
        </section>
    }
}
