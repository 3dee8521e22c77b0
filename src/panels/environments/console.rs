//! The request console on a server card: the request form, and the last
//! answer — the `curl` line, the response as curl printed it, what each
//! setting did, and the log lines written.

use engine::view::forms::Form;
use leptos::prelude::*;

use crate::panels::ActionForm;
use crate::workspace::{Request, expect_workspace};

fn answer(r: Request) -> impl IntoView {
    let e = r.explained;
    let effects = e
        .effects
        .iter()
        .map(|f| view! { <dt><code>{f.key}</code></dt><dd data-key=f.key>{f.text.clone()}</dd> })
        .collect_view();
    let logs = (!e.logs.is_empty())
        .then(|| view! { <pre class="b2p-console__logs" data-testid="console-logs">{e.logs.join("\n")}</pre> });
    view! {
        <div class="b2p-console__answer" role="status">
            <p class="b2p-console__curl"><code>{format!("$ {}", e.curl)}</code></p>
            <pre class="b2p-console__response" data-testid="console-response">{r.output}</pre>
            <dl class="b2p-console__effects">{effects}</dl>
            {logs}
        </div>
    }
}

/// A server's request console.
///
/// - `server`: the card's server; the console shows its last request only.
/// - `form`: the request form as the engine reads it now.
#[component]
pub fn Console(server: String, form: Signal<Form>) -> impl IntoView {
    let ws = expect_workspace().ws;
    let s = server.clone();
    let request = Memo::new(move |_| ws.request().filter(|r| r.explained.server == s));
    view! {
        <details
            class="b2p-console"
            data-testid="request-console"
            data-server=server
            open=move || request.with(Option::is_some)
        >
            <summary>"Request console"</summary>
            <ActionForm form=form />
            {move || request.get().map(answer)}
        </details>
    }
}
