//! One command in the scrollback: the line as typed, and its output, each
//! output line coloured by what it is (the tutor's notes, git's hints,
//! errors). Drawn once: an entry never changes.

use engine::outcome::TUTOR_NOTE;
use leptos::prelude::*;

use crate::workspace::Entry;

fn class(line: &str) -> Option<&'static str> {
    if line.starts_with(TUTOR_NOTE) {
        Some("b2p-terminal__note")
    } else if line.starts_with("hint: ") {
        Some("b2p-terminal__hint-line")
    } else if line.starts_with("error: ") || line.starts_with("fatal: ") || line.starts_with("bash: ") {
        Some("b2p-terminal__err")
    } else {
        None
    }
}

/// One output line, with the newline before it after the first.
fn line(i: usize, line: &str) -> AnyView {
    let text = if i == 0 { line.to_string() } else { format!("\n{line}") };
    match class(line) {
        Some(class) => view! { <span class=class>{text}</span> }.into_any(),
        None => text.into_any(),
    }
}

/// An entry of the scrollback.
///
/// - `entry`: the command and what it printed.
#[component]
pub fn EntryView(entry: Entry) -> impl IntoView {
    let class = if entry.ok { "b2p-terminal__entry" } else { "b2p-terminal__entry b2p-terminal__entry--error" };
    let lines = entry.output.split('\n').enumerate().map(|(i, l)| line(i, l)).collect_view();
    view! {
        <div class=class>
            <div class="b2p-terminal__line">
                <span class="b2p-terminal__prompt" aria-hidden="true">"$ "</span>
                {entry.line}
            </div>
            <pre class="b2p-terminal__text">{lines}</pre>
        </div>
    }
}
