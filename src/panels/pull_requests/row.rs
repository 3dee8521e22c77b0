//! One pull request. Its parts follow it as it changes; the item, its merge
//! box and its opened details stay as the learner left them.

use engine::github::PrState;
use engine::view::pulls::PullRow;
use leptos::prelude::*;

use crate::panels::{ActionForm, Controls};

fn state_name(s: PrState) -> &'static str {
    match s {
        PrState::Open => "open",
        PrState::Closed => "closed",
        PrState::Merged => "merged",
    }
}

fn list(title: &'static str, class: &'static str, items: Vec<String>) -> Option<impl IntoView> {
    (!items.is_empty()).then(|| {
        view! {
            <div>
                <h4 class="b2p-pulls__section">{title}</h4>
                <ul class=class>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

fn meta(p: &PullRow) -> impl IntoView + use<> {
    let checks = match p.checks_pass {
        None => "no checks yet",
        Some(true) => "✓ All checks have passed",
        Some(false) => "× Some checks were not successful",
    };
    let approvals = format!(" · {checks} · {} approval{}", p.approvals, if p.approvals == 1 { "" } else { "s" });
    view! {
        <p class="b2p-pulls__meta">
            {format!("{} wants to merge ", p.author)}<code>{p.head.clone()}</code>" into "<code>{p.base.clone()}</code>
            {approvals}
        </p>
    }
}

/// One pull request as an item of the list.
///
/// - `number`: its number (`data-pr`).
/// - `pr`: what the engine says of it now (`None` when it is gone).
#[component]
pub fn PullRequest(number: u32, pr: Memo<Option<PullRow>>) -> impl IntoView {
    let state = move || pr.with(|p| p.as_ref().map_or("closed", |p| state_name(p.state)));
    let part = move |f: fn(&PullRow) -> AnyView| move || pr.with(|p| p.as_ref().map(f));
    // The review button, then the merge buttons (the first one primary).
    let review = Signal::derive(move || pr.with(|p| p.as_ref().and_then(|p| p.review.clone()).into_iter().collect()));
    let merges = Signal::derive(move || pr.with(|p| p.as_ref().map(|p| p.merges.clone()).unwrap_or_default()));
    // The teammate's "request changes", with what they ask for.
    let ask = Memo::new(move |_| pr.with(|p| p.as_ref().and_then(|p| p.ask_changes.clone())));
    let details = part(|p| {
        let log = (!p.ci_log.is_empty()).then(|| {
            view! {
                <div>
                    <h4 class="b2p-pulls__section">"CI log"</h4>
                    <pre class="b2p-pulls__log">{p.ci_log.join("\n")}</pre>
                </div>
            }
        });
        view! {
            {list("Commits", "b2p-pulls__commits", p.commits.clone())}
            {list("Files changed", "b2p-pulls__files", p.files.clone())}
            {list("Reviews", "b2p-pulls__reviews", p.reviews.clone())}
            {log}
        }
        .into_any()
    });
    view! {
        <li class="b2p-pulls__item" data-pr=number.to_string() data-state=state>
            <div class="b2p-pulls__title">
                <span class=move || format!("b2p-pulls__state b2p-pulls__state--{}", state())>{state}</span>
                {move || pr.with(|p| p.as_ref().map(|p| p.title.clone()))}
                <span class="b2p-pulls__number">{format!("#{number}")}</span>
            </div>
            {part(|p| meta(p).into_any())}
            {part(|p| {
                p.preview
                    .clone()
                    .map(|u| view! { <p class="b2p-pulls__meta">"Deploy preview: "<code>{u}</code></p> })
                    .into_any()
            })}
            {part(|p| {
                (!p.blockers.is_empty())
                    .then(|| view! {
                        <ul class="b2p-pulls__blockers">
                            {p.blockers.iter().map(|b| view! { <li>{b.clone()}</li> }).collect_view()}
                        </ul>
                    })
                    .into_any()
            })}
            <Show when=move || pr.with(|p| p.as_ref().is_some_and(|p| p.state == PrState::Open))>
                <div class="b2p-pulls__merge"><Controls controls=review /><Controls controls=merges primary=true /></div>
                {move || ask.get().map(|first| {
                    // Drawn again only when the form itself changes: typing survives updates.
                    let form = Signal::derive(move || ask.get().unwrap_or_else(|| first.clone()));
                    view! { <ActionForm form=form /> }
                })}
            </Show>
            <details class="b2p-pulls__details">
                <summary>
                    {move || pr.with(|p| p.as_ref().map(|p| format!(
                        "Commits ({}), files changed ({}), reviews ({}), CI",
                        p.commits.len(),
                        p.files.len(),
                        p.reviews.len()
                    )))}
                </summary>
                {details}
            </details>
        </li>
    }
}
