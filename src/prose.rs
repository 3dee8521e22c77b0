//! Prose from content files: text with `backticked` spans as code. Nothing
//! else is interpreted, so no markup in a content file reaches the page as
//! HTML.

use leptos::prelude::*;

/// `text` as text nodes and `<code>` spans.
pub fn inline(text: &str) -> impl IntoView + use<> {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            let part = part.to_string();
            if i % 2 == 1 { view! { <code>{part}</code> }.into_any() } else { part.into_any() }
        })
        .collect_view()
}
