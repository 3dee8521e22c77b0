//! The app's page-wide listeners (a share link pasted into the address bar,
//! the page being hidden), for its lifetime.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::{opening, saved};

/// Page-wide listeners, inside the router (a pasted link navigates).
#[component]
pub fn Listeners() -> impl IntoView {
    let navigate = use_navigate();
    // A share link pasted into the address bar of an open page changes only
    // the fragment: open it as a link is opened.
    let pasted = window_event_listener(leptos::ev::hashchange, move |_| {
        if opening::read_fragment() {
            navigate(&opening::path_now(), NavigateOptions { replace: true, ..NavigateOptions::default() });
        }
    });
    // Saved a moment after each change; at once when the page is hidden.
    let hidden = window_event_listener(leptos::ev::pagehide, |_| saved::flush());
    on_cleanup(move || {
        pasted.remove();
        hidden.remove();
    });
}
