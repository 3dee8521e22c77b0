//! The commit picked in the graph: its message, files, refs, and the
//! servers that run it.

use engine::view::graph::commit_detail;
use leptos::prelude::*;

use crate::workspace::expect_workspace;

/// The picked commit's box (nothing when none is picked).
#[component]
pub fn Detail() -> impl IntoView {
    let ws = expect_workspace().ws;
    let detail = Memo::new(move |_| ws.picked_commit().and_then(|id| ws.with_world(|w| commit_detail(w, &id))));
    move || {
        detail.get().map(|d| {
            let runs = if d.servers.is_empty() {
                "No server runs it.".to_string()
            } else {
                format!("Runs on: {}.", d.servers.join(", "))
            };
            let refs = (!d.refs.is_empty())
                .then(|| view! { <p class="b2p-panel__note">{format!("Refs: {}", d.refs.join(", "))}</p> });
            view! {
                <div
                    class="b2p-commit"
                    data-testid="commit-detail"
                    data-commit=d.id.clone()
                    role="region"
                    aria-label=format!("Commit {}", d.short)
                >
                    <p class="b2p-commit__head"><code>{d.short.clone()}</code>{format!(" {}", d.author)}</p>
                    <pre class="b2p-commit__message">{d.message.clone()}</pre>
                    {refs}
                    <ul class="b2p-commit__files">
                        {d.files.iter().map(|f| view! { <li><code>{f.clone()}</code></li> }).collect_view()}
                    </ul>
                    <p class="b2p-commit__runs" data-testid="commit-servers">{runs}</p>
                </div>
            }
        })
    }
}
